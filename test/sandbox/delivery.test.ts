import type { AxiosInstance } from 'axios';

import {
	DEFAULT_ACCOUNT,
	DELIVERY_TIMINGS,
	FACEBOOK_USER_NUMBERS,
	formatInfobipDate,
	LOG_WINDOW_MS,
	NUMBER_RULES,
	numberOutcome,
	type Sandbox,
	SECOND_ACCOUNT,
	startSandbox,
} from '../../sandbox';
import { clientFor } from './support';

interface Report {
	bulkId?: string;
	messageId: string;
	to: string;
	sentAt: string;
	doneAt: string;
	price: { pricePerMessage: number; currency: string };
	status: { groupName: string; name: string; id: number; groupId: number };
	error: { name: string; permanent: boolean };
	channel: string;
	callbackData?: string;
}
interface Log {
	bulkId?: string;
	messageId: string;
	to: string;
	from: string;
	text?: string;
	sentAt: string;
	doneAt?: string;
	status: { groupName: string; name: string };
	channel: string;
	mccMnc?: string;
}
interface SendAnswer {
	bulkId?: string;
	messages: Array<{
		messageId: string;
		status: { name: string; groupName: string; groupId: number; id: number };
	}>;
}

const START = Date.parse('2026-03-01T12:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('sandbox: delivery simulation, reports and logs', () => {
	let sandbox: Sandbox;
	let client: AxiosInstance;
	/** Clock time at the start of each test (the clock keeps running across resets). */
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

	const scenario = async (channels: string[], isDefault = true): Promise<string> => {
		const flow = channels.map((channel) => ({ channel, from: `${channel.toLowerCase()}-sender` }));
		const response = await client.post('/omni/1/scenarios', { flow, default: isDefault });
		return (response.data as { key: string }).key;
	};
	const send = async (body: Record<string, unknown>, on = client): Promise<SendAnswer> => {
		const response = await on.post('/omni/1/advanced', body);
		expect(response.status).toBe(200);
		return response.data as SendAnswer;
	};
	const reports = async (params: Record<string, unknown> = {}, on = client): Promise<Report[]> =>
		((await on.get('/omni/1/reports', { params })).data as { results: Report[] }).results;
	const logs = async (params: Record<string, unknown> = {}): Promise<Log[]> => {
		const response = await client.get('/omni/1/logs', {
			params,
			paramsSerializer: { indexes: null },
		});
		expect(response.status).toBe(200);
		return (response.data as { results: Log[] }).results;
	};
	const summary = (list: Report[]) =>
		list.map((report) => [report.channel, report.status.name, report.error.name]);
	const toPhone = (phoneNumber: string) => [{ to: { phoneNumber } }];
	const texts = {
		facebook: { text: 'fb' },
		sms: { text: 'sms' },
		email: { text: 'mail', subject: 's' },
	};

	describe('FACEBOOK steps', () => {
		it('deliver to a facebookUserKey', async () => {
			await scenario(['FACEBOOK', 'SMS']);
			await send({ destinations: [{ to: { facebookUserKey: 'fb-user-1' } }], ...texts });
			await sandbox.advance(DELIVERY_TIMINGS.deliveredAfterMs);
			const [report, ...rest] = await reports();
			expect(rest).toEqual([]);
			expect(report).toMatchObject({
				channel: 'FACEBOOK',
				to: 'fb-user-1',
				status: { name: 'DELIVERED_TO_HANDSET' },
			});
		});

		it('deliver to a phone number known as a Facebook user', async () => {
			await scenario(['FACEBOOK', 'SMS']);
			await send({ destinations: toPhone(FACEBOOK_USER_NUMBERS[0]), ...texts });
			await sandbox.advance(5_000);
			expect(summary(await reports())).toEqual([['FACEBOOK', 'DELIVERED_TO_HANDSET', 'NO_ERROR']]);
		});

		it('fail like the seed for other numbers, and SMS takes over one step later', async () => {
			await scenario(['FACEBOOK', 'SMS']);
			const answer = await send({ destinations: toPhone('41793026727'), ...texts });
			await sandbox.advance(10_000);
			const list = await reports();
			expect(summary(list)).toEqual([
				['FACEBOOK', 'UNDELIVERABLE_NOT_DELIVERED', 'EC_ABSENT_SUBSCRIBER_SM'],
				['SMS', 'DELIVERED_TO_HANDSET', 'NO_ERROR'],
			]);
			expect(list.map((report) => report.messageId)).toEqual([
				answer.messages[0].messageId,
				answer.messages[0].messageId,
			]);
			expect(list.map((report) => [report.sentAt, report.doneAt])).toEqual([
				[formatInfobipDate(t0), formatInfobipDate(t0 + DELIVERY_TIMINGS.failedAfterMs)],
				[
					formatInfobipDate(t0 + DELIVERY_TIMINGS.failedAfterMs),
					formatInfobipDate(
						t0 + DELIVERY_TIMINGS.failedAfterMs + DELIVERY_TIMINGS.deliveredAfterMs,
					),
				],
			]);
		});
	});

	describe('number ranges produce every status group on purpose', () => {
		it('documents its ranges as constants', () => {
			for (const rule of Object.values(NUMBER_RULES))
				expect(numberOutcome(rule.example)).toBe(rule.outcome);
		});

		it.each([
			[
				'UNDELIVERABLE',
				NUMBER_RULES.UNDELIVERABLE.example,
				'UNDELIVERABLE_NOT_DELIVERED',
				'EC_UNKNOWN_SUBSCRIBER',
				1_000,
			],
			['REJECTED', NUMBER_RULES.REJECTED.example, 'REJECTED_NETWORK', 'NO_ERROR', 0],
			['EXPIRED', NUMBER_RULES.EXPIRED.example, 'EXPIRED_EXPIRED', 'EC_MESSAGE_EXPIRED', 48 * HOUR],
			[
				'DELIVERED (slowly)',
				NUMBER_RULES.SLOW.example,
				'DELIVERED_TO_HANDSET',
				'NO_ERROR',
				5 * MINUTE,
			],
			['DELIVERED', NUMBER_RULES.DELIVERED.example, 'DELIVERED_TO_HANDSET', 'NO_ERROR', 1_000],
		])('%s', async (_group, phoneNumber, statusName, errorName, afterMs) => {
			await scenario(['SMS']);
			await send({ destinations: toPhone(phoneNumber), sms: { text: 'x' } });
			if (afterMs > 0) {
				await sandbox.advance(afterMs - 1);
				expect(await reports()).toEqual([]);
			}
			await sandbox.advance(1);
			expect(summary(await reports())).toEqual([['SMS', statusName, errorName]]);
		});

		it('PENDING: a step in progress shows as PENDING in the logs', async () => {
			await scenario(['SMS']);
			await send({ destinations: toPhone(NUMBER_RULES.SLOW.example), sms: { text: 'x' } });
			await sandbox.settle();
			expect((await logs({ generalStatus: 'PENDING' })).map((log) => log.status.name)).toEqual([
				'PENDING_ENROUTE',
			]);
		});

		it('a rejected step costs nothing and the next step runs', async () => {
			await scenario(['SMS', 'EMAIL']);
			await send({
				destinations: [
					{ to: { phoneNumber: NUMBER_RULES.REJECTED.example, emailAddress: 'a@example.com' } },
				],
				...texts,
			});
			await sandbox.advance(5_000);
			const list = await reports();
			expect(
				list.map((report) => [
					report.channel,
					report.status.groupName,
					report.price.pricePerMessage,
				]),
			).toEqual([
				['SMS', 'REJECTED', 0],
				['EMAIL', 'DELIVERED', 0.001],
			]);
		});
	});

	describe('validity period and sendAt on the sandbox clock', () => {
		it('an expired step moves on to the next step when its validity ends', async () => {
			await scenario(['SMS', 'EMAIL']);
			await send({
				destinations: [
					{ to: { phoneNumber: NUMBER_RULES.EXPIRED.example, emailAddress: 'a@example.com' } },
				],
				sms: { text: 'x', validityPeriod: 2, validityPeriodTimeUnit: 'MINUTES' },
				email: { text: 'y' },
			});
			await sandbox.advance(2 * MINUTE - 1);
			expect(await reports()).toEqual([]);
			await sandbox.advance(1 + DELIVERY_TIMINGS.deliveredAfterMs);
			const list = await reports();
			expect(summary(list)).toEqual([
				['SMS', 'EXPIRED_EXPIRED', 'EC_MESSAGE_EXPIRED'],
				['EMAIL', 'DELIVERED_TO_HANDSET', 'NO_ERROR'],
			]);
			expect(list[0].doneAt).toBe(formatInfobipDate(t0 + 2 * MINUTE));
		});

		it('a slow delivery expires first when the validity is shorter (unit defaults to minutes)', async () => {
			await scenario(['SMS', 'EMAIL']);
			await send({
				destinations: [
					{ to: { phoneNumber: NUMBER_RULES.SLOW.example, emailAddress: 'a@example.com' } },
				],
				sms: { text: 'x', validityPeriod: 1 },
				email: { text: 'y' },
			});
			await sandbox.advance(MINUTE + DELIVERY_TIMINGS.deliveredAfterMs);
			expect(summary(await reports()).map(([channel, status]) => [channel, status])).toEqual([
				['SMS', 'EXPIRED_EXPIRED'],
				['EMAIL', 'DELIVERED_TO_HANDSET'],
			]);
		});

		it('sendAt delays the first step; until then the message is ACCEPTED in the logs', async () => {
			await scenario(['SMS']);
			const sendAt = t0 + 10 * MINUTE;
			await send({
				destinations: toPhone('41793026727'),
				sms: { text: 'later' },
				sendAt: formatInfobipDate(sendAt),
			});
			await sandbox.advance(9 * MINUTE);
			expect(await reports()).toEqual([]);
			expect((await logs({ generalStatus: 'ACCEPTED' })).map((log) => log.status.name)).toEqual([
				'MESSAGE_ACCEPTED',
			]);
			await sandbox.advance(MINUTE + DELIVERY_TIMINGS.deliveredAfterMs);
			const [report] = await reports();
			expect(report.sentAt).toBe(formatInfobipDate(sendAt));
			expect(report.status.name).toBe('DELIVERED_TO_HANDSET');
		});

		it('a sendAt in the past sends at once; `+01:00` offsets are understood', async () => {
			await scenario(['SMS']);
			await send({
				destinations: toPhone('41793026727'),
				sms: { text: 'x' },
				sendAt: '2026-03-01T12:00:00.000+01:00' /* one hour before START */,
			});
			await sandbox.advance(DELIVERY_TIMINGS.deliveredAfterMs);
			expect((await reports())[0].sentAt).toBe(formatInfobipDate(t0));
		});
	});

	describe('other channel rules', () => {
		it('EMAIL needs emailAddress, PUSH needs pushRegistrationId (MISSING_TO otherwise)', async () => {
			await scenario(['EMAIL', 'PUSH', 'SMS']);
			await send({
				destinations: [
					{ to: { phoneNumber: '41793026727' } },
					{ to: { emailAddress: 'b@example.com' } },
					{ to: { phoneNumber: '41793026728', pushRegistrationId: 'reg-1' } },
				],
				email: { text: 'e' },
				push: { text: 'p' },
				sms: { text: 's' },
			});
			await sandbox.advance(10_000);
			const list = await reports();
			const byDestination = (to: string) =>
				list
					.filter((report) => report.to === to || report.to === '')
					.map((r) => [r.channel, r.status.name]);
			expect(byDestination('41793026727').slice(0, 3)).toEqual([
				['EMAIL', 'MISSING_TO'],
				['PUSH', 'MISSING_TO'],
				['SMS', 'DELIVERED_TO_HANDSET'],
			]);
			expect(byDestination('b@example.com')).toEqual([['EMAIL', 'DELIVERED_TO_HANDSET']]);
			expect(
				list.filter((report) => report.to === 'reg-1').map((r) => [r.channel, r.status.name]),
			).toEqual([['PUSH', 'DELIVERED_TO_HANDSET']]);
		});

		it('a step whose channel object is missing fails (UNDELIVERABLE_NOT_SENT) and the next runs', async () => {
			await scenario(['VIBER', 'SMS']);
			await send({ destinations: toPhone('41793026727'), sms: { text: 'only sms' } });
			await sandbox.advance(5_000);
			expect(summary(await reports())).toEqual([
				['VIBER', 'UNDELIVERABLE_NOT_SENT', 'NO_ERROR'],
				['SMS', 'DELIVERED_TO_HANDSET', 'NO_ERROR'],
			]);
		});
	});

	describe('send response, callbackData, bulkId, duplicates', () => {
		it('echoes callbackData and bulkId in every report', async () => {
			await scenario(['FACEBOOK', 'SMS']);
			const answer = await send({
				destinations: toPhone('41793026727'),
				...texts,
				callbackData: 'order-42',
				bulkId: 'bulk-42',
			});
			expect(answer.bulkId).toBe('bulk-42');
			await sandbox.advance(5_000);
			const list = await reports();
			expect(list).toHaveLength(2);
			for (const report of list)
				expect(report).toMatchObject({ callbackData: 'order-42', bulkId: 'bulk-42' });
		});

		it('generates a bulkId for several destinations, none for one', async () => {
			await scenario(['SMS']);
			const several = await send({
				destinations: [...toPhone('41793026727'), ...toPhone('41793026728')],
				sms: { text: 'x' },
			});
			expect(several.bulkId).toEqual(expect.any(String));
			const one = await send({ destinations: toPhone('41793026727'), sms: { text: 'x' } });
			expect(one).not.toHaveProperty('bulkId');
		});

		it('rejects a messageId already used on the account (status 23), never accepting it twice', async () => {
			await scenario(['SMS']);
			const body = {
				destinations: [{ messageId: 'order-1', to: { phoneNumber: '41793026727' } }],
				sms: { text: 'x' },
			};
			expect((await send(body)).messages[0].status.name).toBe('MESSAGE_ACCEPTED');
			const again = await send(body);
			expect(again.messages[0]).toEqual({
				to: { phoneNumber: '41793026727' },
				messageId: 'order-1',
				status: {
					groupId: 5,
					groupName: 'REJECTED',
					id: 23,
					name: 'REJECTED_DUPLICATE_MESSAGE_ID',
					description: 'Duplicate message ID',
				},
			});
			expect(sandbox.acceptedCount(DEFAULT_ACCOUNT.id)).toBe(1);
			await sandbox.advance(5_000);
			expect(await reports()).toHaveLength(1);

			// Another account has its own message ids.
			const second = clientFor(sandbox, SECOND_ACCOUNT);
			await second.post('/omni/1/scenarios', {
				flow: [{ from: 'a', channel: 'SMS' }],
				default: true,
			});
			expect((await send(body, second)).messages[0].status.name).toBe('MESSAGE_ACCEPTED');
			expect(sandbox.acceptedCount(SECOND_ACCOUNT.id)).toBe(1);
			expect(sandbox.acceptedCount()).toBe(2);
		});

		it('uses an explicit scenarioKey over the default scenario', async () => {
			await scenario(['SMS'], true);
			const emailKey = await scenario(['EMAIL'], false);
			await send({
				scenarioKey: emailKey,
				destinations: [{ to: { emailAddress: 'a@example.com' } }],
				email: { text: 'x' },
			});
			await sandbox.advance(5_000);
			expect(summary(await reports())).toEqual([['EMAIL', 'DELIVERED_TO_HANDSET', 'NO_ERROR']]);
		});
	});

	describe('GET /omni/1/reports', () => {
		it('serves each report once, with bulkId, messageId, channel and limit filters', async () => {
			await scenario(['FACEBOOK', 'SMS']);
			await send({
				bulkId: 'b1',
				destinations: [{ messageId: 'm1', to: { phoneNumber: '41793026727' } }],
				...texts,
			});
			await send({
				bulkId: 'b2',
				destinations: [
					{ messageId: 'm2', to: { phoneNumber: '41793026728' } },
					{ messageId: 'm3', to: { phoneNumber: '41793026729' } },
				],
				...texts,
			});
			await sandbox.advance(10_000);

			expect((await reports({ bulkId: 'b1' })).map((r) => [r.messageId, r.channel])).toEqual([
				['m1', 'FACEBOOK'],
				['m1', 'SMS'],
			]);
			expect(await reports({ bulkId: 'b1' })).toEqual([]);
			expect(
				(await reports({ messageId: 'm3', channel: 'SMS' })).map((r) => [r.messageId, r.channel]),
			).toEqual([['m3', 'SMS']]);
			expect((await reports({ limit: 2 })).map((r) => r.messageId)).toEqual(['m2', 'm3']);
			expect((await reports()).map((r) => [r.messageId, r.channel])).toEqual([['m2', 'SMS']]);
			expect(await reports()).toEqual([]);
		});

		it('defaults to 50 reports per call and keeps the rest', async () => {
			await scenario(['SMS']);
			const destinations = Array.from({ length: 60 }, (_unused, index) => ({
				to: { phoneNumber: `4179302${String(6000 + index)}` },
			}));
			await send({ destinations, sms: { text: 'x' } });
			await sandbox.advance(5_000);
			expect(await reports()).toHaveLength(50);
			expect(await reports()).toHaveLength(10);
		});

		it('never serves one account the reports of another', async () => {
			await scenario(['SMS']);
			await send({ destinations: toPhone('41793026727'), sms: { text: 'x' } });
			await sandbox.advance(5_000);
			expect(await reports({}, clientFor(sandbox, SECOND_ACCOUNT))).toEqual([]);
			expect(await reports()).toHaveLength(1);
		});

		it('answers XML when asked for application/xml', async () => {
			await scenario(['SMS']);
			await send({
				destinations: [{ messageId: 'xml-1', to: { phoneNumber: '41793026727' } }],
				sms: { text: 'x' },
			});
			await sandbox.advance(5_000);
			const response = await client.get('/omni/1/reports', {
				headers: { Accept: 'application/xml' },
			});
			expect(response.headers['content-type']).toContain('application/xml');
			expect(response.data).toMatch(
				/^<\?xml version="1.0" encoding="UTF-8"\?><omniReportsResponse><results><result><messageId>xml-1<\/messageId>/,
			);
		});
	});

	describe('GET /omni/1/logs', () => {
		const prepare = async () => {
			await scenario(['FACEBOOK', 'SMS']);
			await send({
				bulkId: 'b1',
				destinations: [{ messageId: 'm1', to: { phoneNumber: '41793026727' } }],
				...texts,
			});
			await sandbox.advance(HOUR);
			await send({
				bulkId: 'b2',
				destinations: [
					{ messageId: 'm2', to: { phoneNumber: '385911234567' } },
					{ messageId: 'm3', to: { phoneNumber: NUMBER_RULES.UNDELIVERABLE.example } },
				],
				...texts,
			});
			await sandbox.advance(10_000);
		};

		it('is repeatable and newest first, with from, text and a status per step', async () => {
			await prepare();
			const first = await logs();
			expect(await logs()).toEqual(first);
			expect(first.map((log) => [log.messageId, log.channel, log.status.groupName])).toEqual([
				['m3', 'SMS', 'UNDELIVERABLE'],
				['m3', 'FACEBOOK', 'UNDELIVERABLE'],
				['m2', 'FACEBOOK', 'DELIVERED'],
				['m1', 'SMS', 'DELIVERED'],
				['m1', 'FACEBOOK', 'UNDELIVERABLE'],
			]);
			expect(first[3]).toMatchObject({
				from: 'sms-sender',
				text: 'sms',
				to: '41793026727',
				mccMnc: '22801',
				bulkId: 'b1',
			});
			// Reports are still there: logs never consume them.
			expect(await reports()).toHaveLength(5);
		});

		it.each<[string, Record<string, unknown> | (() => Record<string, unknown>), string[]]>([
			['from', { from: 'sms-sender' }, ['m3', 'm1']],
			['to', { to: '385911234567' }, ['m2']],
			['bulkId (repeated)', { bulkId: ['b1', 'b9'] }, ['m1', 'm1']],
			['bulkId (comma-joined)', { bulkId: 'b2,b9' }, ['m3', 'm3', 'm2']],
			['messageId', { messageId: 'm2,m1' }, ['m2', 'm1', 'm1']],
			['generalStatus', { generalStatus: 'DELIVERED' }, ['m2', 'm1']],
			['channel', { channel: 'FACEBOOK' }, ['m3', 'm2', 'm1']],
			['sentSince', () => ({ sentSince: formatInfobipDate(t0 + 30 * MINUTE) }), ['m3', 'm3', 'm2']],
			['sentUntil', () => ({ sentUntil: formatInfobipDate(t0 + 30 * MINUTE) }), ['m1', 'm1']],
			['mcc', { mcc: '219' }, ['m2']],
			['mcc and mnc', { mcc: '228', mnc: '01' }, ['m3', 'm3', 'm1', 'm1']],
			['limit', { limit: 2 }, ['m3', 'm3']],
		])('filters by %s', async (_name, params, messageIds) => {
			await prepare();
			const query = typeof params === 'function' ? params() : params;
			expect((await logs(query)).map((log) => log.messageId)).toEqual(messageIds);
		});

		it('covers the last 48 hours only', async () => {
			await prepare();
			await sandbox.advance(LOG_WINDOW_MS - HOUR);
			expect(new Set((await logs()).map((log) => log.messageId))).toEqual(new Set(['m2', 'm3']));
			await sandbox.advance(HOUR);
			expect(await logs()).toEqual([]);
		});
	});
});
