import type { IDataObject } from 'n8n-workflow';

import type { Destination } from '../builders/recipients';
import { withDestinations } from '../builders/send';

/** One item, ready to send: its body without destinations (see buildSendBody), and its destinations. */
export interface PreparedSend {
	itemIndex: number;
	body: IDataObject;
	destinations: Destination[];
}

export interface DispatchSettings {
	/** Destinations per combined request. */
	batchSize: number;
	/** Requests in flight at once. */
	maxInFlight: number;
	/** Request starts per second across the execution; 0 = no limit. */
	requestsPerSecond: number;
}

/** Sends one request body; resolves with Infobip's response or rejects with a NodeApiError. */
export type SendRequest = (body: IDataObject, itemIndexes: number[]) => Promise<IDataObject>;

export interface ItemOutcome {
	/** The response messages that belong to this item, in destination order. */
	messages?: IDataObject[];
	bulkId?: string;
	error?: unknown;
}

export interface DispatchStats {
	requests: number;
	combinedRequests: number;
	/** Combined requests that Infobip answered with 400 and that were split into single ones. */
	splitAfter400: number;
}

interface Chunk {
	body: IDataObject;
	items: PreparedSend[];
}

/** Object keys sorted, so bodies equal in content get equal keys whatever their key order. */
function stableKey(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as IDataObject).sort(([a], [b]) =>
			a < b ? -1 : a > b ? 1 : 0,
		);
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableKey(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * Items whose bodies are equal except for their destinations share requests of up to
 * `batchSize` destinations (an item's destinations are never split); others go alone.
 * Chunks keep the order of their first item.
 */
export function planChunks(prepared: PreparedSend[], batchSize: number): Chunk[] {
	const open = new Map<string, Chunk & { size: number }>();
	const chunks: Array<Chunk & { size: number }> = [];
	for (const item of prepared) {
		const key = stableKey(item.body);
		let chunk = open.get(key);
		if (!chunk || chunk.size + item.destinations.length > batchSize) {
			chunk = { body: item.body, items: [], size: 0 };
			open.set(key, chunk);
			chunks.push(chunk);
		}
		chunk.items.push(item);
		chunk.size += item.destinations.length;
	}
	return chunks;
}

const requestBody = (chunk: Chunk): IDataObject =>
	withDestinations(
		chunk.body,
		chunk.items.flatMap((item) => item.destinations),
	);

/** Gives each item its messages: by messageId when destinations carry one, else by position. */
function assignMessages(chunk: Chunk, response: IDataObject, outcomes: Map<number, ItemOutcome>) {
	const messages = (Array.isArray(response.messages) ? response.messages : []) as IDataObject[];
	const byId = new Map(
		messages.filter((m) => typeof m.messageId === 'string').map((m) => [m.messageId as string, m]),
	);
	const bulkId = typeof response.bulkId === 'string' ? response.bulkId : undefined;
	let position = 0;
	for (const item of chunk.items) {
		const own = item.destinations.map((destination) => {
			const message = destination.messageId ? byId.get(destination.messageId) : messages[position];
			position++;
			return (
				message ?? {
					to: destination.to,
					messageId: destination.messageId,
					missingFromResponse: true,
				}
			);
		});
		outcomes.set(item.itemIndex, { messages: own, bulkId });
	}
}

const httpStatusOf = (error: unknown) => Number((error as { httpCode?: string | null }).httpCode);

/**
 * Sends every prepared item with at most `maxInFlight` requests at once and at most
 * `requestsPerSecond` starts per second. A 400 on a combined request is retried item by item,
 * so that one bad destination fails only its own item. Every item ends with messages or an error.
 */
export async function dispatchSends(
	prepared: PreparedSend[],
	settings: DispatchSettings,
	send: SendRequest,
	sleep: (ms: number) => Promise<void>,
	now: () => number = Date.now,
): Promise<{ outcomes: Map<number, ItemOutcome>; stats: DispatchStats }> {
	const outcomes = new Map<number, ItemOutcome>();
	const stats: DispatchStats = { requests: 0, combinedRequests: 0, splitAfter400: 0 };
	const interval = settings.requestsPerSecond > 0 ? 1000 / settings.requestsPerSecond : 0;
	let nextStart = 0;

	const paced = async (chunk: Chunk): Promise<IDataObject> => {
		if (interval > 0) {
			const start = Math.max(now(), nextStart);
			nextStart = start + interval;
			const wait = start - now();
			if (wait > 0) await sleep(wait);
		}
		stats.requests++;
		if (chunk.items.length > 1) stats.combinedRequests++;
		return await send(
			requestBody(chunk),
			chunk.items.map((item) => item.itemIndex),
		);
	};

	const run = async (chunk: Chunk): Promise<void> => {
		let response: IDataObject;
		try {
			response = await paced(chunk);
		} catch (error) {
			if (chunk.items.length > 1 && httpStatusOf(error) === 400) {
				stats.splitAfter400++;
				for (const item of chunk.items) await run({ body: chunk.body, items: [item] });
				return;
			}
			for (const item of chunk.items) outcomes.set(item.itemIndex, { error });
			return;
		}
		assignMessages(chunk, response, outcomes);
	};

	const queue = planChunks(prepared, settings.batchSize);
	const workers = Array.from(
		{ length: Math.max(1, Math.min(settings.maxInFlight, queue.length)) },
		async () => {
			for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await run(chunk);
		},
	);
	await Promise.all(workers);
	return { outcomes, stats };
}
