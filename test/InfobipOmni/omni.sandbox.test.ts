import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FACEBOOK_USER_NUMBERS, REFUSED_DESTINATIONS, type LoggedRequest } from '../../sandbox';
import { searchScenarios } from '../../nodes/InfobipOmni/methods/listSearch';
import { loadOptionsContext, runNode } from '../support/harness';
import { basicAuth, useSandbox } from '../support/infobip';
import { SEED_CREATE_PARAMETERS, SEED_FACEBOOK_USER } from '../fixtures/seed';

/** The node against the sandbox, through n8n-core's engine: Infobip as the node will meet it. */
const sandbox = useSandbox({ clock: { manual: true } });
const credentials = () => basicAuth(sandbox);

const sendsTo = (path: string) => sandbox.requests().filter((r: LoggedRequest) => r.path === path);
const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

async function createSeedScenario(): Promise<string> {
	const { output, error } = await runNode({
		parameters: SEED_CREATE_PARAMETERS,
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	return output[0].json.key as string;
}

const getReports = async (parameters: IDataObject = {}) =>
	await runNode({
		parameters: { resource: 'deliveryReport', operation: 'getAll', returnAll: true, ...parameters },
		credentials: credentials(),
	});

describe("the seed's flow against the sandbox", () => {
	it('create the scenario, send by phone and by Facebook user key, read each report once', async () => {
		const key = await createSeedScenario();
		expect(key).toMatch(/^[0-9A-F]{32}$/);

		const unknownToFacebook = '41793026727';
		const facebookByPhone = FACEBOOK_USER_NUMBERS[0];
		const { output, error } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'list', value: key },
				phoneNumbers: '={{ $json.phone }}',
				facebookUserKey: '={{ $json.facebookUserKey }}',
				facebookText: 'Your order has shipped',
				smsText: 'Your order has shipped (SMS)',
				options: { callbackData: '={{ $json.order }}' },
			},
			credentials: credentials(),
			input: [
				{ json: { phone: unknownToFacebook, order: 'A-1' } },
				{ json: { phone: facebookByPhone, order: 'A-2' } },
				{
					json: {
						phone: '41793026740',
						facebookUserKey: SEED_FACEBOOK_USER,
						order: 'A-3',
					},
				},
			],
		});
		expect(error).toBeUndefined();
		expect(jsonOf(output).map((o) => [o.status, o.to])).toEqual([
			['ACCEPTED', unknownToFacebook],
			['ACCEPTED', facebookByPhone],
			['ACCEPTED', '41793026740'],
		]);
		// Different callback data per item: one request each.
		expect(sendsTo('/omni/1/advanced')).toHaveLength(3);

		await sandbox.advance(60_000);
		const reports = await getReports();
		expect(reports.error).toBeUndefined();
		const summary = jsonOf(reports.output)
			.map((r) => `${r.to} ${r.channel} ${r.statusGroup} ${r.callbackData}`)
			.sort();
		expect(summary).toEqual(
			[
				`${unknownToFacebook} FACEBOOK UNDELIVERABLE A-1`,
				`${unknownToFacebook} SMS DELIVERED A-1`,
				`${facebookByPhone} FACEBOOK DELIVERED A-2`,
				'9c29bd43-054b-4cfe-a1d4-0b37812b4ed3 FACEBOOK DELIVERED A-3',
			].sort(),
		);
		const failed = jsonOf(reports.output).find(
			(r) => r.channel === 'FACEBOOK' && r.to === unknownToFacebook,
		);
		expect(failed?.error).toMatchObject({
			name: 'EC_ABSENT_SUBSCRIBER_SM',
			groupName: 'HANDSET_ERRORS',
		});

		// Infobip hands each report out once.
		expect((await getReports()).output).toEqual([]);
	});

	it('rich media: a Facebook image, then SMS', async () => {
		const key = await createSeedScenario();
		const { output, error } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendRichMedia',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: FACEBOOK_USER_NUMBERS[1],
				mediaType: 'VIDEO',
				mediaUrl: 'https://example.com/videos/launch.mp4',
				smsText: 'Watch: https://example.com/videos/launch.mp4',
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(output[0].json.status).toBe('ACCEPTED');
		expect(sendsTo('/omni/1/advanced')[0].body).toMatchObject({
			facebook: { type: 'VIDEO', url: 'https://example.com/videos/launch.mp4' },
		});
	});

	it('the default scenario serves sends that name none', async () => {
		await createSeedScenario();
		const { output, error } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				useDefaultScenario: true,
				phoneNumbers: '41793026727',
				smsText: 'x',
				facebookText: 'y',
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ status: 'ACCEPTED', scenarioKey: null });
		expect(sendsTo('/omni/1/advanced')[0].body).not.toHaveProperty('scenarioKey');
	});
});

