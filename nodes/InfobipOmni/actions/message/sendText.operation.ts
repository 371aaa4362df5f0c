import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contentsFrom, readValidityPeriods } from './contents';
import {
	facebookUserKeyField,
	phoneNumbersField,
	sendOptions,
	sendScenarioLocator,
	simplifyField,
	smsTextField,
	useDefaultScenarioField,
	validityPeriodsOption,
} from './fields';
import { sendOperation } from './send';

const properties: INodeProperties[] = [
	useDefaultScenarioField,
	sendScenarioLocator,
	phoneNumbersField,
	facebookUserKeyField,
	{
		displayName: 'Facebook Text',
		name: 'facebookText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Your order has shipped',
		description:
			'Sent by the Facebook Messenger step; delivered both to the Facebook user page and to Messenger',
	},
	smsTextField,
	simplifyField,
	sendOptions([validityPeriodsOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendText'] } },
	properties,
);

/** The seed's text send: a Facebook Messenger text with an SMS failover text. */
export const execute = sendOperation(function (itemIndex) {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '');
	const facebookText = text('facebookText');
	const smsText = text('smsText');
	return {
		recipients: {
			phoneNumbers: this.getNodeParameter('phoneNumbers', itemIndex, ''),
			facebookUserKey: this.getNodeParameter('facebookUserKey', itemIndex, ''),
		},
		contents: contentsFrom(
			{
				FACEBOOK: facebookText.trim() ? { text: facebookText } : undefined,
				SMS: smsText.trim() ? { text: smsText } : undefined,
			},
			readValidityPeriods.call(this, itemIndex),
		),
	};
});
