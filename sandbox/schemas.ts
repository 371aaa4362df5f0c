/**
 * Hand-written JSON schemas of what the sandbox accepts, written from Infobip's OMNI spec
 * (3.210.0) with relaxations where the spec contradicts itself (no flattened `required` lists inside
 * WhatsAppData, LineData, MediaTemplateHeaderContent, KakaoChinguData) plus the legacy
 * `facebook` and `parseco` objects and `to.facebookUserKey` / `to.lineUserKey`.
 *
 * Deliberately stricter than the spec in three ways, so that client mistakes surface:
 * unknown fields are rejected (catches `whatsapp` for `whatsApp`), `destinations` must be
 * non-empty and every destination needs a `to` with at least one address, and a scenario
 * step needs `from`.
 */
import type { SchemaObject } from 'ajv';

import { OMNI_CHANNELS } from './channels';
import { STATUS_GROUPS } from './statuses';

export const TIME_UNITS = [
	'NANOSECONDS',
	'MICROSECONDS',
	'MILLISECONDS',
	'SECONDS',
	'MINUTES',
	'HOURS',
	'DAYS',
] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const FACEBOOK_TYPES = ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'FILE'] as const;
export const FACEBOOK_MEDIA_TYPES = ['IMAGE', 'AUDIO', 'VIDEO', 'FILE'] as const;
export const NOTIFY_CONTENT_TYPES = ['application/json', 'application/xml'] as const;

const string = (minLength?: number, maxLength?: number): SchemaObject => ({
	type: 'string',
	...(minLength !== undefined ? { minLength } : {}),
	...(maxLength !== undefined ? { maxLength } : {}),
});
const boolean: SchemaObject = { type: 'boolean' };
const stringList: SchemaObject = { type: 'array', items: { type: 'string' } };
const freeObject: SchemaObject = { type: 'object' };

/** A channel object: closed, with the validity fields every channel shares. */
const channelObject = (
	properties: Record<string, SchemaObject>,
	extra: SchemaObject = {},
): SchemaObject => ({
	type: 'object',
	additionalProperties: false,
	properties: {
		validityPeriod: { type: 'integer' },
		validityPeriodTimeUnit: { enum: [...TIME_UNITS] },
		...properties,
	},
	...extra,
});

const smsData = channelObject({
	text: string(1),
	transliteration: {
		enum: [
			'NONE',
			'ALL',
			'BALTIC',
			'CENTRAL_EUROPEAN',
			'COLOMBIAN',
			'CYRILLIC',
			'GREEK',
			'NON_UNICODE',
			'PORTUGUESE',
			'SERBIAN_CYRILLIC',
			'TURKISH',
			'BULGARIAN_CYRILLIC',
		],
	},
	language: {
		type: 'object',
		additionalProperties: false,
		properties: { languageCode: { enum: ['NONE', 'TR', 'ES', 'PT', 'AUTODETECT'] } },
	},
	regional: {
		type: 'object',
		additionalProperties: false,
		properties: {
			indiaDlt: {
				type: 'object',
				additionalProperties: false,
				properties: {
					principalEntityId: string(1),
					contentTemplateId: string(),
					telemarketerId: string(),
				},
				required: ['principalEntityId'],
			},
			korea: { type: 'object', additionalProperties: false, properties: { title: string(0, 66) } },
		},
	},
});

const latitude: SchemaObject = { type: 'number', minimum: -90, maximum: 90 };
const longitude: SchemaObject = { type: 'number', minimum: -180, maximum: 180 };

const whatsAppData = channelObject({
	text: string(),
	templateNamespace: string(),
	templateName: string(),
	templateData: stringList,
	language: string(),
	mediaTemplateData: {
		type: 'object',
		additionalProperties: false,
		properties: {
			// Spec quirk: every header field is marked required; only one variant is sent.
			header: {
				type: 'object',
				additionalProperties: false,
				properties: {
					textPlaceholder: string(),
					documentUrl: string(),
					documentFilename: string(),
					imageUrl: string(),
					videoUrl: string(),
					latitude,
					longitude,
				},
			},
			body: {
				type: 'object',
				additionalProperties: false,
				properties: { placeholders: { type: 'array', items: string(1) } },
				required: ['placeholders'],
			},
			buttons: {
				type: 'array',
				items: {
					type: 'object',
					additionalProperties: false,
					properties: { urlPlaceholder: string(0, 1500), quickReplyPayload: string(0, 128) },
				},
			},
		},
		required: ['body'],
	},
	fileUrl: string(0, 2048),
	imageUrl: string(0, 2048),
	audioUrl: string(0, 2048),
	videoUrl: string(0, 2048),
	locationName: string(0, 1000),
	address: string(0, 1000),
	latitude,
	longitude,
	previewUrl: boolean,
	contacts: {
		type: 'array',
		items: {
			type: 'object',
			properties: {
				name: {
					type: 'object',
					properties: { firstName: string(1), formattedName: string(1) },
					required: ['firstName', 'formattedName'],
				},
			},
			required: ['name'],
		},
	},
});

