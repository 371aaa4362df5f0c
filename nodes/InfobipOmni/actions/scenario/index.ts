import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationExecute> = {
	create: create.execute,
	get: get.execute,
	getAll: getAll.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['scenario'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a scenario',
				description:
					'Create an OMNI scenario: ordered channel steps such as Facebook Messenger, then SMS',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a scenario',
				description: 'Get one OMNI scenario by its key',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many scenarios',
				description: "List the account's OMNI scenarios",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a scenario',
				description: 'Change the name, steps or default flag of an OMNI scenario',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
