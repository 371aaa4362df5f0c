import type { IDataObject } from 'n8n-workflow';

/** One field Infobip named as wrong, from either error envelope. */
export interface FieldViolation {
	field: string;
	message: string;
}

/** Infobip's error body, whichever envelope it came in, reduced to what a user can act on. */
export interface InfobipErrorDetails {
	/** `BAD_REQUEST`, `E400`, … when Infobip gave one. */
	code?: string;
	/** Infobip's own sentence, e.g. "Invalid login details". */
	text?: string;
	/** What Infobip suggests doing (newer envelope only). */
	action?: string;
	violations: FieldViolation[];
}

/**
 * One violation in the node's own words (field label, item, fix), or undefined to keep Infobip's
 * `path: message` as it is. Given by the operation that knows what the request's paths stand for.
 */
export type ViolationReader = (violation: FieldViolation) => string | undefined;

/** What the user reads: `message` says what happened, `description` how to fix it. */
export interface ReadableError {
	message: string;
	description: string;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const asText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Reads both envelopes: the legacy `requestError.serviceException` of every OMNI endpoint and
 * the newer `errorCode`/`description`/`violations` (https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes).
 */
export function parseInfobipError(body: unknown): InfobipErrorDetails {
	if (!isObject(body)) {
		const text = asText(body);
		// A gateway or proxy page is not Infobip's answer: name it instead of pasting it.
		if (text && /^\s*</.test(text))
			return { text: "an HTML page, not Infobip's API", violations: [] };
		return { text: text && text.length > 300 ? `${text.slice(0, 300)}…` : text, violations: [] };
	}

	const requestError = isObject(body.requestError) ? body.requestError : undefined;
	const serviceException =
		requestError && isObject(requestError.serviceException)
			? requestError.serviceException
			: undefined;
	if (serviceException) {
		const violations: FieldViolation[] = [];
		if (isObject(serviceException.validationErrors)) {
			for (const [field, messages] of Object.entries(serviceException.validationErrors)) {
				for (const message of Array.isArray(messages) ? messages : [messages]) {
					violations.push({ field, message: String(message) });
				}
			}
		}
		return {
			code: asText(serviceException.messageId),
			text: asText(serviceException.text),
			violations,
		};
	}

	if (asText(body.errorCode) || asText(body.description) || Array.isArray(body.violations)) {
		const violations = (Array.isArray(body.violations) ? body.violations : [])
			.filter(isObject)
			.map((violation) => ({
				field: asText(violation.property) ?? '(request)',
				message: asText(violation.violation) ?? 'is not valid',
			}));
		return {
			code: asText(body.errorCode),
			text: asText(body.description),
			action: asText(body.action),
			violations,
		};
	}

	return { violations: [] };
}

/** API-key scopes per endpoint family (the `x-scopes` of each operation, https://www.infobip.com/docs/api/channels/omni-failover): a 403 names the one that is missing. */
export function scopesFor(path: string): string {
	if (path.startsWith('/omni/1/scenarios')) return 'omni-failover:manage';
	if (path.startsWith('/omni/1/logs')) return 'omni-failover:logs:read or omni-failover:manage';
	return 'omni-failover:message:send, message:send or omni-failover:manage';
}

const withCode = (details: InfobipErrorDetails, status: number): string => {
	const code = details.code ? `${status} ${details.code}` : `${status}`;
	return details.text ? `${code}: ${details.text}` : code;
};

/** Builds the message and the fix for an HTTP answer Infobip refused (status ≥ 400). */
export function describeHttpError(
	status: number,
	details: InfobipErrorDetails,
	request: { method: string; path: string },
	readViolation?: ViolationReader,
): ReadableError {
	const own = details.violations.map((v) => `${v.field}: ${v.message}`).join('; ');
	const read = details.violations.map((v) => readViolation?.(v) ?? `${v.field}: ${v.message}`);
	// Translated paths keep Infobip's own words next to them, so that nothing is hidden.
	const fields = read.join('; ') === own ? own : `${read.join('; ')}. Infobip's own words: ${own}`;
	const action = details.action ? ` ${details.action}` : '';

	if (status === 400) {
		return {
			message: `Infobip refused the request (${withCode(details, status)})`,
			description: fields
				? `Fix these fields: ${fields}.${action}`
				: `Check the values sent to ${request.method} ${request.path}.${action}`,
		};
	}
	if (status === 401) {
		return {
			message: `Infobip did not accept the credentials (${withCode(details, status)})`,
			description:
				"Check the credential's username and password (or its API key, which may have expired or been revoked), and that its Base URL is your account's own xxxxx.api.infobip.com address.",
		};
	}
	if (status === 403) {
		return {
			message: `Infobip denied access to ${request.method} ${request.path} (${withCode(details, status)})`,
			description: `The API key lacks a scope this operation needs: ${scopesFor(request.path)}. Add it to the key on the Infobip portal (Developer tools > API keys), or use Basic auth.`,
		};
	}
	if (status === 404) {
		return {
			message: `Infobip found nothing at ${request.method} ${request.path} (${withCode(details, status)})`,
			description: request.path.startsWith('/omni/1/scenarios/')
				? 'No scenario has this key on this account. Pick the scenario from the list, or check the key and the credential used.'
				: "Check the credential's Base URL: it must be your account's API address, without a path.",
		};
	}
	if (status === 409) {
		return {
			message: `Infobip refused the scenario (${withCode(details, status)})`,
			description: `Check the scenario's steps and senders.${action}`,
		};
	}
	return {
		message: `Infobip answered ${withCode(details, status)} to ${request.method} ${request.path}`,
		description: fields ? `Infobip named these fields: ${fields}.${action}` : action.trim(),
	};
}
