/**
 * Infobip's ApiError envelope, used by the Messages API (and the WhatsApp templates endpoint):
 * `{errorCode, description, action, violations, resources}`. Texts from the spec's examples
 * (components/responses ApiError401/403/429/500 and the 400 example of POST /messages-api/1/messages).
 */
import type { Violation } from './validation';

export interface ApiErrorResource {
	name: string;
	url: string;
}

export interface ApiError {
	errorCode: string;
	description: string;
	action: string;
	violations: Violation[];
	resources: ApiErrorResource[];
}

export const API_ERRORS: Record<number, Omit<ApiError, 'violations'>> = {
	400: {
		errorCode: 'E400',
		description: 'Request cannot be processed.',
		action: 'Check the syntax, violations and adjust the request.',
		resources: [],
	},
	401: {
		errorCode: 'E401',
		description: 'The request lacks valid authentication credentials for the requested resource.',
		action: 'Check the resources and adjust authentication credentials.',
		resources: [
			{
				name: 'API Authentication',
				url: 'https://www.infobip.com/docs/essentials/api-authentication',
			},
		],
	},
	403: {
		errorCode: 'E403',
		description: 'Insufficient permissions to access the requested resource.',
		action: 'Repeat the request with new or different credentials.',
		resources: [
			{
				name: 'API Scopes',
				url: 'https://www.infobip.com/docs/essentials/api-essentials/api-authorization#api-scopes',
			},
		],
	},
	404: {
		errorCode: 'E404',
		description: 'Requested resource not found.',
		action: 'Check the request URL and adjust it.',
		resources: [],
	},
	413: {
		errorCode: 'E413',
		description: 'Request entity too large.',
		action: 'Send fewer or smaller messages per request.',
		resources: [],
	},
	415: {
		errorCode: 'E415',
		description: 'Unsupported media type.',
		action: 'Send the request as application/json.',
		resources: [],
	},
	// Sandbox wording (the specs give no 410 example): what a sunset endpoint would answer.
	410: {
		errorCode: 'E410',
		description: 'The requested resource is no longer available.',
		action: 'Use the endpoint that replaces it, as the Sunset documentation says.',
		resources: [],
	},
	429: {
		errorCode: 'E429',
		description: 'Too many requests sent.',
		action: 'Check request rate limit specified in the API endpoint documentation resource.',
		resources: [
			{
				name: 'Throttling handling errors',
				url: 'https://www.infobip.com/docs/essentials/integration-best-practices#throttling-handling-errors',
			},
		],
	},
	500: {
		errorCode: 'E500',
		description: 'Something went wrong.',
		action: 'Contact the support.',
		resources: [],
	},
	502: {
		errorCode: 'E502',
		description: 'Bad gateway.',
		action: 'Retry the request later.',
		resources: [],
	},
	503: {
		errorCode: 'E503',
		description: 'Service unavailable.',
		action: 'Retry the request later.',
		resources: [],
	},
};

export function apiError(statusCode: number, violations: Violation[] = []): ApiError {
	const known = API_ERRORS[statusCode] ?? { ...API_ERRORS[500], errorCode: `E${statusCode}` };
	return {
		errorCode: known.errorCode,
		description: known.description,
		action: known.action,
		violations,
		resources: known.resources.map((resource) => ({ ...resource })),
	};
}

/** Paths answered with the ApiError envelope rather than OMNI's legacy one. */
export const isApiErrorPath = (path: string): boolean =>
	path.startsWith('/messages-api/') || path.startsWith('/whatsapp/');

/** A truncated Messages API answer, for the `malformedJson` drill on these paths. */
export const MESSAGES_API_MALFORMED_JSON =
	'{"bulkId":"1688025180464000013","messages":[{"messageId":';
