import { updateDisplayOptions } from 'n8n-workflow';

import { scenarioLocator } from '../../descriptions/common';
import { infobipApiRequest } from '../../transport';
import { scenarioPath } from '../../transport/endpoints';
import { perItemOperation } from '../items';
import { readScenarioKey } from '../parameters';

export const description = updateDisplayOptions(
	{ show: { resource: ['scenario'], operation: ['get'] } },
	[scenarioLocator],
);

/** `GET /omni/1/scenarios/{key}`. */
export const execute = perItemOperation(async function (itemIndex, { policy, read }) {
	const key = readScenarioKey(read, itemIndex);
	return await infobipApiRequest.call(
		this,
		{ method: 'GET', path: scenarioPath(key), itemIndex },
		policy,
	);
});
