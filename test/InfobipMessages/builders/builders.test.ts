import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from '../../../nodes/InfobipOmni/builders/parameterError';
import {
	buildMessage,
	type MessageParameters,
} from '../../../nodes/InfobipMessages/builders/message';
import { buildRequestOptions } from '../../../nodes/InfobipMessages/builders/request';
import {
	CHANNEL_INFO,
	MESSAGES_CHANNELS,
	TEMPLATE_CHANNELS,
} from '../../../nodes/InfobipMessages/channels';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ids = (d: number) => `id-${d + 1}`;
const noIds = () => undefined;

const sms = (extra: MessageParameters = {}): MessageParameters => ({
	channel: 'SMS',
	sender: 'InfoSMS',
	to: '41793026727',
	text: 'Hello',
	...extra,
});

const entryOf = (parameters: MessageParameters, idFor: (d: number) => string | undefined = ids) =>
	buildMessage(parameters, idFor).entry;

describe('channels.ts', () => {
	it('lists the spec channels; templates exactly on APPLE_MB, RCS, VIBER_BM, WHATSAPP', () => {
		expect(MESSAGES_CHANNELS).toEqual([
			'APPLE_MB',
			'INSTAGRAM_DM',
			'LINE_ON',
			'MESSENGER',
			'MMS',
			'RCS',
			'SMS',
			'VIBER_BM',
			'VIBER_BOT',
			'WHATSAPP',
		]);
		expect(TEMPLATE_CHANNELS).toEqual(['APPLE_MB', 'RCS', 'VIBER_BM', 'WHATSAPP']);
		expect(MESSAGES_CHANNELS.filter((c) => CHANNEL_INFO[c].address === 'phone')).toEqual([
			'MMS',
			'RCS',
			'SMS',
			'VIBER_BM',
			'WHATSAPP',
		]);
	});
});

describe('buildMessage: content bodies', () => {
	const cases: Array<[string, MessageParameters, IDataObject]> = [
		['TEXT', { bodyType: 'TEXT', text: 'Hi there' }, { body: { type: 'TEXT', text: 'Hi there' } }],
		[
			'IMAGE with caption',
			{ bodyType: 'IMAGE', mediaUrl: 'https://example.com/a.jpg', text: 'Look' },
			{ body: { type: 'IMAGE', url: 'https://example.com/a.jpg', text: 'Look' } },
		],
		[
			'IMAGE without caption',
			{ bodyType: 'IMAGE', mediaUrl: 'https://example.com/a.jpg', text: '' },
			{ body: { type: 'IMAGE', url: 'https://example.com/a.jpg' } },
		],
		[
			'VIDEO with thumbnail',
			{
				bodyType: 'VIDEO',
				mediaUrl: 'https://example.com/v.mp4',
				thumbnailUrl: 'https://example.com/t.jpg',
				text: '',
			},
			{
				body: {
					type: 'VIDEO',
					url: 'https://example.com/v.mp4',
					thumbnailUrl: 'https://example.com/t.jpg',
				},
			},
		],
		[
			'DOCUMENT with filename',
			{
				bodyType: 'DOCUMENT',
				mediaUrl: 'https://example.com/i.pdf',
				filename: 'invoice.pdf',
				text: 'Your invoice',
			},
			{
				body: {
					type: 'DOCUMENT',
					url: 'https://example.com/i.pdf',
					text: 'Your invoice',
					filename: 'invoice.pdf',
				},
			},
		],
		[
			'LOCATION',
			{
				bodyType: 'LOCATION',
				latitude: 45.815,
				longitude: '15.9819',
				locationName: 'Zagreb',
				locationAddress: 'Trg bana Jelačića',
				text: undefined,
			},
			{
				body: {
					type: 'LOCATION',
					latitude: 45.815,
					longitude: 15.9819,
					name: 'Zagreb',
					address: 'Trg bana Jelačića',
				},
			},
		],
		[
			'header, footer and every button type',
			{
				channel: 'WHATSAPP',
				sender: '447491163862',
				text: 'Pick one',
				contentOptions: {
					header: 'Your order',
					footer: 'Reply STOP to opt out',
					buttons: {
						button: [
							{ type: 'REPLY', text: 'Yes', postbackData: 'yes' },
							{ type: 'OPEN_URL', text: 'Track', url: 'https://example.com/t', openIn: 'BROWSER' },
							{ type: 'DIAL_PHONE', text: 'Call us', phoneNumber: '+41 79 302 67 27' },
							{ type: 'REQUEST_LOCATION', text: '' },
						],
					},
				},
			},
			{
				header: { type: 'TEXT', text: 'Your order' },
				body: { type: 'TEXT', text: 'Pick one' },
				buttons: [
					{ type: 'REPLY', text: 'Yes', postbackData: 'yes' },
					{ type: 'OPEN_URL', text: 'Track', url: 'https://example.com/t', openIn: 'BROWSER' },
					{ type: 'DIAL_PHONE', text: 'Call us', phoneNumber: '+41793026727' },
					{ type: 'REQUEST_LOCATION' },
				],
				footer: { text: 'Reply STOP to opt out' },
			},
		],
	];
	it.each(cases)('%s', (_name, extra, content) => {
		expect(entryOf(sms(extra)).content).toEqual(content);
	});
});

