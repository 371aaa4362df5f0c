import type { INodeProperties } from 'n8n-workflow';

import { CHANNEL_OPTIONS } from '../../channels';
import { LIMITS } from '../../limits';
import { requestSettings, scenarioLocator, validityUnitOptions } from '../../descriptions/common';

export const useDefaultScenarioField: INodeProperties = {
	displayName: 'Use Default Scenario',
	name: 'useDefaultScenario',
	type: 'boolean',
	default: false,
	description:
		"Whether to send with the account's default scenario instead of choosing one (Scenario → Create or Update can make a scenario the default)",
};

export const sendScenarioLocator: INodeProperties = {
	...scenarioLocator,
	description:
		'The scenario whose steps the message follows, e.g. Facebook Messenger then SMS. Fill in the content of each of its channels below.',
	displayOptions: { show: { useDefaultScenario: [false] } },
};

export const phoneNumbersField: INodeProperties = {
	displayName: 'Phone Numbers',
	name: 'phoneNumbers',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.phone }} or 41793026727, 41793026731',
	description:
		'One or more phone numbers in international format, separated by commas (or an array from an expression). Spaces, dashes, brackets and a leading + or 00 are removed. Each number becomes one destination.',
};

export const facebookUserKeyField: INodeProperties = {
	displayName: 'Facebook User Key',
	name: 'facebookUserKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. 9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
	description:
		"The person's key for your Facebook application. When set, Messenger uses it and the phone number serves the SMS step only. Give one phone number with it.",
};

export const smsTextField: INodeProperties = {
	displayName: 'SMS Text',
	name: 'smsText',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	placeholder: 'e.g. This is the SMS failover message',
	description: 'Sent by the SMS step, when the steps before it have failed',
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return one flat item per destination (message ID, recipient, status) instead of Infobip's raw message object",
};

/** Per-channel validity for operations that fill several channels from plain fields. */
export const validityPeriodsOption: INodeProperties = {
	displayName: 'Validity Periods',
	name: 'validityPeriods',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Validity Period',
	default: {},
	description:
		'How long a step may try before the next step takes over: more than 30 seconds and at most 48 hours (Viber: more than 35 seconds and up to 14 days)',
	options: [
		{
			displayName: 'Validity Period',
			name: 'period',
			values: [
				{
					displayName: 'Channel',
					name: 'channel',
					type: 'options',
					options: CHANNEL_OPTIONS,
					default: 'SMS',
				},
				{
					displayName: 'Validity Period',
					name: 'validityPeriod',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 48,
				},
				{
					displayName: 'Unit',
					name: 'validityPeriodTimeUnit',
					type: 'options',
					options: validityUnitOptions,
					default: 'HOURS',
				},
			],
		},
	],
};

/** Options every send has: what changes the message, read per item. */
export function sendOptions(extra: INodeProperties[] = []): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Bulk ID',
			name: 'bulkId',
			type: 'string',
			default: '',
			description:
				'Your ID for the request, to find its messages in reports and logs. Items with different bulk IDs are sent in separate requests.',
		},
		{
			displayName: 'Callback Data',
			name: 'callbackData',
			type: 'string',
			default: '',
			placeholder: 'e.g. {"orderNumber":"4711"}',
			description:
				'Up to 4000 characters that come back with every delivery report of the message, e.g. your order or ticket ID',
		},
		{
			displayName: 'Intermediate Report',
			name: 'intermediateReport',
			type: 'boolean',
			default: false,
			description:
				'Whether Infobip also pushes reports of steps that are not final to the Notify URL',
		},
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.eventId }}',
			description:
				'Your ID for the message. Left empty, the node derives one from the execution, node, run and item, so a rerun is refused by Infobip as a duplicate and can be found in Log → Get Many. With several phone numbers, -2, -3… are appended.',
		},
		{
			displayName: 'Notify',
			name: 'notify',
			type: 'boolean',
			default: true,
			description:
				'Whether Infobip sends delivery reports for this message (to the Notify URL, or to the URL set on your account)',
		},
		{
			displayName: 'Notify Content Type',
			name: 'notifyContentType',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'application/json' },
				{ name: 'XML', value: 'application/xml' },
			],
			default: 'application/json',
			description: 'Format of the delivery reports pushed to the Notify URL',
		},
		{
			displayName: 'Notify URL',
			name: 'notifyUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/…',
			description:
				'Where Infobip pushes the delivery reports of this message. To start a workflow on each report, add an Infobip OMNI Trigger node, copy its Production URL here and publish that workflow (its Test URL works while the trigger listens).',
		},
		{
			displayName: 'Send At',
			name: 'sendAt',
			type: 'dateTime',
			default: '',
			description: 'When to send the first step; within the next 180 days. Empty sends now.',
		},
		...extra,
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * Request Settings of every send: batching and pacing (read once per run) besides the retry and
 * timeout settings all operations share, and where message IDs come from.
 */
export const sendRequestSettings: INodeProperties = requestSettings([
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: LIMITS.batchSize.max },
		noDataExpression: true,
		default: 100,
		description: `Items whose messages are the same except for their recipients are sent together, up to this many recipients per request (1 to ${LIMITS.batchSize.max}). Each item still gets its own output.`,
	},
	{
		displayName: 'Message ID Source',
		name: 'messageIdSource',
		type: 'options',
		options: [
			{
				name: 'Derived From Execution and Item',
				value: 'derived',
				description: 'Used unless Message ID is set',
			},
			{
				name: 'Generated by Infobip',
				value: 'infobip',
				description: 'No message ID is sent; Infobip makes one up',
			},
		],
		default: 'derived',
		description: 'Where message IDs come from when Message ID is empty',
	},
	{
		displayName: 'Requests in Flight',
		name: 'requestsInFlight',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: LIMITS.requestsInFlight.max },
		noDataExpression: true,
		default: 20,
		description: `How many send requests may wait for Infobip at the same time (1 to ${LIMITS.requestsInFlight.max}). Infobip publishes no rate limit for sends; a 429 answer is retried after the time it asks for.`,
	},
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		noDataExpression: true,
		default: 0,
		description: 'Upper bound on send requests started per second; 0 means no limit',
	},
]);

/** Scenario and recipients of Send Text and Send Rich Media (the sends of the Facebook → SMS example). */
export const scenarioAndFacebookRecipientFields: INodeProperties[] = [
	useDefaultScenarioField,
	sendScenarioLocator,
	phoneNumbersField,
	facebookUserKeyField,
];
