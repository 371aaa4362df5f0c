import type { IDataObject } from 'n8n-workflow';

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
}

/** What each channel's content must hold beyond single fields; returns the problem, if any. */
type ContentRule = (
	content: IDataObject,
) => { field: string; problem: string; fix: string } | undefined;

export interface ChannelContentSpec {
	/** `OmniChannel.value`. */
	channel: string;
	fields: ContentField[];
	rule?: ContentRule;
}

const TEXT = (description: string, maxLength?: number): ContentField => ({
	param: 'text',
	label: 'Text',
	path: 'text',
	type: 'text',
	description,
	maxLength,
});

const FACEBOOK_MEDIA_TYPES = ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'FILE'];

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
				label: 'Content (JSON)',
				path: '',
				type: 'json',
				jsonShape: 'object',
				shape,
				description: `The ${bodyKey} object: ${fields}`,
			},
		],
		rule: needs('Content (JSON)', `Give at least ${example}.`, 'text'),
	};
}

export const CHANNEL_CONTENT: ChannelContentSpec[] = [
	{
		channel: 'FACEBOOK',
		fields: [
			{
				param: 'type',
				label: 'Type',
				path: 'type',
				type: 'options',
				options: FACEBOOK_MEDIA_TYPES,
				description: 'TEXT, or a media type whose file is at Media URL',
			},
			TEXT('The Messenger text (for type TEXT)'),
			{
				param: 'url',
				label: 'Media URL',
				path: 'url',
				type: 'url',
				description: 'A public http(s) URL of the image, audio, video or file',
				placeholder: 'e.g. https://example.com/images/image.jpg',
			},
		],
		rule: (content) => {
			const type = content.type as string | undefined;
			if (type && type !== 'TEXT' && content.url === undefined) {
				return {
					field: 'Media URL',
					problem: `type ${type} needs a media URL`,
					fix: 'Give the public http(s) URL of the file, e.g. https://example.com/images/image.jpg.',
				};
			}
			if ((!type || type === 'TEXT') && content.url !== undefined) {
				return {
					field: 'Type',
					problem: 'a media URL is given without a media type',
					fix: 'Choose IMAGE, AUDIO, VIDEO or FILE as the type, or remove the URL.',
				};
			}
			if ((!type || type === 'TEXT') && content.text === undefined) {
				return { field: 'Text', problem: 'it is empty', fix: 'Write the Messenger text.' };
			}
			return undefined;
		},
	},
	{
		channel: 'SMS',
		fields: [
			TEXT('The SMS text'),
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
				description: 'Replace characters that would force Unicode, to fit more text in one SMS',
			},
			{
				param: 'languageCode',
				label: 'Language',
				path: 'language.languageCode',
				type: 'options',
				options: ['NONE', 'AUTODETECT', 'ES', 'PT', 'TR'],
				description: 'National language shift tables, for longer messages in these languages',
			},
			{
				param: 'indiaDltPrincipalEntityId',
				label: 'India DLT Principal Entity ID',
				path: 'regional.indiaDlt.principalEntityId',
				type: 'string',
				description: 'Required for SMS to India: your DLT principal entity ID',
			},
			{
				param: 'indiaDltContentTemplateId',
				label: 'India DLT Content Template ID',
				path: 'regional.indiaDlt.contentTemplateId',
				type: 'string',
				description: 'The DLT content template ID of this text',
			},
			{
				param: 'indiaDltTelemarketerId',
				label: 'India DLT Telemarketer ID',
				path: 'regional.indiaDlt.telemarketerId',
				type: 'string',
				description: 'Required for aggregators',
			},
			{
				param: 'koreaTitle',
				label: 'Korea Title',
				path: 'regional.korea.title',
				type: 'string',
				maxLength: 66,
				description: 'Title of an LMS message to South Korea',
			},
		],
		rule: (content) => {
			const regional = content.regional as { indiaDlt?: IDataObject } | undefined;
			if (regional?.indiaDlt && regional.indiaDlt.principalEntityId === undefined) {
				return {
					field: 'India DLT Principal Entity ID',
					problem: 'other India DLT fields are set without it',
					fix: 'Give the principal entity ID registered on the DLT platform.',
				};
			}
			return needs('Text', 'Write the SMS text.', 'text')(content);
		},
	},
	{
		channel: 'VIBER',
		fields: [
			TEXT('The Viber text'),
			{
				param: 'imageURL',
				label: 'Image URL',
				path: 'imageURL',
				type: 'url',
				maxLength: 1000,
				description: 'A public http(s) URL of an image',
			},
			{
				param: 'buttonText',
				label: 'Button Text',
				path: 'buttonText',
				type: 'string',
				maxLength: 30,
				description: 'Caption of the button (needs text)',
			},
			{
				param: 'buttonURL',
				label: 'Button URL',
				path: 'buttonURL',
				type: 'url',
				allowTel: true,
				maxLength: 1000,
				description: 'Where the button leads: an http(s) URL or tel: and a number',
			},
			{
				param: 'fileUrl',
				label: 'File URL',
				path: 'fileUrl',
				type: 'url',
				description: 'A public http(s) URL of a document',
			},
			{
				param: 'fileName',
				label: 'File Name',
				path: 'fileName',
				type: 'string',
				maxLength: 25,
				description: 'Name shown for the file',
			},
			{
				param: 'fileType',
				label: 'File Type',
				path: 'fileType',
				type: 'options',
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
				description: 'Type of the file at File URL',
			},
			{
				param: 'trackingData',
				label: 'Tracking Data',
				path: 'trackingData',
				type: 'string',
				maxLength: 100,
				description: "Returned with the user's reply",
			},
			{
				param: 'isPromotional',
				label: 'Promotional',
				path: 'isPromotional',
				type: 'boolean',
				description: 'Whether the message is promotional',
			},
			{
				param: 'forcePrimaryDevice',
				label: 'Primary Device Only',
				path: 'forcePrimaryDevice',
				type: 'boolean',
				description: 'Whether to deliver to the primary device only',
			},
		],
		rule: needs(
			'Text',
			'Write the Viber text, or give an image or file URL.',
			'text',
			'imageURL',
			'fileUrl',
		),
	},
	{
		channel: 'WHATSAPP',
		fields: [
			TEXT(
				'Free-form text (only inside the 24-hour customer service window), or the caption of a media file',
			),
			{
				param: 'imageUrl',
				label: 'Image URL',
				path: 'imageUrl',
				type: 'url',
				maxLength: 2048,
				description: 'JPG or PNG, up to 5 MB',
			},
			{
				param: 'videoUrl',
				label: 'Video URL',
				path: 'videoUrl',
				type: 'url',
				maxLength: 2048,
				description: 'MP4 or 3GPP, up to 16 MB',
			},
			{
				param: 'audioUrl',
				label: 'Audio URL',
				path: 'audioUrl',
				type: 'url',
				maxLength: 2048,
				description: 'AAC, AMR, MP3 or OPUS, up to 16 MB',
			},
			{
				param: 'fileUrl',
				label: 'Document URL',
				path: 'fileUrl',
				type: 'url',
				maxLength: 2048,
				description: 'PDF, DOC(X), PPT(X) or XLS(X), up to 100 MB',
			},
			{
				param: 'previewUrl',
				label: 'Preview URL',
				path: 'previewUrl',
				type: 'boolean',
				description: 'Whether to show a preview of the first URL in the text',
			},
			{
				param: 'templateName',
				label: 'Template Name',
				path: 'templateName',
				type: 'string',
				description: 'A registered template, for messages outside the 24-hour window',
			},
			{
				param: 'templateNamespace',
				label: 'Template Namespace',
				path: 'templateNamespace',
				type: 'string',
				description: 'The namespace of the template',
			},
			{
				param: 'templateData',
				label: 'Template Data',
				path: 'templateData',
				type: 'list',
				description:
					'Placeholder values in the registered order, separated by commas (or an array)',
			},
			{
				param: 'language',
				label: 'Template Language',
				path: 'language',
				type: 'string',
				placeholder: 'e.g. en',
				description: 'The language code the template was registered with',
			},
			{
				param: 'mediaTemplateData',
				label: 'Media Template Data (JSON)',
				path: 'mediaTemplateData',
				type: 'json',
				jsonShape: 'object',
				shape: WHATSAPP_MEDIA_TEMPLATE,
				description:
					'Header, body placeholders and buttons of a media template, e.g. {"header":{"imageUrl":"https://..."},"body":{"placeholders":["Jane"]}}',
			},
			{
				param: 'locationName',
				label: 'Location Name',
				path: 'locationName',
				type: 'string',
				maxLength: 1000,
				description: 'Name of a location to send',
			},
			{
				param: 'address',
				label: 'Location Address',
				path: 'address',
				type: 'string',
				maxLength: 1000,
				description: 'Address of the location',
			},
			{
				param: 'latitude',
				label: 'Latitude',
				path: 'latitude',
				type: 'number',
				min: -90,
				max: 90,
				description: 'Latitude of the location, -90 to 90',
			},
			{
				param: 'longitude',
				label: 'Longitude',
				path: 'longitude',
				type: 'number',
				min: -180,
				max: 180,
				description: 'Longitude of the location, -180 to 180',
			},
			{
				param: 'contacts',
				label: 'Contacts (JSON)',
				path: 'contacts',
				type: 'json',
				jsonShape: 'array',
				shape: WHATSAPP_CONTACTS,
				description:
					'Contact cards, e.g. [{"name":{"firstName":"Jane","formattedName":"Jane Doe"}}]',
			},
		],
		rule: (content) => {
			if ((content.latitude === undefined) !== (content.longitude === undefined)) {
				return {
					field: 'Latitude',
					problem: 'a location needs both latitude and longitude',
					fix: 'Give both, or neither.',
				};
			}
			return needs(
				'Text',
				'Write a text, or give a media URL, a template, a location or contacts.',
				'text',
				'imageUrl',
				'videoUrl',
				'audioUrl',
				'fileUrl',
				'templateName',
				'latitude',
				'contacts',
			)(content);
		},
	},
	{
		channel: 'VOICE',
		fields: [
			TEXT('The text read out by text-to-speech'),
			{
				param: 'language',
				label: 'Language',
				path: 'language',
				type: 'string',
				placeholder: 'e.g. en',
				description: 'Text-to-speech language code',
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
				description: 'The email subject',
			},
			TEXT('The email body'),
		],
		rule: needs('Text', 'Write the email body.', 'text'),
	},
	{
		channel: 'PUSH',
		fields: [
			TEXT('The push notification text', 2000),
			{
				param: 'customPayload',
				label: 'Custom Payload (JSON)',
				path: 'customPayload',
				type: 'json',
				jsonShape: 'object',
				shape: FREE_OBJECT,
				description: 'Data for your app, e.g. {"orderId":"A-17"}',
			},
			{
				param: 'notificationOptions',
				label: 'Notification Options (JSON)',
				path: 'notificationOptions',
				type: 'json',
				jsonShape: 'object',
				shape: PUSH_NOTIFICATION_OPTIONS,
				description: 'e.g. {"title":"Order","soundEnabled":true,"badge":1}',
			},
			{
				param: 'targetOnlyPrimaryDevices',
				label: 'Primary Devices Only',
				path: 'targetOnlyPrimaryDevices',
				type: 'boolean',
				description: 'Whether to target only primary devices',
			},
			{
				param: 'includeNotificationsDisabledDevices',
				label: 'Include Devices With Notifications Off',
				path: 'includeNotificationsDisabledDevices',
				type: 'boolean',
				description: 'Whether to include devices whose notifications are disabled',
			},
			{
				param: 'personSubscriptions',
				label: 'Person Subscriptions',
				path: 'personSubscriptions',
				type: 'list',
				unique: true,
				description: 'Subscription names, separated by commas',
			},
			{
				param: 'deviceSubscriptions',
				label: 'Device Subscriptions',
				path: 'deviceSubscriptions',
				type: 'list',
				unique: true,
				description: 'Subscription names, separated by commas',
			},
		],
		rule: needs('Text', 'Write the notification text.', 'text'),
	},
	{
		channel: 'LINE',
		fields: [
			{
				param: 'type',
				label: 'Type',
				path: 'type',
				type: 'options',
				options: ['TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'STICKER', 'FLEX'],
				description: 'What kind of LINE message',
			},
			TEXT('The text (type TEXT)'),
			{
				param: 'url',
				label: 'Media URL',
				path: 'url',
				type: 'url',
				maxLength: 1000,
				description: 'Image, video or audio URL',
			},
			{
				param: 'thumbnailUrl',
				label: 'Thumbnail URL',
				path: 'thumbnailUrl',
				type: 'url',
				maxLength: 1000,
				description: 'Preview image of an image or video',
			},
			{
				param: 'duration',
				label: 'Audio Duration (Ms)',
				path: 'duration',
				type: 'number',
				min: 1,
				integer: true,
				description: 'Length of the audio in milliseconds',
			},
			{
				param: 'packageId',
				label: 'Sticker Package ID',
				path: 'packageId',
				type: 'string',
				description: 'Package of the sticker',
			},
			{
				param: 'stickerId',
				label: 'Sticker ID',
				path: 'stickerId',
				type: 'string',
				description: 'The sticker',
			},
			{
				param: 'altText',
				label: 'Alternative Text',
				path: 'altText',
				type: 'string',
				maxLength: 400,
				description: 'Shown where a Flex message cannot be',
			},
			{
				param: 'contents',
				label: 'Flex Contents (JSON)',
				path: 'contents',
				type: 'json',
				jsonShape: 'object',
				shape: LINE_FLEX_CONTAINER,
				description: 'A LINE Flex container (BUBBLE or CAROUSEL)',
			},
		],
		rule: needs('Type', 'Choose the LINE message type and fill its fields.', 'type'),
	},
	{
		channel: 'VKONTAKTE',
		fields: [
			TEXT('The VKontakte text'),
			{
				param: 'templateName',
				label: 'Template Name',
				path: 'templateName',
				type: 'string',
				description: 'A registered template',
			},
			{
				param: 'templateData',
				label: 'Template Data (JSON)',
				path: 'templateData',
				type: 'json',
				jsonShape: 'object',
				shape: FREE_OBJECT,
				description: 'Template parameters by name, e.g. {"parameter1":"value"}',
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
		fields: [TEXT('The Parseco text')],
		rule: needs('Text', 'Write the Parseco text.', 'text'),
	},
];

export const CONTENT_BY_CHANNEL: ReadonlyMap<string, ChannelContentSpec> = new Map(
	CHANNEL_CONTENT.map((spec) => [spec.channel, spec]),
);
