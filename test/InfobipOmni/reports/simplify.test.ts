import type { IDataObject } from 'n8n-workflow';

import {
	asBoolean,
	asNumber,
	asText,
	field,
	parseCallbackData,
	recipientAddress,
	REPORT_FIELDS,
	simplifyReport,
	toIsoDate,
} from '../../../nodes/InfobipOmni/reports/simplify';
import { SEED_FIRST_REPORT_XML, SEED_REPORTS, SEEN_REPORTS } from '../../fixtures/trigger';

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
		// Other offsets keep the instant: +0530 and +1245 (Chatham) across midnight, -0930 across a year.
		['2019-11-10T03:30:00.000+0530', '2019-11-09T22:00:00.000Z'],
		['2019-11-10T04:45:00.000+1245', '2019-11-09T16:00:00.000Z'],
		['2019-12-31T20:00:00.000-0930', '2020-01-01T05:30:00.000Z'],
		['2019-11-09T16:00:00.000+0000', '2019-11-09T16:00:00.000Z'],
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

describe("recipientAddress (the send output's to)", () => {
	it.each<[string, unknown, string | undefined]>([
		['a phone number', { phoneNumber: '41793026727' }, '41793026727'],
		['an email address', { emailAddress: 'jane@example.com' }, 'jane@example.com'],
		[
			'a phone number before the other addresses',
			{ emailAddress: 'jane@example.com', phoneNumber: '41793026727' },
			'41793026727',
		],
		[
			'a WhatsApp user ID',
			{ whatsAppUserId: 'US.13491208655302741918' },
			'US.13491208655302741918',
		],
		['a push registration ID', { pushRegistrationId: 'reg-1' }, 'reg-1'],
		['a Facebook user key', { facebookUserKey: 'fb-1' }, 'fb-1'],
		['an address Infobip adds later', { lineUserKey: 'line-1' }, 'line-1'],
		['a string already', '41793026727', '41793026727'],
		['nothing', undefined, undefined],
		['an empty object', {}, undefined],
	])('%s', (_what, to, expected) => {
		expect(recipientAddress(to)).toBe(expected);
	});
});

/** Every field's type in the one shape (docs/report-shape.md); null is allowed for each. */
const FIELD_TYPES: Record<(typeof REPORT_FIELDS)[number], string> = {
	messageId: 'string',
	bulkId: 'string',
	to: 'string',
	from: 'string',
	channel: 'string',
	status: 'string',
	statusId: 'number',
	statusGroup: 'string',
	statusGroupId: 'number',
	statusDescription: 'string',
	statusAction: 'string',
	error: 'object',
	price: 'object',
	sentAt: 'string',
	doneAt: 'string',
	messageCount: 'number',
	mccMnc: 'string',
	callbackData: 'object|string',
	text: 'string',
	contact: 'object',
};

/** Every field null: a row names only what its source has. */
const NONE = Object.fromEntries(REPORT_FIELDS.map((key) => [key, null])) as IDataObject;

const DELIVERED = {
	status: 'DELIVERED_TO_HANDSET',
	statusId: 5,
	statusGroup: 'DELIVERED',
	statusGroupId: 3,
	statusDescription: 'Message delivered to handset',
};

/** The same message as Delivery Report → Get Many, Log → Get Many and a trigger push see it. */
const REPORT: IDataObject = {
	bulkId: 'bulk-1',
	messageId: 'msg-1',
	to: '41793026727',
	sentAt: '2019-11-09T17:00:00.000+0100',
	doneAt: '2019-11-09T16:00:01.500+0000',
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
	error: {
		groupId: 0,
		groupName: 'OK',
		id: 0,
		name: 'NO_ERROR',
		description: 'No Error',
		permanent: false,
	},
	channel: 'SMS',
	callbackData: '{"orderId":42}',
};
const LOG_ENTRY: IDataObject = {
	bulkId: 'bulk-1',
	messageId: 'msg-1',
	to: '41793026727',
	from: 'InfoSMS',
	text: 'Your order 42 has shipped',
	sentAt: '2019-11-09T17:00:00.000+0100',
	doneAt: '2019-11-09T16:00:01.500+0000',
	messageCount: 1,
	mccMnc: '22801',
	price: { pricePerMessage: 0.01, currency: 'EUR' },
	status: REPORT.status,
	channel: 'SMS',
};
/** The report as n8n hands over an XML push: lowercased tags, every value text. */
const XML_PUSH: IDataObject = {
	bulkid: 'bulk-1',
	messageid: 'msg-1',
	to: '41793026727',
	sentat: '2019-11-09T17:00:00.000+0100',
	doneat: '2019-11-09T16:00:01.500+0000',
	messagecount: '1',
	mccmnc: '22801',
	price: { pricepermessage: '0.01', currency: 'EUR' },
	status: {
		groupid: '3',
		groupname: 'DELIVERED',
		id: '5',
		name: 'DELIVERED_TO_HANDSET',
		description: 'Message delivered to handset',
	},
	error: {
		groupid: '0',
		groupname: 'OK',
		id: '0',
		name: 'NO_ERROR',
		description: 'No Error',
		permanent: 'false',
	},
	channel: 'SMS',
	callbackdata: '{"orderId":42}',
};

