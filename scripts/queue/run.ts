// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The package on n8n's queue mode (issue 16), first part: the stack (stack.ts) and a batched
 * send of 1,000 items started on the webhook processor and run on a worker, every output paired.
 * Work in progress: `npx tsc -p tsconfig.dev.json && node .dev-dist/scripts/queue/run.js`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import { check, expect, print, tally } from '../e2e/checks';
import { ROOT } from '../e2e/n8n';
import { OWNER } from '../e2e/n8n';
import { QueueStack } from './stack';

type Json = Record<string, unknown>;

const CREDENTIAL = { id: 'credqueue000001', name: 'Infobip (queue)' };
const SEND_WORKFLOW = 'ibQueueSend00001';
const SEND_PATH = 'queue-send';
const APPROVAL_WORKFLOW = 'ibQueueAppr00001';
const APPROVAL_PATH = 'queue-approval';
const APPROVAL_NODE_ID = 'c4a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c99';
const DELIVERY_WORKFLOW = 'ibQueueDlvr00001';
const DELIVERY_PATH = 'queue-delivery';
const DELIVERY_NODE_ID = 'c4a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c98';
const BIG_WORKFLOW = 'ibQueueBig000001';
const BIG_PATH = 'queue-big';
const ONCE_WORKFLOW = 'ibQueueOnce00001';
const BROWSER_UA =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

function deliveryWorkflow(): Json {
	return {
		id: DELIVERY_WORKFLOW,
		name: 'queue: wait for delivery',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { Start: { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: 'q-delivery-start',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c13',
				parameters: { httpMethod: 'POST', path: DELIVERY_PATH, options: {} },
			},
			{
				id: DELIVERY_NODE_ID,
				name: 'Send',
				type: 'n8n-nodes-infobip-omni.infobipMessages',
				typeVersion: 1,
				position: [200, 0],
				credentials: { infobipOmniBasicAuthApi: CREDENTIAL },
				parameters: {
					resource: 'message',
					operation: 'sendAndWaitForDelivery',
					channel: 'MESSENGER',
					sender: 'FacebookApplicationKey',
					to: '00000000-0000-4000-8000-000000000000',
					messageType: 'content',
					bodyType: 'TEXT',
					text: 'Your parcel is on its way.',
					failover: { steps: [{ channel: 'SMS', sender: 'InfoSMS', to: '41793026727' }] },
					options: {},
				},
			},
		],
	};
}

/** 10,000 texts at 20 requests per second (100 requests, about 5 s): long enough to stop a worker. */
function bigWorkflow(): Json {
	const workflow = sendWorkflow() as Json & { nodes: Json[] };
	const nodes = workflow.nodes.map((node) => {
		if (node.name === 'Start') {
			return {
				...node,
				id: 'q-big-start',
				webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c14',
				parameters: { httpMethod: 'POST', path: BIG_PATH, options: {} },
			};
		}
		if (node.name === 'Send') {
			return {
				...node,
				id: 'q-big-send',
				parameters: {
					...(node.parameters as Json),
					requestSettings: { requestsPerSecond: 20 },
				},
			};
		}
		return { ...node, id: `q-big-${String(node.name).toLowerCase()}` };
	});
	return { ...workflow, id: BIG_WORKFLOW, name: 'queue: 10,000 texts, paced', nodes };
}

function approvalWorkflow(): Json {
	return {
		id: APPROVAL_WORKFLOW,
		name: 'queue: approval by SMS',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: 'q-approval-start',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c12',
				parameters: { httpMethod: 'POST', path: APPROVAL_PATH, options: {} },
			},
			{
				id: APPROVAL_NODE_ID,
				name: 'Ask',
				type: 'n8n-nodes-infobip-omni.infobipMessages',
				typeVersion: 1,
				position: [200, 0],
				credentials: { infobipOmniBasicAuthApi: CREDENTIAL },
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					channel: 'SMS',
					sender: 'InfoSMS',
					to: '41793026727',
					message: 'Approve the refund?',
					responseType: 'approval',
					options: {},
				},
			},
		],
	};
}

