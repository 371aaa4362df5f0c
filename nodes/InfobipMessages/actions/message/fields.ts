import type { INodeProperties } from 'n8n-workflow';

import { requestSettings } from '../../../InfobipOmni/descriptions/common';
import { sendRequestSettings, simplifyField } from '../../../InfobipOmni/actions/message/fields';
import { LIMITS } from '../../../InfobipOmni/limits';
import {
	BODY_TYPES,
	CHANNEL_INFO,
	channelOptions,
	MESSAGES_CHANNELS,
	TEMPLATE_CHANNELS,
} from '../../channels';

/**
 * The fields of Message → Send and Message → Validate (the same message, sent or only checked).
 * Names are the parameter contract of issue 14: channel, sender, to, messageType, bodyType, text…,
 * failover.steps, simplify, options, requestSettings.
 */

const senderHint = MESSAGES_CHANNELS.map(
	(channel) => `${CHANNEL_INFO[channel].label}: ${CHANNEL_INFO[channel].sender}`,
).join('; ');

const validityUnits = Object.keys(LIMITS.messagesApi.validityUnits).map((unit) => ({
	name: unit.charAt(0) + unit.slice(1).toLowerCase(),
	value: unit,
}));

const content = { messageType: ['content'] };
const bodyIs = (...types: string[]) => ({ show: { ...content, bodyType: types } });

const buttonFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Dial Phone', value: 'DIAL_PHONE' },
			{ name: 'Open URL', value: 'OPEN_URL' },
			{ name: 'Reply', value: 'REPLY' },
			{ name: 'Request Location', value: 'REQUEST_LOCATION' },
		],
		default: 'REPLY',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		placeholder: 'e.g. Yes',
		description: 'Shown on the button',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/order/123',
		displayOptions: { show: { type: ['OPEN_URL'] } },
	},
	{
		displayName: 'Open In',
		name: 'openIn',
		type: 'options',
		options: [
			{ name: 'Browser', value: 'BROWSER' },
			{ name: 'Default', value: '' },
			{ name: 'Webview (Full)', value: 'WEBVIEW_FULL' },
			{ name: 'Webview (Half)', value: 'WEBVIEW_HALF' },
			{ name: 'Webview (Tall)', value: 'WEBVIEW_TALL' },
		],
		default: '',
		description: 'RCS only: how the phone opens the URL',
		displayOptions: { show: { type: ['OPEN_URL'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +41793026727',
		displayOptions: { show: { type: ['DIAL_PHONE'] } },
	},
	{
		displayName: 'Postback Data',
		name: 'postbackData',
		type: 'string',
		default: '',
		description: 'Sent back to you when the user taps the button',
	},
];

const stepFields: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: channelOptions(),
		default: 'SMS',
		description: 'Tried when the steps before it fail; each channel once, not the main one',
	},
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		default: '',
		placeholder: 'e.g. InfoSMS',
		description: `The step channel's sender (${senderHint})`,
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: 'e.g. 41793026727',
		description:
			'The recipient on this channel, one per main recipient (comma-separated). Empty: the main To, when both channels take phone numbers.',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. This is the SMS failover message',
		description: "The step's own text. Empty: Infobip reuses the main message's content.",
	},
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		default: '',
		description:
			'Instead of a text: a template of the step channel (Apple Messages for Business, RCS, Viber Business Messages, WhatsApp)',
		// Relative to the step: only channels that take templates show it.
		displayOptions: { show: { channel: [...TEMPLATE_CHANNELS] } },
	},
	{
		displayName: 'Template Language',
		name: 'templateLanguage',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		displayOptions: { show: { channel: [...TEMPLATE_CHANNELS] } },
	},
	{
		displayName: 'Validity Period',
		name: 'validityPeriod',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"How long this step may try before the next; 0 = Infobip's default. 10 seconds to 48 hours.",
	},
	{
		displayName: 'Validity Unit',
		name: 'validityPeriodTimeUnit',
		type: 'options',
		options: validityUnits,
		default: 'MINUTES',
	},
];

