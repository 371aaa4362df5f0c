/**
 * The shape a JSON field must have (data only; builders/shape.ts checks values against it), after Infobip's OMNI advanced send schema
 * (https://www.infobip.com/docs/api/platform/omni-failover/send-advanced-omni-failover-message),
 * so that a missing key, a misspelt one or a value over a limit is refused before sending.
 */
export type Shape =
	| {
			kind: 'text';
			minLength?: number;
			maxLength?: number;
			oneOf?: readonly string[];
			/** An http(s) URL with a host. */
			url?: boolean;
			/** A calendar date, YYYY-MM-DD. */
			date?: boolean;
	  }
	| { kind: 'number'; min?: number; max?: number; integer?: boolean }
	| { kind: 'boolean' }
	| { kind: 'array'; items: Shape; minItems?: number; maxItems?: number; unique?: boolean }
	| {
			kind: 'object';
			fields?: Record<string, Shape>;
			required?: readonly string[];
			/** Any key is allowed (values are checked by `values` when given). */
			open?: boolean;
			values?: Shape;
			/** Objects whose fields depend on a key, e.g. Kakao buttons on `type`. */
			variants?: {
				key: string;
				by: Record<string, { fields?: Record<string, Shape>; required?: readonly string[] }>;
			};
	  }
	| { kind: 'any' };

/** Shorthands for the shape tables. */
export const S = {
	text: (maxLength?: number, minLength?: number): Shape => ({ kind: 'text', maxLength, minLength }),
	url: (maxLength?: number): Shape => ({ kind: 'text', url: true, maxLength, minLength: 1 }),
	oneOf: (...values: string[]): Shape => ({ kind: 'text', oneOf: values }),
	date: (): Shape => ({ kind: 'text', date: true }),
	integer: (min?: number, max?: number): Shape => ({ kind: 'number', integer: true, min, max }),
	number: (min?: number, max?: number): Shape => ({ kind: 'number', min, max }),
	boolean: (): Shape => ({ kind: 'boolean' }),
	any: (): Shape => ({ kind: 'any' }),
	array: (
		items: Shape,
		limits: { minItems?: number; maxItems?: number; unique?: boolean } = {},
	): Shape => ({
		kind: 'array',
		items,
		...limits,
	}),
	object: (fields: Record<string, Shape>, required: readonly string[] = []): Shape => ({
		kind: 'object',
		fields,
		required,
	}),
};
