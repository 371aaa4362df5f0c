/**
 * Hand-written JSON schemas of what the sandbox accepts on Infobip's Messages API, written from
 * the Messages API spec (MessagesApiRequest and the schemas it names). The repository does not
 * import the spec file; test/sandbox/messagesApiContract.test.ts checks these schemas against it.
 *
 * Modelled closely: messages (content and template), destinations (`to` / `byChannel`), the
 * content bodies TEXT, IMAGE, VIDEO, DOCUMENT and LOCATION, header, footer, buttons, template,
 * failover steps, message options, request options and webhooks. Other body, button and template
 * parts pass through loosely (only their `type` is checked). Fields the schemas do not know are
 * collected as "unknown property" (skippable on /validate, ignored on /messages, like Infobip).
 */
import type { SchemaObject } from 'ajv';

export const MESSAGES_API_CHANNELS = [
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
] as const;
export type MessagesApiChannel = (typeof MESSAGES_API_CHANNELS)[number];

/** Channels that take `template` messages (OutboundTemplateChannel). */
export const TEMPLATE_CHANNELS: readonly MessagesApiChannel[] = [
	'APPLE_MB',
	'RCS',
	'VIBER_BM',
	'WHATSAPP',
];

/** Channels with seen reports (InboundSeenChannel). */
export const SEEN_CHANNELS: readonly MessagesApiChannel[] = [
	'RCS',
	'VIBER_BM',
	'VIBER_BOT',
	'WHATSAPP',
];

/** Channels of `GET /messages-api/1/inbound` (InboundMoGetEndpointChannel). */
export const INBOUND_PULL_CHANNELS: readonly MessagesApiChannel[] = [
	'APPLE_MB',
	'MESSENGER',
	'MMS',
	'SMS',
	'VIBER_BM',
	'WHATSAPP',
];

/** Channels of inbound MO events (InboundMoEventChannel). */
export const INBOUND_EVENT_CHANNELS: readonly MessagesApiChannel[] = [
	'APPLE_MB',
	'INSTAGRAM_DM',
	'MESSENGER',
	'MMS',
	'RCS',
	'SMS',
	'VIBER_BM',
	'VIBER_BOT',
	'WHATSAPP',
];

export const BODY_TYPES = [
	'TEXT',
	'IMAGE',
	'VIDEO',
	'DOCUMENT',
	'RICH_LINK',
	'AUTHENTICATION_REQUEST',
	'LIST',
	'CAROUSEL',
	'LOCATION',
	'CONTACT',
	'STICKER',
	'PRODUCT',
	'MIXED',
	'FLOW',
	'TIME_PICKER',
	'ORDER_REQUEST',
	'ORDER_STATUS',
	'FORM',
] as const;

export const BUTTON_TYPES = [
	'REPLY',
	'OPEN_URL',
	'DIAL_PHONE',
	'SHOW_LOCATION',
	'REQUEST_LOCATION',
	'ADD_CALENDAR_EVENT',
] as const;

export const VALIDITY_TIME_UNITS = ['SECONDS', 'MINUTES', 'HOURS'] as const;
export type ValidityTimeUnit = (typeof VALIDITY_TIME_UNITS)[number];

const string: SchemaObject = { type: 'string' };
const boolean: SchemaObject = { type: 'boolean' };
const integer: SchemaObject = { type: 'integer' };
const loose: SchemaObject = { type: 'object' };
const stringOf = (minLength: number, maxLength: number): SchemaObject => ({
	type: 'string',
	minLength,
	maxLength,
});
const closed = (properties: Record<string, SchemaObject>, required: string[] = []) => ({
	type: 'object',
	additionalProperties: false,
	properties,
	...(required.length > 0 ? { required } : {}),
});

const propertiesOf = (schema: SchemaObject): Record<string, SchemaObject> =>
	(schema.properties ?? {}) as Record<string, SchemaObject>;

const channel: SchemaObject = { enum: [...MESSAGES_API_CHANNELS] };

const validityPeriod = closed({ amount: integer, timeUnit: { enum: [...VALIDITY_TIME_UNITS] } }, [
	'amount',
]);

const platform = closed({ entityId: stringOf(0, 255), applicationId: stringOf(0, 255) });

const deliveryTime = closed(
	{
		hour: { type: 'integer', minimum: 0, maximum: 23 },
		minute: { type: 'integer', minimum: 0, maximum: 59 },
	},
	['hour', 'minute'],
);

