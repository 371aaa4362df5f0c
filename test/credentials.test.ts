import { InfobipOmniApiKeyApi } from '../credentials/InfobipOmniApiKeyApi.credentials';
import { InfobipOmniBasicAuthApi } from '../credentials/InfobipOmniBasicAuthApi.credentials';
import { UserError } from 'n8n-workflow';

import { DEFAULT_BASE_URL, normalizeBaseUrl } from '../credentials/InfobipOmniShared';
import { runCredentialTest, runNode } from './support/harness';
import { apiKeyAuth, basicAuth, useScriptedServer } from './support/infobip';

const server = useScriptedServer(() => ({ status: 200, body: { scenarios: [] } }));

/** The seed's own example account: Aladdin / open sesame. */
const SEED_BASIC_HEADER = 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

const listScenarios = { resource: 'scenario', operation: 'getAll', limit: 1 };

describe('Basic auth credential', () => {
	it('sends the seed Authorization header through the real engine', async () => {
		const { output, error } = await runNode({
			parameters: { authentication: 'basicAuth', ...listScenarios },
			credentials: basicAuth(server),
		});
		expect(error).toBeUndefined();
		expect(output).toEqual([]);
		expect(server.received).toHaveLength(1);
		expect(server.received[0].headers.authorization).toBe(SEED_BASIC_HEADER);
		expect(server.received[0].headers.accept).toBe('application/json');
		expect(server.received[0].url).toBe('/omni/1/scenarios?page=0&limit=1');
	});

	it('runs its credential test against GET /omni/1/scenarios?limit=1', async () => {
		const { error } = await runCredentialTest(new InfobipOmniBasicAuthApi(), {
			username: 'Aladdin',
			password: 'open sesame',
			baseUrl: `${server.baseUrl}/`,
		});
		expect(error).toBeUndefined();
		expect(server.received).toHaveLength(1);
		expect(server.received[0]).toMatchObject({
			method: 'GET',
			path: '/omni/1/scenarios',
			query: { limit: '1' },
		});
		expect(server.received[0].headers.authorization).toBe(SEED_BASIC_HEADER);
	});

	it('fails its credential test on 401', async () => {
		server.respondWith(() => ({
			status: 401,
			body: {
				requestError: {
					serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' },
				},
			},
		}));
		const { error } = await runCredentialTest(new InfobipOmniBasicAuthApi(), {
			username: 'Aladdin',
			password: 'wrong',
			baseUrl: server.baseUrl,
		});
		expect(error?.name).toBe('NodeApiError');
		expect((error as { httpCode?: string }).httpCode).toBe('401');
		// n8n-core re-sends a declarative request once after a 401 (its token-refresh path).
		expect(server.received.length).toBeGreaterThanOrEqual(1);
	});
});

describe('API key credential', () => {
	it('sends Authorization: App <key> through the real engine', async () => {
		const { error } = await runNode({
			parameters: { authentication: 'apiKey', ...listScenarios },
			credentials: {
				...apiKeyAuth(server, 'test-key-123'),
			},
		});
		expect(error).toBeUndefined();
		expect(server.received).toHaveLength(1);
		expect(server.received[0].headers.authorization).toBe('App test-key-123');
	});

	it('runs its credential test with the App header', async () => {
		const { error } = await runCredentialTest(new InfobipOmniApiKeyApi(), {
			apiKey: 'test-key-123',
			baseUrl: server.baseUrl,
		});
		expect(error).toBeUndefined();
		expect(server.received[0]).toMatchObject({ path: '/omni/1/scenarios', query: { limit: '1' } });
		expect(server.received[0].headers.authorization).toBe('App test-key-123');
	});

	it('is never named infobipApi, which other Infobip nodes own', () => {
		expect(new InfobipOmniApiKeyApi().name).not.toBe('infobipApi');
		expect(new InfobipOmniBasicAuthApi().name).not.toBe('infobipApi');
	});
});

