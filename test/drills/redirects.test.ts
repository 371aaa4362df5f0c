/**
 * Redirects (issue #10 §4): no request of the node, nor the credential test, follows a 3xx.
 * Real HTTP: `infobip` answers the 3xx, `elsewhere` is where Location points; it must see nothing.
 */
import type { IAuthenticate, ICredentialType, IDataObject } from 'n8n-workflow';

import { InfobipOmniApiKeyApi } from '../../credentials/InfobipOmniApiKeyApi.credentials';
import { InfobipOmniBasicAuthApi } from '../../credentials/InfobipOmniBasicAuthApi.credentials';
import { API_KEY_TEST_TEXTS, normalizeBaseUrl } from '../../credentials/InfobipOmniShared';
import { runCredentialTest, runNode, type NodeRun } from '../support/harness';
import { basicAuth as basicAuthAt, useScriptedServer } from '../support/infobip';
import { type ReceivedRequest } from '../support/server';
import { testCredentialLikeN8n } from './credentialTester';

const infobip = useScriptedServer(() => ({ status: 200, body: { scenarios: [] } }));
const elsewhere = useScriptedServer(() => ({ status: 200, body: { scenarios: [] } }));

const BASIC = 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';
const SCENARIO_ID = '12CD1116DC7B451B2B7286412482CCC1';
const basicAuth = () => basicAuthAt(infobip);

const REASONS: Record<number, string> = {
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	307: 'Temporary Redirect',
	308: 'Permanent Redirect',
};
const STATUSES = Object.keys(REASONS).map(Number);

/** Where Location points: the second server by IP, or by another host name (plain http both). */
const targets = () => {
	const port = new URL(elsewhere.baseUrl).port;
	return {
		'another port': { base: elsewhere.baseUrl, host: `127.0.0.1:${port}` },
		'another plain-http host': { base: `http://localhost:${port}`, host: `localhost:${port}` },
	};
};
type TargetName = keyof ReturnType<typeof targets>;
const TARGET_NAMES: TargetName[] = ['another port', 'another plain-http host'];

/** The one operation per method: what it sends, and which request is answered with the 3xx. */
const operations: Record<
	'GET' | 'POST' | 'PUT',
	{ path: string; run: () => Promise<NodeRun>; redirected: (r: ReceivedRequest) => boolean }
> = {
	GET: {
		path: '/omni/1/scenarios',
		run: async () =>
			await runNode({
				parameters: { resource: 'scenario', operation: 'getAll', limit: 1 },
				credentials: basicAuth(),
			}),
		redirected: () => true,
	},
	POST: {
		path: '/omni/1/advanced',
		run: async () =>
			await runNode({
				parameters: {
					resource: 'message',
					operation: 'sendText',
					scenario: { __rl: true, mode: 'key', value: SCENARIO_ID },
					phoneNumbers: '41793026727',
					smsText: 'Your parcel is on its way',
				},
				credentials: basicAuth(),
			}),
		redirected: (r) => r.method === 'POST',
	},
	PUT: {
		path: `/omni/1/scenarios/${SCENARIO_ID}`,
		run: async () =>
			await runNode({
				parameters: {
					resource: 'scenario',
					operation: 'update',
					scenario: { __rl: true, mode: 'key', value: SCENARIO_ID },
					updateFields: { name: 'Renamed' },
				},
				credentials: basicAuth(),
			}),
		redirected: (r) => r.method === 'PUT',
	},
};

/** Infobip answers the operation's request with the 3xx; anything before it (Update's read) is fine. */
function armRedirect(
	status: number,
	location: string,
	redirected: (r: ReceivedRequest) => boolean,
) {
	infobip.respondWith((request) =>
		redirected(request)
			? { status, headers: { location }, body: { moved: true } }
			: {
					status: 200,
					body: { key: SCENARIO_ID, name: 'Old', flow: [{ channel: 'SMS', from: 'InfoSMS' }] },
				},
	);
}

