// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run test:e2e`: the package inside the real n8n app (2.41.1 on Node 24, installed once into
 * ~/.cache/infobip-omni-e2e by provision.sh). Packs the package and installs it as a community
 * package, starts the sandbox, imports two credentials (the sandbox; a Base URL that redirects),
 * the five example workflows as they are (one exception: failure-alert's Notify URL,
 * https://hooks.example.com/…, is pointed at a local receiver) and four e2e-only workflows, then:
 * - runs facebook-sms-failover and send-then-check-report headless (`n8n execute --id`) and
 *   checks the sandbox's request log and n8n's execution data;
 * - publishes the workflows that start on a webhook, starts n8n, sends a
 *   message through the webhook workflow whose Notify URL is the trigger's Production URL, and
 *   checks through the public API that the pushed reports became executions with the expected
 *   items, and that the alert went out;
 * - pushes reports twice to report-once's Production URL (one report, then 1,000): the trigger
 *   emits every push (n8n drops static data a webhook call writes), Remove Duplicates passes each
 *   dedupeKey once; the same for a copy saved with the removed Dedupe Window option;
 * - a batched send whose 2nd request the sandbox answers 500 (stops, or with the error output
 *   goes on), and a Base URL answering 307 (refused, nothing reaches the Location);
 * - an AI Agent with the Infobip OMNI Tool and a local stand-in for the model (scripts/e2e/agent.ts):
 *   the model's tool call sends the text, it was offered the tool description of
 *   descriptions/tool.ts, and a bad number's error reaches it with its fix.
 * - Send and Wait for Response and for Delivery (scripts/e2e/wait.ts): executions that wait at
 *   the node, resumed by the approval link, the form, the sandbox's pushes or the Limit Wait Time;
 * `n8n execute` rarely crashes at exit (SIGSEGV, code 139): a run is judged by its parsed status
 * and the sandbox's log, and retried once only when it crashed without a result.
 * Prints one line per check, then `e2e: X passed, Y failed`; exits 1 if any failed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { InfobipOmni } from '../../nodes/InfobipOmni/InfobipOmni.node';
import { DEFAULT_ACCOUNT, startSandbox, type LoggedRequest, type Sandbox } from '../../sandbox';
import { errorOf, statusOf } from '../../sandbox/statuses';
import {
	AGENT_FINAL_TEXT,
	AGENT_NODE,
	AGENT_WORKFLOW_ID,
	agentCredential,
	agentWorkflow,
	startModelStandIn,
	TOOL_KEYS,
	TOOL_NODE,
} from './agent';
import { check, expect, print, tally, waitFor } from './checks';
import {
	BATCH_ITEMS,
	BATCH_SIZE,
	batchText,
	EVERY_STEP_WEBHOOKS,
	exampleRecipients,
	expectedReports,
	MESSAGES_WORKFLOWS,
	messagesApiWorkflows,
	seedBody,
	seedMessage,
	TRIGGER_WEBHOOK_ID,
} from './messagesApi';
import { N8nHome, parseRawOutput, ROOT, type CliResult } from './n8n';
import { WAIT_PUBLISHED, waitChecks, waitWorkflows } from './wait';

type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: { item: number } | Array<{ item: number }> };
type RunData = Record<
	string,
	Array<{ data?: { main?: Array<Item[] | null> }; error?: Json; executionStatus?: string }>
>;
type Execution = Json & {
	id: string;
	status?: string;
	data?: { resultData: { runData: RunData; error?: Json } };
};

const CREDENTIAL = { id: 'ibOmniBasicAuth1', name: 'Infobip OMNI account' };
const WORKFLOWS = {
	seed: 'ibOmniExSeed0001',
	check: 'ibOmniExCheck001',
	hook: 'ibOmniExHook0001',
	alert: 'ibOmniExAlert001',
	once: 'ibOmniExOnce0001',
	// e2e-only workflows (written by e2eWorkflows below, not examples)
	batchStop: 'ibOmniE2eBatch01',
	batchContinue: 'ibOmniE2eBatch02',
	batchRetry: 'ibOmniE2eBatch03',
	redirect: 'ibOmniE2eRedir01',
	legacyOnce: 'ibOmniE2eLegacy1',
	expressions: 'ibOmniE2eExpr001',
};
/** A second credential: its Base URL is a local server that answers every request with a 307. */
const REDIRECT_CREDENTIAL = { id: 'ibOmniRedirect01', name: 'Infobip OMNI redirecting' };
/** Published before `n8n start`: every workflow that starts on a webhook. */
const PUBLISHED = [
	WORKFLOWS.alert,
	WORKFLOWS.hook,
	WORKFLOWS.once,
	WORKFLOWS.batchStop,
	WORKFLOWS.batchContinue,
	WORKFLOWS.batchRetry,
	WORKFLOWS.redirect,
	WORKFLOWS.legacyOnce,
	MESSAGES_WORKFLOWS.trigger,
	...WAIT_PUBLISHED,
];
const ALERT_PLACEHOLDER = 'https://hooks.example.com/infobip-omni-alerts';
const BASIC = 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

