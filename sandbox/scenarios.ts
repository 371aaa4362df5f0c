/** Scenario store operations: create, read, list, replace; one default scenario per account. */
import { randomBytes } from 'node:crypto';

import type { OmniChannel } from './channels';
import type { AccountState, Scenario } from './state';

/** 32 upper-case hex characters, like every key in Infobip's examples. */
export function newScenarioKey(): string {
	return randomBytes(16).toString('hex').toUpperCase();
}

export interface ScenarioInput {
	key?: string;
	name?: string;
	flow: Array<{ from: string; channel: OmniChannel }>;
	default?: boolean;
}

function store(state: AccountState, key: string, input: ScenarioInput): Scenario {
	const scenario: Scenario = {
		key,
		...(input.name !== undefined ? { name: input.name } : {}),
		flow: input.flow.map((step) => ({ from: step.from, channel: step.channel })),
		default: input.default ?? false,
	};
	if (scenario.default) {
		for (const other of state.scenarios.values()) other.default = false;
	}
	state.scenarios.set(key, scenario);
	return scenario;
}

/** Copies out of the store, so that no caller can change stored scenarios by accident. */
export const copyScenario = (scenario: Scenario): Scenario => ({
	...scenario,
	flow: scenario.flow.map((step) => ({ ...step })),
});

export function createScenario(
	state: AccountState,
	input: ScenarioInput,
	key = newScenarioKey(),
): Scenario {
	return copyScenario(store(state, key, input));
}

/** Full replacement (PUT); undefined when the key is unknown. */
export function replaceScenario(
	state: AccountState,
	key: string,
	input: ScenarioInput,
): Scenario | undefined {
	if (!state.scenarios.has(key)) return undefined;
	return copyScenario(store(state, key, input));
}

export function findScenario(state: AccountState, key: string): Scenario | undefined {
	return state.scenarios.get(key);
}

export function defaultScenario(state: AccountState): Scenario | undefined {
	return [...state.scenarios.values()].find((scenario) => scenario.default);
}

export function listScenarios(
	state: AccountState,
	query: { isDefault?: boolean; page?: number; limit?: number },
): Scenario[] {
	const page = query.page ?? 0;
	const limit = query.limit ?? 100;
	return [...state.scenarios.values()]
		.filter((scenario) => query.isDefault === undefined || scenario.default === query.isDefault)
		.slice(page * limit, page * limit + limit)
		.map(copyScenario);
}
