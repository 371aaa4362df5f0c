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
		displayOptions: { show: { resource: ['deliveryReport'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many delivery reports',
				description:
					'Fetch delivery reports not fetched before (Messages API and channel APIs, last 48 hours)',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
