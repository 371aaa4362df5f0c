/**
 * Bad input, across every operation: each ends in a NodeOperationError that names the field and
 * the item (`Invalid <field>: <problem> (item <n>)`, with the fix as description), and the
 * sandbox sees no request at all. Sends check every item before sending any; the other
 * operations run item by item, so there the bad item comes first.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED_FACEBOOK_USER } from '../fixtures/seed';
import { runNode } from '../support/harness';
import { useSandbox } from '../support/infobip';
import { basicAuth, DRILL_SCENARIO, startDrillSandbox } from './support';

const sandbox = useSandbox(startDrillSandbox);

type Operation =
	| 'sendText'
	| 'sendRichMedia'
	| 'sendAdvanced'
	| 'scenarioCreate'
	| 'scenarioGet'
	| 'scenarioUpdate'
	| 'scenarioGetAll'
	| 'logGetAll'
	| 'reportGetAll';

const DAY_MS = 86_400_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const long = (length: number) => 'x'.repeat(length);

/** Each item's values: every parameter below reads its value from the item. */
const GOOD: IDataObject = {
	scenario: DRILL_SCENARIO,
	phone: '41793026727',
	fbKey: '',
	fb: 'Your parcel is on its way',
	sms: 'Your parcel is on its way',
	callbackData: '',
	notifyUrl: '',
	notifyContentType: 'application/json',
	sendAt: '',
	validity: 48,
	unit: 'HOURS',
	validityChannel: 'SMS',
	type: 'IMAGE',
	url: 'https://example.com/images/parcel.png',
	text: 'Hello',
	extra: '',
	choice: 'TEXT',
	json: '{"text":"Hello"}',
	number: 45,
	days: 1,
	contacts: '[{"name":{"firstName":"Jane","formattedName":"Jane Doe"}}]',
	mediaTemplate: '{"body":{"placeholders":["Jane"]}}',
	flex: '{"type":"BUBBLE","body":{"type":"box"}}',
	lat: 45,
	lon: 15,
	email: '',
	waId: '',
	channel: 'FACEBOOK',
	from: 'FacebookApplicationKey',
	from2: 'InfoSMS',
	limit: 10,
	since: '',
	until: '',
	filterChannel: 'SMS',
};

const fromItem = (key: string) => `={{ $json.${key} }}`;
const scenario = { __rl: true, mode: 'key', value: fromItem('scenario') };

const BASE: Record<Operation, IDataObject> = {
	sendText: {
		resource: 'message',
		operation: 'sendText',
		scenario,
		phoneNumbers: fromItem('phone'),
		facebookUserKey: fromItem('fbKey'),
		facebookText: fromItem('fb'),
		smsText: fromItem('sms'),
		options: {
			callbackData: fromItem('callbackData'),
			notifyUrl: fromItem('notifyUrl'),
			notifyContentType: fromItem('notifyContentType'),
			sendAt: fromItem('sendAt'),
			validityPeriods: {
				period: [
					{
						channel: fromItem('validityChannel'),
						validityPeriod: fromItem('validity'),
						validityPeriodTimeUnit: fromItem('unit'),
					},
				],
			},
		},
	},
	sendRichMedia: {
		resource: 'message',
		operation: 'sendRichMedia',
		scenario,
		phoneNumbers: fromItem('phone'),
		mediaType: fromItem('type'),
		mediaUrl: fromItem('url'),
		smsText: fromItem('sms'),
	},
	sendAdvanced: {
		resource: 'message',
		operation: 'sendAdvanced',
		scenario,
		phoneNumbers: fromItem('phone'),
		otherAddresses: { emailAddress: fromItem('email'), whatsAppUserId: fromItem('waId') },
	},
	scenarioCreate: {
		resource: 'scenario',
		operation: 'create',
		name: 'Bad input',
		steps: {
			step: [
				{ channel: fromItem('channel'), from: fromItem('from') },
				{ channel: 'SMS', from: fromItem('from2') },
			],
		},
	},
	scenarioGet: { resource: 'scenario', operation: 'get', scenario },
	scenarioGetAll: {
		resource: 'scenario',
		operation: 'getAll',
		returnAll: false,
		limit: fromItem('limit'),
	},
	scenarioUpdate: {
		resource: 'scenario',
		operation: 'update',
		scenario,
		updateFields: { name: 'Renamed' },
	},
	logGetAll: {
		resource: 'log',
		operation: 'getAll',
		limit: fromItem('limit'),
		filters: { sentSince: fromItem('since'), sentUntil: fromItem('until') },
	},
	reportGetAll: {
		resource: 'deliveryReport',
		operation: 'getAll',
		returnAll: false,
		limit: fromItem('limit'),
		filters: { channel: fromItem('filterChannel') },
	},
};

const isSend = (operation: Operation) => operation.startsWith('send');

interface BadCase {
	operation: Operation;
	/** The item's bad values (the other items keep GOOD). */
	bad: IDataObject;
	/** The field the error must name, exactly as in `Invalid <field>: …`. */
	field: string;
	/** Replaces or adds top-level parameters. */
	parameters?: IDataObject;
	/** For Send Advanced: the channel contents (reading the item's values). */
	contents?: IDataObject;
	/** When given, the exact problem: the message must be `Invalid <field>: <problem> (item <n>)`. */
	problem?: string;
	/** When given, the exact fix (the error's description). */
	fix?: string;
}

/**
 * Runs the operation over three items (sends: the bad one last, to show nothing at all is sent)
 * or two items (other operations: the bad one first, since they run item by item).
 */
