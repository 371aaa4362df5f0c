import type { IDataObject } from 'n8n-workflow';

import { channelName } from './index';
import type { Shape } from './shape';
import {
	KAKAO_ALIM,
	KAKAO_CHINGU,
	FREE_OBJECT,
	LINE_FLEX_CONTAINER,
	PUSH_NOTIFICATION_OPTIONS,
	WHATSAPP_CONTACTS,
	WHATSAPP_MEDIA_TEMPLATE,
} from './contentShapes';

/** How one UI field maps into a channel's content object (https://www.infobip.com/docs/api/channels/omni-failover/send-omni-failover-message). */
export interface ContentField {
	/** Parameter name in the UI (not `name`: n8n's lint would read these specs as parameters). */
	param: string;
	/** Label in the UI and in error messages. */
	label: string;
	/** Dot path in the channel object, e.g. `regional.indiaDlt.principalEntityId`. */
	path: string;
	type: 'text' | 'string' | 'url' | 'options' | 'boolean' | 'number' | 'list' | 'json';
	description: string;
	options?: string[];
	maxLength?: number;
	min?: number;
	max?: number;
	placeholder?: string;
	/** For `json`: what the parsed value must be. */
	jsonShape?: 'object' | 'array';
	/** For `json`: its keys, required keys, lengths and counts, after Infobip's schema. */
	shape?: Shape;
	/** For `number`: whole numbers only. */
	integer?: boolean;
	/** For `list`: no value twice. */
	unique?: boolean;
	/** For `url`: also allow `tel:` links (Viber buttons). */
	allowTel?: boolean;
	/** The message types (`ContentType.value`) that show and send this field; absent: all. */
	types?: string[];
}

/** One kind of message of a channel, e.g. WhatsApp Image. */
export interface ContentType {
	value: string;
	name: string;
	description: string;
	/** Params of the fields this type cannot be sent without. */
	required: string[];
}

/** The message type a channel's content is chosen by; the first type is the default. */
export interface ContentTypeChoice {
	param: string;
	label: string;
	description: string;
	/** Where the chosen type goes in the channel object; absent: only the UI uses it. */
	path?: string;
	/** A type Infobip assumes when the key is absent, so it is left out of the body. */
	implied?: string;
	types: ContentType[];
}

/** What each channel's content must hold beyond single fields; returns the problem, if any. */
type ContentRule = (
	content: IDataObject,
) => { field: string; problem: string; fix: string } | undefined;

export interface ChannelContentSpec {
	/** `OmniChannel.value`. */
	channel: string;
	/** Starts every UI label of this channel; default: the channel name without "(Legacy)". */
	prefix?: string;
	/** Channels whose content object holds one of several kinds of message. */
	contentType?: ContentTypeChoice;
	fields: ContentField[];
	rule?: ContentRule;
}

/**
 * The UI label of a channel's field. Labels differ between channels because an AI Agent tool
 * derives each `$fromAI` key from the label alone: two channels' "Text" would share one key.
 */
export const fieldLabel = (spec: ChannelContentSpec, label: string): string =>
	UNPREFIXED.has(label)
		? label
		: `${spec.prefix ?? channelName(spec.channel).replace(/ \(Legacy\)$/, '')} ${label}`;

/**
 * Labels that are already unique among all channels and would not fit the panel with the channel
 * in front (the editor cuts labels inside Channel Contents at 144 px: npm run test:editor).
 */
const UNPREFIXED = new Set(['Person Subscriptions', 'Device Subscriptions']);

/** The chosen message type, the default (first) one when none is given. */
export function contentTypeOf(spec: ChannelContentSpec, chosen: unknown): ContentType | undefined {
	const choice = spec.contentType;
	if (!choice) return undefined;
	if (chosen === undefined || chosen === null || chosen === '') return choice.types[0];
	return choice.types.find((type) => type.value === chosen);
}

/** The fields a message type shows and sends. */
export const fieldsOf = (spec: ChannelContentSpec, type: ContentType | undefined): ContentField[] =>
	spec.fields.filter((field) => !type || !field.types || field.types.includes(type.value));

const kind = (
	value: string,
	name: string,
	description: string,
	...required: string[]
): ContentType => ({ value, name, description, required });

