import { channelName, OMNI_CHANNELS } from '../channels';
import { CONTENT_BY_CHANNEL } from '../channels/content';
import type { FieldViolation, ViolationReader } from '../transport/errors';
import type { PreparedSend } from './index';

/**
 * The fields of `destinations[i].to` and `destinations[i]` as the UI names them
 * (https://www.infobip.com/docs/api/channels/omni-failover/send-omni-failover-message), with the fix.
 */
const DESTINATION_FIELDS: Readonly<Record<string, { label: string; fix?: string }>> = {
	'to.phoneNumber': {
		label: 'Phone Numbers',
		fix: 'give it in international format, e.g. 41793026727',
	},
	to: { label: 'Phone Numbers', fix: 'give a phone number or another address' },
	'to.emailAddress': { label: 'Email Address', fix: 'give one address such as jane@example.com' },
	'to.facebookUserKey': { label: 'Facebook User Key' },
	'to.pushRegistrationId': { label: 'Push Registration ID' },
	'to.whatsAppUserId': {
		label: 'WhatsApp User ID',
		fix: 'give the WhatsApp BSUID, e.g. US.13491208655302741918',
	},
	messageId: {
		label: 'Message ID',
		fix: 'give every recipient its own message ID, or leave Message ID empty',
	},
};

/** Top-level send fields as the UI names them (Options, Scenario). */
const SEND_FIELDS: Readonly<Record<string, { label: string; fix?: string }>> = {
	scenarioKey: { label: 'Scenario', fix: 'pick the scenario from the list' },
	bulkId: { label: 'Bulk ID' },
	notifyUrl: { label: 'Notify URL' },
	notifyContentType: { label: 'Notify Content Type' },
	callbackData: { label: 'Callback Data' },
	sendAt: { label: 'Send At' },
};

/** Validity fields in every channel object; named as builders/validity.ts names them. */
const VALIDITY_LABELS: Readonly<Record<string, string>> = {
	validityPeriod: 'Validity Period',
	validityPeriodTimeUnit: 'Validity Unit',
};

const CHANNEL_BY_BODY_KEY = new Map(OMNI_CHANNELS.map((channel) => [channel.bodyKey, channel]));

const itemsText = (indexes: number[]) =>
	indexes.length === 1 ? `item ${indexes[0]}` : `items ${indexes.join(', ')}`;

/** `sms.text` → "SMS → Text"; `whatsApp.mediaTemplateData.header` → "… (JSON), at header". */
export function contentLabel(path: string): string | undefined {
	const dot = path.indexOf('.');
	if (dot < 0) return undefined;
	const channel = CHANNEL_BY_BODY_KEY.get(path.slice(0, dot));
	if (!channel) return undefined;
	const rest = path.slice(dot + 1);
	const name = channelName(channel.value);
	if (VALIDITY_LABELS[rest]) return `${name} → ${VALIDITY_LABELS[rest]}`;
	const fields = CONTENT_BY_CHANNEL.get(channel.value)?.fields ?? [];
	// The longest field path that `rest` is, or starts with (a raw JSON field's path is '').
	const field = fields
		.filter(
			(f) =>
				f.path === rest ||
				f.path === '' ||
				rest.startsWith(`${f.path}.`) ||
				rest.startsWith(`${f.path}[`),
		)
		.sort((a, b) => b.path.length - a.path.length)[0];
	if (!field) return undefined;
	const inner = field.path === '' ? rest : rest.slice(field.path.length).replace(/^\./, '');
	return `${name} → ${field.label}${inner ? `, at ${inner}` : ''}`;
}

/**
 * Reads the violations of a send request's 400 in the UI's words: `destinations[i]…` becomes the
 * field and the item whose destination `i` is (items' destinations are concatenated in order),
 * channel content paths become the field's label, and unknown paths stay as Infobip wrote them.
 */
export function sendViolationReader(items: readonly PreparedSend[]): ViolationReader {
	const owners = items.flatMap((item) =>
		item.destinations.map((destination) => ({ itemIndex: item.itemIndex, destination })),
	);
	const all = itemsText(items.map((item) => item.itemIndex));
	const says = (violation: FieldViolation) => `Infobip says "${violation.message}"`;

	return (violation) => {
		const path = violation.field.trim();
		const destination = /^destinations\[(\d+)\]\.?(.*)$/.exec(path);
		if (destination) {
			const owner = owners[Number(destination[1])];
			const known = DESTINATION_FIELDS[destination[2]];
			if (!owner || !known) return undefined;
			const value = destination[2]
				.split('.')
				.reduce<unknown>(
					(at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : at),
					owner.destination,
				);
			const forValue = typeof value === 'string' ? ` for ${value}` : '';
			return `${known.label} (item ${owner.itemIndex}): ${says(violation)}${forValue}${known.fix ? ` — ${known.fix}` : ''}`;
		}
		const top = SEND_FIELDS[path];
		if (top) return `${top.label} (${all}): ${says(violation)}${top.fix ? ` — ${top.fix}` : ''}`;
		const label = contentLabel(path);
		return label ? `${label} (${all}): ${says(violation)}` : undefined;
	};
}
