import type { INodeProperties } from 'n8n-workflow';

import { WAIT_FOR_DELIVERY, WAIT_FOR_RESPONSE } from '../../wait/descriptions';
import type { OperationExecute } from '../types';
import * as sendAdvanced from './sendAdvanced.operation';
import * as sendRichMedia from './sendRichMedia.operation';
import * as sendText from './sendText.operation';
import * as wait from './wait.operations';

export const operations: Record<string, OperationExecute> = {
	sendText: sendText.execute,
	sendRichMedia: sendRichMedia.execute,
	sendAdvanced: sendAdvanced.execute,
	[WAIT_FOR_RESPONSE]: wait.sendAndWait,
	[WAIT_FOR_DELIVERY]: wait.waitForDelivery,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Advanced',
				value: 'sendAdvanced',
				action: 'Send a message with content per channel',
				description:
					'Give each channel of the scenario its own content: SMS, Facebook, Viber, WhatsApp, voice, email, push, LINE, VKontakte, Kakao',
			},
			{
				name: 'Send Rich Media',
				value: 'sendRichMedia',
				action: 'Send a rich media message',
				description:
					'Send a Facebook Messenger image, audio, video or file, failing over to an SMS text',
			},
			{
				name: 'Send and Wait for Delivery',
				value: WAIT_FOR_DELIVERY,
				action: 'Send a message and wait for its delivery',
				description:
					'Send a Facebook Messenger text failing over to SMS, then pause the workflow until every message is delivered or has failed on its last channel',
			},
			{
				name: 'Send and Wait for Response',
				value: WAIT_FOR_RESPONSE,
				action: 'Send a message and wait for response',
				description:
					'Send a text with an approval link or a form, then pause the workflow until the recipient answers',
			},
			{
				name: 'Send Text',
				value: 'sendText',
				action: 'Send a text message',
				description:
					'Send a Facebook Messenger text, failing over to an SMS text, as the scenario orders',
			},
		],
		default: 'sendText',
	},
	...sendText.description,
	...sendRichMedia.description,
	...sendAdvanced.description,
	...wait.description,
];