describe('batching and pairing at scale', () => {
	it('250 items with 3 distinct texts: 3 requests, every item its own paired output', async () => {
		const key = await createSeedScenario();
		const input = Array.from({ length: 250 }, (_, i) => ({
			json: {
				phone: `4179${String(3_000_000 + i * 7 + 1000).padStart(7, '0')}`,
				text: `Offer ${i % 3}`,
			},
		}));
		const { output, error } = await runNode({
			executionId: 'exec-250',
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: '={{ $json.phone }}',
				smsText: '={{ $json.text }}',
				facebookText: '={{ $json.text }}',
			},
			credentials: credentials(),
			input,
		});
		expect(error).toBeUndefined();
		const requests = sendsTo('/omni/1/advanced');
		expect(requests.map((r) => ((r.body as IDataObject).destinations as unknown[]).length)).toEqual(
			[84, 83, 83],
		);
		expect(output).toHaveLength(250);
		output.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({
				to: input[i].json.phone,
				messageId: expect.stringMatching(
					new RegExp(`^[0-9a-f]{12}-exec-250-node-under-test-0-${i}-1$`),
				),
				status: 'ACCEPTED',
			});
		});
		expect(sandbox.acceptedCount()).toBe(250);
	});

	it('Batch Size bounds the destinations per request', async () => {
		const key = await createSeedScenario();
		const input = Array.from({ length: 25 }, (_, i) => ({
			json: { phone: `41793${String(100000 + i * 11 + 5000)}` },
		}));
		await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: '={{ $json.phone }}',
				smsText: 'same',
				requestSettings: { batchSize: 10 },
			},
			credentials: credentials(),
			input,
		});
		expect(
			sendsTo('/omni/1/advanced').map(
				(r) => ((r.body as IDataObject).destinations as unknown[]).length,
			),
		).toEqual([10, 10, 5]);
	});

	it('a 400 on a combined request fails only the bad item; the others are sent', async () => {
		const key = await createSeedScenario();
		const emails = ['ann@example.com', 'bob@example.com', 'eve@example.com', 'joe@example.com'];
		// The sandbox refuses this number at request level, as Infobip refuses what no client can foresee.
		const phones = ['41793026900', '41793026901', REFUSED_DESTINATIONS.example, '41793026903'];
		const { output, error } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendAdvanced',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: '={{ $json.phone }}',
				otherAddresses: { emailAddress: '={{ $json.email }}' },
				channelContents: {
					SMS: { text: 'Your invoice' },
					EMAIL: { subject: 'Invoice', text: 'Your invoice' },
				},
			},
			credentials: credentials(),
			onError: 'continueRegularOutput',
			input: emails.map((email, i) => ({ json: { phone: phones[i], email } })),
		});
		expect(error).toBeUndefined();
		expect(
			sendsTo('/omni/1/advanced').map(
				(r) => ((r.body as IDataObject).destinations as unknown[]).length,
			),
		).toEqual([4, 1, 1, 1, 1]);
		expect(output.map((o) => o.json.status ?? 'error')).toEqual([
			'ACCEPTED',
			'ACCEPTED',
			'error',
			'ACCEPTED',
		]);
		expect(output[2]).toMatchObject({
			json: {
				error: 'Infobip refused the request (400 BAD_REQUEST: Bad request)',
				details: {
					httpCode: '400',
					description: expect.stringMatching(
						/destinations\[0\]\.to\.phoneNumber: destination refused/,
					),
				},
			},
			pairedItem: { item: 2 },
		});
		expect(sandbox.acceptedCount()).toBe(3);
	});

	it('without Continue On Fail, one invalid item stops the node before anything is sent', async () => {
		const key = await createSeedScenario();
		const { error } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: '={{ $json.phone }}',
				smsText: 'x',
			},
			credentials: credentials(),
			input: [{ json: { phone: '41793026727' } }, { json: { phone: 'call me' } }],
		});
		expect(error?.message).toBe('Invalid Phone Numbers: "call me" is not a phone number (item 1)');
		expect(error?.description).toMatch(/international format/);
		expect(sendsTo('/omni/1/advanced')).toHaveLength(0);
	});

	it('with Continue On Fail, invalid items become paired error items and the rest is sent', async () => {
		const key = await createSeedScenario();
		const { output } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: '={{ $json.phone }}',
				smsText: 'x',
			},
			credentials: credentials(),
			onError: 'continueRegularOutput',
			input: [
				{ json: { phone: '41793026727' } },
				{ json: { phone: '' } },
				{ json: { phone: '41793026731' } },
			],
		});
		expect(output.map((o) => [o.json.status ?? o.json.error, o.pairedItem])).toEqual([
			['ACCEPTED', { item: 0 }],
			['Invalid Phone Numbers: no recipient is given (item 1)', { item: 1 }],
			['ACCEPTED', { item: 2 }],
		]);
		expect(sendsTo('/omni/1/advanced')).toHaveLength(1);
	});

	it('a rerun of the same execution is refused by Infobip as a duplicate, not sent twice', async () => {
		const key = await createSeedScenario();
		const run = () =>
			runNode({
				executionId: 'exec-replayed',
				parameters: {
					resource: 'message',
					operation: 'sendText',
					scenario: { __rl: true, mode: 'key', value: key },
					phoneNumbers: '41793026727',
					smsText: 'x',
				},
				credentials: credentials(),
			});
		expect((await run()).output[0].json.status).toBe('ACCEPTED');
		expect((await run()).output[0].json).toMatchObject({
			status: 'REJECTED',
			statusName: 'REJECTED_DUPLICATE_MESSAGE_ID',
		});
		expect(sandbox.acceptedCount()).toBe(1);
	});
});

