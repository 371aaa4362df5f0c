import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asText } from '../../builders/values';
import { contentsFrom, readPhoneAndFacebookRecipients, readValidityPeriods } from './contents';
import {
	scenarioAndFacebookRecipientFields,
	sendOptions,
	sendRequestSettings,
	simplifyField,
	smsTextField,
	validityPeriodsOption,
} from './fields';
import { sendOperation, type ReadItemMessage } from './send';

/** The texts of the Facebook → SMS example: Send Text's, and its wait operations'. */
export const textFields: INodeProperties[] = [
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
];

const properties: INodeProperties[] = [
	...scenarioAndFacebookRecipientFields,
	...textFields,
	simplifyField,
	sendOptions([validityPeriodsOption]),
	sendRequestSettings,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendText'] } },
	properties,
);

/**
 * The text send of Infobip's Facebook → SMS failover example (https://dev.infobip.com/omni-channel/facebook-example), the page
 * this package reproduces: a Facebook Messenger text with an SMS failover text.
 */
export const readTextMessage: ReadItemMessage = function (itemIndex, read) {
	const text = (name: string, label: string) => asText(label, read(name, itemIndex, ''));
	const facebookText = text('facebookText', 'Facebook Text');
	const smsText = text('smsText', 'SMS Text');
	return {
		recipients: readPhoneAndFacebookRecipients(read, itemIndex),
		contents: contentsFrom(
			{
				FACEBOOK: facebookText.trim() ? { text: facebookText } : undefined,
				SMS: smsText.trim() ? { text: smsText } : undefined,
			},
			readValidityPeriods(read, itemIndex),
		),
	};
};

export const execute = sendOperation(readTextMessage);
