import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Infobip retries a push its receiver did not take (`1min + 1min × retry²`, https://www.infobip.com/docs/api/channels/omni-failover/receive-omni-failover-message-delivery-reports), and
 * a retry carries results already seen. The trigger cannot hold them back itself: n8n 2.41
 * discards static data a webhook call writes when that call starts an execution (the runner
 * reloads it from the database), and webhook calls get no deduplication helpers. So every item
 * carries `dedupeKey`, for n8n's Remove Duplicates node ("Remove Items Processed in Previous
 * Executions", Value to Dedupe On `{{ $json.dedupeKey }}`), which keeps its history in the
 * database from inside the execution.
 */
export const DEDUPE_KEY_FIELD = 'dedupeKey';

const part = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * `event|messageId|channel|statusGroup/status`: the same for a retried push of a result, another
 * for the message's next status (PENDING → DELIVERED) or another channel (failover). Seen reports
 * and inbound messages have no status, so their last part is empty; for the Messages API's
 * inbound events it is the event type (`MO`, `TYPING_STARTED`, `TYPING_STOPPED`). A result without a messageId
 * (never seen from Infobip) is keyed by a hash of the result as received, which a retry repeats.
 */
export function dedupeKey(item: IDataObject): string {
	const id =
		typeof item.messageId === 'string'
			? item.messageId
			: `#${createHash('sha256')
					.update(JSON.stringify(item.raw ?? item))
					.digest('base64url')
					.slice(0, 22)}`;
	// Messages API inbound events: typing started and stopped share the message ID.
	const status =
		item.event === 'deliveryReport'
			? `${part(item.statusGroup ?? item.statusGroupId)}/${part(item.status ?? item.statusId)}`
			: part(item.eventType);
	return [part(item.event), id, part(item.channel), status].join('|');
}

/** The item with its `dedupeKey`, placed before `raw` so it shows among the normalised fields. */
export function withDedupeKey(item: IDataObject): IDataObject {
	const { raw, ...normalised } = item;
	const keyed: IDataObject = { ...normalised, [DEDUPE_KEY_FIELD]: dedupeKey(item) };
	if (raw !== undefined) keyed.raw = raw;
	return keyed;
}