describe('buildMessage: templates', () => {
	it('WhatsApp by list pick (name@language) with placeholders and extra content', () => {
		const entry = entryOf({
			channel: 'WHATSAPP',
			sender: '447491163862',
			to: '+41 79 302 67 27',
			messageType: 'template',
			templateName: { mode: 'list', value: 'order_shipped@en_GB' },
			templatePlaceholders: {
				placeholder: [
					{ name: '1', value: 'Ann' },
					{ name: '2', value: 'A-17' },
				],
			},
			options: { templateContentJson: '{"buttons":[{"type":"OPEN_URL","suffix":"A-17"}]}' },
		});
		expect(entry).toEqual({
			channel: 'WHATSAPP',
			sender: '447491163862',
			destinations: [{ to: '41793026727', messageId: 'id-1' }],
			template: { templateName: 'order_shipped', language: 'en_GB' },
			content: {
				buttons: [{ type: 'OPEN_URL', suffix: 'A-17' }],
				body: { type: 'TEXT', '1': 'Ann', '2': 'A-17' },
			},
		});
	});

	it('RCS by name, no language; a name with @ typed By Name is kept whole', () => {
		const entry = entryOf({
			channel: 'RCS',
			sender: 'ibpDemoPly',
			to: '41793026727',
			messageType: 'template',
			templateName: { mode: 'name', value: 'promo@winter' },
		});
		expect(entry.template).toEqual({ templateName: 'promo@winter' });
		expect(entry.content).toEqual({ body: { type: 'TEXT' } });
	});

	it('Template Language wins over the list pick', () => {
		const entry = entryOf({
			channel: 'WHATSAPP',
			sender: '447491163862',
			messageType: 'template',
			to: '41793026727',
			templateName: { mode: 'list', value: 'welcome@en' },
			templateLanguage: 'de',
		});
		expect(entry.template).toEqual({ templateName: 'welcome', language: 'de' });
	});
});

