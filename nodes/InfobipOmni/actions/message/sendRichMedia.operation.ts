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
import { sendOperation } from './send';

const properties: INodeProperties[] = [
	...scenarioAndFacebookRecipientFields,
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'AUDIO' },
			{ name: 'File', value: 'FILE' },
			{ name: 'Image', value: 'IMAGE' },
			{ name: 'Video', value: 'VIDEO' },
		],
		default: 'IMAGE',
		description: 'What Messenger shows a preview of',
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		// Not `required` (n8n would flag the empty field before any input); refused empty at run.
		placeholder: 'e.g. https://example.com/images/image.jpg',
		description: 'A publicly reachable http(s) URL of the file',
	},
	smsTextField,
	simplifyField,
	sendOptions([validityPeriodsOption]),
	sendRequestSettings,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendRichMedia'] } },
	properties,
);

/** The rich send of the Facebook → SMS example: a Messenger image, audio, video or file, with SMS failover. */
export const execute = sendOperation(function (itemIndex, read) {
	const smsText = asText('SMS Text', read('smsText', itemIndex, ''));
	return {
		recipients: readPhoneAndFacebookRecipients(read, itemIndex),
		contents: contentsFrom(
			{
				FACEBOOK: {
					type: read('mediaType', itemIndex, 'IMAGE'),
					url: read('mediaUrl', itemIndex, ''),
				},
				SMS: smsText.trim() ? { text: smsText } : undefined,
			},
			readValidityPeriods(read, itemIndex),
		),
	};
});
