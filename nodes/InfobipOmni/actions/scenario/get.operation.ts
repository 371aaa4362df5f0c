import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scenarioLocator } from '../../descriptions/common';
import { infobipApiRequest } from '../../transport';
import { mapItems } from '../items';
import type { OperationContext } from '../types';
import { readScenarioKey, scenarioPath } from './shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['scenario'], operation: ['get'] } },
	[scenarioLocator],
);

/** `GET /omni/1/scenarios/{key}`. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ policy }: OperationContext,
): Promise<INodeExecutionData[]> {
	return await mapItems.call(this, items, async (itemIndex) => {
		const key = readScenarioKey.call(this, itemIndex);
		return await infobipApiRequest.call(
			this,
			{ method: 'GET', path: scenarioPath(key), itemIndex },
			policy,
		);
	});
}
