import { CHANNEL_BY_VALUE } from '../channels';
import { ParameterError } from './parameterError';

export interface ScenarioStep {
	from: string;
	channel: string;
}

/** `POST /omni/1/scenarios` and `PUT /omni/1/scenarios/{key}` body (reference §3.5, §3.6). */
export interface ScenarioBody {
	name?: string;
	flow: ScenarioStep[];
	default: boolean;
}

export interface ScenarioParameters {
	name?: string;
	/** The Steps fixed collection as n8n hands it over. */
	steps?: Array<{ channel?: unknown; from?: unknown }>;
	isDefault?: boolean;
}

const STEPS_FIELD = 'Steps';

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
		const channel = typeof step.channel === 'string' ? step.channel.trim().toUpperCase() : '';
		const known = CHANNEL_BY_VALUE.get(channel);
		if (!known) {
			throw new ParameterError(
				`${STEPS_FIELD} → Channel (${position})`,
				`"${String(step.channel ?? '')}" is not an OMNI channel`,
				`Use one of: ${[...CHANNEL_BY_VALUE.keys()].join(', ')}.`,
			);
		}
		const from = typeof step.from === 'string' ? step.from.trim() : String(step.from ?? '').trim();
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

export function buildScenarioBody(parameters: ScenarioParameters): ScenarioBody {
	const name = parameters.name?.trim();
	return {
		...(name ? { name } : {}),
		flow: buildFlow(parameters.steps),
		default: parameters.isDefault === true,
	};
}
