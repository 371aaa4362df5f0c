import axios from 'axios';

import { type Sandbox, startSandbox } from '../../sandbox';
import {
	INFOBIP_DATE,
	SEED_ACCEPTED_STATUS,
	SEED_CREATE_SCENARIO,
	SEED_FACEBOOK_REPORT,
	SEED_SEND_RICH,
	SEED_SEND_TEXT,
	SEED_SEND_USER_KEY,
	SEED_SMS_REPORT,
} from '../fixtures/seed';
import { SEED_BASIC_HEADER } from './support';

describe('sandbox: the seed exchanges', () => {
	let sandbox: Sandbox;
	const seedHeaders = { Authorization: SEED_BASIC_HEADER, 'Content-Type': 'application/json' };
	const post = (path: string, body: unknown) =>
		axios.post(`${sandbox.baseUrl}${path}`, body, {
			headers: seedHeaders,
			validateStatus: () => true,
		});
	const get = (path: string) =>
		axios.get(`${sandbox.baseUrl}${path}`, {
			headers: { Authorization: SEED_BASIC_HEADER, Accept: 'application/json' },
			validateStatus: () => true,
		});
	const createSeedScenario = async (): Promise<string> => {
		const created = await post('/omni/1/scenarios', SEED_CREATE_SCENARIO);
		return (created.data as { key: string }).key;
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true } });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	it('1. creates the scenario: 200 with a 32-hex key and the flow as sent', async () => {
		const response = await post('/omni/1/scenarios', SEED_CREATE_SCENARIO);
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			key: expect.stringMatching(/^[0-9A-F]{32}$/),
			...SEED_CREATE_SCENARIO,
		});
	});

	it('answers 401 with the legacy envelope without authorization', async () => {
		const response = await axios.post(`${sandbox.baseUrl}/omni/1/scenarios`, SEED_CREATE_SCENARIO, {
			validateStatus: () => true,
		});
		expect(response.status).toBe(401);
		expect(response.data).toEqual({
			requestError: {
				serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' },
			},
		});
	});

	it.each([
		['2a. text', SEED_SEND_TEXT],
		['2b. facebookUserKey', SEED_SEND_USER_KEY],
		['2c. rich media', SEED_SEND_RICH],
	])(
		'%s send: exactly the seed response shape (with the created scenario key)',
		async (_name, seedBody) => {
			const key = await createSeedScenario();
			const response = await post('/omni/1/advanced', { ...seedBody, scenarioKey: key });
			expect(response.status).toBe(200);
			expect(response.data).toEqual({
				messages: [
					{
						to: seedBody.destinations[0].to,
						status: SEED_ACCEPTED_STATUS,
						messageId: expect.any(String),
					},
				],
			});
		},
	);

	it.each([
		['2a. text', SEED_SEND_TEXT],
		['2b. facebookUserKey', SEED_SEND_USER_KEY],
		['2c. rich media', SEED_SEND_RICH],
	])('%s send without scenarioKey uses the default scenario', async (_name, seedBody) => {
		await createSeedScenario();
		const { scenarioKey: _unused, ...withoutKey } = seedBody;
		expect(_unused).toBeDefined();
		const response = await post('/omni/1/advanced', withoutKey);
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			messages: [
				{
					to: seedBody.destinations[0].to,
					status: SEED_ACCEPTED_STATUS,
					messageId: expect.any(String),
				},
			],
		});
	});

	it("the seed's own scenarioKey (never created here) is a 400 naming scenarioKey", async () => {
		await createSeedScenario();
		const response = await post('/omni/1/advanced', SEED_SEND_TEXT);
		expect(response.status).toBe(400);
		expect(response.data).toEqual({
			requestError: {
				serviceException: {
					messageId: 'BAD_REQUEST',
					text: 'Bad request',
					validationErrors: { scenarioKey: ['scenario not found'] },
				},
			},
		});
	});

	it('3. reports: FACEBOOK fails like the seed, SMS delivers, each report once', async () => {
		const key = await createSeedScenario();
		const sent = await post('/omni/1/advanced', { ...SEED_SEND_TEXT, scenarioKey: key });
		const messageId = (sent.data as { messages: Array<{ messageId: string }> }).messages[0]
			.messageId;
		await sandbox.advance(5_000);

		const response = await get('/omni/1/reports');
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			results: [
				{
					...SEED_FACEBOOK_REPORT,
					messageId,
					to: '41793026727',
					sentAt: expect.stringMatching(INFOBIP_DATE),
					doneAt: expect.stringMatching(INFOBIP_DATE),
				},
				{
					...SEED_SMS_REPORT,
					messageId,
					to: '41793026727',
					sentAt: expect.stringMatching(INFOBIP_DATE),
					doneAt: expect.stringMatching(INFOBIP_DATE),
				},
			],
		});
		expect((await get('/omni/1/reports')).data).toEqual({ results: [] });
	});

	it('3. reports after the facebookUserKey send: FACEBOOK delivers, no SMS step', async () => {
		const key = await createSeedScenario();
		await post('/omni/1/advanced', { ...SEED_SEND_USER_KEY, scenarioKey: key });
		await sandbox.advance(5_000);
		const { results } = (await get('/omni/1/reports')).data as {
			results: Array<Record<string, unknown>>;
		};
		expect(results).toHaveLength(1);
		expect(results[0]).toMatchObject({
			channel: 'FACEBOOK',
			to: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
			status: SEED_SMS_REPORT.status,
			error: SEED_SMS_REPORT.error,
		});
	});

	it('3. reports after the rich media send: FACEBOOK fails, SMS delivers', async () => {
		const key = await createSeedScenario();
		await post('/omni/1/advanced', { ...SEED_SEND_RICH, scenarioKey: key });
		await sandbox.advance(5_000);
		const { results } = (await get('/omni/1/reports')).data as {
			results: Array<Record<string, unknown>>;
		};
		expect(
			results.map((report) => [report.channel, (report.status as { groupName: string }).groupName]),
		).toEqual([
			['FACEBOOK', 'UNDELIVERABLE'],
			['SMS', 'DELIVERED'],
		]);
	});
});
