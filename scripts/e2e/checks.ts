// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** The named checks the real-app runs print (run.ts, editor.ts): one line each, then a tally. */

export const print = (line = '') => process.stdout.write(`${line}\n`);

/** Checks passed and failed so far in this process. */
export const tally = { passed: 0, failed: 0 };

/** One named check: passes when `body` returns (its text is the detail), fails when it throws. */
export async function check(name: string, body: () => Promise<string> | string): Promise<boolean> {
	const started = Date.now();
	try {
		const detail = await body();
		tally.passed++;
		print(
			`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`,
		);
		return true;
	} catch (error) {
		tally.failed++;
		print(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
		return false;
	}
}

export function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/** Probes every `everyMs` until it returns something other than undefined; throws after `ms`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	ms = 30_000,
	everyMs = 250,
): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((done) => setTimeout(done, everyMs));
	}
}
