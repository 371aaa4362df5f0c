// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run demo`: runs the seed's flow both ways, each the same file users import into n8n,
 * through n8n-core's WorkflowExecute against the local sandbox, and prints who got what over
 * which channel at what price:
 * 1. examples/facebook-sms-failover.json (Infobip OMNI): create the scenario, send a text to four
 *    kinds of recipient and an image to a fifth, wait for the reports, get them;
 * 2. examples/messenger-sms-failover.json (Infobip Messages API): send Messenger with an SMS
 *    failover step to three kinds of recipient (PSID and phone number each), wait, get the reports.
 *
 * The Infobip nodes are the real ones; the n8n-nodes-base nodes of the workflows (Manual
 * Trigger, Set, Split Out, Wait) are stand-ins described in scripts/workflow-runner.ts. The Wait
 * nodes' 10 s pass on the sandbox's clock, not in real time.
 *
 * Real account (the node never reads the environment; this script does):
 *   INFOBIP_BASE_URL=https://xxxxx.api.infobip.com INFOBIP_API_KEY=… \
 *     npm run demo -- --live --yes-send-real-messages --to 41790000000 --facebook-app-key <key> \
 *       [--messenger-page-id <page id> --psid <PSID>]
 * (or INFOBIP_USERNAME and INFOBIP_PASSWORD instead of INFOBIP_API_KEY). Without
 * --messenger-page-id and --psid the live run skips the Messages API flow.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use, and logs node errors to the console.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'infobip-omni-demo-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import { DEFAULT_ACCOUNT, startSandbox, type Sandbox } from '../sandbox';
import { runWorkflow, type WorkflowJson } from './workflow-runner';

const print = (line = '') => process.stdout.write(`${line}\n`);

export const DEMO_WORKFLOW = 'examples/facebook-sms-failover.json';
export const MESSAGES_DEMO_WORKFLOW = 'examples/messenger-sms-failover.json';

/** The repository root, from the sources (scripts/) or from the build (.dev-dist/scripts/). */
function repositoryRoot(): string {
	const up = __dirname.includes('.dev-dist') ? '../..' : '..';
	return resolve(__dirname, up);
}

export function loadDemoWorkflow(file = DEMO_WORKFLOW): WorkflowJson {
	return JSON.parse(readFileSync(join(repositoryRoot(), file), 'utf8')) as WorkflowJson;
}

const USAGE = `Usage: npm run demo [-- options]
  (no options)                 run examples/facebook-sms-failover.json (OMNI), then
                                 examples/messenger-sms-failover.json (Messages API),
                                 against a local sandbox
  --live                       run them against the Infobip account in the environment:
                                 INFOBIP_BASE_URL and INFOBIP_API_KEY,
                                 or INFOBIP_BASE_URL, INFOBIP_USERNAME and INFOBIP_PASSWORD
  --yes-send-real-messages     required with --live: real messages are sent and charged
  --to <phone>[,<phone>…]      with --live: the recipients (international format)
  --facebook-app-key <key>     with --live: your Facebook application key (the FACEBOOK step's sender)
  --sms-sender <sender>        with --live: the SMS step's sender (default InfoSMS)
  --messenger-page-id <id>     with --live: your Messenger Page ID (the Messages API flow's sender)
  --psid <psid>[,<psid>…]      with --live: the Messenger users (page-scoped IDs), the n-th
                                 failing over to SMS on the n-th --to number; without these
                                 two, the live run skips the Messages API flow
  --wait <seconds>             with --live: how long to wait for reports (default 60)
With INFOBIP_BASE_URL pointing at localhost or 127.0.0.1 (e.g. \`npm run sandbox\`), the demo uses
that sandbox without --live (credentials default to the sandbox's Aladdin / open sesame).`;

interface Arguments {
	live: boolean;
	confirmed: boolean;
	to: string[];
	facebookAppKey?: string;
	smsSender: string;
	messengerPageId?: string;
	psids: string[];
	waitSeconds: number;
	help: boolean;
}

const list = (value: string) =>
	value
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);