describe.each(['GET', 'POST', 'PUT'] as const)(
	'%s: a 3xx is an error, never followed',
	(method) => {
		const cases = STATUSES.flatMap((status) =>
			TARGET_NAMES.map((target) => [status, target] as const),
		);

		it.each(cases)('%d to %s', async (status, targetName) => {
			const target = targets()[targetName];
			const operation = operations[method];
			armRedirect(status, `${target.base}${operation.path}?from=redirect`, operation.redirected);

			const run = await operation.run();

			expect(elsewhere.received).toHaveLength(0);
			const redirected = infobip.received.filter(operation.redirected);
			expect(redirected.map((r) => `${r.method} ${r.path}`)).toEqual([
				`${method} ${operation.path}`,
			]);
			// The credential went to the Base URL's host only.
			expect(infobip.received.every((r) => r.headers.authorization === BASIC)).toBe(true);
			expect(run.error?.name).toBe('NodeApiError');
			expect(run.error?.message).toBe(
				`Infobip's address answered ${status} ${REASONS[status]} to ${target.host}; the node does not follow redirects`,
			);
			expect(run.error?.description).toBe(
				`Nothing was sent to ${target.host}. The host at the credential's Base URL answered ${method} ${operation.path} with this redirect instead of processing it. Set the credential's Base URL to your account's own https://xxxxx.api.infobip.com address (shown on the Infobip portal homepage), not an address that forwards elsewhere.`,
			);
			expect((run.error as { httpCode?: string }).httpCode).toBe(String(status));
			expect(run.output).toEqual([]);
		});
	},
);

describe('a 3xx with a Location the node cannot name as a host', () => {
	it.each([
		[
			'a relative Location',
			{ location: '/elsewhere' },
			'another path on the same host (/elsewhere)',
			true,
		],
		['no Location', {}, 'no address (the answer has no Location header)', false],
	])('%s', async (_name, headers: Record<string, string>, target, named) => {
		infobip.reply({ status: 302, headers, body: {} });
		const run = await operations.GET.run();
		expect(infobip.received).toHaveLength(1);
		expect(run.error?.message).toBe(
			`Infobip's address answered 302 Found to ${target}; the node does not follow redirects`,
		);
		expect(
			run.error?.description?.startsWith(
				named ? `Nothing was sent to ${target}. The host` : 'The host',
			),
		).toBe(true);
	});

	it('Continue On Fail: the redirect becomes an error item paired to its input', async () => {
		infobip.reply({ status: 307, headers: { location: `${elsewhere.baseUrl}/x` }, body: {} });
		const run = await runNode({
			parameters: { resource: 'scenario', operation: 'getAll', limit: 1 },
			credentials: basicAuth(),
			onError: 'continueRegularOutput',
		});
		expect(elsewhere.received).toHaveLength(0);
		expect(run.output).toHaveLength(1);
		expect(run.output[0].pairedItem).toEqual({ item: 0 });
		expect(run.output[0].json.error).toBe(
			`Infobip's address answered 307 Temporary Redirect to ${targets()['another port'].host}; the node does not follow redirects`,
		);
		expect((run.output[0].json.details as IDataObject).httpCode).toBe('307');
	});
});

describe('credential test: a 3xx fails the test and is not followed', () => {
	const credentialCases = [
		[
			'Basic auth',
			new InfobipOmniBasicAuthApi(),
			{ username: 'Aladdin', password: 'open sesame' },
			BASIC,
		],
		['API key', new InfobipOmniApiKeyApi(), { apiKey: 'test-key-123' }, 'App test-key-123'],
	] as const;
	const cases = credentialCases.flatMap(([name, type, secrets, header]) =>
		STATUSES.flatMap((status) =>
			TARGET_NAMES.map(
				(target) =>
					[`${name}: ${status} to ${target}`, type, secrets, header, status, target] as const,
			),
		),
	);

	it.each(cases)('%s', async (_title, type, secrets, header, status, targetName) => {
		const target = targets()[targetName];
		infobip.respondWith(() => ({
			status,
			headers: { location: `${target.base}/omni/1/scenarios?limit=1` },
			body: {},
		}));
		const verdict = await testCredentialLikeN8n(type, { ...secrets, baseUrl: infobip.baseUrl });

		expect(elsewhere.received).toHaveLength(0);
		expect(infobip.received.map((r) => `${r.method} ${r.url}`)).toEqual([
			'GET /omni/1/scenarios?limit=1',
		]);
		expect(infobip.received[0].headers.authorization).toBe(header);
		expect(verdict).toEqual({
			status: 'Error',
			message: `Infobip's address answered ${status} ${REASONS[status]}; this credential does not follow redirects, so nothing was sent to the address it points to. Set the Base URL to your account's own https://xxxxx.api.infobip.com address, shown on the Infobip portal homepage.`,
		});
	});

	it('through the harness too: the engine records the 3xx as the error, nothing followed', async () => {
		infobip.respondWith(() => ({
			status: 302,
			headers: { location: `${elsewhere.baseUrl}/x` },
			body: {},
		}));
		const run = await runCredentialTest(new InfobipOmniBasicAuthApi(), {
			username: 'Aladdin',
			password: 'open sesame',
			baseUrl: infobip.baseUrl,
		});
		expect(elsewhere.received).toHaveLength(0);
		expect(infobip.received).toHaveLength(1);
		expect((run.error as { httpCode?: string }).httpCode).toBe('302');
	});

	it.each([
		[
			'a 200 passes',
			{ status: 200, body: { scenarios: [] } },
			{ status: 'OK', message: 'Connection successful!' },
		],
		[
			'a 401 still fails with its own verdict',
			{ status: 401, body: {} },
			{ status: 'Error', message: API_KEY_TEST_TEXTS.unauthorized },
		],
	])('%s', async (_name, reply, verdict) => {
		infobip.respondWith(() => reply);
		const type = new InfobipOmniApiKeyApi();
		expect(await testCredentialLikeN8n(type, { apiKey: 'k', baseUrl: infobip.baseUrl })).toEqual(
			verdict,
		);
	});
});

