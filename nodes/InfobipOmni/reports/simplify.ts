import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

/**
 * The one shape of a report (docs/report-shape.md): Delivery Report → Get Many, Log → Get Many
 * and the trigger's delivery and seen reports all emit it with Simplify on, so that a workflow
 * reads every report, and joins it to the send output, by the same field paths.
 */

export const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a field whatever its case. n8n parses XML bodies with `normalizeTags`, so an XML report
 * reaches the trigger as `messageid`, `groupname`…, while JSON keeps `messageId`, `groupName`.
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
 * Infobip's `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (`+0100`, no colon; as in every OMNI answer,
 * https://www.infobip.com/docs/api/channels/omni-failover/get-omni-failover-delivery-reports)
 * as ISO-8601 UTC, the same instant: `2016-02-23T17:41:11.833+0100` → `2016-02-23T16:41:11.833Z`.
 * Also takes `+01:00`, `Z`, no milliseconds, and no offset (read as UTC). A value that is not
 * such a date is returned as it came, so nothing Infobip sent is lost.
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
	// Date.UTC rolls 31 February over into March: such a date is not a date.
	if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return text;
	return new Date(utc).toISOString();
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

/** Drops the keys Infobip did not send (inside nested objects, and for inbound messages). */
export function compact(source: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(source)) {
		if (value !== undefined) result[key] = value;
	}
	return result;
}

export function nested(source: IDataObject, name: string): IDataObject | undefined {
	const value = field(source, name);
	return isObject(value) ? value : undefined;
}

export function simplifyPrice(source: IDataObject): IDataObject | undefined {
	const price = nested(source, 'price');
	if (!price) return undefined;
	const simplified = compact({
		pricePerMessage: asNumber(field(price, 'pricePerMessage')),
		currency: asText(field(price, 'currency')),
	});
	return Object.keys(simplified).length ? simplified : undefined;
}

