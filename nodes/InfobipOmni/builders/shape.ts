import { S, type Shape } from '../channels/shape';
import { impossiblePart, quote, shorten, urlProblem } from './values';

export interface ShapeProblem {
	problem: string;
	fix: string;
}

const kindOf = (value: unknown) =>
	value === null
		? 'null'
		: Array.isArray(value)
			? 'an array'
			: typeof value === 'object'
				? 'an object'
				: typeof value === 'string'
					? 'text'
					: `a ${typeof value}`;

const at = (path: string) => path || 'it';
const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Levenshtein distance, for "did you mean" on misspelt keys. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length];
}

function closest(key: string, known: string[]): string | undefined {
	const lower = key.toLowerCase();
	const same = known.find((k) => k.toLowerCase() === lower);
	if (same) return same;
	const ranked = known
		.map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
		.sort((a, b) => a.d - b.d);
	return ranked[0] && ranked[0].d <= 2 ? ranked[0].k : undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The smallest JSON of a shape, for the fix of a missing key: `{"placeholders":[]}`. */
function skeleton(shape: Shape): string {
	switch (shape.kind) {
		case 'text':
			return shape.oneOf ? `"${shape.oneOf[0]}"` : '"…"';
		case 'number':
			return String(shape.min ?? 0);
		case 'boolean':
			return 'true';
		case 'array':
			return '[]';
		case 'object': {
			const fields = shape.fields ?? {};
			const keys = shape.required ?? [];
			return `{${keys.map((key) => `"${key}":${fields[key] ? skeleton(fields[key]) : '…'}`).join(',')}}`;
		}
		default:
			return '…';
	}
}

/** Checks a parsed JSON value against its shape; returns the first problem, naming its path. */
export function checkShape(value: unknown, shape: Shape, path = ''): ShapeProblem | undefined {
	const where = at(path);
	switch (shape.kind) {
		case 'any':
			return undefined;
		case 'text': {
			if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
			if (typeof value !== 'string') {
				return {
					problem: `${where} is ${kindOf(value)} (${quote(value)}), not text`,
					fix: `Give text at ${where}, e.g. "value".`,
				};
			}
			if (shape.minLength !== undefined && value.trim().length < shape.minLength) {
				return {
					problem: `${where} is empty`,
					fix: `Give a value at ${where}, or leave the key out.`,
				};
			}
			if (shape.maxLength !== undefined && value.length > shape.maxLength) {
				return {
					problem: `${where} has ${value.length} characters, more than Infobip's ${shape.maxLength}`,
					fix: `Shorten ${where} to ${shape.maxLength} characters.`,
				};
			}
			if (shape.oneOf && !shape.oneOf.includes(value)) {
				return {
					problem: `${where} is ${quote(value)}, not one of ${shape.oneOf.join(', ')}`,
					fix: `Use one of: ${shape.oneOf.join(', ')}.`,
				};
			}
			const urlIssue = shape.url ? urlProblem(value) : undefined;
			if (urlIssue) {
				return {
					problem: `${where} ${quote(value)} ${urlIssue}`,
					fix: `Give a public URL with https:// (or http://) and a host name at ${where}.`,
				};
			}
			if (shape.date) {
				const impossible = /^\d{4}-\d{2}-\d{2}$/.test(value)
					? impossiblePart(value)
					: 'it is not YYYY-MM-DD';
				if (impossible) {
					return {
						problem: `${where} ${quote(value)} is not a date: ${impossible}`,
						fix: `Give a real date as YYYY-MM-DD at ${where}, e.g. 1990-05-17.`,
					};
				}
			}
			return undefined;
		}
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				return {
					problem: `${where} is ${kindOf(value)} (${quote(value)}), not a number`,
					fix: `Give a number without quotes at ${where}.`,
				};
			}
			if (shape.integer && !Number.isInteger(value)) {
				return {
					problem: `${where} is ${value}, not a whole number`,
					fix: `Give a whole number at ${where}.`,
				};
			}
			if (
				(shape.min !== undefined && value < shape.min) ||
				(shape.max !== undefined && value > shape.max)
			) {
				const range =
					shape.max === undefined
						? `${shape.min} or more`
						: `from ${shape.min ?? '…'} to ${shape.max}`;
				return {
					problem: `${where} is ${value}, out of range`,
					fix: `Give a value ${range} at ${where}.`,
				};
			}
			return undefined;
		}
		case 'boolean':
			return typeof value === 'boolean'
				? undefined
				: {
						problem: `${where} is ${kindOf(value)} (${quote(value)}), not true or false`,
						fix: `Give true or false (without quotes) at ${where}.`,
					};
		case 'array': {
			if (!Array.isArray(value)) {
				return {
					problem: `${where} is ${kindOf(value)} (${quote(value)}), not a list`,
					fix: `Give a JSON array at ${where}, e.g. [...].`,
				};
			}
			if (shape.minItems !== undefined && value.length < shape.minItems) {
				return {
					problem: `${where} has ${value.length} entries, fewer than Infobip's ${shape.minItems}`,
					fix: `Give at least ${shape.minItems}, or leave ${where} out.`,
				};
			}
			if (shape.maxItems !== undefined && value.length > shape.maxItems) {
				return {
					problem: `${where} has ${value.length} entries, more than Infobip's ${shape.maxItems}`,
					fix: `Give at most ${shape.maxItems}.`,
				};
			}
			const seen = new Set<string>();
			for (let i = 0; i < value.length; i++) {
				const found = checkShape(value[i], shape.items, `${path}[${i}]`);
				if (found) return found;
				if (shape.unique) {
					const key = JSON.stringify(value[i]);
					if (seen.has(key)) {
						return {
							problem: `${where} lists ${quote(value[i])} twice`,
							fix: `Remove the repeated entry from ${where}.`,
						};
					}
					seen.add(key);
				}
			}
			return undefined;
		}
		case 'object': {
			if (!isPlainObject(value)) {
				return {
					problem: `${where} is ${kindOf(value)} (${quote(value)}), not an object`,
					fix: `Give a JSON object at ${where}, e.g. {"key":"value"}.`,
				};
			}
			let fields = shape.fields ?? {};
			let required = shape.required ?? [];
			if (shape.variants) {
				const { key, by } = shape.variants;
				const choice = value[key];
				const variant = typeof choice === 'string' ? by[choice] : undefined;
				if (!variant) {
					const keyPath = child(path, key);
					return {
						problem:
							choice === undefined
								? `${keyPath} is required`
								: `${keyPath} is ${quote(choice)}, not one of ${Object.keys(by).join(', ')}`,
						fix: `Set ${keyPath} to one of: ${Object.keys(by).join(', ')}.`,
					};
				}
				fields = { ...fields, [key]: S.oneOf(...Object.keys(by)), ...(variant.fields ?? {}) };
				required = [...required, ...(variant.required ?? [])];
			}
			const known = Object.keys(fields);
			if (!shape.open) {
				for (const key of Object.keys(value)) {
					if (key in fields) continue;
					const guess = closest(key, known);
					return {
						problem: `${shorten(child(path, key))} is not a key Infobip knows here`,
						fix: `${guess ? `Did you mean "${guess}"? ` : 'Remove it. '}Keys allowed ${path ? `in ${path}` : 'here'}: ${known.join(', ')}.`,
					};
				}
			}
			for (const key of required) {
				if (value[key] === undefined || value[key] === null) {
					const example = fields[key] ? `, e.g. "${key}":${skeleton(fields[key])}` : '';
					return {
						problem: `${child(path, key)} is required`,
						fix: `Add "${key}"${path ? ` to ${path}` : ''}${example}.`,
					};
				}
			}
			for (const [key, entry] of Object.entries(value)) {
				const entryShape = fields[key] ?? shape.values;
				if (!entryShape) continue;
				const found = checkShape(entry, entryShape, child(path, key));
				if (found) return found;
			}
			return undefined;
		}
	}
}