const messageOptions = closed({
	platform,
	validityPeriod,
	deliveryTimeWindow: closed(
		{
			days: {
				type: 'array',
				items: {
					enum: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
				},
			},
			from: deliveryTime,
			to: deliveryTime,
		},
		['days'],
	),
	adaptationMode: boolean,
	// India DLT, Turkey IYS and South Korea options pass through as objects.
	regional: closed({ indiaDlt: loose, turkeyIys: loose, southKorea: loose }),
	campaignReferenceId: string,
	transliteration: {
		enum: [
			'NONE',
			'TURKISH',
			'GREEK',
			'CYRILLIC',
			'SERBIAN_CYRILLIC',
			'CENTRAL_EUROPEAN',
			'BALTIC',
			'NON_UNICODE',
			'PORTUGUESE',
			'COLOMBIAN',
			'BULGARIAN_CYRILLIC',
			'ALL',
		],
	},
	correlationData: stringOf(1, 100),
	trafficType: { enum: ['PROMOTIONAL', 'TRANSACTIONAL'] },
	sessionRate: boolean,
	primaryDevice: boolean,
});

const webhooks = closed({
	delivery: closed({
		url: string,
		intermediateReport: boolean,
		receiveTriggeredFailoverReports: boolean,
	}),
	contentType: string,
	callbackData: stringOf(0, 4000),
	seen: closed({ url: string }),
});

const messageId = stringOf(0, 200);

/** `{to}` or `{byChannel}`, told apart by the presence of `byChannel`. */
const destination: SchemaObject = {
	type: 'object',
	if: { required: ['byChannel'] },
	then: closed(
		{
			messageId,
			byChannel: {
				type: 'array',
				minItems: 1,
				items: closed({ channel, to: string, messageId }, ['channel', 'to']),
			},
		},
		['byChannel'],
	),
	else: closed({ to: string, messageId }, ['to']),
};

/** A body type's own fields; `then` branches are closed so typos surface as unknown properties. */
const bodyBranch = (
	type: string,
	properties: Record<string, SchemaObject>,
	required: string[],
) => ({
	if: { properties: { type: { const: type } }, required: ['type'] },
	then: closed({ type: string, ...properties }, ['type', ...required]),
});

const body: SchemaObject = {
	type: 'object',
	required: ['type'],
	properties: { type: { enum: [...BODY_TYPES] } },
	allOf: [
		bodyBranch('TEXT', { text: string }, ['text']),
		bodyBranch('IMAGE', { url: string, text: string }, ['url']),
		bodyBranch('VIDEO', { url: string, text: string, thumbnailUrl: string }, ['url']),
		bodyBranch('DOCUMENT', { url: string, text: string, filename: string }, ['url']),
		bodyBranch(
			'LOCATION',
			{
				latitude: { type: 'number', minimum: -90, maximum: 90 },
				longitude: { type: 'number', minimum: -180, maximum: 180 },
				name: stringOf(0, 1000),
				address: stringOf(0, 1000),
			},
			['latitude', 'longitude'],
		),
	],
};

const buttonBranch = (type: string, properties: Record<string, SchemaObject>, required: string[]) =>
	bodyBranch(type, properties, required);

const button: SchemaObject = {
	type: 'object',
	required: ['type'],
	properties: { type: { enum: [...BUTTON_TYPES] } },
	allOf: [
		buttonBranch('REPLY', { text: string, postbackData: string }, ['text']),
		buttonBranch(
			'OPEN_URL',
			{
				text: string,
				url: string,
				postbackData: string,
				openIn: { enum: ['BROWSER', 'WEBVIEW_FULL', 'WEBVIEW_HALF', 'WEBVIEW_TALL'] },
			},
			['text', 'url'],
		),
		buttonBranch(
			'DIAL_PHONE',
			{
				text: string,
				phoneNumber: { type: 'string', pattern: '^\\+?[0-9]\\d{1,14}$' },
				postbackData: string,
			},
			['text', 'phoneNumber'],
		),
	],
};

const messageContent = closed(
	{
		header: {
			type: 'object',
			required: ['type'],
			properties: { type: { enum: ['TEXT'] } },
			allOf: [bodyBranch('TEXT', { text: string }, ['text'])],
		},
		body,
		buttons: { type: 'array', items: button },
		confirmationBody: closed({ text: string, description: string, imageUrl: string }, ['text']),
		senderDisplayInfo: closed({ name: stringOf(0, 28), avatarUrl: string }),
		footer: closed({ text: string }, ['text']),
	},
	['body'],
);

const template = closed({ templateName: string, language: string, referenceId: string }, [
	'templateName',
]);

