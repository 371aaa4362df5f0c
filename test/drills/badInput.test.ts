/**
 * Bad input, across every operation: each ends in a NodeOperationError that names the field and
 * the item (`Invalid <field>: <problem> (item <n>)`, with the fix as description), and the
 * sandbox sees no request at all. Sends check every item before sending any; the other
 * operations run item by item, so there the bad item comes first.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { SEED_FACEBOOK_USER } from '../sandbox/seed';
import { runNode } from '../support/harness';
import { basicAuth, DRILL_SCENARIO, startDrillSandbox } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startDrillSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

type Operation =
	| 'sendText'
	| 'sendRichMedia'
	| 'sendAdvanced'
	| 'scenarioCreate'
	| 'scenarioGet'
	| 'scenarioUpdate'
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
const scenario = { __rl: true, mode: 'id', value: fromItem('scenario') };

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
			parameters: { options: { ...(BASE.sendText.options as IDataObject), batchSize: 2 } },
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
			field: 'Facebook Messenger (Legacy) → Type',
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
				VIBER: { text: 'Hello', buttonText: fromItem('text'), buttonURL: 'https://example.com' },
			},
			bad: { text: long(31) },
			field: 'Viber → Button Text',
		},
	],
	[
		'Viber button URL with another scheme',
		{
			operation: 'sendAdvanced',
			contents: { VIBER: { text: 'Hello', buttonText: 'Open', buttonURL: fromItem('url') } },
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
			contents: { WHATSAPP: { latitude: fromItem('lat'), longitude: fromItem('lon') } },
			bad: { lat: 91 },
			field: 'WhatsApp → Latitude',
		},
	],
	[
		'WhatsApp latitude without longitude',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { latitude: fromItem('lat'), longitude: fromItem('lon') } },
			bad: { lon: '' },
			field: 'WhatsApp → Latitude',
		},
	],
	[
		'WhatsApp contacts that are not JSON',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { text: 'Hello', contacts: fromItem('contacts') } },
			bad: { contacts: '[{"name":' },
			field: 'WhatsApp → Contacts (JSON)',
		},
	],
	[
		'WhatsApp contacts as an object',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { text: 'Hello', contacts: fromItem('extra') } },
			bad: { extra: '{"name":"Jane"}' },
			field: 'WhatsApp → Contacts (JSON)',
		},
	],
	[
		'WhatsApp media template data as an array',
		{
			operation: 'sendAdvanced',
			contents: { WHATSAPP: { templateName: 'welcome', mediaTemplateData: fromItem('extra') } },
			bad: { extra: '[1, 2]' },
			field: 'WhatsApp → Media Template Data (JSON)',
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
			field: 'Kakao Chingu → Content (JSON)',
		},
	],
	[
		'Kakao Alim content without text',
		{
			operation: 'sendAdvanced',
			contents: { KAKAO_ALIM: { content: fromItem('json') } },
			bad: { json: '{"templateCode":"T1"}' },
			field: 'Kakao Alim → Content (JSON)',
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
			field: 'SMS → India DLT Principal Entity ID',
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
		'a LINE message without a type',
		{
			operation: 'sendAdvanced',
			contents: { LINE: { type: fromItem('choice'), text: 'Hello' } },
			bad: { choice: '' },
			field: 'LINE → Type',
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

describe('run settings out of range', () => {
	const sendWith = (options: IDataObject) =>
		runNode({
			parameters: {
				...BASE.sendText,
				options: { ...(BASE.sendText.options as IDataObject), ...options },
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
