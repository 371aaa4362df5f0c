import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../../InfobipOmni/actions/types';
import * as getAll from './getAll.operation';

export const operations: Record<string, OperationExecute> = { getAll: getAll.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inboundMessage'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many inbound messages',
				description: 'Fetch messages received and not fetched before (last 48 hours)',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
