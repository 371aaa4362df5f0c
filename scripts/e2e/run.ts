// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run test:e2e`: the package inside the real n8n app (2.41.1 on Node 24, installed once into
 * ~/.cache/infobip-omni-e2e by provision.sh). Packs the package and installs it as a community
 * package, starts the sandbox, imports a credential and the four example workflows as they are
 * (one exception: failure-alert's Notify URL, https://hooks.example.com/…, is pointed at a local
 * receiver), then:
 * - runs facebook-sms-failover and send-then-check-report headless (`n8n execute --id`) and
 *   checks the sandbox's request log and n8n's execution data;
 * - publishes the trigger and webhook workflows, starts n8n, sends a
 *   message through the webhook workflow whose Notify URL is the trigger's Production URL, and
 *   checks through the public API that the pushed reports became executions with the expected
 *   items, and that the alert went out.
 * `n8n execute` rarely crashes at exit (SIGSEGV, code 139): a run is judged by its parsed status
 * and the sandbox's log, and retried once only when it crashed without a result.
 * Prints one line per check, then `e2e: X passed, Y failed`; exits 1 if any failed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { DEFAULT_ACCOUNT, startSandbox, type LoggedRequest, type Sandbox } from '../../sandbox';
import { N8nHome, parseRawOutput, ROOT, type CliResult } from './n8n';

const print = (line = '') => process.stdout.write(`${line}\n`);

type Json = Record<string, unknown>;
type Item = { json: Json };
type RunData = Record<string, Array<{ data?: { main?: Array<Item[] | null> } }>>;

const CREDENTIAL = { id: 'ibOmniBasicAuth1', name: 'Infobip OMNI account' };
const WORKFLOWS = {
	seed: 'ibOmniExSeed0001',
	check: 'ibOmniExCheck001',
	hook: 'ibOmniExHook0001',
	alert: 'ibOmniExAlert001',
};
const ALERT_PLACEHOLDER = 'https://hooks.example.com/infobip-omni-alerts';
const BASIC = 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

let passed = 0;
let failed = 0;

/** One named check: passes when `body` returns (its text is the detail), fails when it throws. */
async function check(name: string, body: () => Promise<string> | string): Promise<boolean> {
	const started = Date.now();
	try {
		const detail = await body();
		passed++;
		print(
			`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`,
		);
		return true;
	} catch (error) {
		failed++;
		print(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
		return false;
	}
}

function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

const same = (actual: unknown, expected: unknown, what: string) =>
	expect(
		JSON.stringify(actual) === JSON.stringify(expected),
		`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
	);

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

function prepareImports(home: N8nHome, sandbox: Sandbox, alertUrl: string) {
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
	return { dir, files };
}

async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	ms = 30_000,
) {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((done) => setTimeout(done, 250));
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	// Speed 60: a virtual minute per real second, so deliveries and pushes come within ms.
	const sandbox = await startSandbox({ clock: { speed: 60 } });
	const alerts = await alertReceiver();
	let home: N8nHome | undefined;
	print(`e2e: sandbox ${sandbox.baseUrl}, alert receiver ${alerts.url}`);
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
			'import: the sandbox credential and the 4 example workflows',
			async () => {
				const { dir, files } = prepareImports(n8n, sandbox, alerts.url);
				const credentials = await n8n.cli(
					'import:credentials',
					`--input=${join(dir, 'credentials.json')}`,
				);
				expect(
					/Successfully imported 1 credential/.test(credentials.output),
					credentials.output.slice(-800),
				);
				const workflows = await n8n.cli(
					'import:workflow',
					'--separate',
					`--input=${join(dir, 'workflows')}`,
				);
				expect(
					new RegExp(`Successfully imported ${files.length} workflows`).test(workflows.output),
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
			"facebook-sms-failover: the sandbox got the seed's scenario, one text send (4 destinations), one image send, one report fetch, all with Basic auth",
			() => {
				expect(seed, 'no run');
				const requests = seed.requests;
				same(
					requests.map((request) => `${request.method} ${request.path}`),
					[
						'POST /omni/1/scenarios',
						'POST /omni/1/advanced',
						'POST /omni/1/advanced',
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
					(requests[2].body as Json).facebook,
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
				const reports = output(runData, 'Get Delivery Reports').map(
					(report) =>
						`${String(report.to)} ${String(report.channel)} ${String((report.status as Json).groupName)}`,
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
				const line = (report: Json) =>
					`${String(report.channel)} ${String((report.status as Json).groupName)}`;
				same(output(runData, 'Delivered').map(line), ['SMS DELIVERED'], 'Delivered');
				same(output(runData, 'Step Failed').map(line), ['FACEBOOK UNDELIVERABLE'], 'Step Failed');
				return `${attempt.ms} ms`;
			},
		);

		// --- n8n start: webhook → send → pushes → trigger → alert ---
		let apiKey = '';
		const up = await check(
			'n8n start: trigger and webhook workflows published (n8n publish:workflow), n8n ready, owner set up, public API key created',
			async () => {
				for (const id of [WORKFLOWS.alert, WORKFLOWS.hook]) {
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
				]);
				const list = (await (
					await fetch(`${n8n.baseUrl}/api/v1/workflows?active=true`, {
						headers: { 'X-N8N-API-KEY': apiKey },
					})
				).json()) as { data: Json[] };
				same(
					sorted(list.data.map((workflow) => String(workflow.id))),
					sorted([WORKFLOWS.alert, WORKFLOWS.hook]),
					'active workflows',
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
					['crm-evt-1001', { phoneNumber: '41793026727' }, 'ACCEPTED'],
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
	} finally {
		if (failed && home?.log) {
			const lines = home.log
				.split('\n')
				.filter((line) => line.trim() && !line.startsWith('    at '));
			print(`n8n start's log (tail):\n${lines.slice(-30).join('\n')}`);
		}
		await home?.stop();
		if (!process.env.INFOBIP_OMNI_E2E_KEEP) home?.remove();
		else if (home) print(`kept ${home.folder}`);
		await alerts.close();
		await sandbox.close();
		print(`e2e took ${((Date.now() - started) / 1000).toFixed(0)} s`);
		print(`e2e: ${passed} passed, ${failed} failed`);
	}
}

main().then(
	() => process.exit(failed || !passed ? 1 : 0),
	(error: Error) => {
		print(`e2e crashed: ${error.stack ?? error.message}`);
		print(`e2e: ${passed} passed, ${failed + 1} failed`);
		process.exit(1);
	},
);