/** Template content: placeholders are free-form (TEXT body: any string fields). */
const templateContent = closed({
	header: { type: 'object', required: ['type'], properties: { type: string } },
	body: {
		type: 'object',
		required: ['type'],
		properties: { type: { enum: ['TEXT', 'CAROUSEL'] } },
	},
	buttons: {
		type: 'array',
		items: { type: 'object', required: ['type'], properties: { type: string } },
	},
	expirationTime: string,
});

/** Shared parts are compiled once and referenced (keeps ajv's compile time and code small). */
const ref = (name: string): SchemaObject => ({ $ref: `#/$defs/${name}` });
const definitions: Record<string, SchemaObject> = {
	messageContent,
	templateContent,
	template,
	validityPeriod,
	destination,
	messageOptions,
	webhooks,
};

const failoverStep: SchemaObject = {
	type: 'object',
	if: { required: ['template'] },
	then: closed(
		{
			channel,
			sender: string,
			template: ref('template'),
			content: ref('templateContent'),
			validityPeriod: ref('validityPeriod'),
		},
		['channel', 'template'],
	),
	else: closed(
		{
			channel,
			sender: string,
			content: ref('messageContent'),
			validityPeriod: ref('validityPeriod'),
		},
		['channel'],
	),
};

const commonMessage = {
	channel,
	sender: string,
	destinations: { type: 'array', minItems: 1, items: ref('destination') },
	options: ref('messageOptions'),
	webhooks: ref('webhooks'),
	failover: { type: 'array', items: failoverStep },
};

/** MessagesApiMessage or MessagesApiTemplateMessage, told apart by the presence of `template`. */
const message: SchemaObject = {
	type: 'object',
	if: { required: ['template'] },
	then: closed({ ...commonMessage, template: ref('template'), content: ref('templateContent') }, [
		'channel',
		'destinations',
		'template',
	]),
	else: closed({ ...commonMessage, content: ref('messageContent') }, [
		'channel',
		'content',
		'destinations',
	]),
};

export const messagesApiRequestSchema: SchemaObject = {
	$defs: definitions,
	...closed(
		{
			messages: { type: 'array', minItems: 1, items: message },
			options: closed({
				schedule: closed({
					bulkId: stringOf(0, 100),
					sendAt: { type: 'string', format: 'infobip-date-time' },
					sendingSpeedLimit: closed(
						{ amount: integer, timeUnit: { enum: ['MINUTE', 'HOUR', 'DAY'] } },
						['amount'],
					),
				}),
				tracking: closed({
					shortenUrl: boolean,
					trackClicks: boolean,
					trackingUrl: string,
					removeProtocol: boolean,
					customDomain: string,
				}),
				messageOrdering: closed({ respectOrder: boolean, stopOnFailure: boolean }),
			}),
		},
		['messages'],
	),
};

export const messagesApiReportsQuerySchema: SchemaObject = closed({
	channel,
	bulkId: string,
	messageId: string,
	limit: { type: 'integer', minimum: 1, maximum: 1000 },
	entityId: string,
	applicationId: string,
	campaignReferenceId: string,
});

export const messagesApiInboundQuerySchema: SchemaObject = closed(
	{
		channel: { enum: [...INBOUND_PULL_CHANNELS] },
		limit: { type: 'integer', minimum: 1, maximum: 1000 },
		applicationId: string,
		entityId: string,
		campaignReferenceId: string,
	},
	['channel'],
);

const eventBranch = (
	event: string,
	channels: string[],
	extra: Record<string, SchemaObject>,
	required: string[],
) => ({
	if: { properties: { event: { const: event } }, required: ['event'] },
	then: closed(
		{
			event: string,
			channel: { enum: channels },
			sender: string,
			destinations: ref('eventDestinations'),
			options: closed({
				platform,
				validityPeriod,
				deliveryTimeWindow: propertiesOf(messageOptions).deliveryTimeWindow,
			}),
			...extra,
		},
		['event', 'channel', 'sender', 'destinations', ...required],
	),
});

/** `POST /messages-api/1/events` (MessagesApiEventRequest): typing and seen events sent to users. */
export const messagesApiEventRequestSchema: SchemaObject = {
	$defs: {
		eventDestinations: { type: 'array', minItems: 1, items: destination.else as SchemaObject },
	},
	...closed(
		{
			events: {
				type: 'array',
				minItems: 1,
				items: {
					type: 'object',
					required: ['event'],
					properties: { event: { enum: ['TYPING_STARTED', 'TYPING_STOPPED', 'SEEN'] } },
					allOf: [
						eventBranch('TYPING_STARTED', ['APPLE_MB', 'RCS', 'WHATSAPP'], {}, []),
						eventBranch('TYPING_STOPPED', ['APPLE_MB'], {}, []),
						eventBranch(
							'SEEN',
							['RCS'],
							{
								messageId: string,
								destinations: {
									type: 'array',
									minItems: 1,
									maxItems: 1,
									items: destination.else as SchemaObject,
								},
							},
							['messageId'],
						),
					],
				},
			},
		},
		['events'],
	),
};

