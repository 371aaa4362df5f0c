/** Infobip's legacy error envelope (`ApiException`), used by every OMNI endpoint. */

export type ValidationErrors = Record<string, string[]>;

export interface ApiException {
	requestError: {
		serviceException: {
			messageId: string;
			text: string;
			validationErrors?: ValidationErrors;
		};
	};
}

export function apiException(
	messageId: string,
	text: string,
	validationErrors?: ValidationErrors,
): ApiException {
	return {
		requestError: {
			serviceException: validationErrors
				? { messageId, text, validationErrors }
				: { messageId, text },
		},
	};
}

/** The envelope for each HTTP status the sandbox answers with (texts from the spec's examples). */
export const ERROR_ENVELOPES: Record<number, { messageId: string; text: string }> = {
	400: { messageId: 'BAD_REQUEST', text: 'Bad request' },
	401: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' },
	403: { messageId: 'FORBIDDEN', text: 'Forbidden' },
	404: { messageId: 'NOT_FOUND', text: 'Not found' },
	405: { messageId: 'METHOD_NOT_ALLOWED', text: 'Method not allowed' },
	410: { messageId: 'GONE', text: 'Gone' },
	413: { messageId: 'BAD_REQUEST', text: 'Request entity too large' },
	415: { messageId: 'BAD_REQUEST', text: 'Unsupported media type' },
	429: { messageId: 'TOO_MANY_REQUESTS', text: 'Too many requests' },
	500: { messageId: 'GENERAL_ERROR', text: 'Something went wrong. Please contact support.' },
	502: { messageId: 'GENERAL_ERROR', text: 'Bad gateway' },
	503: { messageId: 'GENERAL_ERROR', text: 'Service unavailable' },
};

export function envelopeForStatus(statusCode: number, text?: string): ApiException {
	const known = ERROR_ENVELOPES[statusCode] ?? ERROR_ENVELOPES[500];
	return apiException(known.messageId, text ?? known.text);
}

/** A gateway's HTML error page, for drills that imitate a proxy in front of Infobip. */
export function gatewayHtml(statusCode: number): string {
	const title =
		statusCode === 502 ? 'Bad Gateway' : statusCode === 503 ? 'Service Unavailable' : 'Error';
	return `<html><head><title>${statusCode} ${title}</title></head><body><h1>${statusCode} ${title}</h1></body></html>\n`;
}
