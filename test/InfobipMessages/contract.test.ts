/**
 * Contract: the bodies the builders produce, for every shape the node sends, validated against
 * the spec's MessagesApiRequest (../shared/infobip-openapi/messages-api.json, OpenAPI 3.1 → ajv's
 * draft 2020 build), and the seed's Messenger → SMS body exactly as issue 14's contract gives it.
 *
 * Relaxations, applied to an in-memory copy, each for a documented spec quirk:
 * 1. `MessagesApiMessage` and `MessagesApiFailover` gain `not: {required: [template]}`. The spec
 *    tells content and template messages (and steps) apart by `oneOf` only; without discriminator
 *    support a template message also matches the content schema (no additionalProperties: false),
 *    so `oneOf` would refuse every valid template message.
 * `discriminator` is ignored (ajv strict: false), so body types are checked by their own schemas
 * below (`expectBody`), one per type the node builds.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IDataObject } from 'n8n-workflow';

import { buildMessage, type MessageParameters } from '../../nodes/InfobipMessages/builders/message';
import { buildRequestOptions } from '../../nodes/InfobipMessages/builders/request';
import { MESSAGES_CHANNELS, TEMPLATE_CHANNELS } from '../../nodes/InfobipMessages/channels';
import { SEED_MESSAGES_PARAMETERS, seedMessagesBody } from '../fixtures/messagesSeed';
import { loadMessagesSpec, MESSAGES_SPEC_PATH } from './support';

type Json = Record<string, unknown>;

const spec = loadMessagesSpec();
const describeWithSpec = spec ? describe : describe.skip;
const title = spec
	? 'Messages API send bodies: contract with the OpenAPI spec'
	: `Messages API contract tests skipped: ../shared/infobip-openapi not found (${MESSAGES_SPEC_PATH})`;

const PREFIX = '899caf445aab842b03fe1d74e4afd7097f0161dae66538ffa05bba2f153d708f.';

function relaxedSpec(original: Json): Json {
	const copy = structuredClone(original) as { components: { schemas: Record<string, Json> } };
	for (const name of ['MessagesApiMessage', 'MessagesApiFailover']) {
		copy.components.schemas[PREFIX + name].not = { required: ['template'] };
	}
	return copy as unknown as Json;
}

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ids = (d: number) => `m-${d + 1}`;

/** One request body as the node composes it (see dispatch MESSAGE_ENTRIES). */
function requestBody(parameters: MessageParameters, options: IDataObject = {}): IDataObject {
	return {
		messages: [buildMessage(parameters, ids).entry],
		options: buildRequestOptions(options, NOW),
	};
}

const phone = '41793026727';
const base = (channel: string, extra: MessageParameters = {}): MessageParameters => ({
	channel,
	sender: 'sender-1',
	to:
		channel === 'MESSENGER' ||
		channel === 'INSTAGRAM_DM' ||
		channel === 'LINE_ON' ||
		channel === 'VIBER_BOT' ||
		channel === 'APPLE_MB'
			? 'user-1'
			: phone,
	text: 'Hello',
	...extra,
});

const BODY_SHAPES: Array<[string, MessageParameters]> = [
	['TEXT', { bodyType: 'TEXT', text: 'Hello' }],
	['IMAGE', { bodyType: 'IMAGE', mediaUrl: 'https://example.com/a.jpg', text: 'caption' }],
	[
		'VIDEO',
		{
			bodyType: 'VIDEO',
			mediaUrl: 'https://example.com/v.mp4',
			thumbnailUrl: 'https://example.com/t.jpg',
		},
	],
	['DOCUMENT', { bodyType: 'DOCUMENT', mediaUrl: 'https://example.com/d.pdf', filename: 'd.pdf' }],
	[
		'LOCATION',
		{
			bodyType: 'LOCATION',
			latitude: 45.8,
			longitude: 15.9,
			locationName: 'Z',
			locationAddress: 'A',
		},
	],
];

const ALL_OPTIONS = {
	validityPeriod: 30,
	validityPeriodTimeUnit: 'MINUTES',
	deliveryDays: ['MONDAY', 'TUESDAY'],
	deliveryFrom: '08:00',
	deliveryTo: '18:00',
	indiaDltPrincipalEntityId: 'PE',
	indiaDltContentTemplateId: 'CT',
	indiaDltTelemarketerId: 'TM',
	turkeyIysRecipientType: 'BIREYSEL',
	turkeyIysBrandCode: 42,
	southKoreaResellerCode: '123456789',
	trafficType: 'TRANSACTIONAL',
	campaignReferenceId: 'c-1',
	entityId: 'e',
	applicationId: 'a',
	deliveryUrl: 'https://example.com/dlr',
	intermediateReport: true,
	receiveTriggeredFailoverReports: true,
	seenUrl: 'https://example.com/seen',
	contentType: 'application/json',
	callbackData: 'cb',
};

const REQUEST_OPTIONS = {
	bulkId: 'bulk-9',
	sendAt: '2026-12-24T09:00:00Z',
	sendingSpeedLimit: 10,
	sendingSpeedLimitTimeUnit: 'MINUTE',
	shortenUrl: true,
	trackClicks: true,
	trackingUrl: 'https://example.com/click',
	removeProtocol: false,
	customDomain: 'go.example.com',
	respectOrder: true,
	stopOnFailure: true,
};

