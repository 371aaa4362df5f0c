import {
	DEFAULT_ACCOUNT,
	type Sandbox,
	SECOND_ACCOUNT,
	startSandbox,
	THROTTLE_LIMITS,
} from '../../sandbox';
import { SEED_CREATE_SCENARIO, SEED_SCENARIO } from '../fixtures/seed';
import { clientFor } from './support';

interface ScenarioBody {
	key: string;
	name?: string;
	flow: Array<{ from: string; channel: string }>;
	default: boolean;
}

const smsOnly = (name: string, isDefault = false) => ({
	name,
	flow: [{ from: 'InfoSMS', channel: 'SMS' }],
	default: isDefault,
});

describe('sandbox: authentication and scenarios', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true } });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	describe('authentication', () => {
		it.each([
			['Basic', 'Basic'],
			['App key', 'App'],
		] as const)('accepts %s', async (_name, scheme) => {
			const response = await clientFor(sandbox, DEFAULT_ACCOUNT, scheme).get('/omni/1/scenarios');
			expect(response.status).toBe(200);
		});

		it.each([
			['no header', {}],
			[
				'a wrong password',
				{ Authorization: `Basic ${Buffer.from('Aladdin:open sesam').toString('base64')}` },
			],
			['an unknown API key', { Authorization: 'App not-a-key' }],
			['an unsupported scheme', { Authorization: 'Bearer sandbox-api-key' }],
			['a malformed header', { Authorization: 'Basic' }],
		])('answers 401 with the legacy envelope for %s', async (_name, headers) => {
			const response = await clientFor(sandbox, null).get('/omni/1/scenarios', { headers });
			expect(response.status).toBe(401);
			expect(response.data).toEqual({
				requestError: {
					serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' },
				},
			});
		});
	});

	it('creates, gets, lists and fully replaces a scenario', async () => {
		const client = clientFor(sandbox);
		const created = (await client.post('/omni/1/scenarios', SEED_CREATE_SCENARIO))
			.data as ScenarioBody;
		expect((await client.get(`/omni/1/scenarios/${created.key}`)).data).toEqual(created);

		const replaced = await client.put(`/omni/1/scenarios/${created.key}`, {
			flow: [{ from: 'info@example.com', channel: 'EMAIL' }],
		});
		expect(replaced.status).toBe(200);
		// Full replacement: the name is gone and default falls back to false.
		expect(replaced.data).toEqual({
			key: created.key,
			flow: [{ from: 'info@example.com', channel: 'EMAIL' }],
			default: false,
		});
		expect((await client.get('/omni/1/scenarios')).data).toEqual({ scenarios: [replaced.data] });
	});

	it('accepts a scenario read with GET and PUT back unchanged (key ignored)', async () => {
		const client = clientFor(sandbox);
		const created = (await client.post('/omni/1/scenarios', SEED_CREATE_SCENARIO))
			.data as ScenarioBody;
		const response = await client.put(`/omni/1/scenarios/${created.key}`, created);
		expect(response.status).toBe(200);
		expect(response.data).toEqual(created);
	});

	it('answers 404 with the legacy envelope for an unknown key (GET and PUT)', async () => {
		const client = clientFor(sandbox);
		const envelope = {
			requestError: { serviceException: { messageId: 'NOT_FOUND', text: 'Scenario not found' } },
		};
		const get = await client.get('/omni/1/scenarios/0123456789ABCDEF0123456789ABCDEF');
		expect([get.status, get.data]).toEqual([404, envelope]);
		const put = await client.put(
			'/omni/1/scenarios/0123456789ABCDEF0123456789ABCDEF',
			smsOnly('x'),
		);
		expect([put.status, put.data]).toEqual([404, envelope]);
	});

	it('keeps one default scenario per account', async () => {
		const client = clientFor(sandbox);
		const first = (await client.post('/omni/1/scenarios', smsOnly('first', true)))
			.data as ScenarioBody;
		const second = (await client.post('/omni/1/scenarios', smsOnly('second', true)))
			.data as ScenarioBody;
		const defaults = async () =>
			(
				(await client.get('/omni/1/scenarios', { params: { isDefault: true } })).data as {
					scenarios: ScenarioBody[];
				}
			).scenarios.map((scenario) => scenario.key);
		expect(await defaults()).toEqual([second.key]);
		await client.put(`/omni/1/scenarios/${first.key}`, smsOnly('first again', true));
		expect(await defaults()).toEqual([first.key]);
		const nonDefault = await client.get('/omni/1/scenarios', { params: { isDefault: false } });
		expect((nonDefault.data as { scenarios: ScenarioBody[] }).scenarios.map((s) => s.key)).toEqual([
			second.key,
		]);
	});

	it('pages the list with page and limit', async () => {
		const client = clientFor(sandbox);
		for (const name of ['a', 'b', 'c', 'd', 'e'])
			await client.post('/omni/1/scenarios', smsOnly(name));
		const page = async (params: Record<string, number>) =>
			(
				(await client.get('/omni/1/scenarios', { params })).data as { scenarios: ScenarioBody[] }
			).scenarios.map((scenario) => scenario.name);
		expect(await page({ limit: 2 })).toEqual(['a', 'b']);
		expect(await page({ limit: 2, page: 1 })).toEqual(['c', 'd']);
		expect(await page({ limit: 2, page: 2 })).toEqual(['e']);
		expect(await page({})).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('isolates accounts: scenarios, default scenario and sends', async () => {
		const first = clientFor(sandbox, DEFAULT_ACCOUNT);
		const second = clientFor(sandbox, SECOND_ACCOUNT, 'App');
		const created = (await first.post('/omni/1/scenarios', SEED_CREATE_SCENARIO))
			.data as ScenarioBody;
		expect((await second.get('/omni/1/scenarios')).data).toEqual({ scenarios: [] });
		expect((await second.get(`/omni/1/scenarios/${created.key}`)).status).toBe(404);
		const send = await second.post('/omni/1/advanced', {
			destinations: [{ to: { phoneNumber: '41793026727' } }],
			sms: { text: 'hi' },
		});
		expect(send.status).toBe(400);
		expect(send.data).toMatchObject({
			requestError: {
				serviceException: {
					validationErrors: {
						scenarioKey: ['must not be null: the account has no default scenario'],
					},
				},
			},
		});
	});

	it('loads scenario fixtures with fixed keys, again after reset', async () => {
		const withFixture = await startSandbox({
			clock: { manual: true },
			scenarios: [{ key: SEED_SCENARIO, ...SEED_CREATE_SCENARIO }],
		});
		try {
			const client = clientFor(withFixture);
			const get = () => client.get(`/omni/1/scenarios/${SEED_SCENARIO}`);
			expect((await get()).status).toBe(200);
			withFixture.reset();
			expect((await get()).data).toMatchObject({ default: true, name: SEED_CREATE_SCENARIO.name });
		} finally {
			await withFixture.close();
		}
	});

	it('throttles create (20 per 10 min) and update (40 per 10 min) only when switched on', async () => {
		const client = clientFor(sandbox);
		for (let index = 0; index < 25; index++) {
			expect((await client.post('/omni/1/scenarios', smsOnly(`n${index}`))).status).toBe(200);
		}

		const throttled = await startSandbox({ clock: { manual: true }, throttling: true });
		try {
			const throttledClient = clientFor(throttled);
			const statuses: number[] = [];
			let key = '';
			for (let index = 0; index <= THROTTLE_LIMITS.createScenario.requests; index++) {
				const response = await throttledClient.post('/omni/1/scenarios', smsOnly(`n${index}`));
				statuses.push(response.status);
				key ||= (response.data as ScenarioBody).key;
			}
			expect(statuses.filter((status) => status === 200)).toHaveLength(20);
			expect(statuses[20]).toBe(429);
			const tooMany = await throttledClient.post('/omni/1/scenarios', smsOnly('late'));
			expect(tooMany.data).toEqual({
				requestError: {
					serviceException: { messageId: 'TOO_MANY_REQUESTS', text: 'Too many requests' },
				},
			});
			// Other accounts have their own budget.
			expect(
				(await clientFor(throttled, SECOND_ACCOUNT).post('/omni/1/scenarios', smsOnly('b'))).status,
			).toBe(200);
			// The window slides on the sandbox clock.
			await throttled.advance(THROTTLE_LIMITS.createScenario.windowMs);
			expect((await throttledClient.post('/omni/1/scenarios', smsOnly('later'))).status).toBe(200);

			const updates: number[] = [];
			for (let index = 0; index <= THROTTLE_LIMITS.updateScenario.requests; index++) {
				updates.push(
					(await throttledClient.put(`/omni/1/scenarios/${key}`, smsOnly(`u${index}`))).status,
				);
			}
			expect(updates.filter((status) => status === 200)).toHaveLength(40);
			expect(updates[40]).toBe(429);
		} finally {
			await throttled.close();
		}
	});
});
