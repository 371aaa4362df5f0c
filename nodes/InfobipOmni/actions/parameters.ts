import type {
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { REQUEST_SETTINGS } from '../descriptions/common';
import { checkScenarioKey } from '../builders/scenario';
import { readLimit } from '../builders/values';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport';

/** `getNodeParameter(name, itemIndex, fallback, options)`, as a plain function. */
export type ReadParameter = (
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
) => NodeParameterValueType | object;

/** How a parameter is read per item; exposed for tests. */
export type ReadStrategy = 'constant' | 'perLeaf' | 'n8n';

export interface ItemParameters {
	read: ReadParameter;
	strategyOf(name: string, options?: IGetNodeParameterOptions): ReadStrategy | undefined;
	/** How many reads went to n8n's getNodeParameter so far (plans included). */
	n8nReads(): number;
}

type Step = string | number;

/** Where an expression sits in a parameter's value, and its `$json` path when it is only one. */
interface Leaf {
	at: Step[];
	/** The leaf's name for getNodeParameter, e.g. `options.messageId`. */
	name: string;
	jsonPath?: Step[];
}

type Plan =
	| { strategy: 'constant'; value: NodeParameterValueType | object }
	| { strategy: 'perLeaf'; raw: unknown; leaves: Leaf[] }
	| { strategy: 'n8n' };

/** Exactly `={{ $json.a.b }}`, `={{ $json["first name"] }}` or `={{ $json.list[0] }}`. */
const JSON_PATH_EXPRESSION =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"\\]*"\]|\['[^'\\]*'\])+)\s*\}\}$/;
const PATH_STEP = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["([^"\\]*)"\]|\['([^'\\]*)'\]/g;
/** Names n8n's expression sandbox guards: such paths are left to n8n. */
const GUARDED_NAMES = new Set(['prototype', 'constructor', 'mainModule', 'binding']);
const PARAMETER_KEY = /^[A-Za-z_$][\w$]*$/;

const isExpression = (value: unknown): value is string =>
	typeof value === 'string' && value.startsWith('=');

function jsonPathOf(expression: string): Step[] | undefined {
	const match = JSON_PATH_EXPRESSION.exec(expression);
	if (!match) return undefined;
	const steps: Step[] = [];
	for (const [, name, index, doubleQuoted, singleQuoted] of match[1].matchAll(PATH_STEP)) {
		const step = index !== undefined ? Number(index) : (name ?? doubleQuoted ?? singleQuoted);
		if (typeof step === 'string' && (GUARDED_NAMES.has(step) || step.startsWith('__'))) {
			return undefined;
		}
		steps.push(step);
	}
	return steps;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
};

/**
 * A `$json` path on one item, when it ends in a string, boolean or finite number reached through
 * own properties of plain objects and arrays. Anything else is left to n8n (undefined).
 */
function valueAt(json: unknown, steps: Step[]): { value: string | number | boolean } | undefined {
	let value: unknown = json;
	for (const step of steps) {
		if (typeof step === 'number' ? !Array.isArray(value) : !isPlainObject(value)) return undefined;
		if (!Object.prototype.hasOwnProperty.call(value, step)) return undefined;
		value = (value as Record<Step, unknown>)[step];
	}
	if (typeof value === 'string' || typeof value === 'boolean') return { value };
	if (typeof value === 'number' && Number.isFinite(value)) return { value };
	return undefined;
}

/** The expressions inside a parameter value, or undefined when one of them must go to n8n whole. */
function leavesOf(
	raw: unknown,
	name: string,
	at: Step[] = [],
	leaves: Leaf[] = [],
): Leaf[] | undefined {
	if (isExpression(raw)) {
		// $parameter["&sibling"] depends on where the leaf sits: n8n resolves such a value whole.
		if (raw.includes('$parameter')) return undefined;
		leaves.push({ at, name, jsonPath: jsonPathOf(raw) });
		return leaves;
	}
	if (Array.isArray(raw)) {
		for (let index = 0; index < raw.length; index++) {
			if (!leavesOf(raw[index], `${name}[${index}]`, [...at, index], leaves)) return undefined;
		}
		return leaves;
	}
	if (raw !== null && typeof raw === 'object') {
		for (const [key, value] of Object.entries(raw)) {
			if (!PARAMETER_KEY.test(key)) return undefined;
			if (!leavesOf(value, `${name}.${key}`, [...at, key], leaves)) return undefined;
		}
	}
	return leaves;
}

function setAt(target: unknown, at: Step[], value: unknown): unknown {
	if (at.length === 0) return value;
	let parent = target as Record<Step, unknown>;
	for (const step of at.slice(0, -1)) parent = parent[step] as Record<Step, unknown>;
	parent[at[at.length - 1]] = value;
	return target;
}

/** Parameter values are JSON (n8n turns dates into text when it resolves them): a plain copy. */
function copy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copy) as T;
	if (value === null || typeof value !== 'object') return value;
	const result: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) result[key] = copy(inner);
	return result as T;
}

