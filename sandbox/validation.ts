/**
 * ajv validation of request bodies and query strings, with ajv's errors turned into Infobip's
 * `validationErrors` map: field path (`destinations[0].to.phoneNumber`) → messages.
 */
import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';

import { isInfobipDate } from './dates';
import type { ValidationErrors } from './envelopes';
import {
	drillSchema,
	logsQuerySchema,
	reportsQuerySchema,
	scenarioRequestSchema,
	scenariosQuerySchema,
	sendRequestSchema,
} from './schemas';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/[^\s/]+\S*$/i;

const FORMAT_MESSAGES: Record<string, string> = {
	'infobip-date-time':
		"must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2024-05-24T10:45:38.000+0000",
	'http-url': 'must be an http or https URL',
	email: 'must be a valid e-mail address',
};

function newAjv(coerceTypes: boolean): Ajv {
	const ajv = new Ajv({
		allErrors: true,
		strict: true,
		// `if` branches name fields declared by the parent schema.
		strictRequired: false,
		coerceTypes,
		allowUnionTypes: true,
	});
	ajv.addFormat('infobip-date-time', { type: 'string', validate: isInfobipDate });
	ajv.addFormat('http-url', HTTP_URL);
	ajv.addFormat('email', EMAIL);
	return ajv;
}

/** `/destinations/0/to/phoneNumber` → `destinations[0].to.phoneNumber`. */
export function fieldPath(pointer: string, child?: string): string {
	const segments = pointer
		.split('/')
		.slice(1)
		.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
	if (child !== undefined) segments.push(child);
	return segments.reduce(
		(path, segment) =>
			/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
		'',
	);
}

function messageFor(error: ErrorObject, path: string): string | undefined {
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required':
			return 'must not be null';
		case 'additionalProperties':
			return 'unknown field';
		case 'minItems':
			return params.limit === 1
				? 'must not be empty'
				: `must contain at least ${String(params.limit)} items`;
		case 'maxItems':
			return `must contain at most ${String(params.limit)} items`;
		case 'minLength':
			return params.limit === 1
				? 'must not be empty'
				: `length must be at least ${String(params.limit)}`;
		case 'maxLength':
			return `length must be at most ${String(params.limit)}`;
		case 'minProperties':
			return 'must contain at least one destination address (phoneNumber, emailAddress, pushRegistrationId, whatsAppUserId, facebookUserKey or lineUserKey)';
		case 'enum':
			return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
		case 'const':
			return `must be ${String(params.allowedValue)}`;
		case 'type':
			return `must be ${params.type === 'integer' || params.type === 'array' || params.type === 'object' ? 'an' : 'a'} ${String(params.type)}`;
		case 'minimum':
			return `must be greater than or equal to ${String(params.limit)}`;
		case 'maximum':
			return `must be less than or equal to ${String(params.limit)}`;
		case 'uniqueItems':
			return 'must not contain duplicates';
		case 'format':
			return FORMAT_MESSAGES[String(params.format)] ?? `must be a valid ${String(params.format)}`;
		case 'pattern':
			return path.endsWith('phoneNumber')
				? 'must be a phone number in international format, digits only, e.g. 41793026727'
				: `must match ${String(params.pattern)}`;
		// Composite keywords only restate the errors of their branches.
		case 'if':
		case 'anyOf':
		case 'allOf':
			return undefined;
		default:
			return error.message;
	}
}

export function toValidationErrors(errors: ErrorObject[] | null | undefined): ValidationErrors {
	const result: ValidationErrors = {};
	for (const error of errors ?? []) {
		const params = error.params as Record<string, unknown>;
		const child =
			error.keyword === 'required'
				? String(params.missingProperty)
				: error.keyword === 'additionalProperties'
					? String(params.additionalProperty)
					: undefined;
		const path = fieldPath(error.instancePath, child) || 'request';
		const message = messageFor(error, path);
		if (message === undefined) continue;
		addValidationError(result, path, message);
	}
	return result;
}

export function addValidationError(errors: ValidationErrors, path: string, message: string): void {
	const messages = (errors[path] ??= []);
	if (!messages.includes(message)) messages.push(message);
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ValidationErrors };

export interface Validators {
	send(body: unknown): Validated<Record<string, unknown>>;
	scenario(body: unknown): Validated<Record<string, unknown>>;
	scenariosQuery(query: unknown): Validated<Record<string, unknown>>;
	reportsQuery(query: unknown): Validated<Record<string, unknown>>;
	logsQuery(query: unknown): Validated<Record<string, unknown>>;
	drill(body: unknown): Validated<Record<string, unknown>>;
}

function validatorOf(validate: ValidateFunction, copy: boolean) {
	return (data: unknown): Validated<Record<string, unknown>> => {
		// Query objects are copied because coercion rewrites values in place.
		const value = copy && data && typeof data === 'object' ? { ...(data as object) } : data;
		if (validate(value)) return { ok: true, value: value as Record<string, unknown> };
		return { ok: false, errors: toValidationErrors(validate.errors) };
	};
}

/** Compiles every schema once (at sandbox start). */
export function createValidators(): Validators {
	const bodies = newAjv(false);
	const queries = newAjv(true);
	const compile = (ajv: Ajv, schema: SchemaObject) => ajv.compile(schema);
	return {
		send: validatorOf(compile(bodies, sendRequestSchema), false),
		scenario: validatorOf(compile(bodies, scenarioRequestSchema), false),
		drill: validatorOf(compile(bodies, drillSchema), false),
		scenariosQuery: validatorOf(compile(queries, scenariosQuerySchema), true),
		reportsQuery: validatorOf(compile(queries, reportsQuerySchema), true),
		logsQuery: validatorOf(compile(queries, logsQuerySchema), true),
	};
}