function parseArguments(argv: string[]): Arguments | string {
	const parsed: Arguments = {
		live: false,
		confirmed: false,
		to: [],
		smsSender: 'InfoSMS',
		psids: [],
		waitSeconds: 60,
		help: false,
	};
	for (let index = 0; index < argv.length; index++) {
		const [flag, inline] = argv[index].split(/=(.*)/s, 2);
		const value = () => inline ?? argv[++index] ?? '';
		switch (flag) {
			case '--live':
				parsed.live = true;
				break;
			case '--yes-send-real-messages':
				parsed.confirmed = true;
				break;
			case '--to':
				parsed.to.push(...list(value()));
				break;
			case '--facebook-app-key':
				parsed.facebookAppKey = value();
				break;
			case '--sms-sender':
				parsed.smsSender = value();
				break;
			case '--messenger-page-id':
				parsed.messengerPageId = value();
				break;
			case '--psid':
				parsed.psids.push(...list(value()));
				break;
			case '--wait':
				parsed.waitSeconds = Number(value());
				if (!(parsed.waitSeconds >= 0)) return '--wait needs a number of seconds';
				break;
			case '--help':
			case '-h':
				parsed.help = true;
				break;
			default:
				return `unknown option ${argv[index]}`;
		}
	}
	return parsed;
}

const isLocal = (url: string) =>
	/^(https?:\/\/)?(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(url.trim());

interface Target {
	baseUrl: string;
	kind: 'local sandbox' | 'sandbox' | 'live';
	credentialType: 'infobipOmniBasicAuthApi' | 'infobipOmniApiKeyApi';
	credentials: ICredentialDataDecryptedObject;
	/** What to print about the account: never a secret. */
	describe: string;
}

/** Decides where the demo runs, from the environment and the flags; a string is a refusal. */
export function chooseTarget(
	env: Record<string, string | undefined>,
	args: Pick<Arguments, 'live' | 'confirmed' | 'to' | 'facebookAppKey'>,
): Target | string | undefined {
	const baseUrl = env.INFOBIP_BASE_URL?.trim();
	if (!baseUrl) {
		if (args.live)
			return '--live needs INFOBIP_BASE_URL (and INFOBIP_API_KEY or INFOBIP_USERNAME/INFOBIP_PASSWORD)';
		return undefined; // start a sandbox
	}
	const local = isLocal(baseUrl);
	if (!local && !(args.live && args.confirmed)) {
		return `INFOBIP_BASE_URL is ${baseUrl}, not a local sandbox: this would send real, charged messages. Add --live --yes-send-real-messages --to <your phone> to do so.`;
	}
	if (args.live && !args.confirmed) return '--live needs --yes-send-real-messages as well';
	if (args.live && !args.to.length)
		return "--live needs --to <phone>: the demo's numbers are the sandbox's";
	if (args.live && !args.facebookAppKey) {
		return "--live needs --facebook-app-key <key> (the FACEBOOK step's sender, from your Infobip account)";
	}
	const apiKey = env.INFOBIP_API_KEY;
	const username = env.INFOBIP_USERNAME ?? (local ? DEFAULT_ACCOUNT.username : undefined);
	const password = env.INFOBIP_PASSWORD ?? (local ? DEFAULT_ACCOUNT.password : undefined);
	const kind = args.live ? 'live' : 'sandbox';
	if (apiKey) {
		return {
			baseUrl,
			kind,
			credentialType: 'infobipOmniApiKeyApi',
			credentials: { apiKey, baseUrl },
			describe: 'API key from INFOBIP_API_KEY',
		};
	}
	if (username && password) {
		return {
			baseUrl,
			kind,
			credentialType: 'infobipOmniBasicAuthApi',
			credentials: { username, password, baseUrl },
			describe: `Basic auth as ${username}`,
		};
	}
	return 'set INFOBIP_API_KEY, or INFOBIP_USERNAME and INFOBIP_PASSWORD';
}

/**
 * Whether the live run also runs the Messages API flow: true with --messenger-page-id and --psid,
 * false with neither; a string is a refusal (one without the other, or a PSID without a phone).
 */
export function messagesApiLive(
	args: Pick<Arguments, 'to' | 'messengerPageId' | 'psids'>,
): boolean | string {
	const page = Boolean(args.messengerPageId);
	if (!page && !args.psids.length) return false;
	if (!page) return '--psid needs --messenger-page-id <id> (the Messenger sender of your account)';
	if (!args.psids.length) return '--messenger-page-id needs --psid <PSID> (who gets the message)';
	if (args.psids.length > args.to.length) {
		return `--psid gives ${args.psids.length} Messenger users but --to only ${args.to.length} phone numbers: each user's SMS failover needs one`;
	}
	return true;
}

/** The workflow as the live run needs it: your recipients, your Facebook key, no new default. */
function forLiveAccount(workflow: WorkflowJson, args: Arguments): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const node = (name: string) => copy.nodes.find((n) => n.name === name) as INode;
	Object.assign(node('Create Scenario').parameters, {
		name: `n8n demo Facebook-SMS scenario ${new Date().toISOString()}`,
		steps: {
			step: [
				{ channel: 'FACEBOOK', from: args.facebookAppKey },
				{ channel: 'SMS', from: args.smsSender },
			],
		},
		isDefault: false, // never replace the account's default scenario
	});
	node('Recipients').parameters.jsonOutput = JSON.stringify({
		recipients: args.to.map((phone, index) => ({ who: `Recipient ${index + 1}`, phone })),
	});
	node('Send Rich Media').parameters.phoneNumbers = args.to[0];
	node('Wait for Reports').parameters.amount = args.waitSeconds;
	return copy;
}