describe('base URL normalisation', () => {
	it.each([
		['https://api.infobip.com', 'https://api.infobip.com'],
		['xxxxx.api.infobip.com', 'https://xxxxx.api.infobip.com'],
		['xxxxx.api.infobip.com/', 'https://xxxxx.api.infobip.com'],
		['  https://xxxxx.api.infobip.com//  ', 'https://xxxxx.api.infobip.com'],
		['HTTPS://XXXXX.API.INFOBIP.COM', 'https://xxxxx.api.infobip.com'],
		['http://localhost:8080', 'http://localhost:8080'],
		['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
		// No scheme: https, except for a loopback host, where a local sandbox runs on plain http.
		['localhost:8080', 'http://localhost:8080'],
		['LOCALHOST:8080/', 'http://localhost:8080'],
		['127.0.0.1:3000', 'http://127.0.0.1:3000'],
		['127.1.2.3:3000', 'http://127.1.2.3:3000'],
		['127.1:3000', 'http://127.0.0.1:3000'],
		['[::1]:3000', 'http://[::1]:3000'],
		['[0:0:0:0:0:0:0:1]:3000', 'http://[::1]:3000'],
		['localhost.example.com', 'https://localhost.example.com'],
		['127.0.0.1.nip.io', 'https://127.0.0.1.nip.io'],
		['128.0.0.1:3000', 'https://128.0.0.1:3000'],
		['10.0.0.5:8080', 'https://10.0.0.5:8080'],
		['[::2]:3000', 'https://[::2]:3000'],
		// A scheme given is kept: https to a loopback host stays https.
		['https://localhost:8443', 'https://localhost:8443'],
		['http://127.255.0.1:3000', 'http://127.255.0.1:3000'],
		['http://[::1]:3000/', 'http://[::1]:3000'],
		['https://proxy.example.com/infobip/', 'https://proxy.example.com/infobip'],
	])('%j → %j', (raw, expected) => {
		expect(normalizeBaseUrl(raw)).toBe(expected);
	});

	// n8n's credential dialog shows only the message: each names Base URL and the fix.
	it.each([
		['', /^Base URL is empty: set it to your personal https:\/\/xxxxx\.api\.infobip\.com/],
		['   ', /^Base URL is empty: /],
		[undefined, /^Base URL is empty: /],
		[
			'http://xxxxx.api.infobip.com',
			/^Base URL ".*" uses plain http: change http:\/\/ to https:\/\//,
		],
		['http://api.infobip.com/', /uses plain http: change http:\/\/ to https:\/\//],
		['http://10.0.0.5:8080', /uses plain http: .*localhost, 127\.x\.x\.x and \[::1\]/],
		['http://128.0.0.1:8080', /uses plain http/],
		['http://localhost.example.com', /uses plain http/],
		[
			'ftp://api.infobip.com',
			/must start with https \(or have no scheme\): use the form https:\/\/xxxxx/,
		],
		['https://api.infobip.com?x=1', /has a query or fragment: keep only the address/],
		['https://api.infobip.com#x', /has a query or fragment/],
		['api infobip com', /is not a valid address: use the form https:\/\/xxxxx\.api\.infobip\.com/],
		['https://', /is not a valid address: .*http:\/\/localhost:PORT/],
	])('refuses %j, naming the fix in the message', (raw, problem) => {
		let thrown: unknown;
		try {
			normalizeBaseUrl(raw);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(UserError);
		const { message, description } = thrown as UserError;
		expect(message).toMatch(/^Base URL /);
		expect(message).toMatch(problem);
		expect(description).toMatch(/\S/);
	});

	it('shows under the Base URL field what a local sandbox URL looks like', () => {
		const baseUrl = new InfobipOmniApiKeyApi().properties.find((p) => p.name === 'baseUrl');
		expect(baseUrl?.hint).toBe(
			'Infobip: https://xxxxx.api.infobip.com. A local sandbox: http://localhost:PORT (http, not https).',
		);
	});

	it('defaults to the generic host', () => {
		const baseUrl = new InfobipOmniBasicAuthApi().properties.find((p) => p.name === 'baseUrl');
		expect(baseUrl?.default).toBe(DEFAULT_BASE_URL);
		expect(DEFAULT_BASE_URL).toBe('https://api.infobip.com');
	});

	it('refuses a plain-http base URL in the engine before anything is sent', async () => {
		const plainHttp = server.baseUrl.replace('127.0.0.1', 'infobip.invalid');
		const { error } = await runNode({
			parameters: { authentication: 'apiKey', ...listScenarios },
			credentials: apiKeyAuth({ baseUrl: plainHttp }, 'k'),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/plain http/);
		expect(error?.description).toMatch(/https/);
		expect(server.received).toHaveLength(0);
	});

	it('accepts a base URL with a trailing slash in the engine', async () => {
		const { error } = await runNode({
			parameters: { authentication: 'apiKey', ...listScenarios },
			credentials: apiKeyAuth({ baseUrl: `${server.baseUrl}///` }, 'k'),
		});
		expect(error).toBeUndefined();
		expect(server.received[0].path).toBe('/omni/1/scenarios');
	});
});

describe('credential fields', () => {
	it.each([
		[new InfobipOmniBasicAuthApi(), ['password']],
		[new InfobipOmniApiKeyApi(), ['apiKey']],
	])('%s hides its secrets as password fields', (credential, secrets) => {
		for (const name of secrets) {
			const field = credential.properties.find((p) => p.name === name);
			expect(field?.typeOptions?.password).toBe(true);
		}
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		expect(credential.icon).toBeDefined();
		expect(credential.test?.request.url).toBe('/omni/1/scenarios');
	});
});
