/**
 * The forms of the Free Text and Custom Form responses: read from the node's parameters (the
 * fields list, or JSON in n8n's Form format), and the reading of what a person submitted.
 */
import { ParameterError } from '../builders/parameterError';
import { quote, shorten } from '../builders/values';
import { LIMITS } from '../limits';

export type FormFieldType =
	| 'text'
	| 'textarea'
	| 'number'
	| 'email'
	| 'password'
	| 'date'
	| 'dropdown'
	| 'checkbox'
	| 'radio';

export interface FormField {
	label: string;
	type: FormFieldType;
	required: boolean;
	placeholder?: string;
	/** dropdown, checkbox and radio: the choices, in order. */
	options?: string[];
	/** dropdown only: several choices at once. */
	multiselect?: boolean;
}

export const FORM_FIELD_TYPES: readonly FormFieldType[] = [
	'text',
	'textarea',
	'number',
	'email',
	'password',
	'date',
	'dropdown',
	'checkbox',
	'radio',
];

/** The types whose choices the form defines (the node's Options field shows for them). */
export const FIELD_TYPES_WITH_OPTIONS: readonly FormFieldType[] = ['dropdown', 'checkbox', 'radio'];

/** Keys the output sets next to the answer; a field labelled so would be overwritten. */
const RESERVED_LABELS = ['respondedAt', 'approved'];

/** The Free Text response: one required textarea named "Response". */
export const FREE_TEXT_FIELDS: FormField[] = [
	{ label: 'Response', type: 'textarea', required: true },
];

/** The name of the i-th field's input in the page and in the submitted body. */
export const fieldName = (index: number) => `field-${index}`;

const PARAMETER = 'Form Fields';
const JSON_PARAMETER = 'Form Fields (JSON)';

/** How each reader names the keys in its messages and shows a field in its fixes. */
interface Dialect {
	parameter: string;
	label: string;
	type: string;
	required: string;
	placeholder: string;
	options: string;
	multiselect: string;
	example: string;
}

const UI: Dialect = {
	parameter: PARAMETER,
	label: 'Field Label',
	type: 'Field Type',
	required: 'Required Field',
	placeholder: 'Placeholder',
	options: 'Field Options',
	multiselect: 'Multiple Choice',
	example: 'Add a field with Add Form Element',
};

