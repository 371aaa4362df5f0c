/**
 * The trigger receives the Messages API's webhook bodies too (delivery reports in JSON and XML,
 * seen reports, inbound messages and typing events), through the real engine and HTTP, with the
 * spec's own example bodies (read from ../shared, never copied) and hand-written ones: the same
 * report shape as OMNI's, the same filters, secret and dedupeKey.
 */
import axios from 'axios';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { INBOUND_FIELDS, REPORT_FIELDS } from '../../nodes/InfobipOmni/reports/simplify';
import { startTriggerServer, type TriggerServer } from '../support/webhook';
import { describeWithMessagesSpec, webhookExamples } from '../support/messagesSpec';

async function push(url: string, body: string | object, headers: Record<string, string> = {}) {
	const response = await axios.post<string>(
		url,
		typeof body === 'string' ? body : JSON.stringify(body),
		{
			headers: { 'Content-Type': 'application/json', ...headers },
			validateStatus: () => true,
			transformRequest: [(data: string) => data],
			transformResponse: (data: string) => data,
		},
	);
	return { status: response.status, body: response.data };
}

let server: TriggerServer | undefined;
async function trigger(parameters: INodeParameters = {}) {
	server = await startTriggerServer({ parameters });
	return server;
}
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const NULL_REPORT = Object.fromEntries(REPORT_FIELDS.map((key) => [key, null]));

/** A Messages API delivery result (hand-written, as MessagesApiDeliveryResult describes it). */
const delivery = (overrides: IDataObject = {}): IDataObject => ({
	event: 'DELIVERY',
	channel: 'MESSENGER',
	sender: 'FacebookApplicationKey',
	destination: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
	sentAt: '2026-12-01T10:00:00.000+0000',
	doneAt: '2026-12-01T10:00:01.000+0000',
	bulkId: 'bulk-1',
	messageId: 'order-7',
	messageCount: 1,
	status: { groupId: 5, groupName: 'REJECTED', id: 6, name: 'REJECTED_NETWORK', description: 'x' },
	error: { id: 0, groupId: 0, groupName: 'OK', name: 'NO_ERROR', permanent: false },
	...overrides,
});

describe('Infobip OMNI Trigger: Messages API bodies (hand-written)', () => {
	it('a failover pair (Messenger rejected, SMS delivered): two reports, two keys', async () => {
		const s = await trigger();
		const sms = delivery({
			channel: 'SMS',
			sender: 'InfoSMS',
			destination: '41793026727',
			status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET' },
		});
		const response = await push(s.url, { results: [delivery(), sms] });
		expect(response.status).toBe(200);
		expect(JSON.parse(response.body)).toEqual({ received: 2, started: 2 });
		expect(s.items().map((item) => [item.event, item.to, item.channel, item.dedupeKey])).toEqual([
			[
				'deliveryReport',
				'9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
				'MESSENGER',
				'deliveryReport|order-7|MESSENGER|REJECTED/REJECTED_NETWORK',
			],
			[
				'deliveryReport',
				'41793026727',
				'SMS',
				'deliveryReport|order-7|SMS|DELIVERED/DELIVERED_TO_HANDSET',
			],
		]);
	});

	it.each<[string, INodeParameters, number]>([
		['Final Failures Only keeps the rejected Messenger step', { statusFilter: 'finalFailures' }, 1],
		['channel MESSENGER keeps it', { channels: ['MESSENGER'] }, 1],
		['channel SMS drops it', { channels: ['SMS'] }, 0],
		['only seen reports drops it', { events: ['seenReport'] }, 0],
	])('filters: %s', async (_name, parameters, started) => {
		const s = await trigger(parameters);
		const response = await push(s.url, { results: [delivery()] });
		expect(JSON.parse(response.body)).toEqual({ received: 1, started });
	});

	it('the secret applies: without it 401 and nothing starts', async () => {
		const s = await trigger({ secret: 's3cret' });
		const refused = await push(s.url, { results: [delivery()] });
		expect(refused.status).toBe(401);
		expect(s.items()).toEqual([]);
		const accepted = await push(s.notifyUrl('s3cret'), { results: [delivery()] });
		expect(accepted.status).toBe(200);
		expect(s.items()).toHaveLength(1);
	});

	it('an unknown event name falls back to the fields, and a result with neither is refused', async () => {
		const s = await trigger();
		const response = await push(s.url, { results: [{ event: 'CLICK', messageId: 'x' }] });
		expect(response.status).toBe(400);
		expect(JSON.parse(response.body)).toEqual({
			message:
				'Not an Infobip OMNI push: results[0] is not a delivery report, seen report or inbound message',
			hint: 'A delivery report has a status, a seen report a seenAt, an inbound message a receivedAt; a Messages API result names its event (DELIVERY, SEEN, MO, TYPING_STARTED or TYPING_STOPPED).',
		});
		expect(s.items()).toEqual([]);
	});
});