/** Admin: `POST /__sandbox/messages-api/inbound`. */
export const inboundInjectionSchema: SchemaObject = closed(
	{
		accountId: string,
		event: { enum: ['MO', 'TYPING_STARTED', 'TYPING_STOPPED'] },
		channel: { enum: [...INBOUND_EVENT_CHANNELS] },
		sender: { type: 'string', minLength: 1 },
		destination: { type: 'string', minLength: 1 },
		// Shorthand for one TEXT content item.
		text: string,
		content: {
			type: 'array',
			items: { type: 'object', required: ['type'], properties: { type: string } },
		},
		messageId: string,
		pairedMessageId: string,
		callbackData: string,
		campaignReferenceId: string,
		platform,
		messageCount: { type: 'integer', minimum: 1 },
	},
	['channel', 'sender', 'destination'],
);

/**
 * The closed parts of the request schema by the spec schema they follow, for the contract test
 * that checks the sandbox knows every field the spec declares.
 */
export const MODELLED_REQUEST_SCHEMAS: Record<string, SchemaObject> = {
	MessagesApiRequest: messagesApiRequestSchema,
	MessagesApiMessage: message.else as SchemaObject,
	MessagesApiTemplateMessage: message.then as SchemaObject,
	MessagesApiChannelsDestination: destination.then as SchemaObject,
	MessagesApiToDestination: destination.else as SchemaObject,
	MessagesApiChannelDestination: (
		propertiesOf(destination.then as SchemaObject).byChannel as SchemaObject
	).items as SchemaObject,
	MessagesApiMessageContent: messageContent,
	MessagesApiTemplateMessageContent: templateContent,
	MessagesApiTemplate: template,
	MessagesApiFailover: failoverStep.else as SchemaObject,
	MessagesApiTemplateFailover: failoverStep.then as SchemaObject,
	MessagesApiMessageOptions: messageOptions,
	MessagesApiWebhooks: webhooks,
	MessagesApiDelivery: propertiesOf(webhooks).delivery,
	SeenStatusReporting: propertiesOf(webhooks).seen,
	ValidityPeriod: validityPeriod,
	Platform: platform,
	DeliveryTimeWindow: propertiesOf(messageOptions).deliveryTimeWindow,
	DeliveryTime: deliveryTime,
	RegionalOptions: propertiesOf(messageOptions).regional,
	MessagesApiRequestOptions: propertiesOf(messagesApiRequestSchema).options,
	RequestSchedulingSettings: propertiesOf(propertiesOf(messagesApiRequestSchema).options).schedule,
	UrlOptions: propertiesOf(propertiesOf(messagesApiRequestSchema).options).tracking,
	MessageOrderingOptions: propertiesOf(propertiesOf(messagesApiRequestSchema).options)
		.messageOrdering,
	MessagesApiMessageConfirmationBody: propertiesOf(messageContent).confirmationBody,
	MessagesApiMessageSenderDisplayInfo: propertiesOf(messageContent).senderDisplayInfo,
	MessagesApiMessageFooter: propertiesOf(messageContent).footer,
};

/** The closed `then` branch of each modelled body and button type (spec schema name → schema). */
export const MODELLED_TYPED_SCHEMAS: Record<string, SchemaObject> = Object.fromEntries(
	(
		[
			['MessagesApiMessageTextBody', body, 0],
			['MessagesApiMessageImageBody', body, 1],
			['MessagesApiMessageVideoBody', body, 2],
			['MessagesApiMessageDocumentBody', body, 3],
			['MessagesApiMessageLocationBody', body, 4],
			['MessagesApiMessageReplyButton', button, 0],
			['MessagesApiMessageOpenUrlButton', button, 1],
			['MessagesApiMessageDialPhoneButton', button, 2],
			['MessagesApiMessageTextHeader', propertiesOf(messageContent).header, 0],
		] as Array<[string, SchemaObject, number]>
	).map(([name, schema, index]) => [
		name,
		(schema.allOf as SchemaObject[])[index].then as SchemaObject,
	]),
);
