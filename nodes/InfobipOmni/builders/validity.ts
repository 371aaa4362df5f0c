import type { IDataObject } from 'n8n-workflow';

import { channelName } from '../channels';
import { VALIDITY_UNITS_IN_SECONDS, validityLimitsFor } from '../limits';
import { checkChannel } from './channel';
import { ParameterError } from './parameterError';
import { asText, shorten } from './values';

export interface ValidityParameters {
	validityPeriod?: unknown;
	validityPeriodTimeUnit?: unknown;
}

/** `validityPeriod` + unit for one channel, refused outside Infobip's limits for that channel. */
export function buildValidity(channel: string, parameters: ValidityParameters): IDataObject {
	const name = channelName(channel);
	const field = `${name} → Validity Period`;
	const raw = parameters.validityPeriod;
	const period = typeof raw === 'number' ? raw : Number(asText(field, raw ?? 0).trim() || 0);
	if (raw === undefined || raw === '' || period === 0) return {};
	const unit = asText(`${name} → Validity Unit`, parameters.validityPeriodTimeUnit ?? 'MINUTES');
	checkChannel(channel, 'Validity Periods → Channel');
	const unitSeconds = VALIDITY_UNITS_IN_SECONDS[unit];
	if (!Number.isInteger(period) || period < 0 || !unitSeconds) {
		throw new ParameterError(
			field,
			`${shorten(String(raw))} ${shorten(unit)} is not a validity period`,
			'Give a whole number of SECONDS, MINUTES, HOURS or DAYS.',
		);
	}
	const seconds = period * unitSeconds;
	const { minSeconds, maxSeconds } = validityLimitsFor(channel);
	if (seconds <= minSeconds || seconds > maxSeconds) {
		throw new ParameterError(
			field,
			`${period} ${unit} is outside Infobip's limits for ${name}`,
			`Give more than ${minSeconds} seconds and at most ${maxSeconds / 3600} hours.`,
		);
	}
	return { validityPeriod: period, validityPeriodTimeUnit: unit };
}
