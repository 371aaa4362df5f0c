import type { IDataObject } from 'n8n-workflow';

import { infobipApiRequest, type InfobipFunctions, type RetryPolicy } from './index';

export const SCENARIOS_PATH = '/omni/1/scenarios';

export const scenarioPath = (key: string) => `${SCENARIOS_PATH}/${encodeURIComponent(key)}`;

/** Infobip has no page count: a page shorter than this ends the list. */
export const SCENARIO_PAGE_SIZE = 100;

export const SEND_PATH = '/omni/1/advanced';

export const REPORTS_PATH = '/omni/1/reports';

export const LOGS_PATH = '/omni/1/logs';

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