describeWithMessagesSpec("Infobip OMNI Trigger: the spec's Messages API webhook bodies", (spec) => {
	const [deliveryJson] = Object.values(
		webhookExamples(spec, 'receive-messages-api-delivery-reports'),
	);
	const [deliveryXml] = Object.values(
		webhookExamples(spec, 'receive-messages-api-delivery-reports', 'application/xml'),
	);
	const [seenJson] = Object.values(webhookExamples(spec, 'receive-messages-api-seen-reports'));
	const inbound = Object.entries(webhookExamples(spec, 'receive-messages-api-incoming-messages'));

	const DELIVERED = {
		...NULL_REPORT,
		messageId: 'ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy',
		bulkId: '1688025180464000013',
		to: '41793026727',
		from: 'senderNumber',
		channel: 'WHATSAPP',
		status: 'DELIVERED_TO_HANDSET',
		statusId: 5,
		statusGroup: 'DELIVERED',
		statusGroupId: 3,
		statusDescription: 'Message delivered to handset',
		error: {
			id: 0,
			name: 'NO_ERROR',
			description: 'No Error',
			groupId: 0,
			groupName: 'OK',
			permanent: false,
		},
		sentAt: '2024-02-06T14:18:29.797Z',
		doneAt: '2024-02-06T17:18:29.797Z',
		messageCount: 1,
	};

	it('delivery report (JSON): the one report shape, event first, dedupeKey, raw', async () => {
		const s = await trigger();
		const response = await push(s.url, deliveryJson as object);
		expect(response.status).toBe(200);
		expect(s.items()).toStrictEqual([
			{
				event: 'deliveryReport',
				...DELIVERED,
				dedupeKey:
					'deliveryReport|ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy|WHATSAPP|DELIVERED/DELIVERED_TO_HANDSET',
				raw: (deliveryJson as { results: IDataObject[] }).results[0],
			},
		]);
	});

	it('delivery report (XML, as the spec shows it): the same fields and key as the JSON one', async () => {
		const s = await trigger();
		const response = await push(s.url, deliveryXml as string, {
			'Content-Type': 'application/xml',
		});
		expect(response.status).toBe(200);
		const [item, ...rest] = s.items();
		expect(rest).toEqual([]);
		const { raw, ...normalised } = item;
		expect(normalised).toStrictEqual({
			event: 'deliveryReport',
			...DELIVERED,
			dedupeKey:
				'deliveryReport|ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy|WHATSAPP|DELIVERED/DELIVERED_TO_HANDSET',
		});
		expect(raw).toBeDefined();
	});

	it('seen report: the one report shape with seenAt, channel named', async () => {
		const s = await trigger({ channels: ['WHATSAPP'] });
		await push(s.url, seenJson as object);
		expect(s.items()).toStrictEqual([
			{
				event: 'seenReport',
				...NULL_REPORT,
				messageId: 'ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy',
				bulkId: '1688025180464000013',
				to: '41793026727',
				from: 'senderNumber',
				channel: 'WHATSAPP',
				sentAt: '2024-02-06T14:18:29.797Z',
				callbackData: 'reference-callback-data-from-outbound-message',
				seenAt: '2024-02-06T14:28:29.797Z',
				dedupeKey: 'seenReport|ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy|WHATSAPP|',
				raw: (seenJson as { results: IDataObject[] }).results[0],
			},
		]);
	});

	it('the spec has inbound examples', () => expect(inbound.length).toBeGreaterThan(5));

	it.each(inbound)(
		'inbound (%s): the inbound shape, event first, dedupeKey, raw',
		async (_name, body) => {
			const s = await trigger();
			const response = await push(s.url, body as object);
			expect(response.status).toBe(200);
			const [source] = (body as { results: IDataObject[] }).results;
			const [item] = s.items();
			expect(Object.keys(item)).toEqual(['event', ...INBOUND_FIELDS, 'dedupeKey', 'raw']);
			expect(item).toMatchObject({
				event: 'inboundMessage',
				messageId: source.messageId,
				channel: source.channel,
				from: source.sender,
				to: source.destination,
				eventType: source.event,
				receivedAt: '2020-02-06T14:18:29.797Z',
				dedupeKey: `inboundMessage|${String(source.messageId)}|${String(source.channel)}|${String(source.event)}`,
				raw: source,
			});
		},
	);

	it('typing started and stopped of one conversation get different keys, and Inbound Message filters them', async () => {
		const typing = inbound.filter(([name]) => /typing/i.test(name)).map(([, body]) => body);
		expect(typing).toHaveLength(2);
		const s = await trigger({ events: ['inboundMessage'], channels: ['APPLE_MB'] });
		for (const body of typing) await push(s.url, body as object);
		const keys = s.items().map((item) => item.dedupeKey);
		expect(keys).toHaveLength(2);
		expect(new Set(keys).size).toBe(2);
		const dropped = await push(s.url, deliveryJson as object);
		expect(JSON.parse(dropped.body)).toEqual({ received: 1, started: 0 });
	});
});
