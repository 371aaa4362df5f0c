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
	/** Infobip's pages about the error (newer envelope's `resources`), e.g. "API Scopes". */
	resources?: Array<{ name: string; url: string }>;
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
		const resources = (Array.isArray(body.resources) ? body.resources : [])
			.filter(isObject)
			.map((resource) => ({ name: asText(resource.name) ?? '', url: asText(resource.url) ?? '' }))
			.filter((resource) => resource.url !== '');
		return {
			code: asText(body.errorCode),
			text: asText(body.description),
			action: asText(body.action),
			violations,
			...(resources.length ? { resources } : {}),
		};
	}

	return { violations: [] };
}

/**
 * API-key scopes per endpoint family, from each operation's `x-scopes`
 * (https://www.infobip.com/docs/api/channels/omni-failover,
 * https://www.infobip.com/docs/api/platform/messages-api): a 403 names the ones that would do.
 */
export function scopesFor(path: string): string {
	if (path.startsWith('/omni/1/scenarios')) return 'omni-failover:manage';
	if (path.startsWith('/omni/1/logs')) return 'omni-failover:logs:read or omni-failover:manage';
	if (path.startsWith('/omni/')) {
		return 'omni-failover:message:send, message:send or omni-failover:manage';
	}
	if (path.startsWith('/messages-api/1/inbound')) {
		return 'inbound-message:read or messages-api:manage';
	}
	if (path.startsWith('/messages-api/')) {
		return 'message:send, messages-api:message:send or messages-api:manage';
	}
	if (path.startsWith('/whatsapp/')) return 'the WhatsApp template scope';
	return 'the scope of this endpoint (see its page in Infobip API reference)';
}

/** ` See Infobip's pages: API Scopes (https://…).` from the newer envelope, or ''. */
const resourcesText = (details: InfobipErrorDetails): string =>
	details.resources?.length
		? ` See ${details.resources.map((r) => (r.name ? `${r.name} (${r.url})` : r.url)).join(', ')}.`
		: '';

/**
 * What to change after a 429, by endpoint family: OMNI publishes its limits
 * (https://www.infobip.com/docs/api/channels/omni-failover), the Messages API publishes none for
 * sends, reports and inbound reads, only for Validate
 * (https://www.infobip.com/docs/developer-resources/errors-and-responses/rate-limits-and-throttling).
 */
export function throttleAdvice(path: string): string {
	if (path.startsWith('/omni/')) {
		return 'OMNI allows 20 scenario creations and 40 updates per 10 minutes, and 120 log reads per minute.';
	}
	if (path.startsWith('/messages-api/1/messages/validate')) {
		return 'Infobip throttles Message → Validate far more than sends (10 requests per time window): validate a sample, not every item.';
	}
	if (path.startsWith('/messages-api/')) {
		return 'Infobip publishes no fixed limit for Messages API sends, reports and inbound reads: lower Requests per Second under Request Settings (sends), or run the reads less often.';
	}
	return 'Infobip limits this endpoint per account.';
}

const withCode = (details: InfobipErrorDetails, status: number): string => {
	const code = details.code ? `${status} ${details.code}` : `${status}`;
	return details.text ? `${code}: ${details.text}` : code;
};

/** Builds the message and the fix for an HTTP answer Infobip refused (status ≥ 400). */
export function describeHttpError(
	status: number,
	details: InfobipErrorDetails,
	request: { method: string; path: string; successor?: string },
	readViolation?: ViolationReader,
): ReadableError {
	const own = details.violations.map((v) => `${v.field}: ${v.message}`).join('; ');
	const read = details.violations.map((v) => readViolation?.(v) ?? `${v.field}: ${v.message}`);
	// Translated paths keep Infobip's own words next to them, so that nothing is hidden.
	const fields = read.join('; ') === own ? own : `${read.join('; ')}. Infobip's own words: ${own}`;
	const action = details.action ? ` ${details.action}` : '';
	const see = resourcesText(details);
	// Infobip's violations often end with a period already ("Violation message.").
	const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

	if (status === 400) {
		return {
			message: `Infobip refused the request (${withCode(details, status)})`,
			description: fields
				? `Fix these fields: ${sentence(fields)}${action}${see}`
				: `Check the values sent to ${request.method} ${request.path}.${action}${see}`,
		};
	}
	if (status === 401) {
		return {
			message: `Infobip did not accept the credentials (${withCode(details, status)})`,
			description: `Check the credential's username and password (or its API key, which may have expired or been revoked), and that its Base URL is your account's own xxxxx.api.infobip.com address.${see}`,
		};
	}
	if (status === 403) {
		return {
			message: `Infobip denied access to ${request.method} ${request.path} (${withCode(details, status)})`,
			description: `The API key lacks a scope this operation needs: ${scopesFor(request.path)}. Add it to the key on the Infobip portal (Developer tools > API keys), or use Basic auth.${see}`,
		};
	}
	if (status === 404) {
		return {
			message: `Infobip found nothing at ${request.method} ${request.path} (${withCode(details, status)})`,
			description: request.path.startsWith('/omni/1/scenarios/')
				? 'No scenario has this key on this account. Pick the scenario from the list, or check the key and the credential used.'
				: request.path.startsWith('/omni/')
					? "Check the credential's Base URL: it must be your account's API address, without a path."
					: `Check the credential's Base URL: it must be your account's API address, without a path. If it is, this account may not have this API enabled: ask your Infobip account manager.${see}`,
		};
	}
	if (status === 410) {
		return describeGone(details, request);
	}
	if (status === 409) {
		return {
			message: `Infobip refused the scenario (${withCode(details, status)})`,
			description: `Check the scenario's steps and senders.${action}`,
		};
	}
	return {
		message: `Infobip answered ${withCode(details, status)} to ${request.method} ${request.path}`,
		description: (fields
			? `Infobip named these fields: ${sentence(fields)}${action}${see}`
			: `${action}${see}`
		).trim(),
	};
}

/**
 * 410 Gone: Infobip answers it after an endpoint's sunset date
 * (https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation). Retrying cannot help.
 */
export function describeGone(
	details: InfobipErrorDetails,
	request: { method: string; path: string; successor?: string },
): ReadableError {
	const endpoint = `${request.method} ${request.path}`;
	const words = details.text || details.code ? ` (${withCode(details, 410)})` : '';
	const retired = `Infobip no longer serves this endpoint: it answers 410 Gone after the endpoint's sunset date (https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation).`;
	const omni = request.path.startsWith('/omni/');
	const fix = omni
		? `Switch to the Infobip Messages API node: it sends the same messages (with inline failover to SMS) through POST /messages-api/1/messages, and its Delivery Report → Get Many replaces OMNI's.${request.successor ? ` Infobip names the successor: ${request.successor}.` : ''}`
		: request.successor
			? `Infobip names the successor: ${request.successor}. Update this package to a version that uses it.`
			: 'Update this package to a version that uses the successor endpoint, or ask Infobip support which endpoint replaced it.';
	return {
		message: `Infobip has retired ${endpoint}${words}`,
		description: `${retired} ${fix}`,
	};
}
