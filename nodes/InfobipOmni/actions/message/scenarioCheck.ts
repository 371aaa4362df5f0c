import type { IDataObject, IExecuteFunctions, NodeExecutionHint } from 'n8n-workflow';

import { channelName, OMNI_CHANNELS } from '../../channels';
import { senderMismatch } from '../../channels/senders';
import type { PreparedSend } from '../../dispatch';
import { infobipApiRequest, type RetryPolicy } from '../../transport';
import { scenarioPath } from '../../transport/endpoints';

/** A scenario's flow as Infobip returns it (https://www.infobip.com/docs/api/channels/omni-failover/get-omni-failover-scenario). */
interface Step {
	channel: string;
	from?: string;
}

/** Scenarios checked per run at most: one GET each, after the send. */
const MAX_CHECKED_SCENARIOS = 10;
/** The check is a courtesy: it waits at most this long per scenario and never retries. */
const CHECK_TIMEOUT_MS = 3_000;

/** Hints already given in this node run (one n8n context object per run). */
const given = new WeakMap<object, Set<string>>();

/** Adds a hint above the output in the editor, once per node run. */
export function addHintOnce(
	context: IExecuteFunctions,
	message: string,
	type: NodeExecutionHint['type'] = 'warning',
): void {
	let messages = given.get(context);
	if (!messages) given.set(context, (messages = new Set()));
	if (messages.has(message)) return;
	messages.add(message);
	context.addExecutionHints({ message, type, location: 'outputPane' });
}

/** The short name of a channel in a flow, e.g. "WhatsApp", "Facebook Messenger". */
const stepName = (channel: string) => channelName(channel).replace(/ \(Legacy\)$/, '');

const flowText = (flow: Step[]) => flow.map((step) => stepName(step.channel)).join(' → ');

const andList = (names: string[]) =>
	names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** A scenario's steps in order, each with its channel (and sender when it has one). */
export const readFlow = (scenario: IDataObject): Step[] =>
	(Array.isArray(scenario.flow) ? scenario.flow : [])
		.filter((step): step is IDataObject => typeof step === 'object' && step !== null)
		.filter((step) => typeof step.channel === 'string')
		.map((step) => ({
			channel: step.channel as string,
			...(typeof step.from === 'string' ? { from: step.from } : {}),
		}));

/**
 * The warning for a scenario whose steps get no content, or undefined when every step has some.
 * `title` names the scenario ("Scenario 'Chat'"); `addWhere` where this operation takes content.
 */
export function missingContentHint(
	title: string,
	flow: Step[],
	withContent: ReadonlySet<string>,
	addWhere: string,
): string | undefined {
	const empty = flow
		.map((step, index) => ({ ...step, index }))
		.filter((step) => !withContent.has(step.channel));
	if (empty.length === 0) return undefined;
	const clauses = empty.map((step) => {
		const next = flow[step.index + 1];
		const then = next ? `${stepName(next.channel)} follows` : 'no step follows';
		return `the ${stepName(step.channel)} step gets no content, so it fails and ${then}`;
	});
	const names = [...new Set(empty.map((step) => stepName(step.channel)))];
	return `${title} (${flowText(flow)}): ${clauses.join('; ')}. Add ${andList(names)} ${addWhere}, or pick a scenario without ${names.length === 1 ? 'it' : 'them'}.`;
}

/** The hint for steps whose sender does not look like their channel's, or undefined; `fix` ends it. */
export function senderHint(title: string, flow: Step[], fix: string): string | undefined {
	const problems = flow.flatMap((step, index) => {
		const problem = step.from === undefined ? undefined : senderMismatch(step.channel, step.from);
		return problem ? [`step ${index + 1}: ${problem}`] : [];
	});
	if (problems.length === 0) return undefined;
	return `${title} (${flowText(flow)}), ${problems.join('; ')}. ${fix}`;
}

/** At Scenario → Create / Update: hints for senders that do not look like their channel's. */
export function hintSenders(
	this: IExecuteFunctions,
	title: string,
	flow: Array<{ channel: string; from: string }>,
): void {
	const hint = senderHint(
		title,
		flow,
		"Infobip may refuse the scenario or that step's messages: check the step's Sender.",
	);
	if (hint) addHintOnce(this, hint);
}

/** Where each operation takes channel content from, for the fix. */
function addWhere(operation: string): string {
	return operation === 'sendAdvanced'
		? 'under Channel Contents'
		: 'with Message → Send Advanced (this operation sends Facebook Messenger and SMS only)';
}

/**
 * After a send: reads each scenario the run named (one GET each, no retry, short timeout) and
 * warns when a step's channel got no content or its sender does not look like the channel's.
 * Sends with the default scenario are not checked (resolving it is another lookup). A failed
 * read says the check was skipped and nothing else: the messages went out as they were.
 */
export async function checkScenarios(
	this: IExecuteFunctions,
	sent: PreparedSend[],
	policy: RetryPolicy,
): Promise<void> {
	const channelsByKey = new Map<string, Set<string>>();
	for (const { body } of sent) {
		const key = typeof body.scenarioKey === 'string' ? body.scenarioKey : undefined;
		if (!key) continue;
		let channels = channelsByKey.get(key);
		if (!channels) channelsByKey.set(key, (channels = new Set()));
		for (const channel of OMNI_CHANNELS) if (body[channel.bodyKey]) channels.add(channel.value);
	}
	if (channelsByKey.size === 0) return;

	const operation = String(this.getNodeParameter('operation', 0, ''));
	const checkPolicy: RetryPolicy = {
		...policy,
		maxRetries: 0,
		maxRetryWaitMs: 0,
		timeoutMs: Math.min(policy.timeoutMs, CHECK_TIMEOUT_MS),
	};
	const keys = [...channelsByKey.keys()];
	for (const key of keys.slice(0, MAX_CHECKED_SCENARIOS)) {
		let scenario: IDataObject;
		try {
			scenario = await infobipApiRequest.call(
				this,
				{ method: 'GET', path: scenarioPath(key) },
				checkPolicy,
			);
		} catch (error) {
			addHintOnce(
				this,
				`The steps of scenario ${key} were not checked against the channel contents: reading the scenario failed (${(error as Error).message}). The send itself is not affected.`,
				'info',
			);
			// One failure (a slow or refusing server) is enough: the other scenarios would wait as long.
			return;
		}
		const flow = readFlow(scenario);
		const title = `Scenario '${typeof scenario.name === 'string' && scenario.name ? scenario.name : key}'`;
		const contentHint = missingContentHint(
			title,
			flow,
			channelsByKey.get(key) ?? new Set(),
			addWhere(operation),
		);
		if (contentHint) addHintOnce(this, contentHint);
		const fromHint = senderHint(
			title,
			flow,
			"Infobip may refuse that step's messages: correct its Sender with Scenario → Update.",
		);
		if (fromHint) addHintOnce(this, fromHint);
	}
	if (keys.length > MAX_CHECKED_SCENARIOS) {
		addHintOnce(
			this,
			`Only the first ${MAX_CHECKED_SCENARIOS} of the ${keys.length} scenarios of this run were checked for steps without content.`,
			'info',
		);
	}
}
