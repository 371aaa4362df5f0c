// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * What n8n's credential dialog says for each way a credential can be wrong, measured in the real
 * app: starts n8n with the packed package, logs in as owner and POSTs /rest/credentials/test (what
 * the dialog's test calls) for every case, against the sandbox and a tiny loopback server that
 * answers 403, 404, 429 or 503 by API key. Prints one line per case with n8n's status and message,
 * and FAIL where the message misses what the case must name. Exits 1 if any case failed.
 *
 * tsc -p tsconfig.dev.json && node .dev-dist/scripts/e2e/credential-test.js
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DEFAULT_ACCOUNT, startSandbox } from '../../sandbox';
import { N8nHome } from './n8n';

const print = (line = '') => process.stdout.write(`${line}\n`);

/** Answers GET …/omni/1/scenarios by API key; any other path is 404, as on a non-Infobip host. */
async function scriptedInfobip(): Promise<{ server: Server; port: number }> {
	const byKey: Record<string, number> = { 'key-403': 403, 'key-429': 429, 'key-503': 503 };
	const server = createServer((request, response) => {
		const key = /^App (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
		const found = (request.url ?? '').startsWith('/omni/1/scenarios');
		const status = !found ? 404 : (byKey[key] ?? 200);
		response.writeHead(status, { 'content-type': 'application/json' });
		response.end(JSON.stringify(status === 200 ? { scenarios: [] } : { requestError: {} }));
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return { server, port: (server.address() as AddressInfo).port };
}

interface Case {
	name: string;
	type: 'infobipOmniBasicAuthApi' | 'infobipOmniApiKeyApi';
	data: Record<string, string>;
	/** What n8n's answer must say (the status is "OK" only for the success cases). */
	expect: { status: 'OK' | 'Error'; message: RegExp[] };
}

async function main() {
	const sandbox = await startSandbox();
	const scripted = await scriptedInfobip();
	const sandboxPort = new URL(sandbox.baseUrl).port;
	const basic = (data: Record<string, string>) => ({
		type: 'infobipOmniBasicAuthApi' as const,
		data: { username: DEFAULT_ACCOUNT.username, password: DEFAULT_ACCOUNT.password, ...data },
	});
	const key = (apiKey: string, baseUrl: string) => ({
		type: 'infobipOmniApiKeyApi' as const,
		data: { apiKey, baseUrl },
	});
	const scriptedUrl = `http://127.0.0.1:${scripted.port}`;
	const error = (...message: RegExp[]) => ({ status: 'Error' as const, message });
	const cases: Case[] = [
		{
			name: 'right password',
			...basic({ baseUrl: sandbox.baseUrl }),
			expect: { status: 'OK', message: [/Connection successful/] },
		},
		{
			name: 'wrong password (401)',
			...basic({ password: 'wrong', baseUrl: sandbox.baseUrl }),
			expect: error(/Username|Password/, /Base URL/),
		},
		{
			name: 'wrong API key (401)',
			...key('wrong-key', sandbox.baseUrl),
			expect: error(/API Key/, /Base URL/),
		},
		{ name: 'key without scope (403)', ...key('key-403', scriptedUrl), expect: error(/scope/i) },
		{
			name: 'not an Infobip address (404)',
			...key('k', `${scriptedUrl}/elsewhere`),
			expect: error(/Base URL/, /Infobip API address/),
		},
		{ name: 'rate limited (429)', ...key('key-429', scriptedUrl), expect: error(/429/) },
		{ name: 'Infobip unavailable (503)', ...key('key-503', scriptedUrl), expect: error(/503/) },
		{
			name: 'no scheme, 127.0.0.1 (becomes http)',
			...basic({ baseUrl: `127.0.0.1:${sandboxPort}` }),
			expect: { status: 'OK', message: [/Connection successful/] },
		},
		{
			name: 'no scheme, localhost (becomes http)',
			...basic({ baseUrl: `localhost:${sandboxPort}` }),
			expect: { status: 'OK', message: [/Connection successful/] },
		},
		{
			name: 'https to a plain-http server',
			...basic({ baseUrl: `https://127.0.0.1:${sandboxPort}` }),
			// n8n shows only error.cause.code here; nothing in a credential can change it.
			expect: error(/EPROTO/),
		},
		{
			name: 'plain http to a non-loopback host',
			...basic({ baseUrl: 'http://xxxxx.api.infobip.com' }),
			expect: error(/Base URL/, /https:\/\//),
		},
		{ name: 'empty Base URL', ...basic({ baseUrl: '' }), expect: error(/Base URL/, /https:\/\//) },
		{
			name: 'invalid Base URL',
			...basic({ baseUrl: 'api infobip com' }),
			expect: error(/Base URL/, /https:\/\//),
		},
	];

	const home = await N8nHome.create(print);
	let failed = 0;
	try {
		await home.start();
		const cookie = await home.ownerCookie();
		for (const { name, type, data, expect } of cases) {
			const response = await fetch(`${home.baseUrl}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ credentials: { id: '', name, type, data } }),
			});
			const body = (await response.json()) as { data?: { status?: string; message?: string } };
			const { status = `HTTP ${response.status}`, message = JSON.stringify(body) } =
				body.data ?? {};
			const ok = status === expect.status && expect.message.every((re) => re.test(message));
			if (!ok) failed++;
			print(`${ok ? 'ok  ' : 'FAIL'} ${name} [${type}]: ${status}: ${message}`);
		}
	} finally {
		await home.stop();
		home.remove();
		scripted.server.close();
		await sandbox.close();
	}
	print(`credential-test: ${cases.length - failed} passed, ${failed} failed`);
	if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
	print(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exitCode = 1;
});
