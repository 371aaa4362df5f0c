import type { AxiosInstance } from 'axios';

import {
	DELIVERY_TIMINGS,
	MESSENGER_USER_PSIDS,
	NO_CHAT_APP_NUMBERS,
	NUMBER_RULES,
	type Sandbox,
	startSandbox,
	UNKNOWN_MESSENGER_PSID,
} from '../../sandbox';
import { clientFor } from './support';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Report {
	event: string;
	channel: string;
	sender: string;
	destination: string;
	sentAt: string;
	doneAt: string;
	bulkId: string;
	messageId: string;
	callbackData?: string;
	messageCount: number;
	status: { groupName: string; name: string };
	error: { name: string };
	platform?: { entityId?: string; applicationId?: string };
	mccMnc?: number;
	campaignReferenceId?: string;
}

/** A main step and one failover step, each with its own address. */
const chain = (
	main: { channel: string; to: string },
	fallback: { channel: string; to: string },
	extra: Record<string, unknown> = {},
	messageId = 'm-1',
) => ({
	channel: main.channel,
	sender: `${main.channel}-sender`,
	destinations: [{ messageId, byChannel: [main, fallback] }],
	content: { body: { type: 'TEXT', text: 'main text' } },
	failover: [
		{
			channel: fallback.channel,
			sender: 'InfoSMS',
			content: { body: { type: 'TEXT', text: 'sms text' } },
		},
	],
	...extra,
});

