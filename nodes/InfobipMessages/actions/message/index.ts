import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../../InfobipOmni/actions/types';
import * as send from './send.operation';
import * as validate from './validate.operation';
import * as wait from './wait.operations';
import { WAIT_FOR_DELIVERY, WAIT_FOR_RESPONSE } from '../../../InfobipOmni/wait/descriptions';

export const operations: Record<string, OperationExecute> = {
	send: send.execute,
	validate: validate.execute,
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
				name: 'Send',
				value: 'send',
				action: 'Send a message with failover',
				description:
					'Send on one channel, such as Messenger, failing over to the next, such as SMS; each item its own message, many per request',
			},
			{
				name: 'Send and Wait for Delivery',
				value: WAIT_FOR_DELIVERY,
				action: 'Send a message and wait for its delivery',
				description:
					'Send one message, then pause the workflow until it is delivered on some channel or has failed on its last',
			},
			{
				name: 'Send and Wait for Response',
				value: WAIT_FOR_RESPONSE,
				action: 'Send a message and wait for response',
				description:
					'Send a text with an approval link or a form, then pause the workflow until the recipient answers',
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
	...wait.description,
];
