// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../../support/harness';
import { basicAuth, useScriptedServer } from '../../../support/infobip';
import { type ReceivedRequest, type Reply } from '../../../support/server';
import {
	SEED_ACCEPTED_STATUS,
	SEED_FACEBOOK_REPORT,
	SEED_FACEBOOK_USER,
	SEED_SCENARIO,
	SEED_SEND_RICH,
	SEED_SEND_TEXT,
	SEED_SEND_USER_KEY,
	SEED_SMS_REPORT,
} from '../../../fixtures/seed';

const FACEBOOK_TEXT =
	'This Facebook message will be delivered both to the Facebook user page and Facebook messenger.';
const SMS_TEXT = 'This is the SMS failover message';
const ACCEPTED = SEED_ACCEPTED_STATUS;

/** Answers sends the way the seed shows: one ACCEPTED message per destination. */
function infobip(request: ReceivedRequest): Reply {
	if (request.path === '/omni/1/advanced') {
		const body = request.body as {
			bulkId?: string;
			destinations: Array<{ messageId?: string; to: IDataObject }>;
		};
		const messages = body.destinations.map((d, i) => ({
			to: d.to,
			status: ACCEPTED,
			messageId: d.messageId ?? `generated-${i}`,
		}));
		const bulkId = body.bulkId ?? (messages.length > 1 ? 'generated-bulk' : undefined);
		return { status: 200, body: { ...(bulkId ? { bulkId } : {}), messages } };
	}
	return { status: 200, body: { results: [] } };
}

const server = useScriptedServer(infobip);
const credentials = () => basicAuth(server);

const TOMORROW = new Date(Math.ceil(Date.now() / 1000) * 1000 + 86_400_000);

const byKey = (value: string) => ({ __rl: true, mode: 'key', value });

const sendText = (
	parameters: IDataObject,
	input?: Array<{ json: IDataObject }>,
	onError?: 'continueRegularOutput',
) =>
	runNode({
		executionId: 'exec-42',
		parameters: {
			resource: 'message',
			operation: 'sendText',
			scenario: byKey(SEED_SCENARIO),
			...parameters,
		},
		credentials: credentials(),
		input,
		onError,
	});

const sends = () => server.received.filter((r) => r.path === '/omni/1/advanced');

