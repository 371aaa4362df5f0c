import { parseRetryAfter } from '../../../nodes/InfobipOmni/transport';
import { advancing, useFakeClock } from '../../support/clock';
import { runNode, type NodeRun } from '../../support/harness';
import { SEED_CREATE_PARAMETERS } from '../../fixtures/seed';
import { basicAuth, useScriptedServer } from '../../support/infobip';
import { type Reply } from '../../support/server';

const server = useScriptedServer(() => ({ status: 200, body: { scenarios: [] } }));
// Backoffs and Retry-After waits pass on jest's clock; the HTTP is real.
useFakeClock();

const PASSWORD = 'open sesame';
const credentials = () => basicAuth(server, { username: 'Aladdin', password: PASSWORD });
const seen = () => server.received.length;

/** A GET: list scenarios. */
const listScenarios = (options: Record<string, number> = {}) =>
	advancing(
		runNode({
			parameters: { resource: 'scenario', operation: 'getAll', limit: 1, requestSettings: options },
			credentials: credentials(),
		}),
		seen,
	);

/** A POST: create the seed's scenario. */
const createScenario = (options: Record<string, number> = {}) =>
	advancing(
		runNode({
			parameters: { ...SEED_CREATE_PARAMETERS, requestSettings: options },
			credentials: credentials(),
		}),
		seen,
	);

const legacy = (messageId: string, text: string, validationErrors?: Record<string, string[]>) => ({
	requestError: {
		serviceException: { messageId, text, ...(validationErrors ? { validationErrors } : {}) },
	},
});

const newer = (errorCode: string, description: string, violations: object[] = []) => ({
	errorCode,
	description,
	action: 'Check the syntax, violations and adjust the request.',
	violations,
	resources: [],
});

const httpCodeOf = (run: NodeRun) => (run.error as { httpCode?: string } | undefined)?.httpCode;

