import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as getAll from './getAll.operation';

export const operations: Record<string, OperationExecute> = { getAll: getAll.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['log'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many message logs',
				description: 'Search the message logs of the last 48 hours, as often as needed',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
