import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/common';
import { repeatsPage } from '../../transport';
import { fetchScenarioPage, SCENARIO_PAGE_SIZE } from '../../transport/endpoints';
import { perItemOperation } from '../items';
import { readResultLimit } from '../parameters';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Default Scenario Only',
				name: 'isDefault',
				type: 'boolean',
				default: true,
				description: "Whether to return only the account's default scenario",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['scenario'], operation: ['getAll'] } },
	properties,
);

/**
 * `GET /omni/1/scenarios`, page by page until a short page, the limit, or a page seen before:
 * one item per scenario.
 */
export const execute = perItemOperation(async function (itemIndex, { policy, read }) {
	const limit = readResultLimit(read, itemIndex);
	const filters = read('filters', itemIndex, {}) as { isDefault?: boolean };
	const pageSize = Math.min(SCENARIO_PAGE_SIZE, limit);

	const scenarios: IDataObject[] = [];
	const seen = new Set<unknown>();
	let previous: IDataObject[] | undefined;
	for (let page = 0; scenarios.length < limit; page++) {
		const batch = await fetchScenarioPage.call(
			this,
			{ page, limit: pageSize, ...(filters.isDefault ? { isDefault: true } : {}) },
			policy,
			itemIndex,
		);
		const fresh = batch.filter((scenario) => !seen.has(scenario.key));
		for (const scenario of fresh) seen.add(scenario.key);
		scenarios.push(...fresh);
		// A server that ignores `page` answers the same page again: stop there, quietly, with the
		// scenarios seen once each. Reading scenarios takes nothing away, so nothing is lost.
		if (repeatsPage(previous, batch, (scenario) => scenario.key) || fresh.length === 0) break;
		previous = batch;
		if (batch.length < pageSize) break;
	}
	return scenarios.slice(0, limit);
});