describe('buildMessage: destinations and failover', () => {
	it('without failover: one {to, messageId} per address, platform IDs as given', () => {
		const built = buildMessage(
			{ channel: 'MESSENGER', sender: 'Page', to: 'psid-1, psid-2', text: 'x' },
			ids,
		);
		expect(built.entry.destinations).toEqual([
			{ to: 'psid-1', messageId: 'id-1' },
			{ to: 'psid-2', messageId: 'id-2' },
		]);
		expect(built.destinations).toEqual([
			{ messageId: 'id-1', to: 'psid-1' },
			{ messageId: 'id-2', to: 'psid-2' },
		]);
	});

	it('Message ID Source Infobip: no messageId at all', () => {
		expect(entryOf(sms(), noIds).destinations).toEqual([{ to: '41793026727' }]);
	});

	it('phone numbers normalised as the OMNI node does', () => {
		expect(entryOf(sms({ to: '+41 (79) 302-67-27; 0041793026731' })).destinations).toEqual([
			{ to: '41793026727', messageId: 'id-1' },
			{ to: '41793026731', messageId: 'id-2' },
		]);
	});

	it('with failover: byChannel per channel, steps in order, own content and validity optional', () => {
		const entry = entryOf({
			channel: 'WHATSAPP',
			sender: '447491163862',
			to: '41793026727, 41793026731',
			text: 'Main',
			failover: {
				steps: [
					{ channel: 'VIBER_BM', sender: 'InfobipDemo', to: '', text: '' },
					{
						channel: 'SMS',
						sender: 'InfoSMS',
						to: '',
						text: 'By SMS',
						validityPeriod: 2,
						validityPeriodTimeUnit: 'HOURS',
					},
					{ channel: 'MESSENGER', sender: 'Page', to: 'psid-a,psid-b' },
				],
			},
		});
		expect(entry.destinations).toEqual([
			{
				byChannel: [
					{ channel: 'WHATSAPP', to: '41793026727' },
					{ channel: 'VIBER_BM', to: '41793026727' },
					{ channel: 'SMS', to: '41793026727' },
					{ channel: 'MESSENGER', to: 'psid-a' },
				],
				messageId: 'id-1',
			},
			{
				byChannel: [
					{ channel: 'WHATSAPP', to: '41793026731' },
					{ channel: 'VIBER_BM', to: '41793026731' },
					{ channel: 'SMS', to: '41793026731' },
					{ channel: 'MESSENGER', to: 'psid-b' },
				],
				messageId: 'id-2',
			},
		]);
		expect(entry.failover).toEqual([
			{ channel: 'VIBER_BM', sender: 'InfobipDemo' },
			{
				channel: 'SMS',
				sender: 'InfoSMS',
				content: { body: { type: 'TEXT', text: 'By SMS' } },
				validityPeriod: { amount: 2, timeUnit: 'HOURS' },
			},
			{ channel: 'MESSENGER', sender: 'Page' },
		]);
	});

	it('a failover step with a template', () => {
		const entry = entryOf({
			channel: 'MESSENGER',
			sender: 'Page',
			to: 'psid',
			text: 'Hi',
			failover: {
				steps: [
					{
						channel: 'WHATSAPP',
						sender: '447491163862',
						to: '41793026727',
						templateName: 'givenTemplateName',
						templateLanguage: 'en',
					},
				],
			},
		});
		expect(entry.failover).toEqual([
			{
				channel: 'WHATSAPP',
				sender: '447491163862',
				template: { templateName: 'givenTemplateName', language: 'en' },
			},
		]);
	});
});

describe('buildMessage: per-message options and webhooks', () => {
	it('every option in its place', () => {
		const entry = entryOf(
			sms({
				options: {
					validityPeriod: 30,
					validityPeriodTimeUnit: 'MINUTES',
					deliveryDays: ['MONDAY', 'FRIDAY'],
					deliveryFrom: '9:00',
					deliveryTo: '17:30',
					indiaDltPrincipalEntityId: 'PE1',
					indiaDltContentTemplateId: 'CT1',
					turkeyIysRecipientType: 'TACIR',
					turkeyIysBrandCode: '123',
					southKoreaResellerCode: '123456789',
					trafficType: 'PROMOTIONAL',
					campaignReferenceId: 'winter',
					entityId: 'E1',
					deliveryUrl: 'https://n8n.example.com/webhook/dlr',
					intermediateReport: true,
					receiveTriggeredFailoverReports: true,
					seenUrl: 'https://n8n.example.com/webhook/seen',
					contentType: 'application/json',
					callbackData: { order: 17 },
				},
			}),
		);
		expect(entry.options).toEqual({
			platform: { entityId: 'E1' },
			validityPeriod: { amount: 30, timeUnit: 'MINUTES' },
			deliveryTimeWindow: {
				days: ['MONDAY', 'FRIDAY'],
				from: { hour: 9, minute: 0 },
				to: { hour: 17, minute: 30 },
			},
			regional: {
				indiaDlt: { contentTemplateId: 'CT1', principalEntityId: 'PE1' },
				turkeyIys: { brandCode: 123, recipientType: 'TACIR' },
				southKorea: { resellerCode: 123456789 },
			},
			campaignReferenceId: 'winter',
			trafficType: 'PROMOTIONAL',
		});
		expect(entry.webhooks).toEqual({
			delivery: {
				url: 'https://n8n.example.com/webhook/dlr',
				intermediateReport: true,
				receiveTriggeredFailoverReports: true,
			},
			contentType: 'application/json',
			callbackData: '{"order":17}',
			seen: { url: 'https://n8n.example.com/webhook/seen' },
		});
	});

	it('nothing set: no options, no webhooks', () => {
		const entry = entryOf(sms({ options: { validityPeriod: 0, deliveryDays: [] } }));
		expect(entry).toEqual({
			channel: 'SMS',
			sender: 'InfoSMS',
			destinations: [{ to: '41793026727', messageId: 'id-1' }],
			content: { body: { type: 'TEXT', text: 'Hello' } },
		});
	});
});

