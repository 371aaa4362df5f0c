/**
 * Messages API delivery and seen reports simplify to the one report shape (the same 20 keys as
 * OMNI's), inbound events to the inbound shape: table-driven, with hand-written rows and the
 * spec's own example bodies (read from ../shared, never copied).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	INBOUND_FIELDS,
	REPORT_FIELDS,
	simplifyInboundMessage,
	simplifyReport,
} from '../../../nodes/InfobipOmni/reports/simplify';
import {
	describeWithMessagesSpec,
	responseExamples,
	webhookExamples,
} from '../../support/messagesSpec';

const NULL_REPORT = Object.fromEntries(REPORT_FIELDS.map((key) => [key, null]));
const NULL_INBOUND = Object.fromEntries(INBOUND_FIELDS.map((key) => [key, null]));

describe('Messages API reports → the one report shape', () => {
	it.each<[string, IDataObject, IDataObject]>([
		[
			'a delivery result: destination → to, sender → from, int mccMnc → text',
			{
				event: 'DELIVERY',
				channel: 'SMS',
				sender: 'InfoSMS',
				destination: '41793026727',
				sentAt: '2026-12-01T10:00:00.000+0100',
				doneAt: '2026-12-01T10:00:05.000+0100',
				bulkId: 'b-1',
				messageId: 'm-1',
				callbackData: '{"orderId":42}',
				messageCount: 2,
				status: {
					groupId: 2,
					groupName: 'UNDELIVERABLE',
					id: 4,
					name: 'UNDELIVERABLE_NOT_DELIVERED',
					description: 'Message sent not delivered',
				},
				error: {
					groupId: 1,
					groupName: 'HANDSET_ERRORS',
					id: 27,
					name: 'EC_ABSENT_SUBSCRIBER',
					description: 'Absent Subscriber',
					permanent: false,
				},
				platform: { entityId: 'e', applicationId: 'a' },
				mccMnc: 22801,
				networkId: 3,
				campaignReferenceId: 'summer',
			},
			{
				messageId: 'm-1',
				bulkId: 'b-1',
				to: '41793026727',
				from: 'InfoSMS',
				channel: 'SMS',
				status: 'UNDELIVERABLE_NOT_DELIVERED',
				statusId: 4,
				statusGroup: 'UNDELIVERABLE',
				statusGroupId: 2,
				statusDescription: 'Message sent not delivered',
				error: {
					id: 27,
					name: 'EC_ABSENT_SUBSCRIBER',
					description: 'Absent Subscriber',
					groupId: 1,
					groupName: 'HANDSET_ERRORS',
					permanent: false,
				},
				sentAt: '2026-12-01T09:00:00.000Z',
				doneAt: '2026-12-01T09:00:05.000Z',
				messageCount: 2,
				mccMnc: '22801',
				callbackData: { orderId: 42 },
			},
		],
		[
			"a seen result: no status, sentAt kept, seenAt is the trigger's own field",
			{
				event: 'SEEN',
				channel: 'WHATSAPP',
				sender: '447860099299',
				destination: '41793026727',
				sentAt: '2026-12-01T10:00:00.000+0000',
				seenAt: '2026-12-01T10:05:00.000+0000',
				bulkId: 'b-2',
				messageId: 'm-2',
				callbackData: 'plain text',
			},
			{
				messageId: 'm-2',
				bulkId: 'b-2',
				to: '41793026727',
				from: '447860099299',
				channel: 'WHATSAPP',
				sentAt: '2026-12-01T10:00:00.000Z',
				callbackData: 'plain text',
			},
		],
		[
			'XML-parsed (lowercased tags, text values)',
			{
				event: 'DELIVERY',
				channel: 'VIBER_BM',
				sender: 'Brand',
				destination: '41793026727',
				messageid: 'm-3',
				messagecount: '1',
				mccmnc: '22801',
				status: { groupid: '3', groupname: 'DELIVERED', id: '5', name: 'DELIVERED_TO_HANDSET' },
				error: { id: '0', permanent: 'false' },
			},
			{
				messageId: 'm-3',
				to: '41793026727',
				from: 'Brand',
				channel: 'VIBER_BM',
				status: 'DELIVERED_TO_HANDSET',
				statusId: 5,
				statusGroup: 'DELIVERED',
				statusGroupId: 3,
				error: { id: 0, permanent: false },
				messageCount: 1,
				mccMnc: '22801',
			},
		],
		[
			'an OMNI report keeps its to/from over destination/sender',
			{ messageId: 'o-1', to: '41793026727', from: 'InfoSMS', destination: 'x', sender: 'y' },
			{ messageId: 'o-1', to: '41793026727', from: 'InfoSMS' },
		],
	])('%s', (_name, source, expected) => {
		const simplified = simplifyReport(source);
		expect(Object.keys(simplified)).toEqual([...REPORT_FIELDS]);
		expect(simplified).toEqual({ ...NULL_REPORT, ...expected });
	});
});

describe('Messages API inbound events → the inbound shape', () => {
	it.each<[string, IDataObject, IDataObject]>([
		[
			'an SMS with a keyword',
			{
				event: 'MO',
				channel: 'SMS',
				sender: '41793026727',
				destination: 'InfoSMS',
				content: [{ type: 'TEXT', text: 'STOP now', cleanText: 'now', keyword: 'STOP' }],
				receivedAt: '2026-12-01T10:00:00.000+0100',
				messageId: 'mo-1',
				pairedMessageId: 'mt-1',
				messageCount: 1,
				callbackData: '[1,2]',
				campaignReferenceId: 'c',
				platform: { entityId: 'e', applicationId: 'a' },
			},
			{
				messageId: 'mo-1',
				pairedMessageId: 'mt-1',
				channel: 'SMS',
				from: '41793026727',
				to: 'InfoSMS',
				eventType: 'MO',
				contentType: 'TEXT',
				text: 'STOP now',
				content: [{ type: 'TEXT', text: 'STOP now', cleanText: 'now', keyword: 'STOP' }],
				receivedAt: '2026-12-01T09:00:00.000Z',
				messageCount: 1,
				callbackData: [1, 2],
				campaignReferenceId: 'c',
				entityId: 'e',
				applicationId: 'a',
			},
		],
		[
			'a location without text: url from the part, text null',
			{
				event: 'MO',
				channel: 'WHATSAPP',
				sender: '41793026727',
				destination: '447860099299',
				content: [{ type: 'LOCATION', latitude: 1, longitude: 2, url: 'https://maps.example/x' }],
				receivedAt: '2026-12-01T10:00:00Z',
				messageId: 'mo-2',
			},
			{
				messageId: 'mo-2',
				channel: 'WHATSAPP',
				from: '41793026727',
				to: '447860099299',
				eventType: 'MO',
				contentType: 'LOCATION',
				url: 'https://maps.example/x',
				content: [{ type: 'LOCATION', latitude: 1, longitude: 2, url: 'https://maps.example/x' }],
				receivedAt: '2026-12-01T10:00:00.000Z',
			},
		],
		[
			'a typing event: no content',
			{
				event: 'TYPING_STARTED',
				channel: 'APPLE_MB',
				sender: 'urn:mbid:1',
				destination: 'biz-1',
				receivedAt: '2026-12-01T10:00:00.000+0000',
				messageId: 'ty-1',
			},
			{
				messageId: 'ty-1',
				channel: 'APPLE_MB',
				from: 'urn:mbid:1',
				to: 'biz-1',
				eventType: 'TYPING_STARTED',
				receivedAt: '2026-12-01T10:00:00.000Z',
			},
		],
	])('%s', (_name, source, expected) => {
		const simplified = simplifyInboundMessage(source);
		expect(Object.keys(simplified)).toEqual([...INBOUND_FIELDS]);
		expect(simplified).toEqual({ ...NULL_INBOUND, ...expected });
	});
});

describeWithMessagesSpec("the spec's example bodies", (spec) => {
	const sources: Array<[string, unknown]> = [
		...Object.entries(responseExamples(spec, 'GET', '/messages-api/1/reports', '200')),
		...Object.entries(webhookExamples(spec, 'receive-messages-api-delivery-reports')),
		...Object.entries(webhookExamples(spec, 'receive-messages-api-seen-reports')),
	];

	it.each(sources)(
		'%s: the same 20 keys, ISO dates, flat status, to = destination',
		(_name, body) => {
			for (const source of (body as { results: IDataObject[] }).results) {
				const simplified = simplifyReport(source);
				expect(Object.keys(simplified)).toEqual([...REPORT_FIELDS]);
				expect(simplified).toMatchObject({
					messageId: source.messageId,
					bulkId: source.bulkId,
					to: source.destination,
					from: source.sender,
					channel: source.channel,
					status: (source.status as IDataObject | undefined)?.name ?? null,
					statusGroup: (source.status as IDataObject | undefined)?.groupName ?? null,
					sentAt: '2024-02-06T14:18:29.797Z',
					doneAt: source.doneAt ? '2024-02-06T17:18:29.797Z' : null,
					price: null,
					text: null,
					contact: null,
				});
			}
		},
	);

	const inbound = [
		...Object.entries(responseExamples(spec, 'GET', '/messages-api/1/inbound', '200')),
		...Object.entries(webhookExamples(spec, 'receive-messages-api-incoming-messages')),
	];
	it.each(inbound)('%s: the inbound shape', (_name, body) => {
		for (const source of (body as { results: IDataObject[] }).results) {
			const simplified = simplifyInboundMessage(source);
			expect(Object.keys(simplified)).toEqual([...INBOUND_FIELDS]);
			expect(simplified).toMatchObject({
				from: source.sender,
				to: source.destination,
				eventType: source.event,
				receivedAt: '2020-02-06T14:18:29.797Z',
			});
		}
	});
});