const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const optionFields: INodeProperties[] = [
	{
		displayName: 'Application ID',
		name: 'applicationId',
		type: 'string',
		default: '',
		description: 'CPaaS X application the message belongs to',
	},
	{
		displayName: 'Bulk ID',
		name: 'bulkId',
		type: 'string',
		default: '',
		description: 'One ID for the messages of this send, to fetch their reports by',
	},
	{
		displayName: 'Callback Data',
		name: 'callbackData',
		type: 'string',
		default: '',
		description: `Returned with every delivery and seen report of the message (at most ${LIMITS.messagesApi.callbackDataMaxLength} characters)`,
	},
	{
		displayName: 'Campaign Reference ID',
		name: 'campaignReferenceId',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'options',
		options: [
			{ name: 'JSON', value: 'application/json' },
			{ name: 'XML', value: 'application/xml' },
		],
		default: 'application/json',
		description: 'Format of the reports Infobip pushes to the Delivery URL',
	},
	{
		displayName: 'Custom Domain',
		name: 'customDomain',
		type: 'string',
		default: '',
		description: 'Your predefined domain for shortened URLs',
	},
	{
		displayName: 'Delivery Days',
		name: 'deliveryDays',
		type: 'multiOptions',
		options: days.map((day) => ({ name: day.charAt(0) + day.slice(1).toLowerCase(), value: day })),
		default: [],
		description: 'Days on which the message may be delivered',
	},
	{
		displayName: 'Delivery From (UTC)',
		name: 'deliveryFrom',
		type: 'string',
		default: '',
		placeholder: 'e.g. 09:00',
		description: 'Start of the daily delivery window, HH:MM in UTC',
	},
	{
		displayName: 'Delivery To (UTC)',
		name: 'deliveryTo',
		type: 'string',
		default: '',
		placeholder: 'e.g. 17:30',
		description: 'End of the daily delivery window, HH:MM in UTC',
	},
	{
		displayName: 'Delivery URL',
		name: 'deliveryUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…',
		description:
			'Where Infobip pushes delivery reports, e.g. the Production URL of an Infobip OMNI Trigger node',
	},
	{
		displayName: 'Entity ID',
		name: 'entityId',
		type: 'string',
		default: '',
		description: 'CPaaS X entity the message belongs to',
	},
	{
		displayName: 'India DLT Content Template ID',
		name: 'indiaDltContentTemplateId',
		type: 'string',
		default: '',
	},
	{
		displayName: 'India DLT Principal Entity ID',
		name: 'indiaDltPrincipalEntityId',
		type: 'string',
		default: '',
		description: 'Required for SMS to Indian numbers',
	},
	{
		displayName: 'India DLT Telemarketer ID',
		name: 'indiaDltTelemarketerId',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Intermediate Reports',
		name: 'intermediateReport',
		type: 'boolean',
		default: false,
		description: 'Whether Infobip also pushes intermediate delivery reports',
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.orderId }}',
		description:
			'Your ID for the message (several recipients: -2, -3… appended). Empty: derived from execution, node and item.',
	},
	{
		displayName: 'Remove Protocol',
		name: 'removeProtocol',
		type: 'boolean',
		default: false,
		description: 'Whether to drop https:// from shortened links',
	},
	{
		displayName: 'Reports for Every Step',
		name: 'receiveTriggeredFailoverReports',
		type: 'boolean',
		default: false,
		description:
			'Whether to get a delivery report for every failover step tried, not only the last',
	},
	{
		displayName: 'Respect Order',
		name: 'respectOrder',
		type: 'boolean',
		default: true,
		description: 'Whether Infobip sends the messages of one request in their order',
	},
	{
		displayName: 'Seen URL',
		name: 'seenUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…',
		description: 'Where Infobip pushes seen reports (RCS, Viber, WhatsApp)',
	},
	{
		displayName: 'Send At',
		name: 'sendAt',
		type: 'dateTime',
		default: '',
		description: `When to send, at most ${LIMITS.messagesApi.sendAtMaxDays} days ahead`,
	},
	{
		displayName: 'Sending Speed Limit',
		name: 'sendingSpeedLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		description: 'Messages Infobip sends per Speed Limit Unit',
	},
	{
		displayName: 'Shorten URLs',
		name: 'shortenUrl',
		type: 'boolean',
		default: true,
		description: 'Whether Infobip shortens the URLs in the message',
	},
	{
		displayName: 'South Korea Reseller Code',
		name: 'southKoreaResellerCode',
		type: 'string',
		default: '',
		description: '9-digit business registration number',
	},
	{
		displayName: 'Speed Limit Unit',
		name: 'sendingSpeedLimitTimeUnit',
		type: 'options',
		options: [
			{ name: 'Day', value: 'DAY' },
			{ name: 'Hour', value: 'HOUR' },
			{ name: 'Minute', value: 'MINUTE' },
		],
		default: 'MINUTE',
	},
	{
		displayName: 'Stop on Failure',
		name: 'stopOnFailure',
		type: 'boolean',
		default: false,
		description:
			'Whether Infobip stops sending the rest of a request after its first failed message. Off by default: the node puts many items in one request.',
	},
	{
		displayName: 'Template Content (JSON)',
		name: 'templateContentJson',
		type: 'json',
		// '{}', not '': the editor marks an empty JSON field as a lint error (npm run test:editor).
		default: '{}',
		description:
			'Template messages: header, buttons or other content as Infobip takes it, e.g. {"buttons": [{"type": "OPEN_URL", "suffix": "123"}]}',
	},
	{
		displayName: 'Track Clicks',
		name: 'trackClicks',
		type: 'boolean',
		default: true,
		description: 'Whether Infobip tracks clicks on shortened URLs',
	},
	{
		displayName: 'Tracking URL',
		name: 'trackingUrl',
		type: 'string',
		default: '',
		description: 'Where Infobip sends click reports',
	},
	{
		displayName: 'Traffic Type',
		name: 'trafficType',
		type: 'options',
		options: [
			{ name: 'Promotional', value: 'PROMOTIONAL' },
			{ name: 'Transactional', value: 'TRANSACTIONAL' },
		],
		default: 'TRANSACTIONAL',
		description: 'Viber, non-template messages only',
	},
	{
		displayName: 'Turkey IYS Brand Code',
		name: 'turkeyIysBrandCode',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Turkey IYS Recipient Type',
		name: 'turkeyIysRecipientType',
		type: 'options',
		options: [
			{ name: 'Bireysel (Individual)', value: 'BIREYSEL' },
			{ name: 'Tacir (Merchant)', value: 'TACIR' },
		],
		default: 'BIREYSEL',
	},
	{
		displayName: 'Validity Period',
		name: 'validityPeriod',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"How long Infobip tries the main channel; 0 = Infobip's default. 10 seconds to 48 hours.",
	},
	{
		displayName: 'Validity Unit',
		name: 'validityPeriodTimeUnit',
		type: 'options',
		options: validityUnits,
		default: 'MINUTES',
	},
];