describe('buildRequestOptions', () => {
	it('stopOnFailure off by default, nothing else', () => {
		expect(buildRequestOptions({}, NOW)).toEqual({ messageOrdering: { stopOnFailure: false } });
	});

	it('schedule, tracking and ordering', () => {
		expect(
			buildRequestOptions(
				{
					bulkId: 'campaign-1',
					sendAt: '2026-12-24T09:00:00Z',
					sendingSpeedLimit: 100,
					sendingSpeedLimitTimeUnit: 'HOUR',
					shortenUrl: true,
					trackClicks: false,
					trackingUrl: 'https://example.com/clicks',
					removeProtocol: true,
					customDomain: 'go.example.com',
					respectOrder: true,
					stopOnFailure: true,
				},
				NOW,
			),
		).toEqual({
			schedule: {
				bulkId: 'campaign-1',
				sendAt: '2026-12-24T09:00:00.000+0000',
				sendingSpeedLimit: { amount: 100, timeUnit: 'HOUR' },
			},
			tracking: {
				shortenUrl: true,
				trackClicks: false,
				trackingUrl: 'https://example.com/clicks',
				removeProtocol: true,
				customDomain: 'go.example.com',
			},
			messageOrdering: { respectOrder: true, stopOnFailure: true },
		});
	});
});

