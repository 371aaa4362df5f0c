/** Shared by the fault drills, bad-input and secret-hygiene tests: a sandbox, runs and invariants. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { runNode, type NodeRun, type RunNodeOptions } from '../support/harness';
import { basicAuth } from '../support/infobip';

export { basicAuth };

/** The scenario every send names: SMS only, the account's default. */
export const DRILL_SCENARIO = 'D0110000000000000000000000000001';

export async function startDrillSandbox(): Promise<Sandbox> {
	return await startSandbox({
		clock: { manual: true },
		scenarios: [
			{
				key: DRILL_SCENARIO,
				name: 'Drills: SMS',
				flow: [{ from: 'InfoSMS', channel: 'SMS' }],
				default: true,
			},
		],
	});
}

/** Distinct numbers the sandbox delivers (last four digits 2700–2799). */
export const phone = (index: number) => `417930${String(22700 + index)}`;

export const scenarioById = (key: string = DRILL_SCENARIO) => ({
	__rl: true,
	mode: 'key',
	value: key,
});

/** Send Text of `{{ $json.text }}` (or one text) to `{{ $json.phone }}`, Continue On Fail by default. */
export async function sendText(
	sandbox: Sandbox,
	options: {
		items: number;
		/** The node's Request Settings (batch size, retries, timeout…). */
		nodeOptions?: IDataObject;
		sameText?: boolean;
		executionId?: string;
		onError?: RunNodeOptions['onError'] | 'stop';
		/** The input items (default: `items` items with a distinct phone and text each). */
		input?: INodeExecutionData[];
		nodeSettings?: RunNodeOptions['nodeSettings'];
	},
): Promise<NodeRun> {
	const text = options.sameText === false ? '={{ $json.text }}' : 'Your parcel is on its way';
	return await runNode({
		parameters: {
			resource: 'message',
			operation: 'sendText',
			scenario: scenarioById(),
			phoneNumbers: '={{ $json.phone }}',
			smsText: text,
			requestSettings: options.nodeOptions ?? {},
		} as INodeParameters,
		credentials: basicAuth(sandbox),
		input:
			options.input ??
			Array.from({ length: options.items }, (_, i) => ({
				json: { phone: phone(i), text: `Parcel ${i} is on its way` },
			})),
		...(options.onError === 'stop' ? {} : { onError: options.onError ?? 'continueRegularOutput' }),
		...(options.executionId ? { executionId: options.executionId } : {}),
		...(options.nodeSettings ? { nodeSettings: options.nodeSettings } : {}),
	});
}

/** Every output item: the regular output and the error output. */
export const allItems = (run: NodeRun): INodeExecutionData[] => [...run.output, ...run.errorOutput];

const pairedIndex = (item: INodeExecutionData) =>
	(Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem) as
		| { item: number }
		| undefined;

/** Invariant: every input item has at least one output item or error item, paired to it. */
export function expectEveryItemAnswered(run: NodeRun, items: number) {
	const answered = new Set(allItems(run).map((item) => pairedIndex(item)?.item));
	const missing = Array.from({ length: items }, (_, i) => i).filter((i) => !answered.has(i));
	expect(missing).toEqual([]);
}

/** Invariant: the sandbox accepted no message ID twice, and counted each accepted one once. */
export function expectNoMessageAcceptedTwice(sandbox: Sandbox) {
	const ids = sandbox.messages().map((message) => message.messageId);
	expect(new Set(ids).size).toBe(ids.length);
	expect(sandbox.acceptedCount()).toBe(ids.length);
}

/** A sentence that tells the user whether the request may have taken effect. */
export const SAYS_MAY_HAVE_BEEN_SENT = /may have been carried out/;
export const SAYS_NOT_SENT = /refused|not sent|nothing was sent|was not carried out|not processed/i;

/** Invariant: each error item says whether its message may have been sent. */
export function expectErrorsSayWhetherSent(run: NodeRun) {
	for (const item of allItems(run).filter((i) => i.json.error !== undefined)) {
		const details = (item.json.details ?? {}) as IDataObject;
		const words = `${String(item.json.error)} ${String(details.description ?? '')}`;
		expect(SAYS_MAY_HAVE_BEEN_SENT.test(words) || SAYS_NOT_SENT.test(words)).toBe(true);
	}
}

/** The sandbox's log of one path. */
export const requestsTo = (sandbox: Sandbox, path: string) =>
	sandbox.requests().filter((request) => request.path === path);

/** What each item output, compactly: `ACCEPTED`, `REJECTED_DESTINATION`, or `error: <message>`. */
export function outcomes(run: NodeRun): string[] {
	return allItems(run)
		.slice()
		.sort((a, b) => (pairedIndex(a)?.item ?? 0) - (pairedIndex(b)?.item ?? 0))
		.map((item) =>
			item.json.error !== undefined
				? `error: ${String(item.json.error)}`
				: String(item.json.statusName ?? item.json.status),
		);
}
