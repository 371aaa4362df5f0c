/**
 * The benchmark's cases, shared by the runner (bench/run.ts) and its worker (bench/worker.ts):
 * what each case sends or reads, with which parameters and which input items.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

/** What the workflow does. */
export type Workload = 'broadcast' | 'personalised' | 'getMany';

/** Who does it: the Infobip OMNI node, the floor (a minimal node), or the naive way. */
export type Variant = 'node' | 'floor' | 'naive';

export interface CaseSpec {
	/** e.g. `broadcast-10000-node`. */
	id: string;
	workload: Workload;
	variant: Variant;
	/** Input items (sends) or scenarios to list (Get Many). */
	n: number;
	/** The node's Batch Size (sends); the default is 100. */
	batchSize: number;
	/** The node's Requests in Flight (sends); the default is 5. */
	requestsInFlight: number;
	/** The naive way stops after this much wall time; the rest of its run is projected. */
	capMs?: number;
}

/** The scenario every send names (a sandbox fixture; any string is a key to the sandbox). */
export const BENCH_SCENARIO = 'BE0C0000000000000000000000000001';

/** The send cases' one scenario, the account default: Facebook Messenger, then SMS. */
export const BENCH_SCENARIO_FIXTURE = {
	key: BENCH_SCENARIO,
	name: 'Bench: Facebook, then SMS',
	flow: [
		{ from: 'FacebookApplicationKey', channel: 'FACEBOOK' as const },
		{ from: 'InfoSMS', channel: 'SMS' as const },
	],
	default: true,
};

/** Scenarios are listed by pages of this size (the node's page size). */
export const SCENARIO_PAGE = 100;

/**
 * A distinct phone number per item, always delivered by the sandbox: the last four digits stay
 * in 1000–9999, away from the sandbox's special ranges (0001–0499: undeliverable, rejected,
 * expiring, slow, refused).
 */
export function phoneFor(index: number): string {
	const high = String(Math.floor(index / 9000)).padStart(4, '0');
	return `417${high}${1000 + (index % 9000)}`;
}

export function scenarioFixtures(n: number): Array<{
	key: string;
	name: string;
	flow: Array<{ from: string; channel: 'FACEBOOK' | 'SMS' }>;
	default: boolean;
}> {
	return Array.from({ length: n }, (_, i) => ({
		key: `BE0C${String(i).padStart(28, '0')}`,
		name: `Bench scenario ${i}`,
		flow: [
			{ from: 'FacebookApplicationKey', channel: 'FACEBOOK' },
			{ from: 'InfoSMS', channel: 'SMS' },
		],
		default: false,
	}));
}

/** The input items: one recipient each; personalised items carry their own text. */
export function inputFor(spec: Pick<CaseSpec, 'workload' | 'n'>): INodeExecutionData[] {
	if (spec.workload === 'getMany') return [{ json: {} }];
	return Array.from({ length: spec.n }, (_, i) => {
		const json: IDataObject = { phone: phoneFor(i), name: `Customer ${i}` };
		if (spec.workload === 'personalised') {
			json.text = `Hello Customer ${i}, your order ${100000 + i} has shipped.`;
		}
		return { json };
	});
}

/** The broadcast's one text. */
export const BROADCAST_TEXT = 'Our spring sale starts today.';

/**
 * The node's parameters; the floor and the naive node read the very same ones. Batch Size and
 * Requests in Flight left undefined stay at the node's defaults.
 */
export function parametersFor(
	spec: Pick<CaseSpec, 'workload'> & Partial<Pick<CaseSpec, 'batchSize' | 'requestsInFlight'>>,
): INodeParameters {
	if (spec.workload === 'getMany') {
		return { resource: 'scenario', operation: 'getAll', returnAll: true };
	}
	const text = spec.workload === 'broadcast' ? BROADCAST_TEXT : '={{ $json.text }}';
	return {
		resource: 'message',
		operation: 'sendText',
		scenario: { __rl: true, mode: 'key', value: BENCH_SCENARIO },
		phoneNumbers: '={{ $json.phone }}',
		facebookText: text,
		smsText: text,
		requestSettings: {
			...(spec.batchSize === undefined ? {} : { batchSize: spec.batchSize }),
			...(spec.requestsInFlight === undefined ? {} : { requestsInFlight: spec.requestsInFlight }),
		},
	};
}

/** Output items a complete run yields: one per recipient, or one per scenario. */
export const expectedOutputs = (spec: Pick<CaseSpec, 'n'>) => spec.n;

/** The fewest requests the work needs (the floor's count, and the target's bound). */
export function minimalRequests(spec: CaseSpec): number {
	if (spec.workload === 'broadcast') return Math.ceil(spec.n / spec.batchSize);
	if (spec.workload === 'personalised') return spec.n;
	// Pages of 100 until a short page: one more (empty) page when n is a multiple of 100.
	return Math.floor(spec.n / SCENARIO_PAGE) + 1;
}
