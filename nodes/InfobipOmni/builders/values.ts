import { ParameterError } from './parameterError';

/** Longest part of a value quoted into an error message; the rest becomes "…". */
export const QUOTE_MAX_LENGTH = 60;

/** Shortens a long value for a message: the first 60 characters, then "…". */
export function shorten(text: string, max = QUOTE_MAX_LENGTH): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A value as quoted in an error message: strings in double quotes, the rest as JSON; shortened. */
export function quote(value: unknown): string {
	if (typeof value === 'string') return `"${shorten(value)}"`;
	if (value === undefined) return 'nothing';
	let json: string | undefined;
	try {
		json = JSON.stringify(value);
	} catch {
		json = undefined;
	}
	return shorten(json ?? String(value));
}

const isEmpty = (value: unknown) => value === undefined || value === null;

/**
 * The one reader of a field that must hold text: strings as they are, numbers and booleans
 * stringified, nothing as ''. An object or array (an expression that mapped the whole item or a
 * list) is refused: String() would send "[object Object]".
 */
export function asText(field: string, value: unknown): string {
	if (isEmpty(value)) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) {
		throw new ParameterError(
			field,
			`got an array (${quote(value)}), not text`,
			"Map one text value, e.g. {{ $json.items[0] }}, or join the list, e.g. {{ $json.items.join(', ') }}.",
		);
	}
	throw new ParameterError(
		field,
		`got ${typeof value === 'object' ? 'an object' : `a ${typeof value}`} (${quote(value)}), not text`,
		'Map a text field, e.g. {{ $json.message }}, not the whole object.',
	);
}

/** `asText`, trimmed. */
export const asTrimmedText = (field: string, value: unknown) => asText(field, value).trim();

const PORT_MAX = 65535;
/** scheme, optional user info, host (name, IPv4 or [IPv6]), optional port, then path/query/fragment. */
const HTTP_URL =
	/^https?:\/\/(?:[^\s/?#@]*@)?(\[[0-9A-Fa-f:.]+\]|[^\s/?#@:[\]\\]+)(?::(\d{1,5}))?(?:[/?#]\S*)?$/i;

/** What is wrong with a value as an http(s) URL (`https://?x=1`, `https:///a` have no host), or undefined. */
export function urlProblem(value: string): string | undefined {
	if (!/^https?:\/\//i.test(value)) return 'is not an http(s) URL';
	const match = HTTP_URL.exec(value);
	if (!match || !/[^.]/.test(match[1]) || match[1].includes('..')) {
		return 'is an http(s) URL without a valid host';
	}
	if (match[2] !== undefined && Number(match[2]) > PORT_MAX)
		return `has port ${match[2]}, above ${PORT_MAX}`;
	return undefined;
}

export const isHttpUrl = (value: string) => urlProblem(value) === undefined;

export const URL_FIX =
	'Give a public URL that starts with https:// (or http://) and a host name, e.g. https://example.com/images/image.jpg.';

/** The one check of URL fields: an http(s) URL with a host, else a ParameterError. */
export function checkHttpUrl(field: string, value: string, fix = URL_FIX): string {
	const problem = urlProblem(value);
	if (problem) throw new ParameterError(field, `${quote(value)} ${problem}`, fix);
	return value;
}

const daysInMonth = (year: number, month: number) =>
	new Date(Date.UTC(year, month, 0)).getUTCDate();

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-](\d{2}):?(\d{2}))?$/i;
const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What is impossible in a date written out (30 February, hour 25), or undefined. */
export function impossiblePart(text: string): string | undefined {
	const iso = ISO_DATE_TIME.exec(text);
	if (iso) {
		const [, y, mo, d, h, mi, s, , oh, om] = iso;
		const year = Number(y);
		const month = Number(mo);
		if (month < 1 || month > 12) return `there is no month ${month}`;
		const day = Number(d);
		if (day < 1 || day > daysInMonth(year, month)) {
			return `${MONTH_NAMES[month - 1]} ${year} has no day ${day}`;
		}
		if (h !== undefined && Number(h) > 23) return `there is no hour ${Number(h)}`;
		if (mi !== undefined && Number(mi) > 59) return `there is no minute ${Number(mi)}`;
		if (s !== undefined && Number(s) > 59) return `there is no second ${Number(s)}`;
		if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59))
			return 'the time zone offset is impossible';
		return undefined;
	}
	// Other forms Date.parse understands (e.g. "Dec 24, 2026 09:00"): the same checks where visible.
	const named =
		/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b/i.exec(text) ??
		/\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(text);
	const yearMatch = /\b(\d{4})\b/.exec(text);
	if (named && yearMatch) {
		const [monthName, dayText] = /^\d/.test(named[1]) ? [named[2], named[1]] : [named[1], named[2]];
		const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
		const day = Number(dayText);
		if (day < 1 || day > daysInMonth(Number(yearMatch[1]), month)) {
			return `${MONTH_NAMES[month - 1]} ${yearMatch[1]} has no day ${day}`;
		}
	}
	const time = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b/.exec(text);
	if (time && (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59)) {
		return `${time[0]} is not a time of day`;
	}
	return undefined;
}

/**
 * The one date parser (Send At, Log → Get Many's dates): epoch milliseconds, refusing what is
 * not a date and impossible calendar dates, which JavaScript's Date would roll into the next month.
 */
export function parseDateTime(field: string, raw: unknown, fix: string): number {
	let text: string;
	if (raw instanceof Date) text = raw.toISOString();
	else if (
		typeof raw === 'object' &&
		raw !== null &&
		typeof (raw as { toISO?: unknown }).toISO === 'function'
	) {
		// A Luxon DateTime from an expression such as {{ $now.plus(1, 'day') }}.
		text = String((raw as { toISO: () => string }).toISO());
	} else text = asTrimmedText(field, raw);
	const impossible = impossiblePart(text);
	if (impossible) {
		throw new ParameterError(field, `${quote(text)} is not a real date: ${impossible}`, fix);
	}
	const epochMs = Date.parse(text);
	if (Number.isNaN(epochMs)) {
		throw new ParameterError(field, `${quote(text)} is not a date and time`, fix);
	}
	return epochMs;
}

/**
 * A Limit: a whole number from 1 up to `max` (Infinity: no upper bound). Numeric text from an
 * expression is accepted; anything else is refused with the allowed range.
 */
export function readLimit(
	raw: unknown,
	{ max = Infinity, returnAll = false }: { max?: number; returnAll?: boolean } = {},
): number {
	const value =
		typeof raw === 'number'
			? raw
			: typeof raw === 'string' && raw.trim() !== ''
				? Number(raw.trim())
				: NaN;
	const range =
		max === Infinity ? 'a whole number of 1 or more' : `a whole number from 1 to ${max}`;
	if (!Number.isInteger(value) || value < 1 || value > max) {
		const shown = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : quote(raw);
		const empty = raw === '' || raw === undefined || raw === null;
		throw new ParameterError(
			'Limit',
			empty ? 'it is empty' : `${shorten(shown)} is not ${range}`,
			`Set Limit to ${range}${max === Infinity ? '' : ` (Infobip returns at most ${max} per request)`}${returnAll ? ', or turn on Return All' : ''}.`,
		);
	}
	return value;
}
