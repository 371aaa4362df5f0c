import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { RetryPolicy } from '../transport';
import type { ReadParameter } from './parameters';

/** What every operation receives besides the items: settings read once per execution. */
export interface OperationContext {
	policy: RetryPolicy;
	/** Reads node parameters per item, with getNodeParameter's results (see parameters.ts). */
	read: ReadParameter;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: OperationContext,
) => Promise<INodeExecutionData[]>;
