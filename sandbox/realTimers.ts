// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/** The only place the sandbox touches Node's real timers. */
import { setTimeout as delay } from 'node:timers/promises';

import type { TimerPort } from './clock';

export const REAL_TIMERS: TimerPort = {
	set(callback, delayMs) {
		const handle = setTimeout(callback, delayMs);
		// Pending deliveries must never keep a test process or the CLI alive on their own.
		handle.unref();
		return handle;
	},
	clear(handle) {
		clearTimeout(handle as ReturnType<typeof setTimeout>);
	},
};

/** Real-time wait (latency drills and the global latency option). */
export const sleep = async (ms: number): Promise<void> => {
	await delay(ms);
};
