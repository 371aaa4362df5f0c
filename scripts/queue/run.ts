// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The package on n8n's queue mode (issue 16), first part: the stack (stack.ts) and a batched
 * send of 1,000 items started on the webhook processor and run on a worker, every output paired.
 * Work in progress: `npx tsc -p tsconfig.dev.json && node .dev-dist/scripts/queue/run.js`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import { check, expect, print, tally } from '../e2e/checks';
import { QueueStack } from './stack';

type Json = Record<string, unknown>;

const CREDENTIAL = { id: 'credqueue000001', name: 'Infobip (queue)' };
const SEND_WORKFLOW = 'ibQueueSend00001';
const SEND_PATH = 'queue-send';

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
						"return Array.from({ length: $json.body.count }, (_, i) => ({ json: { phone: '4179' + String(3101000 + i), name: 'P' + i } }));",
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
		const published = await stack.cli('publish:workflow', `--id=${SEND_WORKFLOW}`);
		expect(published.code === 0, published.output.slice(-600));

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
				const inOrder = items.every((item, i) => item.to === `4179${3101000 + i}`);
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
