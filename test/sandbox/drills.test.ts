import axios, { type AxiosError, type AxiosInstance } from 'axios';

import { DEFAULT_ACCOUNT, type Sandbox, startSandbox } from '../../sandbox';
import { clientFor, waitFor } from './support';

const sms = (phoneNumbers: string[]) => ({
	destinations: phoneNumbers.map((phoneNumber) => ({ to: { phoneNumber } })),
	sms: { text: 'drill' },
});

const envelope = (messageId: string, text: string) => ({
	requestError: { serviceException: { messageId, text } },
});

describe('sandbox: drill controls and the admin API', () => {
	let sandbox: Sandbox;
	let client: AxiosInstance;
	let admin: AxiosInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true } });
		client = clientFor(sandbox);
		admin = axios.create({ baseURL: `${sandbox.baseUrl}/__sandbox`, validateStatus: () => true });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(async () => {
		sandbox.reset();
		await client.post('/omni/1/scenarios', {
			flow: [{ from: 'InfoSMS', channel: 'SMS' }],
			default: true,
		});
	});

	describe('status drills', () => {
		it('429 with Retry-After, for the next request only', async () => {
			sandbox.drill({
				kind: 'status',
				path: '/omni/1/advanced',
				status: 429,
				retryAfterSeconds: 7,
			});
			const throttled = await client.post('/omni/1/advanced', sms(['41793026727']));
			expect(throttled.status).toBe(429);
			expect(throttled.headers['retry-after']).toBe('7');
			expect(throttled.data).toEqual(envelope('TOO_MANY_REQUESTS', 'Too many requests'));
			expect((await client.post('/omni/1/advanced', sms(['41793026727']))).status).toBe(200);
			expect(sandbox.acceptedCount()).toBe(1);
		});

		it('429 without Retry-After', async () => {
			sandbox.drill({ kind: 'status', path: '/omni/1/reports', status: 429 });
			const throttled = await client.get('/omni/1/reports');
			expect(throttled.status).toBe(429);
			expect(throttled.headers['retry-after']).toBeUndefined();
		});

		it.each([
			[500, envelope('GENERAL_ERROR', 'Something went wrong. Please contact support.')],
			[502, envelope('GENERAL_ERROR', 'Bad gateway')],
			[503, envelope('GENERAL_ERROR', 'Service unavailable')],
		])('%i with the legacy envelope, before authentication', async (status, body) => {
			sandbox.drill({ kind: 'status', path: '/omni/1/advanced', status });
			const response = await clientFor(sandbox, null).post(
				'/omni/1/advanced',
				sms(['41793026727']),
			);
			expect([response.status, response.data]).toEqual([status, body]);
			expect(sandbox.acceptedCount()).toBe(0);
		});

		it('502 as a gateway HTML page, times 2, method and path-prefix matching', async () => {
			sandbox.drill({
				kind: 'status',
				path: '/omni/1/*',
				method: 'GET',
				status: 502,
				html: true,
				times: 2,
			});
			expect((await client.post('/omni/1/advanced', sms(['41793026727']))).status).toBe(200);
			const first = await client.get('/omni/1/logs');
			expect(first.status).toBe(502);
			expect(first.headers['content-type']).toContain('text/html');
			expect(first.data).toContain('502 Bad Gateway');
			expect((await client.get('/omni/1/scenarios')).status).toBe(502);
			expect((await client.get('/omni/1/scenarios')).status).toBe(200);
			expect(sandbox.drills()).toEqual([]);
		});
	});

	it('latency: a drill delays one request, the global option every request', async () => {
		sandbox.drill({ kind: 'latency', path: '/omni/1/scenarios', ms: 150 });
		let started = Date.now();
		expect((await client.get('/omni/1/scenarios')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		sandbox.setLatency(40);
		try {
			started = Date.now();
			await client.get('/omni/1/scenarios');
			await client.get('/omni/1/scenarios');
			expect(Date.now() - started).toBeGreaterThanOrEqual(75);
		} finally {
			sandbox.setLatency(0);
		}
	});

	it('reset: the connection is destroyed without an answer, nothing is accepted', async () => {
		sandbox.drill({ kind: 'reset', path: '/omni/1/advanced' });
		const failure = (await client
			.post('/omni/1/advanced', sms(['41793026727']))
			.catch((error: AxiosError) => error)) as AxiosError;
		expect(failure.isAxiosError).toBe(true);
		expect(failure.response).toBeUndefined();
		expect(['ECONNRESET', 'ERR_BAD_RESPONSE', 'ECONNABORTED', undefined]).toContain(failure.code);
		expect(sandbox.acceptedCount()).toBe(0);
		const [logged] = sandbox.requests().filter((request) => request.drill === 'reset');
		expect(logged).toMatchObject({ method: 'POST', path: '/omni/1/advanced' });
		expect(logged.status).toBeUndefined();
	});

	it('hang: no answer until the client times out; close() still returns', async () => {
		const hanging = await startSandbox({ clock: { manual: true } });
		hanging.drill({ kind: 'hang', path: '/omni/1/scenarios' });
		const failure = (await clientFor(hanging)
			.get('/omni/1/scenarios', { timeout: 200 })
			.catch((error: AxiosError) => error)) as AxiosError;
		expect(failure.code).toBe('ECONNABORTED');
		// A second hung request that the client never gives up on: closing must not wait for it.
		hanging.drill({ kind: 'hang', path: '/omni/1/scenarios' });
		const pending = clientFor(hanging)
			.get('/omni/1/scenarios')
			.catch((error: AxiosError) => error);
		await waitFor(() => hanging.requests().length === 2);
		const started = Date.now();
		await hanging.close();
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(((await pending) as AxiosError).isAxiosError).toBe(true);
	});

	it('malformedJson: 200 with a truncated JSON body', async () => {
		sandbox.drill({ kind: 'malformedJson', path: '/omni/1/advanced' });
		const response = await client.post('/omni/1/advanced', sms(['41793026727']), {
			responseType: 'text',
		});
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toContain('application/json');
		expect(() => JSON.parse(response.data as string)).toThrow();
	});

	it('rejectDestinations: 200 with the chosen destinations REJECTED, the others accepted', async () => {
		sandbox.drill({ kind: 'rejectDestinations', path: '/omni/1/advanced', destinations: [1] });
		const response = await client.post(
			'/omni/1/advanced',
			sms(['41793026727', '41793026728', '41793026729']),
		);
		expect(response.status).toBe(200);
		const messages = (
			response.data as { messages: Array<{ status: { groupName: string; name: string } }> }
		).messages;
		expect(messages.map((message) => [message.status.groupName, message.status.name])).toEqual([
			['ACCEPTED', 'MESSAGE_ACCEPTED'],
			['REJECTED', 'REJECTED_DESTINATION'],
			['ACCEPTED', 'MESSAGE_ACCEPTED'],
		]);
		expect(sandbox.acceptedCount(DEFAULT_ACCOUNT.id)).toBe(2);
		await sandbox.advance(5_000);
		expect(
			((await client.get('/omni/1/reports')).data as { results: unknown[] }).results,
		).toHaveLength(2);
	});

	it('logs each /omni request: method, url, headers, parsed body, time, drill, status', async () => {
		sandbox.clearRequests();
		sandbox.drill({ kind: 'status', path: '/omni/1/advanced', status: 503 });
		await client.post('/omni/1/advanced', sms(['41793026727']));
		await client.get('/omni/1/reports', { params: { limit: 5 } });
		await admin.get('/requests');
		const [failed, reports] = sandbox.requests();
		expect(sandbox.requests()).toHaveLength(2);
		expect(failed).toMatchObject({
			method: 'POST',
			url: '/omni/1/advanced',
			body: sms(['41793026727']),
			drill: 'status',
			status: 503,
			headers: expect.objectContaining({ authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }),
		});
		expect(failed.time).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
		expect(reports).toMatchObject({
			method: 'GET',
			url: '/omni/1/reports?limit=5',
			path: '/omni/1/reports',
			accountId: 'default',
			status: 200,
		});
		expect(reports.body).toBeUndefined();
	});

	it('reset() clears scenarios, messages, reports, drills, requests, pushes and counts', async () => {
		await client.post('/omni/1/advanced', sms(['41793026727']));
		sandbox.drill({ kind: 'hang', path: '/omni/1/logs' });
		sandbox.reset();
		expect(sandbox.acceptedCount()).toBe(0);
		expect(sandbox.drills()).toEqual([]);
		expect(sandbox.requests()).toEqual([]);
		expect(sandbox.pushes()).toEqual([]);
		expect(sandbox.scenarios()).toEqual([]);
		expect(sandbox.clock.pending()).toBe(0);
		expect((await client.get('/omni/1/logs')).data).toEqual({ results: [] });
	});

	describe('admin API over HTTP', () => {
		it('arms, lists and clears drills; validates them', async () => {
			const armed = await admin.post('/drills', {
				kind: 'status',
				path: '/omni/1/logs',
				status: 503,
				retryAfterSeconds: 2,
				times: 2,
			});
			expect(armed.status).toBe(201);
			expect((await admin.get('/drills')).data).toEqual({
				drills: [
					{
						kind: 'status',
						path: '/omni/1/logs',
						status: 503,
						retryAfterSeconds: 2,
						times: 2,
						remaining: 2,
					},
				],
			});
			const response = await client.get('/omni/1/logs');
			expect([response.status, response.headers['retry-after']]).toEqual([503, '2']);
			expect((await admin.delete('/drills')).status).toBe(204);
			expect((await client.get('/omni/1/logs')).status).toBe(200);

			const invalid = await admin.post('/drills', { kind: 'explode', path: '/omni/1/logs' });
			expect(invalid.status).toBe(400);
			expect(invalid.data).toMatchObject({
				requestError: {
					serviceException: {
						validationErrors: { kind: [expect.stringContaining('must be one of')] },
					},
				},
			});
			expect((await admin.post('/drills', { kind: 'status', path: '/x' })).data).toMatchObject({
				requestError: { serviceException: { validationErrors: { status: ['must not be null'] } } },
			});
		});

		it('moves the clock, settles, reads requests, pushes, counts, messages and accounts, resets', async () => {
			await client.post('/omni/1/advanced', sms(['41793026727']));
			const before = (await admin.get('/clock')).data as {
				now: number;
				manual: boolean;
				pendingTasks: number;
			};
			expect(before.manual).toBe(true);
			expect((await admin.post('/settle')).status).toBe(200);
			const after = (await admin.post('/clock/advance', { ms: 60_000 })).data as {
				now: number;
				pendingTasks: number;
			};
			expect(after.now - before.now).toBe(60_000);
			expect(after.pendingTasks).toBe(0);
			expect((await admin.post('/clock/advance', { ms: -1 })).status).toBe(400);
			expect((await admin.post('/run-all')).status).toBe(200);

			expect((await admin.get('/accepted')).data).toEqual({
				total: 1,
				byAccount: { default: 1, second: 0 },
			});
			expect(
				((await admin.get('/requests')).data as { requests: unknown[] }).requests.length,
			).toBeGreaterThan(0);
			expect((await admin.get('/pushes')).data).toEqual({ pushes: [] });
			const messages = (await admin.get('/messages', { params: { accountId: 'default' } }))
				.data as {
				messages: Array<{ attempts: Array<{ status: { name: string } }> }>;
			};
			expect(messages.messages[0].attempts.map((attempt) => attempt.status.name)).toEqual([
				'DELIVERED_TO_HANDSET',
			]);
			const accounts = (await admin.get('/accounts')).data as {
				accounts: Array<{ username: string; acceptedCount: number }>;
			};
			expect(accounts.accounts[0]).toMatchObject({ username: 'Aladdin', acceptedCount: 1 });
			expect((await admin.put('/latency', { ms: 0 })).data).toEqual({ latencyMs: 0 });
			expect((await admin.get('/health')).data).toEqual({ status: 'ok' });

			expect((await admin.post('/reset')).status).toBe(204);
			expect((await admin.get('/accepted')).data).toEqual({
				total: 0,
				byAccount: { default: 0, second: 0 },
			});
		});

		it('is not itself logged nor affected by drills', async () => {
			sandbox.clearRequests();
			sandbox.drill({ kind: 'status', path: '*', status: 500 });
			expect((await admin.get('/health')).status).toBe(200);
			expect(sandbox.requests()).toEqual([]);
			expect(sandbox.drills()).toHaveLength(1);
		});
	});
});
