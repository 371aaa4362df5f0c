import { buildChannelContent } from '../../../nodes/InfobipOmni/builders/channelContent';
import {
	buildDestinations,
	normalizePhoneNumber,
	splitList,
} from '../../../nodes/InfobipOmni/builders/recipients';
import {
	buildSendBody,
	buildSendOptions,
	formatInfobipDate,
} from '../../../nodes/InfobipOmni/builders/send';
import { buildValidity } from '../../../nodes/InfobipOmni/builders/validity';
import { OMNI_CHANNELS } from '../../../nodes/InfobipOmni/channels';
import { CHANNEL_CONTENT } from '../../../nodes/InfobipOmni/channels/content';
import { withDestinations } from '../../../nodes/InfobipOmni/dispatch';
import { SEED_FACEBOOK_USER, SEED_SCENARIO } from '../../fixtures/seed';
import { refusal } from '../../support/refusal';

const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const DAY = 86_400_000;

describe('phone numbers', () => {
	it.each([
		['41793026727', '41793026727'],
		['+41 79 302 67 27', '41793026727'],
		['0041-79-302-67-27', '41793026727'],
		['(+41) 79.302.67.27', '41793026727'],
		['+1 (555) 010-9999', '15550109999'],
	])('%j → %j', (raw, expected) => {
		expect(normalizePhoneNumber(raw)).toBe(expected);
	});

	it.each([
		'',
		'abc',
		'+41 79 302 67 27 x',
		'12345',
		'1234567890123456',
		'++41793026727',
		'41793026727;',
	])('refuses %j', (raw) => {
		expect(refusal(() => normalizePhoneNumber(raw))).toMatchObject({ field: 'Phone Numbers' });
	});

	it.each([
		['41793026727', ['41793026727']],
		['a, b;c\n d', ['a', 'b', 'c', 'd']],
		[
			['1', 2, ' 3 '],
			['1', '2', '3'],
		],
		[41793026727, ['41793026727']],
		[undefined, []],
		[' , ', []],
	])('splitList(%j)', (raw, expected) => {
		expect(splitList(raw)).toEqual(expected);
	});
});

describe('destinations', () => {
	const noIds = () => undefined;

	it('one destination per phone number, with message IDs when given', () => {
		expect(
			buildDestinations({ phoneNumbers: '+41793026727, 41793026731' }, (d) => `m-${d}`),
		).toEqual([
			{ messageId: 'm-0', to: { phoneNumber: '41793026727' } },
			{ messageId: 'm-1', to: { phoneNumber: '41793026731' } },
		]);
	});

	it("puts the seed's phone number and Facebook user key in one destination", () => {
		expect(
			buildDestinations(
				{ phoneNumbers: '41793026727', facebookUserKey: SEED_FACEBOOK_USER },
				noIds,
			),
		).toEqual([
			{
				to: { phoneNumber: '41793026727', facebookUserKey: SEED_FACEBOOK_USER },
			},
		]);
	});

	it('accepts an address without a phone number', () => {
		expect(buildDestinations({ emailAddress: 'jane@example.com' }, noIds)).toEqual([
			{ to: { emailAddress: 'jane@example.com' } },
		]);
	});

	it.each([
		[{}, 'no recipient is given'],
		[{ phoneNumbers: ' ' }, 'no recipient is given'],
		[
			{ phoneNumbers: '41793026727,41793026731', facebookUserKey: 'k' },
			/2 phone numbers were given together with facebookUserKey/,
		],
		[{ emailAddress: 'not-an-email' }, '"not-an-email" is not an email address'],
	])('refuses %j', (parameters, problem) => {
		expect(refusal(() => buildDestinations(parameters, noIds)).problem).toEqual(
			typeof problem === 'string' ? problem : expect.stringMatching(problem),
		);
	});
});

