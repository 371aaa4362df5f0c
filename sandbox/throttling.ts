/** Infobip's published `x-throttling-info` limits, applied only when throttling is switched on. */
import type { AccountState } from './state';

export interface ThrottleLimit {
	requests: number;
	windowMs: number;
}

export const THROTTLE_LIMITS = {
	/** POST /omni/1/scenarios: 20 requests per 10 minutes. */
	createScenario: { requests: 20, windowMs: 10 * 60_000 },
	/** PUT /omni/1/scenarios/{key}: 40 requests per 10 minutes. */
	updateScenario: { requests: 40, windowMs: 10 * 60_000 },
	/** GET /omni/1/logs: 120 per "0 m" in the spec, read as 120 per minute. */
	getLogs: { requests: 120, windowMs: 60_000 },
	/** POST /messages-api/1/messages/validate: 10 per "0 s" in the spec, read as 10 per second. */
	validateMessages: { requests: 10, windowMs: 1_000 },
} as const satisfies Record<string, ThrottleLimit>;
export type ThrottledOperation = keyof typeof THROTTLE_LIMITS;

/** Records the call and tells whether it is within the limit (sliding window on the sandbox clock). */
export function admitCall(
	state: AccountState,
	operation: ThrottledOperation,
	now: number,
): boolean {
	const limit = THROTTLE_LIMITS[operation];
	const recent = (state.throttleWindows.get(operation) ?? []).filter(
		(at) => at > now - limit.windowMs,
	);
	if (recent.length >= limit.requests) {
		state.throttleWindows.set(operation, recent);
		return false;
	}
	recent.push(now);
	state.throttleWindows.set(operation, recent);
	return true;
}
