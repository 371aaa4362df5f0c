import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { ParameterError } from '../builders/parameterError';

/** "Limit Wait Time" as n8n hands it over (`….limitWaitTime.values`). */
export interface LimitWaitTime {
	limitType?: unknown;
	resumeAmount?: unknown;
	resumeUnit?: unknown;
	maxDateAndTime?: unknown;
}

const UNIT_MS: Record<string, number> = {
	minutes: 60_000,
	hours: 3_600_000,
	days: 86_400_000,
};

/**
 * When the wait ends at the latest, as n8n's send-and-wait nodes compute it
 * (configureWaitTillDate): no limit waits indefinitely. Refuses, before anything is sent, a
 * limit that has no amount, an unknown unit or a date that is not a date or already past.
 */
export function waitTillFrom(limit: LimitWaitTime | undefined, now: number): Date {
	if (!limit || Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	const field = 'Limit Wait Time';
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(limit.resumeAmount ?? 1);
		const unit = String(limit.resumeUnit ?? 'hours');
		if (!Number.isFinite(amount) || amount <= 0) {
			throw new ParameterError(
				`${field} → Amount`,
				`"${String(limit.resumeAmount)}" is not a positive number`,
				'Give how many minutes, hours or days to wait, e.g. 45.',
			);
		}
		const unitMs = UNIT_MS[unit];
		if (unitMs === undefined) {
			throw new ParameterError(
				`${field} → Unit`,
				`"${unit}" is not a unit`,
				'Pick minutes, hours or days.',
			);
		}
		return new Date(now + amount * unitMs);
	}
	const at = new Date(String(limit.maxDateAndTime ?? ''));
	if (Number.isNaN(at.getTime())) {
		throw new ParameterError(
			`${field} → Max Date and Time`,
			`"${String(limit.maxDateAndTime ?? '')}" is not a date`,
			'Pick a date and time, or give an ISO 8601 one such as 2026-12-24T18:00:00Z.',
		);
	}
	if (at.getTime() <= now) {
		throw new ParameterError(
			`${field} → Max Date and Time`,
			`${at.toISOString()} has passed`,
			'Give a date and time in the future.',
		);
	}
	return at;
}
