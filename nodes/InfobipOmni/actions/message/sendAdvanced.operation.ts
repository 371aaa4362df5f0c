import type { IDataObject, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { channelName } from '../../channels';
import { CHANNEL_CONTENT, type ContentField } from '../../channels/content';
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
function toProperty(field: ContentField): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.param,
		description: field.description,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
	};
	switch (field.type) {
		case 'text':
			return { ...base, type: 'string', typeOptions: { rows: 2 }, default: '' };
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'json':
			return { ...base, type: 'json', default: '' };
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

const validityFields: INodeProperties[] = [
	{
		displayName: 'Validity Period',
		name: 'validityPeriod',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"How long this step may try before the next step takes over; 0 keeps Infobip's default (48 hours). More than 30 seconds and at most 48 hours (Viber: more than 35 seconds, up to 14 days).",
	},
	{
		displayName: 'Validity Unit',
		name: 'validityPeriodTimeUnit',
		type: 'options',
		options: validityUnitOptions,
		default: 'MINUTES',
	},
];

const channelCollections: INodePropertyCollection[] = CHANNEL_CONTENT.map((spec) => ({
	displayName: channelName(spec.channel),
	name: spec.channel,
	values: [...spec.fields.map(toProperty), ...validityFields],
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
				description: 'For EMAIL steps',
			},
			{
				displayName: 'Facebook User Key',
				name: 'facebookUserKey',
				type: 'string',
				default: '',
				description: 'For FACEBOOK steps',
			},
			{
				displayName: 'Push Registration ID',
				name: 'pushRegistrationId',
				type: 'string',
				default: '',
				description: 'For PUSH steps',
			},
			{
				displayName: 'WhatsApp User ID',
				name: 'whatsAppUserId',
				type: 'string',
				placeholder: 'e.g. US.13491208655302741918',
				default: '',
				description: 'For WHATSAPP steps; the phone number takes precedence',
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