const JOINED = {
	messageId: 'msg-1',
	bulkId: 'bulk-1',
	to: '41793026727',
	channel: 'SMS',
	...DELIVERED,
	price: { pricePerMessage: 0.01, currency: 'EUR' },
	sentAt: '2019-11-09T16:00:00.000Z',
	doneAt: '2019-11-09T16:00:01.500Z',
	messageCount: 1,
	mccMnc: '22801',
};
const NO_ERROR = {
	id: 0,
	name: 'NO_ERROR',
	description: 'No Error',
	groupId: 0,
	groupName: 'OK',
	permanent: false,
};

describe('simplifyReport: one shape for every source', () => {
	const rows: Array<[string, IDataObject, IDataObject]> = [
		[
			'a delivery report (Get Many, JSON push)',
			REPORT,
			{ ...NONE, ...JOINED, error: NO_ERROR, callbackData: { orderId: 42 } },
		],
		[
			'the same report as an XML push',
			XML_PUSH,
			{ ...NONE, ...JOINED, error: NO_ERROR, callbackData: { orderId: 42 } },
		],
		[
			'a log entry (no error, callbackData or contact)',
			LOG_ENTRY,
			{ ...NONE, ...JOINED, from: 'InfoSMS', text: 'Your order 42 has shipped' },
		],
		[
			"the seed's Facebook report (no bulk ID)",
			SEED_REPORTS.results[0] as IDataObject,
			{
				...NONE,
				messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
				to: '41793026731',
				channel: 'FACEBOOK',
				status: 'UNDELIVERABLE_NOT_DELIVERED',
				statusId: 9,
				statusGroup: 'UNDELIVERABLE',
				statusGroupId: 2,
				statusDescription: 'Message sent not delivered',
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
			},
		],
		[
			'a seen report (sendAt is sentAt)',
			SEEN_REPORTS.results[0],
			{
				...NONE,
				messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
				to: '41793026731',
				from: '385919998888',
				sentAt: '2023-04-05T11:21:57.793Z',
			},
		],
		[
			'a WhatsApp report with a status action, a contact and plain callback data',
			{
				messageId: 'm-2',
				channel: 'WHATSAPP',
				status: { groupName: 'REJECTED', name: 'REJECTED_NETWORK', action: 'Check the number' },
				contact: { name: 'Frank' },
				callbackData: 'order 42',
			},
			{
				...NONE,
				messageId: 'm-2',
				channel: 'WHATSAPP',
				status: 'REJECTED_NETWORK',
				statusGroup: 'REJECTED',
				statusAction: 'Check the number',
				contact: { name: 'Frank' },
				callbackData: 'order 42',
			},
		],
		['an empty result', {}, NONE],
		['empty strings', { messageId: 'm-3', doneAt: '', to: ' ' }, { ...NONE, messageId: 'm-3' }],
	];

	it.each(rows)('%s', (_what, source, expected) => {
		expect(simplifyReport(source)).toStrictEqual(expected);
	});

	it.each(rows)('%s: every field, in order, with its type or null', (_what, source) => {
		const simplified = simplifyReport(source);
		expect(Object.keys(simplified)).toEqual([...REPORT_FIELDS]);
		for (const key of REPORT_FIELDS) {
			const value = simplified[key];
			const type = value === null ? 'null' : Array.isArray(value) ? 'object' : typeof value;
			expect([key, type === 'null' || FIELD_TYPES[key].split('|').includes(type)]).toEqual([
				key,
				true,
			]);
		}
	});

	it('gives a report, its log entry and its XML push the same join fields', () => {
		const [report, log, xml] = [REPORT, LOG_ENTRY, XML_PUSH].map(simplifyReport);
		const join = (item: IDataObject) => [item.messageId, item.to, item.statusGroup, item.sentAt];
		expect(join(log)).toEqual(join(report));
		expect(join(xml)).toEqual(join(report));
	});

	it("reads the seed's XML fixture's dates in UTC", () => {
		// The fixture's <sentAt> carries +0100: the instant is an hour earlier in UTC.
		expect(SEED_FIRST_REPORT_XML).toContain('<sentAt>2016-02-23T17:41:11.833+0100</sentAt>');
		expect(toIsoDate('2016-02-23T17:41:11.833+0100')).toBe('2016-02-23T16:41:11.833Z');
	});
});
