import type { IDataObject } from 'n8n-workflow';

import { OMNI_CHANNELS } from '../channels';
import { LIMITS } from '../limits';
import { checkChannel } from './channel';
import { ParameterError } from './parameterError';
import { asText, asTrimmedText, checkHttpUrl, parseDateTime, quote } from './values';

/** The send options of one item as the UI hands them over (all optional). */
export interface SendOptionParameters {
	bulkId?: unknown;
	callbackData?: unknown;
	notifyUrl?: unknown;
	notifyContentType?: unknown;
	intermediateReport?: unknown;
	notify?: unknown;
	sendAt?: unknown;
}

const NOTIFY_CONTENT_TYPES = ['application/json', 'application/xml'];
const DAY_MS = 86_400_000;
/** A Send At a little in the past is clock skew, not a mistake. */
const SEND_AT_PAST_TOLERANCE_MS = 60_000;

const isSet = (value: unknown) =>
	value !== undefined && value !== null && (typeof value !== 'string' || value.trim() !== '');

/** Infobip's date-time form: `yyyy-MM-dd'T'HH:mm:ss.SSS+0000`, in UTC. */
export function formatInfobipDate(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('Z', '+0000');
}

export const DATE_TIME_FIX =
	'Give a real ISO date and time, e.g. 2026-12-24T09:00:00Z, or pick one in the date picker.';

export function parseSendAt(raw: unknown, now: number): string {
	const epochMs = parseDateTime('Send At', raw, DATE_TIME_FIX);
	const text = formatInfobipDate(epochMs);
	if (epochMs < now - SEND_AT_PAST_TOLERANCE_MS) {
		throw new ParameterError(
			'Send At',
			`${text} is in the past`,
			'Give a future date and time, or remove Send At to send now.',
		);
	}
	if (epochMs > now + LIMITS.sendAtMaxDays * DAY_MS) {
		throw new ParameterError(
			'Send At',
			`${text} is more than ${LIMITS.sendAtMaxDays} days ahead`,
			`Infobip schedules at most ${LIMITS.sendAtMaxDays} days ahead: give an earlier date.`,
		);
	}
	return formatInfobipDate(epochMs);
}

/** The top-level send fields of `POST /omni/1/advanced` other than scenario, destinations and contents. */
export function buildSendOptions(options: SendOptionParameters, now: number): IDataObject {
	const body: IDataObject = {};
	const bulkId = asTrimmedText('Bulk ID', options.bulkId);
	if (bulkId) body.bulkId = bulkId;
	if (options.notify === false) body.notify = false;
	if (options.intermediateReport === true) body.intermediateReport = true;
	const notifyUrl = asTrimmedText('Notify URL', options.notifyUrl);
	if (notifyUrl) {
		body.notifyUrl = checkHttpUrl(
			'Notify URL',
			notifyUrl,
			"Paste the Production URL of an Infobip OMNI Trigger node (or your own endpoint's URL), e.g. https://n8n.example.com/webhook/….",
		);
	}
	const type = asTrimmedText('Notify Content Type', options.notifyContentType);
	if (type) {
		if (!NOTIFY_CONTENT_TYPES.includes(type)) {
			throw new ParameterError(
				'Notify Content Type',
				`${quote(type)} is not supported`,
				`Use ${NOTIFY_CONTENT_TYPES.join(' or ')}.`,
			);
		}
		body.notifyContentType = type;
	}
	if (isSet(options.callbackData)) {
		const callbackData =
			typeof options.callbackData === 'object'
				? JSON.stringify(options.callbackData)
				: asText('Callback Data', options.callbackData);
		if (callbackData.length > LIMITS.callbackDataMaxLength) {
			throw new ParameterError(
				'Callback Data',
				`it has ${callbackData.length} characters, more than Infobip's ${LIMITS.callbackDataMaxLength}`,
				'Send a shorter value, e.g. an ID to look the rest up by.',
			);
		}
		body.callbackData = callbackData;
	}
	if (isSet(options.sendAt)) body.sendAt = parseSendAt(options.sendAt, now);
	return body;
}

/**
 * An item's request body without its destinations (items whose bodies are equal can share one
 * request), keys in Infobip's documented order: scenario, bulk ID, channel contents in the
 * channel list's order, then the send options.
 */
export function buildSendBody(parts: {
	scenarioKey?: string;
	/** Channel value (e.g. `SMS`) → content object. */
	contents: Record<string, IDataObject>;
	options: IDataObject;
}): IDataObject {
	for (const channel of Object.keys(parts.contents)) checkChannel(channel);
	if (Object.keys(parts.contents).length === 0) {
		throw new ParameterError(
			'Channel Contents',
			'no channel has content',
			'Fill in the content of at least one channel of the scenario (for example the SMS text).',
		);
	}
	const { bulkId, ...options } = parts.options;
	const body: IDataObject = {};
	if (parts.scenarioKey) body.scenarioKey = parts.scenarioKey;
	if (bulkId !== undefined) body.bulkId = bulkId;
	for (const channel of OMNI_CHANNELS) {
		const content = parts.contents[channel.value];
		if (content) body[channel.bodyKey] = content;
	}
	return { ...body, ...options };
}
