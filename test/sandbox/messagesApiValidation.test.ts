import type { AxiosInstance } from 'axios';

import {
	apiError,
	DEFAULT_ACCOUNT,
	formatInfobipDate,
	MESSAGES_API_ACCEPTED,
	MESSENGER_USER_PSIDS,
	type Sandbox,
	startSandbox,
	THROTTLE_LIMITS,
	UNKNOWN_PROPERTY,
	type Violation,
	WHATSAPP_SENDERS,
} from '../../sandbox';
import { clientFor } from './support';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const PSID = MESSENGER_USER_PSIDS[0];

/** The seed's Messenger → SMS message (see notes: the node's seed body). */
const seedMessage = (extra: Record<string, unknown> = {}) => ({
	channel: 'MESSENGER',
	sender: 'FacebookApplicationKey',
	destinations: [
		{
			byChannel: [
				{ channel: 'MESSENGER', to: PSID },
				{ channel: 'SMS', to: '41793026727' },
			],
			messageId: 'seed-1',
		},
	],
	content: { body: { type: 'TEXT', text: 'Hello on Messenger' } },
	failover: [
		{
			channel: 'SMS',
			sender: 'InfoSMS',
			content: { body: { type: 'TEXT', text: 'This is the SMS failover message' } },
		},
	],
	...extra,
});
const sms = (to: string, extra: Record<string, unknown> = {}) => ({
	channel: 'SMS',
	sender: 'InfoSMS',
	destinations: [{ to }],
	content: { body: { type: 'TEXT', text: 'hi' } },
	...extra,
});

const E400 = (violations: Violation[]) => apiError(400, violations);

