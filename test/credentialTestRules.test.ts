import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { InfobipOmniApiKeyApi } from '../credentials/InfobipOmniApiKeyApi.credentials';
import { InfobipOmniBasicAuthApi } from '../credentials/InfobipOmniBasicAuthApi.credentials';
import { testCredentialLikeN8n } from './drills/credentialTester';
import { useScriptedServer } from './support/infobip';

const server = useScriptedServer(() => ({ status: 200, body: { scenarios: [] } }));

const basic = new InfobipOmniBasicAuthApi();
const apiKey = new InfobipOmniApiKeyApi();
// Test titles print a credential by its type name, not as an object dump.
for (const credential of [basic, apiKey]) {
	Object.defineProperty(credential, 'toString', { value: () => credential.name });
}
const secrets = (credential: ICredentialType): ICredentialDataDecryptedObject =>
	credential === basic
		? { username: 'Aladdin', password: 'wrong', baseUrl: server.baseUrl }
		: { apiKey: 'wrong', baseUrl: server.baseUrl };

const INFOBIP_ERROR = { requestError: { serviceException: { messageId: 'X', text: 'x' } } };

type Verdict = [ICredentialType, number, unknown];

/**
 * What n8n's credential dialog shows: test/drills/credentialTester.ts runs the test request through
 * n8n-core's RoutingNode and mirrors n8n 2.41.1's verdict logic (first responseCode rule matching
 * the status, else the reason phrase; a request error shows only its code). The real app is
 * measured by scripts/e2e/credential-test.ts.
 */
describe('credential test verdicts, as n8n shows them', () => {
	it.each<Verdict>([
		[
			basic,
			401,
			'Infobip refused this username and password (401). Check Username and Password, and that Base URL is the address of the same Infobip account.',
		],
		[
			apiKey,
			401,
			'Infobip refused this API key (401). Check API Key, and that Base URL is the address of the account the key belongs to.',
		],
		[
			basic,
			403,
			'Infobip accepted this username and password, but the user may not use OMNI (403). Give the user the omni-failover:manage scope in the Infobip portal, or use an API key that has it.',
		],
		[
			apiKey,
			403,
			'Infobip accepted this API key, but it may not use OMNI (403). Give the key the omni-failover:manage scope in the Infobip portal, Developer tools > API keys.',
		],
		...[basic, apiKey].map(
			(credential): Verdict => [
				credential,
				404,
				'The Base URL is not an Infobip API address: /omni/1/scenarios was not found (404). Set Base URL to your personal https://xxxxx.api.infobip.com address from the Infobip portal homepage.',
			],
		),
		[
			apiKey,
			429,
			"Infobip is limiting this account's requests (429 Too Many Requests), so the credential was not checked. Wait a minute, then test again.",
		],
		...(
			[
				[500, 'Internal Server Error'],
				[502, 'Bad Gateway'],
				[503, 'Service Unavailable'],
				[504, 'Gateway Timeout'],
			] as const
		).map(
			([status, reason]): Verdict => [
				basic,
				status,
				`Infobip answered ${status} ${reason}, so the credential was not checked. Test again in a few minutes; if it persists, check that Base URL is your personal https://xxxxx.api.infobip.com address.`,
			],
		),
	])('%s answered %i: the dialog says what to change', async (credential, status, message) => {
		server.respondWith(() => ({ status, body: INFOBIP_ERROR }));
		const verdict = await testCredentialLikeN8n(credential, secrets(credential));
		expect(verdict).toEqual({ status: 'Error', message });
	});

	it.each([basic, apiKey])('%s: every rule is for an error status, one rule per status', (c) => {
		const statuses = c.test!.rules!.map((rule) => (rule.properties as { value: number }).value);
		expect(new Set(statuses).size).toBe(statuses.length);
		expect(statuses.every((s) => s >= 300)).toBe(true);
		expect(statuses).toEqual(expect.arrayContaining([401, 403, 404, 429, 500, 502, 503, 504]));
		expect(statuses).toEqual(expect.arrayContaining([301, 302, 303, 307, 308]));
	});

	it('keeps the redirect verdict', async () => {
		server.respondWith(() => ({ status: 302, headers: { location: 'http://elsewhere.invalid/' } }));
		const { message } = await testCredentialLikeN8n(apiKey, secrets(apiKey));
		expect(message).toMatch(
			/^Infobip's address answered 302 Found; this credential does not follow redirects/,
		);
	});

	it('passes on 200, the request sent once', async () => {
		const verdict = await testCredentialLikeN8n(apiKey, { apiKey: 'k', baseUrl: server.baseUrl });
		expect(verdict).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.received).toHaveLength(1);
	});

	it('shows the Base URL fix for a plain-http address, nothing sent', async () => {
		const plainHttp = server.baseUrl.replace('127.0.0.1', 'infobip.invalid');
		const { message } = await testCredentialLikeN8n(apiKey, { apiKey: 'k', baseUrl: plainHttp });
		expect(message).toMatch(
			/^Base URL "http:\/\/infobip\.invalid:\d+" uses plain http: change http:\/\/ to https:\/\//,
		);
		expect(server.received).toHaveLength(0);
	});

	it('https to a plain-http server shows only EPROTO: n8n decides that text', async () => {
		const { message } = await testCredentialLikeN8n(apiKey, {
			apiKey: 'k',
			baseUrl: server.baseUrl.replace(/^http:/, 'https:'),
		});
		expect(message).toBe('EPROTO');
	});

	it('reaches a loopback sandbox typed without a scheme over http', async () => {
		const verdict = await testCredentialLikeN8n(basic, {
			username: 'Aladdin',
			password: 'open sesame',
			baseUrl: server.baseUrl.replace(/^http:\/\//, ''),
		});
		expect(verdict).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.received[0].path).toBe('/omni/1/scenarios');
	});
});

describe('default credential names in the editor', () => {
	/**
	 * n8n-editor-ui 2.41.1 (credentials store getNewCredentialName): displayName without the words
	 * API, OAuth1, OAuth2 and MCP, then " account".
	 */
	const defaultName = (displayName: string) =>
		`${displayName
			.split(' ')
			.filter((word) => !['API', 'OAuth1', 'OAuth2', 'MCP'].includes(word))
			.join(' ')} account`;

	it.each([
		[basic, 'Infobip OMNI Basic Auth account'],
		[apiKey, 'Infobip OMNI API-Key account'],
	])('%s reads %j', (credential, name) => {
		expect(defaultName(credential.displayName)).toBe(name);
		// Kept: n8n's lint wants " API" at the end, and workflows store the type names.
		expect(credential.displayName).toMatch(/ API$/);
	});

	it('keeps the type names workflows refer to', () => {
		expect([basic.name, apiKey.name]).toEqual(['infobipOmniBasicAuthApi', 'infobipOmniApiKeyApi']);
	});
});
