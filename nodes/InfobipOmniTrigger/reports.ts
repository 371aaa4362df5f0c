import type { IDataObject } from 'n8n-workflow';

import {
	asText,
	compact,
	field,
	isObject,
	nested,
	parseCallbackData,
	simplifyInboundMessage,
	simplifyPrice,
	simplifyReport,
	toIsoDate,
} from '../InfobipOmni/reports/simplify';

/**
 * What Infobip pushes to a Notify URL (https://www.infobip.com/docs/api/channels/omni-failover/receive-omni-failover-message-delivery-reports)
 * or to a Messages API webhook (https://www.infobip.com/docs/api/platform/messages-api):
 * delivery reports, seen reports and inbound messages. OMNI's are told apart only by their
 * fields; the Messages API's name themselves in `event`.
 */
export type OmniEvent = 'deliveryReport' | 'seenReport' | 'inboundMessage';

export const OMNI_EVENTS: readonly OmniEvent[] = ['deliveryReport', 'seenReport', 'inboundMessage'];

// request.ts and lifecycle.ts read pushes with the same readers.
export { field, isObject } from '../InfobipOmni/reports/simplify';

/** The Messages API's `event` of each push (the spec's webhooks), and what the trigger calls it. */
const MESSAGES_API_EVENTS: Record<string, OmniEvent> = {
	DELIVERY: 'deliveryReport',
	SEEN: 'seenReport',
	MO: 'inboundMessage',
	TYPING_STARTED: 'inboundMessage',
	TYPING_STOPPED: 'inboundMessage',
};

/** The Messages API's own `event` of a result (`DELIVERY`, `MO`…), or undefined for OMNI's. */
export function messagesApiEvent(result: IDataObject): string | undefined {
	const event = asText(field(result, 'event'))?.trim().toUpperCase();
	return event !== undefined && event in MESSAGES_API_EVENTS ? event : undefined;
}

/** Which of the three pushes a result is: its `event` (Messages API), else the fields only that kind carries (OMNI). */
export function recogniseEvent(result: IDataObject): OmniEvent | undefined {
	const named = messagesApiEvent(result);
	if (named) return MESSAGES_API_EVENTS[named];
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

/**
 * One pushed result as one item. Delivery and seen reports take the one report shape of
 * Delivery Report → Get Many and Log → Get Many (docs/report-shape.md), with `event` first and the
 * trigger's own fields after it: `seenAt` for seen reports, `raw` (the result exactly as
 * received; dedupe.ts adds `dedupeKey` before it). Inbound messages are not reports: OMNI's
 * fields are there when Infobip sent them; the Messages API's take the fixed inbound shape.
 */
export function normaliseResult(result: IDataObject, event: OmniEvent): IDataObject {
	if (event === 'inboundMessage' && messagesApiEvent(result)) {
		// The Messages API's inbound shape, the same as Inbound Message → Get Many's (docs/report-shape.md).
		return { event, ...simplifyInboundMessage(result), raw: result };
	}
	if (event === 'inboundMessage') {
		const text = (name: string) => asText(field(result, name));
		return compact({
			event,
			messageId: text('messageId'),
			pairedMessageId: text('pairedMessageId'),
			to: text('to'),
			from: text('from'),
			channel: text('integrationType') ?? text('channel'),
			receivedAt: toIsoDate(field(result, 'receivedAt')),
			message: nested(result, 'message'),
			contact: nested(result, 'contact'),
			price: simplifyPrice(result),
			callbackData: parseCallbackData(field(result, 'callbackData')),
			raw: result,
		});
	}
	const item: IDataObject = { event, ...simplifyReport(result) };
	if (event === 'seenReport') item.seenAt = toIsoDate(field(result, 'seenAt')) ?? null;
	item.raw = result;
	return item;
}