/**
 * Controls: the same declarative test without the refusal. They prove that the checks above can
 * fail: n8n follows a redirect by default and re-sends the Authorization header to the other host.
 * Each of the two guards (the test request's option, the credential's `authenticate`) is enough alone.
 */
describe('controls: n8n follows redirects unless told not to', () => {
	const controlType = (options: { inTest: boolean; inAuthenticate: boolean }): ICredentialType => {
		const authenticate: IAuthenticate = async (credentials, requestOptions) => ({
			...requestOptions,
			baseURL: normalizeBaseUrl(credentials.baseUrl),
			...(options.inAuthenticate ? { disableFollowRedirect: true } : {}),
			headers: { ...requestOptions.headers, Authorization: `App ${String(credentials.apiKey)}` },
		});
		return {
			name: 'redirectControlApi',
			displayName: 'Redirect control',
			properties: [],
			authenticate,
			test: {
				request: {
					baseURL: '={{$credentials.baseUrl}}',
					url: '/omni/1/scenarios',
					method: 'GET',
					...(options.inTest ? { disableFollowRedirect: true } : {}),
				},
			},
		};
	};
	const runControl = async (options: { inTest: boolean; inAuthenticate: boolean }) => {
		const type = controlType(options);
		return await testCredentialLikeN8n(type, { apiKey: 'control-key', baseUrl: infobip.baseUrl }, [
			type,
		]);
	};

	beforeEach(() => {
		infobip.respondWith(() => ({
			status: 307,
			headers: { location: `${targets()['another plain-http host'].base}/stolen` },
			body: {},
		}));
	});

	it('without either guard, the Authorization header reaches the other host and the test passes', async () => {
		expect(await runControl({ inTest: false, inAuthenticate: false })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(elsewhere.received.map((r) => [r.path, r.headers.authorization])).toEqual([
			['/stolen', 'App control-key'],
		]);
	});

	it.each([
		['the test request', { inTest: true, inAuthenticate: false }],
		['authenticate', { inTest: false, inAuthenticate: true }],
	])('disableFollowRedirect in %s alone stops it', async (_name, options) => {
		expect(await runControl(options)).toEqual({ status: 'Error', message: 'Temporary Redirect' });
		expect(elsewhere.received).toHaveLength(0);
	});
});

describe('the package credentials declare both guards', () => {
	it.each(
		[new InfobipOmniBasicAuthApi(), new InfobipOmniApiKeyApi()].map((t) => [t.name, t] as const),
	)('%s', async (_name, type) => {
		expect(type.test?.request).toMatchObject({ disableFollowRedirect: true, maxRedirects: 0 });
		const options = await (
			type.authenticate as unknown as (c: IDataObject, o: IDataObject) => Promise<IDataObject>
		)(
			{ username: 'u', password: 'p', apiKey: 'k', baseUrl: 'xxxxx.api.infobip.com' },
			{ url: '/omni/1/scenarios' },
		);
		expect(options).toMatchObject({ disableFollowRedirect: true, maxRedirects: 0 });
		expect(type.test?.rules?.map((rule) => (rule.properties as { value: number }).value)).toEqual(
			expect.arrayContaining(STATUSES),
		);
	});
});
