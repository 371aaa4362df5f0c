import type { IDataObject } from 'n8n-workflow';

import { buildChannelContent } from '../../builders/channelContent';
import type { RecipientParameters } from '../../builders/recipients';
import { buildValidity } from '../../builders/validity';
import { asTrimmedText } from '../../builders/values';
import type { ReadParameter } from '../parameters';

interface ValidityEntry {
	channel?: unknown;
	validityPeriod?: unknown;
	validityPeriodTimeUnit?: unknown;
}

/** Options → Validity Periods, as channel value → validity fields, checked per channel. */
export function readValidityPeriods(
	read: ReadParameter,
	itemIndex: number,
): Record<string, IDataObject> {
	const entries = (read('options.validityPeriods.period', itemIndex, []) ?? []) as ValidityEntry[];
	const byChannel: Record<string, IDataObject> = {};
	for (const entry of entries) {
		const channel = asTrimmedText('Validity Periods → Channel', entry.channel);
		byChannel[channel] = buildValidity(channel, entry);
	}
	return byChannel;
}

/** Builds the content of each channel that has values; channels without values are left out. */
export function contentsFrom(
	values: Record<string, IDataObject | undefined>,
	validity: Record<string, IDataObject>,
): Record<string, IDataObject> {
	const contents: Record<string, IDataObject> = {};
	for (const [channel, channelValues] of Object.entries(values)) {
		if (!channelValues) continue;
		contents[channel] = {
			...buildChannelContent(channel, channelValues),
			...(validity[channel] ?? {}),
		};
	}
	return contents;
}

/** Phone numbers and Facebook user key, the recipients of Send Text and Send Rich Media. */
export function readPhoneAndFacebookRecipients(
	read: ReadParameter,
	itemIndex: number,
): RecipientParameters {
	return {
		phoneNumbers: read('phoneNumbers', itemIndex, ''),
		facebookUserKey: read(
			'facebookUserKey',
			itemIndex,
			'',
		) as RecipientParameters['facebookUserKey'],
	};
}