async function runBad(badCase: BadCase) {
	const badIndex = isSend(badCase.operation) ? 2 : 0;
	const count = isSend(badCase.operation) ? 3 : 2;
	const input = Array.from({ length: count }, (_, i) => ({
		json: i === badIndex ? { ...GOOD, ...badCase.bad } : { ...GOOD, phone: `4179302672${i}` },
	}));
	const parameters = {
		...BASE[badCase.operation],
		...(badCase.contents ? { channelContents: badCase.contents } : {}),
		...(badCase.parameters ?? {}),
	} as INodeParameters;
	const run = await runNode({ parameters, credentials: basicAuth(sandbox), input });
	return { run, badIndex };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectRefused(badCase: BadCase) {
	const { run, badIndex } = await runBad(badCase);
	expect(run.error?.name).toBe('NodeOperationError');
	expect(run.error?.message).toMatch(
		new RegExp(`^Invalid ${escapeRegExp(badCase.field)}: .+ \\(item ${badIndex}\\)$`),
	);
	expect(run.error?.description).toEqual(expect.any(String));
	if (badCase.problem !== undefined) {
		expect(run.error?.message).toBe(
			`Invalid ${badCase.field}: ${badCase.problem} (item ${badIndex})`,
		);
	}
	if (badCase.fix !== undefined) expect(run.error?.description).toBe(badCase.fix);
	expect(run.error?.context.itemIndex).toBe(badIndex);
	expect(run.output).toEqual([]);
	expect(sandbox.requests()).toEqual([]);
}

const sms = (extra: IDataObject) => ({ SMS: { text: 'Hello', ...extra } });

const CASES: Array<[string, BadCase]> = [
	// Send Text: recipients
	['empty phone number', { operation: 'sendText', bad: { phone: '' }, field: 'Phone Numbers' }],
	[
		'phone number in words',
		{ operation: 'sendText', bad: { phone: 'call me' }, field: 'Phone Numbers' },
	],
	[
		'phone number too short',
		{ operation: 'sendText', bad: { phone: '12345' }, field: 'Phone Numbers' },
	],
	[
		'phone number too long',
		{ operation: 'sendText', bad: { phone: '1234567890123456' }, field: 'Phone Numbers' },
	],
	[
		'phone number with letters',
		{ operation: 'sendText', bad: { phone: '+41 79 ABC 67 27' }, field: 'Phone Numbers' },
	],
	[
		'one bad number in a list',
		{ operation: 'sendText', bad: { phone: '41793026727, 4179x' }, field: 'Phone Numbers' },
	],
	[
		'one bad number in an array',
		{ operation: 'sendText', bad: { phone: ['41793026727', 'n/a'] }, field: 'Phone Numbers' },
	],
	[
		'several numbers with one Facebook user key',
		{
			operation: 'sendText',
			bad: { phone: '41793026727,41793026728', fbKey: SEED_FACEBOOK_USER },
			field: 'Phone Numbers',
		},
	],
	[
		'more recipients than Batch Size',
		{
			operation: 'sendText',
			bad: { phone: '41793026727,41793026728,41793026729' },
			parameters: { requestSettings: { batchSize: 2 } },
			field: 'Phone Numbers',
		},
	],
	// Send Text: content, scenario, options
	[
		'no text at all',
		{ operation: 'sendText', bad: { fb: '', sms: ' ' }, field: 'Channel Contents' },
	],
	['no scenario', { operation: 'sendText', bad: { scenario: '' }, field: 'Scenario' }],
	[
		'callback data over 4000 characters',
		{ operation: 'sendText', bad: { callbackData: long(4001) }, field: 'Callback Data' },
	],
	[
		'notify URL with another scheme',
		{ operation: 'sendText', bad: { notifyUrl: 'ftp://example.com/reports' }, field: 'Notify URL' },
	],
	[
		'notify URL without a scheme',
		{
			operation: 'sendText',
			bad: { notifyUrl: 'n8n.example.com/webhook/abc' },
			field: 'Notify URL',
		},
	],
	[
		'notify content type not JSON or XML',
		{
			operation: 'sendText',
			bad: { notifyContentType: 'text/plain' },
			field: 'Notify Content Type',
		},
	],
	[
		'Send At that is not a date',
		{ operation: 'sendText', bad: { sendAt: 'next Tuesday-ish' }, field: 'Send At' },
	],
	[
		'Send At in the past',
		{ operation: 'sendText', bad: { sendAt: iso(-DAY_MS) }, field: 'Send At' },
	],
	[
		'Send At beyond 180 days',
		{ operation: 'sendText', bad: { sendAt: iso(181 * DAY_MS) }, field: 'Send At' },
	],
	[
		'validity of exactly 30 seconds',
		{
			operation: 'sendText',
			bad: { validity: 30, unit: 'SECONDS' },
			field: 'SMS → Validity Period',
		},
	],
	[
		'validity over 48 hours',
		{ operation: 'sendText', bad: { validity: 49, unit: 'HOURS' }, field: 'SMS → Validity Period' },
	],
	[
		'validity in an unknown unit',
		{ operation: 'sendText', bad: { validity: 2, unit: 'WEEKS' }, field: 'SMS → Validity Period' },
	],
	[
		'validity not a whole number',
		{
			operation: 'sendText',
			bad: { validity: 1.5, unit: 'HOURS' },
			field: 'SMS → Validity Period',
		},
	],
	[
		'negative validity',
		{
			operation: 'sendText',
			bad: { validity: -5, unit: 'MINUTES' },
			field: 'SMS → Validity Period',
		},
	],
	// Send Rich Media
	[
		'a media type without a URL',
		{
			operation: 'sendRichMedia',
			bad: { url: '' },
			field: 'Facebook Messenger (Legacy) → Media URL',
		},
	],
	[
		'a javascript: media URL',
		{
			operation: 'sendRichMedia',
			bad: { url: 'javascript:alert(1)' },
			field: 'Facebook Messenger (Legacy) → Media URL',
		},
	],
	[
		'a media URL without a scheme',
		{
			operation: 'sendRichMedia',
			bad: { url: 'www.example.com/a.png' },
			field: 'Facebook Messenger (Legacy) → Media URL',
		},
	],
	[
		'an unknown media type',
		{
			operation: 'sendRichMedia',
			bad: { type: 'GIF' },
			field: 'Facebook Messenger (Legacy) → Message Type',
		},
	],
	// Send Advanced: texts over Infobip's limits, URLs, JSON, addresses
	[
		'push text over 2000 characters',
		{
			operation: 'sendAdvanced',
			contents: { PUSH: { text: fromItem('text') } },
			bad: { text: long(2001) },
			field: 'Push → Text',
		},
	],
	[
		'Viber button text over 30 characters',
		{
			operation: 'sendAdvanced',
			contents: {
				VIBER: {
					contentType: 'TEXT_BUTTON',
					text: 'Hello',
					buttonText: fromItem('text'),
					buttonURL: 'https://example.com',
				},
			},
			bad: { text: long(31) },
			field: 'Viber → Button Text',
		},
	],
	[
		'Viber button URL with another scheme',
		{
			operation: 'sendAdvanced',
			contents: {
				VIBER: {
					contentType: 'TEXT_BUTTON',
					text: 'Hello',
					buttonText: 'Open',
					buttonURL: fromItem('url'),
				},
			},
			bad: { url: 'ftp://example.com/x' },
			field: 'Viber → Button URL',
		},
	],
	[
		'Viber file name over 25 characters',
		{
			operation: 'sendAdvanced',
			contents: {
				VIBER: {
					contentType: 'FILE',
					fileUrl: 'https://example.com/a.pdf',
					fileName: fromItem('text'),
					fileType: 'pdf',
				},
			},
			bad: { text: long(26) },
			field: 'Viber → File Name',
		},
	],
	[
		'Viber validity over 14 days',
		{
			operation: 'sendAdvanced',
			contents: {
				VIBER: { text: 'Hello', validityPeriod: fromItem('days'), validityPeriodTimeUnit: 'DAYS' },
			},
			bad: { days: 15 },
			field: 'Viber → Validity Period',
		},
	],
	[
		'Viber validity of 35 seconds',
		{
			operation: 'sendAdvanced',
			contents: {
				VIBER: {
					text: 'Hello',
					validityPeriod: fromItem('number'),
					validityPeriodTimeUnit: 'SECONDS',
				},
			},
			bad: { number: 35 },
			field: 'Viber → Validity Period',
		},
	],
	[
		'WhatsApp latitude over 90',
		{
			operation: 'sendAdvanced',
			contents: {
				WHATSAPP: {
					contentType: 'LOCATION',
					latitude: fromItem('lat'),
					longitude: fromItem('lon'),
				},
			},
			bad: { lat: 91 },
			field: 'WhatsApp → Latitude',
		},
	],
	[
		'WhatsApp latitude without longitude',
		{
			operation: 'sendAdvanced',
			contents: {
				WHATSAPP: {
					contentType: 'LOCATION',
					latitude: fromItem('lat'),
					longitude: fromItem('lon'),
				},
			},
			bad: { lon: '' },
			field: 'WhatsApp → Longitude',
		},
	],
	[
		'WhatsApp contacts that are not JSON',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { contentType: 'CONTACTS', contacts: fromItem('contacts') } },
			bad: { contacts: '[{"name":' },
			field: 'WhatsApp → Contacts',
		},
	],
	[
		'WhatsApp contacts as an object',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { contentType: 'CONTACTS', contacts: fromItem('contacts') } },
			bad: { contacts: '{"name":"Jane"}' },
			field: 'WhatsApp → Contacts',
		},
	],
	[
		'WhatsApp media template data as an array',
		{
			operation: 'sendAdvanced',
			contents: {
				WHATSAPP: {
					contentType: 'MEDIA_TEMPLATE',
					templateName: 'welcome',
					mediaTemplateData: fromItem('mediaTemplate'),
				},
			},
			bad: { mediaTemplate: '[1, 2]' },
			field: 'WhatsApp → Media Data',
		},
	],
	[
		'WhatsApp user ID over 150 characters',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { text: 'Hello' } },
			bad: { phone: '', waId: long(151) },
			field: 'WhatsApp User ID',
		},
	],
	[
		'Kakao Chingu content that is not JSON',
		{
			operation: 'sendAdvanced',
			contents: { KAKAO_CHINGU: { content: fromItem('json') } },
			bad: { json: '{"text":' },
			field: 'Kakao Chingu → Content',
		},
	],
	[
		'Kakao Alim content without text',
		{
			operation: 'sendAdvanced',
			contents: { KAKAO_ALIM: { content: fromItem('json') } },
			bad: { json: '{"templateCode":"T1"}' },
			field: 'Kakao Alim → Content',
		},
	],
	[
		'an email address without a domain',
		{
			operation: 'sendAdvanced',
			contents: { EMAIL: { subject: 'Parcel', text: 'Hello' } },
			bad: { email: 'jane@' },
			field: 'Email Address',
		},
	],
	[
		'an email without a body',
		{
			operation: 'sendAdvanced',
			contents: { EMAIL: { subject: 'Parcel', text: fromItem('text') } },
			bad: { text: '' },
			field: 'Email → Text',
		},
	],
	[
		'India DLT fields without the principal entity',
		{
			operation: 'sendAdvanced',
			contents: sms({ indiaDltTelemarketerId: fromItem('extra') }),
			bad: { extra: 'TM-1' },
			field: 'SMS → DLT Entity ID',
		},
	],
	[
		'Korea title over 66 characters',
		{
			operation: 'sendAdvanced',
			contents: sms({ koreaTitle: fromItem('extra') }),
			bad: { extra: long(67) },
			field: 'SMS → Korea Title',
		},
	],
	[
		'an unknown transliteration',
		{
			operation: 'sendAdvanced',
			contents: sms({ transliteration: fromItem('extra') }),
			bad: { extra: 'KLINGON' },
			field: 'SMS → Transliteration',
		},
	],
	[
		'a LINE message of an unknown type',
		{
			operation: 'sendAdvanced',
			contents: { LINE: { type: fromItem('choice'), text: 'Hello' } },
			bad: { choice: 'GIF' },
			field: 'LINE → Message Type',
		},
	],
	[
		'a voice message without text',
		{
			operation: 'sendAdvanced',
			contents: { VOICE: { text: fromItem('text') } },
			bad: { text: '   ' },
			field: 'Voice → Text',
		},
	],
	// Scenario
	[
		'a scenario without steps',
		{ operation: 'scenarioCreate', parameters: { steps: {} }, bad: {}, field: 'Steps' },
	],
	[
		'a step without a sender',
		{ operation: 'scenarioCreate', bad: { from2: ' ' }, field: 'Steps → Sender (step 2)' },
	],
	[
		'an unknown channel in a step',
		{
			operation: 'scenarioCreate',
			bad: { channel: 'TELEGRAM' },
			field: 'Steps → Channel (step 1)',
		},
	],
	[
		'Get without a scenario key',
		{ operation: 'scenarioGet', bad: { scenario: '' }, field: 'Scenario' },
	],
	[
		'Update without a scenario key',
		{ operation: 'scenarioUpdate', bad: { scenario: '' }, field: 'Scenario' },
	],
	[
		'Update that empties the steps',
		{
			operation: 'scenarioUpdate',
			parameters: { updateFields: { steps: {} } },
			bad: {},
			field: 'Steps',
		},
	],
	// Log
	['log limit 0', { operation: 'logGetAll', bad: { limit: 0 }, field: 'Limit' }],
	['log limit over 1000', { operation: 'logGetAll', bad: { limit: 1001 }, field: 'Limit' }],
	['log limit not a whole number', { operation: 'logGetAll', bad: { limit: 2.5 }, field: 'Limit' }],
	[
		'Sent Since that is not a date',
		{ operation: 'logGetAll', bad: { since: 'yesterday' }, field: 'Sent Since' },
	],
	[
		'Sent Until that is not a date',
		{ operation: 'logGetAll', bad: { until: '31/02/2026' }, field: 'Sent Until' },
	],
];

