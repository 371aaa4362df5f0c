import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { isObject } from './reports';

/**
 * Infobip retries a push its receiver did not take (`1min + 1min × retry²`, reference §3.12), and
 * a retry carries results already seen. Each emitted result leaves a key in the node's static
 * data; the same key within the window is not emitted again.
 *
 * Static data is saved with the workflow after each request, so the record is kept small: keys
 * are 16-character hashes, older entries than the window are pruned on every request, and at
 * most MAX_DEDUPE_ENTRIES (about 150 KB of JSON) are kept, the newest first.
 */
export const MAX_DEDUPE_ENTRIES = 5000;
export const DEFAULT_DEDUPE_WINDOW_MINUTES = 60;

/** Hashed key → when it was first emitted (ms since the epoch). */
export type DedupeRecord = Record<string, number>;

/**
 * What makes a result "the same": the message and, for delivery reports, its channel and status
 * (a message moves PENDING → DELIVERED, and failover reports each channel). A message is seen
 * once and an inbound message arrives once. Without a messageId nothing identifies a result, so
 * it is never held back.
 */
export function dedupeKey(item: IDataObject): string | undefined {
	if (typeof item.messageId !== 'string') return undefined;
	if (item.event === 'deliveryReport') {
		const status = item.status ?? item.statusId ?? '';
		return ['deliveryReport', item.messageId, item.channel ?? '', status].join('\u0000');
	}
	return [String(item.event), item.messageId].join('\u0000');
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 16);

/** Reads whatever static data holds, keeping only well-formed entries. */
export function readDedupeRecord(value: unknown): DedupeRecord {
	const record: DedupeRecord = {};
	if (!isObject(value)) return record;
	for (const [key, at] of Object.entries(value)) {
		if (typeof at === 'number' && Number.isFinite(at)) record[key] = at;
	}
	return record;
}

export interface DedupeOptions {
	windowMs: number;
	now: number;
	maxEntries?: number;
}

/**
 * Splits items into those to emit and returns the record to store. A window of 0 turns dedupe
 * off: everything is emitted and the stored record is emptied.
 */
export function dedupe(
	items: IDataObject[],
	stored: DedupeRecord,
	{ windowMs, now, maxEntries = MAX_DEDUPE_ENTRIES }: DedupeOptions,
): { fresh: IDataObject[]; record: DedupeRecord } {
	if (windowMs <= 0) return { fresh: items, record: {} };

	const record: DedupeRecord = {};
	for (const [key, at] of Object.entries(stored)) {
		if (now - at < windowMs) record[key] = at;
	}

	const fresh: IDataObject[] = [];
	for (const item of items) {
		const key = dedupeKey(item);
		if (key === undefined) {
			fresh.push(item);
			continue;
		}
		const hashed = hashKey(key);
		if (Object.prototype.hasOwnProperty.call(record, hashed)) continue;
		record[hashed] = now;
		fresh.push(item);
	}

	const entries = Object.entries(record);
	if (entries.length <= maxEntries) return { fresh, record };
	const newest = entries.sort(([, a], [, b]) => b - a).slice(0, maxEntries);
	return { fresh, record: Object.fromEntries(newest) };
}
