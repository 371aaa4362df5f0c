import type { IDataObject, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { channelName } from '../../channels';
import {
	CHANNEL_CONTENT,
	fieldLabel,
	type ChannelContentSpec,
	type ContentField,
	type ContentTypeChoice,
} from '../../channels/content';
import { validityUnitOptions } from '../../descriptions/common';
import { contentsFrom } from './contents';
import {
	phoneNumbersField,
	sendOptions,
	sendRequestSettings,
	sendScenarioLocator,
	simplifyField,
	useDefaultScenarioField,
} from './fields';
import { sendOperation } from './send';

/** The UI field for one content field: the table in channels/content.ts is the only source. */
function toProperty(spec: ChannelContentSpec, field: ContentField): INodeProperties {
	const base = {
		displayName: fieldLabel(spec, field.label),
		name: field.param,
		description: field.description,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		// Inside a fixedCollection, n8n reads a displayOptions name as a sibling value.
		...(field.types && spec.contentType
			? { displayOptions: { show: { [spec.contentType.param]: field.types } } }
			: {}),
	};
	switch (field.type) {
		case 'text':
			return { ...base, type: 'string', typeOptions: { rows: 2 }, default: '' };
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'json':
			// An empty default would show "Unexpected end of JSON input" before anything is typed.
			return { ...base, type: 'json', default: field.jsonShape === 'array' ? '[]' : '{}' };
		case 'options':
			return {
				...base,
				type: 'options',
				options: [
					{ name: 'Not Set', value: '' },
					...(field.options ?? []).map((value) => ({ name: value, value })),
				],
				default: '',
			};
		default:
			return { ...base, type: 'string', default: '' };
	}
}

/** The message type selector of a channel; its first type is the default. */
function typeProperty(spec: ChannelContentSpec, choice: ContentTypeChoice): INodeProperties {
	const first = choice.types[0].value;
	return {
		displayName: fieldLabel(spec, choice.label),
		name: choice.param,
		type: 'options',
		options: choice.types
			.map((type) => ({ name: type.name, value: type.value, description: type.description }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: first,
		description: choice.description,
	};
}

const validityFields = (spec: ChannelContentSpec): INodeProperties[] => [
	{
		displayName: fieldLabel(spec, 'Validity Period'),
		name: 'validityPeriod',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		hint: "0 = Infobip's default (48 hours)",
		description:
			"How long this step may try before the next step takes over, in Validity Unit; 0 keeps Infobip's default (48 hours). More than 30 seconds and at most 48 hours (Viber: more than 35 seconds, up to 14 days).",
	},
	{
		displayName: fieldLabel(spec, 'Validity Unit'),
		name: 'validityPeriodTimeUnit',
		type: 'options',
		options: validityUnitOptions,
		default: 'MINUTES',
		description: 'The unit of the validity period',
	},
];

const channelCollections: INodePropertyCollection[] = CHANNEL_CONTENT.map((spec) => ({
	displayName: channelName(spec.channel),
	name: spec.channel,
	values: [
		...(spec.contentType ? [typeProperty(spec, spec.contentType)] : []),
		...spec.fields.map((field) => toProperty(spec, field)),
		...validityFields(spec),
	],
}));

const properties: INodeProperties[] = [
	useDefaultScenarioField,
	sendScenarioLocator,
	phoneNumbersField,
	{
		displayName: 'Other Addresses',
		name: 'otherAddresses',
		type: 'collection',
		placeholder: 'Add Address',
		default: {},
		description: "The same person's addresses on other channels (give one phone number with them)",
		options: [
			{
				displayName: 'Email Address',
				name: 'emailAddress',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: "The recipient's email address, used by the scenario's Email step",
			},
			{
				displayName: 'Facebook User Key',
				name: 'facebookUserKey',
				type: 'string',
				default: '',
				description:
					"The recipient's Facebook user key, used by the scenario's Facebook Messenger step",
			},
			{
				displayName: 'Push Registration ID',
				name: 'pushRegistrationId',
				type: 'string',
				default: '',
				description:
					"The recipient's push registration ID in your app, used by the scenario's Push step",
			},
			{
				displayName: 'WhatsApp User ID',
				name: 'whatsAppUserId',
				type: 'string',
				placeholder: 'e.g. US.13491208655302741918',
				default: '',
				description:
					"The recipient's WhatsApp user ID, used by the scenario's WhatsApp step when no phone number is given",
			},
		],
	},
	{
		displayName: 'Channel Contents',
		name: 'channelContents',
		type: 'fixedCollection',
		placeholder: 'Add Channel Content',
		default: {},
		description:
			'What each channel of the scenario sends. Add one for every step of the scenario: a step whose channel has no content fails and the next step runs.',
		options: channelCollections,
	},
	simplifyField,
	sendOptions(),
	sendRequestSettings,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendAdvanced'] } },
	properties,
);

/** Any combination of channel contents for the scenario's steps. */
export const execute = sendOperation(function (itemIndex, read) {
	const channelValues = (read('channelContents', itemIndex, {}) ?? {}) as Record<
		string,
		IDataObject
	>;
	const addresses = (read('otherAddresses', itemIndex, {}) ?? {}) as IDataObject;
	return {
		recipients: {
			phoneNumbers: read('phoneNumbers', itemIndex, ''),
			...addresses,
		},
		contents: contentsFrom(channelValues, {}),
	};
});