describe('bad input never reaches Infobip', () => {
	it('covers at least 40 bad inputs', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
	});

	it.each(CASES)('%s', async (_name, badCase) => await expectRefused(badCase));
});

// Issue #10 §5: the classes of bad input that used to reach Infobip or vanish. Each row gives the
// exact message (field, problem, item) and fix; the sandbox must see no request.
const OBJECT_FIX = 'Map a text field, e.g. {{ $json.message }}, not the whole object.';
const ARRAY_FIX =
	"Map one text value, e.g. {{ $json.items[0] }}, or join the list, e.g. {{ $json.items.join(', ') }}.";
const KEY_FIX =
	'Pick a scenario from the list, or give its key (32 characters, e.g. 12CD1116DC7B451B2B7286412482CCC1).';
const DATE_FIX =
	'Give a real ISO date and time, e.g. 2026-12-24T09:00:00Z, or pick one in the date picker.';
const URL_FIX =
	'Give a public URL that starts with https:// (or http://) and a host name, e.g. https://example.com/images/image.jpg.';
const NOTIFY_FIX =
	"Paste the Production URL of an Infobip OMNI Trigger node (or your own endpoint's URL), e.g. https://n8n.example.com/webhook/….";
const withOptions = (operation: Operation, extra: IDataObject) => ({
	options: { ...((BASE[operation].options as IDataObject | undefined) ?? {}), ...extra },
});
const notKey = (key: string) =>
	`"${key}" is not a scenario key (it must not be . or .., nor hold /, ?, #, \\ or spaces)`;