describe('sandbox: Messages API failover, delivery reports and GET /messages-api/1/reports', () => {
	let sandbox: Sandbox;
	let client: AxiosInstance;
	let t0: number;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true, start: START } });
		client = clientFor(sandbox);
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => {
		sandbox.reset();
		t0 = sandbox.clock.now();
	});

	const send = async (messages: unknown[], options?: Record<string, unknown>) => {
		const answer = await client.post('/messages-api/1/messages', {
			messages,
			...(options ? { options } : {}),
		});
		expect(answer.status).toBe(200);
		return answer.data as {
			bulkId: string;
			messages: Array<{ messageId: string; status: { name: string } }>;
		};
	};
	const reports = async (query = '') => {
		const answer = await client.get(`/messages-api/1/reports${query}`);
		expect(answer.status).toBe(200);
		return (answer.data as { results: Report[] }).results;
	};
	const at = (ms: number) => new Date(t0 + ms).toISOString().replace('Z', '+0000');

	const outcomes: Array<
		[string, { channel: string; to: string }, { channel: string; to: string }, string[]]
	> = [
		[
			'MESSENGER to a known PSID delivers; SMS is not tried',
			{ channel: 'MESSENGER', to: MESSENGER_USER_PSIDS[0] },
			{ channel: 'SMS', to: '41793026727' },
			['MESSENGER:DELIVERED_TO_HANDSET'],
		],
		[
			'MESSENGER to an unknown PSID fails; SMS delivers (final report only)',
			{ channel: 'MESSENGER', to: UNKNOWN_MESSENGER_PSID },
			{ channel: 'SMS', to: '41793026727' },
			['SMS:DELIVERED_TO_HANDSET'],
		],
		[
			'WHATSAPP to a number without WhatsApp fails; SMS delivers',
			{ channel: 'WHATSAPP', to: NO_CHAT_APP_NUMBERS.example },
			{ channel: 'SMS', to: NO_CHAT_APP_NUMBERS.example },
			['SMS:DELIVERED_TO_HANDSET'],
		],
		[
			'WHATSAPP delivers to an ordinary number',
			{ channel: 'WHATSAPP', to: NUMBER_RULES.DELIVERED.example },
			{ channel: 'SMS', to: NUMBER_RULES.DELIVERED.example },
			['WHATSAPP:DELIVERED_TO_HANDSET'],
		],
		[
			'UNDELIVERABLE numbers fail on both steps: the last failure is reported',
			{ channel: 'WHATSAPP', to: NUMBER_RULES.UNDELIVERABLE.example },
			{ channel: 'SMS', to: NUMBER_RULES.UNDELIVERABLE.example },
			['SMS:UNDELIVERABLE_NOT_DELIVERED'],
		],
		[
			'REJECTED numbers are rejected on both steps',
			{ channel: 'WHATSAPP', to: NUMBER_RULES.REJECTED.example },
			{ channel: 'SMS', to: NUMBER_RULES.REJECTED.example },
			['SMS:REJECTED_NETWORK'],
		],
		[
			'a phone channel with a non-number address is REJECTED_DESTINATION',
			{ channel: 'MESSENGER', to: UNKNOWN_MESSENGER_PSID },
			{ channel: 'SMS', to: 'not-a-number' },
			['SMS:REJECTED_DESTINATION'],
		],
	];

	it.each(outcomes)('%s', async (_name, main, fallback, expected) => {
		const answer = await send([chain(main, fallback)], {
			messageOrdering: { stopOnFailure: false },
		});
		expect(answer.messages.map((m) => m.status.name)).toEqual(['MESSAGE_ACCEPTED']);
		await sandbox.advance(2 * DELIVERY_TIMINGS.deliveredAfterMs);
		const got = await reports();
		expect(got.map((r) => `${r.channel}:${r.status.name}`)).toEqual(expected);
		// Reports are handed out once.
		expect(await reports()).toEqual([]);
	});

	it('reports the spec fields: event, sender, destination, dates, bulkId, callbackData, platform, campaign', async () => {
		const answer = await send(
			[
				chain(
					{ channel: 'MESSENGER', to: UNKNOWN_MESSENGER_PSID },
					{ channel: 'SMS', to: '41793026727' },
					{
						webhooks: { callbackData: 'cb-1' },
						options: {
							platform: { entityId: 'ent', applicationId: 'app' },
							campaignReferenceId: 'camp-1',
						},
					},
				),
			],
			{ schedule: { bulkId: 'bulk-1' } },
		);
		expect(answer.bulkId).toBe('bulk-1');
		await sandbox.advance(5_000);
		expect(await reports()).toEqual([
			{
				event: 'DELIVERY',
				channel: 'SMS',
				sender: 'InfoSMS',
				destination: '41793026727',
				sentAt: at(1_000),
				doneAt: at(2_000),
				bulkId: 'bulk-1',
				messageId: 'm-1',
				callbackData: 'cb-1',
				messageCount: 1,
				status: {
					groupId: 3,
					groupName: 'DELIVERED',
					id: 5,
					name: 'DELIVERED_TO_HANDSET',
					description: 'Message delivered to handset',
				},
				error: {
					groupId: 0,
					groupName: 'OK',
					id: 0,
					name: 'NO_ERROR',
					description: 'No Error',
					permanent: false,
				},
				platform: { entityId: 'ent', applicationId: 'app' },
				mccMnc: 22801,
				campaignReferenceId: 'camp-1',
			},
		]);
	});

	it('receiveTriggeredFailoverReports reports every triggered step', async () => {
		await send([
			chain(
				{ channel: 'MESSENGER', to: UNKNOWN_MESSENGER_PSID },
				{ channel: 'SMS', to: '41793026727' },
				{ webhooks: { delivery: { receiveTriggeredFailoverReports: true } } },
			),
		]);
		await sandbox.advance(5_000);
		const got = await reports();
		expect(got.map((r) => [r.channel, r.destination, r.status.name, r.error.name])).toEqual([
			[
				'MESSENGER',
				UNKNOWN_MESSENGER_PSID,
				'UNDELIVERABLE_NOT_DELIVERED',
				'EC_ABSENT_SUBSCRIBER_SM',
			],
			['SMS', '41793026727', 'DELIVERED_TO_HANDSET', 'NO_ERROR'],
		]);
		expect(got.every((r) => r.messageId === 'm-1')).toBe(true);
		expect(got[0].mccMnc).toBeUndefined();
	});

	it("honours each step's validity period on the clock (EXPIRED, then failover)", async () => {
		await send([
			chain(
				{ channel: 'WHATSAPP', to: NUMBER_RULES.EXPIRED.example },
				{ channel: 'SMS', to: NUMBER_RULES.SLOW.example },
				{
					options: { validityPeriod: { amount: 30, timeUnit: 'SECONDS' } },
					failover: [
						{
							channel: 'SMS',
							sender: 'InfoSMS',
							validityPeriod: { amount: 2, timeUnit: 'MINUTES' },
						},
					],
					webhooks: { delivery: { receiveTriggeredFailoverReports: true } },
				},
			),
		]);
		await sandbox.advance(29_000);
		expect(await reports()).toEqual([]);
		await sandbox.advance(1_000);
		const first = await reports();
		expect(first.map((r) => [r.channel, r.status.name, r.doneAt])).toEqual([
			['WHATSAPP', 'EXPIRED_EXPIRED', at(30_000)],
		]);
		// SLOW would deliver after 5 minutes; the SMS step's own 2 minutes end first.
		await sandbox.advance(2 * MINUTE);
		expect((await reports()).map((r) => [r.channel, r.status.name, r.doneAt])).toEqual([
			['SMS', 'EXPIRED_EXPIRED', at(30_000 + 2 * MINUTE)],
		]);
	});

	it('a failover step without content reuses the main content; validity over 48 h is capped', async () => {
		await send([
			chain(
				{ channel: 'WHATSAPP', to: NUMBER_RULES.EXPIRED.example },
				{ channel: 'SMS', to: NUMBER_RULES.EXPIRED.example },
				{
					options: { validityPeriod: { amount: 100, timeUnit: 'HOURS' } },
					failover: [{ channel: 'SMS' }],
				},
			),
		]);
		await sandbox.advance(48 * HOUR);
		const record = sandbox.messagesApi.messages()[0];
		expect(record.steps.map((step) => [step.channel, step.validityMs, step.content])).toEqual([
			['WHATSAPP', 48 * HOUR, { body: { type: 'TEXT', text: 'main text' } }],
			['SMS', 48 * HOUR, { body: { type: 'TEXT', text: 'main text' } }],
		]);
		await sandbox.advance(48 * HOUR);
		expect((await reports()).map((r) => r.status.name)).toEqual(['EXPIRED_EXPIRED']);
	});

	it('filters reports by channel, bulkId, messageId, entityId, applicationId, campaignReferenceId and limit', async () => {
		const message = (id: string, to: string, extra: Record<string, unknown> = {}) => ({
			channel: 'SMS',
			sender: 'InfoSMS',
			destinations: [{ to, messageId: id }],
			content: { body: { type: 'TEXT', text: 'x' } },
			...extra,
		});
		await send(
			[
				message('a', '41793026701', { options: { platform: { entityId: 'e1' } } }),
				message('b', '41793026702', { options: { platform: { applicationId: 'p1' } } }),
				message('c', '41793026703', { options: { campaignReferenceId: 'c1' } }),
				{ ...message('d', '41793026704'), channel: 'VIBER_BOT' },
			],
			{ schedule: { bulkId: 'bulk-a' } },
		);
		await send([message('e', '41793026705')], { schedule: { bulkId: 'bulk-b' } });
		await sandbox.advance(2_000);
		const ids = (results: Report[]) => results.map((r) => r.messageId);
		expect(ids(await reports('?entityId=e1'))).toEqual(['a']);
		expect(ids(await reports('?applicationId=p1'))).toEqual(['b']);
		expect(ids(await reports('?campaignReferenceId=c1'))).toEqual(['c']);
		expect(ids(await reports('?channel=VIBER_BOT'))).toEqual(['d']);
		expect(ids(await reports('?bulkId=bulk-b'))).toEqual(['e']);
		await send([message('f', '41793026706'), message('g', '41793026707')]);
		await sandbox.advance(2_000);
		expect(ids(await reports('?messageId=g'))).toEqual(['g']);
		expect(ids(await reports('?limit=1'))).toEqual(['f']);
		expect(await reports()).toEqual([]);
		const bad = await client.get('/messages-api/1/reports?limit=1001');
		expect([bad.status, bad.data]).toMatchObject([
			400,
			{
				errorCode: 'E400',
				violations: [{ property: 'limit', violation: 'must be less than or equal to 1000' }],
			},
		]);
	});

	it('keeps reports for 48 hours only, and apart from OMNI reports', async () => {
		await send([
			chain(
				{ channel: 'MESSENGER', to: MESSENGER_USER_PSIDS[1] },
				{ channel: 'SMS', to: '41793026727' },
			),
		]);
		await sandbox.advance(2_000);
		expect((await client.get('/omni/1/reports')).data).toEqual({ results: [] });
		expect(sandbox.messagesApi.pendingReports()).toHaveLength(1);
		await sandbox.advance(48 * HOUR + 1);
		expect(await reports()).toEqual([]);
	});

	it('refuses a messageId already used on the account (REJECTED_DUPLICATE_MESSAGE_ID, not accepted)', async () => {
		const message = chain(
			{ channel: 'MESSENGER', to: MESSENGER_USER_PSIDS[0] },
			{ channel: 'SMS', to: '41793026727' },
		);
		await send([message]);
		const again = await send([message]);
		expect(again.messages.map((m) => m.status.name)).toEqual(['REJECTED_DUPLICATE_MESSAGE_ID']);
		expect(sandbox.messagesApi.acceptedCount()).toBe(1);
	});

	describe('options.messageOrdering.stopOnFailure', () => {
		const sms = (id: string, to: string) => ({
			channel: 'SMS',
			sender: 'InfoSMS',
			destinations: [{ to, messageId: id }],
			content: { body: { type: 'TEXT', text: 'x' } },
		});
		const batch = [
			sms('ok-1', '41793026727'),
			sms('bad', NUMBER_RULES.REJECTED.example),
			sms('ok-2', '41793026728'),
		];

		it('true (the default): a rejected message stops the rest, which are answered and reported NOT_SENT', async () => {
			const answer = await send(batch);
			expect(answer.messages.map((m) => [m.messageId, m.status.name])).toEqual([
				['ok-1', 'MESSAGE_ACCEPTED'],
				['bad', 'MESSAGE_ACCEPTED'],
				['ok-2', 'UNDELIVERABLE_NOT_SENT'],
			]);
			await sandbox.advance(2_000);
			expect((await reports()).map((r) => [r.messageId, r.status.name]).sort()).toEqual([
				['bad', 'REJECTED_NETWORK'],
				['ok-1', 'DELIVERED_TO_HANDSET'],
				['ok-2', 'UNDELIVERABLE_NOT_SENT'],
			]);
		});

		it('false: the rest go on', async () => {
			const answer = await send(batch, { messageOrdering: { stopOnFailure: false } });
			expect(answer.messages.map((m) => m.status.name)).toEqual([
				'MESSAGE_ACCEPTED',
				'MESSAGE_ACCEPTED',
				'MESSAGE_ACCEPTED',
			]);
			await sandbox.advance(2_000);
			expect((await reports()).map((r) => [r.messageId, r.status.name]).sort()).toEqual([
				['bad', 'REJECTED_NETWORK'],
				['ok-1', 'DELIVERED_TO_HANDSET'],
				['ok-2', 'DELIVERED_TO_HANDSET'],
			]);
		});

		it('a failover that can still deliver does not count as a failure', async () => {
			const answer = await send([
				chain(
					{ channel: 'WHATSAPP', to: NUMBER_RULES.REJECTED.example },
					{ channel: 'SMS', to: '41793026727' },
				),
				sms('after', '41793026728'),
			]);
			expect(answer.messages.map((m) => m.status.name)).toEqual([
				'MESSAGE_ACCEPTED',
				'MESSAGE_ACCEPTED',
			]);
		});
	});

	it('sendAt schedules the first step', async () => {
		await send(
			[
				chain(
					{ channel: 'MESSENGER', to: MESSENGER_USER_PSIDS[0] },
					{ channel: 'SMS', to: '41793026727' },
				),
			],
			{
				schedule: { sendAt: at(HOUR) },
			},
		);
		await sandbox.advance(HOUR);
		expect(await reports()).toEqual([]);
		await sandbox.advance(1_000);
		expect((await reports()).map((r) => [r.status.name, r.sentAt])).toEqual([
			['DELIVERED_TO_HANDSET', at(HOUR)],
		]);
	});
});