describe("the seed's sends, byte for byte", () => {
	it('2a: a Facebook text with an SMS failover text', async () => {
		const { error, output } = await sendText({
			phoneNumbers: '41793026727',
			facebookText: FACEBOOK_TEXT,
			smsText: SMS_TEXT,
			requestSettings: { messageIdSource: 'infobip' },
		});
		expect(error).toBeUndefined();
		expect(sends()).toHaveLength(1);
		expect(sends()[0].headers.authorization).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
		expect(sends()[0].headers['content-type']).toBe('application/json');
		expect(sends()[0].rawBody).toBe(JSON.stringify(SEED_SEND_TEXT));
		expect(output).toEqual([
			{
				json: {
					messageId: 'generated-0',
					// The address as text, as in every report: send output and reports join on it.
					to: '41793026727',
					scenarioKey: SEED_SCENARIO,
					status: 'ACCEPTED',
					statusName: 'MESSAGE_ACCEPTED',
					statusDescription: 'Message accepted',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('2b: by Facebook user key, the phone number serving SMS', async () => {
		const { output } = await sendText({
			phoneNumbers: '41793026727',
			facebookUserKey: SEED_FACEBOOK_USER,
			facebookText: FACEBOOK_TEXT,
			smsText: SMS_TEXT,
			requestSettings: { messageIdSource: 'infobip' },
		});
		expect(sends()[0].rawBody).toBe(JSON.stringify(SEED_SEND_USER_KEY));
		// The flat recipient is the phone number, the address the SMS step's report names.
		expect(output.map((o) => o.json.to)).toEqual(['41793026727']);
	});

	it('2c: a rich media message with an SMS failover text', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendRichMedia',
				scenario: byKey(SEED_SCENARIO),
				phoneNumbers: '41793026727',
				mediaType: 'IMAGE',
				mediaUrl: 'https://somedomain.com/images/image.jpg',
				smsText: SMS_TEXT,
				requestSettings: { messageIdSource: 'infobip' },
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sends()[0].rawBody).toBe(JSON.stringify(SEED_SEND_RICH));
	});
});

describe('Message → Send Text', () => {
	it('derives one message ID per destination from instance, execution, node, run and item', async () => {
		const { output } = await sendText(
			{ phoneNumbers: '={{ $json.phones }}', smsText: '=Hi {{ $json.name }}' },
			[
				{ json: { phones: ['+41 79 302 67 27', '0041793026731'], name: 'A' } },
				{ json: { phones: '41793026740', name: 'B' } },
			],
		);
		expect(sends()).toHaveLength(2);
		// n8n's instance ID, its first 12 characters: n8n-core derives it from the instance's
		// encryption key, kept in <N8N_USER_FOLDER>/.n8n/config.
		const { encryptionKey } = JSON.parse(
			readFileSync(join(process.env.N8N_USER_FOLDER ?? '', '.n8n/config'), 'utf8'),
		) as { encryptionKey: string };
		const instance = createHash('sha256')
			.update(encryptionKey.slice(Math.round(encryptionKey.length / 2)))
			.digest('hex')
			.slice(0, 12);
		expect((sends()[0].body as IDataObject).destinations).toEqual([
			{
				messageId: `${instance}-exec-42-node-under-test-0-0-1`,
				to: { phoneNumber: '41793026727' },
			},
			{
				messageId: `${instance}-exec-42-node-under-test-0-0-2`,
				to: { phoneNumber: '41793026731' },
			},
		]);
		expect(output.map((o) => [o.json.messageId, o.pairedItem])).toEqual([
			[`${instance}-exec-42-node-under-test-0-0-1`, { item: 0 }],
			[`${instance}-exec-42-node-under-test-0-0-2`, { item: 0 }],
			[`${instance}-exec-42-node-under-test-0-1-1`, { item: 1 }],
		]);
	});

	it('sends with the default scenario: no scenarioKey', async () => {
		await sendText({
			useDefaultScenario: true,
			phoneNumbers: '41793026727',
			smsText: 'x',
			requestSettings: { messageIdSource: 'infobip' },
		});
		expect(sends()[0].body).toEqual({
			destinations: [{ to: { phoneNumber: '41793026727' } }],
			sms: { text: 'x' },
		});
	});

	it('maps every option into the body', async () => {
		await sendText({
			phoneNumbers: '41793026727',
			smsText: 'x',
			options: {
				bulkId: 'B-1',
				callbackData: '{"order":7}',
				messageId: 'order-7',
				notifyUrl: 'https://n8n.example.com/webhook/reports',
				notifyContentType: 'application/xml',
				intermediateReport: true,
				notify: true,
				sendAt: TOMORROW.toISOString(),
				validityPeriods: {
					period: [{ channel: 'SMS', validityPeriod: 2, validityPeriodTimeUnit: 'HOURS' }],
				},
			},
		});
		expect(sends()[0].body).toEqual({
			scenarioKey: SEED_SCENARIO,
			bulkId: 'B-1',
			destinations: [{ messageId: 'order-7', to: { phoneNumber: '41793026727' } }],
			sms: { text: 'x', validityPeriod: 2, validityPeriodTimeUnit: 'HOURS' },
			intermediateReport: true,
			notifyUrl: 'https://n8n.example.com/webhook/reports',
			notifyContentType: 'application/xml',
			callbackData: '{"order":7}',
			sendAt: TOMORROW.toISOString().replace('Z', '+0000'),
		});
	});

	it('Simplify off returns the raw message with the bulk ID', async () => {
		const { output } = await sendText({
			phoneNumbers: '41793026727, 41793026731',
			smsText: 'x',
			simplify: false,
			requestSettings: { messageIdSource: 'infobip' },
		});
		expect(output.map((o) => o.json)).toEqual([
			{
				bulkId: 'generated-bulk',
				to: { phoneNumber: '41793026727' },
				status: ACCEPTED,
				messageId: 'generated-0',
			},
			{
				bulkId: 'generated-bulk',
				to: { phoneNumber: '41793026731' },
				status: ACCEPTED,
				messageId: 'generated-1',
			},
		]);
	});
});

describe("the seed's delivery-report exchange", () => {
	const SEED_REPORTS = {
		results: [
			{
				messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
				to: '41793026731',
				sentAt: '2016-02-23T17:41:11.833+0100',
				doneAt: '2016-02-23T17:41:11.843+0100',
				...SEED_FACEBOOK_REPORT,
			},
			{
				messageId: '2315d543441c-335f-1d3d-142d31451ed25f35',
				to: '41793026731',
				sentAt: '2016-06-23T17:40:31.773+0100',
				doneAt: '2016-06-23T17:40:31.787+0100',
				...SEED_SMS_REPORT,
			},
		],
	};

	/** The seed's reports in the one report shape (docs/report-shape.md). */
	const SIMPLIFIED = [
		{
			messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
			bulkId: null,
			to: '41793026731',
			from: null,
			channel: 'FACEBOOK',
			status: 'UNDELIVERABLE_NOT_DELIVERED',
			statusId: 9,
			statusGroup: 'UNDELIVERABLE',
			statusGroupId: 2,
			statusDescription: 'Message sent not delivered',
			statusAction: null,
			error: {
				id: 6,
				name: 'EC_ABSENT_SUBSCRIBER_SM',
				description: 'Absent Subscriber',
				groupId: 1,
				groupName: 'HANDSET_ERRORS',
				permanent: false,
			},
			price: { pricePerMessage: 0.0104, currency: 'EUR' },
			sentAt: '2016-02-23T16:41:11.833Z',
			doneAt: '2016-02-23T16:41:11.843Z',
			messageCount: 1,
			mccMnc: '22801',
			callbackData: null,
			text: null,
			contact: null,
		},
		{
			messageId: '2315d543441c-335f-1d3d-142d31451ed25f35',
			bulkId: null,
			to: '41793026731',
			from: null,
			channel: 'SMS',
			status: 'DELIVERED_TO_HANDSET',
			statusId: 5,
			statusGroup: 'DELIVERED',
			statusGroupId: 3,
			statusDescription: 'Message delivered to handset',
			statusAction: null,
			error: {
				id: 0,
				name: 'NO_ERROR',
				description: 'No Error',
				groupId: 0,
				groupName: 'OK',
				permanent: false,
			},
			price: { pricePerMessage: 0.01, currency: 'EUR' },
			sentAt: '2016-06-23T16:40:31.773Z',
			doneAt: '2016-06-23T16:40:31.787Z',
			messageCount: 1,
			mccMnc: '22801',
			callbackData: null,
			text: null,
			contact: null,
		},
	];

	it('GET /omni/1/reports with no query, one output item per report, simplified by default', async () => {
		server.reply({ status: 200, body: SEED_REPORTS });
		const { output, error } = await runNode({
			parameters: { resource: 'deliveryReport', operation: 'getAll' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(server.received).toHaveLength(1);
		expect(server.received[0]).toMatchObject({
			method: 'GET',
			url: '/omni/1/reports',
			rawBody: '',
		});
		expect(server.received[0].headers.accept).toBe('application/json');
		expect(server.received[0].headers.authorization).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
		expect(output).toStrictEqual(SIMPLIFIED.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it("Simplify off returns Infobip's reports exactly as they came", async () => {
		server.reply({ status: 200, body: SEED_REPORTS });
		const { output } = await runNode({
			parameters: { resource: 'deliveryReport', operation: 'getAll', simplify: false },
			credentials: credentials(),
		});
		expect(output).toStrictEqual(
			SEED_REPORTS.results.map((json) => ({ json, pairedItem: { item: 0 } })),
		);
	});

	it('Return All pages by 1000 until a short page', async () => {
		const page = (n: number, from: number) => ({
			results: Array.from({ length: n }, (_, i) => ({ messageId: `m${from + i}` })),
		});
		server.reply(
			{ status: 200, body: page(1000, 0) },
			{ status: 200, body: page(1000, 1000) },
			{ status: 200, body: page(3, 2000) },
		);
		const { output } = await runNode({
			parameters: {
				resource: 'deliveryReport',
				operation: 'getAll',
				returnAll: true,
				filters: { bulkId: 'B' },
			},
			credentials: credentials(),
		});
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/reports?bulkId=B&limit=1000',
			'/omni/1/reports?bulkId=B&limit=1000',
			'/omni/1/reports?bulkId=B&limit=1000',
		]);
		expect(output).toHaveLength(2003);
	});
});

describe('Log → Get Many output', () => {
	/** A log entry of Infobip's OMNI logs (https://www.infobip.com/docs/api/channels/omni-failover/get-omni-failover-message-logs), sent at 18:00 +0200. */
	const LOG = {
		bulkId: 'B-1',
		messageId: 'order-7',
		to: '41793026727',
		from: 'InfoSMS',
		text: 'Your order has shipped',
		sentAt: '2019-11-09T18:00:00.000+0200',
		doneAt: '2019-11-09T16:00:02.000+0000',
		messageCount: 1,
		mccMnc: '22801',
		price: { pricePerMessage: 0.01, currency: 'EUR' },
		status: {
			groupId: 3,
			groupName: 'DELIVERED',
			id: 5,
			name: 'DELIVERED_TO_HANDSET',
			description: 'Message delivered to handset',
		},
		channel: 'SMS',
	};

	const readLogs = async (parameters: IDataObject = {}) => {
		server.reply({ status: 200, body: { results: [LOG] } });
		return await runNode({
			parameters: { resource: 'log', operation: 'getAll', ...parameters },
			credentials: credentials(),
		});
	};

	it('Simplify on (the default): the one report shape; what a log lacks (error, callback data) is null', async () => {
		const { output, error } = await readLogs();
		expect(error).toBeUndefined();
		expect(server.received[0].url).toBe('/omni/1/logs?limit=50');
		expect(output).toStrictEqual([
			{
				json: {
					messageId: 'order-7',
					bulkId: 'B-1',
					to: '41793026727',
					from: 'InfoSMS',
					channel: 'SMS',
					status: 'DELIVERED_TO_HANDSET',
					statusId: 5,
					statusGroup: 'DELIVERED',
					statusGroupId: 3,
					statusDescription: 'Message delivered to handset',
					statusAction: null,
					error: null,
					price: { pricePerMessage: 0.01, currency: 'EUR' },
					sentAt: '2019-11-09T16:00:00.000Z',
					doneAt: '2019-11-09T16:00:02.000Z',
					messageCount: 1,
					mccMnc: '22801',
					callbackData: null,
					text: 'Your order has shipped',
					contact: null,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it("Simplify off returns Infobip's log entries exactly as they came", async () => {
		const { output } = await readLogs({ simplify: false });
		expect(output).toStrictEqual([{ json: LOG, pairedItem: { item: 0 } }]);
	});
});