/**
 * Node parameters for every item of one execution, with the results of `getNodeParameter`:
 * - a value without expressions is resolved once (it is the same for every item);
 * - in a value with expressions, only the expressions are evaluated per item: `={{ $json.path }}`
 *   straight from the item, any other expression by n8n itself;
 * - anything else (resource locator values, `$parameter`) goes to n8n per item.
 * n8n's own read costs about 2 ms per call in the app's `vm` expression engine, even for a
 * typed-in text; 10,000 items × 8 parameters made that most of a send's time.
 * Values are copies: a caller may change what it gets.
 * The node declares no `validateType`, so n8n's schema check after a read changes nothing here
 * (test/InfobipOmni/actions/parameters.test.ts keeps it that way).
 */
export function itemParameters(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
): ItemParameters {
	const plans = new Map<string, Plan>();
	let n8nReads = 0;
	const n8nRead: ReadParameter = (name, itemIndex, fallback, options) => {
		n8nReads++;
		return context.getNodeParameter(name, itemIndex, fallback as never, options);
	};

	const keyOf = (name: string, options?: IGetNodeParameterOptions) =>
		options?.extractValue ? `${name}\u0000extract` : name;

	function planFor(name: string, fallback: unknown, options?: IGetNodeParameterOptions): Plan {
		const key = keyOf(name, options);
		const known = plans.get(key);
		if (known) return known;
		const raw = context.getNodeParameter(name, 0, fallback as never, { rawExpressions: true });
		const leaves = leavesOf(raw, name);
		let plan: Plan;
		if (leaves?.length === 0) {
			plan = {
				strategy: 'constant',
				value: n8nRead(name, 0, fallback, options),
			};
		} else if (leaves && !options) {
			plan = { strategy: 'perLeaf', raw, leaves };
		} else {
			plan = { strategy: 'n8n' };
		}
		plans.set(key, plan);
		return plan;
	}

	const read: ReadParameter = (name, itemIndex, fallback, options) => {
		const plan = planFor(name, fallback, options);
		if (plan.strategy === 'constant') return copy(plan.value) as NodeParameterValueType | object;
		if (plan.strategy === 'n8n') {
			return n8nRead(name, itemIndex, fallback, options);
		}
		let value = copy(plan.raw) as NodeParameterValueType | object;
		for (const leaf of plan.leaves) {
			const direct = leaf.jsonPath && valueAt(items[itemIndex]?.json, leaf.jsonPath);
			const resolved = direct ? direct.value : n8nRead(leaf.name, itemIndex);
			value = setAt(value, leaf.at, resolved) as NodeParameterValueType | object;
		}
		return value;
	};

	return {
		read,
		strategyOf: (name, options) => plans.get(keyOf(name, options))?.strategy,
		n8nReads: () => n8nReads,
	};
}

/** Reads a node-level request setting (item 0), refusing values outside its bounds rather than bending them. */
export function readBoundedOption(
	this: IExecuteFunctions,
	name: string,
	label: string,
	fallback: number,
	min: number,
	max: number,
): number {
	const value = Number(this.getNodeParameter(`${REQUEST_SETTINGS}.${name}`, 0, fallback));
	if (!Number.isFinite(value) || value < min || value > max) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid ${label}: ${String(value)} is outside ${min} to ${max}`,
			{
				description: `Set ${label} under the node's Request Settings to a number from ${min} to ${max}.`,
			},
		);
	}
	return value;
}

/** The settings of descriptions/common.ts requestOptionFields, as the transport takes them. */
export function readRetryPolicy(this: IExecuteFunctions): RetryPolicy {
	const read = (name: string, label: string, fallback: number, min: number, max: number) =>
		readBoundedOption.call(this, name, label, fallback, min, max);
	return {
		...DEFAULT_RETRY_POLICY,
		maxRetries: Math.floor(
			read('maxRetries', 'Max Retries', DEFAULT_RETRY_POLICY.maxRetries, 0, 10),
		),
		maxRetryWaitMs:
			read(
				'maxRetryWaitSeconds',
				'Max Retry Wait',
				DEFAULT_RETRY_POLICY.maxRetryWaitMs / 1000,
				0,
				600,
			) * 1000,
		timeoutMs:
			read('timeoutSeconds', 'Timeout', DEFAULT_RETRY_POLICY.timeoutMs / 1000, 1, 300) * 1000,
	};
}

/**
 * How many results Return All / Limit asks for: Infinity for Return All, else a whole number of
 * 1 or more (a ParameterError otherwise: 0, -1 or 2.5 used to end in an empty result).
 */
export function readResultLimit(read: ReadParameter, itemIndex: number): number {
	const returnAll = read('returnAll', itemIndex, false) as boolean;
	if (returnAll === true) return Infinity;
	return readLimit(read('limit', itemIndex, 50), { returnAll: true });
}

/** The key of the scenario picked in descriptions/common.ts scenarioLocator. */
export function readScenarioKey(read: ReadParameter, itemIndex: number): string {
	return checkScenarioKey(read('scenario', itemIndex, '', { extractValue: true }));
}