describe('Send Advanced against the sandbox', () => {
	it('sends SMS, Viber, WhatsApp and email content in one body that the sandbox accepts', async () => {
		const { output: created } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				name: 'Everything',
				steps: {
					step: [
						{ channel: 'WHATSAPP', from: '447860099299' },
						{ channel: 'VIBER', from: 'InfoViber' },
						{ channel: 'SMS', from: 'InfoSMS' },
						{ channel: 'EMAIL', from: 'shop@example.com' },
					],
				},
			},
			credentials: credentials(),
		});
		const { output, error } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendAdvanced',
				scenario: { __rl: true, mode: 'key', value: created[0].json.key as string },
				phoneNumbers: '+41 79 302 67 27',
				otherAddresses: { emailAddress: 'jane@example.com' },
				channelContents: {
					WHATSAPP: {
						contentType: 'TEMPLATE',
						templateName: 'order_update',
						templateData: 'Jane, A-17',
						language: 'en',
						validityPeriod: 10,
						validityPeriodTimeUnit: 'MINUTES',
					},
					VIBER: {
						contentType: 'TEXT_BUTTON',
						text: 'Order A-17 shipped',
						buttonText: 'Track',
						buttonURL: 'https://example.com/t/A-17',
						validityPeriod: 1,
						validityPeriodTimeUnit: 'HOURS',
					},
					SMS: { text: 'Order A-17 shipped', transliteration: 'NON_UNICODE' },
					EMAIL: { subject: 'Order A-17', text: 'It shipped.' },
				},
				options: { bulkId: 'orders-2026-11-27', notify: false },
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ status: 'ACCEPTED', bulkId: 'orders-2026-11-27' });
		const body = sendsTo('/omni/1/advanced')[0].body as IDataObject;
		expect(Object.keys(body)).toEqual([
			'scenarioKey',
			'bulkId',
			'destinations',
			'sms',
			'email',
			'viber',
			'whatsApp',
			'notify',
		]);
		expect(body.whatsApp).toEqual({
			templateName: 'order_update',
			templateData: ['Jane', 'A-17'],
			language: 'en',
			validityPeriod: 10,
			validityPeriodTimeUnit: 'MINUTES',
		});
	});
});

