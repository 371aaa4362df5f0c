// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run test:queue`: the package on n8n's queue mode (README, "Queue mode"). stack.ts starts
 * Postgres and Redis (Debian's packages) and the real n8n 2.41.1 as main + one webhook processor
 * + two workers sharing the packed package. Each check asserts which process queued the execution
 * and which worker ran it (n8n's log lines "Enqueued execution N", "Worker started execution N"):
 * - a 1,000-item send posted to the webhook processor runs on a worker, every output paired;
 * - Send and Wait for Response and for Delivery: links and report URLs built on a worker point
 *   at the webhook processor, and resume there onto a worker;
 * - reports the sandbox pushes to report-once-postgres's Production URL come out once each; the
 *   same push sent twice at once to main and to the webhook processor comes out once (and the
 *   same race on report-once.json's Remove Duplicates is measured);
 * - drills: SIGTERM and SIGKILL to the worker running a paced 10,000-item send (QUEUE_DRILLS=0
 *   skips them, about 2.5 minutes).
 * Ends with "queue: X passed, Y failed" (.ci/run adds it to the total).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import { errorOf, statusOf } from '../../sandbox/statuses';
import { check, expect, print, tally, waitFor } from '../e2e/checks';
import { createApiKey, ownerCookie, ROOT } from '../e2e/n8n';
import { QueueStack, SEEN_TABLE } from './stack';

type Json = Record<string, unknown>;

const CREDENTIAL = { id: 'credqueue000001', name: 'Infobip (queue)' };
const APPROVAL_WORKFLOW = 'ibQueueAppr00001';
const APPROVAL_PATH = 'queue-approval';
const APPROVAL_NODE_ID = 'c4a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c99';
const DELIVERY_WORKFLOW = 'ibQueueDlvr00001';
const DELIVERY_PATH = 'queue-delivery';
const DELIVERY_NODE_ID = 'c4a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c98';
const ONCE_WORKFLOW = 'ibQueueOnce00001';
const PULL_WORKFLOW = 'ibQueuePull00001';
const CLAIMED_WORKFLOW = 'ibQueueOncePg001';

const BROWSER_UA =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

interface WebhookChain {
	id: string;
	name: string;
	path: string;
	webhookId: string;
	/** Answer the POST at once, not when the last node ends (with all its items). */
	answerAtOnce?: boolean;
	/** The nodes after the Webhook, connected one after the other. */
	nodes: Json[];
}

/** Webhook (POST `path`) → the given nodes, in a line. */
function webhookChain(spec: WebhookChain): Json {
	const prefix = spec.id.toLowerCase();
	const answer = spec.answerAtOnce ? {} : { responseMode: 'lastNode', responseData: 'allEntries' };
	const nodes: Json[] = [
		{
			id: `${prefix}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: spec.webhookId,
			parameters: { httpMethod: 'POST', path: spec.path, ...answer, options: {} },
		},
		...spec.nodes.map((node, index) => ({
			id: `${prefix}-${index + 1}`,
			typeVersion: 1,
			position: [200 * (index + 1), 0],
			...node,
		})),
	];
	const connections: Json = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[String(nodes[index - 1].name)] = {
			main: [[{ node: nodes[index].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id: spec.id,
		name: spec.name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes,
	};
}

/** An Infobip Messages API node on the sandbox's credential. */
const messagesNode = (name: string, parameters: Json, id?: string): Json => ({
	...(id ? { id } : {}),
	name,
	type: 'n8n-nodes-infobip-omni.infobipMessages',
	credentials: { infobipOmniBasicAuthApi: CREDENTIAL },
	parameters,
});

const DELIVERY = webhookChain({
	id: DELIVERY_WORKFLOW,
	name: 'queue: wait for delivery',
	path: DELIVERY_PATH,
	webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c13',
	answerAtOnce: true,
	nodes: [
		messagesNode(
			'Send',
			{
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
			DELIVERY_NODE_ID,
		),
	],
});

/** Webhook → Delivery Report → Get Many (every report not fetched before), answered with them all. */
const PULL = webhookChain({
	id: PULL_WORKFLOW,
	name: 'queue: pull delivery reports',
	path: 'queue-pull',
	webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c16',
	nodes: [
		messagesNode('Reports', {
			resource: 'deliveryReport',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		}),
	],
});

const APPROVAL = webhookChain({
	id: APPROVAL_WORKFLOW,
	name: 'queue: approval by SMS',
	path: APPROVAL_PATH,
	webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c12',
	answerAtOnce: true,
	nodes: [
		messagesNode(
			'Ask',
			{
				resource: 'message',
				operation: 'sendAndWait',
				channel: 'SMS',
				sender: 'InfoSMS',
				to: '41793026727',
				message: 'Approve the refund?',
				responseType: 'approval',
				options: {},
			},
			APPROVAL_NODE_ID,
		),
	],
});

interface SendWorkflow extends Omit<WebhookChain, 'nodes'> {
	/** Messages API options of the Send node (e.g. a Delivery URL). */
	options?: Json;
	requestSettings?: Json;
}

/** Webhook (count, optional deliveryUrl) → Code (that many recipients) → Infobip Messages API Send. */
function sendWorkflow({ options, requestSettings, ...spec }: SendWorkflow): Json {
	return webhookChain({
		...spec,
		nodes: [
			{
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					// Last four digits 1000-9999: the sandbox fails 0001-0599 by rule.
					jsCode:
						"return Array.from({ length: $json.body.count }, (_, i) => ({ json: { phone: '4179' + String(31 + Math.floor(i / 9000)) + String(1000 + (i % 9000)), name: 'P' + i } }));",
				},
			},
			messagesNode('Send', {
				resource: 'message',
				operation: 'send',
				channel: 'SMS',
				sender: 'InfoSMS',
				to: '={{ $json.phone }}',
				messageType: 'content',
				bodyType: 'TEXT',
				text: '=Hi {{ $json.name }}',
				options: options ?? {},
				...(requestSettings ? { requestSettings } : {}),
			}),
		],
	});
}

const SEND = sendWorkflow({
	id: 'ibQueueSend00001',
	name: 'queue: 1,000 personalised texts',
	path: 'queue-send',
	webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c11',
});
/** 10,000 texts at 20 requests per second (100 requests, about 5 s): long enough to stop a worker. */
const BIG = sendWorkflow({
	id: 'ibQueueBig000001',
	name: 'queue: 10,000 texts, paced',
	path: 'queue-big',
	webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c14',
	requestSettings: { requestsPerSecond: 20 },
	answerAtOnce: true,
});
/** Texts whose delivery reports go to the report-once trigger's Production URL. */
const REPORTED = sendWorkflow({
	id: 'ibQueueRprt00001',
	name: 'queue: texts reported to the trigger',
	path: 'queue-reported',
	webhookId: 'b8d8f7a4-0c3e-4b6f-9d2a-5e7f8a9b0c15',
	options: { deliveryUrl: "={{ $('Start').first().json.body.deliveryUrl }}" },
});

type Execution = Json & {
	id: string;
	status: string;
	data?: { resultData: { runData: Record<string, NodeRun[]>; error?: { message?: string } } };
};
type NodeRun = { data?: { main: Array<Array<{ json: Json; pairedItem?: { item: number } }>> } };

/** The items a node output in its last run of an execution (0 when it did not run). */
function lastOutput(execution: Execution, node: string) {
	return execution.data?.resultData.runData[node]?.at(-1)?.data?.main[0] ?? [];
}

/** Owner, login and an API key on main: the public API reads executions from the shared database. */
async function publicApi(base: string) {
	const apiKey = await createApiKey(base, await ownerCookie(base), [
		'execution:read',
		'execution:list',
	]);
	const get = async <T>(path: string) =>
		(await (
			await fetch(`${base}/api/v1${path}`, { headers: { 'X-N8N-API-KEY': apiKey } })
		).json()) as T;
	return {
		execution: async (id: string) => await get<Execution>(`/executions/${id}?includeData=true`),
		/** The workflow's executions, newest first. */
		list: async (workflowId: string) =>
			(await get<{ data: Execution[] }>(`/executions?workflowId=${workflowId}&limit=250`)).data.map(
				(execution) => String(execution.id),
			),
	};
}

const isDone = (execution: Execution) => !['new', 'running', 'waiting'].includes(execution.status);

/** A Messages API delivery report as the sandbox pushes it, for a message no one sent. */
function messagesApiReport(messageId: string): Json {
	return {
		results: [
			{
				messageId,
				to: '41793026727',
				sender: 'InfoSMS',
				sentAt: '2026-12-01T10:00:00.000+0000',
				doneAt: '2026-12-01T10:00:02.000+0000',
				messageCount: 1,
				status: statusOf('DELIVERED_TO_HANDSET'),
				error: errorOf('NO_ERROR'),
				channel: 'SMS',
				platform: { entityId: '', applicationId: '' },
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
		// The users' own database beside n8n's, with the table report-once-postgres.json claims in.
		stack.psql('postgres', 'CREATE DATABASE infobip');
		stack.psql('infobip', SEEN_TABLE);
		const example = (file: string) =>
			JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as Json & { nodes: Json[] };
		const once = example('report-once.json');
		const claimed = example('report-once-postgres.json');
		const triggerPath = (workflow: { nodes: Json[] }) =>
			`/webhook/${String(workflow.nodes.find((node) => String(node.type).endsWith('.infobipOmniTrigger'))?.webhookId)}/webhook`;
		const pgCredential = (
			claimed.nodes.find((node) => node.type === 'n8n-nodes-base.postgres')?.credentials as {
				postgres: { id: string; name: string };
			}
		).postgres;
		writeFileSync(
			join(dir, 'credentials.json'),
			JSON.stringify([
				{
					...CREDENTIAL,
					type: 'infobipOmniBasicAuthApi',
					data: { username: 'Aladdin', password: 'open sesame', baseUrl: sandbox.baseUrl },
				},
				{
					...pgCredential,
					type: 'postgres',
					data: { ...stack.postgres, database: 'infobip', password: '', ssl: 'disable' },
				},
			]),
		);
		const workflows = [
			SEND,
			BIG,
			REPORTED,
			APPROVAL,
			DELIVERY,
			PULL,
			{ ...once, id: ONCE_WORKFLOW, active: false },
			{ ...claimed, id: CLAIMED_WORKFLOW, active: false },
		];
		for (const workflow of workflows) {
			writeFileSync(
				join(dir, 'workflows', `${String(workflow.id)}.json`),
				JSON.stringify(workflow),
			);
		}
		const credentials = await stack.cli(
			'import:credentials',
			`--input=${join(dir, 'credentials.json')}`,
		);
		expect(credentials.code === 0, credentials.output.slice(-600));
		const imported = await stack.cli(
			'import:workflow',
			'--separate',
			`--input=${join(dir, 'workflows')}`,
		);
		expect(imported.code === 0, imported.output.slice(-600));
		rmSync(dir, { recursive: true, force: true });
		for (const workflow of workflows) {
			const published = await stack.cli('publish:workflow', `--id=${String(workflow.id)}`);
			expect(published.code === 0, published.output.slice(-600));
		}

		const up = Date.now();
		await stack.start(2);
		print(`stack up in ${((Date.now() - up) / 1000).toFixed(0)} s`);
		const api = await publicApi(stack.main.baseUrl);
		const receivers = () => [stack.main, stack.webhook];
		/** Which process queued the execution, and which workers ran it (each start or resume). */
		const where = (id: string) => ({
			queuedBy: receivers()
				.filter((process) => process.log.includes(`Enqueued execution ${id} (job`))
				.map((process) => process.role),
			ranOn: stack.workers
				.filter((worker) => worker.log.includes(`Worker started execution ${id} (job`))
				.map((worker) => worker.role),
		});
		const onWorkersOnly = (id: string, queuedBy: string) => {
			const at = where(id);
			expect(
				at.queuedBy.join() === queuedBy,
				`execution ${id} queued by ${at.queuedBy.join() || 'none'}`,
			);
			expect(at.ranOn.length >= 1, `execution ${id}: no worker logged it`);
			expect(
				!stack.main.log.includes(`started execution ${id} (`) &&
					!stack.webhook.log.includes(`started execution ${id} (`),
				`execution ${id} ran outside the workers`,
			);
			return at.ranOn.join(' then ');
		};
		const finished = async (id: string, ms = 60_000) =>
			await waitFor(
				`execution ${id} to end`,
				async () => {
					const execution = await api.execution(id);
					return isDone(execution) ? execution : undefined;
				},
				ms,
			);

		await check(
			'queue: a batched send of 1,000 items posted to the webhook processor is queued there and runs on a worker; 1,000 outputs in 10 requests, each paired to its own input item (from the stored execution)',
			async () => {
				const from = sandbox.requests().length;
				const t0 = Date.now();
				const response = await fetch(`${stack.webhook.baseUrl}/webhook/queue-send`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ count: 1000 }),
				});
				const text = await response.text();
				const ms = Date.now() - t0;
				expect(response.ok, `webhook answered ${response.status}: ${text.slice(0, 300)}`);
				const answered = JSON.parse(text) as Json[];
				expect(answered.length === 1000, `answer: ${text.slice(0, 200)}`);
				const sends = sandbox
					.requests()
					.slice(from)
					.filter((request) => request.path === '/messages-api/1/messages');
				expect(sends.length === 10, `${sends.length} send requests`);
				const id = (await api.list(String(SEND.id)))[0];
				const execution = await finished(id);
				expect(execution.status === 'success', `execution ${id} ${execution.status}`);
				const items = lastOutput(execution, 'Send');
				const inputs = lastOutput(execution, 'Items');
				expect(items.length === 1000 && inputs.length === 1000, `${items.length} outputs`);
				const paired = items.every(
					(item, i) =>
						item.pairedItem?.item === i &&
						item.json.to === inputs[i].json.phone &&
						item.json.to === `417931${1000 + i}`,
				);
				expect(paired, `outputs not paired: ${JSON.stringify(items.slice(0, 2))}`);
				const sentIds = sends.flatMap((request) =>
					((request.body as Json).messages as Json[]).flatMap((message) =>
						(message.destinations as Json[]).map((destination) => String(destination.messageId)),
					),
				);
				const outIds = items.map((item) => String(item.json.messageId));
				expect(
					new Set(outIds).size === 1000 && outIds.join() === sentIds.join(),
					'output message IDs differ from those sent',
				);
				const ranOn = onWorkersOnly(id, 'webhook');
				return `execution ${id}, queued by the webhook processor, ran on ${ranOn}: ${ms} ms from the POST to the answer`;
			},
		);

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
				const id = await waitFor(
					'the execution',
					async () => (await api.list(APPROVAL_WORKFLOW))[0],
				);
				await waitFor('waiting', async () =>
					(await api.execution(id)).status === 'waiting' ? true : undefined,
				);
				const ranBefore = where(id).ranOn.length;
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
				const opened = await fetch(link, { headers: { 'user-agent': BROWSER_UA } });
				expect(opened.status === 200, `link answered ${opened.status}`);
				const done = await finished(id);
				expect(done.status === 'success', `execution ${id} ${done.status}`);
				const output = lastOutput(done, 'Ask')[0] as { json: { data: { approved: boolean } } };
				expect(output?.json.data.approved === true, JSON.stringify(output));
				const ranOn = onWorkersOnly(id, 'webhook');
				expect(
					where(id).ranOn.length > ranBefore || ranOn.includes(' then '),
					'resume not logged by a worker',
				);
				return `execution ${id}; link at ${new URL(link).origin} (the webhook processor); ran on ${ranOn}`;
			},
		);

		await check(
			"queue: Send and Wait for Delivery (Messages API, Messenger → SMS for a PSID no Page knows): the delivery URL built on a worker is the webhook processor's resume URL; the sandbox's pushes arrive there and the execution resumes on a worker with SMS DELIVERED, final",
			async () => {
				const from = sandbox.requests().length;
				const response = await fetch(`${stack.webhook.baseUrl}/webhook/${DELIVERY_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				expect(response.ok, `webhook answered ${response.status}`);
				const id = await waitFor(
					'the execution',
					async () => (await api.list(DELIVERY_WORKFLOW))[0],
				);
				const send = await waitFor('the send', async () =>
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
				const done = await finished(id, 120_000);
				expect(done.status === 'success', `execution ${id} ${done.status}`);
				const item = lastOutput(done, 'Send')[0];
				expect(
					item?.json.channel === 'SMS' &&
						item.json.statusGroup === 'DELIVERED' &&
						item.json.final === true,
					JSON.stringify(item?.json).slice(0, 300),
				);
				const pushes = sandbox.pushes().filter((push) => push.url === url);
				expect(
					pushes.length >= 1 && pushes.every((push) => push.status === 200),
					'pushes not answered 200',
				);
				const ranOn = onWorkersOnly(id, 'webhook');
				return `execution ${id}; ${pushes.length} pushes to the webhook processor, answered ${pushes.map((push) => push.status).join(', ')}; ran on ${ranOn}`;
			},
		);

		/** The reports that came out of a report-once workflow's New Report node, by dedupeKey. */
		const reportsOut = async (workflowId: string) => {
			const ids = await api.list(workflowId);
			const executions = await Promise.all(ids.map(async (id) => await api.execution(id)));
			return {
				ids,
				executions,
				keys: executions.flatMap((execution) =>
					lastOutput(execution, 'New Report').map((item) => String(item.json.dedupeKey)),
				),
			};
		};
		const settled = async (workflowId: string, count: number) =>
			await waitFor(
				`${count} executions of ${workflowId}, ended`,
				async () => {
					const current = await reportsOut(workflowId);
					return current.ids.length >= count && current.executions.every(isDone)
						? current
						: undefined;
				},
				60_000,
			);
		const pushTo = async (base: string, path: string, contentType: string, body: string) =>
			(
				await fetch(`${base}${path}`, {
					method: 'POST',
					headers: { 'content-type': contentType },
					body,
				})
			).status;
		const claimedPath = triggerPath(claimed);
		const pushesFrom = sandbox.pushes().length;

		await check(
			"queue: 20 texts sent with report-once-postgres's Production URL (on the webhook processor) as Delivery URL: the sandbox pushes their reports there, each answered 200; the executions are queued by the webhook processor, run on the workers, and each report comes out exactly once",
			async () => {
				const deliveryUrl = `${stack.webhook.baseUrl}${claimedPath}`;
				const response = await fetch(`${stack.webhook.baseUrl}/webhook/queue-reported`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ count: 20, deliveryUrl }),
				});
				const sent = (await response.json()) as Json[];
				expect(response.ok && sent.length === 20, `webhook answered ${response.status}`);
				const wanted = new Set(sent.map((item) => String(item.messageId)));
				const pushes = await waitFor(
					'the 20 reports pushed and answered',
					async () => {
						const attempts = sandbox
							.pushes()
							.slice(pushesFrom)
							.filter((push) => push.url === deliveryUrl);
						const reported = new Set(attempts.flatMap((push) => push.messageIds));
						return [...wanted].every((id) => reported.has(id)) &&
							attempts.every((push) => push.status !== undefined || push.error)
							? attempts
							: undefined;
					},
					60_000,
				);
				expect(
					pushes.every((push) => push.status === 200),
					`answers ${pushes.map((push) => push.status ?? push.error).join()}`,
				);
				const out = await settled(CLAIMED_WORKFLOW, pushes.length);
				expect(
					out.executions.every((execution) => execution.status === 'success'),
					`statuses ${out.executions.map((execution) => execution.status).join()}`,
				);
				const ranOn = new Set(out.ids.map((id) => onWorkersOnly(id, 'webhook')));
				const keys = out.keys.map((key) => key.split('|')[1]);
				expect(
					keys.length === 20 && new Set(keys).size === 20 && keys.every((key) => wanted.has(key)),
					`reports out: ${keys.length} (${new Set(keys).size} distinct)`,
				);
				return `${pushes.length} pushes (answered 200), ${out.ids.length} executions queued by the webhook processor, run on ${[...ranOn].sort().join(' and ')}; 20 reports out, once each`;
			},
		);

		await check(
			'queue: one of those pushes sent again twice at once, to main and to the webhook processor: two more executions (one queued by each), on the workers; the report does not come out again',
			async () => {
				const push = sandbox
					.pushes()
					.slice(pushesFrom)
					.find((attempt) => attempt.url.endsWith(claimedPath));
				expect(push, 'no earlier push to replay');
				const before = await reportsOut(CLAIMED_WORKFLOW);
				const answers = await Promise.all(
					receivers().map(
						async (process) =>
							await pushTo(process.baseUrl, claimedPath, push.contentType, push.body),
					),
				);
				expect(answers.join() === '200,200', `answers ${answers.join()}`);
				const after = await settled(CLAIMED_WORKFLOW, before.ids.length + 2);
				const fresh = after.ids.filter((id) => !before.ids.includes(id));
				expect(fresh.length === 2, `${fresh.length} new executions`);
				const queuedBy = fresh.map((id) => where(id).queuedBy.join()).sort();
				expect(queuedBy.join(' ') === 'main webhook', `queued by ${queuedBy.join(' ')}`);
				const ranOn = fresh.map((id) => onWorkersOnly(id, where(id).queuedBy.join()));
				expect(
					after.keys.length === before.keys.length,
					`${after.keys.length - before.keys.length} came out again`,
				);
				return `executions ${fresh.join(', ')} queued by main and the webhook processor, ran on ${ranOn.join(' and ')}; came out again: 0`;
			},
		);

		/** Each of `rounds` reports n8n has not seen, pushed at once to main and the webhook processor. */
		const race = async (workflowId: string, path: string, rounds: number, prefix: string) => {
			const before = await reportsOut(workflowId);
			for (let round = 1; round <= rounds; round++) {
				const body = JSON.stringify(messagesApiReport(`${prefix}-${round}`));
				const answers = await Promise.all(
					receivers().map(
						async (process) => await pushTo(process.baseUrl, path, 'application/json', body),
					),
				);
				expect(answers.join() === '200,200', `round ${round}: answers ${answers.join()}`);
			}
			const after = await settled(workflowId, before.ids.length + 2 * rounds);
			const fresh = after.executions.filter(
				(execution) => !before.ids.includes(String(execution.id)),
			);
			const counts = Array.from(
				{ length: rounds },
				(_, index) => after.keys.filter((key) => key.includes(`|${prefix}-${index + 1}|`)).length,
			);
			return { fresh, counts };
		};
		const ROUNDS = 20;
		await check(
			`queue: ${ROUNDS} reports n8n has not seen, each pushed twice at once to main and to the webhook processor: report-once-postgres lets each out exactly once (its INSERT … ON CONFLICT DO NOTHING is the claim); the table holds each key once`,
			async () => {
				const { fresh, counts } = await race(CLAIMED_WORKFLOW, claimedPath, ROUNDS, 'queue-claim');
				expect(
					fresh.length === 2 * ROUNDS && fresh.every((execution) => execution.status === 'success'),
					`statuses ${fresh.map((execution) => execution.status).join()}`,
				);
				expect(
					counts.every((count) => count === 1),
					`times out per report ${counts.join(', ')}`,
				);
				const rows = stack.psql(
					'infobip',
					"SELECT count(*), count(DISTINCT dedupe_key) FROM infobip_omni_seen WHERE dedupe_key LIKE '%|queue-claim-%'",
				);
				expect(rows.trim() === `${ROUNDS}|${ROUNDS}`, `rows ${rows.trim()}`);
				return `${fresh.length} executions, all success; times out per report: ${counts.join(', ')}`;
			},
		);
		await check(
			`queue: the same race on examples/report-once.json (Remove Duplicates, which reads its record and then writes it back, with no lock): nothing is lost (each of ${ROUNDS} reports comes out at least once); how many came out twice is measured`,
			async () => {
				const { fresh, counts } = await race(
					ONCE_WORKFLOW,
					triggerPath(once),
					ROUNDS,
					'queue-remove',
				);
				expect(
					counts.every((count) => count >= 1),
					`times out per report ${counts.join(', ')}`,
				);
				const twice = counts.filter((count) => count > 1).length;
				const failed = fresh.filter((execution) => execution.status !== 'success').length;
				return `${fresh.length} executions (${failed} not success); came out twice: ${twice} of ${ROUNDS}`;
			},
		);

		/** A paced 10,000-item send on a worker, stopped with `signal` once 2,000 were accepted. */
		const stopMidSend = async (signal: NodeJS.Signals) => {
			const acceptedBefore = sandbox.messagesApi.acceptedCount();
			const from = sandbox.requests().length;
			const logFrom = stack.workers.map((worker) => worker.log.length);
			const response = await fetch(`${stack.webhook.baseUrl}/webhook/queue-big`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ count: 10_000 }),
			});
			expect(response.ok, `webhook answered ${response.status}`);
			const id = await waitFor('the execution', async () => (await api.list(String(BIG.id)))[0]);
			await waitFor(
				'2,000 messages accepted',
				async () =>
					sandbox.messagesApi.acceptedCount() - acceptedBefore >= 2000 ? true : undefined,
				60_000,
			);
			const runner = stack.workers.findIndex((worker, index) =>
				worker.log.slice(logFrom[index]).includes(`Worker started execution ${id} (job`),
			);
			expect(runner >= 0, 'no worker logged the execution');
			const worker = stack.workers[runner];
			const atStop = sandbox.messagesApi.acceptedCount() - acceptedBefore;
			const stopping = Date.now();
			await worker.stop(signal);
			const stopMs = Date.now() - stopping;
			const final = await finished(id, 180_000);
			const endMs = Date.now() - stopping;
			// A re-run of a stalled job would send now: give it time to show.
			await new Promise((done) => setTimeout(done, 3_000));
			const sends = sandbox
				.requests()
				.slice(from)
				.filter((request) => request.path === '/messages-api/1/messages');
			const sentIds = sends.flatMap((request) =>
				((request.body as Json).messages as Json[]).flatMap((message) =>
					(message.destinations as Json[]).map((destination) => String(destination.messageId)),
				),
			);
			return {
				id,
				worker,
				atStop,
				stopMs,
				endMs,
				final,
				requests: sends.length,
				sentIds,
				accepted: sandbox.messagesApi.acceptedCount() - acceptedBefore,
				outputs: lastOutput(final, 'Send'),
			};
		};
		const restartStopped = async () => {
			for (let index = 0; index < stack.workers.length; index++) {
				const worker = stack.workers[index];
				if (worker.child.exitCode !== null || worker.child.signalCode !== null) {
					await stack.startWorker(index);
				}
			}
		};

		if (process.env.QUEUE_DRILLS === '0') return;
		await check(
			'queue, drill: SIGTERM (a graceful stop: docker stop, a scale-down) to the worker running a paced 10,000-item send, 2,000 messages in: the worker finishes the execution before it exits; 10,000 outputs, each paired, every message sent once',
			async () => {
				const run = await stopMidSend('SIGTERM');
				expect(run.final.status === 'success', `execution ${run.id} ${run.final.status}`);
				expect(
					run.worker.log.includes('Waiting for 1 active executions to finish'),
					'the worker did not wait for its execution',
				);
				expect(run.requests === 100, `${run.requests} requests`);
				expect(
					run.sentIds.length === 10_000 &&
						new Set(run.sentIds).size === 10_000 &&
						run.accepted === 10_000,
					`${run.sentIds.length} IDs sent (${new Set(run.sentIds).size} distinct), ${run.accepted} accepted`,
				);
				expect(
					run.outputs.length === 10_000 &&
						run.outputs.every(
							(item, i) => item.pairedItem?.item === i && item.json.messageId === run.sentIds[i],
						),
					`${run.outputs.length} outputs, not all paired to their items`,
				);
				return `execution ${run.id} on ${run.worker.role}: ${run.atStop} accepted when stopped; the worker exited ${(run.stopMs / 1000).toFixed(1)} s later, after finishing it; success, 100 requests, 10,000 accepted, 10,000 outputs`;
			},
		);
		await restartStopped();
		await check(
			'queue, drill: SIGKILL (a crash, an out-of-memory kill) of the worker running the same send: n8n marks the execution failed once Bull finds its job stalled and does not run it again; nothing is sent twice; every accepted message is still visible, in the reports Delivery Report → Get Many pulls (their message IDs name the execution and the item)',
			async () => {
				const run = await stopMidSend('SIGKILL');
				const error = String(run.final.data?.resultData.error?.message ?? '');
				expect(run.final.status === 'error', `execution ${run.id} ${run.final.status}`);
				expect(
					/failed to be processed too many times/.test(error),
					`error: ${error.slice(0, 200)}`,
				);
				expect(
					new Set(run.sentIds).size === run.sentIds.length && run.accepted === run.sentIds.length,
					`${run.sentIds.length} IDs sent (${new Set(run.sentIds).size} distinct), ${run.accepted} accepted`,
				);
				expect(run.accepted < 10_000, 'the send was not cut short');
				expect(run.outputs.length === 0, `${run.outputs.length} outputs kept`);
				const pulled = await fetch(`${stack.webhook.baseUrl}/webhook/queue-pull`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				const reports = (await pulled.json()) as Json[];
				expect(pulled.ok, `pull answered ${pulled.status}`);
				const reported = new Set(reports.map((report) => String(report.messageId)));
				const missing = run.sentIds.filter((messageId) => !reported.has(messageId));
				expect(missing.length === 0, `${missing.length} accepted messages have no report`);
				const items = run.sentIds.map((messageId) => Number(messageId.split('-').at(-2)));
				expect(
					items.every((item, i) => item === i),
					`message IDs do not name items 0…${run.sentIds.length - 1}`,
				);
				return `execution ${run.id} on ${run.worker.role}: ${run.atStop} accepted when killed; status error ${(run.endMs / 1000).toFixed(0)} s later ("${error.slice(0, 90)}…"); not re-run: ${run.requests} requests, ${run.sentIds.length} IDs, all distinct, ${run.accepted} accepted; no node output in n8n; all ${run.accepted} found among the ${reports.length} reports pulled (items 0…${run.sentIds.length - 1})`;
			},
		);
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
