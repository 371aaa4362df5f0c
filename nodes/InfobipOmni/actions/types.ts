import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { RetryPolicy } from '../transport';

/** What every operation receives besides the items: settings read once per execution. */
export interface OperationContext {
	policy: RetryPolicy;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: OperationContext,
) => Promise<INodeExecutionData[]>;