/** The Messages API workflow as the live run needs it: your Page, your users, your numbers. */
function forLiveMessagesApi(workflow: WorkflowJson, args: Arguments): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const node = (name: string) => copy.nodes.find((n) => n.name === name) as INode;
	node('Recipients').parameters.jsonOutput = JSON.stringify({
		recipients: args.psids.map((psid, index) => ({
			who: `Recipient ${index + 1}`,
			psid,
			phone: args.to[index],
		})),
	});
	const send = node('Send Text').parameters as IDataObject;
	send.sender = args.messengerPageId;
	const steps = (send.failover as { steps: IDataObject[] }).steps;
	steps[0] = { ...steps[0], sender: args.smsSender };
	node('Wait for Reports').parameters.amount = args.waitSeconds;
	return copy;
}

/** Points every Infobip OMNI and Messages API node at the chosen credential type. */
function withCredential(workflow: WorkflowJson, target: Target): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (!/\.infobip(Omni|Messages)$/.test(node.type)) continue;
		node.parameters.authentication =
			target.credentialType === 'infobipOmniApiKeyApi' ? 'apiKey' : 'basicAuth';
		node.credentials = { [target.credentialType]: { id: 'demo', name: 'demo' } };
	}
	return copy;
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	return rows
		.map((row) =>
			row
				.map((cell, column) => cell.padEnd(widths[column]))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

export interface DemoResult {
	/** One row per delivery report: recipient, to, channel, status group, price. */
	rows: string[][];
	messages: number;
	delivered: number;
}

/** What the Messages API's Get Many hands out in the demo (the sandbox's rule, as Infobip's). */
const MESSAGES_API_REPORTS = 'one per channel tried';

/** Runs a demo workflow and returns its report table; the caller provides the target. */
export async function runDemo(
	workflow: WorkflowJson,
	target: Target,
	wait: (ms: number) => Promise<void>,
	log: (line: string) => void = () => {},
): Promise<DemoResult> {
	let step = 0;
	const messagesApi = workflow.nodes.some((node) => node.type.endsWith('.infobipMessages'));
	const result = await runWorkflow({
		workflow: withCredential(workflow, target),
		credentials: { [target.credentialType]: target.credentials },
		wait,
		onNodeRun: (name, task) => {
			const items = task.data?.main?.[0] ?? [];
			const first = items[0]?.json ?? {};
			const detail =
				task.error !== undefined
					? `failed: ${task.error.message}`
					: name === 'Create Scenario'
						? `${String(first.key)} (${((first.flow as IDataObject[]) ?? []).map((s) => s.channel).join(' → ')}${first.default ? ', default' : ''})`
						: name === 'Send Text' || name === 'Send Rich Media'
							? `${items.length} message${items.length === 1 ? '' : 's'} ${[...new Set(items.map((i) => i.json.status))].join(', ')}`
							: name === 'Get Delivery Reports'
								? `${items.length} reports (${messagesApi ? MESSAGES_API_REPORTS : 'one per scenario step tried'})`
								: `${items.length} item${items.length === 1 ? '' : 's'}`;
			log(`${++step}. ${name}: ${detail}`);
		},
	});
	if (result.error) return await Promise.reject(result.error);

	const recipients = result.output('One Item per Recipient');
	const sent = result.output('Send Text');
	const media = result.output('Send Rich Media');
	const who = new Map<string, string>();
	for (const message of sent) {
		const paired = message.pairedItem as { item: number };
		who.set(String(message.json.messageId), String(recipients[paired.item]?.json.who ?? '?'));
	}
	for (const message of media) who.set(String(message.json.messageId), 'Facebook user, image');
	// On a real account, Get Many also hands out reports of other sends: keep ours.
	const reports = result
		.output('Get Delivery Reports')
		.map((item) => item.json)
		.filter((report) => who.has(String(report.messageId)));
	const rows = reports
		.map((report) => {
			const price = report.price as IDataObject | undefined;
			return [
				who.get(String(report.messageId)) as string,
				String(report.to),
				String(report.channel),
				String(report.statusGroup),
				price ? `${Number(price.pricePerMessage).toFixed(4)} ${String(price.currency)}` : '',
			];
		})
		.sort((a, b) => a[0].localeCompare(b[0])); // stable: each recipient's steps keep report order
	const delivered = new Set(
		reports
			.filter((report) => report.statusGroup === 'DELIVERED')
			.map((report) => report.messageId),
	).size;
	return { rows, messages: who.size, delivered };
}

/** The two flows the demo runs, in order. */
const FLOWS = [
	{
		file: DEMO_WORKFLOW,
		api: 'Infobip OMNI',
		summary: 'the failed Facebook steps failed over to SMS.',
	},
	{
		file: MESSAGES_DEMO_WORKFLOW,
		api: 'Infobip Messages API',
		summary: 'where Messenger could not deliver, the SMS failover step took over.',
	},
];

async function main(): Promise<number> {
	const args = parseArguments(process.argv.slice(2));
	if (typeof args === 'string' || args.help) {
		print(typeof args === 'string' ? `${args}\n\n${USAGE}` : USAGE);
		return typeof args === 'string' ? 2 : 0;
	}
	const chosen = chooseTarget(process.env, args);
	const live = typeof chosen === 'object' && chosen.kind === 'live';
	const withMessagesApi = live ? messagesApiLive(args) : true;
	const refusal = typeof chosen === 'string' ? chosen : withMessagesApi;
	if (typeof refusal === 'string') {
		print(`demo refused: ${refusal}`);
		return 2;
	}
	let sandbox: Sandbox | undefined;
	let target: Target;
	let wait: (ms: number) => Promise<void>;
	if (typeof chosen === 'object') {
		target = chosen;
		wait = (ms) => new Promise((done) => setTimeout(done, ms));
	} else {
		sandbox = await startSandbox({ clock: { manual: true } });
		const running = sandbox;
		target = {
			baseUrl: sandbox.baseUrl,
			kind: 'local sandbox',
			credentialType: 'infobipOmniBasicAuthApi',
			credentials: {
				username: DEFAULT_ACCOUNT.username,
				password: DEFAULT_ACCOUNT.password,
				baseUrl: sandbox.baseUrl,
			},
			describe: `Basic auth as ${DEFAULT_ACCOUNT.username}`,
		};
		// The Wait node's interval passes on the sandbox's clock: deliveries happen, no real wait.
		wait = async (ms) => await running.advance(ms);
	}
	try {
		for (const [index, flow] of FLOWS.entries()) {
			let workflow = loadDemoWorkflow(flow.file);
			if (index > 0) print(`\n${'-'.repeat(72)}\n`);
			if (target.kind === 'live') {
				if (flow.file === MESSAGES_DEMO_WORKFLOW && withMessagesApi !== true) {
					print(
						`${flow.file}: skipped (a live run sends it only with --messenger-page-id and --psid)`,
					);
					continue;
				}
				workflow =
					flow.file === DEMO_WORKFLOW
						? forLiveAccount(workflow, args)
						: forLiveMessagesApi(workflow, args);
			}
			print(`${flow.file} through n8n-core's WorkflowExecute`);
			print(`${flow.api} ${target.kind} at ${target.baseUrl} (${target.describe})`);
			if (target.kind === 'live') {
				const to = flow.file === DEMO_WORKFLOW ? args.to : args.psids;
				print(
					`Sending real messages to ${to.join(', ')}; waiting ${args.waitSeconds} s for reports.`,
				);
			}
			print();
			const result = await runDemo(workflow, target, wait, print);
			print();
			// The Messages API's reports carry no price: no empty column then.
			const priced = result.rows.some((row) => row[4]);
			const rows = [['Recipient', 'To', 'Channel', 'Status', 'Price'], ...result.rows];
			print(table(priced ? rows : rows.map((row) => row.slice(0, 4))));
			print();
			print(`${result.delivered} of ${result.messages} messages delivered; ${flow.summary}`);
		}
		return 0;
	} finally {
		await sandbox?.close();
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error: Error) => {
			print(`demo failed: ${error.message}`);
			process.exit(1);
		},
	);
}
