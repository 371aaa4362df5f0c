import type { IDataObject } from 'n8n-workflow';

import { checkScenarioKey } from '../../builders/scenario';
import { infobipApiRequest, type InfobipFunctions, type RetryPolicy } from '../../transport';
import type { ReadParameter } from '../parameters';

export const SCENARIOS_PATH = '/omni/1/scenarios';

/** Infobip has no page count: a page shorter than this ends the list. */
export const SCENARIO_PAGE_SIZE = 100;

export const scenarioPath = (key: string) => `${SCENARIOS_PATH}/${encodeURIComponent(key)}`;

export function readScenarioKey(read: ReadParameter, itemIndex: number): string {
	return checkScenarioKey(read('scenario', itemIndex, '', { extractValue: true }));
}

/** One page of `GET /omni/1/scenarios` (page is zero-based). */
export async function fetchScenarioPage(
	this: InfobipFunctions,
	query: { page: number; limit: number; isDefault?: boolean },
	policy?: RetryPolicy,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await infobipApiRequest.call(
		this,
		{ method: 'GET', path: SCENARIOS_PATH, qs: { ...query }, itemIndex },
		policy,
	);
	return Array.isArray(response.scenarios) ? (response.scenarios as IDataObject[]) : [];
}