/** LINE and Facebook keep their saved parameter `type`, which is also the body key; elsewhere the type is the UI's own. */
const messageType = (
	description: string,
	types: ContentType[],
	body?: { path: string; implied?: string },
): ContentTypeChoice => ({
	param: body ? 'type' : 'contentType',
	label: 'Message Type',
	description,
	types,
	...body,
});

const TEXT = (description: string, maxLength?: number, types?: string[]): ContentField => ({
	param: 'text',
	label: 'Text',
	path: 'text',
	type: 'text',
	description,
	maxLength,
	...(types ? { types } : {}),
});

const needs =
	(field: string, fix: string, ...paths: string[]): ContentRule =>
	(content) =>
		paths.some((path) => content[path] !== undefined)
			? undefined
			: { field, problem: 'it is empty', fix };

/** Channels whose rich objects are given as raw JSON (Infobip's spec gives their objects no fixed shape). */
function rawJsonContent(
	channel: string,
	bodyKey: string,
	fields: string,
	example: string,
	shape: Shape,
): ChannelContentSpec {
	return {
		channel,
		fields: [
			{
				param: 'content',
				label: 'Content',
				path: '',
				type: 'json',
				jsonShape: 'object',
				shape,
				description: `The whole ${bodyKey} object as JSON, with ${fields}; e.g. ${example}`,
			},
		],
		rule: needs('Content', `Give at least ${example}.`, 'text'),
	};
}

const FACEBOOK_MEDIA = ['IMAGE', 'AUDIO', 'VIDEO', 'FILE'];

const WHATSAPP_CAPTIONED = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'];
const WHATSAPP_TEMPLATES = ['TEMPLATE', 'MEDIA_TEMPLATE'];
const WHATSAPP_LOCATION = ['LOCATION'];

const VIBER_TEXT = ['TEXT', 'TEXT_BUTTON', 'TEXT_IMAGE_BUTTON'];
const VIBER_IMAGE = ['IMAGE', 'TEXT_IMAGE_BUTTON'];
const VIBER_BUTTON = ['TEXT_BUTTON', 'TEXT_IMAGE_BUTTON'];
const VIBER_FILE = ['FILE'];