function sendWorkflow(): Json {
	return {
		id: SEND_WORKFLOW,
		name: 'queue: 1,000 personalised texts',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'q-start',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c11',
				parameters: {
					httpMethod: 'POST',
					path: SEND_PATH,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: 'q-items',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode:
						"return Array.from({ length: $json.body.count }, (_, i) => ({ json: { phone: '4179' + String(31 + Math.floor(i / 9000)) + String(1000 + (i % 9000)), name: 'P' + i } }));",
				},
			},
			{
				id: 'q-send',
				name: 'Send',
				type: 'n8n-nodes-infobip-omni.infobipMessages',
				typeVersion: 1,
				position: [400, 0],
				credentials: { infobipOmniBasicAuthApi: CREDENTIAL },
				parameters: {
					resource: 'message',
					operation: 'send',
					channel: 'SMS',
					sender: 'InfoSMS',
					to: '={{ $json.phone }}',
					messageType: 'content',
					bodyType: 'TEXT',
					text: '=Hi {{ $json.name }}',
					options: {},
				},
			},
		],
	};
}

async function main() {
	const started = Date.now();
	const sandbox = await startSandbox({ clock: { speed: 60 } });
	const stack = await QueueStack.create({ log: print });
	try {
		const dir = mkdtempSync(join(tmpdir(), 'infobip-omni-queue-'));
		mkdirSync(join(dir, 'workflows'));
		writeFileSync(
			join(dir, 'credentials.json'),
			JSON.stringify([
				{
					...CREDENTIAL,
					type: 'infobipOmniBasicAuthApi',
					data: { username: 'Aladdin', password: 'open sesame', baseUrl: sandbox.baseUrl },
				},
			]),
		);
		writeFileSync(join(dir, 'workflows', `${SEND_WORKFLOW}.json`), JSON.stringify(sendWorkflow()));
		writeFileSync(
			join(dir, 'workflows', `${APPROVAL_WORKFLOW}.json`),
			JSON.stringify(approvalWorkflow()),
		);
		writeFileSync(
			join(dir, 'workflows', `${DELIVERY_WORKFLOW}.json`),
			JSON.stringify(deliveryWorkflow()),
		);
		writeFileSync(join(dir, 'workflows', `${BIG_WORKFLOW}.json`), JSON.stringify(bigWorkflow()));
		const once = JSON.parse(readFileSync(join(ROOT, 'examples/report-once.json'), 'utf8')) as Json;
		writeFileSync(
			join(dir, 'workflows', `${ONCE_WORKFLOW}.json`),
			JSON.stringify({ ...once, id: ONCE_WORKFLOW, active: false }),
		);
		const credentials = await stack.cli(
			'import:credentials',
			`--input=${join(dir, 'credentials.json')}`,
		);
		expect(credentials.code === 0, credentials.output.slice(-600));
		const workflows = await stack.cli(
			'import:workflow',
			'--separate',
			`--input=${join(dir, 'workflows')}`,
		);
		expect(workflows.code === 0, workflows.output.slice(-600));
		for (const id of [
			SEND_WORKFLOW,
			APPROVAL_WORKFLOW,
			DELIVERY_WORKFLOW,
			BIG_WORKFLOW,
			ONCE_WORKFLOW,
		]) {
			const published = await stack.cli('publish:workflow', `--id=${id}`);
			expect(published.code === 0, published.output.slice(-600));
		}

		const up = Date.now();
		await stack.start(2);
		print(`stack up in ${((Date.now() - up) / 1000).toFixed(0)} s`);

		await check(
			'queue: a batched send of 1,000 items posted to the webhook processor runs on a worker; 1,000 outputs, each paired to its item, in 10 requests',
			async () => {
				const from = sandbox.requests().length;
				const t0 = Date.now();
				const response = await fetch(`${stack.webhook.baseUrl}/webhook/${SEND_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ count: 1000 }),
				});
				const text = await response.text();
				const ms = Date.now() - t0;
				expect(response.ok, `webhook answered ${response.status}: ${text.slice(0, 300)}`);
				const items = JSON.parse(text) as Json[];
				const sends = sandbox
					.requests()
					.slice(from)
					.filter((request) => request.path === '/messages-api/1/messages');
				expect(Array.isArray(items) && items.length === 1000, `items: ${text.slice(0, 200)}`);
				expect(sends.length === 10, `${sends.length} send requests`);
				const inOrder = items.every((item, i) => item.to === `417931${1000 + i}`);
				expect(inOrder, 'outputs not in input order');
				expect(
					new Set(items.map((item) => item.messageId)).size === 1000,
					'message IDs not unique',
				);
				const ran = stack.workers.filter((worker) =>
					/Worker started execution|started execution/i.test(worker.log),
				);
				expect(ran.length >= 1, 'no worker logged an execution');
				expect(!/started execution/i.test(stack.main.log), 'main ran an execution');
				return `${ms} ms end to end; workers that ran it: ${ran.map((worker) => worker.role).join(', ')}`;
			},
		);

		// The public API on main, to read executions.
		const setup = await fetch(`${stack.main.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		expect(setup.ok, `owner setup ${setup.status}`);
		const login = await fetch(`${stack.main.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		const cookie = login.headers
			.getSetCookie()
			.map((header) => header.split(';')[0])
			.find((pair) => pair.startsWith('n8n-auth='));
		const key = await fetch(`${stack.main.baseUrl}/rest/api-keys`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: cookie ?? '' },
			body: JSON.stringify({
				label: 'queue',
				expiresAt: null,
				scopes: ['execution:read', 'execution:list'],
			}),
		});
		const apiKey = ((await key.json()) as { data: { rawApiKey: string } }).data.rawApiKey;
		const execution = async (id: string) =>
			(await (
				await fetch(`${stack.main.baseUrl}/api/v1/executions/${id}?includeData=true`, {
					headers: { 'X-N8N-API-KEY': apiKey },
				})
			).json()) as Json & { status: string; data?: { resultData: { runData: Json } } };
		const latest = async (workflowId: string) =>
			(
				(await (
					await fetch(`${stack.main.baseUrl}/api/v1/executions?workflowId=${workflowId}&limit=5`, {
						headers: { 'X-N8N-API-KEY': apiKey },
					})
				).json()) as { data: Json[] }
			).data.map((e) => String(e.id));
		const until = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) => {
			const deadline = Date.now() + ms;
			for (;;) {
				const value = await probe();
				if (value !== undefined) return value;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
				await new Promise((done) => setTimeout(done, 250));
			}
		};

		await check(
			'queue: Send and Wait for Response started on the webhook processor waits after a worker ran it; its approval link points at the public (webhook processor) URL; opening it there resumes the execution on a worker',
			async () => {
				const from = sandbox.requests().length;
				const response = await fetch(`${stack.webhook.baseUrl}/webhook/${APPROVAL_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				expect(response.ok, `webhook answered ${response.status}`);
				const id = await until('the execution', async () => (await latest(APPROVAL_WORKFLOW))[0]);
				await until('waiting', async () =>
					(await execution(id)).status === 'waiting' ? true : undefined,
				);
				const send = sandbox
					.requests()
					.slice(from)
					.find((request) => request.path === '/messages-api/1/messages');
				const text = String(
					(((send?.body as Json).messages as Json[])[0].content as { body: { text: string } }).body
						.text,
				);
				const link = /Approve: (\S+)/.exec(text)?.[1] ?? '';
				expect(
					link.startsWith(`${stack.webhook.baseUrl}/webhook-waiting/${id}/${APPROVAL_NODE_ID}?`),
					`link ${link}`,
				);
				const workersBefore = stack.workers.map((worker) => worker.log.length);
				const opened = await fetch(link, { headers: { 'user-agent': BROWSER_UA } });
				expect(opened.status === 200, `link answered ${opened.status}`);
				const done = await until('success', async () => {
					const current = await execution(id);
					return current.status === 'success' ? current : undefined;
				});
				const output = (
					done.data?.resultData.runData.Ask as Array<{ data: { main: Json[][] } }>
				).at(-1)?.data.main[0][0] as { json: { data: { approved: boolean } } };
				expect(output.json.data.approved === true, JSON.stringify(output));
				const resumedOn = stack.workers.filter((worker, index) =>
					worker.log.slice(workersBefore[index]).includes(`execution ${id}`),
				);
				return `execution ${id}; link ${new URL(link).origin}; resumed on ${resumedOn.map((w) => w.role).join(', ') || '(no worker log line)'}`;
			},
		);

		await check(
			"queue: Send and Wait for Delivery (Messages API, Messenger → SMS for a PSID no Page knows): the delivery URL built on a worker is the webhook processor's resume URL; the sandbox's pushes arrive there and the execution resumes with SMS DELIVERED, final",
			async () => {
				const from = sandbox.requests().length;
				const response = await fetch(`${stack.webhook.baseUrl}/webhook/${DELIVERY_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				expect(response.ok, `webhook answered ${response.status}`);
				const id = await until('the execution', async () => (await latest(DELIVERY_WORKFLOW))[0]);
				const send = await until('the send', async () =>
					sandbox
						.requests()
						.slice(from)
						.find((request) => request.path === '/messages-api/1/messages'),
				);
				const url = String(
					(((send.body as Json).messages as Json[])[0].webhooks as { delivery: { url: string } })
						.delivery.url,
				);
				expect(
					url.startsWith(`${stack.webhook.baseUrl}/webhook-waiting/${id}/${DELIVERY_NODE_ID}?`),
					`delivery URL ${url}`,
				);
				const done = await until(
					'success',
					async () => {
						const current = await execution(id);
						return current.status === 'success' ? current : undefined;
					},
					120_000,
				);
				const item = (done.data?.resultData.runData.Send as Array<{ data: { main: Json[][] } }>).at(
					-1,
				)?.data.main[0][0] as { json: Json };
				expect(
					item.json.channel === 'SMS' &&
						item.json.statusGroup === 'DELIVERED' &&
						item.json.final === true,
					JSON.stringify(item.json).slice(0, 300),
				);
				const pushes = sandbox.pushes().filter((push) => push.url === url);
				return `execution ${id}; pushes to the webhook processor (answer): ${pushes.map((push) => push.status ?? push.error).join(', ')}`;
			},
		);

		await check(
			'queue: examples/report-once.json (trigger → Remove Duplicates on dedupeKey): one delivery report pushed to the webhook processor, then the same report twice at once to main and to the webhook processor: how many executions, where they ran, how often the report came out',
			async () => {
				const once = JSON.parse(readFileSync(join(ROOT, 'examples/report-once.json'), 'utf8')) as {
					nodes: Json[];
				};
				const webhookId = String(
					once.nodes.find((node) => String(node.type).endsWith('.infobipOmniTrigger'))?.webhookId,
				);
				const report = {
					results: [
						{
							bulkId: 'queue-bulk-1',
							messageId: 'queue-message-1',
							to: '41793026727',
							sentAt: '2026-12-01T10:00:00.000+0000',
							doneAt: '2026-12-01T10:00:02.000+0000',
							messageCount: 1,
							price: { pricePerMessage: 0.01, currency: 'EUR' },
							status: {
								groupId: 3,
								groupName: 'DELIVERED',
								id: 5,
								name: 'DELIVERED_TO_HANDSET',
								description: 'Message delivered to handset',
							},
							error: {
								groupId: 0,
								groupName: 'OK',
								id: 0,
								name: 'NO_ERROR',
								description: 'No Error',
								permanent: false,
							},
							channel: 'SMS',
						},
					],
				};
				const push = (base: string) =>
					fetch(`${base}/webhook/${webhookId}/webhook`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(report),
					}).then(async (response) => `${response.status} ${await response.text()}`);
				const first = await push(stack.webhook.baseUrl);
				await new Promise((done) => setTimeout(done, 3_000));
				const twice = await Promise.all([push(stack.main.baseUrl), push(stack.webhook.baseUrl)]);
				await new Promise((done) => setTimeout(done, 5_000));
				const ids = await latest(ONCE_WORKFLOW);
				const emitted: number[] = [];
				for (const id of ids) {
					const current = await execution(id);
					const runs = (current.data?.resultData.runData['New Report'] ?? []) as Array<{
						data?: { main: Json[][] };
					}>;
					emitted.push(runs.at(-1)?.data?.main[0]?.length ?? 0);
				}
				return `answers: first ${first.slice(0, 80)}; twice ${twice.map((t) => t.slice(0, 60)).join(' / ')}; ${ids.length} executions; New Report items per execution ${emitted.join(', ')} (total ${emitted.reduce((a, b) => a + b, 0)})`;
			},
		);

		const drill = async (signal: NodeJS.Signals) =>
			await check(
				`queue, drill: stopping (${signal}) the worker running a paced 10,000-item send in its middle: what n8n does with the execution, how many messages the sandbox accepted, and whether any was sent twice`,
				async () => {
					const acceptedBefore = sandbox.messagesApi.acceptedCount();
					const from = sandbox.requests().length;
					const logFrom = stack.workers.map((worker) => worker.log.length);
					const response = await fetch(`${stack.webhook.baseUrl}/webhook/${BIG_PATH}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ count: 10_000 }),
					});
					expect(response.ok, `webhook answered ${response.status}`);
					const id = await until('the execution', async () => (await latest(BIG_WORKFLOW))[0]);
					await until(
						'2,000 messages accepted',
						async () =>
							sandbox.messagesApi.acceptedCount() - acceptedBefore >= 2000 ? true : undefined,
						60_000,
					);
					const runner = stack.workers.findIndex((worker, index) =>
						worker.log.slice(logFrom[index]).includes(`started execution ${id}`),
					);
					expect(runner >= 0, 'no worker logged the execution');
					const acceptedAtStop = sandbox.messagesApi.acceptedCount() - acceptedBefore;
					const stopping = Date.now();
					await stack.workers[runner].stop(signal);
					const stoppedMs = Date.now() - stopping;
					let ended = true;
					const final = await until(
						'the execution to end',
						async () => {
							const current = await execution(id);
							return ['new', 'running', 'waiting'].includes(current.status) ? undefined : current;
						},
						150_000,
					).catch(async () => {
						ended = false;
						return await execution(id);
					});
					// Let a re-run after a stalled job finish its sends too.
					await new Promise((done) => setTimeout(done, 2_000));
					const sends = sandbox
						.requests()
						.slice(from)
						.filter((request) => request.path === '/messages-api/1/messages');
					const ids = sends.flatMap((request) =>
						((request.body as Json).messages as Json[]).flatMap((message) =>
							(message.destinations as Json[]).map((destination) => String(destination.messageId)),
						),
					);
					const accepted = sandbox.messagesApi.acceptedCount() - acceptedBefore;
					const runs = (final.data?.resultData.runData.Send ?? []) as Array<{
						data?: { main: Json[][] };
					}>;
					const outputs = runs.at(-1)?.data?.main[0]?.length ?? 0;
					const lastLines = stack.workers[runner].log
						.split('\n')
						.filter((l) => l.trim())
						.slice(-6);
					return `execution ${id} on ${stack.workers[runner].role}: accepted ${acceptedAtStop} when stopped; the worker took ${(stoppedMs / 1000).toFixed(1)} s to stop; execution status ${final.status}${ended ? '' : ' (still, after 150 s)'} after ${((Date.now() - stopping) / 1000).toFixed(0)} s (${String((final.data?.resultData as { error?: { message?: string } } | undefined)?.error?.message ?? '').slice(0, 160)}); ${sends.length} requests with ${ids.length} message IDs (${new Set(ids).size} distinct); sandbox accepted ${accepted}; node outputs ${outputs}; worker's last lines: ${lastLines.join(' | ').slice(0, 400)}`;
				},
			);
		if (process.env.QUEUE_DRILLS === '0') return;
		await drill('SIGTERM');
		for (let index = 0; index < stack.workers.length; index++) {
			const worker = stack.workers[index];
			if (worker.child.exitCode !== null || worker.child.signalCode !== null) {
				await stack.startWorker(index);
			}
		}
		await drill('SIGKILL');
	} finally {
		if (tally.failed) {
			for (const process of [stack.main, stack.webhook, ...stack.workers].filter(Boolean)) {
				print(`--- ${process.role} (last lines)`);
				print(
					process.log
						.split('\n')
						.filter((line) => line.trim())
						.slice(-25)
						.join('\n'),
				);
			}
		}
		await stack.stop();
		await sandbox.close();
		print(`queue took ${((Date.now() - started) / 1000).toFixed(0)} s`);
		print(`queue: ${tally.passed} passed, ${tally.failed} failed`);
	}
}

main().then(
	() => process.exit(tally.failed || !tally.passed ? 1 : 0),
	(error: Error) => {
		print(`queue crashed: ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