describe('channel contents', () => {
	it('covers every channel of channels.ts exactly once', () => {
		expect(CHANNEL_CONTENT.map((spec) => spec.channel).sort()).toEqual(
			OMNI_CHANNELS.map((channel) => channel.value).sort(),
		);
	});

	it.each([
		['FACEBOOK', { text: 'Hi' }, { text: 'Hi' }],
		[
			'FACEBOOK',
			{ type: 'IMAGE', url: 'https://somedomain.com/images/image.jpg' },
			{ type: 'IMAGE', url: 'https://somedomain.com/images/image.jpg' },
		],
		[
			'SMS',
			{ text: 'Hi', transliteration: '', languageCode: 'TR', koreaTitle: ' ' },
			{ text: 'Hi', language: { languageCode: 'TR' } },
		],
		[
			'SMS',
			{ text: 'Hi', indiaDltPrincipalEntityId: 'P1', indiaDltContentTemplateId: 'T1' },
			{ text: 'Hi', regional: { indiaDlt: { principalEntityId: 'P1', contentTemplateId: 'T1' } } },
		],
		[
			'SMS',
			{ text: 'Hi', validityPeriod: 90, validityPeriodTimeUnit: 'SECONDS' },
			{ text: 'Hi', validityPeriod: 90, validityPeriodTimeUnit: 'SECONDS' },
		],
		[
			'VIBER',
			{
				contentType: 'TEXT_BUTTON',
				text: 'Hi',
				buttonText: 'Call',
				buttonURL: 'tel:+41793026727',
				isPromotional: true,
				forcePrimaryDevice: false,
			},
			{ text: 'Hi', buttonText: 'Call', buttonURL: 'tel:+41793026727', isPromotional: true },
		],
		[
			'WHATSAPP',
			{ contentType: 'TEMPLATE', templateName: 'order', templateData: 'Jane, $25', language: 'en' },
			{ templateName: 'order', templateData: ['Jane', '$25'], language: 'en' },
		],
		[
			'WHATSAPP',
			{ contentType: 'LOCATION', latitude: '45.8', longitude: 15.97, locationName: 'Office' },
			{ latitude: 45.8, longitude: 15.97, locationName: 'Office' },
		],
		[
			'WHATSAPP',
			{
				contentType: 'MEDIA_TEMPLATE',
				templateName: 't',
				mediaTemplateData:
					'{"header":{"imageUrl":"https://x.io/a.png"},"body":{"placeholders":["Jane"]}}',
			},
			{
				templateName: 't',
				mediaTemplateData: {
					header: { imageUrl: 'https://x.io/a.png' },
					body: { placeholders: ['Jane'] },
				},
			},
		],
		['EMAIL', { subject: 'S', text: 'Body' }, { subject: 'S', text: 'Body' }],
		['PUSH', { text: 'Hi', customPayload: { a: 1 } }, { text: 'Hi', customPayload: { a: 1 } }],
		[
			'VKONTAKTE',
			{ templateName: 'InfoVK_template', templateData: '{"parameter1":"param1Value"}' },
			{ templateName: 'InfoVK_template', templateData: { parameter1: 'param1Value' } },
		],
		[
			'KAKAO_ALIM',
			{
				content: '{"text":"Hi","templateCode":"T1"}',
				validityPeriod: 2,
				validityPeriodTimeUnit: 'HOURS',
			},
			{ text: 'Hi', templateCode: 'T1', validityPeriod: 2, validityPeriodTimeUnit: 'HOURS' },
		],
		['LINE', { type: 'TEXT', text: 'Hi' }, { type: 'TEXT', text: 'Hi' }],
		['PARSECO', { text: 'Hi' }, { text: 'Hi' }],
	])('%s %j', (channel, values, expected) => {
		expect(buildChannelContent(channel, values)).toEqual(expected);
	});

	it.each([
		['FACEBOOK', { type: 'VIDEO' }, 'Facebook Messenger (Legacy) → Media URL', 'it is empty'],
		[
			'FACEBOOK',
			{ type: 'PDF', url: 'https://x.io/a.pdf' },
			'Facebook Messenger (Legacy) → Message Type',
			'"PDF" is not one of TEXT, IMAGE, AUDIO, VIDEO, FILE',
		],
		[
			'FACEBOOK',
			{ type: 'IMAGE', url: 'ftp://x.io/a.png' },
			'Facebook Messenger (Legacy) → Media URL',
			'"ftp://x.io/a.png" is not an http(s) URL',
		],
		['FACEBOOK', {}, 'Facebook Messenger (Legacy) → Text', 'it is empty'],
		['SMS', { text: ' ' }, 'SMS → Text', 'it is empty'],
		[
			'SMS',
			{ text: 'x', indiaDltTelemarketerId: 'T' },
			'SMS → DLT Entity ID',
			'other India DLT fields are set without it',
		],
		[
			'SMS',
			{ text: 'x', koreaTitle: 'k'.repeat(67) },
			'SMS → Korea Title',
			"it has 67 characters, more than Infobip's 66",
		],
		[
			'SMS',
			{ text: 'x', transliteration: 'KLINGON' },
			'SMS → Transliteration',
			expect.stringMatching(/^"KLINGON" is not one of NONE, ALL/),
		],
		[
			'VIBER',
			{ contentType: 'TEXT_BUTTON', text: 'x', buttonText: 'b'.repeat(31) },
			'Viber → Button Text',
			"it has 31 characters, more than Infobip's 30",
		],
		['VIBER', {}, 'Viber → Text', 'it is empty'],
		[
			'WHATSAPP',
			{ contentType: 'LOCATION', latitude: 91, longitude: 0 },
			'WhatsApp → Latitude',
			'91 is out of range',
		],
		['WHATSAPP', { contentType: 'LOCATION', latitude: 45 }, 'WhatsApp → Longitude', 'it is empty'],
		[
			'WHATSAPP',
			{ contentType: 'CONTACTS', contacts: '{"name":{}}' },
			'WhatsApp → Contacts',
			'it is a JSON object, not an array',
		],
		[
			'WHATSAPP',
			{ contentType: 'MEDIA_TEMPLATE', mediaTemplateData: '{oops' },
			'WhatsApp → Media Data',
			'it is not valid JSON',
		],
		[
			'PUSH',
			{ text: 'p'.repeat(2001) },
			'Push → Text',
			"it has 2001 characters, more than Infobip's 2000",
		],
		['EMAIL', { subject: 'only' }, 'Email → Text', 'it is empty'],
		['KAKAO_ALIM', { content: '[]' }, 'Kakao Alim → Content', 'it is a JSON array, not an object'],
		['LINE', { type: 'IMAGE', text: 'x' }, 'LINE → Media URL', 'it is empty'],
		['TELEGRAM', { text: 'x' }, 'Channel', '"TELEGRAM" is not an OMNI channel'],
	])('%s %j is refused at %s', (channel, values, field, problem) => {
		expect(refusal(() => buildChannelContent(channel, values))).toMatchObject({ field, problem });
	});
});

