import type { IDataObject } from 'n8n-workflow';

import type { PreparedSend } from '../../../InfobipOmni/dispatch';
import type { FieldViolation, ViolationReader } from '../../../InfobipOmni/transport/errors';
import type { MessagesDestination } from '../../builders/message';
import { channelLabel } from '../../channels';

/**
 * The paths of a Messages API 400's violations in the node's words
 * (https://www.infobip.com/docs/api/platform/messages-api/message/send-messages-api-message):
 * `messages[i].…` is item i of the request, its rest the field label as the UI names it.
 */
const MESSAGE_FIELDS: ReadonlyArray<[RegExp, string | ((match: RegExpExecArray) => string)]> = [
	[/^channel$/, 'Channel'],
	[/^sender$/, 'Sender'],
	[/^destinations\[\d+\]\.messageId$/, 'Message ID'],
	[/^destinations\[\d+\]\.byChannel\[0\]/, 'To'],
	[/^destinations(\[\d+\])?(\.to)?$/, 'To'],
	[/^template\.templateName$/, 'Template'],
	[/^template\.language$/, 'Template Language'],
	[/^template/, 'Template'],
	[/^content\.body\.text$/, 'Text'],
	[/^content\.body\.url$/, 'Media URL'],
	[/^content\.body\.thumbnailUrl$/, 'Thumbnail URL'],
	[/^content\.body\.filename$/, 'Filename'],
	[/^content\.body\.latitude$/, 'Latitude'],
	[/^content\.body\.longitude$/, 'Longitude'],
	[/^content\.body\.name$/, 'Location Name'],
	[/^content\.body\.address$/, 'Location Address'],
	[/^content\.body\.type$/, 'Body Type'],
	[/^content\.header/, 'Header'],
	[/^content\.footer/, 'Footer'],
	[
		/^content\.buttons\[(\d+)\]\.?(\w*)/,
		(m) => `Buttons (button ${Number(m[1]) + 1})${m[2] ? ` → ${m[2]}` : ''}`,
	],
	[/^content\.body\./, 'Template Placeholders'],
	[/^content/, 'Text'],
	[/^options\.validityPeriod/, 'Validity Period'],
	[/^options\.deliveryTimeWindow/, 'Delivery Days'],
	[/^options\.regional\.indiaDlt/, 'India DLT Principal Entity ID'],
	[/^options\.regional\.turkeyIys/, 'Turkey IYS Recipient Type'],
	[/^options\.regional\.southKorea/, 'South Korea Reseller Code'],
	[/^options\.trafficType$/, 'Traffic Type'],
	[/^options\.campaignReferenceId$/, 'Campaign Reference ID'],
	[/^options\.platform\.entityId$/, 'Entity ID'],
	[/^options\.platform\.applicationId$/, 'Application ID'],
	[/^webhooks\.delivery\.url$/, 'Delivery URL'],
	[/^webhooks\.seen\.url$/, 'Seen URL'],
	[/^webhooks\.callbackData$/, 'Callback Data'],
	[/^webhooks\.contentType$/, 'Content Type'],
];

/** Request-level fields (every item of the request). */
const REQUEST_FIELDS: ReadonlyArray<[RegExp, string]> = [
	[/^options\.schedule\.bulkId$/, 'Bulk ID'],
	[/^options\.schedule\.sendAt$/, 'Send At'],
	[/^options\.schedule\.sendingSpeedLimit/, 'Sending Speed Limit'],
	[/^options\.tracking/, 'Tracking URL'],
	[/^options\.messageOrdering/, 'Stop on Failure'],
];

/** `failover[k].…` → "Failover Step k+1 (SMS) → Sender"; byChannel[k≥1] is step k's To. */
function stepLabel(entry: IDataObject | undefined, step: number, rest: string): string {
	const failover = (entry?.failover ?? []) as IDataObject[];
	const channel = String(failover[step]?.channel ?? '');
	const field = /^sender/.test(rest)
		? 'Sender'
		: /^validityPeriod/.test(rest)
			? 'Validity Period'
			: /^template/.test(rest)
				? 'Template Name'
				: /^content/.test(rest)
					? 'Text'
					: 'Channel';
	return `Failover Step ${step + 1}${channel ? ` (${channelLabel(channel)})` : ''} → ${field}`;
}

/** The label of one path inside a `messages[i]` entry, or undefined when unknown. */
export function messageFieldLabel(path: string, entry?: IDataObject): string | undefined {
	const failover = /^failover\[(\d+)\]\.?(.*)$/.exec(path);
	if (failover) return stepLabel(entry, Number(failover[1]), failover[2]);
	const byChannel = /^destinations\[\d+\]\.byChannel\[(\d+)\]/.exec(path);
	if (byChannel && Number(byChannel[1]) > 0) {
		const step = Number(byChannel[1]) - 1;
		return stepLabel(entry, step, 'to').replace(/→ Channel$/, '→ To');
	}
	for (const [pattern, label] of MESSAGE_FIELDS) {
		const match = pattern.exec(path);
		if (match) return typeof label === 'string' ? label : label(match);
	}
	return undefined;
}

const itemsText = (indexes: number[]) =>
	indexes.length === 1 ? `item ${indexes[0]}` : `items ${indexes.join(', ')}`;

/** Which items of a request a violation is about: `messages[i]` → item i; others → all. */
export function violationOwners(
	field: string,
	items: readonly PreparedSend<MessagesDestination>[],
): { itemIndexes: number[]; label?: string } {
	const path = field.trim();
	const message = /^messages\[(\d+)\]\.?(.*)$/.exec(path);
	if (message) {
		const item = items[Number(message[1])];
		if (!item) return { itemIndexes: items.map((i) => i.itemIndex) };
		return { itemIndexes: [item.itemIndex], label: messageFieldLabel(message[2], item.entry) };
	}
	const request = REQUEST_FIELDS.find(([pattern]) => pattern.test(path));
	return { itemIndexes: items.map((i) => i.itemIndex), label: request?.[1] };
}

/** Reads a Messages API 400: each violation as "Field (item N): Infobip says …". */
export function messagesViolationReader(
	items: readonly PreparedSend<MessagesDestination>[],
): ViolationReader {
	return (violation: FieldViolation) => {
		const { itemIndexes, label } = violationOwners(violation.field, items);
		if (!label) return undefined;
		return `${label} (${itemsText(itemIndexes)}): Infobip says "${violation.message}"`;
	};
}