describeWithSpec(title, () => {
	const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
	addFormats(ajv);
	if (spec) ajv.addSchema(relaxedSpec(spec), 'spec');
	const schema = (name: string) => {
		const validate = ajv.getSchema(`spec#/components/schemas/${PREFIX}${name}`);
		if (!validate) throw new Error(`no schema ${name}`);
		return validate;
	};

	function expectConforms(body: unknown) {
		const validate = schema('MessagesApiRequest');
		validate(body);
		expect(validate.errors ?? []).toEqual([]);
	}

	/** The body type's own schema (the spec's discriminator mapping). */
	function expectBody(body: IDataObject) {
		const name = `MessagesApiMessage${String(body.type).charAt(0)}${String(body.type).slice(1).toLowerCase()}Body`;
		const validate = schema(name);
		validate(body);
		expect(validate.errors ?? []).toEqual([]);
	}

	it("the seed's Messenger → SMS values give exactly the contract's body, and it conforms", () => {
		const parameters = SEED_MESSAGES_PARAMETERS as unknown as MessageParameters;
		const body = {
			messages: [buildMessage(parameters, () => 'derived-id').entry],
			options: buildRequestOptions({}, NOW),
		};
		expect(body).toEqual(seedMessagesBody('derived-id'));
		// Key order as the contract writes it.
		expect(JSON.stringify(body)).toBe(JSON.stringify(seedMessagesBody('derived-id')));
		expectConforms(body);
	});

	const perChannel = MESSAGES_CHANNELS.flatMap((channel) =>
		BODY_SHAPES.map(([type, extra]) => [`${channel} ${type}`, base(channel, extra)] as const),
	);
	it.each(perChannel)('%s conforms', (_name, parameters) => {
		const body = requestBody(parameters);
		expectConforms(body);
		expectBody(((body.messages as IDataObject[])[0].content as IDataObject).body as IDataObject);
	});

	it('header, footer and every button type conform', () => {
		const body = requestBody(
			base('WHATSAPP', {
				contentOptions: {
					header: 'H',
					footer: 'F',
					buttons: {
						button: [
							{ type: 'REPLY', text: 'Yes', postbackData: 'y' },
							{ type: 'OPEN_URL', text: 'Go', url: 'https://example.com', openIn: 'WEBVIEW_FULL' },
							{ type: 'DIAL_PHONE', text: 'Call', phoneNumber: '+41793026727' },
							{ type: 'REQUEST_LOCATION', text: 'Where?' },
						],
					},
				},
			}),
		);
		expectConforms(body);
		const content = (body.messages as IDataObject[])[0].content as IDataObject;
		const buttons = content.buttons as IDataObject[];
		const names = ['Reply', 'OpenUrl', 'DialPhone', 'RequestLocation'];
		buttons.forEach((button, index) => {
			const validate = schema(`MessagesApiMessage${names[index]}Button`);
			validate(button);
			expect(validate.errors ?? []).toEqual([]);
		});
		for (const [part, name] of [
			['header', 'MessagesApiMessageTextHeader'],
			['footer', 'MessagesApiMessageFooter'],
		] as const) {
			const validate = schema(name);
			validate(content[part]);
			expect(validate.errors ?? []).toEqual([]);
		}
	});

	it.each(TEMPLATE_CHANNELS.map((channel) => [channel]))(
		'%s template message conforms',
		(channel) => {
			expectConforms(
				requestBody(
					base(channel, {
						messageType: 'template',
						templateName: { mode: 'list', value: 'welcome@en' },
						templatePlaceholders: { placeholder: [{ name: '1', value: 'Ann' }] },
					}),
				),
			);
		},
	);

	it('failover steps of every form conform: reused content, own text, own template, validity', () => {
		expectConforms(
			requestBody(
				base('MESSENGER', {
					failover: {
						steps: [
							{
								channel: 'WHATSAPP',
								sender: '447491163862',
								to: phone,
								templateName: 't',
								templateLanguage: 'en',
							},
							{
								channel: 'VIBER_BM',
								sender: 'V',
								to: phone,
								validityPeriod: 2,
								validityPeriodTimeUnit: 'HOURS',
							},
							{
								channel: 'SMS',
								sender: 'InfoSMS',
								to: phone,
								text: 'By SMS',
								validityPeriod: 30,
								validityPeriodTimeUnit: 'SECONDS',
							},
						],
					},
				}),
			),
		);
	});

	it('every per-message and request option conforms', () => {
		expectConforms(requestBody(base('SMS', { options: ALL_OPTIONS }), REQUEST_OPTIONS));
	});

	it('a template message with every option and failover conforms', () => {
		expectConforms(
			requestBody(
				base('WHATSAPP', {
					messageType: 'template',
					templateName: { mode: 'name', value: 'order' },
					templateLanguage: 'en',
					options: {
						...ALL_OPTIONS,
						templateContentJson: '{"buttons":[{"type":"QUICK_REPLY","postbackData":"x"}]}',
					},
					failover: { steps: [{ channel: 'SMS', sender: 'InfoSMS', text: 'fallback' }] },
				}),
				REQUEST_OPTIONS,
			),
		);
	});

	it('the check can fail: a body without destinations is refused', () => {
		const validate = schema('MessagesApiRequest');
		expect(
			validate({ messages: [{ channel: 'SMS', content: { body: { type: 'TEXT', text: 'x' } } }] }),
		).toBe(false);
	});
});