const OBJECTS: Array<[string, BadCase]> = [
	[
		'SMS text of {{ $json.text }} where $json.text is an object',
		{
			operation: 'sendText',
			parameters: { smsText: fromItem('text') },
			bad: { text: { a: 1 } },
			field: 'SMS Text',
			problem: 'got an object ({"a":1}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'Send Advanced SMS text of {{ $json.text }} where $json.text is an object',
		{
			operation: 'sendAdvanced',
			contents: { SMS: { text: fromItem('text') } },
			bad: { text: { a: 1 } },
			field: 'SMS → Text',
			problem: 'got an object ({"a":1}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'SMS text mapped to an object ($json.sms is {"a":1})',
		{
			operation: 'sendText',
			bad: { sms: { a: 1 } },
			field: 'SMS Text',
			problem: 'got an object ({"a":1}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'Facebook text mapped to an array',
		{
			operation: 'sendText',
			bad: { fb: ['a', 'b'] },
			field: 'Facebook Text',
			problem: 'got an array (["a","b"]), not text',
			fix: ARRAY_FIX,
		},
	],
	[
		'Facebook user key mapped to an object',
		{
			operation: 'sendText',
			bad: { fbKey: { id: 7 } },
			field: 'Facebook User Key',
			problem: 'got an object ({"id":7}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'phone numbers mapped to an object',
		{
			operation: 'sendText',
			bad: { phone: { number: '41793026727' } },
			field: 'Phone Numbers',
			problem: 'got an object ({"number":"41793026727"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'an object inside a list of phone numbers',
		{
			operation: 'sendText',
			bad: { phone: ['41793026727', { n: 1 }] },
			field: 'Phone Numbers',
			problem: 'got an object ({"n":1}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'scenario key mapped to an object',
		{
			operation: 'sendText',
			bad: { scenario: { key: DRILL_SCENARIO } },
			field: 'Scenario',
			problem: `got an object ({"key":"${DRILL_SCENARIO}"}), not text`,
			fix: OBJECT_FIX,
		},
	],
	[
		'bulk ID mapped to an object',
		{
			operation: 'sendText',
			bad: { extra: { id: 'B1' } },
			parameters: withOptions('sendText', { bulkId: fromItem('extra') }),
			field: 'Bulk ID',
			problem: 'got an object ({"id":"B1"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'notify URL mapped to an object',
		{
			operation: 'sendText',
			bad: { notifyUrl: { url: 'https://x.io' } },
			field: 'Notify URL',
			problem: 'got an object ({"url":"https://x.io"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'Send At mapped to an object',
		{
			operation: 'sendText',
			bad: { sendAt: { when: 'tomorrow' } },
			field: 'Send At',
			problem: 'got an object ({"when":"tomorrow"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'validity channel mapped to an array',
		{
			operation: 'sendText',
			bad: { validityChannel: ['SMS'] },
			field: 'Validity Periods → Channel',
			problem: 'got an array (["SMS"]), not text',
			fix: ARRAY_FIX,
		},
	],
	[
		'media URL mapped to an object',
		{
			operation: 'sendRichMedia',
			bad: { url: { href: 'https://x.io/a.png' } },
			field: 'Facebook Messenger (Legacy) → Media URL',
			problem: 'got an object ({"href":"https://x.io/a.png"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'email address mapped to an array',
		{
			operation: 'sendAdvanced',
			contents: { EMAIL: { subject: 'Parcel', text: 'Hello' } },
			bad: { email: ['jane@example.com'] },
			field: 'Email Address',
			problem: 'got an array (["jane@example.com"]), not text',
			fix: ARRAY_FIX,
		},
	],
	[
		'WhatsApp user ID mapped to an object',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { text: 'Hello' } },
			bad: { phone: '', waId: { id: 'US.1' } },
			field: 'WhatsApp User ID',
			problem: 'got an object ({"id":"US.1"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'Viber text mapped to an object',
		{
			operation: 'sendAdvanced',
			contents: { VIBER: { text: fromItem('text') } },
			bad: { text: { body: 'Hi' } },
			field: 'Viber → Text',
			problem: 'got an object ({"body":"Hi"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'an object in WhatsApp template data',
		{
			operation: 'sendAdvanced',
			contents: {
				WHATSAPP: {
					contentType: 'TEMPLATE',
					templateName: 'order',
					templateData: fromItem('extra'),
				},
			},
			bad: { extra: ['Jane', { total: 25 }] },
			field: 'WhatsApp → Template Data',
			problem: 'got an object ({"total":25}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'a step sender mapped to an object',
		{
			operation: 'scenarioCreate',
			bad: { from: { key: 'k' } },
			field: 'Steps → Sender (step 1)',
			problem: 'got an object ({"key":"k"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'a new scenario name mapped to an object',
		{
			operation: 'scenarioUpdate',
			parameters: { updateFields: { name: fromItem('extra') } },
			bad: { extra: { name: 'x' } },
			field: 'Name',
			problem: 'got an object ({"name":"x"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'the scenario key of Get mapped to an array',
		{
			operation: 'scenarioGet',
			bad: { scenario: [DRILL_SCENARIO] },
			field: 'Scenario',
			problem: `got an array (["${DRILL_SCENARIO}"]), not text`,
			fix: ARRAY_FIX,
		},
	],
	[
		'a log From filter mapped to an object',
		{
			operation: 'logGetAll',
			parameters: { filters: { from: fromItem('extra') } },
			bad: { extra: { sender: 'InfoSMS' } },
			field: 'From',
			problem: 'got an object ({"sender":"InfoSMS"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'an object in the log Bulk ID filter',
		{
			operation: 'logGetAll',
			parameters: { filters: { bulkId: fromItem('extra') } },
			bad: { extra: ['B1', { id: 'B2' }] },
			field: 'Bulk ID',
			problem: 'got an object ({"id":"B2"}), not text',
			fix: OBJECT_FIX,
		},
	],
	[
		'the log Message ID filter mapped to an object',
		{
			operation: 'logGetAll',
			parameters: { filters: { messageId: fromItem('extra') } },
			bad: { extra: { id: 'm1' } },
			field: 'Message ID',
			problem: 'got an object ({"id":"m1"}), not text',
			fix: OBJECT_FIX,
		},
	],
];

const SCENARIO_KEYS: Array<[string, BadCase]> = [
	...(
		[
			['sendText', '.'],
			['sendText', '..'],
			['sendText', 'D01/../x'],
			['scenarioGet', '.'],
			['scenarioGet', '..'],
			['scenarioGet', 'abc/def'],
			['scenarioGet', '?limit=1'],
			['scenarioGet', 'abc#x'],
			['scenarioGet', 'ab cd'],
			['scenarioUpdate', '..'],
			['scenarioUpdate', 'a/b'],
		] as Array<[Operation, string]>
	).map(([operation, key]): [string, BadCase] => [
		`${operation}: scenario key ${JSON.stringify(key)}`,
		{ operation, bad: { scenario: key }, field: 'Scenario', problem: notKey(key), fix: KEY_FIX },
	]),
	...(['sendText', 'scenarioGet', 'scenarioUpdate'] as Operation[]).map(
		(operation): [string, BadCase] => [
			`${operation}: scenario key of spaces only`,
			{
				operation,
				bad: { scenario: '   ' },
				field: 'Scenario',
				problem: 'no scenario is chosen',
				fix: KEY_FIX,
			},
		],
	),
];

const DATES: Array<[string, BadCase]> = (
	[
		['sendText', 'sendAt', 'Send At', '2027-02-30T09:00:00Z', 'February 2027 has no day 30'],
		['sendText', 'sendAt', 'Send At', '2027-02-29T09:00:00Z', 'February 2027 has no day 29'],
		['sendText', 'sendAt', 'Send At', '2027-04-31T09:00:00Z', 'April 2027 has no day 31'],
		['sendText', 'sendAt', 'Send At', '2026-12-24T25:00:00Z', 'there is no hour 25'],
		['sendText', 'sendAt', 'Send At', '2026-12-24T09:75:00Z', 'there is no minute 75'],
		['sendText', 'sendAt', 'Send At', 'Feb 30 2027 10:00', 'February 2027 has no day 30'],
		['logGetAll', 'since', 'Sent Since', '2026-02-30T00:00:00Z', 'February 2026 has no day 30'],
		['logGetAll', 'since', 'Sent Since', '2026-11-30T24:00:00Z', 'there is no hour 24'],
		['logGetAll', 'until', 'Sent Until', '2026-11-31T10:00:00Z', 'November 2026 has no day 31'],
		['logGetAll', 'until', 'Sent Until', '2026-06-31', 'June 2026 has no day 31'],
	] as Array<[Operation, string, string, string, string]>
).map(([operation, key, field, value, impossible]) => [
	`${field} ${value}`,
	{
		operation,
		bad: { [key]: value },
		field,
		problem: `"${value}" is not a real date: ${impossible}`,
		fix: DATE_FIX,
	},
]);

const noHost = (url: string) => `"${url}" is an http(s) URL without a valid host`;
const URLS: Array<[string, BadCase]> = [
	...['https://?x=1', 'https://#a', 'https://:80/a.png', 'https:///a'].map(
		(url): [string, BadCase] => [
			`notify URL ${url}`,
			{
				operation: 'sendText',
				bad: { notifyUrl: url },
				field: 'Notify URL',
				problem: noHost(url),
				fix: NOTIFY_FIX,
			},
		],
	),
	...['https://:80/a.png', 'https:///a.png'].map((url): [string, BadCase] => [
		`media URL ${url}`,
		{
			operation: 'sendRichMedia',
			bad: { url },
			field: 'Facebook Messenger (Legacy) → Media URL',
			problem: noHost(url),
			fix: URL_FIX,
		},
	]),
	...(
		[
			[
				'VIBER',
				'Viber → Image URL',
				{ contentType: 'IMAGE', imageURL: fromItem('url') },
				'https:///a.png',
			],
			[
				'VIBER',
				'Viber → Button URL',
				{ contentType: 'TEXT_BUTTON', text: 'Hi', buttonText: 'Open', buttonURL: fromItem('url') },
				'https://?x=1',
			],
			[
				'VIBER',
				'Viber → File URL',
				{ contentType: 'FILE', fileUrl: fromItem('url'), fileName: 'a.pdf', fileType: 'pdf' },
				'https://#a',
			],
			[
				'WHATSAPP',
				'WhatsApp → Image URL',
				{ contentType: 'IMAGE', imageUrl: fromItem('url') },
				'https://:443/a.png',
			],
			[
				'WHATSAPP',
				'WhatsApp → File URL',
				{ contentType: 'DOCUMENT', fileUrl: fromItem('url') },
				'https:///a.pdf',
			],
			[
				'LINE',
				'LINE → Media URL',
				{ type: 'IMAGE', url: fromItem('url'), thumbnailUrl: 'https://example.com/t.png' },
				'https://?img',
			],
		] as Array<[string, string, IDataObject, string]>
	).map(([channel, field, values, url]): [string, BadCase] => [
		`${field} ${url}`,
		{
			operation: 'sendAdvanced',
			contents: { [channel]: values },
			bad: { url },
			field,
			problem: noHost(url),
			fix: URL_FIX,
		},
	]),
	[
		'Kakao Chingu image URL without a host (in the JSON)',
		{
			operation: 'sendAdvanced',
			contents: { KAKAO_CHINGU: { content: fromItem('json') } },
			bad: { json: '{"text":"Hi","imageUrl":"https:///a.png"}' },
			field: 'Kakao Chingu → Content',
			problem: 'imageUrl "https:///a.png" is an http(s) URL without a valid host',
			fix: 'Give a public URL with https:// (or http://) and a host name at imageUrl.',
		},
	],
];

const limitFix = 'Set Limit to a whole number of 1 or more, or turn on Return All.';
const logLimitFix =
	'Set Limit to a whole number from 1 to 1000 (Infobip returns at most 1000 per request).';
const LIMIT_ROWS: Array<[string, BadCase]> = [
	...(
		[
			['reportGetAll', 0],
			['reportGetAll', -5],
			['reportGetAll', 2.5],
			['reportGetAll', 'ten'],
			['scenarioGetAll', 0],
			['scenarioGetAll', -1],
			['scenarioGetAll', 0.5],
		] as Array<[Operation, number | string]>
	).map(([operation, limit]): [string, BadCase] => [
		`${operation} limit ${JSON.stringify(limit)}`,
		{
			operation,
			bad: { limit },
			field: 'Limit',
			problem: `${String(limit)} is not a whole number of 1 or more`,
			fix: limitFix,
		},
	]),
	...([-3, 'many', 1001] as Array<number | string>).map((limit): [string, BadCase] => [
		`logGetAll limit ${JSON.stringify(limit)}`,
		{
			operation: 'logGetAll',
			bad: { limit },
			field: 'Limit',
			problem: `${String(limit)} is not a whole number from 1 to 1000`,
			fix: logLimitFix,
		},
	]),
];

const advanced = (channel: string, values: IDataObject) => ({
	operation: 'sendAdvanced' as const,
	contents: { [channel]: values },
});
const JSON_ROWS: Array<[string, BadCase]> = [
	[
		'a WhatsApp contact without formattedName',
		{
			...advanced('WHATSAPP', { contentType: 'CONTACTS', contacts: fromItem('contacts') }),
			bad: { contacts: '[{"name":{"firstName":"Jane"}}]' },
			field: 'WhatsApp → Contacts',
			problem: '[0].name.formattedName is required',
			fix: 'Add "formattedName" to [0].name, e.g. "formattedName":"…".',
		},
	],
	[
		'a WhatsApp contact without a name',
		{
			...advanced('WHATSAPP', { contentType: 'CONTACTS', contacts: fromItem('contacts') }),
			bad: { contacts: '[{"phones":[{"phone":"41793026727"}]}]' },
			field: 'WhatsApp → Contacts',
			problem: '[0].name is required',
			fix: 'Add "name" to [0], e.g. "name":{"firstName":"…","formattedName":"…"}.',
		},
	],
	[
		'a WhatsApp contact phone of an unknown type',
		{
			...advanced('WHATSAPP', { contentType: 'CONTACTS', contacts: fromItem('contacts') }),
			bad: {
				contacts:
					'[{"name":{"firstName":"J","formattedName":"J"},"phones":[{"phone":"1","type":"FAX"}]}]',
			},
			field: 'WhatsApp → Contacts',
			problem: '[0].phones[0].type is "FAX", not one of CELL, MAIN, IPHONE, HOME, WORK',
			fix: 'Use one of: CELL, MAIN, IPHONE, HOME, WORK.',
		},
	],
	[
		'a WhatsApp media template without body',
		{
			...advanced('WHATSAPP', {
				contentType: 'MEDIA_TEMPLATE',
				templateName: 'welcome',
				mediaTemplateData: fromItem('mediaTemplate'),
			}),
			bad: { mediaTemplate: '{"header":{"imageUrl":"https://example.com/a.png"}}' },
			field: 'WhatsApp → Media Data',
			problem: 'body is required',
			fix: 'Add "body", e.g. "body":{"placeholders":[]}.',
		},
	],
	[
		'WhatsApp media template placeholders that are not a list',
		{
			...advanced('WHATSAPP', {
				contentType: 'MEDIA_TEMPLATE',
				templateName: 'welcome',
				mediaTemplateData: fromItem('mediaTemplate'),
			}),
			bad: { mediaTemplate: '{"body":{"placeholders":"Jane"}}' },
			field: 'WhatsApp → Media Data',
			problem: 'body.placeholders is text ("Jane"), not a list',
			fix: 'Give a JSON array at body.placeholders, e.g. [...].',
		},
	],
	[
		'Kakao Chingu with 6 buttons',
		{
			...advanced('KAKAO_CHINGU', { content: fromItem('json') }),
			bad: {
				json: JSON.stringify({
					text: 'Hi',
					buttons: Array.from({ length: 6 }, (_, i) => ({
						type: 'BOT_KEYWORD',
						buttonText: `b${i}`,
					})),
				}),
			},
			field: 'Kakao Chingu → Content',
			problem: "buttons has 6 entries, more than Infobip's 5",
			fix: 'Give at most 5.',
		},
	],
	[
		'Kakao Chingu with imageURL for imageUrl',
		{
			...advanced('KAKAO_CHINGU', { content: fromItem('json') }),
			bad: { json: '{"text":"Hi","imageURL":"https://example.com/a.png"}' },
			field: 'Kakao Chingu → Content',
			problem: 'imageURL is not a key Infobip knows here',
			fix: 'Did you mean "imageUrl"? Keys allowed here: text, validityPeriod, validityPeriodTimeUnit, buttons, imageUrl, imageLink, isPromotional.',
		},
	],
	[
		'a Kakao Chingu button text over 28 characters',
		{
			...advanced('KAKAO_CHINGU', { content: fromItem('json') }),
			bad: {
				json: JSON.stringify({
					text: 'Hi',
					buttons: [{ type: 'BOT_KEYWORD', buttonText: long(29) }],
				}),
			},
			field: 'Kakao Chingu → Content',
			problem: "buttons[0].buttonText has 29 characters, more than Infobip's 28",
			fix: 'Shorten buttons[0].buttonText to 28 characters.',
		},
	],
	[
		'a Kakao Alim template code over 30 characters',
		{
			...advanced('KAKAO_ALIM', { content: fromItem('json') }),
			bad: { json: JSON.stringify({ text: 'Hi', templateCode: long(31) }) },
			field: 'Kakao Alim → Content',
			problem: "templateCode has 31 characters, more than Infobip's 30",
			fix: 'Shorten templateCode to 30 characters.',
		},
	],
	[
		'a Kakao Alim validity that is not a whole number',
		{
			...advanced('KAKAO_ALIM', { content: fromItem('json') }),
			bad: { json: '{"text":"Hi","templateCode":"T1","validityPeriod":2.5}' },
			field: 'Kakao Alim → Content',
			problem: 'validityPeriod is 2.5, not a whole number',
			fix: 'Give a whole number at validityPeriod.',
		},
	],
	[
		'a LINE audio duration that is not a whole number',
		{
			...advanced('LINE', {
				type: 'AUDIO',
				url: 'https://example.com/a.m4a',
				duration: fromItem('number'),
			}),
			bad: { number: 1500.5 },
			field: 'LINE → Duration (Ms)',
			problem: '1500.5 is not a whole number',
			fix: 'Give a whole number, e.g. 45.',
		},
	],
	[
		'a LINE Flex container without a type',
		{
			...advanced('LINE', { type: 'FLEX', altText: 'Order', contents: fromItem('flex') }),
			bad: { flex: '{"body":{"type":"box"}}' },
			field: 'LINE → Flex Contents',
			problem: 'type is required',
			fix: 'Add "type", e.g. "type":"BUBBLE".',
		},
	],
	[
		'Push subscriptions listed twice',
		{
			...advanced('PUSH', { text: 'Hi', deviceSubscriptions: fromItem('extra') }),
			bad: { extra: 'news, offers, news' },
			field: 'Push → Device Subscriptions',
			problem: 'it lists "news" twice',
			fix: 'Give each value once.',
		},
	],
	[
		'a misspelt push notification option',
		{
			...advanced('PUSH', { text: 'Hi', notificationOptions: fromItem('extra') }),
			bad: { extra: '{"soundEnable":true}' },
			field: 'Push → Display Options',
			problem: 'soundEnable is not a key Infobip knows here',
			fix: 'Did you mean "soundEnabled"? Keys allowed here: vibrationEnabled, soundEnabled, soundName, badge, contentUrl, category, inAppStyle, title, isSilent, webViewUrl, inboxTopic.',
		},
	],
];

const LONG_VALUES: Array<[string, BadCase]> = [
	[
		'a phone number of 200 characters',
		{
			operation: 'sendText',
			bad: { phone: `x${'1'.repeat(199)}` },
			field: 'Phone Numbers',
			problem: `"x${'1'.repeat(59)}…" is not a phone number`,
		},
	],
	[
		'a scenario key of 300 characters with a slash',
		{
			operation: 'scenarioGet',
			bad: { scenario: `a/${'b'.repeat(298)}` },
			field: 'Scenario',
			problem: `"a/${'b'.repeat(58)}…" is not a scenario key (it must not be . or .., nor hold /, ?, #, \\ or spaces)`,
		},
	],
	[
		'an email address of 500 characters',
		{
			operation: 'sendAdvanced',
			contents: { EMAIL: { subject: 'Parcel', text: 'Hello' } },
			bad: { email: long(500) },
			field: 'Email Address',
			problem: `"${long(60)}…" is not an email address`,
		},
	],
	[
		'a long object where text is expected',
		{
			operation: 'sendText',
			bad: { sms: { text: long(300) } },
			field: 'SMS Text',
			problem: `got an object (${`{"text":"${long(300)}"}`.slice(0, 60)}…), not text`,
		},
	],
];

export const CLASSES: Record<string, Array<[string, BadCase]>> = {
	'1. objects or arrays where text is expected': OBJECTS,
	'2. scenario keys that change the path': SCENARIO_KEYS,
	'3. impossible calendar dates': DATES,
	'4. URLs without a host': URLS,
	'5. limits that are not whole numbers from 1': LIMIT_ROWS,
	'6. JSON that does not fit the channel': JSON_ROWS,
	'7. long values, shortened in the message': LONG_VALUES,
};

describe.each(Object.entries(CLASSES))('issue #10 §5 class %s', (_name, rows) => {
	it.each(rows)('%s', async (_row, badCase) => await expectRefused(badCase));
});

describe('values that are fine are sent', () => {
	// Callback data may be an object: it is sent as JSON text, as before.
	it('object callback data is sent as JSON text', async () => {
		const run = await runNode({
			parameters: BASE.sendText as INodeParameters,
			credentials: basicAuth(sandbox),
			input: [{ json: { ...GOOD, callbackData: { order: 4711 } } }],
		});
		expect(run.error).toBeUndefined();
		const sent = sandbox.requests().filter((request) => request.method === 'POST');
		expect(sent).toHaveLength(1);
		expect((sent[0].body as IDataObject).callbackData).toBe('{"order":4711}');
	});

	it('a number where text is expected is sent as text', async () => {
		const run = await runNode({
			parameters: BASE.sendText as INodeParameters,
			credentials: basicAuth(sandbox),
			input: [{ json: { ...GOOD, sms: 4711 } }],
		});
		expect(run.error).toBeUndefined();
		const sent = sandbox.requests().filter((request) => request.method === 'POST');
		expect((sent[0].body as IDataObject).sms).toMatchObject({ text: '4711' });
	});
});

describe('expressions that fail', () => {
	const failing = [
		['a node that does not exist', "={{ $('No Such Node').item.json.text }}"],
		['a syntax error', '={{ $json.text + }}'],
	];

	it.each(failing)(
		'%s: a NodeOperationError for that item, and nothing is sent',
		async (_name, expression) => {
			const run = await runNode({
				parameters: { ...BASE.sendText, smsText: expression } as INodeParameters,
				credentials: basicAuth(sandbox),
				input: [{ json: GOOD }, { json: GOOD }],
			});
			expect(run.error?.name).toBe('NodeOperationError');
			expect(run.error?.context.itemIndex).toBe(0);
			expect(sandbox.requests()).toEqual([]);
		},
	);

	// Was a bug, fixed: an expression that fails ends in n8n's own message ("Referenced node
	// doesn't exist", "invalid syntax") without the field or the item in the message or the
	// description, unlike every other bad input (`Invalid SMS Text: … (item 0)`).
	it.failing.each(failing)(
		'%s: the error names the field and the item',
		async (_name, expression) => {
			const run = await runNode({
				parameters: { ...BASE.sendText, smsText: expression } as INodeParameters,
				credentials: basicAuth(sandbox),
				input: [{ json: GOOD }],
			});
			const words = `${run.error?.message} ${run.error?.description ?? ''}`;
			expect(words).toMatch(/SMS Text/);
			expect(words).toMatch(/item 0/);
		},
	);
});

describe('unknown channels and statuses in filters and options', () => {
	// Was a bug, fixed: a Validity Periods entry for a channel that is not an OMNI channel (set by an
	// expression) is silently dropped, and the message is sent without it.
	it('an unknown channel in Validity Periods is refused before sending', async () => {
		await expectRefused({
			operation: 'sendText',
			bad: { validityChannel: 'TELEGRAM', validity: 2, unit: 'HOURS' },
			field: 'Validity Periods → Channel',
		});
	});

	// Was a bug, fixed: filters of type "options" are not checked when an expression sets them, so
	// an unknown channel or status goes to Infobip, which answers 400. Issue 7: bad input never
	// reaches the server. (Infobip refuses it, so nothing is harmed: a lesser bug.)
	it.each([
		['Log → Get Many channel', 'log', { channel: '={{ "TELEGRAM" }}' }],
		['Log → Get Many general status', 'log', { generalStatus: '={{ "GONE" }}' }],
		['Delivery Report → Get Many channel', 'deliveryReport', { channel: '={{ "TELEGRAM" }}' }],
	])('%s: an unknown value is refused before sending', async (_name, resource, filters) => {
		const run = await runNode({
			parameters: { resource, operation: 'getAll', limit: 5, filters } as INodeParameters,
			credentials: basicAuth(sandbox),
		});
		expect(run.error?.name).toBe('NodeOperationError');
		expect(sandbox.requests()).toEqual([]);
	});
});

describe('Delivery Report → Get Many filters from an expression that gives an object', () => {
	it.each([
		['bulkId', 'Bulk ID'],
		['messageId', 'Message ID'],
	])('%s: refused before anything is fetched (reports are handed out once)', async (key, label) => {
		const run = await runNode({
			parameters: {
				resource: 'deliveryReport',
				operation: 'getAll',
				limit: 5,
				filters: { [key]: '={{ $json }}' },
			} as INodeParameters,
			credentials: basicAuth(sandbox),
			input: [{ json: { id: 'b-1' } }],
		});
		expect(run.error?.message).toBe(
			`Invalid ${label}: got an object ({"id":"b-1"}), not text (item 0)`,
		);
		expect(sandbox.requests()).toEqual([]);
	});
});

describe('run settings out of range', () => {
	const sendWith = (options: IDataObject) =>
		runNode({
			parameters: {
				...BASE.sendText,
				requestSettings: options,
			} as INodeParameters,
			credentials: basicAuth(sandbox),
			input: [{ json: GOOD }],
		});

	// Was a bug, fixed: Batch Size 0 (possible from an imported or API-made workflow; the UI's
	// minimum is 1) is silently clamped to 1 and the message is sent, one recipient per request.
	// Issue 7 asks for a NodeOperationError naming the field.
	it('Batch Size 0 is refused, naming the field', async () => {
		const run = await sendWith({ batchSize: 0 });
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toMatch(/Batch Size/);
		expect(sandbox.requests()).toEqual([]);
	});

	// Was a bug, fixed: Requests in Flight 0 is clamped to 1 the same way.
	it('Requests in Flight 0 is refused, naming the field', async () => {
		const run = await sendWith({ requestsInFlight: 0 });
		expect(run.error?.message).toMatch(/Requests in Flight/);
		expect(sandbox.requests()).toEqual([]);
	});

	// Was a bug, fixed: Timeout 0 is accepted (readRetryPolicy keeps any value ≥ 0) and becomes an
	// axios timeout of 0, which means no timeout at all: a hung Infobip would hang the execution.
	it('Timeout 0 is refused, naming the field', async () => {
		const run = await sendWith({ timeoutSeconds: 0 });
		expect(run.error?.message).toMatch(/Timeout/);
		expect(sandbox.requests()).toEqual([]);
	});
});