const viberData = channelObject({
	text: string(),
	imageURL: string(0, 1000),
	fileName: string(0, 25),
	fileType: string(),
	fileUrl: { type: 'string', pattern: '^(https?)://.*$' },
	buttonText: string(0, 30),
	buttonURL: string(0, 1000),
	trackingData: string(0, 100),
	isPromotional: boolean,
	forcePrimaryDevice: boolean,
});

const voiceData = channelObject({ text: string(1), language: string() });

const emailData = channelObject({ text: string(1), subject: string() });

const pushData = channelObject({
	text: string(1, 2000),
	customPayload: freeObject,
	notificationOptions: {
		type: 'object',
		additionalProperties: false,
		properties: {
			vibrationEnabled: boolean,
			soundEnabled: boolean,
			soundName: string(),
			badge: { type: 'integer' },
			contentUrl: string(),
			category: string(),
			inAppStyle: { enum: ['BANNER', 'MODAL'] },
			title: string(),
			isSilent: boolean,
			webViewUrl: string(),
			inboxTopic: string(),
		},
	},
	targetOnlyPrimaryDevices: boolean,
	includeNotificationsDisabledDevices: boolean,
	personSubscriptions: { type: 'array', items: { type: 'string' }, uniqueItems: true },
	deviceSubscriptions: { type: 'array', items: { type: 'string' }, uniqueItems: true },
});