describe('error mapping (both envelopes)', () => {
	const cases: Array<[string, Reply, { message: RegExp; description: RegExp; httpCode: string }]> =
		[
			[
				'400 legacy with validation errors',
				{
					status: 400,
					body: legacy('BAD_REQUEST', 'Bad request', {
						'flow[0].from': ['must not be blank'],
						name: ['size must be between 0 and 255'],
					}),
				},
				{
					message: /^Infobip refused the request \(400 BAD_REQUEST: Bad request\)$/,
					description: /flow\[0\]\.from: must not be blank; name: size must be between 0 and 255/,
					httpCode: '400',
				},
			],
			[
				'400 newer with violations',
				{
					status: 400,
					body: newer('E400', 'Request cannot be processed.', [
						{ property: 'flow[1].channel', violation: 'must be one of SMS, EMAIL' },
					]),
				},
				{
					message: /^Infobip refused the request \(400 E400: Request cannot be processed\.\)$/,
					description: /flow\[1\]\.channel: must be one of SMS, EMAIL\..*Check the syntax/,
					httpCode: '400',
				},
			],
			[
				'401 legacy',
				{ status: 401, body: legacy('UNAUTHORIZED', 'Invalid login details') },
				{
					message: /did not accept the credentials \(401 UNAUTHORIZED: Invalid login details\)/,
					description: /username and password.*API key.*Base URL/,
					httpCode: '401',
				},
			],
			[
				'401 newer',
				{ status: 401, body: newer('E401', 'Unauthorized') },
				{
					message: /did not accept the credentials \(401 E401: Unauthorized\)/,
					description: /Base URL/,
					httpCode: '401',
				},
			],
			[
				'403 legacy',
				{ status: 403, body: legacy('UNAUTHORIZED', 'No permission to access resource') },
				{
					message: /denied access to POST \/omni\/1\/scenarios \(403 UNAUTHORIZED/,
					description: /scope.*omni-failover:manage/,
					httpCode: '403',
				},
			],
			[
				'403 newer',
				{ status: 403, body: newer('E403', 'Forbidden') },
				{ message: /denied access.*E403/, description: /omni-failover:manage/, httpCode: '403' },
			],
			[
				'404 legacy',
				{ status: 404, body: legacy('NOT_FOUND', 'Not found') },
				{
					message: /found nothing at POST \/omni\/1\/scenarios/,
					description: /Base URL/,
					httpCode: '404',
				},
			],
			[
				'404 newer',
				{ status: 404, body: newer('E404', 'Not found') },
				{ message: /found nothing.*E404/, description: /Base URL/, httpCode: '404' },
			],
			[
				'500 legacy on a POST',
				{ status: 500, body: legacy('GENERAL_ERROR', 'Something went wrong') },
				{
					message: /answered 500 GENERAL_ERROR: Something went wrong.*may have been carried out/,
					description: /not retried automatically.*Log → Get Many/,
					httpCode: '500',
				},
			],
			[
				'500 newer on a POST',
				{ status: 500, body: newer('E500', 'Internal error') },
				{
					message: /500 E500: Internal error.*may have been carried out/,
					description: /not retried/,
					httpCode: '500',
				},
			],
		];

	it.each(cases)('%s', async (_name, reply, expected) => {
		server.reply(reply);
		const run = await createScenario();
		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toMatch(expected.message);
		expect(run.error?.description).toMatch(expected.description);
		expect(httpCodeOf(run)).toBe(expected.httpCode);
		// The raw body is kept for the user to inspect.
		expect(run.error?.context.data).toEqual((reply as { body: unknown }).body);
		expect(server.received).toHaveLength(1);
	});

	it.each([
		['legacy', legacy('TOO_MANY_REQUESTS', 'Too many requests')],
		['newer', newer('E429', 'Too many requests')],
	])(
		'429 (%s) after the retries are spent says how long it waited and what to change',
		async (_name, body) => {
			server.respondWith(() => ({ status: 429, body, headers: { 'retry-after': '0' } }));
			const run = await createScenario({ maxRetries: 2 });
			expect(run.error?.message).toBe(
				'Infobip kept answering 429 Too Many Requests to POST /omni/1/scenarios after 3 attempts',
			);
			expect(run.error?.description).toBe(
				"Infobip refused this request before processing it. Waited 0.0 s in total; Infobip asked to wait 0.0 s more. Raise Max Retries or Max Retry Wait in the node's options, or send less often: OMNI allows 20 scenario creations and 40 updates per 10 minutes, and 120 log reads per minute.",
			);
			expect(httpCodeOf(run)).toBe('429');
			expect(run.error?.context.data).toEqual(body);
			expect(server.received).toHaveLength(3);
		},
	);

	it('a 403 on a send names the send scopes', async () => {
		server.reply({ status: 403, body: legacy('UNAUTHORIZED', 'No permission') });
		const run = await listScenarios();
		expect(run.error?.description).toMatch(/omni-failover:manage/);
	});
});

describe('retry rules', () => {
	it('429 then success: waits Retry-After and succeeds (POST)', async () => {
		server.reply({
			status: 429,
			body: legacy('TOO_MANY_REQUESTS', 'Too many requests'),
			headers: { 'retry-after': '1' },
		});
		server.respondWith(() => ({ status: 200, body: { key: 'K1', flow: [], default: true } }));
		const started = Date.now();
		const run = await createScenario();
		expect(run.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(server.received).toHaveLength(2);
		expect(server.received[1].body).toEqual(server.received[0].body);
		expect(run.output.map((item) => item.json)).toEqual([{ key: 'K1', flow: [], default: true }]);
	});

	it('429 without Retry-After backs off and succeeds (GET)', async () => {
		server.reply({ status: 429, body: legacy('TOO_MANY_REQUESTS', 'Too many requests') });
		const run = await listScenarios();
		expect(run.error).toBeUndefined();
		expect(server.received).toHaveLength(2);
	});

	it('429 until the bound: stops after Max Retries + 1 attempts', async () => {
		server.respondWith(() => ({ status: 429, body: {}, headers: { 'retry-after': '0' } }));
		const run = await listScenarios({ maxRetries: 4 });
		expect(run.error?.message).toMatch(/after 5 attempts/);
		expect(server.received).toHaveLength(5);
	});

	it('429 with a Retry-After beyond Max Retry Wait gives up at once', async () => {
		server.respondWith(() => ({ status: 429, body: {}, headers: { 'retry-after': '120' } }));
		const started = Date.now();
		const run = await listScenarios({ maxRetryWaitSeconds: 5 });
		expect(Date.now() - started).toBeLessThan(2000);
		expect(run.error?.message).toMatch(/after 1 attempts/);
		expect(run.error?.description).toMatch(/Infobip asked to wait 120\.0 s more/);
		expect(server.received).toHaveLength(1);
	});

	it('POST 500 is not retried, and the error says it may have been carried out', async () => {
		server.respondWith(() => ({ status: 500, body: legacy('GENERAL_ERROR', 'boom') }));
		const run = await createScenario();
		expect(run.error?.message).toMatch(/may have been carried out/);
		expect(server.received).toHaveLength(1);
	});

	it.each([502, 503, 504])('POST %d is not retried', async (status) => {
		server.respondWith(() => ({ status, body: {} }));
		const run = await createScenario();
		expect(httpCodeOf(run)).toBe(String(status));
		expect(server.received).toHaveLength(1);
	});

	it('GET 503 is retried until it succeeds', async () => {
		server.reply({ status: 503, body: {} }, { status: 503, body: {} });
		const run = await listScenarios({ maxRetries: 3 });
		expect(run.error).toBeUndefined();
		expect(server.received).toHaveLength(3);
	});

	it.each([502, 504])('GET %d is retried', async (status) => {
		server.reply({ status, body: {} });
		const run = await listScenarios();
		expect(run.error).toBeUndefined();
		expect(server.received).toHaveLength(2);
	});

	it('GET 503 past the bound ends in the mapped 503', async () => {
		server.respondWith(() => ({
			status: 503,
			body: legacy('GENERAL_ERROR', 'Service unavailable'),
		}));
		const run = await listScenarios({ maxRetries: 1 });
		expect(httpCodeOf(run)).toBe('503');
		expect(run.error?.message).toMatch(/answered 503 GENERAL_ERROR: Service unavailable to GET/);
		expect(server.received).toHaveLength(2);
	});

	it('GET 500 is not retried', async () => {
		server.respondWith(() => ({ status: 500, body: {} }));
		const run = await listScenarios();
		expect(httpCodeOf(run)).toBe('500');
		expect(run.error?.message).not.toMatch(/carried out/);
		expect(server.received).toHaveLength(1);
	});

	it('GET after a reset connection is retried', async () => {
		server.reply({ reset: true });
		const run = await listScenarios();
		expect(run.error).toBeUndefined();
		expect(server.received).toHaveLength(2);
	});

	it('POST after a reset connection is not retried, and says it may have been carried out', async () => {
		server.reply({ reset: true });
		const run = await createScenario();
		expect(run.error?.message).toMatch(
			/^The connection to Infobip broke during POST \/omni\/1\/scenarios; it may have been carried out$/,
		);
		expect(run.error?.description).toMatch(/^Network code: \w+\. It was not retried automatically/);
		expect(server.received).toHaveLength(1);
	});

	it('POST that hangs past the timeout is not retried', async () => {
		server.reply({ hang: true });
		const run = await createScenario({ timeoutSeconds: 1 });
		expect(run.error?.message).toMatch(
			/^Infobip did not answer POST \/omni\/1\/scenarios within 1 s; it may have been carried out$/,
		);
		expect(server.received).toHaveLength(1);
	});

	it('a 200 whose body is not JSON is reported, not taken as a result', async () => {
		server.reply({ status: 200, rawBody: '{"key": "K1", "flow": [' });
		const run = await createScenario();
		expect(run.error?.message).toMatch(/with a body that is not JSON/);
		expect(run.error?.description).toMatch(/may have been carried out/);
	});
});

describe('Retry-After parsing', () => {
	it.each([
		['0', 0],
		['3', 3000],
		['1.5', 1500],
		[['2'], 2000],
		[undefined, undefined],
		['soon', undefined],
	])('%j → %j ms', (value, expected) => {
		expect(parseRetryAfter(value)).toBe(expected);
	});

	it('reads an HTTP date relative to now', () => {
		const now = Date.parse('2026-11-27T10:00:00Z');
		expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});
});

describe('secret hygiene', () => {
	const base64 = Buffer.from(`Aladdin:${PASSWORD}`).toString('base64');
	const replies: Array<[string, Reply]> = [
		['400', { status: 400, body: legacy('BAD_REQUEST', 'Bad request', { name: ['bad'] }) }],
		['401', { status: 401, body: legacy('UNAUTHORIZED', 'Invalid login details') }],
		['429', { status: 429, body: {}, headers: { 'retry-after': '0' } }],
		['500', { status: 500, body: {} }],
		['reset', { reset: true }],
	];

	it.each(replies)(
		'no password nor its base64 in the error or output on %s',
		async (_name, reply) => {
			server.respondWith(() => reply);
			for (const run of [
				await createScenario({ maxRetries: 0 }),
				await listScenarios({ maxRetries: 0 }),
			]) {
				const everything = JSON.stringify({
					error: run.error,
					message: run.error?.message,
					description: run.error?.description,
					stack: run.error?.stack,
					cause: (run.error as { cause?: unknown } | undefined)?.cause,
					output: run.output,
				});
				expect(everything).not.toContain(PASSWORD);
				expect(everything).not.toContain(base64);
				expect(run.error).toBeDefined();
			}
		},
	);
});
