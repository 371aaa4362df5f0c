import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as deliveryReport from './deliveryReport';
import * as log from './log';
import * as message from './message';
import * as scenario from './scenario';
import { itemParameters, readRetryPolicy } from './parameters';
import type { OperationContext, OperationExecute } from './types';

const operations: Record<string, Record<string, OperationExecute>> = {
	scenario: scenario.operations,
	message: message.operations,
	deliveryReport: deliveryReport.operations,
	log: log.operations,
};

/** The `execute` of a node whose operations are `resource → operation → execute`. */
export function routerFor(table: Record<string, Record<string, OperationExecute>>) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, table);
	};
}

export const router = routerFor(operations);

async function route(
	this: IExecuteFunctions,
	table: Record<string, Record<string, OperationExecute>>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	// Dispatch parameters are noDataExpression, so item 0 holds them for every item.
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = table[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
			{ description: 'Pick a resource and an operation from the lists in the node.' },
		);
	}
	const context: OperationContext = {
		policy: readRetryPolicy.call(this),
		read: itemParameters(this, items).read,
	};
	return [await execute.call(this, items, context)];
}
