/**
 * Fault drills: make the next N matching requests fail in a chosen way, so that clients can
 * prove their retry, timeout and "never send twice" behaviour.
 */

export type DrillTarget = {
	/** Path to match, e.g. `/omni/1/advanced` (query ignored); a trailing `*` matches a prefix. */
	path: string;
	/** HTTP method to match (any when omitted). */
	method?: string;
	/** How many matching requests the drill applies to (default 1). */
	times?: number;
	/** Matching requests to let through first, e.g. 1 to fail the second send (default 0). */
	skip?: number;
	/** Headers added to the answer, e.g. Infobip's `Deprecation` and `Sunset` (any kind). */
	headers?: Record<string, string>;
};

export type Drill = DrillTarget &
	(
		| {
				/** Answer this status with the legacy envelope (or a gateway HTML page when `html`). */
				kind: 'status';
				status: number;
				/** Adds `Retry-After: <seconds>` (meaningful with 429 and 503). */
				retryAfterSeconds?: number;
				html?: boolean;
		  }
		| { /** Wait this many real ms, then answer normally. */ kind: 'latency'; ms: number }
		| { /** Destroy the connection without answering. */ kind: 'reset' }
		| { /** Never answer (until the client gives up or the sandbox closes). */ kind: 'hang' }
		| { /** Answer 200 with a truncated JSON body. */ kind: 'malformedJson' }
		| {
				/** Answer normally, with the drill's `headers` added (e.g. Deprecation and Sunset). */
				kind: 'headers';
				headers: Record<string, string>;
		  }
		| {
				/** POST /omni/1/advanced and /messages-api/1/messages: answer 200 with these destination indexes REJECTED (default [0]). */
				kind: 'rejectDestinations';
				destinations?: number[];
		  }
	);

export type DrillKind = Drill['kind'];

interface ArmedDrill {
	drill: Drill;
	remaining: number;
	skipping: number;
}

export class DrillQueue {
	private armed: ArmedDrill[] = [];

	add(drill: Drill): void {
		this.armed.push({ drill, remaining: drill.times ?? 1, skipping: drill.skip ?? 0 });
	}

	/** Drills still armed, with how many requests each has left. */
	list(): Array<Drill & { remaining: number }> {
		return this.armed.map(({ drill, remaining }) => ({ ...drill, remaining }));
	}

	clear(): void {
		this.armed = [];
	}

	/** The first armed drill matching the request, consumed by one use. */
	take(method: string, path: string): Drill | undefined {
		const match = this.armed.find(({ drill }) => matches(drill, method, path));
		if (!match) return undefined;
		if (match.skipping > 0) {
			match.skipping -= 1;
			return undefined;
		}
		match.remaining -= 1;
		if (match.remaining <= 0) this.armed.splice(this.armed.indexOf(match), 1);
		return match.drill;
	}
}

function matches(drill: DrillTarget, method: string, path: string): boolean {
	if (drill.method && drill.method.toUpperCase() !== method.toUpperCase()) return false;
	if (drill.path.endsWith('*')) return path.startsWith(drill.path.slice(0, -1));
	return drill.path === path;
}

/** A truncated body: valid JSON start, no end. */
export const MALFORMED_JSON =
	'{"messages":[{"to":{"phoneNumber":"41793026727"},"status":{"groupId":0,';