describe('sandbox: Messages API validation (ApiError envelope)', () => {
	let sandbox: Sandbox;
	let client: AxiosInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true, start: START } });
		client = clientFor(sandbox);
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	it('accepts the seed Messenger → SMS request with the spec-shaped answer', async () => {
		const answer = await client.post('/messages-api/1/messages', {
			messages: [seedMessage()],
			options: { messageOrdering: { stopOnFailure: false } },
		});
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({
			bulkId: expect.any(String),
			messages: [{ messageId: 'seed-1', status: MESSAGES_API_ACCEPTED, destination: PSID }],
		});
		expect(MESSAGES_API_ACCEPTED).toEqual({
			groupId: 1,
			groupName: 'PENDING',
			id: 26,
			name: 'MESSAGE_ACCEPTED',
			description: 'Message sent to next instance',
		});
		expect(sandbox.messagesApi.acceptedCount()).toBe(1);
		expect(sandbox.acceptedCount()).toBe(0);
	});

	it('answers one entry per destination, generates messageIds and takes bulkId from the schedule', async () => {
		const answer = await client.post('/messages-api/1/messages', {
			messages: [
				{
					...sms('41793026727'),
					destinations: [{ to: '41793026727' }, { to: '41793026728', messageId: 'b' }],
				},
				sms('41793026729'),
			],
			options: { schedule: { bulkId: 'bulk-7' } },
		});
		expect(answer.status).toBe(200);
		const body = answer.data as {
			bulkId: string;
			messages: Array<{ messageId: string; destination: string }>;
		};
		expect(body.bulkId).toBe('bulk-7');
		expect(body.messages.map((m) => m.destination)).toEqual([
			'41793026727',
			'41793026728',
			'41793026729',
		]);
		expect(body.messages[1].messageId).toBe('b');
		expect(new Set(body.messages.map((m) => m.messageId)).size).toBe(3);
	});

	const cases: Array<[string, unknown, Violation[]]> = [
		['no messages', {}, [{ property: 'messages', violation: 'must not be null' }]],
		[
			'empty messages',
			{ messages: [] },
			[{ property: 'messages', violation: 'must not be empty' }],
		],
		[
			'unknown channel',
			{ messages: [sms('41793026727', { channel: 'FACEBOOK' })] },
			[
				{
					property: 'messages[0].channel',
					violation:
						'must be one of: APPLE_MB, INSTAGRAM_DM, LINE_ON, MESSENGER, MMS, RCS, SMS, VIBER_BM, VIBER_BOT, WHATSAPP',
				},
			],
		],
		[
			'content missing',
			{ messages: [{ channel: 'SMS', destinations: [{ to: '41793026727' }] }] },
			[{ property: 'messages[0].content', violation: 'must not be null' }],
		],
		[
			'TEXT without text',
			{ messages: [sms('41793026727', { content: { body: { type: 'TEXT' } } })] },
			[{ property: 'messages[0].content.body.text', violation: 'must not be null' }],
		],
		[
			'IMAGE without url',
			{ messages: [sms('41793026727', { content: { body: { type: 'IMAGE', text: 'x' } } })] },
			[{ property: 'messages[0].content.body.url', violation: 'must not be null' }],
		],
		[
			'LOCATION out of range',
			{
				messages: [
					sms('41793026727', {
						content: { body: { type: 'LOCATION', latitude: 91, longitude: 0 } },
					}),
				],
			},
			[
				{
					property: 'messages[0].content.body.latitude',
					violation: 'must be less than or equal to 90',
				},
			],
		],
		[
			'OPEN_URL button without url',
			{
				messages: [
					sms('41793026727', {
						content: {
							body: { type: 'TEXT', text: 'x' },
							buttons: [{ type: 'OPEN_URL', text: 'Go' }],
						},
					}),
				],
			},
			[{ property: 'messages[0].content.buttons[0].url', violation: 'must not be null' }],
		],
		[
			'footer without text',
			{
				messages: [
					sms('41793026727', { content: { body: { type: 'TEXT', text: 'x' }, footer: {} } }),
				],
			},
			[{ property: 'messages[0].content.footer.text', violation: 'must not be null' }],
		],
		[
			'empty destinations',
			{ messages: [sms('41793026727', { destinations: [] })] },
			[{ property: 'messages[0].destinations', violation: 'must not be empty' }],
		],
		[
			'failover without byChannel',
			{ messages: [seedMessage({ destinations: [{ to: PSID }] })] },
			[
				{
					property: 'messages[0].destinations[0].byChannel',
					violation: 'must not be null: failover needs a Channels Destination (byChannel)',
				},
			],
		],
		[
			'byChannel without the failover channel',
			{
				messages: [
					seedMessage({ destinations: [{ byChannel: [{ channel: 'MESSENGER', to: PSID }] }] }),
				],
			},
			[
				{
					property: 'messages[0].destinations[0].byChannel',
					violation: 'must contain an entry for channel SMS',
				},
			],
		],
		[
			'byChannel with a channel twice',
			{
				messages: [
					seedMessage({
						destinations: [
							{
								byChannel: [
									{ channel: 'MESSENGER', to: PSID },
									{ channel: 'SMS', to: '41793026727' },
									{ channel: 'SMS', to: '41793026728' },
								],
							},
						],
					}),
				],
			},
			[
				{
					property: 'messages[0].destinations[0].byChannel',
					violation: 'must contain one entry per channel (SMS appears 2 times)',
				},
			],
		],
		[
			'failover to the main channel and twice to SMS',
			{
				messages: [
					seedMessage({
						failover: [{ channel: 'SMS' }, { channel: 'SMS' }, { channel: 'MESSENGER' }],
					}),
				],
			},
			[
				{
					property: 'messages[0].failover[1].channel',
					violation: 'must be unique: one failover step per channel',
				},
				{
					property: 'messages[0].failover[2].channel',
					violation: 'must differ from the channel of the message',
				},
			],
		],
		[
			'template on SMS',
			{
				messages: [
					{
						channel: 'SMS',
						destinations: [{ to: '41793026727' }],
						template: { templateName: 'order_update' },
					},
				],
			},
			[
				{
					property: 'messages[0].channel',
					violation: 'template messages are supported on APPLE_MB, RCS, VIBER_BM, WHATSAPP only',
				},
			],
		],
		[
			'unknown WhatsApp template of a sandbox sender',
			{
				messages: [
					{
						channel: 'WHATSAPP',
						sender: WHATSAPP_SENDERS[0],
						destinations: [{ to: '41793026727' }],
						template: { templateName: 'order_updat', language: 'en' },
					},
				],
			},
			[
				{
					property: 'messages[0].template.templateName',
					violation: `no approved WhatsApp template "order_updat" (en) for sender ${WHATSAPP_SENDERS[0]}`,
				},
			],
		],
		[
			'validity under 10 s (message and failover step)',
			{
				messages: [
					seedMessage({
						options: { validityPeriod: { amount: 9, timeUnit: 'SECONDS' } },
						failover: [{ channel: 'SMS', validityPeriod: { amount: 5, timeUnit: 'SECONDS' } }],
					}),
				],
			},
			[
				{
					property: 'messages[0].options.validityPeriod',
					violation: 'must be at least 10 seconds',
				},
				{
					property: 'messages[0].failover[0].validityPeriod',
					violation: 'must be at least 10 seconds',
				},
			],
		],
		[
			'sendAt later than 180 days',
			{
				messages: [sms('41793026727')],
				options: { schedule: { sendAt: formatInfobipDate(START + 181 * 86_400_000) } },
			},
			[
				{
					property: 'options.schedule.sendAt',
					violation: 'must be no later than 180 days from now',
				},
			],
		],
		[
			'sendAt not a date-time',
			{ messages: [sms('41793026727')], options: { schedule: { sendAt: 'tomorrow' } } },
			[
				{
					property: 'options.schedule.sendAt',
					violation:
						"must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2024-05-24T10:45:38.000+0000",
				},
			],
		],
		[
			'callbackData over 4000 characters',
			{ messages: [sms('41793026727', { webhooks: { callbackData: 'x'.repeat(4001) } })] },
			[{ property: 'messages[0].webhooks.callbackData', violation: 'length must be at most 4000' }],
		],
		[
			'messageId over 200 characters',
			{
				messages: [
					sms('41793026727', { destinations: [{ to: '41793026727', messageId: 'm'.repeat(201) }] }),
				],
			},
			[
				{
					property: 'messages[0].destinations[0].messageId',
					violation: 'length must be at most 200',
				},
			],
		],
		[
			'messageId repeated in one request',
			{
				messages: [
					sms('41793026727', { destinations: [{ to: '41793026727', messageId: 'same' }] }),
					sms('41793026728', { destinations: [{ to: '41793026728', messageId: 'same' }] }),
				],
			},
			[
				{
					property: 'messages[1].destinations[0].messageId',
					violation:
						'must be unique within the request (also used at messages[0].destinations[0].messageId)',
				},
			],
		],
		[
			'refused destination (numbers ending 0400-0499)',
			{ messages: [sms('41793026727'), sms('41793026727'), sms('41793000450')] },
			[
				{
					property: 'messages[2].destinations[0].to',
					violation: 'destination refused (sandbox rule: numbers ending 0400-0499)',
				},
			],
		],
		[
			'schema and semantic violations of different messages, all at once',
			{
				messages: [
					sms('41793026727', { content: { body: { type: 'TEXT' } } }),
					seedMessage({ destinations: [{ to: PSID }] }),
				],
			},
			[
				{ property: 'messages[0].content.body.text', violation: 'must not be null' },
				{
					property: 'messages[1].destinations[0].byChannel',
					violation: 'must not be null: failover needs a Channels Destination (byChannel)',
				},
			],
		],
		[
			'webhook content type',
			{ messages: [sms('41793026727', { webhooks: { contentType: 'text/plain' } })] },
			[
				{
					property: 'messages[0].webhooks.contentType',
					violation: 'must be one of: application/json, application/xml',
				},
			],
		],
	];

	it.each(cases)(
		'refuses %s with 400 and the exact ApiError body',
		async (_name, body, violations) => {
			const answer = await client.post('/messages-api/1/messages', body);
			expect([answer.status, answer.data]).toEqual([400, E400(violations)]);
			expect(sandbox.messagesApi.acceptedCount()).toBe(0);
		},
	);

	it("takes the main channel entry's (deprecated) byChannel messageId; the same id on several entries is one message", async () => {
		const byChannel = (smsId: string) => [
			{ channel: 'SMS', to: '41793026727', messageId: smsId },
			{ channel: 'MESSENGER', to: PSID, messageId: 'fb-id' },
		];
		const answer = await client.post('/messages-api/1/messages', {
			messages: [seedMessage({ destinations: [{ byChannel: byChannel('sms-id') }] })],
		});
		expect((answer.data as { messages: Array<{ messageId: string }> }).messages[0].messageId).toBe(
			'fb-id',
		);
		const same = await client.post('/messages-api/1/messages', {
			messages: [
				seedMessage({
					destinations: [{ byChannel: byChannel('fb-2') }].map((d) => ({
						byChannel: d.byChannel.map((e) => ({ ...e, messageId: 'fb-2' })),
					})),
				}),
			],
		});
		expect(same.status).toBe(200);
	});

	it('a text/plain body is not an object: 400 in the ApiError envelope', async () => {
		const answer = await client.post('/messages-api/1/messages', 'messages', {
			headers: { 'content-type': 'text/plain' },
		});
		expect([answer.status, answer.data]).toEqual([
			400,
			E400([{ property: 'request', violation: 'must be an object' }]),
		]);
	});

	it('ignores unknown fields on /messages (Infobip reports them only on /validate)', async () => {
		const answer = await client.post('/messages-api/1/messages', {
			messages: [{ ...sms('41793026727'), metadata: { a: 1 } }],
		});
		expect(answer.status).toBe(200);
	});

	it('a body that is not JSON gets the ApiError envelope', async () => {
		const answer = await client.post('/messages-api/1/messages', '{"messages":', {
			headers: { 'content-type': 'application/json' },
		});
		expect(answer.status).toBe(400);
		expect(answer.data).toMatchObject({
			errorCode: 'E400',
			violations: [{ property: 'request' }],
			resources: [],
		});
	});

	it('answers 401 with the spec example ApiError on every Messages API path', async () => {
		const anonymous = clientFor(sandbox, null);
		const wrong = clientFor(sandbox, { ...DEFAULT_ACCOUNT, password: 'nope' });
		const expected = {
			errorCode: 'E401',
			description: 'The request lacks valid authentication credentials for the requested resource.',
			action: 'Check the resources and adjust authentication credentials.',
			violations: [],
			resources: [
				{
					name: 'API Authentication',
					url: 'https://www.infobip.com/docs/essentials/api-authentication',
				},
			],
		};
		for (const call of [
			() => anonymous.post('/messages-api/1/messages', { messages: [sms('41793026727')] }),
			() => wrong.post('/messages-api/1/messages/validate', { messages: [sms('41793026727')] }),
			() => anonymous.get('/messages-api/1/reports'),
			() => anonymous.get('/messages-api/1/inbound?channel=SMS'),
			() => anonymous.get(`/whatsapp/2/senders/${WHATSAPP_SENDERS[0]}/templates`),
		]) {
			const answer = await call();
			expect([answer.status, answer.data]).toEqual([401, expected]);
		}
		expect(
			(await clientFor(sandbox, DEFAULT_ACCOUNT, 'App').get('/messages-api/1/reports')).status,
		).toBe(200);
	});

	it('POST /messages-api/1/events: typing and seen events per channel, one answer per destination', async () => {
		const typing = await client.post('/messages-api/1/events', {
			events: [
				{
					event: 'TYPING_STARTED',
					channel: 'WHATSAPP',
					sender: '447491163862',
					destinations: [{ to: '41793026727' }],
				},
			],
		});
		expect([typing.status, typing.data]).toEqual([
			200,
			{
				bulkId: expect.any(String),
				messages: [
					{
						messageId: expect.any(String),
						status: MESSAGES_API_ACCEPTED,
						destination: '41793026727',
					},
				],
			},
		]);
		const bad = await client.post('/messages-api/1/events', {
			events: [
				{
					event: 'SEEN',
					channel: 'WHATSAPP',
					sender: 's',
					destinations: [{ to: '1' }, { to: '2' }],
				},
				{ event: 'TYPING_STOPPED', channel: 'RCS', sender: 's', destinations: [{ to: '1' }] },
			],
		});
		expect([bad.status, bad.data]).toEqual([
			400,
			E400([
				{ property: 'events[0].messageId', violation: 'must not be null' },
				{ property: 'events[0].channel', violation: 'must be one of: RCS' },
				{ property: 'events[0].destinations', violation: 'must contain at most 1 items' },
				{ property: 'events[1].channel', violation: 'must be one of: APPLE_MB' },
			]),
		]);
	});

	describe('POST /messages-api/1/messages/validate', () => {
		it('200 with skippableViolations for unknown fields, nothing accepted', async () => {
			const answer = await client.post('/messages-api/1/messages/validate', {
				messages: [{ ...sms('41793026727'), metadata: 1 }],
			});
			expect([answer.status, answer.data]).toEqual([
				200,
				{
					description:
						"Request can be sent through '/messages' endpoint and should be accepted by our platform.",
					action:
						'No action is required, but it is recommended to check and address any violations.',
					skippableViolations: [{ property: 'messages[0].metadata', violation: UNKNOWN_PROPERTY }],
				},
			]);
			expect(sandbox.messagesApi.acceptedCount()).toBe(0);
			expect(sandbox.clock.pending()).toBe(0);
		});

		it('200 without violations for a clean request', async () => {
			const answer = await client.post('/messages-api/1/messages/validate', {
				messages: [seedMessage()],
			});
			expect([answer.status, answer.data]).toEqual([
				200,
				{
					description:
						"Request can be sent through '/messages' endpoint and should be accepted by our platform.",
					action: 'No action is required.',
					skippableViolations: [],
				},
			]);
		});

		it('with throttling on, 10 calls per second (x-throttling-info), then 429 E429', async () => {
			const throttled = await startSandbox({ clock: { manual: true }, throttling: true });
			try {
				const throttledClient = clientFor(throttled);
				const body = { messages: [seedMessage()] };
				for (let index = 0; index < THROTTLE_LIMITS.validateMessages.requests; index++) {
					expect(
						(await throttledClient.post('/messages-api/1/messages/validate', body)).status,
					).toBe(200);
				}
				const limited = await throttledClient.post('/messages-api/1/messages/validate', body);
				expect([limited.status, limited.data]).toEqual([429, apiError(429)]);
				await throttled.advance(THROTTLE_LIMITS.validateMessages.windowMs);
				expect((await throttledClient.post('/messages-api/1/messages/validate', body)).status).toBe(
					200,
				);
			} finally {
				await throttled.close();
			}
		});

		it('400 with violations (no errorCode, as in the spec example)', async () => {
			const answer = await client.post('/messages-api/1/messages/validate', {
				messages: [seedMessage({ destinations: [{ to: PSID }] })],
			});
			expect([answer.status, answer.data]).toEqual([
				400,
				{
					description: 'Request cannot be processed.',
					action: 'Check the syntax, violations and adjust the request.',
					violations: [
						{
							property: 'messages[0].destinations[0].byChannel',
							violation: 'must not be null: failover needs a Channels Destination (byChannel)',
						},
					],
					skippableViolations: [],
				},
			]);
		});
	});
});
