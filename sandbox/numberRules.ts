/**
 * Deterministic delivery fixtures: which phone numbers deliver, fail, get rejected or expire,
 * which phone numbers are known Facebook users, and the network (mccMnc) of a number.
 */
import type { ErrorName, StatusName } from './statuses';

export type NumberOutcome = 'UNDELIVERABLE' | 'REJECTED' | 'EXPIRED' | 'SLOW' | 'DELIVERED';

export interface NumberRule {
	outcome: NumberOutcome;
	/** Inclusive range of the last four digits of the phone number; null for the fallback rule. */
	lastFourDigits: [string, string] | null;
	/** A ready-made number of the range, for tests and demos. */
	example: string;
	description: string;
}

/** Virtual-clock delays of the delivery simulation (see README, "Delivery rules"). */
export const DELIVERY_TIMINGS = {
	/** A step that delivers reports DELIVERED this long after it starts. */
	deliveredAfterMs: 1_000,
	/** A step that fails (UNDELIVERABLE) reports this long after it starts. */
	failedAfterMs: 1_000,
	/** A step that is rejected reports at once. */
	rejectedAfterMs: 0,
	/** Numbers of the SLOW range deliver after 5 minutes, unless the validity period ends first. */
	slowDeliveredAfterMs: 5 * 60_000,
} as const;

export const NUMBER_RULES: Record<NumberOutcome, NumberRule> = {
	UNDELIVERABLE: {
		outcome: 'UNDELIVERABLE',
		lastFourDigits: ['0001', '0099'],
		example: '41793000050',
		description:
			'Every phone step fails after 1 s: UNDELIVERABLE_NOT_DELIVERED (9), error EC_UNKNOWN_SUBSCRIBER (1, permanent); the next step runs.',
	},
	REJECTED: {
		outcome: 'REJECTED',
		lastFourDigits: ['0100', '0199'],
		example: '41793000150',
		description:
			'Every phone step is rejected at once: REJECTED_NETWORK (6, group 5), error NO_ERROR; the next step runs.',
	},
	EXPIRED: {
		outcome: 'EXPIRED',
		lastFourDigits: ['0200', '0299'],
		example: '41793000250',
		description:
			'Phone steps never get an answer: when the validity period ends (default and maximum 48 h) the step reports EXPIRED_EXPIRED (15), error EC_MESSAGE_EXPIRED (811); the next step runs.',
	},
	SLOW: {
		outcome: 'SLOW',
		lastFourDigits: ['0300', '0399'],
		example: '41793000350',
		description:
			'Phone steps deliver after 5 minutes, or expire first when the validity period is shorter.',
	},
	DELIVERED: {
		outcome: 'DELIVERED',
		lastFourDigits: null,
		example: '41793026727',
		description:
			'Any other number: phone steps deliver after 1 s (DELIVERED_TO_HANDSET, NO_ERROR).',
	},
};

/**
 * What a phone step reports for each outcome, and after how long on the sandbox clock
 * (`afterMs` undefined: no answer, the step expires when its validity period ends).
 */
export const OUTCOME_REPORTS: Record<
	NumberOutcome,
	{ status: StatusName; error: ErrorName; afterMs: number | undefined }
> = {
	UNDELIVERABLE: {
		status: 'UNDELIVERABLE_NOT_DELIVERED',
		error: 'EC_UNKNOWN_SUBSCRIBER',
		afterMs: DELIVERY_TIMINGS.failedAfterMs,
	},
	REJECTED: {
		status: 'REJECTED_NETWORK',
		error: 'NO_ERROR',
		afterMs: DELIVERY_TIMINGS.rejectedAfterMs,
	},
	EXPIRED: { status: 'EXPIRED_EXPIRED', error: 'EC_MESSAGE_EXPIRED', afterMs: undefined },
	SLOW: {
		status: 'DELIVERED_TO_HANDSET',
		error: 'NO_ERROR',
		afterMs: DELIVERY_TIMINGS.slowDeliveredAfterMs,
	},
	DELIVERED: {
		status: 'DELIVERED_TO_HANDSET',
		error: 'NO_ERROR',
		afterMs: DELIVERY_TIMINGS.deliveredAfterMs,
	},
};

/**
 * Numbers Infobip refuses at request level: a send holding one is answered 400 BAD_REQUEST with
 * a validation error on that destination, and nothing of the request is accepted. This stands
 * for refusals a client cannot foresee, so that clients can prove they isolate the bad
 * destination of a combined request.
 */
export const REFUSED_DESTINATIONS = {
	lastFourDigits: ['0400', '0499'] as [string, string],
	example: '41793000450',
	message: 'destination refused (sandbox rule: numbers ending 0400-0499)',
};

export function isRefusedDestination(phoneNumber: string | undefined): boolean {
	if (!phoneNumber) return false;
	const lastFour = phoneNumber.replace(/\D/g, '').slice(-4).padStart(4, '0');
	const [from, to] = REFUSED_DESTINATIONS.lastFourDigits;
	return lastFour >= from && lastFour <= to;
}

/**
 * Phone numbers the sandbox knows as Facebook users: a FACEBOOK step sent to one of them (without
 * `facebookUserKey`) delivers. The seed's 41793026727 is deliberately absent, so the seed's
 * FACEBOOK step fails and SMS takes over, exactly as in the seed's reports.
 */
export const FACEBOOK_USER_NUMBERS: readonly string[] = [
	'41793026800',
	'41793026801',
	'385911234567',
];

export function numberOutcome(phoneNumber: string): NumberOutcome {
	const lastFour = phoneNumber.replace(/\D/g, '').slice(-4).padStart(4, '0');
	for (const rule of Object.values(NUMBER_RULES)) {
		if (
			rule.lastFourDigits &&
			lastFour >= rule.lastFourDigits[0] &&
			lastFour <= rule.lastFourDigits[1]
		) {
			return rule.outcome;
		}
	}
	return 'DELIVERED';
}

/** Network of a number by country prefix (longest prefix wins); 41 → 22801 as in the seed. */
const MCC_MNC_BY_PREFIX: Array<[string, string]> = [
	['385', '21901'],
	['41', '22801'],
	['44', '23415'],
	['49', '26201'],
	['1', '310260'],
];
export const DEFAULT_MCC_MNC = '99999';

export function mccMncOf(phoneNumber: string): string {
	const digits = phoneNumber.replace(/\D/g, '');
	const match = MCC_MNC_BY_PREFIX.find(([prefix]) => digits.startsWith(prefix));
	return match ? match[1] : DEFAULT_MCC_MNC;
}
