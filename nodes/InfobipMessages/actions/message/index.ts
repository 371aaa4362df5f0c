import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../../InfobipOmni/actions/types';
import * as send from './send.operation';
import * as validate from './validate.operation';

export const operations: Record<string, OperationExecute> = {
	send: send.execute,
	validate: validate.execute,
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
				name: 'Send',
				value: 'send',
				action: 'Send a message with failover',
				description:
					'Send on one channel, such as Messenger, failing over to the next, such as SMS; each item its own message, many per request',
			},
			{
				name: 'Validate',
				value: 'validate',
				action: 'Validate a message without sending it',
				description: 'Ask Infobip whether the messages would be accepted, without sending anything',
			},
		],
		default: 'send',
	},
	...send.description,
	...validate.description,
];
