import type { IDataObject } from 'n8n-workflow';

import {
	asText,
	compact,
	field,
	isObject,
	nested,
	parseCallbackData,
	simplifyPrice,
	simplifyReport,
	toIsoDate,
} from '../InfobipOmni/reports/simplify';

/**
 * What Infobip pushes to a Notify URL (https://www.infobip.com/docs/api/channels/omni-failover/receive-omni-failover-message-delivery-reports): delivery reports, seen reports and
 * inbound messages, all to the same URL, told apart only by their fields.
 */
export type OmniEvent = 'deliveryReport' | 'seenReport' | 'inboundMessage';

export const OMNI_EVENTS: readonly OmniEvent[] = ['deliveryReport', 'seenReport', 'inboundMessage'];

// request.ts and lifecycle.ts read pushes with the same readers.
export { field, isObject } from '../InfobipOmni/reports/simplify';

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

/**
 * One pushed result as one item. Delivery and seen reports take the one report shape of
 * Delivery Report → Get Many and Log → Get Many (docs/report-shape.md), with `event` first and the
 * trigger's own fields after it: `seenAt` for seen reports, `raw` (the result exactly as
 * received; dedupe.ts adds `dedupeKey` before it). Inbound messages are not reports: their
 * fields are there when Infobip sent them.
 */
export function normaliseResult(result: IDataObject, event: OmniEvent): IDataObject {
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
