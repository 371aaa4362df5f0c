import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as sendAdvanced from './sendAdvanced.operation';
import * as sendRichMedia from './sendRichMedia.operation';
import * as sendText from './sendText.operation';

export const operations: Record<string, OperationExecute> = {
	sendText: sendText.execute,
	sendRichMedia: sendRichMedia.execute,
	sendAdvanced: sendAdvanced.execute,
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
];