export const CHANNEL_CONTENT: ChannelContentSpec[] = [
	{
		channel: 'FACEBOOK',
		prefix: 'Facebook',
		// Infobip's Facebook example sends a text without a type (https://dev.infobip.com/omni-channel/facebook-example).
		contentType: messageType(
			'Text, or an image, audio, video or file at a public URL',
			[
				kind('TEXT', 'Text', 'A Messenger text', 'text'),
				kind('IMAGE', 'Image', 'An image at a public URL', 'url'),
				kind('AUDIO', 'Audio', 'An audio file at a public URL', 'url'),
				kind('VIDEO', 'Video', 'A video at a public URL', 'url'),
				kind('FILE', 'File', 'A file at a public URL', 'url'),
			],
			{ path: 'type', implied: 'TEXT' },
		),
		fields: [
			TEXT('The text of the Messenger message', undefined, ['TEXT']),
			{
				param: 'url',
				label: 'Media URL',
				path: 'url',
				type: 'url',
				types: FACEBOOK_MEDIA,
				description: 'A public http(s) URL of the image, audio, video or file to send',
				placeholder: 'e.g. https://example.com/images/image.jpg',
			},
		],
	},
	{
		channel: 'SMS',
		fields: [
			TEXT('The SMS text; long texts are sent as several concatenated SMS'),
			{
				param: 'transliteration',
				label: 'Transliteration',
				path: 'transliteration',
				type: 'options',
				options: [
					'NONE',
					'ALL',
					'BALTIC',
					'BULGARIAN_CYRILLIC',
					'CENTRAL_EUROPEAN',
					'COLOMBIAN',
					'CYRILLIC',
					'GREEK',
					'NON_UNICODE',
					'PORTUGUESE',
					'SERBIAN_CYRILLIC',
					'TURKISH',
				],
				description:
					'Replace characters of this alphabet that would force Unicode, to fit more text in one SMS',
			},
			{
				param: 'languageCode',
				label: 'Language',
				path: 'language.languageCode',
				type: 'options',
				options: ['NONE', 'AUTODETECT', 'ES', 'PT', 'TR'],
				description:
					'National language shift table (Spanish, Portuguese, Turkish), for longer messages in these languages',
			},
			{
				param: 'indiaDltPrincipalEntityId',
				label: 'DLT Entity ID',
				path: 'regional.indiaDlt.principalEntityId',
				type: 'string',
				description:
					'Required for SMS to India: the principal entity ID registered on the DLT platform',
			},
			{
				param: 'indiaDltContentTemplateId',
				label: 'DLT Template ID',
				path: 'regional.indiaDlt.contentTemplateId',
				type: 'string',
				description: 'SMS to India: the DLT content template ID registered for this text',
			},
			{
				param: 'indiaDltTelemarketerId',
				label: 'DLT Telemarketer',
				path: 'regional.indiaDlt.telemarketerId',
				type: 'string',
				description: 'SMS to India sent through an aggregator: its DLT telemarketer ID',
			},
			{
				param: 'koreaTitle',
				label: 'Korea Title',
				path: 'regional.korea.title',
				type: 'string',
				maxLength: 66,
				description: 'SMS to South Korea: the title of the LMS (long) message, up to 66 characters',
			},
		],
		rule: (content) => {
			const regional = content.regional as { indiaDlt?: IDataObject } | undefined;
			if (regional?.indiaDlt && regional.indiaDlt.principalEntityId === undefined) {
				return {
					field: 'DLT Entity ID',
					problem: 'other India DLT fields are set without it',
					fix: 'Give the principal entity ID registered on the DLT platform.',
				};
			}
			return needs('Text', 'Write the SMS text.', 'text')(content);
		},
	},
	{
		channel: 'VIBER',
		// Viber content "must be one of: text, image, file, text with button or text with image and button" (https://www.infobip.com/docs/api/platform/omni-failover/send-advanced-omni-failover-message).
		contentType: messageType('Which kind of Viber message; each shows only its own fields', [
			kind('TEXT', 'Text', 'A text', 'text'),
			kind('IMAGE', 'Image', 'An image at a public URL', 'imageURL'),
			kind(
				'TEXT_BUTTON',
				'Text + Button',
				'A text with a button',
				'text',
				'buttonText',
				'buttonURL',
			),
			kind(
				'TEXT_IMAGE_BUTTON',
				'Text + Image + Button',
				'A text, an image and a button',
				'text',
				'imageURL',
				'buttonText',
				'buttonURL',
			),
			kind('FILE', 'File', 'A document at a public URL', 'fileUrl', 'fileName'),
		]),
		fields: [
			TEXT('The text of the Viber message', undefined, VIBER_TEXT),
			{
				param: 'imageURL',
				label: 'Image URL',
				path: 'imageURL',
				type: 'url',
				types: VIBER_IMAGE,
				maxLength: 1000,
				description: 'A public http(s) URL of the image (JPG or PNG)',
				placeholder: 'e.g. https://example.com/images/image.jpg',
			},
			{
				param: 'buttonText',
				label: 'Button Text',
				path: 'buttonText',
				type: 'string',
				types: VIBER_BUTTON,
				maxLength: 30,
				description: 'Caption of the button, up to 30 characters',
			},
			{
				param: 'buttonURL',
				label: 'Button URL',
				path: 'buttonURL',
				type: 'url',
				types: VIBER_BUTTON,
				allowTel: true,
				maxLength: 1000,
				description: 'Where the button leads: an http(s) URL, or tel: and a phone number to call',
				placeholder: 'e.g. https://example.com or tel:+41793026727',
			},
			{
				param: 'fileUrl',
				label: 'File URL',
				path: 'fileUrl',
				type: 'url',
				types: VIBER_FILE,
				description: 'A public http(s) URL of the document',
				placeholder: 'e.g. https://example.com/document.pdf',
			},
			{
				param: 'fileName',
				label: 'File Name',
				path: 'fileName',
				type: 'string',
				types: VIBER_FILE,
				maxLength: 25,
				description: 'Name the recipient sees for the file, up to 25 characters',
			},
			{
				param: 'fileType',
				label: 'File Type',
				path: 'fileType',
				type: 'options',
				types: VIBER_FILE,
				options: [
					'csv',
					'doc',
					'docx',
					'dot',
					'dotx',
					'eps',
					'fodt',
					'fods',
					'info',
					'ods',
					'odf',
					'odt',
					'pdax',
					'pdf',
					'rtf',
					'txt',
					'xls',
					'xlsm',
					'xlsx',
					'xltx',
					'xps',
				],
				description: 'Extension of the document at File URL',
			},
			{
				param: 'trackingData',
				label: 'Tracking Data',
				path: 'trackingData',
				type: 'string',
				maxLength: 100,
				description: "Your own reference, up to 100 characters, returned with the user's reply",
			},
			{
				param: 'isPromotional',
				label: 'Promotional',
				path: 'isPromotional',
				type: 'boolean',
				description: 'Whether the message is promotional (advertising) rather than transactional',
			},
			{
				param: 'forcePrimaryDevice',
				label: 'Primary Device Only',
				path: 'forcePrimaryDevice',
				type: 'boolean',
				description: "Whether to deliver only to the user's primary device (the phone)",
			},
		],
	},
	{
		channel: 'WHATSAPP',
		contentType: messageType(
			'Which kind of WhatsApp message; each shows only its own fields. Outside the 24-hour customer service window only templates are delivered.',
			[
				kind('TEXT', 'Text', 'A free-form text (only inside the 24-hour window)', 'text'),
				kind('IMAGE', 'Image', 'An image with an optional caption', 'imageUrl'),
				kind('VIDEO', 'Video', 'A video with an optional caption', 'videoUrl'),
				kind('AUDIO', 'Audio', 'An audio file', 'audioUrl'),
				kind('DOCUMENT', 'Document', 'A document with an optional caption', 'fileUrl'),
				kind('TEMPLATE', 'Template', 'A registered text template', 'templateName'),
				kind(
					'MEDIA_TEMPLATE',
					'Media Template',
					'A registered template with a header, body and buttons',
					'templateName',
					'mediaTemplateData',
				),
				kind('LOCATION', 'Location', 'A map location', 'latitude', 'longitude'),
				kind('CONTACTS', 'Contacts', 'One or more contact cards', 'contacts'),
			],
		),
		fields: [
			TEXT(
				'The message text, or the caption of the image, video or document',
				undefined,
				WHATSAPP_CAPTIONED,
			),
			{
				param: 'imageUrl',
				label: 'Image URL',
				path: 'imageUrl',
				type: 'url',
				types: ['IMAGE'],
				maxLength: 2048,
				description: 'A public http(s) URL of the image: JPG or PNG, up to 5 MB',
				placeholder: 'e.g. https://example.com/images/image.jpg',
			},
			{
				param: 'videoUrl',
				label: 'Video URL',
				path: 'videoUrl',
				type: 'url',
				types: ['VIDEO'],
				maxLength: 2048,
				description: 'A public http(s) URL of the video: MP4 or 3GPP, up to 16 MB',
			},
			{
				param: 'audioUrl',
				label: 'Audio URL',
				path: 'audioUrl',
				type: 'url',
				types: ['AUDIO'],
				maxLength: 2048,
				description: 'A public http(s) URL of the audio: AAC, AMR, MP3 or OPUS, up to 16 MB',
			},
			{
				param: 'fileUrl',
				label: 'File URL',
				path: 'fileUrl',
				type: 'url',
				types: ['DOCUMENT'],
				maxLength: 2048,
				description:
					'A public http(s) URL of the document: PDF, DOC(X), PPT(X) or XLS(X), up to 100 MB',
			},
			{
				param: 'previewUrl',
				label: 'Preview URL',
				path: 'previewUrl',
				type: 'boolean',
				types: ['TEXT'],
				description: 'Whether to show a preview of the first http(s) URL in the text',
			},
			{
				param: 'templateName',
				label: 'Template',
				path: 'templateName',
				type: 'string',
				types: WHATSAPP_TEMPLATES,
				description: 'Name of a template registered for the sender, e.g. order_update',
			},
			{
				param: 'templateNamespace',
				label: 'Namespace',
				path: 'templateNamespace',
				type: 'string',
				types: WHATSAPP_TEMPLATES,
				description: 'The namespace of the template, if your account uses namespaces',
			},
			{
				param: 'templateData',
				label: 'Template Data',
				path: 'templateData',
				type: 'list',
				types: ['TEMPLATE'],
				description:
					'Values of the template placeholders in the registered order, separated by commas (or an array)',
				placeholder: 'e.g. Jane, A-17',
			},
			{
				param: 'mediaTemplateData',
				label: 'Media Data',
				path: 'mediaTemplateData',
				type: 'json',
				types: ['MEDIA_TEMPLATE'],
				jsonShape: 'object',
				shape: WHATSAPP_MEDIA_TEMPLATE,
				description:
					'JSON with the header, body placeholders and buttons of the template, e.g. {"header":{"imageUrl":"https://..."},"body":{"placeholders":["Jane"]}}',
			},
			{
				param: 'language',
				label: 'Language',
				path: 'language',
				type: 'string',
				types: WHATSAPP_TEMPLATES,
				placeholder: 'e.g. en',
				description: 'The language code the template was registered with, e.g. en or en_GB',
			},
			{
				param: 'latitude',
				label: 'Latitude',
				path: 'latitude',
				type: 'number',
				types: WHATSAPP_LOCATION,
				min: -90,
				max: 90,
				description: 'Latitude of the location in degrees, -90 to 90, e.g. 45.8150',
			},
			{
				param: 'longitude',
				label: 'Longitude',
				path: 'longitude',
				type: 'number',
				types: WHATSAPP_LOCATION,
				min: -180,
				max: 180,
				description: 'Longitude of the location in degrees, -180 to 180, e.g. 15.9819',
			},
			{
				param: 'locationName',
				label: 'Place Name',
				path: 'locationName',
				type: 'string',
				types: WHATSAPP_LOCATION,
				maxLength: 1000,
				description: 'Name shown for the location, e.g. Main Office',
			},
			{
				param: 'address',
				label: 'Address',
				path: 'address',
				type: 'string',
				types: WHATSAPP_LOCATION,
				maxLength: 1000,
				description: 'Street address shown for the location',
			},
			{
				param: 'contacts',
				label: 'Contacts',
				path: 'contacts',
				type: 'json',
				types: ['CONTACTS'],
				jsonShape: 'array',
				shape: WHATSAPP_CONTACTS,
				description:
					'JSON array of contact cards, each with a name, e.g. [{"name":{"firstName":"Jane","formattedName":"Jane Doe"}}]',
			},
		],
	},
	{
		channel: 'VOICE',
		fields: [
			TEXT('The text read out to the recipient by text-to-speech'),
			{
				param: 'language',
				label: 'Language',
				path: 'language',
				type: 'string',
				placeholder: 'e.g. en',
				description: 'Text-to-speech language code of the text, e.g. en or de',
			},
		],
		rule: needs('Text', 'Write the text to read out.', 'text'),
	},
	{
		channel: 'EMAIL',
		fields: [
			{
				param: 'subject',
				label: 'Subject',
				path: 'subject',
				type: 'string',
				description: 'The subject line of the email',
			},
			TEXT('The body of the email, as plain text'),
		],
		rule: needs('Text', 'Write the email body.', 'text'),
	},
	{
		channel: 'PUSH',
		fields: [
			TEXT('The text of the push notification, up to 2000 characters', 2000),
			{
				param: 'customPayload',
				label: 'Custom Payload',
				path: 'customPayload',
				type: 'json',
				jsonShape: 'object',
				shape: FREE_OBJECT,
				description:
					'JSON object of data handed to your app with the notification, e.g. {"orderId":"A-17"}',
			},
			{
				param: 'notificationOptions',
				label: 'Display Options',
				path: 'notificationOptions',
				type: 'json',
				jsonShape: 'object',
				shape: PUSH_NOTIFICATION_OPTIONS,
				description:
					'JSON object of how the notification is shown, e.g. {"title":"Order","soundEnabled":true,"badge":1}',
			},
			{
				param: 'targetOnlyPrimaryDevices',
				label: 'Primary Devices Only',
				path: 'targetOnlyPrimaryDevices',
				type: 'boolean',
				description: "Whether to send only to the user's primary devices",
			},
			{
				param: 'includeNotificationsDisabledDevices',
				label: 'Include Muted',
				path: 'includeNotificationsDisabledDevices',
				type: 'boolean',
				description: 'Whether to also send to devices whose notifications are turned off',
			},
			{
				param: 'personSubscriptions',
				label: 'Person Subscriptions',
				path: 'personSubscriptions',
				type: 'list',
				unique: true,
				description:
					'Push: send only to people with these subscriptions: names separated by commas',
			},
			{
				param: 'deviceSubscriptions',
				label: 'Device Subscriptions',
				path: 'deviceSubscriptions',
				type: 'list',
				unique: true,
				description:
					'Push: send only to devices with these subscriptions: names separated by commas',
			},
		],
		rule: needs('Text', 'Write the notification text.', 'text'),
	},
	{
		channel: 'LINE',
		contentType: messageType(
			'Which kind of LINE message; each shows only its own fields',
			[
				kind('TEXT', 'Text', 'A text', 'text'),
				kind('IMAGE', 'Image', 'An image with a preview', 'url', 'thumbnailUrl'),
				kind('VIDEO', 'Video', 'A video with a preview image', 'url', 'thumbnailUrl'),
				kind('AUDIO', 'Audio', 'An audio file of a given length', 'url', 'duration'),
				kind('STICKER', 'Sticker', 'A LINE sticker', 'packageId', 'stickerId'),
				kind('FLEX', 'Flex', 'A Flex message (bubble or carousel)', 'altText', 'contents'),
			],
			{ path: 'type' },
		),
		fields: [
			TEXT('The text of the LINE message', undefined, ['TEXT']),
			{
				param: 'url',
				label: 'Media URL',
				path: 'url',
				type: 'url',
				types: ['IMAGE', 'VIDEO', 'AUDIO'],
				maxLength: 1000,
				description: 'A public http(s) URL of the image, video or audio file',
			},
			{
				param: 'thumbnailUrl',
				label: 'Thumbnail URL',
				path: 'thumbnailUrl',
				type: 'url',
				types: ['IMAGE', 'VIDEO'],
				maxLength: 1000,
				description: 'A public http(s) URL of the preview image shown before the media opens',
			},
			{
				param: 'duration',
				label: 'Duration (Ms)',
				path: 'duration',
				type: 'number',
				types: ['AUDIO'],
				min: 1,
				integer: true,
				description: 'Length of the audio in milliseconds, e.g. 60000 for one minute',
			},
			{
				param: 'packageId',
				label: 'Sticker Package',
				path: 'packageId',
				type: 'string',
				types: ['STICKER'],
				description: "ID of the sticker's package, from LINE's sticker list",
			},
			{
				param: 'stickerId',
				label: 'Sticker ID',
				path: 'stickerId',
				type: 'string',
				types: ['STICKER'],
				description: "ID of the sticker within its package, from LINE's sticker list",
			},
			{
				param: 'altText',
				label: 'Alternative Text',
				path: 'altText',
				type: 'string',
				types: ['FLEX'],
				maxLength: 400,
				description: 'Text shown in notifications and where the Flex message cannot be shown',
			},
			{
				param: 'contents',
				label: 'Flex Contents',
				path: 'contents',
				type: 'json',
				types: ['FLEX'],
				jsonShape: 'object',
				shape: LINE_FLEX_CONTAINER,
				description: 'JSON of a LINE Flex container, e.g. {"type":"BUBBLE","body":{...}}',
			},
		],
	},
	{
		channel: 'VKONTAKTE',
		// VK, the network's own short name (vk.com), keeps the labels within the panel's width.
		prefix: 'VK',
		fields: [
			TEXT('The VKontakte text, or leave empty and name a template'),
			{
				param: 'templateName',
				label: 'Template Name',
				path: 'templateName',
				type: 'string',
				description: 'Name of a template registered with Infobip, instead of a text',
			},
			{
				param: 'templateData',
				label: 'Template Data',
				path: 'templateData',
				type: 'json',
				jsonShape: 'object',
				shape: FREE_OBJECT,
				description: 'JSON object of the template parameters by name, e.g. {"parameter1":"value"}',
			},
		],
		rule: needs('Text', 'Write a text or name a template.', 'text', 'templateName'),
	},
	rawJsonContent(
		'KAKAO_CHINGU',
		'kakaoChingu',
		'text, imageUrl, imageLink, isPromotional, buttons (at most 5)',
		'{"text":"..."}',
		KAKAO_CHINGU,
	),
	rawJsonContent(
		'KAKAO_ALIM',
		'kakaoAlim',
		'text, templateCode, title, groupKey, buttons (at most 5)',
		'{"text":"...","templateCode":"..."}',
		KAKAO_ALIM,
	),
	{
		channel: 'PARSECO',
		fields: [TEXT('The text of the Parseco message')],
		rule: needs('Text', 'Write the Parseco text.', 'text'),
	},
];

export const CONTENT_BY_CHANNEL: ReadonlyMap<string, ChannelContentSpec> = new Map(
	CHANNEL_CONTENT.map((spec) => [spec.channel, spec]),
);
