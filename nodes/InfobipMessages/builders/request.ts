import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from '../../InfobipOmni/builders/parameterError';
import { parseSendAt } from '../../InfobipOmni/builders/send';
import { asTrimmedText, checkHttpUrl, quote, shorten } from '../../InfobipOmni/builders/values';
import { LIMITS } from '../../InfobipOmni/limits';

/**
 * The request-level `options` of `POST /messages-api/1/messages`
 * (https://www.infobip.com/docs/api/platform/messages-api/message/send-messages-api-message):
 * schedule (bulk ID, send at, sending speed limit), URL tracking and message ordering. Items
 * whose request options differ go in different requests.
 */
export interface RequestOptionParameters {
	bulkId?: unknown;
	sendAt?: unknown;
	sendingSpeedLimit?: unknown;
	sendingSpeedLimitTimeUnit?: unknown;
	shortenUrl?: unknown;
	trackClicks?: unknown;
	trackingUrl?: unknown;
	removeProtocol?: unknown;
	customDomain?: unknown;
	respectOrder?: unknown;
	stopOnFailure?: unknown;
}

const SPEED_UNITS = ['MINUTE', 'HOUR', 'DAY'];

const isSet = (value: unknown) =>
	value !== undefined && value !== null && (typeof value !== 'string' || value.trim() !== '');

export function buildRequestOptions(options: RequestOptionParameters, now: number): IDataObject {
	const schedule: IDataObject = {};
	const bulkId = asTrimmedText('Bulk ID', options.bulkId);
	if (bulkId) {
		const max = LIMITS.messagesApi.bulkIdMaxLength;
		if (bulkId.length > max) {
			throw new ParameterError(
				'Bulk ID',
				`"${shorten(bulkId)}" has ${bulkId.length} characters, more than Infobip's ${max}`,
				'Give a shorter bulk ID.',
			);
		}
		schedule.bulkId = bulkId;
	}
	if (isSet(options.sendAt)) schedule.sendAt = parseSendAt(options.sendAt, now);
	if (isSet(options.sendingSpeedLimit)) {
		const raw = options.sendingSpeedLimit;
		const amount =
			typeof raw === 'number' ? raw : Number(asTrimmedText('Sending Speed Limit', raw));
		if (!Number.isInteger(amount) || amount < 1) {
			throw new ParameterError(
				'Sending Speed Limit',
				`${quote(raw)} is not a whole number of 1 or more`,
				'Give how many messages Infobip may send per time unit, e.g. 100.',
			);
		}
		const timeUnit =
			asTrimmedText('Speed Limit Unit', options.sendingSpeedLimitTimeUnit ?? 'MINUTE') || 'MINUTE';
		if (!SPEED_UNITS.includes(timeUnit)) {
			throw new ParameterError(
				'Speed Limit Unit',
				`${quote(timeUnit)} is not a unit`,
				`Use ${SPEED_UNITS.join(', ')}.`,
			);
		}
		schedule.sendingSpeedLimit = { amount, timeUnit };
	}

	const tracking: IDataObject = {};
	if (typeof options.shortenUrl === 'boolean') tracking.shortenUrl = options.shortenUrl;
	if (typeof options.trackClicks === 'boolean') tracking.trackClicks = options.trackClicks;
	const trackingUrl = asTrimmedText('Tracking URL', options.trackingUrl);
	if (trackingUrl) {
		tracking.trackingUrl = checkHttpUrl(
			'Tracking URL',
			trackingUrl,
			'Give the https:// URL Infobip sends click reports to.',
		);
	}
	if (typeof options.removeProtocol === 'boolean') tracking.removeProtocol = options.removeProtocol;
	const customDomain = asTrimmedText('Custom Domain', options.customDomain);
	if (customDomain) tracking.customDomain = customDomain;

	// The node batches many items into one request: one refused message must not stop the rest,
	// so stopOnFailure is off unless the user turns it on (Infobip's default is on).
	const messageOrdering: IDataObject = {};
	if (typeof options.respectOrder === 'boolean')
		messageOrdering.respectOrder = options.respectOrder;
	messageOrdering.stopOnFailure = options.stopOnFailure === true;

	return {
		...(Object.keys(schedule).length ? { schedule } : {}),
		...(Object.keys(tracking).length ? { tracking } : {}),
		messageOrdering,
	};
}