const JSON_KEYS: Dialect = {
	parameter: JSON_PARAMETER,
	label: '"fieldLabel"',
	type: '"fieldType"',
	required: '"requiredField"',
	placeholder: '"placeholder"',
	options: '"fieldOptions"',
	multiselect: '"multiselect"',
	example:
		'Write a JSON array of fields, e.g. [{"fieldLabel": "Name", "fieldType": "text", "requiredField": true}]',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isUnset = (value: unknown) => value === undefined || value === null;

/** `field 2 ("Colour")` once the label is known, `field 2` before. */
const which = (index: number, label?: string) =>
	label === undefined ? `field ${index + 1}` : `field ${index + 1} (${quote(label)})`;

function readOptions(
	dialect: Dialect,
	index: number,
	label: string,
	type: FormFieldType,
	value: unknown,
): string[] {
	const refuse = (problem: string) =>
		new ParameterError(
			dialect.parameter,
			`${which(index, label)} ${problem}`,
			dialect === UI
				? 'Add its choices under Field Options, each with a different text.'
				: `Give its choices as ${dialect.options}: {"values": [{"option": "A"}, {"option": "B"}]}, each with a different text.`,
		);
	const listed = isObject(value) ? value.values : value;
	const entries = isUnset(listed) ? [] : listed;
	if (!Array.isArray(entries)) throw refuse(`has ${dialect.options} ${quote(value)}, not a list`);
	const options: string[] = [];
	for (const entry of entries) {
		const raw: unknown = isObject(entry) ? entry.option : entry;
		const option = typeof raw === 'number' ? String(raw) : raw;
		if (typeof option !== 'string') throw refuse(`has an option ${quote(entry)} that is not text`);
		if (option.trim() === '') throw refuse('has an empty option');
		if (options.includes(option)) throw refuse(`has the option ${quote(option)} twice`);
		options.push(option);
	}
	if (options.length === 0) throw refuse(`is a ${type} without options`);
	return options;
}

function readBoolean(dialect: Dialect, key: string, index: number, label: string, value: unknown) {
	if (isUnset(value)) return false;
	if (typeof value === 'boolean') return value;
	throw new ParameterError(
		dialect.parameter,
		`${which(index, label)} has ${key} ${quote(value)}, not true or false`,
		`Set ${key} to true or false (without quotes).`,
	);
}

function readField(dialect: Dialect, index: number, entry: unknown): FormField {
	if (!isObject(entry)) {
		throw new ParameterError(
			dialect.parameter,
			`${which(index)} is ${quote(entry)}, not a field`,
			`${dialect.example}.`,
		);
	}
	const rawLabel = entry.fieldLabel;
	const label = typeof rawLabel === 'number' ? String(rawLabel) : rawLabel;
	if (typeof label !== 'string' || label.trim() === '') {
		throw new ParameterError(
			dialect.parameter,
			`${which(index)} has no ${dialect.label}${isUnset(label) || label === '' ? '' : ` (got ${quote(label)})`}`,
			`Give every field a ${dialect.label}: the question the person sees, e.g. "Name".`,
		);
	}
	const name = label.trim();
	if (RESERVED_LABELS.includes(name)) {
		throw new ParameterError(
			dialect.parameter,
			`${which(index, name)} has a ${dialect.label} the output uses itself (${RESERVED_LABELS.join(', ')})`,
			`Choose another ${dialect.label}, e.g. "${name} (answer)".`,
		);
	}
	const rawType = isUnset(entry.fieldType) || entry.fieldType === '' ? 'text' : entry.fieldType;
	const type = FORM_FIELD_TYPES.find((known) => known === rawType);
	if (type === undefined) {
		throw new ParameterError(
			dialect.parameter,
			`${which(index, name)} has ${dialect.type} ${quote(rawType)}, which a response page cannot show`,
			`Use one of: ${FORM_FIELD_TYPES.join(', ')}.`,
		);
	}
	const field: FormField = {
		label: name,
		type,
		required: readBoolean(dialect, dialect.required, index, name, entry.requiredField),
	};
	const placeholder = entry.placeholder;
	if (!isUnset(placeholder) && typeof placeholder !== 'string' && typeof placeholder !== 'number') {
		throw new ParameterError(
			dialect.parameter,
			`${which(index, name)} has ${dialect.placeholder} ${quote(placeholder)}, not text`,
			`Give ${dialect.placeholder} as text, or leave it out.`,
		);
	}
	if (!isUnset(placeholder) && String(placeholder) !== '') field.placeholder = String(placeholder);
	if (FIELD_TYPES_WITH_OPTIONS.includes(type)) {
		field.options = readOptions(dialect, index, name, type, entry.fieldOptions);
	}
	if (type === 'dropdown') {
		field.multiselect = readBoolean(dialect, dialect.multiselect, index, name, entry.multiselect);
	}
	return field;
}

function readFields(dialect: Dialect, entries: unknown[]): FormField[] {
	if (entries.length === 0) {
		throw new ParameterError(dialect.parameter, 'has no fields', `${dialect.example}.`);
	}
	if (entries.length > LIMITS.wait.formFields) {
		throw new ParameterError(
			dialect.parameter,
			`has ${entries.length} fields, more than ${LIMITS.wait.formFields}`,
			`Keep to ${LIMITS.wait.formFields} fields: a form a person fills in on a phone.`,
		);
	}
	const fields = entries.map((entry, index) => readField(dialect, index, entry));
	fields.forEach((field, index) => {
		const first = fields.findIndex((other) => other.label === field.label);
		if (first !== index) {
			throw new ParameterError(
				dialect.parameter,
				`${which(index, field.label)} has the same ${dialect.label} as field ${first + 1}`,
				`Give every field its own ${dialect.label}: the answer is keyed by it.`,
			);
		}
	});
	return fields;
}

/** From the node's "Form Fields" parameter as n8n hands it: { values: [{ fieldLabel, fieldType, requiredField, placeholder, fieldOptions: { values: [{ option }] }, multiselect }] } */
export function formFieldsFromParameter(parameter: unknown): FormField[] {
	const entries = isObject(parameter) ? parameter.values : isUnset(parameter) ? [] : parameter;
	if (isUnset(entries)) return readFields(UI, []);
	if (!Array.isArray(entries)) {
		throw new ParameterError(
			PARAMETER,
			`is ${quote(parameter)}, not a list of fields`,
			`${UI.example}.`,
		);
	}
	return readFields(UI, entries);
}

/** Where a JSON text stops being valid JSON (an offset), or undefined when it is valid. */
export function jsonErrorOffset(text: string): number | undefined {
	let at = 0;
	// Control characters (below U+0020) are checked apart: no-control-regex.
	const STRING = /"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
	const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
	const LITERAL = /true|false|null/y;
	const space = () => {
		while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
	};
	const token = (pattern: RegExp) => {
		pattern.lastIndex = at;
		if (!pattern.test(text)) return false;
		const end = pattern.lastIndex;
		const control = pattern === STRING ? text.slice(at, end).search(/[^\x20-\uffff]/) : -1;
		at = control === -1 ? end : at + control;
		return control === -1;
	};
	/** An array or object: `item` until the closing bracket, separated by commas. */
	const list = (close: string, item: () => boolean) => {
		at++;
		space();
		if (text[at] !== close) {
			for (;;) {
				if (!item()) return false;
				space();
				if (text[at] === close) break;
				if (text[at] !== ',') return false;
				at++;
			}
		}
		at++;
		return true;
	};
	const value = (): boolean => {
		space();
		const start = text[at];
		if (start === '{') {
			return list('}', () => {
				space();
				if (!token(STRING)) return false;
				space();
				if (text[at] !== ':') return false;
				at++;
				return value();
			});
		}
		if (start === '[') return list(']', value);
		if (start === '"') return token(STRING);
		return token(NUMBER) || token(LITERAL);
	};
	try {
		if (!value()) return at;
	} catch {
		// Nesting deeper than the stack: no place to point at.
		return undefined;
	}
	space();
	return at < text.length ? at : undefined;
}

/** `line 3, column 7 (at "}")` for an offset in a text: the rest of that line, shortened. */
function place(text: string, offset: number): string {
	const before = text.slice(0, offset).split('\n');
	const line = before.length;
	const column = before[before.length - 1].length + 1;
	const rest = text.slice(offset).split(/\r?\n/)[0];
	const found =
		offset >= text.length
			? 'where it ends'
			: rest.trim() === ''
				? 'at the end of the line'
				: `at "${shorten(rest, 12)}"`;
	return `line ${line}, column ${column} (${found})`;
}

function parseJson(text: string): { valid: true; value: unknown } | { valid: false } {
	try {
		return { valid: true, value: JSON.parse(text) as unknown };
	} catch {
		return { valid: false };
	}
}

/** From the "Form Fields (JSON)" parameter: a JSON string or an already parsed array in n8n's Form format: [{ "fieldLabel": "Name", "fieldType": "text", "requiredField": true, "placeholder": "…", "fieldOptions": { "values": [{ "option": "A" }] }, "multiselect": false }] */
export function formFieldsFromJson(json: unknown): FormField[] {
	let parsed: unknown = json;
	if (typeof json === 'string') {
		if (json.trim() === '') return readFields(JSON_KEYS, []);
		const result = parseJson(json);
		if (result.valid) parsed = result.value;
		else {
			const offset = jsonErrorOffset(json);
			throw new ParameterError(
				JSON_PARAMETER,
				`is not valid JSON${offset === undefined ? '' : `: it breaks at ${place(json, offset)}`}`,
				'Write valid JSON (keys and texts in double quotes, no comma after the last entry), e.g. [{"fieldLabel": "Name", "fieldType": "text"}].',
			);
		}
	}
	if (isUnset(parsed)) return readFields(JSON_KEYS, []);
	if (!Array.isArray(parsed)) {
		throw new ParameterError(
			JSON_PARAMETER,
			`is ${isObject(parsed) ? 'a JSON object' : `JSON ${quote(parsed)}`}, not an array of fields`,
			`${JSON_KEYS.example}.`,
		);
	}
	return readFields(JSON_KEYS, parsed);
}

export type FormAnswer = Record<string, string | number | string[] | null>;

const NUMBER_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const EMAIL_TEXT = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(text: string): boolean {
	const match = DATE_TEXT.exec(text);
	if (!match) return false;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return date.toISOString().slice(0, 10) === text;
}

/** A submitted value as texts: one per input of that name; undefined when it is not text. */
function submitted(value: unknown): string[] | undefined {
	const parts = Array.isArray(value) ? value : isUnset(value) ? [] : [value];
	const texts: string[] = [];
	for (const part of parts) {
		if (typeof part === 'string') texts.push(part);
		else if (typeof part === 'number' || typeof part === 'boolean') texts.push(String(part));
		else return undefined;
	}
	return texts;
}

/** A submitted form (urlencoded body parsed by n8n: { 'field-0': 'x', 'field-1': ['a','b'] }) → the answer keyed by field label, values typed (number → number, checkbox/multiselect → string[], else string; empty optional → null); or the list of problems ("Name is required", "Age must be a number", "Colour must be one of A, B"). */
export function readSubmission(
	fields: FormField[],
	body: unknown,
): { answer: FormAnswer } | { problems: string[] } {
	const values = isObject(body) ? body : {};
	const answer: FormAnswer = {};
	const problems: string[] = [];
	fields.forEach((field, index) => {
		const { label, type, options = [] } = field;
		const texts = submitted(values[fieldName(index)]);
		if (texts === undefined) {
			problems.push(`${label} must be text`);
			return;
		}
		const oneOf = `${label} must be one of ${options.join(', ')}`;
		if (type === 'checkbox' || (type === 'dropdown' && field.multiselect === true)) {
			const chosen = texts.filter((text, at) => text !== '' && texts.indexOf(text) === at);
			if (chosen.length === 0) {
				if (field.required) problems.push(`${label} is required`);
				else answer[label] = null;
			} else if (chosen.some((text) => !options.includes(text))) problems.push(oneOf);
			else answer[label] = chosen;
			return;
		}
		if (texts.length > 1) {
			problems.push(`${label} takes one answer`);
			return;
		}
		// Browsers send line breaks as CRLF.
		const text = (texts[0] ?? '').replace(/\r\n?/g, '\n');
		const trimmed = text.trim();
		if (trimmed === '') {
			if (field.required) problems.push(`${label} is required`);
			else answer[label] = null;
			return;
		}
		if (type === 'number') {
			if (NUMBER_TEXT.test(trimmed) && Number.isFinite(Number(trimmed))) {
				answer[label] = Number(trimmed);
			} else problems.push(`${label} must be a number`);
		} else if (type === 'email') {
			if (EMAIL_TEXT.test(trimmed)) answer[label] = trimmed;
			else problems.push(`${label} must be an email address`);
		} else if (type === 'date') {
			if (isDate(trimmed)) answer[label] = trimmed;
			else problems.push(`${label} must be a date (YYYY-MM-DD)`);
		} else if (type === 'dropdown' || type === 'radio') {
			if (options.includes(text)) answer[label] = text;
			else problems.push(oneOf);
		} else answer[label] = text;
	});
	return problems.length > 0 ? { problems } : { answer };
}