function simplifyError(source: IDataObject): IDataObject | undefined {
	const error = nested(source, 'error');
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

/**
 * Where a recipient's address is in a send's `destinations[].to`
 * (https://www.infobip.com/docs/api/channels/omni-failover/send-omni-failover-message), in the
 * order the flat `to` takes it: the phone number first, as Infobip's reports of phone channels
 * name it.
 */
const RECIPIENT_KEYS = [
	'phoneNumber',
	'emailAddress',
	'whatsAppUserId',
	'pushRegistrationId',
	'facebookUserKey',
];

/**
 * A send's destination (`{"phoneNumber": "41793026727"}`) as the string a report's `to` holds
 * (`"41793026727"`), so that send output and reports join on `messageId` and `to`.
 */
export function recipientAddress(to: unknown): string | undefined {
	if (!isObject(to)) return asText(to);
	for (const key of RECIPIENT_KEYS) {
		const address = asText(to[key]);
		if (address !== undefined) return address;
	}
	return Object.values(to)
		.map(asText)
		.find((address) => address !== undefined);
}

/** The fields of the one report shape, in output order (docs/report-shape.md). */
export const REPORT_FIELDS = [
	'messageId',
	'bulkId',
	'to',
	'from',
	'channel',
	'status',
	'statusId',
	'statusGroup',
	'statusGroupId',
	'statusDescription',
	'statusAction',
	'error',
	'price',
	'sentAt',
	'doneAt',
	'messageCount',
	'mccMnc',
	'callbackData',
	'text',
	'contact',
] as const;

export type ReportField = (typeof REPORT_FIELDS)[number];

/**
 * One delivery report, log entry or seen report, of OMNI or of the Messages API (as Infobip
 * answers or pushes it, JSON or
 * XML-parsed) in the one report shape: every field of REPORT_FIELDS, `null` where the source has
 * none (a log has no error, a report no text), so every item has the same keys and types. The
 * status is flat (`status` is its name, `statusGroup` its group), dates are ISO-8601 UTC, XML's
 * text becomes numbers and booleans, `callbackData` holding JSON is parsed.
 */
export function simplifyReport(source: IDataObject): Record<ReportField, IDataObject[string]> {
	const text = (name: string) => asText(field(source, name));
	const status = nested(source, 'status') ?? {};
	const values: Record<ReportField, IDataObject[string]> = {
		messageId: text('messageId'),
		bulkId: text('bulkId'),
		// The Messages API names them `destination` and `sender` (docs/report-shape.md).
		to: text('to') ?? text('destination'),
		from: text('from') ?? text('sender'),
		channel: text('channel'),
		status: asText(field(status, 'name')),
		statusId: asNumber(field(status, 'id')),
		statusGroup: asText(field(status, 'groupName')),
		statusGroupId: asNumber(field(status, 'groupId')),
		statusDescription: asText(field(status, 'description')),
		statusAction: asText(field(status, 'action')),
		error: simplifyError(source),
		price: simplifyPrice(source),
		// Seen reports spell it `sendAt`.
		sentAt: toIsoDate(field(source, 'sentAt') ?? field(source, 'sendAt')),
		doneAt: toIsoDate(field(source, 'doneAt')),
		messageCount: asNumber(field(source, 'messageCount') ?? field(source, 'smsCount')),
		mccMnc: text('mccMnc'),
		callbackData: parseCallbackData(field(source, 'callbackData')),
		text: text('text'),
		contact: nested(source, 'contact'),
	};
	for (const key of REPORT_FIELDS) values[key] ??= null;
	return values;
}

/** The fields of an inbound message of the Messages API, in output order (docs/report-shape.md). */
export const INBOUND_FIELDS = [
	'messageId',
	'pairedMessageId',
	'channel',
	'from',
	'to',
	'eventType',
	'contentType',
	'text',
	'url',
	'content',
	'receivedAt',
	'messageCount',
	'callbackData',
	'campaignReferenceId',
	'entityId',
	'applicationId',
] as const;

export type InboundField = (typeof INBOUND_FIELDS)[number];

/**
 * One inbound event of the Messages API (`GET /messages-api/1/inbound`, or pushed: the
 * receive-messages-api-incoming-messages webhook, https://www.infobip.com/docs/api/platform/messages-api)
 * in the node's inbound shape: every field of INBOUND_FIELDS, `null` where absent. `from` is the
 * end user (`sender`), `to` your sender (`destination`); `eventType` is `MO` for a message,
 * `TYPING_STARTED` / `TYPING_STOPPED` for typing events (no content). `contentType`, `text`
 * and `url` come from the first content part that has each; `content` keeps every part as sent.
 */
export function simplifyInboundMessage(
	source: IDataObject,
): Record<InboundField, IDataObject[string]> {
	const text = (name: string) => asText(field(source, name));
	const raw = field(source, 'content');
	// XML or a single part: one object instead of an array.
	const parts = (Array.isArray(raw) ? raw : isObject(raw) ? [raw] : []).filter(isObject);
	const first = (name: string) =>
		parts.map((part) => asText(field(part, name))).find((value) => value !== undefined);
	const platform = nested(source, 'platform') ?? {};
	const values: Record<InboundField, IDataObject[string]> = {
		messageId: text('messageId'),
		pairedMessageId: text('pairedMessageId'),
		channel: text('channel'),
		from: text('sender') ?? text('from'),
		to: text('destination') ?? text('to'),
		eventType: text('event'),
		contentType: first('type'),
		text: first('text'),
		url: first('url'),
		content: parts.length ? parts : undefined,
		receivedAt: toIsoDate(field(source, 'receivedAt')),
		messageCount: asNumber(field(source, 'messageCount')),
		callbackData: parseCallbackData(field(source, 'callbackData')),
		campaignReferenceId: text('campaignReferenceId'),
		entityId: asText(field(platform, 'entityId')),
		applicationId: asText(field(platform, 'applicationId')),
	};
	for (const key of INBOUND_FIELDS) values[key] ??= null;
	return values;
}
