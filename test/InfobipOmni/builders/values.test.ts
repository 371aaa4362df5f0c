/**
 * The pure checks every builder shares (issue #10 §5): text fields, scenario keys, dates, URLs,
 * limits, JSON shapes and the quoting of long values. Each table has valid and invalid rows.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildChannelContent } from '../../../nodes/InfobipOmni/builders/channelContent';
import { buildDestinations, splitList } from '../../../nodes/InfobipOmni/builders/recipients';
import { buildFlow, checkScenarioKey } from '../../../nodes/InfobipOmni/builders/scenario';
import { buildSendOptions, parseSendAt } from '../../../nodes/InfobipOmni/builders/send';
import { S } from '../../../nodes/InfobipOmni/channels/shape';
import { checkShape } from '../../../nodes/InfobipOmni/builders/shape';
import {
	asText,
	isHttpUrl,
	parseDateTime,
	quote,
	readLimit,
	shorten,
} from '../../../nodes/InfobipOmni/builders/values';
import { refusal } from '../../support/refusal';

const NOW = Date.parse('2026-11-27T10:00:00.000Z');

const OBJECT_FIX = 'Map a text field, e.g. {{ $json.message }}, not the whole object.';

describe('1. text fields: asText', () => {
	it.each([
		['Hello', 'Hello'],
		['  spaced  ', '  spaced  '],
		[42, '42'],
		[4.5, '4.5'],
		[true, 'true'],
		[false, 'false'],
		[undefined, ''],
		[null, ''],
		[new Date('2026-12-24T09:00:00.000Z'), '2026-12-24T09:00:00.000Z'],
	])('%j → %j', (value, expected) => {
		expect(asText('Text', value)).toBe(expected);
	});

	it.each([
		[{ a: 1 }, 'got an object ({"a":1}), not text', OBJECT_FIX],
		[{}, 'got an object ({}), not text', OBJECT_FIX],
		[
			['a', 'b'],
			'got an array (["a","b"]), not text',
			"Map one text value, e.g. {{ $json.items[0] }}, or join the list, e.g. {{ $json.items.join(', ') }}.",
		],
		[[], 'got an array ([]), not text', expect.stringMatching(/^Map one text value/)],
	])('refuses %j', (value, problem, fix) => {
		expect(refusal(() => asText('Text', value))).toEqual(
			expect.objectContaining({ field: 'Text', problem, fix }),
		);
	});

	// Every builder that reads text uses asText: the field named is the one the user sees.
	it.each([
		['Facebook User Key', () => buildDestinations({ facebookUserKey: { id: 1 } }, () => undefined)],
		['Email Address', () => buildDestinations({ emailAddress: ['a@b.co'] }, () => undefined)],
		[
			'Push Registration ID',
			() => buildDestinations({ pushRegistrationId: { id: 1 } }, () => undefined),
		],
		['WhatsApp User ID', () => buildDestinations({ whatsAppUserId: { id: 1 } }, () => undefined)],
		['Phone Numbers', () => buildDestinations({ phoneNumbers: { n: 1 } }, () => undefined)],
		['Phone Numbers', () => splitList(['41793026727', { n: 1 }])],
		['Bulk IDs', () => splitList([{ id: 'B1' }], 'Bulk IDs')],
		['Bulk ID', () => buildSendOptions({ bulkId: { id: 'B1' } }, NOW)],
		['Notify URL', () => buildSendOptions({ notifyUrl: { url: 'https://x.io' } }, NOW)],
		[
			'Notify Content Type',
			() => buildSendOptions({ notifyContentType: ['application/json'] }, NOW),
		],
		['Send At', () => buildSendOptions({ sendAt: { when: 'tomorrow' } }, NOW)],
		['Steps → Sender (step 1)', () => buildFlow([{ channel: 'SMS', from: { name: 'InfoSMS' } }])],
		['Steps → Channel (step 1)', () => buildFlow([{ channel: ['SMS'], from: 'InfoSMS' }])],
		['Scenario', () => checkScenarioKey({ key: 'D01' })],
		['SMS → Text', () => buildChannelContent('SMS', { text: { a: 1 } })],
		[
			'Viber → Button URL',
			() =>
				buildChannelContent('VIBER', {
					contentType: 'TEXT_BUTTON',
					text: 'x',
					buttonURL: { u: 1 },
				}),
		],
		[
			'WhatsApp → Template Data',
			() => buildChannelContent('WHATSAPP', { contentType: 'TEMPLATE', templateData: [{ a: 1 }] }),
		],
		[
			'WhatsApp → Latitude',
			() =>
				buildChannelContent('WHATSAPP', { contentType: 'LOCATION', latitude: [45], longitude: 1 }),
		],
		['SMS → Transliteration', () => buildChannelContent('SMS', { text: 'x', transliteration: {} })],
	])('%s refuses an object or array', (field, build) => {
		const error = refusal(build);
		expect(error.field).toBe(field);
		expect(error.problem).toMatch(/^got an (object|array) \(.*\), not text$/);
	});

	it('keeps object callback data as JSON text', () => {
		expect(buildSendOptions({ callbackData: { order: 7, tags: ['a'] } }, NOW)).toEqual({
			callbackData: '{"order":7,"tags":["a"]}',
		});
	});

	it('stringifies numbers where text is expected', () => {
		expect(buildSendOptions({ bulkId: 4711 }, NOW)).toEqual({ bulkId: '4711' });
		expect(buildChannelContent('SMS', { text: 42 })).toEqual({ text: '42' });
	});
});

describe('2. scenario keys', () => {
	it.each([
		['D0110000000000000000000000000001', 'D0110000000000000000000000000001'],
		['  12CD1116DC7B451B2B7286412482CCC1 ', '12CD1116DC7B451B2B7286412482CCC1'],
		['my-key_1.v2', 'my-key_1.v2'],
	])('%j → %j', (raw, key) => {
		expect(checkScenarioKey(raw)).toBe(key);
	});

	it.each([
		['', 'no scenario is chosen'],
		['   ', 'no scenario is chosen'],
		[undefined, 'no scenario is chosen'],
		['.', expect.stringMatching(/^"\." is not a scenario key/)],
		['..', expect.stringMatching(/^"\.\." is not a scenario key/)],
		[' .. ', expect.stringMatching(/^"\.\." is not a scenario key/)],
		['abc/def', expect.stringMatching(/^"abc\/def" is not a scenario key/)],
		['../logs', expect.stringMatching(/is not a scenario key/)],
		['abc?limit=1', expect.stringMatching(/is not a scenario key/)],
		['abc#x', expect.stringMatching(/is not a scenario key/)],
		['ab cd', expect.stringMatching(/is not a scenario key/)],
		['ab\tcd', expect.stringMatching(/is not a scenario key/)],
		['ab\\cd', expect.stringMatching(/is not a scenario key/)],
	])('refuses %j', (raw, problem) => {
		const error = refusal(() => checkScenarioKey(raw));
		expect(error).toMatchObject({ field: 'Scenario', problem });
		expect(error.fix).toMatch(/^Pick a scenario from the list, or give its key/);
	});
});

describe('3. dates: one parser for Send At and the log filters', () => {
	it.each([
		['2026-12-24T09:00:00Z', Date.UTC(2026, 11, 24, 9)],
		['2026-12-24T09:00:00.250+01:00', Date.UTC(2026, 11, 24, 8, 0, 0, 250)],
		['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
		['2026-04-30T23:59:59Z', Date.UTC(2026, 3, 30, 23, 59, 59)],
		['Dec 24, 2026 09:00 UTC', Date.UTC(2026, 11, 24, 9)],
		[new Date(Date.UTC(2026, 11, 24, 9)), Date.UTC(2026, 11, 24, 9)],
		[{ toISO: () => '2026-12-24T09:00:00.000Z' }, Date.UTC(2026, 11, 24, 9)],
	])('%j', (raw, epochMs) => {
		expect(parseDateTime('Send At', raw, 'fix')).toBe(epochMs);
	});

	it.each([
		['2027-02-30T09:00:00Z', 'February 2027 has no day 30'],
		['2027-02-29T09:00:00Z', 'February 2027 has no day 29'],
		['2026-04-31T10:00:00Z', 'April 2026 has no day 31'],
		['2026-06-31', 'June 2026 has no day 31'],
		['2026-13-01T10:00:00Z', 'there is no month 13'],
		['2026-12-00T10:00:00Z', 'December 2026 has no day 0'],
		['2026-12-24T25:00:00Z', 'there is no hour 25'],
		['2026-12-24T24:00:00Z', 'there is no hour 24'],
		['2026-12-24T09:60:00Z', 'there is no minute 60'],
		['2026-12-24T09:00:61Z', 'there is no second 61'],
		['2026-12-24T09:00:00+25:00', 'the time zone offset is impossible'],
		['Feb 30 2027 10:00', 'February 2027 has no day 30'],
		['31 April 2027', 'April 2027 has no day 31'],
		['Dec 24 2026 25:10', '25:10 is not a time of day'],
	])('refuses %j: %s', (raw, impossible) => {
		expect(refusal(() => parseDateTime('Sent Since', raw, 'Give a real date.'))).toEqual(
			expect.objectContaining({
				field: 'Sent Since',
				problem: `"${raw}" is not a real date: ${impossible}`,
				fix: 'Give a real date.',
			}),
		);
	});

	it.each(['next tuesday', '24/05/2026 10:45', '31/02/2026', 'x'])(
		'refuses %j: not a date',
		(raw) => {
			expect(refusal(() => parseDateTime('Sent Until', raw, 'f')).problem).toBe(
				`"${raw}" is not a date and time`,
			);
		},
	);

	it('Send At uses it, before the past and 180-day checks', () => {
		expect(refusal(() => parseSendAt('2026-02-30T09:00:00Z', NOW)).problem).toBe(
			'"2026-02-30T09:00:00Z" is not a real date: February 2026 has no day 30',
		);
		expect(parseSendAt('2026-12-24T09:00:00Z', NOW)).toBe('2026-12-24T09:00:00.000+0000');
	});
});

describe('4. URLs: one check with a host', () => {
	it.each([
		'https://example.com',
		'https://example.com/a.png',
		'http://127.0.0.1:5678/webhook/abc?x=1#top',
		'https://user:pw@example.com:8443/a',
		'https://[::1]:8080/a',
		'HTTPS://EXAMPLE.COM/A',
		'https://münchen.de/bild.jpg',
	])('accepts %s', (url) => {
		expect(isHttpUrl(url)).toBe(true);
	});

	it.each([
		'https://?x=1',
		'https://#a',
		'https://:80/a.png',
		'https:///a',
		'https://',
		'https://./a',
		'https://a..b/c',
		'https://example.com:99999/a',
		'https://exa mple.com/a',
		'ftp://example.com/a',
		'example.com/a',
		'javascript:alert(1)',
	])('refuses %s', (url) => {
		expect(isHttpUrl(url)).toBe(false);
	});

	it.each([
		['Notify URL', () => buildSendOptions({ notifyUrl: 'https://?x=1' }, NOW), '"https://?x=1"'],
		[
			'Facebook Messenger (Legacy) → Media URL',
			() => buildChannelContent('FACEBOOK', { type: 'IMAGE', url: 'https://:80/a.png' }),
			'"https://:80/a.png"',
		],
		[
			'Viber → Image URL',
			() => buildChannelContent('VIBER', { contentType: 'IMAGE', imageURL: 'https:///a' }),
			'"https:///a"',
		],
		[
			'Viber → Button URL',
			() =>
				buildChannelContent('VIBER', {
					contentType: 'TEXT_BUTTON',
					text: 'x',
					buttonText: 'b',
					buttonURL: 'https://#a',
				}),
			'"https://#a"',
		],
		[
			'WhatsApp → Video URL',
			() => buildChannelContent('WHATSAPP', { contentType: 'VIDEO', videoUrl: 'https://#a' }),
			'"https://#a"',
		],
		[
			'LINE → Thumbnail URL',
			() =>
				buildChannelContent('LINE', {
					type: 'IMAGE',
					url: 'https://x.io/a',
					thumbnailUrl: 'https://?t',
				}),
			'"https://?t"',
		],
	])('%s refuses a URL without a host', (field, build, quoted) => {
		expect(refusal(build)).toMatchObject({
			field,
			problem: `${quoted} is an http(s) URL without a valid host`,
		});
	});
});

describe('5. limits', () => {
	it.each([
		[1, undefined, 1],
		[50, undefined, 50],
		[100000, undefined, 100000],
		['10', undefined, 10],
		[1000, 1000, 1000],
	])('%j (max %j) → %j', (raw, max, limit) => {
		expect(readLimit(raw, { max })).toBe(limit);
	});

	it.each([
		[0, undefined, '0 is not a whole number of 1 or more'],
		[-1, undefined, '-1 is not a whole number of 1 or more'],
		[2.5, undefined, '2.5 is not a whole number of 1 or more'],
		[Number.NaN, undefined, 'NaN is not a whole number of 1 or more'],
		['ten', undefined, 'ten is not a whole number of 1 or more'],
		['', undefined, 'it is empty'],
		[{ n: 5 }, undefined, '{"n":5} is not a whole number of 1 or more'],
		[1001, 1000, '1001 is not a whole number from 1 to 1000'],
		[0, 1000, '0 is not a whole number from 1 to 1000'],
	])('refuses %j (max %j)', (raw, max, problem) => {
		expect(refusal(() => readLimit(raw, { max }))).toMatchObject({ field: 'Limit', problem });
	});

	it('names the allowed range and Return All in the fix', () => {
		expect(refusal(() => readLimit(0, { returnAll: true })).fix).toBe(
			'Set Limit to a whole number of 1 or more, or turn on Return All.',
		);
		expect(refusal(() => readLimit(0, { max: 1000 })).fix).toBe(
			'Set Limit to a whole number from 1 to 1000 (Infobip returns at most 1000 per request).',
		);
	});
});

describe('6. JSON shapes', () => {
	const shape = S.object(
		{
			name: S.object({ first: S.text(undefined, 1), formatted: S.text(10, 1) }, ['formatted']),
			count: S.integer(1, 5),
			tags: S.array(S.text(), { maxItems: 2, unique: true }),
			link: S.url(),
			born: S.date(),
			kind: S.oneOf('A', 'B'),
			on: S.boolean(),
		},
		['name'],
	);

	it.each([
		[{ name: { formatted: 'Jane' } }],
		[
			{
				name: { first: 'J', formatted: 'Jane Doe' },
				count: 5,
				tags: ['a', 'b'],
				link: 'https://x.io',
				born: '1990-02-28',
				kind: 'B',
				on: false,
			},
		],
	])('accepts %j', (value) => {
		expect(checkShape(value, shape)).toBeUndefined();
	});

	it.each([
		[{}, 'name is required', 'Add "name", e.g. "name":{"formatted":"…"}.'],
		[{ name: {} }, 'name.formatted is required', 'Add "formatted" to name, e.g. "formatted":"…".'],
		[{ name: { formatted: '' } }, 'name.formatted is empty', expect.any(String)],
		[
			{ name: { formatted: 'x'.repeat(11) } },
			"name.formatted has 11 characters, more than Infobip's 10",
			'Shorten name.formatted to 10 characters.',
		],
		[
			{ name: { formatted: 'J', frist: 'J' } },
			'name.frist is not a key Infobip knows here',
			'Did you mean "first"? Keys allowed in name: first, formatted.',
		],
		[
			{ Name: { formatted: 'J' } },
			'Name is not a key Infobip knows here',
			expect.stringMatching(/^Did you mean "name"\?/),
		],
		[
			{ name: { formatted: 'J' }, count: 1.5 },
			'count is 1.5, not a whole number',
			'Give a whole number at count.',
		],
		[
			{ name: { formatted: 'J' }, count: 6 },
			'count is 6, out of range',
			'Give a value from 1 to 5 at count.',
		],
		[
			{ name: { formatted: 'J' }, count: '3' },
			'count is text ("3"), not a number',
			expect.any(String),
		],
		[
			{ name: { formatted: 'J' }, tags: ['a', 'b', 'c'] },
			"tags has 3 entries, more than Infobip's 2",
			'Give at most 2.',
		],
		[
			{ name: { formatted: 'J' }, tags: ['a', 'a'] },
			'tags lists "a" twice',
			'Remove the repeated entry from tags.',
		],
		[
			{ name: { formatted: 'J' }, tags: [{ t: 1 }] },
			'tags[0] is an object ({"t":1}), not text',
			expect.any(String),
		],
		[
			{ name: { formatted: 'J' }, link: 'https:///a' },
			'link "https:///a" is an http(s) URL without a valid host',
			expect.any(String),
		],
		[
			{ name: { formatted: 'J' }, born: '1990-02-30' },
			'born "1990-02-30" is not a date: February 1990 has no day 30',
			expect.any(String),
		],
		[{ name: { formatted: 'J' }, kind: 'C' }, 'kind is "C", not one of A, B', 'Use one of: A, B.'],
		[
			{ name: { formatted: 'J' }, on: 'yes' },
			'on is text ("yes"), not true or false',
			expect.any(String),
		],
		[{ name: 'Jane' }, 'name is text ("Jane"), not an object', expect.any(String)],
	])('refuses %j', (value, problem, fix) => {
		expect(checkShape(value, shape)).toEqual({ problem, fix });
	});

	const cases: Array<[string, IDataObject, string, string]> = [
		[
			'a contact without formattedName',
			{ contentType: 'CONTACTS', contacts: '[{"name":{"firstName":"Jane"}}]' },
			'WhatsApp → Contacts',
			'[0].name.formattedName is required',
		],
		[
			'no contacts (the default [] is unset)',
			{ contentType: 'CONTACTS', contacts: '[]' },
			'WhatsApp → Contacts',
			'it is empty',
		],
		[
			'a contact with an impossible birthday',
			{
				contentType: 'CONTACTS',
				contacts: '[{"name":{"firstName":"J","formattedName":"J"},"birthday":"1990-02-30"}]',
			},
			'WhatsApp → Contacts',
			'[0].birthday "1990-02-30" is not a date: February 1990 has no day 30',
		],
		[
			'a media template without body',
			{
				contentType: 'MEDIA_TEMPLATE',
				templateName: 't',
				mediaTemplateData: '{"header":{"imageUrl":"https://x.io/a.png"}}',
			},
			'WhatsApp → Media Data',
			'body is required',
		],
		[
			'a media template header image without a host',
			{
				contentType: 'MEDIA_TEMPLATE',
				templateName: 't',
				mediaTemplateData: '{"header":{"imageUrl":"https://?a"},"body":{"placeholders":[]}}',
			},
			'WhatsApp → Media Data',
			'header.imageUrl "https://?a" is an http(s) URL without a valid host',
		],
		[
			'Kakao Chingu with 6 buttons',
			{
				content: JSON.stringify({
					text: 'Hi',
					buttons: Array.from({ length: 6 }, (_, i) => ({
						type: 'BOT_KEYWORD',
						buttonText: `b${i}`,
					})),
				}),
			},
			'Kakao Chingu → Content',
			"buttons has 6 entries, more than Infobip's 5",
		],
		[
			'Kakao Chingu with imageURL',
			{ content: '{"text":"Hi","imageURL":"https://x.io/a.png"}' },
			'Kakao Chingu → Content',
			'imageURL is not a key Infobip knows here',
		],
		[
			'a Kakao URL button without its URL',
			{ content: '{"text":"Hi","buttons":[{"type":"URL","buttonText":"Open"}]}' },
			'Kakao Chingu → Content',
			'buttons[0].buttonUrl is required',
		],
		[
			'a Kakao button without a type',
			{ content: '{"text":"Hi","buttons":[{"buttonText":"Open"}]}' },
			'Kakao Chingu → Content',
			'buttons[0].type is required',
		],
		[
			'a Kakao validity of 1.5',
			{ content: '{"text":"Hi","validityPeriod":1.5}' },
			'Kakao Chingu → Content',
			'validityPeriod is 1.5, not a whole number',
		],
	];
	it.each(cases)('%s', (_name, values, field, problem) => {
		const channel = field.startsWith('Kakao') ? 'KAKAO_CHINGU' : 'WHATSAPP';
		expect(refusal(() => buildChannelContent(channel, values))).toMatchObject({ field, problem });
	});

	it.each([
		[
			'KAKAO_ALIM',
			{ content: JSON.stringify({ text: 'Hi', templateCode: 'T'.repeat(31) }) },
			'Kakao Alim → Content',
			"templateCode has 31 characters, more than Infobip's 30",
		],
		[
			'KAKAO_ALIM',
			{
				content:
					'{"text":"Hi","buttons":[{"type":"CHATBOT_SWITCH","buttonText":"Bot","chatExtra":""}]}',
			},
			'Kakao Alim → Content',
			'buttons[0].chatEvent is required',
		],
		[
			'KAKAO_ALIM',
			{ content: '{"text":"Hi","validityPeriod":49,"validityPeriodTimeUnit":"HOURS"}' },
			'Kakao Alim → Validity Period',
			expect.stringMatching(/outside Infobip's limits/),
		],
		[
			'PUSH',
			{ text: 'Hi', personSubscriptions: 'a, b, a' },
			'Push → Person Subscriptions',
			'it lists "a" twice',
		],
		[
			'PUSH',
			{ text: 'Hi', notificationOptions: '{"badge":1.5}' },
			'Push → Display Options',
			'badge is 1.5, not a whole number',
		],
		[
			'PUSH',
			{ text: 'Hi', notificationOptions: '{"tittle":"x"}' },
			'Push → Display Options',
			'tittle is not a key Infobip knows here',
		],
		[
			'LINE',
			{ type: 'AUDIO', url: 'https://x.io/a.m4a', duration: 1.5 },
			'LINE → Duration (Ms)',
			'1.5 is not a whole number',
		],
		[
			'LINE',
			{ type: 'FLEX', altText: 'x', contents: '{"body":{}}' },
			'LINE → Flex Contents',
			'type is required',
		],
	])('%s %j is refused at %s', (channel, values, field, problem) => {
		expect(refusal(() => buildChannelContent(channel, values))).toMatchObject({ field, problem });
	});

	it.each([
		[
			'KAKAO_CHINGU',
			{
				content:
					'{"text":"Hi","imageUrl":"https://x.io/a.png","buttons":[{"type":"URL","buttonText":"Open","buttonUrl":"https://x.io"}]}',
			},
		],
		[
			'KAKAO_ALIM',
			{
				content:
					'{"text":"Hi","templateCode":"T1","buttons":[{"type":"CHATBOT_SWITCH","buttonText":"Bot","chatEvent":"e","chatExtra":""}]}',
			},
		],
		[
			'WHATSAPP',
			{
				contentType: 'CONTACTS',
				contacts:
					'[{"name":{"firstName":"Jane","formattedName":"Jane Doe"},"phones":[{"phone":"41793026727","type":"CELL"}],"birthday":"1990-05-17"}]',
			},
		],
		[
			'PUSH',
			{
				text: 'Hi',
				customPayload: '{"any":{"thing":[1]}}',
				notificationOptions: '{"title":"t","inAppStyle":"MODAL","badge":1}',
			},
		],
		['LINE', { type: 'FLEX', altText: 'x', contents: '{"type":"BUBBLE","body":{"type":"box"}}' }],
	])('accepts %s %j', (channel, values) => {
		expect(() => buildChannelContent(channel, values)).not.toThrow();
	});
});

describe('7. long values are shortened in messages', () => {
	it.each([
		['short', '"short"'],
		['x'.repeat(60), `"${'x'.repeat(60)}"`],
		['x'.repeat(61), `"${'x'.repeat(60)}…"`],
		[{ a: 'y'.repeat(100) }, `${`{"a":"${'y'.repeat(100)}"}`.slice(0, 60)}…`],
		[42, '42'],
	])('quote(%j)', (value, quoted) => {
		expect(quote(value)).toBe(quoted);
	});

	it('shortens in every message that quotes a value', () => {
		const long = `${'4'.repeat(70)}x`;
		expect(refusal(() => buildDestinations({ phoneNumbers: long }, () => undefined)).problem).toBe(
			`"${shorten(long)}" is not a phone number`,
		);
		expect(refusal(() => checkScenarioKey(`a/${'b'.repeat(100)}`)).problem).toMatch(
			/^"a\/b{58}…" is not a scenario key/,
		);
		expect(
			refusal(() => buildSendOptions({ notifyUrl: `https://?${'q'.repeat(100)}` }, NOW)).problem,
		).toBe(`"https://?${'q'.repeat(51)}…" is an http(s) URL without a valid host`);
		expect(refusal(() => asText('Text', { text: 'z'.repeat(200) })).problem.length).toBeLessThan(
			100,
		);
	});
});
