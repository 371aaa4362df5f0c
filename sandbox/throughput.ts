// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Throughput of `POST /omni/1/advanced` (one destination) with concurrent keep-alive clients,
 * or with `--messages-api` of `POST /messages-api/1/messages` carrying `--messages` (default 100)
 * personalised Messenger → SMS messages per request. Bounded: at most `--requests` requests and
 * `--seconds` seconds after a short warm-up.
 *
 *   npx tsc -p tsconfig.dev.json && node .dev-dist/sandbox/throughput.js \
 *     [--concurrency 32] [--requests 20000] [--seconds 10] [--no-request-log] [--messages-api [--messages 100]]
 */
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

import { authorizationFor, DEFAULT_ACCOUNT, MESSENGER_USER_PSIDS, startSandbox } from './index';

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

const concurrency = option('concurrency', 32);
const maxRequests = option('requests', 20_000);
const maxSeconds = option('seconds', 10);
const warmUpRequests = 500;
// The request log is on by default in the sandbox, so it is on here too unless switched off.
const logRequests = !process.argv.includes('--no-request-log');
const messagesApi = process.argv.includes('--messages-api');
const messagesPerRequest = option('messages', 100);
const path = messagesApi ? '/messages-api/1/messages' : '/omni/1/advanced';

function post(agent: Agent, port: number, body: string, authorization: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const outgoing = request(
			{
				host: '127.0.0.1',
				port,
				method: 'POST',
				path,
				agent,
				headers: {
					authorization,
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
				},
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
				response.on('error', reject);
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ latencyMs: 0, logRequests });
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const authorization = authorizationFor(DEFAULT_ACCOUNT);
	try {
		await fetch(`${sandbox.baseUrl}/omni/1/scenarios`, {
			method: 'POST',
			headers: { authorization, 'content-type': 'application/json' },
			body: JSON.stringify({ flow: [{ from: 'InfoSMS', channel: 'SMS' }], default: true }),
		});
		let sequence = 0;
		const messengerToSms = () => {
			const id = sequence++;
			return {
				channel: 'MESSENGER',
				sender: 'FacebookApplicationKey',
				destinations: [
					{
						byChannel: [
							{ channel: 'MESSENGER', to: MESSENGER_USER_PSIDS[id % 2] },
							{ channel: 'SMS', to: `4179302${5_000 + (id % 4_000)}` },
						],
					},
				],
				content: { body: { type: 'TEXT', text: `Hello user ${id}` } },
				failover: [
					{
						channel: 'SMS',
						sender: 'InfoSMS',
						content: { body: { type: 'TEXT', text: `SMS ${id}` } },
					},
				],
			};
		};
		const bodyFor = () =>
			messagesApi
				? JSON.stringify({
						messages: Array.from({ length: messagesPerRequest }, messengerToSms),
						options: { messageOrdering: { stopOnFailure: false } },
					})
				: JSON.stringify({
						destinations: [
							{ to: { phoneNumber: `4179${String(1_000_000 + (sequence++ % 8_000_000))}` } },
						],
						sms: { text: 'Throughput probe' },
					});

		const run = async (requests: number, seconds: number) => {
			const latencies: number[] = [];
			let sent = 0;
			let failed = 0;
			const deadline = performance.now() + seconds * 1000;
			const started = performance.now();
			const worker = async () => {
				while (sent < requests && performance.now() < deadline) {
					sent++;
					const begin = performance.now();
					const status = await post(agent, sandbox.port, bodyFor(), authorization).catch(() => 0);
					latencies.push(performance.now() - begin);
					if (status !== 200) failed++;
				}
			};
			await Promise.all(Array.from({ length: concurrency }, worker));
			const elapsed = (performance.now() - started) / 1000;
			latencies.sort((a, b) => a - b);
			const percentile = (p: number) =>
				latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
			return {
				completed: latencies.length,
				failed,
				elapsed,
				p50: percentile(0.5),
				p99: percentile(0.99),
			};
		};

		await run(warmUpRequests, maxSeconds);
		const result = await run(maxRequests, maxSeconds);
		const perSecond = Math.round(result.completed / result.elapsed);
		process.stdout.write(
			[
				`POST ${path}, ${messagesApi ? `${messagesPerRequest} messages` : '1 destination'} per request, latency 0, request log ${logRequests ? 'on' : 'off'}`,
				`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, client and server in one process`,
				`concurrency ${concurrency} keep-alive clients, ${result.completed} requests in ${result.elapsed.toFixed(2)} s (${result.failed} failed)`,
				`throughput: ${perSecond} requests/s, latency p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`,
				...(messagesApi
					? [`messages: ${Math.round(perSecond * messagesPerRequest)} messages/s`]
					: []),
				`accepted by the sandbox: ${messagesApi ? sandbox.messagesApi.acceptedCount() : sandbox.acceptedCount()}`,
			].join('\n') + '\n',
		);
	} finally {
		agent.destroy();
		await sandbox.close();
	}
}

main().catch((failure: unknown) => {
	process.stderr.write(
		`throughput failed: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}\n`,
	);
	process.exitCode = 1;
});