describe('validity', () => {
	it.each([
		['SMS', 31, 'SECONDS'],
		['SMS', 48, 'HOURS'],
		['SMS', 2, 'DAYS'],
		['VIBER', 36, 'SECONDS'],
		['VIBER', 14, 'DAYS'],
	])('%s accepts %d %s', (channel, period, unit) => {
		expect(
			buildValidity(channel, { validityPeriod: period, validityPeriodTimeUnit: unit }),
		).toEqual({
			validityPeriod: period,
			validityPeriodTimeUnit: unit,
		});
	});

	it.each([
		['SMS', 30, 'SECONDS', 'outside'],
		['SMS', 49, 'HOURS', 'outside'],
		['SMS', 3, 'DAYS', 'outside'],
		['VIBER', 35, 'SECONDS', 'outside'],
		['VIBER', 15, 'DAYS', 'outside'],
		['SMS', 1.5, 'HOURS', 'is not a validity period'],
		['SMS', 10, 'WEEKS', 'is not a validity period'],
		['SMS', -5, 'MINUTES', 'is not a validity period'],
	])('%s refuses %d %s', (channel, period, unit, problem) => {
		expect(
			refusal(() =>
				buildValidity(channel, { validityPeriod: period, validityPeriodTimeUnit: unit }),
			).problem,
		).toContain(problem);
	});

	it('leaves the validity out when it is 0 or not set', () => {
		expect(buildValidity('SMS', {})).toEqual({});
		expect(buildValidity('SMS', { validityPeriod: 0, validityPeriodTimeUnit: 'HOURS' })).toEqual(
			{},
		);
	});
});

