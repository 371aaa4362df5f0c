import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { repeatsPage } from '../transport';
import { fetchScenarioPage } from '../transport/endpoints';

const LIST_PAGE_SIZE = 50;

/** The editor hands back our token: the next page, and the first and last key of the one before. */
function readToken(token?: string): { page: number; first?: string; last?: string } {
	if (!token) return { page: 0 };
	try {
		const parsed = JSON.parse(token) as { page?: unknown; first?: unknown; last?: unknown };
		if (typeof parsed === 'number') return { page: parsed };
		return {
			page: Number(parsed.page) || 0,
			first: typeof parsed.first === 'string' ? parsed.first : undefined,
			last: typeof parsed.last === 'string' ? parsed.last : undefined,
		};
	} catch {
		return { page: 0 };
	}
}

/** "From List" for the scenario picker: name, key and channel order, searchable, page by page. */
export async function searchScenarios(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { page, first, last } = readToken(paginationToken);
	const scenarios = await fetchScenarioPage.call(this, { page, limit: LIST_PAGE_SIZE });
	// A server that ignores `page` answers the previous page again: end the list there, quietly.
	const previous = first === undefined ? undefined : [{ key: first }, { key: last }];
	if (repeatsPage(previous, scenarios, (scenario) => String(scenario.key))) return { results: [] };
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
		paginationToken:
			scenarios.length === LIST_PAGE_SIZE
				? JSON.stringify({
						page: page + 1,
						first: String(scenarios[0].key),
						last: String(scenarios[scenarios.length - 1].key),
					})
				: undefined,
	};
}
