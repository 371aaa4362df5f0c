// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Retry waits without real seconds: the node waits with n8n-workflow's `sleep` (a setTimeout),
 * so under jest's fake timers a backoff ends as soon as the test moves the clock on. HTTP stays
 * real: Node's sockets and the sandbox (sandbox/realTimers.ts) keep the real timers.
 */

/** What jest leaves real: the engine's and the HTTP stack's ticks. setTimeout and Date are faked. */
const KEEP_REAL = ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask'] as const;

/** Fake setTimeout and Date for each test of the calling file or describe block. */
export function useFakeClock(): void {
	beforeEach(() => {
		jest.useFakeTimers({ doNotFake: [...KEEP_REAL] });
	});
	afterEach(() => {
		jest.useRealTimers();
	});
}

const realTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Awaits `work`; each time the server has seen a new request and the node then waits on a timer
 * (its retry `sleep`), moves the fake clock to that timer. Only after a request arrived: while a
 * request is still connecting, axios holds a connect-phase timeout that must not fire early.
 * With real timers installed it simply awaits `work`.
 */
export async function advancing<T>(work: Promise<T>, requestsSeen: () => number): Promise<T> {
	if (!isFake()) return await work;
	let settled = false;
	const done = () => {
		settled = true;
	};
	work.then(done, done);
	let seenAtLastAdvance = requestsSeen();
	while (!settled) {
		const seen = requestsSeen();
		if (seen > seenAtLastAdvance && jest.getTimerCount() > 0) {
			seenAtLastAdvance = seen;
			await jest.advanceTimersToNextTimerAsync();
		} else await realTick();
	}
	return await work;
}

function isFake(): boolean {
	// jest's modern fake timers mark their setTimeout with a `clock` property.
	return 'clock' in setTimeout;
}
