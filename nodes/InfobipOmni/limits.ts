/** Infobip's documented limits and this node's own bounds, in one place (https://www.infobip.com/docs/api/channels/omni-failover/send-omni-failover-message, …/get-omni-failover-delivery-reports, …/get-omni-failover-message-logs). */
export const LIMITS = {
	/** `sendAt` must be sooner than this many days from now. */
	sendAtMaxDays: 180,
	/** `callbackData` length. */
	callbackDataMaxLength: 4000,
	/** Validity per channel step: more than the minimum, at most the maximum (seconds). */
	validity: {
		default: { minSeconds: 30, maxSeconds: 48 * 3600 },
		VIBER: { minSeconds: 35, maxSeconds: 14 * 24 * 3600 },
	} as Record<string, { minSeconds: number; maxSeconds: number }>,
	/** Phone numbers: international format, digits only after normalisation (E.164 allows 15). */
	phoneDigits: { min: 6, max: 15 },
	whatsAppUserIdMaxLength: 150,
	/** `limit` on GET /omni/1/reports and /omni/1/logs. */
	reportsPageMax: 1000,
	/** What Infobip returns when `limit` is left out (reports and logs). */
	reportsDefaultPage: 50,
	logsPageMax: 1000,
	/** Logs cover this many hours back. */
	logsWindowHours: 48,
	/** Destinations combined into one send request. */
	batchSize: { default: 100, max: 1000 },
	/**
	 * Send requests in flight at once. Infobip publishes no rate limit for POST /omni/1/advanced
	 * (https://www.infobip.com/docs/developer-resources/api-fundamentals/rate-limits-and-throttling); a 429 is retried
	 * after Retry-After. At 20, a personalised send in the n8n app is bound by n8n's own HTTP
	 * work (about 2.5 ms per request), not by waiting (README, Performance).
	 */
	requestsInFlight: { default: 20, max: 50 },
	/**
	 * The Messages API's own limits (https://www.infobip.com/docs/api/platform/messages-api/message/send-messages-api-message):
	 * validity at least 10 seconds and at most 48 hours (Infobip cuts longer ones to 48 hours
	 * without saying so: refused here instead), IDs and texts as long as the spec allows.
	 */
	messagesApi: {
		validity: { minSeconds: 10, maxSeconds: 48 * 3600 },
		validityUnits: { SECONDS: 1, MINUTES: 60, HOURS: 3600 },
		callbackDataMaxLength: 4000,
		messageIdMaxLength: 200,
		bulkIdMaxLength: 100,
		sendAtMaxDays: 180,
		locationTextMaxLength: 1000,
		latitude: { min: -90, max: 90 },
		longitude: { min: -180, max: 180 },
		/** `options.correlationData` */
		correlationDataMaxLength: 100,
		platformIdMaxLength: 255,
	},
	/** Send and Wait's response pages (this node's own bounds: a form a person fills in on a phone). */
	wait: {
		/** Fields of a Custom Form response. */
		formFields: 50,
	},
} as const;

export const VALIDITY_UNITS_IN_SECONDS: Record<string, number> = {
	SECONDS: 1,
	MINUTES: 60,
	HOURS: 3600,
	DAYS: 86400,
};

export function validityLimitsFor(channel: string) {
	return LIMITS.validity[channel] ?? LIMITS.validity.default;
}
