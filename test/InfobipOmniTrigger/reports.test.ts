import type { IDataObject } from 'n8n-workflow';

import { REPORT_FIELDS } from '../../nodes/InfobipOmni/reports/simplify';
import { normaliseResult, recogniseEvent } from '../../nodes/InfobipOmniTrigger/reports';
import { INBOUND_MESSAGES, SEED_ITEMS, SEED_REPORTS, SEEN_REPORTS } from '../fixtures/trigger';

describe('recogniseEvent', () => {
	it.each<[string, IDataObject, string | undefined]>([
		['a delivery report', SEED_REPORTS.results[0] as IDataObject, 'deliveryReport'],
		['a seen report', SEEN_REPORTS.results[0], 'seenReport'],
		['an inbound message', INBOUND_MESSAGES.results[0] as IDataObject, 'inboundMessage'],
		['a report with only doneAt', { messageId: 'm', doneAt: '2023-01-01' }, 'deliveryReport'],
		['an XML seen report', { messageid: 'm', seenat: '2023-01-01' }, 'seenReport'],
		['an XML inbound message', { integrationtype: 'VIBER' }, 'inboundMessage'],
		['an XML delivery report', { status: { groupname: 'DELIVERED' } }, 'deliveryReport'],
		['something else', { messageId: 'm', text: 'hi' }, undefined],
		['an empty seenAt', { messageId: 'm', seenAt: '' }, undefined],
	])('recognises %s', (_what, result, expected) => {
		expect(recogniseEvent(result)).toBe(expected);
	});
});

describe('normaliseResult', () => {
	it("normalises the seed's reports (the node adds dedupeKey afterwards)", () => {
		expect(
			SEED_REPORTS.results.map((result) =>
				normaliseResult(result as IDataObject, 'deliveryReport'),
			),
		).toStrictEqual(
			SEED_ITEMS.map((item) => {
				const normalised: Partial<typeof item> = { ...item };
				delete normalised.dedupeKey;
				return normalised;
			}),
		);
	});

	it('gives an XML-parsed report the same item as its JSON (apart from raw)', () => {
		const xml: IDataObject = {
			bulkid: 'b-1',
			messageid: 'm-1',
			to: '41793026731',
			sentat: '2016-02-23T17:41:11.833+0100',
			doneat: '2016-02-23T17:41:11.843+0100',
			messagecount: '2',
			mccmnc: '22801',
			price: { pricepermessage: '0.0104', currency: 'EUR' },
			status: {
				groupid: '3',
				groupname: 'DELIVERED',
				id: '5',
				name: 'DELIVERED_TO_HANDSET',
				description: 'Message delivered to handset',
				action: '',
			},
			error: {
				groupid: '0',
				groupname: 'OK',
				id: '0',
				name: 'NO_ERROR',
				description: 'No Error',
				permanent: 'false',
			},
			channel: 'VIBER',
			callbackdata: '{"a":1}',
		};
		const json: IDataObject = {
			bulkId: 'b-1',
			messageId: 'm-1',
			to: '41793026731',
			sentAt: '2016-02-23T17:41:11.833+0100',
			doneAt: '2016-02-23T17:41:11.843+0100',
			messageCount: 2,
			mccMnc: '22801',
			price: { pricePerMessage: 0.0104, currency: 'EUR' },
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
			channel: 'VIBER',
			callbackData: '{"a":1}',
		};
		const { raw: xmlRaw, ...fromXml } = normaliseResult(xml, 'deliveryReport');
		const { raw: jsonRaw, ...fromJson } = normaliseResult(json, 'deliveryReport');

		expect(fromXml).toStrictEqual(fromJson);
		expect(fromJson).toStrictEqual({
			event: 'deliveryReport',
			messageId: 'm-1',
			bulkId: 'b-1',
			to: '41793026731',
			from: null,
			channel: 'VIBER',
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
			price: { pricePerMessage: 0.0104, currency: 'EUR' },
			sentAt: '2016-02-23T16:41:11.833Z',
			doneAt: '2016-02-23T16:41:11.843Z',
			callbackData: { a: 1 },
			messageCount: 2,
			mccMnc: '22801',
			text: null,
			contact: null,
		});
		expect(xmlRaw).toBe(xml);
		expect(jsonRaw).toBe(json);
	});

	it('keeps a status action and a WhatsApp contact when Infobip sends them', () => {
		const item = normaliseResult(
			{
				messageId: 'm-1',
				status: { groupName: 'REJECTED', name: 'REJECTED_NETWORK', action: 'Check the number' },
				contact: { name: 'Frank' },
			},
			'deliveryReport',
		);

		expect(item).toMatchObject({ statusAction: 'Check the number', contact: { name: 'Frank' } });
	});

	it('gives a field Infobip did not send as null (the one report shape)', () => {
		const none = Object.fromEntries(REPORT_FIELDS.map((key) => [key, null]));
		expect(normaliseResult({ messageId: 'm-1', doneAt: '' }, 'deliveryReport')).toStrictEqual({
			event: 'deliveryReport',
			...none,
			messageId: 'm-1',
			raw: { messageId: 'm-1', doneAt: '' },
		});
	});

	it.each<[string, IDataObject, 'deliveryReport' | 'seenReport', string[]]>([
		['a delivery report', SEED_REPORTS.results[0] as IDataObject, 'deliveryReport', ['raw']],
		['a seen report', SEEN_REPORTS.results[0], 'seenReport', ['seenAt', 'raw']],
	])(
		'gives %s the report shape: event, the report fields, then its extras',
		(_what, result, event, extras) => {
			expect(Object.keys(normaliseResult(result, event))).toEqual([
				'event',
				...REPORT_FIELDS,
				...extras,
			]);
		},
	);

	it('leaves out what an inbound message (not a report) did not carry', () => {
		expect(
			normaliseResult(
				{ messageId: 'm-1', receivedAt: '', integrationType: 'VIBER' },
				'inboundMessage',
			),
		).toStrictEqual({
			event: 'inboundMessage',
			messageId: 'm-1',
			channel: 'VIBER',
			raw: { messageId: 'm-1', receivedAt: '', integrationType: 'VIBER' },
		});
	});

	it('reads the seen report’s sendAt as sentAt', () => {
		expect(normaliseResult(SEEN_REPORTS.results[0], 'seenReport')).toMatchObject({
			sentAt: '2023-04-05T11:21:57.793Z',
			seenAt: '2023-04-05T11:22:10.251Z',
		});
	});

	it('gives a seen report without seenAt a null seenAt, like every other missing field', () => {
		expect(normaliseResult({ messageId: 'm-1' }, 'seenReport')).toMatchObject({ seenAt: null });
	});

	it('names the inbound message’s channel after its integrationType', () => {
		const item = normaliseResult(
			{ ...INBOUND_MESSAGES.results[0], callbackData: '{"ticket":7}', pairedMessageId: 'p-1' },
			'inboundMessage',
		);

		expect(item).toMatchObject({
			channel: 'WHATSAPP',
			pairedMessageId: 'p-1',
			callbackData: { ticket: 7 },
		});
	});
});
