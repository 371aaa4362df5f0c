import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

/**
 * What Infobip pushes to a Notify URL (https://www.infobip.com/docs/api/channels/omni-failover/receive-omni-failover-message-delivery-reports): delivery reports, seen reports and
 * inbound messages, all to the same URL, told apart only by their fields.
 */
export type OmniEvent = 'deliveryReport' | 'seenReport' | 'inboundMessage';

export const OMNI_EVENTS: readonly OmniEvent[] = ['deliveryReport', 'seenReport', 'inboundMessage'];

export const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a field whatever its case. n8n parses XML bodies with `normalizeTags`, so an XML report
 * reaches the node as `messageid`, `groupname`…, while JSON keeps `messageId`, `groupName`.
 */
export function field(source: IDataObject, name: string): unknown {
	if (name in source) return source[name];
	const lower = name.toLowerCase();
	const key = Object.keys(source).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : source[key];
}

/** A non-empty string (numbers become strings: XML and some senders type ids loosely). */
export function asText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	return value;
}

const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;

/** A number, also from XML's text (`<groupId>3</groupId>` arrives as `"3"`). */
export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
	return undefined;
}

/** A boolean, also from XML's `"true"`/`"false"`. */
export function asBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	return undefined;
}

const INFOBIP_DATE =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Infobip's `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (`+0100`, no colon; as in every OMNI answer) as ISO-8601 UTC:
 * `2016-02-23T17:41:11.833+0100` → `2016-02-23T16:41:11.833Z`. Also takes `+01:00`, `Z`, no
 * milliseconds, and no offset (read as UTC). A value that is not such a date is returned as it
 * came, so nothing Infobip sent is lost.
 */
export function toIsoDate(value: unknown): string | undefined {
	const text = asText(value)?.trim();
	if (text === undefined) return undefined;
	const match = INFOBIP_DATE.exec(text);
	if (!match) return text;
	const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
	const parts = [year, month, day, hour, minute, second].map(Number);
	const [y, mo, d, h, mi, s] = parts;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return text;
	const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const digits = zone.replace(':', '');
		const sign = digits.startsWith('-') ? -1 : 1;
		const offsetHours = Number(digits.slice(1, 3));
		const offsetMins = Number(digits.slice(3, 5));
		if (offsetHours > 23 || offsetMins > 59) return text;
		offsetMinutes = sign * (offsetHours * 60 + offsetMins);
	}
	const utc = Date.UTC(y, mo - 1, d, h, mi, s, millis) - offsetMinutes * 60_000;
	const date = new Date(utc);
	// Date.UTC rolls 31 February over into March: such a date is not a date.
	if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return text;
	return date.toISOString();
}

/**
 * `callbackData` is whatever string the send carried: a JSON object or array comes back parsed,
 * anything else (plain text, or text that merely looks like JSON) as the string.
 */
export function parseCallbackData(value: unknown): IDataObject[string] {
	if (isObject(value) || Array.isArray(value)) return value as IDataObject[string];
	const text = asText(value);
	if (text === undefined) return undefined;
	const trimmed = text.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
	const parsed = jsonParse<unknown>(trimmed, { fallbackValue: text });
	return isObject(parsed) || Array.isArray(parsed) ? (parsed as IDataObject[string]) : text;
}

/** Which of the three pushes a result is, from the fields only that kind carries. */
export function recogniseEvent(result: IDataObject): OmniEvent | undefined {
	const has = (name: string) => {
		const value = field(result, name);
		return value !== undefined && value !== null && value !== '';
	};
	if (has('seenAt')) return 'seenReport';
	if (has('receivedAt') || has('integrationType') || isObject(field(result, 'message'))) {
		return 'inboundMessage';
	}
	if (isObject(field(result, 'status')) || has('doneAt') || isObject(field(result, 'error'))) {
		return 'deliveryReport';
	}
	return undefined;
}

/** Drops the keys Infobip did not send, so items show only what is known. */
function compact(source: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(source)) {
		if (value !== undefined) result[key] = value;
	}
	return result;
}

function nested(result: IDataObject, name: string): IDataObject | undefined {
	const value = field(result, name);
	return isObject(value) ? value : undefined;
}

function normalisePrice(result: IDataObject): IDataObject | undefined {
	const price = nested(result, 'price');
	if (!price) return undefined;
	const normalised = compact({
		pricePerMessage: asNumber(field(price, 'pricePerMessage')),
		currency: asText(field(price, 'currency')),
	});
	return Object.keys(normalised).length ? normalised : undefined;
}

function normaliseError(result: IDataObject): IDataObject | undefined {
	const error = nested(result, 'error');
	if (!error) return undefined;
	return compact({
		id: asNumber(field(error, 'id')),
		name: asText(field(error, 'name')),
		description: asText(field(error, 'description')),
		groupId: asNumber(field(error, 'groupId')),
		groupName: asText(field(error, 'groupName')),
		permanent: asBoolean(field(error, 'permanent')),
	});
}

function normaliseStatus(result: IDataObject): IDataObject {
	const status = nested(result, 'status');
	if (!status) return {};
	return {
		status: asText(field(status, 'name')),
		statusId: asNumber(field(status, 'id')),
		statusGroup: asText(field(status, 'groupName')),
		statusGroupId: asNumber(field(status, 'groupId')),
		statusDescription: asText(field(status, 'description')),
		statusAction: asText(field(status, 'action')),
	};
}

/**
 * One pushed result as one flat, predictable item (README "Output"). Dates become ISO-8601
 * UTC, XML's strings become numbers and booleans, `raw` keeps the result exactly as received.
 */
export function normaliseResult(result: IDataObject, event: OmniEvent): IDataObject {
	const text = (name: string) => asText(field(result, name));
	const common = {
		event,
		messageId: text('messageId'),
	};
	if (event === 'seenReport') {
		return compact({
			...common,
			to: text('to'),
			from: text('from'),
			// Seen reports spell it `sendAt`; named like the delivery report's `sentAt` here.
			sentAt: toIsoDate(field(result, 'sentAt') ?? field(result, 'sendAt')),
			seenAt: toIsoDate(field(result, 'seenAt')),
			contact: nested(result, 'contact'),
			raw: result,
		});
	}
	if (event === 'inboundMessage') {
		return compact({
			...common,
			pairedMessageId: text('pairedMessageId'),
			to: text('to'),
			from: text('from'),
			channel: text('integrationType') ?? text('channel'),
			receivedAt: toIsoDate(field(result, 'receivedAt')),
			message: nested(result, 'message'),
			contact: nested(result, 'contact'),
			price: normalisePrice(result),
			callbackData: parseCallbackData(field(result, 'callbackData')),
			raw: result,
		});
	}
	return compact({
		...common,
		bulkId: text('bulkId'),
		to: text('to'),
		from: text('from'),
		channel: text('channel'),
		...normaliseStatus(result),
		error: normaliseError(result),
		price: normalisePrice(result),
		sentAt: toIsoDate(field(result, 'sentAt')),
		doneAt: toIsoDate(field(result, 'doneAt')),
		callbackData: parseCallbackData(field(result, 'callbackData')),
		messageCount: asNumber(field(result, 'messageCount') ?? field(result, 'smsCount')),
		mccMnc: text('mccMnc'),
		contact: nested(result, 'contact'),
		raw: result,
	});
}
