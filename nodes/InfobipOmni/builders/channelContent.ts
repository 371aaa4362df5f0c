import type { IDataObject } from 'n8n-workflow';

import { channelName } from '../channels';
import {
	CONTENT_BY_CHANNEL,
	contentTypeOf,
	fieldLabel,
	fieldsOf,
	type ChannelContentSpec,
	type ContentField,
} from '../channels/content';
import { checkChannel } from './channel';
import { ParameterError } from './parameterError';
import { checkShape } from './shape';
import { buildValidity } from './validity';
import { asText, checkHttpUrl, quote } from './values';

/** Builds channel content objects from the field table in channels/content.ts (https://www.infobip.com/docs/api/channels/omni-failover/send-omni-failover-message). */

function setPath(target: IDataObject, path: string, value: unknown) {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as IDataObject;
	node[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}

function getPath(source: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((node, key) => (node as IDataObject | undefined)?.[key], source);
}

/** Reads one field's raw UI value; undefined means "not set" and leaves the key out. */
function readField(field: ContentField, raw: unknown, label: string): unknown {
	const fieldName = `${label} → ${field.label}`;
	const fail = (problem: string, fix: string): never => {
		throw new ParameterError(fieldName, problem, fix);
	};
	if (raw === undefined || raw === null || raw === '') return undefined;
	switch (field.type) {
		case 'boolean':
			return raw === true ? true : undefined;
		case 'number': {
			const text = typeof raw === 'number' ? undefined : asText(fieldName, raw).trim();
			if (text === '') return undefined;
			const value = text === undefined ? (raw as number) : Number(text);
			if (!Number.isFinite(value))
				return fail(`${quote(raw)} is not a number`, 'Give a number, e.g. 45.8150.');
			if (field.integer && !Number.isInteger(value)) {
				fail(`${value} is not a whole number`, 'Give a whole number, e.g. 45.');
			}
			if (
				(field.min !== undefined && value < field.min) ||
				(field.max !== undefined && value > field.max)
			) {
				fail(
					`${value} is out of range`,
					field.max === undefined
						? `Give a value of ${field.min} or more.`
						: `Give a value from ${field.min} to ${field.max}.`,
				);
			}
			return value;
		}
		case 'list': {
			const values = (Array.isArray(raw) ? raw : asText(fieldName, raw).split(','))
				.map((v: unknown) => asText(fieldName, v).trim())
				.filter((v) => v !== '');
			if (field.unique) {
				const repeated = values.find((v, i) => values.indexOf(v) !== i);
				if (repeated !== undefined) {
					fail(`it lists ${quote(repeated)} twice`, 'Give each value once.');
				}
			}
			return values.length ? values : undefined;
		}
		case 'json': {
			let value = raw;
			if (typeof raw === 'string') {
				if (raw.trim() === '') return undefined;
				try {
					value = JSON.parse(raw);
				} catch {
					return fail(
						'it is not valid JSON',
						`Write valid JSON, e.g. ${field.jsonShape === 'array' ? '[{...}]' : '{"key":"value"}'}.`,
					);
				}
			}
			const shape = Array.isArray(value)
				? 'array'
				: typeof value === 'object' && value !== null
					? 'object'
					: typeof value;
			if (field.jsonShape && shape !== field.jsonShape) {
				fail(`it is a JSON ${shape}, not an ${field.jsonShape}`, `Give a JSON ${field.jsonShape}.`);
			}
			// An empty {} or [] (the UI defaults: an empty default shows a JSON error in the editor) is unset.
			if ((shape === 'object' || shape === 'array') && Object.keys(value as object).length === 0) {
				return undefined;
			}
			const problem = field.shape ? checkShape(value, field.shape) : undefined;
			if (problem) fail(problem.problem, problem.fix);
			return value;
		}
		default: {
			const text = asText(fieldName, raw);
			const value = field.type === 'text' ? text : text.trim();
			if (value.trim() === '') return undefined;
			if (field.maxLength !== undefined && value.length > field.maxLength) {
				fail(
					`it has ${value.length} characters, more than Infobip's ${field.maxLength}`,
					`Shorten it to ${field.maxLength} characters.`,
				);
			}
			if (field.type === 'url' && !(field.allowTel && /^tel:\+?\d+$/.test(value))) {
				checkHttpUrl(fieldName, value);
			}
			if (field.type === 'options' && field.options && !field.options.includes(value)) {
				fail(
					`${quote(value)} is not one of ${field.options.join(', ')}`,
					`Use one of: ${field.options.join(', ')}.`,
				);
			}
			return value;
		}
	}
}

/**
 * One channel's content object from its UI values, or a ParameterError naming the field. A channel
 * with a message type sends only that type's fields and needs its required ones.
 */
export function buildChannelContent(
	channel: string,
	values: IDataObject,
	label = channelName(channel),
): IDataObject {
	checkChannel(channel);
	// Every OMNI channel has a spec (test/InfobipOmni/builders/builders.test.ts checks it).
	const spec = CONTENT_BY_CHANNEL.get(channel) as ChannelContentSpec;
	const choice = spec.contentType;
	const type = contentTypeOf(spec, values[choice?.param ?? '']);
	let content: IDataObject = {};
	if (choice) {
		if (!type) {
			const names = choice.types.map((t) => t.name).join(', ');
			throw new ParameterError(
				`${label} → ${choice.label}`,
				`${quote(values[choice.param])} is not one of ${choice.types.map((t) => t.value).join(', ')}`,
				`Choose one of: ${names}.`,
			);
		}
		if (choice.path && type.value !== choice.implied) setPath(content, choice.path, type.value);
	}
	const fields = fieldsOf(spec, type);
	for (const field of fields) {
		const value = readField(field, values[field.param], label);
		if (value === undefined) continue;
		if (field.path === '') content = { ...(value as IDataObject), ...content };
		else setPath(content, field.path, value);
	}
	for (const param of type?.required ?? []) {
		const field = fields.find((f) => f.param === param) as ContentField;
		if (getPath(content, field.path) !== undefined) continue;
		const example = field.placeholder ? ` (${field.placeholder})` : '';
		throw new ParameterError(
			`${label} → ${field.label}`,
			'it is empty',
			`Fill in ${field.label}${example}: ${fieldLabel(spec, type?.name ?? '')} messages need it. Or choose another type.`,
		);
	}
	const problem = spec.rule?.(content);
	if (problem)
		throw new ParameterError(`${label} → ${problem.field}`, problem.problem, problem.fix);
	// A validity period written into raw JSON content (Kakao) must keep the same limits.
	if (content.validityPeriod !== undefined) buildValidity(channel, content);
	return { ...content, ...buildValidity(channel, values) };
}
