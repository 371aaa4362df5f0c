import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from '../../../InfobipOmni/actions/types';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['validate'] } },
	properties,
);

export const execute: OperationExecute = async function () {
	throw new NodeOperationError(this.getNode(), 'Not built yet');
};
