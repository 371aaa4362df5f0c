import type { AxiosInstance } from 'axios';

import { DELIVERY_TIMINGS, PUSH_RETRY, type Sandbox, startSandbox } from '../../sandbox';
import { clientFor, type Receiver, startReceiver, waitFor } from './support';

const MINUTE = 60_000;

describe('sandbox: delivery reports pushed to notifyUrl', () => {
	let sandbox: Sandbox;
	let client: AxiosInstance;
	let receiver: Receiver;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true } });
		client = clientFor(sandbox);
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(async () => {
		sandbox.reset();
		receiver = await startReceiver();
		await client.post('/omni/1/scenarios', {
			flow: [
				{ from: 'FacebookApplicationKey', channel: 'FACEBOOK' },
				{ from: 'InfoSMS', channel: 'SMS' },
			],
			default: true,
		});
	});
	afterEach(async () => {
		await receiver.close();
	});

	const sendTo = (extra: Record<string, unknown>) =>
		client.post('/omni/1/advanced', {
			destinations: [{ messageId: 'push-1', to: { phoneNumber: '41793026727' } }],
			facebook: { text: 'fb' },
			sms: { text: 'sms' },
			...extra,
		});

	it('pushes each report as JSON {"results":[…]} and keeps it out of GET /reports', async () => {
		await sendTo({ notifyUrl: receiver.url, callbackData: 'cb-1' });
		await sandbox.advance(5_000);
		expect(receiver.received).toHaveLength(2);
		const bodies = receiver.received.map(
			(push) => JSON.parse(push.body) as { results: Array<Record<string, unknown>> },
		);
		expect(
			bodies.map((body) => [
				body.results[0].channel,
				(body.results[0].status as { groupName: string }).groupName,
			]),
		).toEqual([
			['FACEBOOK', 'UNDELIVERABLE'],
			['SMS', 'DELIVERED'],
		]);
		expect(bodies[1].results[0]).toMatchObject({
			messageId: 'push-1',
			callbackData: 'cb-1',
			to: '41793026727',
		});
		expect(receiver.received[0].contentType).toBe('application/json');
		expect(
			sandbox.pushes().map((push) => [push.attempt, push.status, push.delivered, push.url]),
		).toEqual([
			[1, 200, true, receiver.url],
			[1, 200, true, receiver.url],
		]);
		expect(sandbox.pushes()[0].body).toBe(receiver.received[0].body);
		expect(((await client.get('/omni/1/reports')).data as { results: unknown[] }).results).toEqual(
			[],
		);
	});

	it('pushes XML when notifyContentType is application/xml', async () => {
		await sendTo({ notifyUrl: receiver.url, notifyContentType: 'application/xml' });
		await sandbox.advance(5_000);
		const [first] = receiver.received;
		expect(first.contentType).toBe('application/xml');
		expect(first.body).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?><omniReportsResponse><results><result><messageId>push-1<\/messageId><to>41793026727<\/to>/,
		);
		expect(first.body).toContain(
			'<status><groupId>2</groupId><groupName>UNDELIVERABLE</groupName>',
		);
		expect(first.body).toContain(
			'<channel>FACEBOOK</channel></result></results></omniReportsResponse>',
		);
	});

	it('retries after a 500 on the schedule 1min + 1min × n² (manual clock)', async () => {
		receiver.answerWith(500, 500, 500);
		await sendTo({
			notifyUrl: receiver.url,
			destinations: [{ messageId: 'push-1', to: { facebookUserKey: 'fb-1' } }],
		});
		await sandbox.advance(DELIVERY_TIMINGS.deliveredAfterMs);
		const firstAt = sandbox.pushes()[0].at;
		await sandbox.advance(PUSH_RETRY.delayMs(1) - 1);
		expect(sandbox.pushes()).toHaveLength(1);
		await sandbox.advance(1 + PUSH_RETRY.delayMs(2) + PUSH_RETRY.delayMs(3));
		const attempts = sandbox.pushes();
		expect(
			attempts.map((push) => [push.attempt, push.status, push.delivered, push.at - firstAt]),
		).toEqual([
			[1, 500, false, 0],
			[2, 500, false, 2 * MINUTE],
			[3, 500, false, 7 * MINUTE],
			[4, 200, true, 17 * MINUTE],
		]);
		expect(receiver.received).toHaveLength(4);
		expect(new Set(receiver.received.map((push) => push.body)).size).toBe(1);
	});

	it('retries on the fast clock (speed 600: two virtual minutes in 200 ms)', async () => {
		const fast = await startSandbox({ clock: { speed: 600 } });
		try {
			const fastClient = clientFor(fast);
			await fastClient.post('/omni/1/scenarios', {
				flow: [{ from: 'InfoSMS', channel: 'SMS' }],
				default: true,
			});
			receiver.answerWith(500);
			await fastClient.post('/omni/1/advanced', {
				destinations: [{ to: { phoneNumber: '41793026727' } }],
				sms: { text: 'x' },
				notifyUrl: receiver.url,
			});
			await waitFor(() => fast.pushes().length === 2 && fast.pushes()[1].status !== undefined);
			const [first, retry] = fast.pushes();
			expect([first.status, retry.status, retry.attempt]).toEqual([500, 200, 2]);
			expect(retry.at - first.at).toBeGreaterThanOrEqual(PUSH_RETRY.delayMs(1));
		} finally {
			await fast.close();
		}
	});

	it('records network errors and gives up after the last retry', async () => {
		const closed = await startReceiver();
		await closed.close();
		await sendTo({ notifyUrl: closed.url, destinations: [{ to: { facebookUserKey: 'fb-1' } }] });
		await sandbox.runAll();
		const attempts = sandbox.pushes();
		expect(attempts).toHaveLength(1 + PUSH_RETRY.maxRetries);
		expect(
			attempts.every(
				(push) => push.error !== undefined && push.status === undefined && !push.delivered,
			),
		).toBe(true);
	});

	it('does not push with notify:false (the reports stay available to GET)', async () => {
		await sendTo({ notifyUrl: receiver.url, notify: false });
		await sandbox.advance(5_000);
		expect(receiver.received).toEqual([]);
		expect(sandbox.pushes()).toEqual([]);
		expect(
			((await client.get('/omni/1/reports')).data as { results: unknown[] }).results,
		).toHaveLength(2);
	});

	it('pushes intermediate PENDING reports when intermediateReport is true', async () => {
		await sendTo({ notifyUrl: receiver.url, intermediateReport: true });
		await sandbox.advance(5_000);
		const statuses = receiver.received.map((push) => {
			const report = (
				JSON.parse(push.body) as { results: Array<{ channel: string; status: { name: string } }> }
			).results[0];
			return [report.channel, report.status.name];
		});
		expect(statuses).toEqual([
			['FACEBOOK', 'PENDING_ENROUTE'],
			['FACEBOOK', 'UNDELIVERABLE_NOT_DELIVERED'],
			['SMS', 'PENDING_ENROUTE'],
			['SMS', 'DELIVERED_TO_HANDSET'],
		]);
		expect(sandbox.pushes().map((push) => push.intermediate)).toEqual([true, false, true, false]);
	});
});