describe('Delivery Report and Log', () => {
	it('Delivery Report → Get Many filters by message ID and channel; Limit caps the page', async () => {
		const key = await createSeedScenario();
		await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: '41793026727, 41793026731',
				facebookText: 'f',
				smsText: 's',
				options: { messageId: 'M' },
			},
			credentials: credentials(),
		});
		await sandbox.advance(60_000);
		const { output } = await getReports({
			returnAll: false,
			limit: 5,
			filters: { messageId: 'M-2', channel: 'SMS' },
		});
		expect(sendsTo('/omni/1/reports')[0].url).toBe(
			'/omni/1/reports?messageId=M-2&channel=SMS&limit=5',
		);
		expect(jsonOf(output).map((r) => [r.messageId, r.channel])).toEqual([['M-2', 'SMS']]);
	});

	it('Log → Get Many sends every filter, repeats list filters, and can be read again', async () => {
		const key = await createSeedScenario();
		await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: key },
				phoneNumbers: '41793026727',
				smsText: 's',
				options: { messageId: 'L1', bulkId: 'B1' },
			},
			credentials: credentials(),
		});
		await sandbox.advance(60_000);
		const readLogs = () =>
			runNode({
				parameters: {
					resource: 'log',
					operation: 'getAll',
					limit: 10,
					filters: {
						bulkId: 'B1, B2',
						messageId: 'L1',
						channel: 'SMS',
						generalStatus: 'DELIVERED',
						to: '41793026727',
						from: 'InfoSMS',
						sentSince: '2000-01-01T00:00:00Z',
					},
				},
				credentials: credentials(),
			});
		const first = await readLogs();
		expect(first.error).toBeUndefined();
		expect(sendsTo('/omni/1/logs')[0].url).toBe(
			'/omni/1/logs?from=InfoSMS&to=41793026727&generalStatus=DELIVERED&channel=SMS&bulkId=B1&bulkId=B2&messageId=L1&sentSince=2000-01-01T00%3A00%3A00.000%2B0000&limit=10',
		);
		expect(jsonOf(first.output).map((l) => [l.messageId, l.channel, l.statusGroup])).toEqual([
			['L1', 'SMS', 'DELIVERED'],
		]);
		expect((await readLogs()).output).toHaveLength(1);
	});

	it('one message through send, Delivery Report and Log: the same join fields everywhere (docs/report-shape.md)', async () => {
		await createSeedScenario();
		const sent = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				useDefaultScenario: true,
				phoneNumbers: '+41 79 302 67 27',
				facebookText: 'f',
				smsText: 's',
				options: { messageId: 'J1', bulkId: 'JB' },
			},
			credentials: credentials(),
		});
		expect(sent.error).toBeUndefined();
		await sandbox.advance(60_000);
		const reports = await getReports({ filters: { messageId: 'J1' } });
		const logs = await runNode({
			parameters: { resource: 'log', operation: 'getAll', filters: { messageId: 'J1' } },
			credentials: credentials(),
		});
		expect([reports.error, logs.error]).toEqual([undefined, undefined]);

		// A Merge node joins on messageId and to: the send output has both, as text.
		const join = (item: IDataObject) => [item.messageId, item.to, item.bulkId];
		const [send] = jsonOf(sent.output);
		expect(join(send)).toEqual(['J1', '41793026727', 'JB']);
		// Not a Facebook user: the Facebook step fails, SMS delivers; each step one report and one log.
		const byChannel = (items: IDataObject[]) =>
			items
				.map((item) => ({
					join: join(item),
					channel: item.channel,
					statusGroup: item.statusGroup,
					status: item.status,
					sentAt: item.sentAt,
					doneAt: item.doneAt,
					price: item.price,
				}))
				.sort((a, b) => String(a.channel).localeCompare(String(b.channel)));
		const fromReports = byChannel(jsonOf(reports.output));
		expect(fromReports.map((r) => [r.channel, r.statusGroup])).toEqual([
			['FACEBOOK', 'UNDELIVERABLE'],
			['SMS', 'DELIVERED'],
		]);
		expect(fromReports.every((r) => JSON.stringify(r.join) === JSON.stringify(join(send)))).toBe(
			true,
		);
		expect(byChannel(jsonOf(logs.output))).toEqual(fromReports);
		expect(String(fromReports[0].sentAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		// Every item of both operations has the same keys, in the same order.
		const keys = [...jsonOf(reports.output), ...jsonOf(logs.output)].map((item) =>
			Object.keys(item).join(),
		);
		expect(new Set(keys).size).toBe(1);
	});
});

describe('scenario picker against the sandbox', () => {
	it('lists the scenarios of the account with their channel order', async () => {
		const key = await createSeedScenario();
		const context = loadOptionsContext({
			parameters: { resource: 'scenario', operation: 'get' },
			credentials: credentials(),
		});
		const { results } = await searchScenarios.call(context, 'facebook');
		expect(results).toEqual([
			{ name: 'My first Facebook-SMS scenario (default): FACEBOOK → SMS', value: key },
		]);
	});
});