describe('refusals: the field, the problem and the fix', () => {
	const step = (extra: IDataObject) => ({
		failover: { steps: [{ sender: 'X', to: '41793026727', ...extra }] },
	});
	const cases: Array<[string, MessageParameters, string, RegExp, RegExp]> = [
		[
			'unknown channel',
			sms({ channel: 'FACEBOOK' }),
			'Channel',
			/"FACEBOOK" is not a Messages API channel/,
			/APPLE_MB, .*WHATSAPP/,
		],
		[
			'missing sender',
			sms({ channel: 'WHATSAPP', sender: '' }),
			'Sender',
			/it is empty/,
			/WhatsApp sender number you send from, e\.g\. 447491163862/,
		],
		['no recipient', sms({ to: ' , ' }), 'To', /no recipient/, /Phone number on SMS/],
		[
			'bad phone number',
			sms({ to: '12ab' }),
			'To',
			/"12ab" is not a phone number/,
			/international format/,
		],
		['empty text', sms({ text: '  ' }), 'Text', /it is empty/, /text of the message/],
		[
			'media without URL',
			sms({ bodyType: 'IMAGE', mediaUrl: '' }),
			'Media URL',
			/it is empty/,
			/https:\/\//,
		],
		[
			'media URL not http',
			sms({ bodyType: 'IMAGE', mediaUrl: 'ftp://x/a.jpg' }),
			'Media URL',
			/not an http\(s\) URL/,
			/https:\/\//,
		],
		[
			'Viber video without thumbnail',
			sms({ channel: 'VIBER_BM', bodyType: 'VIDEO', mediaUrl: 'https://e.com/v.mp4' }),
			'Thumbnail URL',
			/Viber Business Messages needs a thumbnail/,
			/thumbnail image/,
		],
		[
			'latitude out of range',
			sms({ bodyType: 'LOCATION', latitude: 91, longitude: 0 }),
			'Latitude',
			/91 is not a number from -90 to 90/,
			/decimal degrees/,
		],
		[
			'location name too long',
			sms({ bodyType: 'LOCATION', latitude: 1, longitude: 1, locationName: 'x'.repeat(1001) }),
			'Location Name',
			/1001 characters, more than Infobip's 1000/,
			/at most 1000/,
		],
		[
			'bad body type',
			sms({ bodyType: 'CAROUSEL' }),
			'Body Type',
			/"CAROUSEL" is not a body type/,
			/TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION/,
		],
		[
			'button without text',
			sms({ contentOptions: { buttons: { button: [{ type: 'REPLY' }] } } }),
			'Buttons → Text (button 1)',
			/it is empty/,
			/text shown on the button/,
		],
		[
			'dial button bad number',
			sms({
				contentOptions: {
					buttons: { button: [{ type: 'DIAL_PHONE', text: 'Call', phoneNumber: 'abc' }] },
				},
			}),
			'Buttons → Phone Number (button 1)',
			/"abc" is not a phone number/,
			/international format/,
		],
		[
			'template on a channel without templates',
			sms({ messageType: 'template', templateName: { mode: 'name', value: 't' } }),
			'Message Type',
			/SMS does not take template messages/,
			/Apple Messages for Business, RCS, Viber Business Messages or WhatsApp/,
		],
		[
			'template without a name',
			sms({ channel: 'RCS', messageType: 'template', templateName: { mode: 'list', value: '' } }),
			'Template',
			/no template is given/,
			/Pick a template/,
		],
		[
			'WhatsApp template without language',
			sms({
				channel: 'WHATSAPP',
				messageType: 'template',
				templateName: { mode: 'name', value: 'welcome' },
			}),
			'Template Language',
			/needs its language/,
			/en_GB/,
		],
		[
			'bad template JSON',
			sms({
				channel: 'RCS',
				messageType: 'template',
				templateName: 't',
				options: { templateContentJson: '{"buttons": [' },
			}),
			'Template Content (JSON)',
			/not valid JSON/,
			/JSON object/,
		],
		[
			'template JSON not an object',
			sms({
				channel: 'RCS',
				messageType: 'template',
				templateName: 't',
				options: { templateContentJson: '[1]' },
			}),
			'Template Content (JSON)',
			/not a JSON object/,
			/braces/,
		],
		[
			'placeholder named type',
			sms({
				channel: 'RCS',
				messageType: 'template',
				templateName: 't',
				templatePlaceholders: { placeholder: [{ name: 'type', value: 'x' }] },
			}),
			'Template Placeholders → Name (placeholder 1)',
			/"type" is taken/,
			/\{\{1\}\}/,
		],
		[
			'failover to the main channel',
			sms(step({ channel: 'SMS' })),
			'Failover Step 1 (SMS) → Channel',
			/it is the main channel \(SMS\)/,
			/each channel once/,
		],
		[
			'failover channel repeated',
			sms({
				failover: {
					steps: [
						{ channel: 'WHATSAPP', sender: 'W' },
						{ channel: 'WHATSAPP', sender: 'W' },
					],
				},
			}),
			'Failover Step 2 (WhatsApp) → Channel',
			/already an earlier failover step/,
			/one step/,
		],
		[
			'failover step without sender',
			sms(step({ channel: 'WHATSAPP', sender: '' })),
			'Failover Step 1 (WhatsApp) → Sender',
			/it is empty/,
			/WhatsApp sender number/,
		],
		[
			'failover to a platform channel without To',
			sms(step({ channel: 'MESSENGER', to: '' })),
			'Failover Step 1 (Messenger) → To',
			/main To holds Phone number of SMS, not Page-scoped user ID \(PSID\) of Messenger/,
			/phone-number channels may leave To empty/,
		],
		[
			'failover To count differs',
			sms({ to: '41793026727,41793026731', ...step({ channel: 'WHATSAPP', to: '41793026740' }) }),
			'Failover Step 1 (WhatsApp) → To',
			/1 address, the main To 2/,
			/one address per main recipient/,
		],
		[
			'failover template on a channel without templates',
			sms({
				channel: 'WHATSAPP',
				sender: 'W',
				...step({ channel: 'MESSENGER', to: 'psid', templateName: 't' }),
			}),
			'Failover Step 1 (Messenger) → Template',
			/Messenger does not take template messages/,
			/Text instead/,
		],
		[
			'failover text and template',
			sms(step({ channel: 'WHATSAPP', text: 'x', templateName: 't', templateLanguage: 'en' })),
			'Failover Step 1 (WhatsApp) → Template',
			/both a text and a template/,
			/either its own Text or a Template/,
		],
		[
			'failover WhatsApp template without language',
			sms(step({ channel: 'WHATSAPP', templateName: 't' })),
			'Failover Step 1 (WhatsApp) → Template Language',
			/needs its language/,
			/en_GB/,
		],
		[
			'failover validity too short',
			sms(step({ channel: 'WHATSAPP', validityPeriod: 5, validityPeriodTimeUnit: 'SECONDS' })),
			'Failover Step 1 (WhatsApp) → Validity Period',
			/5 SECONDS is outside Infobip's limits/,
			/at least 10 seconds and at most 48 hours/,
		],
		[
			'validity too long',
			sms({ options: { validityPeriod: 49, validityPeriodTimeUnit: 'HOURS' } }),
			'Validity Period',
			/49 HOURS is outside/,
			/at most 48 hours/,
		],
		[
			'validity in days',
			sms({ options: { validityPeriod: 1, validityPeriodTimeUnit: 'DAYS' } }),
			'Validity Period',
			/1 DAYS is not a validity period/,
			/SECONDS, MINUTES, HOURS/,
		],
		[
			'callback data too long',
			sms({ options: { callbackData: 'x'.repeat(4001) } }),
			'Callback Data',
			/4001 characters, more than Infobip's 4000/,
			/shorter value/,
		],
		[
			'delivery URL not a URL',
			sms({ options: { deliveryUrl: 'n8n.example.com/hook' } }),
			'Delivery URL',
			/not an http\(s\) URL/,
			/Production URL/,
		],
		[
			'seen URL not a URL',
			sms({ options: { seenUrl: 'https://' } }),
			'Seen URL',
			/without a valid host/,
			/Production URL/,
		],
		[
			'content type',
			sms({ options: { contentType: 'text/plain' } }),
			'Content Type',
			/"text\/plain" is not supported/,
			/application\/json or application\/xml/,
		],
		[
			'delivery window without days',
			sms({ options: { deliveryFrom: '09:00', deliveryTo: '10:00' } }),
			'Delivery Days',
			/at least one day/,
			/Pick the days/,
		],
		[
			'delivery window half',
			sms({ options: { deliveryDays: ['MONDAY'], deliveryFrom: '09:00' } }),
			'Delivery To (UTC)',
			/only one end/,
			/both Delivery From and Delivery To/,
		],
		[
			'delivery time not a time',
			sms({ options: { deliveryDays: ['MONDAY'], deliveryFrom: '25:00', deliveryTo: '10:00' } }),
			'Delivery From (UTC)',
			/"25:00" is not a time of day/,
			/HH:MM/,
		],
		[
			'India DLT without principal entity',
			sms({ options: { indiaDltContentTemplateId: 'CT' } }),
			'India DLT Principal Entity ID',
			/other India DLT fields are given/,
			/principal entity ID/,
		],
		[
			'Turkey IYS bad type',
			sms({ options: { turkeyIysRecipientType: 'X' } }),
			'Turkey IYS Recipient Type',
			/"X" is not a recipient type/,
			/BIREYSEL/,
		],
		[
			'South Korea code length',
			sms({ options: { southKoreaResellerCode: '1234' } }),
			'South Korea Reseller Code',
			/not a 9-digit number/,
			/9-digit code/,
		],
		[
			'traffic type',
			sms({ options: { trafficType: 'BULK' } }),
			'Traffic Type',
			/"BULK" is not a traffic type/,
			/PROMOTIONAL or TRANSACTIONAL/,
		],
		[
			'message ID too long',
			sms({ to: '41793026727' }),
			'Message ID',
			/201 characters, more than Infobip's 200/,
			/shorter Message ID/,
		],
		[
			'text from an object',
			sms({ text: { a: 1 } as unknown as string }),
			'Text',
			/got an object/,
			/Map a text field/,
		],
	];
	it.each(cases)('%s', (name, parameters, field, problem, fix) => {
		const idFor = name === 'message ID too long' ? () => 'x'.repeat(201) : ids;
		let caught: unknown;
		try {
			buildMessage(parameters, idFor);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ParameterError);
		const error = caught as ParameterError;
		expect(error.field).toBe(field);
		expect(error.problem).toMatch(problem);
		expect(error.fix).toMatch(fix);
	});

	const requestCases: Array<[string, IDataObject, string, RegExp]> = [
		['send at too far', { sendAt: '2027-07-01T00:00:00Z' }, 'Send At', /more than 180 days ahead/],
		['send at in the past', { sendAt: '2026-11-01T00:00:00Z' }, 'Send At', /in the past/],
		[
			'bulk ID too long',
			{ bulkId: 'b'.repeat(101) },
			'Bulk ID',
			/101 characters, more than Infobip's 100/,
		],
		[
			'speed limit zero',
			{ sendingSpeedLimit: 0 },
			'Sending Speed Limit',
			/not a whole number of 1 or more/,
		],
		[
			'speed limit unit',
			{ sendingSpeedLimit: 5, sendingSpeedLimitTimeUnit: 'SECOND' },
			'Speed Limit Unit',
			/"SECOND" is not a unit/,
		],
		['tracking URL', { trackingUrl: 'clicks' }, 'Tracking URL', /not an http\(s\) URL/],
	];
	it.each(requestCases)('request: %s', (_name, options, field, problem) => {
		expect(() => buildRequestOptions(options, NOW)).toThrow(ParameterError);
		try {
			buildRequestOptions(options, NOW);
		} catch (error) {
			expect((error as ParameterError).field).toBe(field);
			expect((error as ParameterError).problem).toMatch(problem);
		}
	});
});
