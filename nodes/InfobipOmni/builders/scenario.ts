import { checkChannel } from './channel';
import { ParameterError } from './parameterError';
import { asTrimmedText, quote } from './values';

export interface ScenarioStep {
	from: string;
	channel: string;
}

/** `POST /omni/1/scenarios` and `PUT /omni/1/scenarios/{key}` body (https://www.infobip.com/docs/api/channels/omni-failover/create-omni-failover-scenario, …/update-omni-failover-scenario). */
export interface ScenarioBody {
	name?: string;
	flow: ScenarioStep[];
	default: boolean;
}

export interface ScenarioParameters {
	name?: unknown;
	/** The Steps fixed collection as n8n hands it over. */
	steps?: Array<{ channel?: unknown; from?: unknown }>;
	isDefault?: boolean;
}

const STEPS_FIELD = 'Steps';

const KEY_FIX =
	'Pick a scenario from the list, or give its key (32 characters, e.g. 12CD1116DC7B451B2B7286412482CCC1).';

/**
 * A scenario key as it goes into `/omni/1/scenarios/{key}` and `scenarioKey`: refused when
 * empty, `.` or `..`, or when it holds `/`, `?`, `#`, `\` or whitespace (the request would
 * reach another path, e.g. `GET /omni/1/`).
 */
export function checkScenarioKey(raw: unknown): string {
	const key = asTrimmedText('Scenario', raw);
	if (key === '') throw new ParameterError('Scenario', 'no scenario is chosen', KEY_FIX);
	if (key === '.' || key === '..' || /[/?#\\\s]/.test(key)) {
		throw new ParameterError(
			'Scenario',
			`${quote(key)} is not a scenario key (it must not be . or .., nor hold /, ?, #, \\ or spaces)`,
			KEY_FIX,
		);
	}
	return key;
}

/** Turns the UI's ordered steps into `flow`, refusing what Infobip would refuse. */
export function buildFlow(steps: ScenarioParameters['steps']): ScenarioStep[] {
	if (!Array.isArray(steps) || steps.length === 0) {
		throw new ParameterError(
			STEPS_FIELD,
			'the scenario has no steps',
			'Add at least one step (for example Facebook Messenger, then SMS), each with a channel and a sender.',
		);
	}
	return steps.map((step, index) => {
		const position = `step ${index + 1}`;
		const channelField = `${STEPS_FIELD} → Channel (${position})`;
		const known = checkChannel(
			asTrimmedText(channelField, step.channel).toUpperCase(),
			channelField,
		);
		const from = asTrimmedText(`${STEPS_FIELD} → Sender (${position})`, step.from);
		if (from === '') {
			throw new ParameterError(
				`${STEPS_FIELD} → Sender (${position})`,
				`the ${known.name} step has no sender`,
				`Set the sender: ${known.senderHint}.`,
			);
		}
		return { from, channel: known.value };
	});
}

/** The scenario's name, trimmed ('' when not set). */
export const readScenarioName = (raw: unknown) => asTrimmedText('Name', raw);

export function buildScenarioBody(parameters: ScenarioParameters): ScenarioBody {
	const name = readScenarioName(parameters.name);
	return {
		...(name ? { name } : {}),
		flow: buildFlow(parameters.steps),
		default: parameters.isDefault === true,
	};
}