describe('send options', () => {
	it('maps every option', () => {
		expect(
			buildSendOptions(
				{
					bulkId: ' B1 ',
					callbackData: '{"order":7}',
					notifyUrl: 'https://n8n.example.com/webhook/x',
					notifyContentType: 'application/xml',
					intermediateReport: true,
					notify: false,
					sendAt: '2026-12-24T09:00:00+01:00',
				},
				NOW,
			),
		).toEqual({
			bulkId: 'B1',
			notify: false,
			intermediateReport: true,
			notifyUrl: 'https://n8n.example.com/webhook/x',
			notifyContentType: 'application/xml',
			callbackData: '{"order":7}',
			sendAt: '2026-12-24T08:00:00.000+0000',
		});
	});

	it('leaves out what is not set (and the defaults notify=true, intermediateReport=false)', () => {
		expect(
			buildSendOptions(
				{ bulkId: '', notify: true, intermediateReport: false, callbackData: '' },
				NOW,
			),
		).toEqual({});
	});

	it('serialises object callback data', () => {
		expect(buildSendOptions({ callbackData: { order: 7 } }, NOW)).toEqual({
			callbackData: '{"order":7}',
		});
	});

	it.each([
		[{ notifyUrl: 'n8n.example.com/webhook' }, 'Notify URL'],
		[{ notifyUrl: 'javascript:alert(1)' }, 'Notify URL'],
		[{ notifyContentType: 'text/plain' }, 'Notify Content Type'],
		[{ callbackData: 'x'.repeat(4001) }, 'Callback Data'],
		[{ sendAt: 'next tuesday' }, 'Send At'],
		[{ sendAt: new Date(NOW - 2 * 60_000).toISOString() }, 'Send At'],
		[{ sendAt: new Date(NOW + 181 * DAY).toISOString() }, 'Send At'],
	])('refuses %j', (options, field) => {
		expect(refusal(() => buildSendOptions(options, NOW)).field).toBe(field);
	});

	it('accepts Send At up to 180 days ahead and a little clock skew', () => {
		expect(buildSendOptions({ sendAt: new Date(NOW + 180 * DAY).toISOString() }, NOW).sendAt).toBe(
			formatInfobipDate(NOW + 180 * DAY),
		);
		expect(buildSendOptions({ sendAt: new Date(NOW - 30_000).toISOString() }, NOW).sendAt).toBe(
			formatInfobipDate(NOW - 30_000),
		);
	});
});

describe('send body', () => {
	it("builds the seed's text send, key for key", () => {
		const body = buildSendBody({
			scenarioKey: SEED_SCENARIO,
			contents: {
				SMS: { text: 'This is the SMS failover message' },
				FACEBOOK: {
					text: 'This Facebook message will be delivered both to the Facebook user page and Facebook messenger.',
				},
			},
			options: {},
		});
		const sent = withDestinations(body, [{ to: { phoneNumber: '41793026727' } }]);
		expect(JSON.stringify(sent)).toBe(
			JSON.stringify({
				scenarioKey: SEED_SCENARIO,
				destinations: [{ to: { phoneNumber: '41793026727' } }],
				facebook: {
					text: 'This Facebook message will be delivered both to the Facebook user page and Facebook messenger.',
				},
				sms: { text: 'This is the SMS failover message' },
			}),
		);
	});

	it('uses the JSON keys of each channel (whatsApp, vKontakte, kakaoAlim)', () => {
		const body = buildSendBody({
			contents: { WHATSAPP: { text: 'a' }, VKONTAKTE: { text: 'b' }, KAKAO_ALIM: { text: 'c' } },
			options: { bulkId: 'B' },
		});
		expect(Object.keys(body)).toEqual(['bulkId', 'whatsApp', 'vKontakte', 'kakaoAlim']);
	});

	it('refuses a body with no channel content', () => {
		expect(refusal(() => buildSendBody({ contents: {}, options: {} })).field).toBe(
			'Channel Contents',
		);
	});
});
