import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Infobip's deprecation signals (https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation):
 * a deprecated endpoint answers with `Deprecation` and `Sunset` headers and `Link`s to its
 * successor and to the notice; after the sunset date it answers 410 Gone.
 */
export interface DeprecationSignals {
	/** `Deprecation` was sent (RFC 9745 `@<epoch>`, an HTTP date, or the older `true`). */
	deprecated: boolean;
	/** When it was (or will be) deprecated, when the header carries a date. */
	deprecatedAt?: Date;
	/** `Sunset` (RFC 8594): when the endpoint stops answering. */
	sunsetAt?: Date;
	/** `Link` rel="successor-version" (or "successor", "alternate"). */
	successor?: string;
	/** `Link` rel="deprecation" or rel="sunset": the notice explaining it. */
	notice?: string;
}

type Headers = Record<string, string | string[] | undefined>;

const headerText = (headers: Headers, name: string): string | undefined => {
	const value = headers[name] ?? headers[name.toLowerCase()];
	const text = Array.isArray(value) ? value.join(', ') : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
};

/** `@1688169599` (RFC 9745's structured date) or an HTTP date; undefined when neither. */
export function parseHeaderDate(value: string | undefined): Date | undefined {
	if (value === undefined) return undefined;
	const epoch = /^@(-?\d+)$/.exec(value.trim());
	if (epoch) return new Date(Number(epoch[1]) * 1000);
	if (!/[a-z]/i.test(value)) return undefined;
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

/** `<url>; rel="a b", <url2>; rel=c` → the first URL per relation type. */
export function parseLinks(value: string | undefined): Map<string, string> {
	const links = new Map<string, string>();
	if (!value) return links;
	for (const match of value.matchAll(/<([^>]*)>([^<]*)/g)) {
		const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(match[2]);
		for (const type of (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/)) {
			if (type && !links.has(type)) links.set(type, match[1].trim());
		}
	}
	return links;
}

/** What an answer's headers say about the endpoint's retirement, or undefined when nothing. */
export function readDeprecation(headers: Headers): DeprecationSignals | undefined {
	const deprecation = headerText(headers, 'deprecation');
	const sunset = headerText(headers, 'sunset');
	const links = parseLinks(headerText(headers, 'link'));
	if (deprecation === undefined && sunset === undefined) return undefined;
	return {
		deprecated: deprecation !== undefined && deprecation.toLowerCase() !== 'false',
		deprecatedAt: parseHeaderDate(deprecation),
		sunsetAt: parseHeaderDate(sunset),
		successor: links.get('successor-version') ?? links.get('successor') ?? links.get('alternate'),
		notice: links.get('deprecation') ?? links.get('sunset'),
	};
}

/** A successor named only by a `Link` header (a 410 may carry one without Deprecation). */
export function successorLink(headers: Headers): string | undefined {
	const links = parseLinks(headerText(headers, 'link'));
	return links.get('successor-version') ?? links.get('successor') ?? links.get('alternate');
}

export const isOmniPath = (path: string) => path.startsWith('/omni/');

/** `2027-06-30T23:59:59Z`: ISO-8601 UTC, without milliseconds. */
const isoText = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The hint for a deprecated endpoint: what, since when, until when, and where to go. */
export function deprecationHint(
	request: { method: string; path: string },
	signals: DeprecationSignals,
	now = Date.now(),
): string {
	const endpoint = `${request.method} ${request.path}`;
	const parts: string[] = [];
	if (signals.deprecated) {
		const since = signals.deprecatedAt
			? ` ${signals.deprecatedAt.getTime() > now ? 'from' : 'since'} ${isoText(signals.deprecatedAt)}`
			: '';
		parts.push(`Infobip has deprecated ${endpoint}${since}.`);
	}
	if (signals.sunsetAt) {
		const when = isoText(signals.sunsetAt);
		parts.push(
			signals.sunsetAt.getTime() > now
				? `${signals.deprecated ? 'It' : `Infobip's ${endpoint}`} will be retired (sunset) on ${when}; after that it answers 410 Gone.`
				: `${signals.deprecated ? 'Its' : `Infobip's ${endpoint}`} sunset date was ${when}: it may answer 410 Gone at any time.`,
		);
	} else if (!signals.deprecated) {
		parts.push(`Infobip announced a sunset for ${endpoint}.`);
	}
	if (signals.successor) parts.push(`Successor: ${signals.successor}.`);
	if (signals.notice) parts.push(`Notice: ${signals.notice}.`);
	parts.push(
		isOmniPath(request.path)
			? 'Move this workflow to the Infobip Messages API node, which sends the same messages with inline failover.'
			: 'Look for a newer version of this package that uses the successor.',
	);
	return parts.join(' ');
}

/** Deprecation hints given per node run (one n8n context object per run), by endpoint. */
const hinted = new WeakMap<object, Set<string>>();
/** A run that calls many deprecated paths (one per scenario key) names only the first few. */
const MAX_HINTS_PER_RUN = 3;

/**
 * Adds the deprecation hint once per node run and endpoint. Load-options contexts (list
 * searches) have no hints: there the headers are ignored.
 */
export function hintDeprecation(
	context: object,
	request: { method: string; path: string },
	headers: Headers | undefined,
): void {
	const execute = context as Partial<IExecuteFunctions>;
	if (!headers || typeof execute.addExecutionHints !== 'function') return;
	const signals = readDeprecation(headers);
	if (!signals) return;
	let given = hinted.get(context);
	if (!given) hinted.set(context, (given = new Set()));
	const key = `${request.method} ${request.path}`;
	if (given.has(key) || given.size >= MAX_HINTS_PER_RUN) return;
	given.add(key);
	execute.addExecutionHints({
		message: deprecationHint(request, signals),
		type: 'warning',
		location: 'outputPane',
	});
}
