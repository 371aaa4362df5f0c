import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchScenarioPage } from '../actions/scenario/shared';

const LIST_PAGE_SIZE = 50;

/** "From List" for the scenario picker: name, key and channel order, searchable, page by page. */
export async function searchScenarios(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0) || 0;
	const scenarios = await fetchScenarioPage.call(this, { page, limit: LIST_PAGE_SIZE });
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = scenarios
		.map((scenario) => {
			const key = String(scenario.key ?? '');
			const flow = Array.isArray(scenario.flow) ? scenario.flow : [];
			const channels = flow
				.map((step) => String((step as { channel?: unknown }).channel))
				.join(' → ');
			const label = `${String(scenario.name ?? key)}${scenario.default === true ? ' (default)' : ''}`;
			return { name: channels ? `${label}: ${channels}` : label, value: key };
		})
		.filter(
			(option) =>
				needle === '' ||
				option.name.toLowerCase().includes(needle) ||
				option.value.toLowerCase().includes(needle),
		);
	return {
		results,
		paginationToken: scenarios.length === LIST_PAGE_SIZE ? String(page + 1) : undefined,
	};
}
