import type { IDataObject } from 'n8n-workflow';

import {
	asBoolean,
	asNumber,
	asText,
	field,
	normaliseResult,
	parseCallbackData,
	recogniseEvent,
	toIsoDate,
} from '../../nodes/InfobipOmniTrigger/reports';
import { INBOUND_MESSAGES, SEED_ITEMS, SEED_REPORTS, SEEN_REPORTS } from '../fixtures/trigger';

describe('toIsoDate', () => {
	it.each([
		// Infobip's format (as in every OMNI answer): offset without a colon.
		['2016-02-23T17:41:11.833+0100', '2016-02-23T16:41:11.833Z'],
		['2015-02-23T16:41:11.833+0000', '2015-02-23T16:41:11.833Z'],
		['2015-02-22T17:42:05.390+01:00', '2015-02-22T16:42:05.390Z'],
		['2023-04-06T15:22:37.413-0530', '2023-04-06T20:52:37.413Z'],
		['2016-02-23T00:10:00.000+0100', '2016-02-22T23:10:00.000Z'],
		['2016-12-31T23:30:00.000-0100', '2017-01-01T00:30:00.000Z'],
		['2016-02-23T17:41:11.833Z', '2016-02-23T17:41:11.833Z'],
		['2016-02-23T17:41:11+0000', '2016-02-23T17:41:11.000Z'],
		['2016-02-23T17:41:11.8+0000', '2016-02-23T17:41:11.800Z'],
		['2016-02-23T17:41:11.833999+0000', '2016-02-23T17:41:11.833Z'],
		// No offset: read as UTC, the zone of every Infobip example.
		['2016-02-23T17:41:11.833', '2016-02-23T17:41:11.833Z'],
		['2024-02-29T12:00:00.000+0000', '2024-02-29T12:00:00.000Z'],
	])('%s → %s', (input, expected) => {
		expect(toIsoDate(input)).toBe(expected);
	});

	it.each([
		['not a date', 'yesterday'],
		['31 February', '2023-02-31T10:00:00.000+0000'],
		['hour 24', '2023-02-01T24:00:00.000+0000'],
		['a date without time', '2023-02-01'],
		['an offset out of range', '2023-02-01T10:00:00.000+2500'],
	])('keeps %s as it came', (_what, input) => {
		expect(toIsoDate(input)).toBe(input);
	});

	it.each([[undefined], [null], [''], ['   '], [{}]])('has nothing for %j', (input) => {
		expect(toIsoDate(input)).toBeUndefined();
	});
});

describe('value readers (XML gives text)', () => {
	it.each([
		[3, 3],
		['3', 3],
		['0.0104', 0.0104],
		[' 12 ', 12],
		['-1', -1],
		['1e3', 1000],
		['', undefined],
		['3a', undefined],
		[Number.NaN, undefined],
		[null, undefined],
	])('asNumber(%j) = %j', (input, expected) => {
		expect(asNumber(input)).toBe(expected);
	});

	it.each([
		[true, true],
		[false, false],
		['true', true],
		['FALSE', false],
		['yes', undefined],
		[0, undefined],
	])('asBoolean(%j) = %j', (input, expected) => {
		expect(asBoolean(input)).toBe(expected);
	});

	it.each([
		['abc', 'abc'],
		[41793026731, '41793026731'],
		['', undefined],
		[' ', undefined],
		[{}, undefined],
	])('asText(%j) = %j', (input, expected) => {
		expect(asText(input)).toBe(expected);
	});

	it('reads a field whatever its case, the exact key first', () => {
		expect(field({ messageid: 'lower' }, 'messageId')).toBe('lower');
		expect(field({ messageId: 'exact', messageid: 'lower' }, 'messageId')).toBe('exact');
		expect(field({ other: 1 }, 'messageId')).toBeUndefined();
	});
});

describe('parseCallbackData', () => {
	it.each<[unknown, unknown]>([
		['{"orderId":42}', { orderId: 42 }],
		[' [1, {"a": true}] ', [1, { a: true }]],
		['order 42', 'order 42'],
		['{broken', '{broken'],
		['42', '42'],
		['"quoted"', '"quoted"'],
		['null', 'null'],
		[{ already: 'parsed' }, { already: 'parsed' }],
		[null, undefined],
		['', undefined],
	])('%j → %j', (input, expected) => {
		expect(parseCallbackData(input)).toEqual(expected);
	});
});

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
			channel: 'VIBER',
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
			price: { pricePerMessage: 0.0104, currency: 'EUR' },
			sentAt: '2016-02-23T16:41:11.833Z',
			doneAt: '2016-02-23T16:41:11.843Z',
			callbackData: { a: 1 },
			messageCount: 2,
			mccMnc: '22801',
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

	it('leaves out what Infobip did not send', () => {
		expect(normaliseResult({ messageId: 'm-1', doneAt: '' }, 'deliveryReport')).toStrictEqual({
			event: 'deliveryReport',
			messageId: 'm-1',
			raw: { messageId: 'm-1', doneAt: '' },
		});
	});

	it('reads the seen report’s sendAt as sentAt', () => {
		expect(normaliseResult(SEEN_REPORTS.results[0], 'seenReport')).toMatchObject({
			sentAt: '2023-04-05T11:21:57.793Z',
			seenAt: '2023-04-05T11:22:10.251Z',
		});
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