const same = (actual: unknown, expected: unknown, what: string) =>
	expect(
		JSON.stringify(actual) === JSON.stringify(expected),
		`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
	);

/** JSON with its object keys sorted: bodies compared by content, not by key order. */
const canonical = (value: unknown): unknown =>
	Array.isArray(value)
		? value.map(canonical)
		: value && typeof value === 'object'
			? Object.fromEntries(
					Object.keys(value)
						.sort()
						.map((key) => [key, canonical((value as Json)[key])]),
				)
			: value;
const sameJson = (actual: unknown, expected: unknown, what: string) =>
	same(canonical(actual), canonical(expected), what);

const output = (runData: RunData, node: string, index = 0): Json[] =>
	(runData[node]?.[0]?.data?.main?.[index] ?? []).map((item) => item.json);

const sorted = (rows: string[]) => [...rows].sort();

/** Receives the alert workflow's HTTP Request (its Notify URL, pointed here). */
async function alertReceiver() {
	const received: Json[] = [];
	const server = createServer((request: IncomingMessage, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			received.push({ method: request.method, url: request.url, body: JSON.parse(body || 'null') });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"ok":true}');
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
	return { url, received, close: () => new Promise((done) => server.close(done)) };
}

/**
 * `n8n execute --id --rawOutput`, retried once when n8n crashed (code 139 / SIGSEGV) before
 * printing a result. Judged by the parsed status, never by the exit code alone.
 */
async function execute(
	home: N8nHome,
	sandbox: Sandbox,
	id: string,
): Promise<{ run: Json; requests: LoggedRequest[]; attempt: CliResult }> {
	for (let attempt = 1; ; attempt++) {
		const from = sandbox.requests().length;
		const result = await home.cli('execute', `--id=${id}`, '--rawOutput');
		const run = parseRawOutput(result.output);
		const crashed = result.code === 139 || result.signal === 'SIGSEGV';
		if (run && typeof run.status === 'string') {
			if (crashed)
				print(`     (n8n crashed at exit, code 139, after printing status ${run.status})`);
			return { run, requests: sandbox.requests().slice(from), attempt: result };
		}
		if (crashed && attempt === 1) {
			print(
				`     n8n crashed (code 139) without a result; retrying once. Log tail: ${result.output.slice(-300)}`,
			);
			continue;
		}
		throw new Error(
			`no execution result (code ${result.code}, signal ${result.signal}): ${result.output.slice(-1500)}`,
		);
	}
}

interface Recorded {
	method?: string;
	url?: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/** A local HTTP server that records every request and answers it with `answer`. */
async function recordingServer(
	answer: (request: Recorded) => {
		status: number;
		headers?: Record<string, string>;
		body?: string;
	},
) {
	const received: Recorded[] = [];
	const server = createServer((request: IncomingMessage, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			const recorded = { method: request.method, url: request.url, headers: request.headers, body };
			received.push(recorded);
			const { status, headers = {}, body: text = '' } = answer(recorded);
			response.writeHead(status, headers);
			response.end(text);
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		hostPort: `127.0.0.1:${port}`,
		received,
		close: () => new Promise((done) => server.close(done)),
	};
}

/** Paths of the e2e-only workflows' Webhook nodes (Production URL: /webhook/<path>). */
const E2E_PATHS = {
	batchStop: 'infobip-omni-e2e-batch-stop',
	batchContinue: 'infobip-omni-e2e-batch-continue',
	batchRetry: 'infobip-omni-e2e-batch-retry',
	redirect: 'infobip-omni-e2e-redirect',
};
const BATCH_TEXT = 'Your parcel is on its way.';

/**
 * Workflows only the e2e imports: a Webhook (answers at once) → Split Out of `body.recipients`
 * → Send Text, so that each check starts one production execution with a body of its choosing.
 */
function e2eWorkflows(): Json[] {
	const sendText = (extra: Json, credential = CREDENTIAL): Json => ({
		id: extra.id,
		name: 'Send Text',
		type: 'n8n-nodes-infobip-omni.infobipOmni',
		typeVersion: 1,
		position: [440, 0],
		parameters: {
			resource: 'message',
			operation: 'sendText',
			useDefaultScenario: true,
			phoneNumbers: '={{ $json.phone }}',
			facebookText: BATCH_TEXT,
			smsText: BATCH_TEXT,
			requestSettings: { batchSize: 2, requestsInFlight: 1 },
		},
		credentials: { infobipOmniBasicAuthApi: credential },
		...(extra.onError ? { onError: extra.onError } : {}),
		...(extra.retryOnFail ? { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } : {}),
	});
	const workflow = (
		id: string,
		name: string,
		path: string,
		ids: [string, string, string, string],
		send: Json,
	): Json => ({
		id,
		name,
		active: false,
		nodes: [
			{
				id: ids[0],
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: ids[1],
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				id: ids[2],
				name: 'Recipients',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.recipients', options: {} },
			},
			send,
		],
		connections: {
			Start: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: 'Send Text', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	});
	return [
		workflow(
			WORKFLOWS.batchStop,
			'e2e: batched send whose 2nd request fails',
			E2E_PATHS.batchStop,
			[
				'0aa362a5-ae40-4af8-ba58-564c28d8557f',
				'8206fee7-c869-4a22-b288-db8073b7820a',
				'11efd593-0138-4485-855a-63bc37e0f1b6',
				'22f3940b-cbdc-4089-95e2-607fc9bf1dc5',
			],
			sendText({ id: '22f3940b-cbdc-4089-95e2-607fc9bf1dc5' }),
		),
		workflow(
			WORKFLOWS.batchContinue,
			'e2e: batched send whose 2nd request fails, error output',
			E2E_PATHS.batchContinue,
			[
				'67c75b33-234b-4f1e-9e2d-e0d86742c8f4',
				'4c0d27d4-0574-4b5d-8dd8-797c55719725',
				'51ffb6fe-8aeb-4eaf-b663-1efea0477e81',
				'19d0507f-ba3a-4cf8-a60a-93a9b3f0435f',
			],
			sendText({ id: '19d0507f-ba3a-4cf8-a60a-93a9b3f0435f', onError: 'continueErrorOutput' }),
		),
		workflow(
			WORKFLOWS.batchRetry,
			'e2e: batched send whose 2nd request fails, Retry On Fail',
			E2E_PATHS.batchRetry,
			[
				'7d5e6f70-8192-4a3b-9c4d-5e6f708192a3',
				'8e6f7081-92a3-4b4c-8d5e-6f708192a3b4',
				'9f708192-a3b4-4c5d-9e6f-708192a3b4c5',
				'a08192a3-b4c5-4d6e-8f70-8192a3b4c5d6',
			],
			sendText({ id: 'a08192a3-b4c5-4d6e-8f70-8192a3b4c5d6', retryOnFail: true }),
		),
		workflow(
			WORKFLOWS.redirect,
			'e2e: a redirecting Base URL',
			E2E_PATHS.redirect,
			[
				'3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
				'4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
				'5b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
				'6c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
			],
			sendText({ id: '6c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f' }, REDIRECT_CREDENTIAL),
		),
	];
}

/** Items whose fields the expressions of the expressions workflow read, one shape each. */
const EXPRESSION_ITEMS: Json[] = [
	{ phone: '41793026727', text: 'Hello Ana', 'sms text': 'SMS for Ana', ref: 'A-1' },
	{ phone: 41793026731, text: 'Grüße {{ not an expression }}', 'sms text': '=1+1', ref: 'B-2' },
	{ text: 'No phone' },
	{ phone: ['41793026727', '41793026731'], text: '', 'sms text': 'Array', ref: 'C-3' },
	{ phone: '41793026727', text: 42, 'sms text': true, ref: { nested: 1 } },
	{ phone: null, text: 'null phone', 'sms text': 'x', ref: '' },
];

/**
 * The node's parameter reader under the app's `vm` expression engine: the same items reach two
 * Send Text nodes, one reading `{{ $json.x }}` (read straight from the item by the node), one
 * `{{ ($json.x) }}` (the same value, evaluated by n8n). Bodies and outputs must be the same.
 */
function expressionsWorkflow(): Json {
	const send = (id: string, name: string, y: number, wrap: (path: string) => string): Json => ({
		id,
		name,
		type: 'n8n-nodes-infobip-omni.infobipOmni',
		typeVersion: 1,
		position: [440, y],
		parameters: {
			resource: 'message',
			operation: 'sendText',
			useDefaultScenario: true,
			phoneNumbers: wrap('$json.phone'),
			facebookText: wrap('$json.text'),
			smsText: wrap('$json["sms text"]'),
			options: { callbackData: wrap('$json.ref') },
		},
		credentials: { infobipOmniBasicAuthApi: CREDENTIAL },
		onError: 'continueRegularOutput',
	});
	return {
		id: WORKFLOWS.expressions,
		name: 'e2e: the parameter reader against n8n, vm engine',
		active: false,
		nodes: [
			{
				id: '1b7e2c4d-6f80-4a1b-9c2d-3e4f5a6b7c81',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2c8f3d5e-7091-4b2c-8d3e-4f5a6b7c8d92',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `return ${JSON.stringify(EXPRESSION_ITEMS)}.map((json) => ({ json }));`,
				},
			},
			send('3d904e6f-81a2-4c3d-9e4f-5a6b7c8d9ea3', 'Direct', -100, (path) => `={{ ${path} }}`),
			send('4ea15f70-92b3-4d4e-8f5a-6b7c8d9eafb4', 'By n8n', 100, (path) => `={{ (${path}) }}`),
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: {
				main: [
					[
						{ node: 'Direct', type: 'main', index: 0 },
						{ node: 'By n8n', type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * report-once as a workflow saved with an older version of this package: its trigger still has
 * the removed Dedupe Window option. Own id and webhook id, so both can be active at once.
 */
const LEGACY_WEBHOOK_ID = '9d3e1c7a-2b4f-4e6a-8c1d-5f7a9b3c2e10';
function legacyOnceWorkflow(): Json {
	const workflow = JSON.parse(
		readFileSync(join(ROOT, 'examples/report-once.json'), 'utf8'),
	) as Json & {
		nodes: Array<Json & { type: string }>;
	};
	return {
		...workflow,
		id: WORKFLOWS.legacyOnce,
		name: 'e2e: report-once saved with the old Dedupe Window option',
		nodes: workflow.nodes.map((node) =>
			node.type.endsWith('.infobipOmniTrigger')
				? {
						...node,
						webhookId: LEGACY_WEBHOOK_ID,
						parameters: { options: { dedupeWindowMinutes: 60 } },
					}
				: node,
		),
	};
}

function prepareImports(
	home: N8nHome,
	sandbox: Sandbox,
	alertUrl: string,
	redirectUrl: string,
	modelUrl: string,
) {
	const dir = join(home.folder, 'import');
	mkdirSync(join(dir, 'workflows'), { recursive: true });
	writeFileSync(
		join(dir, 'credentials.json'),
		JSON.stringify([
			{
				...CREDENTIAL,
				type: 'infobipOmniBasicAuthApi',
				data: {
					username: DEFAULT_ACCOUNT.username,
					password: DEFAULT_ACCOUNT.password,
					baseUrl: sandbox.baseUrl,
				},
			},
			{
				...REDIRECT_CREDENTIAL,
				type: 'infobipOmniBasicAuthApi',
				data: {
					username: DEFAULT_ACCOUNT.username,
					password: DEFAULT_ACCOUNT.password,
					baseUrl: redirectUrl,
				},
			},
			agentCredential(modelUrl),
		]),
	);
	const files = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.json'));
	for (const file of files) {
		let text = readFileSync(join(ROOT, 'examples', file), 'utf8');
		if (file === 'failure-alert.json') {
			expect(
				text.includes(ALERT_PLACEHOLDER),
				'failure-alert.json lost its Notify URL placeholder',
			);
			text = text.split(ALERT_PLACEHOLDER).join(alertUrl);
		}
		writeFileSync(join(dir, 'workflows', file), text);
	}
	const extra = [
		...e2eWorkflows(),
		legacyOnceWorkflow(),
		expressionsWorkflow(),
		agentWorkflow(CREDENTIAL),
		...messagesApiWorkflows(CREDENTIAL),
		...waitWorkflows(CREDENTIAL),
	];
	for (const workflow of extra) {
		writeFileSync(join(dir, 'workflows', `${String(workflow.id)}.json`), JSON.stringify(workflow));
	}
	return { dir, files, count: files.length + extra.length };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One delivery report as Infobip pushes it (https://www.infobip.com/docs/api/channels/omni-failover/receive-omni-failover-message-delivery-reports). */
function deliveryReport(messageId: string, to: string, group: 'PENDING' | 'DELIVERED'): Json {
	return {
		bulkId: 'e2e-report-once',
		messageId,
		to,
		sentAt: '2026-12-01T10:00:00.000+0000',
		doneAt: '2026-12-01T10:00:01.000+0000',
		messageCount: 1,
		price: { pricePerMessage: 0.01, currency: 'EUR' },
		status: statusOf(group === 'DELIVERED' ? 'DELIVERED_TO_HANDSET' : 'PENDING_ENROUTE'),
		error: errorOf('NO_ERROR'),
		channel: 'SMS',
	};
}

const pairedIndex = (item: Item) =>
	Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item;

/**
 * The Production URL paths of the published workflows: a Webhook node's own path, or
 * `<webhookId>/webhook` for the trigger (its webhook's path is "webhook").
 */
function productionWebhookPaths(): string[] {
	const examples = readdirSync(join(ROOT, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as Json);
	const workflows = [
		...examples,
		...e2eWorkflows(),
		legacyOnceWorkflow(),
		...messagesApiWorkflows(CREDENTIAL),
		...waitWorkflows(CREDENTIAL),
	].filter((workflow) => PUBLISHED.includes(String(workflow.id)));
	return workflows.flatMap((workflow) =>
		(workflow.nodes as Json[])
			.filter((node) => typeof node.webhookId === 'string' && !String(node.type).endsWith('.wait'))
			.map((node) => {
				const path = (node.parameters as Json | undefined)?.path;
				return typeof path === 'string' && path ? path : `${String(node.webhookId)}/webhook`;
			}),
	);
}

async function main(): Promise<void> {
	const started = Date.now();
	// Speed 60: a virtual minute per real second, so deliveries and pushes come within ms.
	const sandbox = await startSandbox({ clock: { speed: 60 } });
	const alerts = await alertReceiver();
	// The redirect check: the credential's Base URL answers 307 towards a second server.
	const redirectTarget = await recordingServer(() => ({
		status: 200,
		headers: { 'content-type': 'application/json' },
		body: '{"messages":[]}',
	}));
	const redirecting = await recordingServer(() => ({
		status: 307,
		headers: { location: `${redirectTarget.url}/omni/1/advanced` },
	}));
	const model = await startModelStandIn();
	let home: N8nHome | undefined;
	print(
		`e2e: sandbox ${sandbox.baseUrl}, alert receiver ${alerts.url}, redirecting ${redirecting.hostPort} → ${redirectTarget.hostPort}, model stand-in ${model.url}`,
	);
	try {
		const provisioned = await check(
			'provision: Node 24.21.0 and n8n 2.41.1 (cached), package packed and installed as a community package',
			async () => {
				home = await N8nHome.create(print);
				const pkg = home.installedPackage();
				const version = await home.cli('--version');
				expect(/2\.41\.1/.test(version.output), `n8n --version: ${version.output}`);
				return `${pkg.name}@${pkg.version} in ${home.folder}/.n8n/nodes`;
			},
		);
		if (!provisioned || !home) return;
		const n8n = home;

		const imported = await check(
			'import: the sandbox, redirecting and model stand-in credentials, the 6 example workflows and 17 e2e-only ones (7 of them Send and Wait, scripts/e2e/wait.ts)',
			async () => {
				const { dir, files, count } = prepareImports(
					n8n,
					sandbox,
					alerts.url,
					redirecting.url,
					model.url,
				);
				const credentials = await n8n.cli(
					'import:credentials',
					`--input=${join(dir, 'credentials.json')}`,
				);
				expect(
					/Successfully imported 3 credentials/.test(credentials.output),
					credentials.output.slice(-800),
				);
				const workflows = await n8n.cli(
					'import:workflow',
					'--separate',
					`--input=${join(dir, 'workflows')}`,
				);
				expect(
					new RegExp(`Successfully imported ${count} workflows`).test(workflows.output),
					workflows.output.slice(-800),
				);
				return files.join(', ');
			},
		);
		if (!imported) return;

		// --- facebook-sms-failover, headless ---
		let seed: Awaited<ReturnType<typeof execute>> | undefined;
		await check(
			'facebook-sms-failover: n8n execute --id finishes with status success',
			async () => {
				seed = await execute(n8n, sandbox, WORKFLOWS.seed);
				same(seed.run.status, 'success', 'status');
				return `${seed.attempt.ms} ms (10 s of it the Wait node), exit code ${seed.attempt.code}`;
			},
		);
		await check(
			"facebook-sms-failover: the sandbox got the seed's scenario, one text send (4 destinations) and one image send (each followed by the read of its scenario), one report fetch, all with Basic auth",
			() => {
				expect(seed, 'no run');
				const requests = seed.requests;
				const key = String((requests[1]?.body as Json | undefined)?.scenarioKey);
				same(
					requests.map((request) => `${request.method} ${request.path}`),
					[
						'POST /omni/1/scenarios',
						'POST /omni/1/advanced',
						`GET /omni/1/scenarios/${key}`,
						'POST /omni/1/advanced',
						`GET /omni/1/scenarios/${key}`,
						'GET /omni/1/reports',
					],
					'requests',
				);
				expect(
					requests.every((request) => request.headers.authorization === BASIC),
					'Authorization',
				);
				same(
					requests[0].body,
					{
						name: 'My first Facebook-SMS scenario',
						flow: [
							{ from: 'FacebookApplicationKey', channel: 'FACEBOOK' },
							{ from: 'InfoSMS', channel: 'SMS' },
						],
						default: true,
					},
					'scenario body',
				);
				const text = requests[1].body as { destinations: unknown[]; scenarioKey: string };
				same(text.destinations.length, 4, 'text destinations');
				same(
					(requests[3].body as Json).facebook,
					{ type: 'IMAGE', url: 'https://example.com/images/parcel.jpg' },
					'image',
				);
				return `scenario ${text.scenarioKey}`;
			},
		);
		await check(
			"facebook-sms-failover: n8n's execution data has the 7 reports (Facebook delivered 3, SMS took over for 2)",
			() => {
				expect(seed, 'no run');
				const runData = (seed.run.data as { resultData: { runData: RunData } }).resultData.runData;
				same(output(runData, 'Send Text').length, 4, 'Send Text items');
				same(output(runData, 'Send Rich Media').length, 1, 'Send Rich Media items');
				// The seed's scenario (Facebook → SMS) gets both contents: n8n stores no hint.
				for (const node of ['Send Text', 'Send Rich Media']) {
					same((runData[node]?.[0] as { hints?: unknown })?.hints, [], `${node} hints`);
				}
				const reports = output(runData, 'Get Delivery Reports').map(
					(report) =>
						`${String(report.to)} ${String(report.channel)} ${String(report.statusGroup)}`,
				);
				same(
					sorted(reports),
					sorted([
						'9c29bd43-054b-4cfe-a1d4-0b37812b4ed3 FACEBOOK DELIVERED',
						'41793026800 FACEBOOK DELIVERED',
						'41793026801 FACEBOOK DELIVERED',
						'41793026727 FACEBOOK UNDELIVERABLE',
						'41793026727 SMS DELIVERED',
						'41793000050 FACEBOOK UNDELIVERABLE',
						'41793000050 SMS UNDELIVERABLE',
					]),
					'reports',
				);
				return `${reports.length} reports`;
			},
		);

		// --- messenger-sms-failover (the Messages API), headless ---
		const MESSAGES = '/messages-api/1/messages';
		const recipients = exampleRecipients();
		let messenger: Awaited<ReturnType<typeof execute>> | undefined;
		await check(
			'messenger-sms-failover: n8n execute --id finishes with status success',
			async () => {
				messenger = await execute(n8n, sandbox, MESSAGES_WORKFLOWS.example);
				same(messenger.run.status, 'success', 'status');
				return `${messenger.attempt.ms} ms (10 s of it the Wait node), exit code ${messenger.attempt.code}`;
			},
		);
		await check(
			`messenger-sms-failover: the sandbox got one POST ${MESSAGES} with the ${recipients.length} recipients' Messenger → SMS messages (the seed's shape each, PSID on MESSENGER, phone on SMS, reports for every step) and one report fetch, with Basic auth`,
			() => {
				expect(messenger, 'no run');
				const requests = messenger.requests;
				same(
					requests.map((request) => `${request.method} ${request.path}`),
					[`POST ${MESSAGES}`, 'GET /messages-api/1/reports'],
					'requests',
				);
				expect(
					requests.every((request) => request.headers.authorization === BASIC),
					'Authorization',
				);
				const body = requests[0].body as { messages: Array<{ destinations: Json[] }> };
				const ids = body.messages.map((message) => String(message.destinations[0]?.messageId));
				sameJson(
					body,
					{
						messages: recipients.map((recipient, index) =>
							seedMessage(ids[index], recipient.psid, recipient.phone, EVERY_STEP_WEBHOOKS),
						),
						options: { messageOrdering: { stopOnFailure: false } },
					},
					'body',
				);
				return `message IDs ${ids.join(', ')}`;
			},
		);
		await check(
			"messenger-sms-failover: n8n's execution data has one Send Text item per recipient, paired, with the body's message ID and the PSID",
			() => {
				expect(messenger, 'no run');
				const runData = (messenger.run.data as { resultData: { runData: RunData } }).resultData
					.runData;
				const items = runData['Send Text']?.[0]?.data?.main?.[0] ?? [];
				const body = messenger.requests[0]?.body as {
					messages: Array<{ destinations: Json[] }>;
				};
				same(
					items.map((item) => [
						pairedIndex(item),
						item.json.to,
						item.json.channel,
						item.json.messageId,
					]),
					recipients.map((recipient, index) => [
						index,
						recipient.psid,
						'MESSENGER',
						body.messages[index]?.destinations[0]?.messageId,
					]),
					'items (pairedItem, to, channel, messageId)',
				);
				return `statuses ${items.map((item) => String(item.json.status)).join(', ')}`;
			},
		);
		await check(
			'messenger-sms-failover: the delivery reports: MESSENGER delivered for the PSID; SMS delivered after the failover for the SMS-only recipient; both steps failed for the unreachable one',
			() => {
				expect(messenger, 'no run');
				const runData = (messenger.run.data as { resultData: { runData: RunData } }).resultData
					.runData;
				const reports = output(runData, 'Get Delivery Reports').map(
					(report) =>
						`${String(report.to)} ${String(report.channel)} ${String(report.statusGroup)}`,
				);
				same(sorted(reports), sorted(expectedReports(recipients)), 'reports');
				return `${reports.length} reports`;
			},
		);
		await check(
			"messages api seed: the example's Send node with the seed's PSID and phone number sends exactly the seed's Messenger → SMS body (its message ID derived by the node)",
			async () => {
				const { run, requests } = await execute(n8n, sandbox, MESSAGES_WORKFLOWS.seed);
				same(run.status, 'success', 'status');
				same(
					requests.map((request) => `${request.method} ${request.path}`),
					[`POST ${MESSAGES}`],
					'requests',
				);
				const runData = (run.data as { resultData: { runData: RunData } }).resultData.runData;
				const [item] = output(runData, 'Send Text');
				const messageId = String(item?.messageId);
				sameJson(requests[0].body, seedBody(messageId), 'body');
				expect(
					messageId.includes('61f3824d-ae50-4fb1-a293-4d5e6f708104'),
					`the message ID ${messageId} is not derived from the node`,
				);
				return JSON.stringify(requests[0].body).slice(0, 200);
			},
		);
		await check(
			`messages api batch: ${BATCH_ITEMS} items, each its own text, Batch Size ${BATCH_SIZE}: ${Math.ceil(BATCH_ITEMS / BATCH_SIZE)} POSTs of 100, 100, 50 messages, each its item's text; ${BATCH_ITEMS} output items paired in order with the bodies' message IDs`,
			async () => {
				const { run, requests, attempt } = await execute(n8n, sandbox, MESSAGES_WORKFLOWS.batch);
				same(run.status, 'success', 'status');
				const posts = requests.filter((request) => request.path === MESSAGES);
				same(posts.length, requests.length, 'requests other than sends');
				type Sent = {
					messages: Array<{ content: { body: { text: string } }; destinations: Json[] }>;
				};
				same(
					posts.map((request) => (request.body as Sent).messages.length),
					[100, 100, 50],
					'messages per POST',
				);
				const messages = posts.flatMap((request) => (request.body as Sent).messages);
				same(
					messages.map((message) => message.content.body.text),
					Array.from({ length: BATCH_ITEMS }, (_, index) => batchText(index)),
					'texts',
				);
				const runData = (run.data as { resultData: { runData: RunData } }).resultData.runData;
				const items = runData.Send?.[0]?.data?.main?.[0] ?? [];
				same(
					items.map((item) => [pairedIndex(item), item.json.messageId]),
					messages.map((message, index) => [index, message.destinations[0]?.messageId]),
					'items (pairedItem, messageId)',
				);
				same(new Set(items.map((item) => item.json.messageId)).size, BATCH_ITEMS, 'distinct IDs');
				const time = runData.Send?.[0] as { executionTime?: number } | undefined;
				return `${posts.length} POSTs; Send ran ${String(time?.executionTime)} ms (n8n execute ${attempt.ms} ms)`;
			},
		);

		// --- send-then-check-report, headless ---
		await check(
			"send-then-check-report: n8n execute; the If sends the SMS report to Delivered and the Facebook step's to Step Failed",
			async () => {
				const { run, requests, attempt } = await execute(n8n, sandbox, WORKFLOWS.check);
				same(run.status, 'success', 'status');
				same(
					requests.map((request) => `${request.method} ${request.path}`),
					['POST /omni/1/advanced', 'GET /omni/1/reports'],
					'requests',
				);
				const sent = requests[0].body as {
					scenarioKey?: string;
					destinations: Array<{ messageId: string }>;
				};
				expect(sent.scenarioKey === undefined, 'should use the default scenario');
				expect(
					requests[1].url.includes(`messageId=${sent.destinations[0].messageId}`),
					`report filter: ${requests[1].url}`,
				);
				const runData = (run.data as { resultData: { runData: RunData } }).resultData.runData;
				const line = (report: Json) => `${String(report.channel)} ${String(report.statusGroup)}`;
				same(output(runData, 'Delivered').map(line), ['SMS DELIVERED'], 'Delivered');
				same(output(runData, 'Step Failed').map(line), ['FACEBOOK UNDELIVERABLE'], 'Step Failed');
				return `${attempt.ms} ms`;
			},
		);

		// --- the parameter reader under the vm engine, headless ---
		await check(
			'expressions: {{ $json.x }} read by the node gives the bodies and outputs of {{ ($json.x) }} evaluated by n8n (vm engine)',
			async () => {
				const { run, requests } = await execute(n8n, sandbox, WORKFLOWS.expressions);
				same(run.status, 'success', 'status');
				const runData = (run.data as { resultData: { runData: RunData } }).resultData.runData;
				/** Message IDs hold the node's ID, bulk IDs are the sandbox's: all else must match. */
				const withoutIds = (value: unknown) =>
					JSON.stringify(value, (key, inner: unknown) =>
						key === 'messageId' || key === 'bulkId' ? '…' : inner,
					);
				const bodiesOf = (nodeId: string) =>
					sorted(
						requests
							.filter((request) => request.path === '/omni/1/advanced')
							.filter((request) => JSON.stringify(request.body).includes(nodeId))
							.map((request) => withoutIds(request.body)),
					);
				const direct = bodiesOf('3d904e6f-81a2-4c3d-9e4f-5a6b7c8d9ea3');
				same(direct, bodiesOf('4ea15f70-92b3-4d4e-8f5a-6b7c8d9eafb4'), 'request bodies');
				const items = (node: string) => output(runData, node).map(withoutIds);
				same(items('Direct'), items('By n8n'), 'output items');
				expect(direct.length > 0, 'no request was sent');
				const errors = output(runData, 'Direct').filter((item) => item.error !== undefined);
				return `${direct.length} requests and ${output(runData, 'Direct').length} items each (${errors.length} error items), the same`;
			},
		);

		// --- an AI agent with the Infobip OMNI Tool, the model a local stand-in, headless ---
		const sendTextTool = new InfobipOmni().description.properties.find(
			(property) =>
				property.name === 'toolDescription' &&
				property.displayOptions?.show?.operation?.includes('sendText'),
		)?.default;
		const agentRun = async (toolArguments: Json) => {
			model.script(toolArguments);
			const result = await execute(n8n, sandbox, AGENT_WORKFLOW_ID);
			same(model.unexpected, [], 'requests to the stand-in other than chat completions');
			const error = (result.run.data as Execution['data'])?.resultData.error;
			if (error) throw new Error(`the execution failed: ${String(error.message)}`);
			const runData = (result.run.data as { resultData: { runData: RunData } }).resultData.runData;
			const toolResults = model.requests.flatMap((request) =>
				request.messages.filter((message) => message.role === 'tool'),
			);
			return { ...result, runData, toolResults };
		};
		await check(
			"agent: the model's call of the Infobip OMNI Tool sends exactly its text; the model was offered descriptions/tool.ts's Send Text description and the keys Phone_Numbers, Facebook_Text, SMS_Text",
			async () => {
				const { run, requests, runData, toolResults } = await agentRun({
					Phone_Numbers: '41793026727',
					Facebook_Text: 'Your parcel is on its way.',
					SMS_Text: 'Your parcel is on its way (SMS).',
				});
				same(run.status, 'success', 'status');
				same(
					requests.map((request) => ({
						call: `${request.method} ${request.path}`,
						body: request.body,
					})),
					[
						{
							call: 'POST /omni/1/advanced',
							body: {
								destinations: [{ to: { phoneNumber: '41793026727' } }],
								facebook: { text: 'Your parcel is on its way.' },
								sms: { text: 'Your parcel is on its way (SMS).' },
							},
						},
					],
					'requests to the sandbox',
				);
				expect(model.requests.length === 2, `chat completions: ${model.requests.length}`);
				const offered = model.requests[0].tools ?? [];
				same(offered.length, 1, 'tools offered');
				const tool = offered[0].function;
				same(tool.name, TOOL_NODE.replace(/ /g, '_'), 'tool name (n8n: the node name)');
				expect(typeof sendTextTool === 'string', 'no Send Text toolDescription in the node');
				same(tool.description, sendTextTool, 'tool description the model saw');
				const keys = Object.keys(tool.parameters?.properties ?? {});
				same(sorted(keys), sorted([...TOOL_KEYS]), 'parameter keys the model saw');
				for (const key of keys) {
					expect(tool.description?.includes(`\`${key}\``), `the description does not name ${key}`);
				}
				same(toolResults.length, 1, 'tool results');
				const result = String(toolResults[0].content);
				expect(
					// The one report shape's recipient: the address as text (docs/report-shape.md).
					result.includes('"to":"41793026727"') && result.includes('"status":"ACCEPTED"'),
					`tool result: ${result}`,
				);
				const answer = output(runData, AGENT_NODE)[0]?.output;
				same(answer, AGENT_FINAL_TEXT, "the agent's output");
				return `tool ${tool.name}, keys ${keys.join(', ')}; tool result ${result.slice(0, 160)}`;
			},
		);
		await check(
			"agent: a bad phone number from the model sends nothing, and the tool result the model reads has the error's fix",
			async () => {
				const { run, requests, toolResults } = await agentRun({
					Phone_Numbers: '+41 79',
					Facebook_Text: 'Your parcel is on its way.',
					SMS_Text: 'Your parcel is on its way (SMS).',
				});
				same(run.status, 'success', 'status');
				same(requests.length, 0, 'requests to the sandbox');
				same(toolResults.length, 1, 'tool results');
				const result = String(toolResults[0].content);
				expect(
					result.includes(
						'Invalid Phone Numbers: \\"+41 79\\" is not a phone number (item 0). Fix: Give the number in international format',
					),
					`tool result without the fix: ${result}`,
				);
				return `the model read: ${result}`;
			},
		);

		// --- n8n start: webhook → send → pushes → trigger → alert ---
		let apiKey = '';
		/** A CORS preflight answers 204 only for a registered production webhook (404 before). */
		const webhookRegistered = async (path: string) =>
			(
				await fetch(`${n8n.baseUrl}/webhook/${path}`, {
					method: 'OPTIONS',
					headers: { origin: n8n.baseUrl, 'access-control-request-method': 'POST' },
				})
			).status === 204;
		const up = await check(
			'n8n start: trigger and webhook workflows published (n8n publish:workflow), n8n ready, owner set up, public API key created',
			async () => {
				for (const id of PUBLISHED) {
					const published = await n8n.cli('publish:workflow', `--id=${id}`);
					expect(published.code === 0, `publish ${id}: ${published.output.slice(-800)}`);
				}
				await n8n.start();
				const cookie = await n8n.ownerCookie();
				apiKey = await n8n.apiKey(cookie, [
					'workflow:list',
					'workflow:read',
					'execution:list',
					'execution:read',
					'execution:retry',
				]);
				const list = (await (
					await fetch(`${n8n.baseUrl}/api/v1/workflows?active=true`, {
						headers: { 'X-N8N-API-KEY': apiKey },
					})
				).json()) as { data: Json[] };
				same(
					sorted(list.data.map((workflow) => String(workflow.id))),
					sorted(PUBLISHED),
					'active workflows',
				);
				// n8n 2.41 registers production webhooks after it says it is ready: wait for each.
				const paths = productionWebhookPaths();
				await waitFor(
					`${paths.length} production webhooks registered`,
					async () =>
						(await Promise.all(paths.map(async (path) => await webhookRegistered(path)))).every(
							Boolean,
						) || undefined,
					90_000,
				);
				return n8n.baseUrl;
			},
		);
		if (!up) return;
		const api = async (path: string) =>
			(await (
				await fetch(`${n8n.baseUrl}/api/v1${path}`, { headers: { 'X-N8N-API-KEY': apiKey } })
			).json()) as {
				data: Json[];
			};
		/** The workflow's finished executions, oldest first, once there are at least `count`. */
		const finishedExecutions = async (workflowId: string, count: number, ms = 30_000) =>
			await waitFor(
				`${count} finished execution(s) of ${workflowId}`,
				async () => {
					const list = await api(`/executions?workflowId=${workflowId}&limit=250`);
					return list.data.length >= count &&
						list.data.every((execution) => execution.finished || execution.stoppedAt)
						? [...list.data].sort((a, b) => Number(a.id) - Number(b.id))
						: undefined;
				},
				ms,
			);
		/** One execution as n8n stored it, with its data. */
		const storedExecution = async (id: unknown) =>
			(await (
				await fetch(`${n8n.baseUrl}/api/v1/executions/${String(id)}?includeData=true`, {
					headers: { 'X-N8N-API-KEY': apiKey },
				})
			).json()) as Execution;
		/** POSTs JSON to a Production URL; the answer must be 200. */
		const post = async (url: string, body: unknown) => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			const text = await response.text();
			expect(response.status === 200, `${url} answered ${response.status}: ${text.slice(0, 300)}`);
			return { text, contentType: response.headers.get('content-type') ?? '' };
		};
		/** Starts one e2e-only workflow through its Webhook and returns its stored execution. */
		const runThroughWebhook = async (workflowId: string, path: string, phones: string[]) => {
			const before = (await api(`/executions?workflowId=${workflowId}`)).data.length;
			await post(`${n8n.baseUrl}/webhook/${path}`, {
				recipients: phones.map((phone) => ({ phone })),
			});
			const list = await finishedExecutions(workflowId, before + 1);
			return await storedExecution(list[list.length - 1].id);
		};

		const alertWorkflow = JSON.parse(
			readFileSync(join(ROOT, 'examples/failure-alert.json'), 'utf8'),
		) as {
			nodes: Array<{ type: string; webhookId?: string }>;
		};
		const triggerWebhookId = alertWorkflow.nodes.find((node) =>
			node.type.endsWith('.infobipOmniTrigger'),
		)?.webhookId;
		const notifyUrl = `${n8n.baseUrl}/webhook/${String(triggerWebhookId)}/webhook`;
		const pushesBefore = sandbox.pushes().length;
		const requestsBefore = sandbox.requests().length;

		await check(
			"webhook-send: POST /webhook/infobip-omni-send sends to two numbers with the CRM's event ID, callback data and the trigger's Notify URL",
			async () => {
				const response = await fetch(`${n8n.baseUrl}/webhook/infobip-omni-send`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						phone: '41793026727, 41793000050',
						text: 'Your order 1001 has shipped.',
						eventId: 'crm-evt-1001',
						notifyUrl,
					}),
				});
				const answer = (await response.json()) as Json;
				expect(response.ok, `webhook answered ${response.status}: ${JSON.stringify(answer)}`);
				same(
					[answer.messageId, answer.to, answer.status],
					['crm-evt-1001', '41793026727', 'ACCEPTED'],
					'answer',
				);
				const sends = sandbox
					.requests()
					.slice(requestsBefore)
					.filter((request) => request.path === '/omni/1/advanced');
				same(sends.length, 1, 'sends');
				const body = sends[0].body as Json & {
					destinations: Array<{ messageId: string; to: Json }>;
				};
				same(
					body.destinations.map((destination) => [
						destination.messageId,
						destination.to.phoneNumber,
					]),
					[
						['crm-evt-1001', '41793026727'],
						['crm-evt-1001-2', '41793000050'],
					],
					'destinations',
				);
				same(
					[body.notifyUrl, body.callbackData],
					[notifyUrl, '{"eventId":"crm-evt-1001"}'],
					'notifyUrl, callbackData',
				);
				return `answered ${JSON.stringify({ messageId: answer.messageId, status: answer.status })}`;
			},
		);

		await check(
			"failure-alert: the sandbox pushed the 4 reports to the trigger's Production URL, each answered 200",
			async () => {
				const pushes = await waitFor('4 pushes answered', () => {
					const attempts = sandbox.pushes().slice(pushesBefore);
					return attempts.length >= 4 &&
						attempts.every((push) => push.status !== undefined || push.error)
						? attempts
						: undefined;
				});
				same(
					pushes.map((push) => push.status),
					[200, 200, 200, 200],
					'push answers',
				);
				expect(
					pushes.every((push) => push.url === notifyUrl),
					'push URL',
				);
				return '';
			},
		);

		await check(
			"failure-alert: the public API shows 3 trigger executions (final failures only: the SMS DELIVERED report started none), and the Filter passed only 41793000050's SMS failure",
			async () => {
				const executions = await waitFor('3 finished executions', async () => {
					const list = await api(`/executions?workflowId=${WORKFLOWS.alert}&includeData=true`);
					return list.data.length >= 3 &&
						list.data.every((execution) => execution.finished || execution.stoppedAt)
						? list.data
						: undefined;
				});
				await new Promise((done) => setTimeout(done, 500)); // a 4th would have come by now
				const again = await api(`/executions?workflowId=${WORKFLOWS.alert}`);
				same(again.data.length, 3, 'executions');
				same(
					executions.map((execution) => `${String(execution.mode)} ${String(execution.status)}`),
					['webhook success', 'webhook success', 'webhook success'],
					'mode/status',
				);
				const runDataOf = (execution: Json) =>
					(execution.data as { resultData: { runData: RunData } }).resultData.runData;
				const triggered = executions.flatMap((execution) =>
					output(runDataOf(execution), 'Infobip OMNI Trigger'),
				);
				same(
					sorted(
						triggered.map(
							(report) =>
								`${String(report.event)} ${String(report.to)} ${String(report.channel)} ${String(report.statusGroup)} ${String((report.callbackData as Json)?.eventId)}`,
						),
					),
					sorted([
						'deliveryReport 41793026727 FACEBOOK UNDELIVERABLE crm-evt-1001',
						'deliveryReport 41793000050 FACEBOOK UNDELIVERABLE crm-evt-1001',
						'deliveryReport 41793000050 SMS UNDELIVERABLE crm-evt-1001',
					]),
					'trigger items',
				);
				const passedFilter = executions.flatMap((execution) =>
					output(runDataOf(execution), 'Last Step Failed'),
				);
				same(
					passedFilter.map((report) => `${String(report.to)} ${String(report.channel)}`),
					['41793000050 SMS'],
					'filter',
				);
				return `executions ${executions.map((execution) => String(execution.id)).join(', ')}`;
			},
		);

		await check('failure-alert: the Notify node posted one alert, for 41793000050', () => {
			same(alerts.received.length, 1, 'alerts');
			const body = alerts.received[0].body as Json;
			same([body.to, body.messageId], ['41793000050', 'crm-evt-1001-2'], 'alert');
			expect(/failed on every channel/.test(String(body.text)), `text: ${String(body.text)}`);
			return String(body.text);
		});

		await check(
			'webhook-send: the public API shows its execution (mode webhook, status success)',
			async () => {
				const list = await api(`/executions?workflowId=${WORKFLOWS.hook}`);
				same(
					list.data.map((execution) => `${String(execution.mode)} ${String(execution.status)}`),
					['webhook success'],
					'executions',
				);
				return '';
			},
		);

		// --- report-once: the trigger emits every push; Remove Duplicates passes a report once ---
		const onceWorkflow = JSON.parse(
			readFileSync(join(ROOT, 'examples/report-once.json'), 'utf8'),
		) as { nodes: Array<{ type: string; webhookId?: string }> };
		const onceUrl = `${n8n.baseUrl}/webhook/${String(
			onceWorkflow.nodes.find((node) => node.type.endsWith('.infobipOmniTrigger'))?.webhookId,
		)}/webhook`;
		const runs: Record<string, number> = {};
		/** One push to a report-once workflow's Production URL; waits for the execution it starts. */
		const pushTo = async (workflowId: string, url: string, results: Json[]) => {
			const answer = await post(url, { results });
			const count = (runs[workflowId] = (runs[workflowId] ?? 0) + 1);
			// The trigger answers itself (n8n's onReceived default would answer "firstEntryJson").
			same(answer.contentType, 'application/json; charset=utf-8', `push ${count}: content type`);
			same(
				answer.text,
				JSON.stringify({ received: results.length, started: results.length }),
				`push ${count}: answer`,
			);
			// Generous: the check waits only as long as the execution takes, but a loaded machine is slow.
			const list = await finishedExecutions(workflowId, count, 45_000).catch(() => {
				throw new Error(`push ${count} started no execution within 45 s`);
			});
			const execution = await storedExecution(list[list.length - 1].id);
			same(execution.status, 'success', `push ${count}: execution status`);
			const runData = execution.data?.resultData.runData ?? {};
			return {
				emitted: output(runData, 'Infobip OMNI Trigger'),
				kept: output(runData, 'Remove Duplicates', 0),
				discarded: output(runData, 'Remove Duplicates', 1),
				handled: output(runData, 'New Report'),
			};
		};
		const pushOnce = async (results: Json[]) => await pushTo(WORKFLOWS.once, onceUrl, results);

		await check(
			"report-once: one delivery report pushed twice, then the message's next status: the trigger emits all 3 pushes; the retry has the first push's dedupeKey, the next status another; Remove Duplicates passes 1, 0, 1",
			async () => {
				const pending = deliveryReport('e2e-once-1', '41793027001', 'PENDING');
				const runs = [
					await pushOnce([pending]),
					await pushOnce([pending]),
					await pushOnce([deliveryReport('e2e-once-1', '41793027001', 'DELIVERED')]),
				];
				const figures = `emitted ${runs.map((run) => run.emitted.length).join('+')}, Remove Duplicates kept ${runs.map((run) => run.kept.length).join('+')}, New Report got ${runs.map((run) => run.handled.length).join('+')}`;
				same(
					runs.map((run) => run.emitted.length),
					[1, 1, 1],
					`trigger items per push (${figures})`,
				);
				const keys = runs.map((run) => run.emitted[0].dedupeKey);
				expect(
					typeof keys[0] === 'string' && keys[0] !== '',
					`no dedupeKey on the emitted item (${figures})`,
				);
				same(keys[1], keys[0], `the retry's dedupeKey (${figures})`);
				expect(keys[2] !== keys[0], `the next status has the same dedupeKey ${String(keys[0])}`);
				same(
					runs.map((run) => run.kept.length),
					[1, 0, 1],
					`Remove Duplicates kept (${figures})`,
				);
				same(
					runs.map((run) => run.discarded.length),
					[0, 1, 0],
					`Remove Duplicates discarded (${figures})`,
				);
				same(
					runs.flatMap((run) => run.handled.map((item) => item.status)),
					['PENDING_ENROUTE', 'DELIVERED_TO_HANDSET'],
					'New Report',
				);
				return `3 pushes: ${figures}; keys ${keys.map(String).join(', ')}`;
			},
		);

		const BATCH = 1000;
		await check(
			`report-once: a push of ${BATCH} results, retried whole: the trigger emits ${BATCH} both times with the same dedupeKeys; Remove Duplicates keeps ${BATCH}, then 0`,
			async () => {
				const results = Array.from({ length: BATCH }, (_, index) =>
					deliveryReport(
						`e2e-batch-${index}`,
						`4179303${String(index).padStart(4, '0')}`,
						'DELIVERED',
					),
				);
				const runs = [await pushOnce(results), await pushOnce(results)];
				const figures = `emitted ${runs.map((run) => run.emitted.length).join('+')}, kept ${runs.map((run) => run.kept.length).join('+')}, discarded ${runs.map((run) => run.discarded.length).join('+')}`;
				same(
					runs.map((run) => run.emitted.length),
					[BATCH, BATCH],
					`trigger items (${figures})`,
				);
				const keys = runs.map((run) => run.emitted.map((item) => String(item.dedupeKey)));
				same(new Set(keys[0]).size, BATCH, `distinct dedupeKeys in one push (${figures})`);
				same(keys[1], keys[0], 'dedupeKeys of the retry');
				same(
					runs.map((run) => [run.kept.length, run.discarded.length, run.handled.length]),
					[
						[BATCH, 0, BATCH],
						[0, BATCH, 0],
					],
					`Remove Duplicates kept/discarded, New Report (${figures})`,
				);
				return `2 pushes of ${BATCH}: ${figures}`;
			},
		);

		await check(
			'report-once saved with the removed Dedupe Window option (options.dedupeWindowMinutes: 60): published and run as before; the same report pushed twice is emitted twice, Remove Duplicates passes it once',
			async () => {
				const url = `${n8n.baseUrl}/webhook/${LEGACY_WEBHOOK_ID}/webhook`;
				const report = deliveryReport('e2e-legacy-1', '41793027301', 'DELIVERED');
				const twice = [
					await pushTo(WORKFLOWS.legacyOnce, url, [report]),
					await pushTo(WORKFLOWS.legacyOnce, url, [report]),
				];
				same(
					twice.map((run) => [run.emitted.length, run.kept.length, run.discarded.length]),
					[
						[1, 1, 0],
						[1, 0, 1],
					],
					'emitted, kept, discarded',
				);
				return 'emitted 1+1, kept 1+0';
			},
		);

		// --- the trigger receives the Messages API's pushes (sandbox → Production URL) ---
		const messagesTriggerUrl = `${n8n.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		const triggerItems = async (count: number) => {
			const list = await finishedExecutions(MESSAGES_WORKFLOWS.trigger, count, 45_000);
			const executions = await Promise.all(
				list.slice(-count).map(async (execution) => await storedExecution(execution.id)),
			);
			same(
				executions.map((execution) => execution.status),
				executions.map(() => 'success'),
				'execution status',
			);
			return executions.flatMap((execution) =>
				output(execution.data?.resultData.runData ?? {}, 'Infobip OMNI Trigger'),
			);
		};
		await check(
			"messages api trigger: a Messenger → SMS send to the sandbox with the trigger's Production URL as Delivery URL and Reports for Every Step: the sandbox pushes 2 Messages API delivery reports (each answered 200), the trigger emits them as MESSENGER UNDELIVERABLE and SMS DELIVERED",
			async () => {
				const pushesFrom = sandbox.pushes().length;
				const messageId = 'e2e-messages-push-1';
				const response = await fetch(`${sandbox.baseUrl}/messages-api/1/messages`, {
					method: 'POST',
					headers: { authorization: BASIC, 'content-type': 'application/json' },
					body: JSON.stringify({
						messages: [
							{
								...seedMessage(messageId, '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b', '41793027401'),
								webhooks: {
									delivery: { url: messagesTriggerUrl, receiveTriggeredFailoverReports: true },
								},
							},
						],
					}),
				});
				expect(response.ok, `the sandbox answered ${response.status}: ${await response.text()}`);
				const pushes = await waitFor('2 pushes answered', () => {
					const attempts = sandbox.pushes().slice(pushesFrom);
					return attempts.length >= 2 &&
						attempts.every((push) => push.status !== undefined || push.error)
						? attempts
						: undefined;
				});
				same(
					pushes.map((push) => [push.url, push.status]),
					[
						[messagesTriggerUrl, 200],
						[messagesTriggerUrl, 200],
					],
					'pushes (URL, answer)',
				);
				const items = await triggerItems(2);
				same(
					items.map(
						(item) =>
							`${String(item.event)} ${String(item.messageId)} ${String(item.to)} ${String(item.channel)} ${String(item.statusGroup)}`,
					),
					[
						`deliveryReport ${messageId} 1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b MESSENGER UNDELIVERABLE`,
						`deliveryReport ${messageId} 41793027401 SMS DELIVERED`,
					],
					'trigger items',
				);
				return `dedupeKeys ${items.map((item) => String(item.dedupeKey)).join(', ')}`;
			},
		);
		await check(
			"messages api trigger: an inbound Messenger message injected into the sandbox is pushed to the trigger's Production URL (answered 200) and emitted as an inbound message: channel, from, to, text",
			async () => {
				const pushesFrom = sandbox.pushes().length;
				sandbox.messagesApi.setInboundUrl(messagesTriggerUrl);
				try {
					await sandbox.messagesApi.injectInbound({
						channel: 'MESSENGER',
						sender: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
						destination: 'FacebookApplicationKey',
						text: 'Where is my parcel?',
						messageId: 'e2e-messages-inbound-1',
					});
					const pushes = await waitFor('the inbound push answered', () => {
						const attempts = sandbox.pushes().slice(pushesFrom);
						return attempts.length >= 1 &&
							attempts.every((push) => push.status !== undefined || push.error)
							? attempts
							: undefined;
					});
					same(
						pushes.map((push) => [push.url, push.status]),
						[[messagesTriggerUrl, 200]],
						'push (URL, answer)',
					);
				} finally {
					sandbox.messagesApi.setInboundUrl(undefined);
				}
				const [item] = (await triggerItems(3)).slice(-1);
				same(
					[item?.event, item?.messageId, item?.channel, item?.from, item?.to, item?.text],
					[
						'inboundMessage',
						'e2e-messages-inbound-1',
						'MESSENGER',
						'1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
						'FacebookApplicationKey',
						'Where is my parcel?',
					],
					'trigger item (event, messageId, channel, from, to, text)',
				);
				return `dedupeKey ${String(item?.dedupeKey)}`;
			},
		);

		// --- Send and Wait for Response / for Delivery (issue 15, scripts/e2e/wait.ts) ---
		await waitChecks({ n8n, sandbox, apiKey, model, restart: true });

		// --- a batched send whose middle request fails (contract of issue #10 §8a) ---
		const SIX = Array.from({ length: 6 }, (_, index) => `4179302710${index}`);
		const ADVANCED = { path: '/omni/1/advanced', method: 'POST' };
		/** The 1st POST /omni/1/advanced is answered normally, the 2nd with 500, the rest normally. */
		const failSecondSend = () => {
			sandbox.clearDrills();
			sandbox.drill({ kind: 'latency', ms: 1, ...ADVANCED });
			sandbox.drill({ kind: 'status', status: 500, ...ADVANCED });
		};
		const sendsSince = (from: number) =>
			sandbox
				.requests()
				.slice(from)
				.filter((request) => request.method === 'POST' && request.path === ADVANCED.path);
		const messageIdsOf = (request: LoggedRequest) =>
			(request.body as { destinations?: Array<{ messageId?: string }> }).destinations?.map(
				(destination) => String(destination.messageId),
			) ?? [];

		let stopped: { execution: Execution; sends: LoggedRequest[] } | undefined;
		await check(
			'batched send, 6 items, Batch Size 2, Requests in Flight 1, the 2nd POST answered 500, no Continue On Fail: 2 POSTs reached the sandbox, the execution failed with "Infobip accepted 2 of 6 messages, then the node stopped: …"',
			async () => {
				const from = sandbox.requests().length;
				failSecondSend();
				const execution = await runThroughWebhook(WORKFLOWS.batchStop, E2E_PATHS.batchStop, SIX);
				await sleep(1000); // a 3rd request would have come by now
				sandbox.clearDrills();
				const sends = sendsSince(from);
				stopped = { execution, sends };
				same(
					sends.map((request) => [messageIdsOf(request).length, request.status]),
					[
						[2, 200],
						[2, 500],
					],
					'POSTs (destinations, status)',
				);
				same(execution.status, 'error', 'execution status');
				const error = execution.data?.resultData.error;
				const message = String(error?.message);
				expect(
					message.startsWith('Infobip accepted 2 of 6 messages, then the node stopped: '),
					`data.resultData.error.message: ${message}`,
				);
				const nodeRun = execution.data?.resultData.runData['Send Text']?.[0];
				same(nodeRun?.error?.message, message, "Send Text's run data error.message");
				return message;
			},
		);
		await check(
			"batched send, stopped: n8n stores the error's context (data.resultData.error.context): accepted lists the 2 messages of the 1st POST, failedItems [2,3], notSentItems [4,5]",
			() => {
				expect(stopped, 'no execution');
				const error = stopped.execution.data?.resultData.error ?? {};
				const context = error.context as Json | undefined;
				const stored = `data.resultData.error has ${Object.keys(error).sort().join(', ')}; context ${JSON.stringify(context)}`;
				expect(context && Array.isArray(context.accepted), `no context.accepted: ${stored}`);
				const accepted = context.accepted as Array<Json>;
				same(
					// `to` is the destination as sent ({ phoneNumber }) or the bare number.
					accepted.map((entry) => [
						entry.itemIndex,
						typeof entry.to === 'object' && entry.to !== null
							? (entry.to as Json).phoneNumber
							: entry.to,
						entry.messageId,
					]),
					messageIdsOf(stopped.sends[0]).map((messageId, index) => [index, SIX[index], messageId]),
					`context.accepted (${stored})`,
				);
				same(
					[context.failedItems, context.notSentItems],
					[
						[2, 3],
						[4, 5],
					],
					'context.failedItems, context.notSentItems',
				);
				return `context.accepted ${accepted.map((entry) => String(entry.messageId)).join(', ')}, failedItems [2,3], notSentItems [4,5]`;
			},
		);

		await check(
			"batched send, stopped, then n8n's Retry execution (public API): a new execution ID, so new derived message IDs, and the 2 messages accepted before are sent again (what the README warns of)",
			async () => {
				expect(stopped, 'no stopped execution');
				const from = sandbox.requests().length;
				const response = await fetch(
					`${n8n.baseUrl}/api/v1/executions/${String(stopped.execution.id)}/retry`,
					{
						method: 'POST',
						headers: { 'X-N8N-API-KEY': apiKey, 'content-type': 'application/json' },
						body: JSON.stringify({ loadWorkflow: false }),
					},
				);
				const retried = (await response.json()) as Json;
				expect(response.ok, `retry answered ${response.status}: ${JSON.stringify(retried)}`);
				const retryId = String(retried.id);
				expect(retryId !== String(stopped.execution.id), `retry kept the execution ID ${retryId}`);
				const execution = await waitFor(
					`retry ${retryId} finished`,
					async () => {
						const stored = await storedExecution(retryId);
						return stored.finished || stored.stoppedAt ? stored : undefined;
					},
					30_000,
				);
				const sends = sendsSince(from);
				const before = new Set(stopped.sends.flatMap(messageIdsOf));
				const after = sends.flatMap(messageIdsOf);
				same(sends.length, 3, 'POSTs of the retry');
				same(after.length, 6, 'destinations of the retry');
				expect(
					after.every((messageId) => !before.has(messageId)),
					`a message ID was reused: ${after.join(', ')}`,
				);
				const accepted = sends.filter((request) => request.status === 200).length;
				same(accepted, 3, 'POSTs accepted');
				return `execution ${String(stopped.execution.id)} retried as ${retryId} (status ${String(execution.status)}): 3 POSTs, 6 new message IDs (e.g. ${after[0]}), so ${SIX[0]} and ${SIX[1]} got their message a second time`;
			},
		);

		await check(
			'batched send, the 2nd POST answered 500, On Error "Continue (using error output)": all 3 POSTs sent, 4 items on the main output, 2 paired error items (items 2 and 3) on the error output',
			async () => {
				const from = sandbox.requests().length;
				failSecondSend();
				const execution = await runThroughWebhook(
					WORKFLOWS.batchContinue,
					E2E_PATHS.batchContinue,
					SIX,
				);
				sandbox.clearDrills();
				const sends = sendsSince(from);
				same(
					sends.map((request) => [messageIdsOf(request).length, request.status]),
					[
						[2, 200],
						[2, 500],
						[2, 200],
					],
					'POSTs (destinations, status)',
				);
				same(execution.status, 'success', 'execution status');
				const run = execution.data?.resultData.runData['Send Text']?.[0];
				const main = run?.data?.main ?? [];
				const accepted = main[0] ?? [];
				const failures = main[1] ?? [];
				same([accepted.length, failures.length], [4, 2], 'main / error output items');
				same(
					sorted(accepted.map((item) => String(item.json.messageId))),
					sorted([...messageIdsOf(sends[0]), ...messageIdsOf(sends[2])]),
					'accepted messageIds',
				);
				same(accepted.map(pairedIndex), [0, 1, 4, 5], 'main output pairedItem');
				same(failures.map(pairedIndex), [2, 3], 'error output pairedItem');
				return `error items: ${failures.map((item) => JSON.stringify(item.json).slice(0, 160)).join(' | ')}`;
			},
		);

		await check(
			"batched send, the 2nd POST answered 500, the node's Retry On Fail (2 tries): the retry runs in the same execution with the same message IDs, so the 2 messages accepted before are refused as duplicates and the other 4 are sent; 5 POSTs in all",
			async () => {
				const from = sandbox.requests().length;
				failSecondSend();
				const execution = await runThroughWebhook(WORKFLOWS.batchRetry, E2E_PATHS.batchRetry, SIX);
				sandbox.clearDrills();
				const sends = sendsSince(from);
				same(
					sends.map((request) => request.status),
					[200, 500, 200, 200, 200],
					'POST statuses',
				);
				same(
					sends.slice(2).flatMap(messageIdsOf),
					[
						...messageIdsOf(sends[0]),
						...messageIdsOf(sends[1]),
						...sends.slice(4).flatMap(messageIdsOf),
					],
					'message IDs of the retry (those of the first try)',
				);
				same(execution.status, 'success', 'execution status');
				const items = execution.data?.resultData.runData['Send Text']?.[0]?.data?.main?.[0] ?? [];
				same(
					items.map((item) => [pairedIndex(item), item.json.statusName]),
					[
						[0, 'REJECTED_DUPLICATE_MESSAGE_ID'],
						[1, 'REJECTED_DUPLICATE_MESSAGE_ID'],
						[2, 'MESSAGE_ACCEPTED'],
						[3, 'MESSAGE_ACCEPTED'],
						[4, 'MESSAGE_ACCEPTED'],
						[5, 'MESSAGE_ACCEPTED'],
					],
					'output (item, statusName)',
				);
				return `POSTs ${sends.map((request) => request.status).join(', ')}; items 0-1 REJECTED_DUPLICATE_MESSAGE_ID, 2-5 MESSAGE_ACCEPTED`;
			},
		);

		// --- a redirect is refused (issue #10 §8b) ---
		await check(
			`redirect: a Base URL answering 307 towards another server: the execution fails naming the redirect and ${redirectTarget.hostPort}; the other server received nothing`,
			async () => {
				const before = redirecting.received.length;
				const execution = await runThroughWebhook(WORKFLOWS.redirect, E2E_PATHS.redirect, [
					'41793027201',
				]);
				await sleep(500);
				same(execution.status, 'error', 'execution status');
				const message = String(execution.data?.resultData.error?.message);
				expect(/redirect/i.test(message), `error message names no redirect: ${message}`);
				expect(
					message.includes(redirectTarget.hostPort),
					`error message does not name ${redirectTarget.hostPort}: ${message}`,
				);
				const asked = redirecting.received.slice(before);
				expect(asked.length >= 1, 'the redirecting server received no request');
				same(
					redirectTarget.received.map((request) => request.headers.authorization ?? '(none)'),
					[],
					'requests (their Authorization) at the Location',
				);
				return `${asked.length} request(s) to ${redirecting.hostPort}: ${message}`;
			},
		);
	} finally {
		if (tally.failed && home?.log) {
			const lines = home.log
				.split('\n')
				.filter((line) => line.trim() && !line.startsWith('    at '));
			print(`n8n start's log (tail):\n${lines.slice(-30).join('\n')}`);
		}
		await home?.stop();
		if (!process.env.INFOBIP_OMNI_E2E_KEEP) home?.remove();
		else if (home) print(`kept ${home.folder}`);
		await alerts.close();
		await redirecting.close();
		await redirectTarget.close();
		await model.close();
		await sandbox.close();
		print(`e2e took ${((Date.now() - started) / 1000).toFixed(0)} s`);
		print(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
	}
}

main().then(
	() => process.exit(tally.failed || !tally.passed ? 1 : 0),
	(error: Error) => {
		print(`e2e crashed: ${error.stack ?? error.message}`);
		print(`e2e: ${tally.passed} passed, ${tally.failed + 1} failed`);
		process.exit(1);
	},
);