// Spec quirk: LineData marks every variant's fields required; enforce none.
const lineData = channelObject({
	type: { enum: ['TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'STICKER', 'FLEX'] },
	text: string(),
	url: string(0, 1000),
	thumbnailUrl: string(0, 1000),
	duration: { type: 'integer' },
	packageId: string(),
	stickerId: string(),
	altText: string(0, 400),
	contents: {
		type: 'object',
		properties: { type: { enum: ['BUBBLE', 'CAROUSEL'] } },
		required: ['type'],
	},
});

const kakaoButtons = (types: string[], properties: Record<string, SchemaObject>): SchemaObject => ({
	type: 'array',
	minItems: 1,
	maxItems: 5,
	items: {
		type: 'object',
		additionalProperties: false,
		properties: { buttonText: string(1, 28), type: { enum: types }, ...properties },
		required: ['buttonText'],
	},
});

// Spec quirk: KakaoChinguData requires `imageUrl` although its description says optional.
const kakaoChinguData = channelObject({
	text: string(1),
	imageUrl: string(1, 250),
	imageLink: string(1, 250),
	isPromotional: boolean,
	buttons: kakaoButtons(['URL', 'APP_LINK', 'BOT_KEYWORD', 'MESSAGE_DELIVERY'], {
		buttonUrl: string(1, 500),
		androidScheme: string(1, 500),
		iosScheme: string(1, 500),
	}),
});

const kakaoAlimData = channelObject({
	text: string(1, 1000),
	templateCode: string(1, 30),
	title: string(0, 50),
	groupKey: string(),
	buttons: kakaoButtons(
		[
			'URL',
			'APP_LINK',
			'DELIVERY_TRACKING',
			'CHATBOT_SWITCH',
			'MESSAGE_DELIVERY',
			'BOT_KEYWORD',
			'ADD_CHANNEL',
		],
		{
			buttonUrl: string(1, 500),
			buttonUrlMobile: string(1, 500),
			buttonUrlPc: string(1, 500),
			target: { enum: ['out'] },
			androidScheme: string(1, 500),
			iosScheme: string(1, 500),
			chatExtra: string(1, 50),
			chatEvent: string(1, 50),
		},
	),
});

const vKontakteData = channelObject({
	text: string(),
	templateName: string(),
	templateData: freeObject,
});

/** Legacy FacebookData: `url` when a media type is given, `text` for TEXT or no type. */
const facebookData = channelObject(
	{ type: { enum: [...FACEBOOK_TYPES] }, url: string(1), text: string(1) },
	{
		allOf: [
			{
				if: { properties: { type: { enum: [...FACEBOOK_MEDIA_TYPES] } }, required: ['type'] },
				then: { required: ['url'] },
			},
			{
				if: {
					anyOf: [{ not: { required: ['type'] } }, { properties: { type: { const: 'TEXT' } } }],
				},
				then: { required: ['text'] },
			},
		],
	},
);

const parsecoData = channelObject({ text: string(1) });

export const toSchema: SchemaObject = {
	type: 'object',
	additionalProperties: false,
	minProperties: 1,
	properties: {
		phoneNumber: { type: 'string', pattern: '^\\+?[0-9]{3,20}$' },
		emailAddress: { type: 'string', format: 'email' },
		pushRegistrationId: string(1),
		whatsAppUserId: string(1, 150),
		facebookUserKey: string(1),
		lineUserKey: string(1),
	},
};

export const sendRequestSchema: SchemaObject = {
	type: 'object',
	additionalProperties: false,
	properties: {
		scenarioKey: string(1),
		bulkId: string(1, 100),
		destinations: {
			type: 'array',
			minItems: 1,
			items: {
				type: 'object',
				additionalProperties: false,
				properties: { messageId: string(1, 200), to: toSchema },
				required: ['to'],
			},
		},
		sms: smsData,
		whatsApp: whatsAppData,
		viber: viberData,
		voice: voiceData,
		email: emailData,
		push: pushData,
		line: lineData,
		kakaoChingu: kakaoChinguData,
		kakaoAlim: kakaoAlimData,
		vKontakte: vKontakteData,
		facebook: facebookData,
		parseco: parsecoData,
		notify: boolean,
		intermediateReport: boolean,
		notifyUrl: { type: 'string', format: 'http-url' },
		notifyContentType: { enum: [...NOTIFY_CONTENT_TYPES] },
		callbackData: string(0, 4000),
		sendAt: { type: 'string', format: 'infobip-date-time' },
	},
	required: ['destinations'],
};

export const scenarioRequestSchema: SchemaObject = {
	type: 'object',
	additionalProperties: false,
	properties: {
		// Accepted and ignored, so that a scenario read with GET can be PUT back unchanged.
		key: { type: 'string' },
		name: string(),
		flow: {
			type: 'array',
			minItems: 1,
			items: {
				type: 'object',
				additionalProperties: false,
				properties: { from: string(1), channel: { enum: [...OMNI_CHANNELS] } },
				required: ['from', 'channel'],
			},
		},
		default: boolean,
	},
	required: ['flow'],
};

const limitUpTo1000: SchemaObject = { type: 'integer', minimum: 1, maximum: 1000 };
const oneOrMany: SchemaObject = {
	anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
};

export const scenariosQuerySchema: SchemaObject = {
	type: 'object',
	properties: {
		isDefault: boolean,
		limit: { type: 'integer', minimum: 0 },
		page: { type: 'integer', minimum: 0 },
	},
};

export const reportsQuerySchema: SchemaObject = {
	type: 'object',
	properties: {
		bulkId: string(),
		messageId: string(),
		limit: limitUpTo1000,
		channel: { enum: [...OMNI_CHANNELS] },
	},
};

export const logsQuerySchema: SchemaObject = {
	type: 'object',
	properties: {
		from: string(),
		to: string(),
		bulkId: oneOrMany,
		messageId: oneOrMany,
		generalStatus: { enum: [...STATUS_GROUPS] },
		channel: { enum: [...OMNI_CHANNELS] },
		sentSince: { type: 'string', format: 'infobip-date-time' },
		sentUntil: { type: 'string', format: 'infobip-date-time' },
		limit: limitUpTo1000,
		mcc: string(),
		mnc: string(),
	},
};

export const DRILL_KINDS = [
	'status',
	'latency',
	'reset',
	'hang',
	'malformedJson',
	'rejectDestinations',
	'headers',
] as const;

export const drillSchema: SchemaObject = {
	type: 'object',
	additionalProperties: false,
	properties: {
		kind: { enum: [...DRILL_KINDS] },
		path: string(1),
		method: string(1),
		times: { type: 'integer', minimum: 1 },
		status: { type: 'integer', minimum: 400, maximum: 599 },
		retryAfterSeconds: { type: 'integer', minimum: 0 },
		html: boolean,
		ms: { type: 'integer', minimum: 0 },
		destinations: { type: 'array', items: { type: 'integer', minimum: 0 } },
		headers: { type: 'object', additionalProperties: { type: 'string' } },
	},
	required: ['kind', 'path'],
	allOf: [
		{ if: { properties: { kind: { const: 'status' } } }, then: { required: ['status'] } },
		{ if: { properties: { kind: { const: 'latency' } } }, then: { required: ['ms'] } },
		{ if: { properties: { kind: { const: 'headers' } } }, then: { required: ['headers'] } },
	],
};