/** Same settings as OMNI's sends; only Batch Size says what a Messages API request combines. */
export const messagesRequestSettings: INodeProperties = requestSettings(
	(sendRequestSettings.options as INodeProperties[])
		.filter(
			(field) => !['maxRetries', 'maxRetryWaitSeconds', 'timeoutSeconds'].includes(field.name),
		)
		.map((field) =>
			field.name === 'batchSize'
				? {
						...field,
						description: `Up to this many messages (items' recipients) go in one request, each item its own message (1 to ${LIMITS.batchSize.max}). Each item still gets its own output.`,
					}
				: field,
		),
);

export const messageFields: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: channelOptions(),
		default: 'MESSENGER',
		description: 'The channel tried first',
	},
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		default: '',
		placeholder: 'e.g. 731401526720514',
		description: `Who the message comes from on the main channel (${senderHint})`,
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: 'e.g. 24060905360217212',
		description:
			'The recipient on the main channel: a phone number (international format) or the platform user ID (Messenger PSID…); several separated by commas',
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Content',
				value: 'content',
				description: 'Text, image, video, document or location',
			},
			{
				name: 'Template',
				value: 'template',
				description: 'A registered template (Apple, RCS, Viber Business, WhatsApp)',
			},
		],
		default: 'content',
	},
	{
		displayName: 'Body Type',
		name: 'bodyType',
		type: 'options',
		options: BODY_TYPES.map((type) => ({
			name: type.charAt(0) + type.slice(1).toLowerCase(),
			value: type,
		})).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'TEXT',
		displayOptions: { show: content },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Your order has shipped',
		displayOptions: bodyIs('TEXT'),
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/images/photo.jpg',
		displayOptions: bodyIs('IMAGE', 'VIDEO', 'DOCUMENT'),
	},
	{
		displayName: 'Caption',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		displayOptions: bodyIs('IMAGE', 'VIDEO', 'DOCUMENT'),
	},
	{
		displayName: 'Thumbnail URL',
		name: 'thumbnailUrl',
		type: 'string',
		default: '',
		description: 'Required for Viber',
		displayOptions: bodyIs('VIDEO'),
	},
	{
		displayName: 'Filename',
		name: 'filename',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice.pdf',
		displayOptions: bodyIs('DOCUMENT'),
	},
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		default: 0,
		displayOptions: bodyIs('LOCATION'),
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		default: 0,
		displayOptions: bodyIs('LOCATION'),
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		displayOptions: bodyIs('LOCATION'),
	},
	{
		displayName: 'Location Address',
		name: 'locationAddress',
		type: 'string',
		default: '',
		displayOptions: bodyIs('LOCATION'),
	},
	{
		displayName: 'Header, Footer and Buttons',
		name: 'contentOptions',
		type: 'collection',
		placeholder: 'Add Header, Footer or Buttons',
		default: {},
		displayOptions: { show: content },
		options: [
			{
				displayName: 'Buttons',
				name: 'buttons',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Button',
				default: {},
				options: [{ displayName: 'Button', name: 'button', values: buttonFields }],
			},
			{
				displayName: 'Footer',
				name: 'footer',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Header',
				name: 'header',
				type: 'string',
				default: '',
				description: 'A text header (WhatsApp, Viber Business Messages)',
			},
		],
	},
	{
		displayName: 'Template',
		name: 'templateName',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The registered template. From List: the WhatsApp sender’s approved templates.',
		displayOptions: { show: { messageType: ['template'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a WhatsApp template...',
				typeOptions: { searchListMethod: 'searchWhatsAppTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. order_shipped',
			},
		],
	},
	{
		displayName: 'Template Language',
		name: 'templateLanguage',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		description: 'The language of the template (required for WhatsApp unless picked from the list)',
		displayOptions: { show: { messageType: ['template'] } },
	},
	{
		displayName: 'Template Placeholders',
		name: 'templatePlaceholders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Placeholder',
		default: {},
		displayOptions: { show: { messageType: ['template'] } },
		options: [
			{
				displayName: 'Placeholder',
				name: 'placeholder',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1',
						description: 'As the template names it: 1 for {{1}}',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Failover',
		name: 'failover',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Failover Step',
		default: {},
		description: 'Channels tried in order when the main channel fails',
		options: [{ displayName: 'Steps', name: 'steps', values: stepFields }],
	},
];

export const sendOnly: INodeProperties[] = [{ ...simplifyField }];

export const messageOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: optionFields,
};
