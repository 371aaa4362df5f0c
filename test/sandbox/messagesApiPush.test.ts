import type { AxiosInstance } from 'axios';

import {
	DELIVERY_TIMINGS,
	MESSENGER_USER_PSIDS,
	PUSH_RETRY,
	type Sandbox,
	SEEN_AFTER_MS,
	startSandbox,
	UNKNOWN_MESSENGER_PSID,
	WHATSAPP_SENDERS,
	WHATSAPP_TEMPLATES,
	XML_DELIVERY_ROOT,
} from '../../sandbox';
import { clientFor, type Receiver, startReceiver } from './support';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const MINUTE = 60_000;

describe('sandbox: Messages API pushes (delivery, seen, inbound), inbound pull, templates, drills', () => {
	let sandbox: Sandbox;
	let client: AxiosInstance;
	let receiver: Receiver;
	let t0: number;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true, start: START } });
		client = clientFor(sandbox);
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(async () => {
		sandbox.reset();
		t0 = sandbox.clock.now();
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await receiver.close();
	});

	const at = (ms: number) => new Date(t0 + ms).toISOString().replace('Z', '+0000');
	const bodies = () =>
		receiver.received.map(
			(push) => JSON.parse(push.body) as { results: Array<Record<string, unknown>> },
		);
	const messengerToSms = (webhooks: Record<string, unknown>, psid = UNKNOWN_MESSENGER_PSID) => ({
		messages: [
			{
				channel: 'MESSENGER',
				sender: 'FacebookApplicationKey',
				destinations: [
					{
						messageId: 'p-1',
						byChannel: [
							{ channel: 'MESSENGER', to: psid },
							{ channel: 'SMS', to: '41793026727' },
						],
					},
				],
				content: { body: { type: 'TEXT', text: 'fb' } },
				failover: [{ channel: 'SMS', sender: 'InfoSMS' }],
				webhooks,
			},
		],
	});

	it('pushes the final delivery report to webhooks.delivery.url as {results:[…]} JSON, not queued for GET', async () => {
		const sent = await client.post(
			'/messages-api/1/messages',
			messengerToSms({ delivery: { url: receiver.url } }),
		);
		expect(sent.status).toBe(200);
		await sandbox.advance(5_000);
		expect(receiver.received.map((push) => push.contentType)).toEqual(['application/json']);
		const [body] = bodies();
		expect(body.results).toHaveLength(1);
		expect(body.results[0]).toMatchObject({
			event: 'DELIVERY',
			channel: 'SMS',
			messageId: 'p-1',
			destination: '41793026727',
			doneAt: at(2_000),
			status: { name: 'DELIVERED_TO_HANDSET' },
		});
		expect((await client.get('/messages-api/1/reports')).data).toEqual({ results: [] });
		const attempts = sandbox.pushes();
		expect(attempts.map((a) => [a.url, a.attempt, a.delivered, a.messageIds])).toEqual([
			[receiver.url, 1, true, ['p-1']],
		]);
	});

	it('triggered failover reports and intermediate reports are pushed when asked for', async () => {
		await client.post(
			'/messages-api/1/messages',
			messengerToSms({
				delivery: {
					url: receiver.url,
					intermediateReport: true,
					receiveTriggeredFailoverReports: true,
				},
			}),
		);
		await sandbox.advance(5_000);
		const results = bodies().map((body) => body.results[0]);
		expect(results.map((r) => [r.channel, (r.status as { name: string }).name])).toEqual([
			['MESSENGER', 'PENDING_ENROUTE'],
			['MESSENGER', 'UNDELIVERABLE_NOT_DELIVERED'],
			['SMS', 'PENDING_ENROUTE'],
			['SMS', 'DELIVERED_TO_HANDSET'],
		]);
		expect(sandbox.pushes().map((a) => a.intermediate)).toEqual([true, false, true, false]);
	});

	it('pushes XML when webhooks.contentType is application/xml (the spec example nesting)', async () => {
		await client.post(
			'/messages-api/1/messages',
			messengerToSms(
				{ delivery: { url: receiver.url }, contentType: 'application/xml' },
				MESSENGER_USER_PSIDS[0],
			),
		);
		await sandbox.advance(2_000);
		const [push] = receiver.received;
		expect(push.contentType).toBe('application/xml');
		expect(push.body).toMatch(
			new RegExp(
				`^<\\?xml version="1.0" encoding="UTF-8"\\?><${XML_DELIVERY_ROOT}><results><results><event>DELIVERY</event><channel>MESSENGER</channel>.*<messageId>p-1</messageId>.*</results></results></${XML_DELIVERY_ROOT}>$`,
			),
		);
	});

	it('retries a failed push on the clock with the existing cycle, recording each attempt', async () => {
		receiver.answerWith(500, 503);
		await client.post(
			'/messages-api/1/messages',
			messengerToSms({ delivery: { url: receiver.url } }, MESSENGER_USER_PSIDS[0]),
		);
		await sandbox.advance(DELIVERY_TIMINGS.deliveredAfterMs);
		await sandbox.advance(PUSH_RETRY.delayMs(1));
		await sandbox.advance(PUSH_RETRY.delayMs(2));
		expect(sandbox.pushes().map((a) => [a.attempt, a.status, a.delivered, a.at - t0])).toEqual([
			[1, 500, false, 1_000],
			[2, 503, false, 1_000 + 2 * MINUTE],
			[3, 200, true, 1_000 + 7 * MINUTE],
		]);
		expect(new Set(receiver.received.map((push) => push.body)).size).toBe(1);
	});

	it('pushes a seen report for WhatsApp to webhooks.seen.url; none for Messenger', async () => {
		const seen = await startReceiver();
		try {
			await client.post('/messages-api/1/messages', {
				messages: [
					{
						channel: 'WHATSAPP',
						sender: WHATSAPP_SENDERS[0],
						destinations: [{ to: '41793026727', messageId: 'wa-1' }],
						template: { templateName: 'order_update', language: 'de' },
						content: { body: { type: 'TEXT', 1: 'Ana', 2: 'A-17' } },
						webhooks: { seen: { url: seen.url }, callbackData: 'cb' },
					},
					{
						channel: 'MESSENGER',
						sender: 'page',
						destinations: [{ to: MESSENGER_USER_PSIDS[0], messageId: 'fb-1' }],
						content: { body: { type: 'TEXT', text: 'x' } },
						webhooks: { seen: { url: seen.url } },
					},
				],
			});
			await sandbox.advance(1_000 + SEEN_AFTER_MS);
			expect(seen.received.map((push) => JSON.parse(push.body))).toEqual([
				{
					results: [
						{
							event: 'SEEN',
							channel: 'WHATSAPP',
							sender: WHATSAPP_SENDERS[0],
							destination: '41793026727',
							sentAt: at(0),
							seenAt: at(1_000 + SEEN_AFTER_MS),
							bulkId: expect.any(String),
							messageId: 'wa-1',
							callbackData: 'cb',
						},
					],
				},
			]);
		} finally {
			await seen.close();
		}
	});

	describe('inbound', () => {
		it('injected events wait for GET /messages-api/1/inbound (channel required, once, limit, counts)', async () => {
			for (const text of ['one', 'two', 'three']) {
				const injected = await client.post('/__sandbox/messages-api/inbound', {
					channel: 'SMS',
					sender: '41793026727',
					destination: 'InfoSMS',
					text,
				});
				expect(injected.status).toBe(201);
			}
			await sandbox.messagesApi.injectInbound({
				channel: 'WHATSAPP',
				sender: '41793026727',
				destination: WHATSAPP_SENDERS[0],
				content: [{ type: 'IMAGE', url: 'https://example.com/a.jpg' }],
			});
			const missing = await client.get('/messages-api/1/inbound');
			expect([missing.status, missing.data]).toMatchObject([
				400,
				{ errorCode: 'E400', violations: [{ property: 'channel', violation: 'must not be null' }] },
			]);
			const instagram = await client.get('/messages-api/1/inbound?channel=INSTAGRAM_DM');
			expect(instagram.status).toBe(400);
			const first = await client.get('/messages-api/1/inbound?channel=SMS&limit=2');
			expect(first.data).toEqual({
				results: [
					{
						event: 'MO',
						channel: 'SMS',
						sender: '41793026727',
						destination: 'InfoSMS',
						content: [{ type: 'TEXT', text: 'one', cleanText: 'one' }],
						receivedAt: at(0),
						messageId: expect.any(String),
						messageCount: 1,
					},
					expect.objectContaining({ content: [{ type: 'TEXT', text: 'two', cleanText: 'two' }] }),
				],
				messageCount: 2,
				pendingMessageCount: 1,
			});
			const rest = await client.get('/messages-api/1/inbound?channel=SMS');
			expect(rest.data).toMatchObject({ messageCount: 1, pendingMessageCount: 0 });
			expect((await client.get('/messages-api/1/inbound?channel=SMS')).data).toEqual({
				results: [],
				messageCount: 0,
				pendingMessageCount: 0,
			});
			expect(sandbox.messagesApi.pendingInbound().map((event) => event.channel)).toEqual([
				'WHATSAPP',
			]);
		});

		it('pushes inbound events (MO and typing) when an inbound URL is set', async () => {
			const set = await client.put('/__sandbox/messages-api/inbound-url', { url: receiver.url });
			expect(set.data).toEqual({ accountId: 'default', url: receiver.url });
			await client.post('/__sandbox/messages-api/inbound', {
				event: 'TYPING_STARTED',
				channel: 'WHATSAPP',
				sender: '41793026727',
				destination: WHATSAPP_SENDERS[0],
			});
			await sandbox.messagesApi.injectInbound({
				channel: 'MESSENGER',
				sender: MESSENGER_USER_PSIDS[0],
				destination: 'FacebookApplicationKey',
				text: 'hello',
				messageId: 'mo-1',
				pairedMessageId: 'p-1',
			});
			expect(bodies()).toEqual([
				{
					results: [
						{
							event: 'TYPING_STARTED',
							channel: 'WHATSAPP',
							sender: '41793026727',
							destination: WHATSAPP_SENDERS[0],
							receivedAt: at(0),
							messageId: expect.any(String),
						},
					],
				},
				{
					results: [
						{
							event: 'MO',
							channel: 'MESSENGER',
							sender: MESSENGER_USER_PSIDS[0],
							destination: 'FacebookApplicationKey',
							content: [{ type: 'TEXT', text: 'hello', cleanText: 'hello' }],
							receivedAt: at(0),
							messageId: 'mo-1',
							pairedMessageId: 'p-1',
							messageCount: 1,
						},
					],
				},
			]);
			expect(sandbox.messagesApi.pendingInbound()).toEqual([]);
			sandbox.messagesApi.setInboundUrl(null);
			await sandbox.messagesApi.injectInbound({
				channel: 'SMS',
				sender: '1',
				destination: '2',
				text: 'x',
			});
			expect(sandbox.messagesApi.pendingInbound()).toHaveLength(1);
		});

		it('refuses a bad injection', async () => {
			const answer = await client.post('/__sandbox/messages-api/inbound', {
				channel: 'SMS',
				sender: '1',
				destination: '2',
			});
			expect([answer.status, answer.data]).toMatchObject([
				400,
				{
					violations: [
						{ property: 'text', violation: 'must not be null: an MO event needs text or content' },
					],
				},
			]);
			await expect(
				sandbox.messagesApi.injectInbound({
					channel: 'FAX' as never,
					sender: '1',
					destination: '2',
					text: 'x',
				}),
			).rejects.toThrow(/Invalid inbound event/);
		});

		it('the sandbox option messagesApiInboundUrl pushes from the start', async () => {
			const other = await startSandbox({
				clock: { manual: true },
				messagesApiInboundUrl: receiver.url,
			});
			try {
				await other.messagesApi.injectInbound({
					channel: 'SMS',
					sender: '1',
					destination: '2',
					text: 'x',
				});
				expect(receiver.received).toHaveLength(1);
			} finally {
				await other.close();
			}
		});
	});

	describe('WhatsApp templates (GET /whatsapp/2/senders/{sender}/templates)', () => {
		it('lists the fixtures of a sandbox sender', async () => {
			const answer = await client.get(`/whatsapp/2/senders/${WHATSAPP_SENDERS[0]}/templates`);
			expect([answer.status, answer.data]).toEqual([200, { templates: WHATSAPP_TEMPLATES }]);
			const names = (
				answer.data as { templates: Array<{ name: string; language: string; status: string }> }
			).templates
				.filter((entry) => entry.status === 'APPROVED')
				.map((entry) => `${entry.name}/${entry.language}`);
			expect(names).toEqual(expect.arrayContaining(['order_update/en', 'order_update/de']));
		});

		it('answers 404 (ApiError) for an unknown sender', async () => {
			const answer = await client.get('/whatsapp/2/senders/000/templates');
			expect([answer.status, answer.data]).toMatchObject([404, { errorCode: 'E404' }]);
		});
	});

	describe('drills on the Messages API paths', () => {
		it('status drills answer the ApiError envelope (429 with Retry-After, 500)', async () => {
			sandbox.drill({
				kind: 'status',
				path: '/messages-api/1/messages',
				status: 429,
				retryAfterSeconds: 3,
			});
			sandbox.drill({ kind: 'status', path: '/messages-api/1/reports', status: 500 });
			const limited = await client.post('/messages-api/1/messages', messengerToSms({}));
			expect([limited.status, limited.headers['retry-after'], limited.data]).toEqual([
				429,
				'3',
				{
					errorCode: 'E429',
					description: 'Too many requests sent.',
					action: 'Check request rate limit specified in the API endpoint documentation resource.',
					violations: [],
					resources: [
						{
							name: 'Throttling handling errors',
							url: 'https://www.infobip.com/docs/essentials/integration-best-practices#throttling-handling-errors',
						},
					],
				},
			]);
			const failed = await client.get('/messages-api/1/reports');
			expect([failed.status, failed.data]).toEqual([
				500,
				{
					errorCode: 'E500',
					description: 'Something went wrong.',
					action: 'Contact the support.',
					violations: [],
					resources: [],
				},
			]);
			expect(sandbox.messagesApi.acceptedCount()).toBe(0);
		});

		it('malformedJson, reset and a prefix drill', async () => {
			sandbox.drill({ kind: 'malformedJson', path: '/messages-api/*' });
			const broken = await client.post('/messages-api/1/messages', messengerToSms({}), {
				transformResponse: (raw) => raw,
			});
			expect(broken.status).toBe(200);
			expect(() => JSON.parse(broken.data as string)).toThrow();
			sandbox.drill({ kind: 'reset', path: '/messages-api/1/messages' });
			await expect(client.post('/messages-api/1/messages', messengerToSms({}))).rejects.toThrow();
			expect(sandbox.messagesApi.acceptedCount()).toBe(0);
			expect((await client.post('/messages-api/1/messages', messengerToSms({}))).status).toBe(200);
		});

		it('rejectDestinations answers those flattened destinations REJECTED_DESTINATION (and stops the rest by default)', async () => {
			sandbox.drill({
				kind: 'rejectDestinations',
				path: '/messages-api/1/messages',
				destinations: [1],
			});
			const sms = (id: string) => ({
				channel: 'SMS',
				destinations: [{ to: '41793026727', messageId: id }],
				content: { body: { type: 'TEXT', text: 'x' } },
			});
			const answer = await client.post('/messages-api/1/messages', {
				messages: [sms('a'), sms('b'), sms('c')],
			});
			expect(
				(answer.data as { messages: Array<{ status: { name: string } }> }).messages.map(
					(m) => m.status.name,
				),
			).toEqual(['MESSAGE_ACCEPTED', 'REJECTED_DESTINATION', 'UNDELIVERABLE_NOT_SENT']);
			expect(sandbox.requests().map((entry) => entry.drill)).toEqual(['rejectDestinations']);
		});

		it('headers drills add Deprecation and Sunset to a normal answer; a 410 drill answers E410', async () => {
			const headers = { Deprecation: '@1767225600', Sunset: 'Wed, 01 Jul 2026 00:00:00 GMT' };
			sandbox.drill({ kind: 'headers', path: '/messages-api/1/messages', headers });
			const answer = await client.post('/messages-api/1/messages', messengerToSms({}));
			expect([answer.status, answer.headers.deprecation, answer.headers.sunset]).toEqual([
				200,
				headers.Deprecation,
				headers.Sunset,
			]);
			expect(sandbox.messagesApi.acceptedCount()).toBe(1);
			sandbox.drill({ kind: 'status', path: '/omni/1/advanced', status: 410, headers });
			const gone = await client.post('/omni/1/advanced', {});
			expect([gone.status, gone.headers.sunset, gone.data]).toEqual([
				410,
				headers.Sunset,
				{ requestError: { serviceException: { messageId: 'GONE', text: 'Gone' } } },
			]);
			sandbox.drill({ kind: 'status', path: '/messages-api/*', status: 410 });
			const goneToo = await client.get('/messages-api/1/reports');
			expect([goneToo.status, goneToo.data]).toMatchObject([
				410,
				{ errorCode: 'E410', violations: [] },
			]);
			const refused = await client.post('/__sandbox/drills', { kind: 'headers', path: '/x' });
			expect(refused.status).toBe(400);
		});

		it('latency applies to the Messages API paths', async () => {
			sandbox.setLatency(60);
			const started = Date.now();
			await client.get('/messages-api/1/reports');
			expect(Date.now() - started).toBeGreaterThanOrEqual(55);
			sandbox.setLatency(0);
		});
	});
});
