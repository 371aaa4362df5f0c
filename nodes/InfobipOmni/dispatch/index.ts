import type { IDataObject } from 'n8n-workflow';

import type { Destination } from '../builders/recipients';

/** The request body as sent: destinations placed after the scenario key and bulk ID. */
export function withDestinations(body: IDataObject, destinations: Destination[]): IDataObject {
	const { scenarioKey, bulkId, ...rest } = body;
	return {
		...(scenarioKey === undefined ? {} : { scenarioKey }),
		...(bulkId === undefined ? {} : { bulkId }),
		destinations: destinations as unknown as IDataObject[],
		...rest,
	};
}

/** A destination as the dispatch tracks it: the message ID its answer is matched by, and its address. */
export interface TrackedDestination {
	messageId?: string;
	to: unknown;
}

/**
 * One item, ready to send. `body` is what items must share to go in one request (OMNI: the body
 * without destinations, see buildSendBody; Messages API: the request-level options); `entry` is
 * the item's own part of a combined body (Messages API: its `messages[]` entry).
 */
export interface PreparedSend<D extends TrackedDestination = Destination> {
	itemIndex: number;
	body: IDataObject;
	destinations: D[];
	entry?: IDataObject;
}

/** How a request body is composed from the items of one chunk. */
export interface RequestLayout {
	body(chunk: Chunk<TrackedDestination>): IDataObject;
}

/** OMNI: one body, every item's destinations concatenated in it. */
export const MERGED_DESTINATIONS: RequestLayout = {
	body: (chunk) =>
		withDestinations(
			chunk.body,
			chunk.items.flatMap((item) => item.destinations as Destination[]),
		),
};

/** Messages API: each item its own `messages[]` entry, the shared part (`options`) beside them. */
export const MESSAGE_ENTRIES: RequestLayout = {
	body: (chunk) => ({
		messages: chunk.items.map((item) => item.entry ?? {}),
		...chunk.body,
	}),
};

export interface DispatchSettings {
	/** Destinations per combined request. */
	batchSize: number;
	/** Requests in flight at once. */
	maxInFlight: number;
	/** Request starts per second across the execution; 0 = no limit. */
	requestsPerSecond: number;
}

/**
 * Sends one request body; resolves with Infobip's response or rejects with a NodeApiError.
 * `items` are the request's items in order, their destinations concatenated in the body (so
 * that an error's `destinations[i]` can be told back to its item, see fieldPaths.ts).
 */
export type SendRequest<D extends TrackedDestination = Destination> = (
	body: IDataObject,
	itemIndexes: number[],
	items: readonly PreparedSend<D>[],
) => Promise<unknown>;

export interface ItemOutcome {
	/**
	 * The response messages that belong to this item, in destination order. A destination that
	 * has no answer of its own is an unconfirmed entry (see `unconfirmedMessage`): it may have
	 * been sent, and it is never shown as accepted.
	 */
	messages?: IDataObject[];
	bulkId?: string;
	error?: unknown;
	/** Never sent: the send stopped at another request's failure before this item's turn. */
	notSent?: boolean;
}

/** Marks a destination that Infobip's answer did not account for. */
export const UNCONFIRMED = {
	groupName: 'UNCONFIRMED',
	name: 'MISSING_FROM_RESPONSE',
	description:
		'Infobip answered the request but not for this message: it may have been sent. Look it up with Log → Get Many (Message ID) before sending it again.',
} as const;

/** The stand-in for a destination without its own answer in Infobip's response. */
export function unconfirmedMessage(destination: TrackedDestination): IDataObject {
	return {
		to: destination.to as unknown as IDataObject,
		...(destination.messageId === undefined ? {} : { messageId: destination.messageId }),
		status: { ...UNCONFIRMED },
		missingFromResponse: true,
	};
}

export interface DispatchStats {
	requests: number;
	combinedRequests: number;
	/** Combined requests that Infobip answered with 400 and that were split into single ones. */
	splitAfter400: number;
}

export interface Chunk<D extends TrackedDestination = Destination> {
	body: IDataObject;
	items: PreparedSend<D>[];
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
export function planChunks<D extends TrackedDestination>(
	prepared: PreparedSend<D>[],
	batchSize: number,
): Chunk<D>[] {
	const open = new Map<string, Chunk<D> & { size: number }>();
	const chunks: Array<Chunk<D> & { size: number }> = [];
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

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Gives each item its messages. With message IDs on the destinations, each answer is matched by
 * its ID, and an ID that is missing or answered twice leaves that destination unconfirmed.
 * Without them (Infobip generates the IDs), answers are matched by position only when there is
 * exactly one per destination; otherwise every destination of the request is unconfirmed.
 */
function assignMessages<D extends TrackedDestination>(
	chunk: Chunk<D>,
	response: unknown,
	outcomes: Map<number, ItemOutcome>,
	itemFailure?: DispatchControl['itemFailure'],
): { error: unknown; itemIndex: number } | undefined {
	let firstFailure: { error: unknown; itemIndex: number } | undefined;
	const body = isObject(response) ? response : {};
	const messages = (Array.isArray(body.messages) ? body.messages : []).filter(isObject);
	const bulkId = typeof body.bulkId === 'string' ? body.bulkId : undefined;
	const destinations = chunk.items.flatMap((item) => item.destinations);

	const byId = new Map<string, IDataObject | null>();
	for (const message of messages) {
		if (typeof message.messageId !== 'string') continue;
		// Answered twice: neither answer can be trusted to be this destination's.
		byId.set(message.messageId, byId.has(message.messageId) ? null : message);
	}
	const byPosition =
		destinations.every((d) => d.messageId === undefined) && messages.length === destinations.length;

	let position = 0;
	for (const item of chunk.items) {
		const own = item.destinations.map((destination) => {
			const message =
				destination.messageId === undefined
					? byPosition
						? messages[position]
						: undefined
					: byId.get(destination.messageId);
			position++;
			return message ?? unconfirmedMessage(destination);
		});
		const error = itemFailure?.(item.itemIndex, own);
		outcomes.set(
			item.itemIndex,
			error === undefined ? { messages: own, bulkId } : { messages: own, bulkId, error },
		);
		if (error !== undefined) firstFailure ??= { error, itemIndex: item.itemIndex };
	}
	return firstFailure;
}

const httpStatusOf = (error: unknown) => Number((error as { httpCode?: string | null }).httpCode);

export interface DispatchControl {
	/**
	 * Start no further request once one has failed (the node is going to stop): requests in
	 * flight are awaited, and items never sent end with `notSent`.
	 */
	stopOnFailure?: boolean;
	now?: () => number;
	/** How a chunk's body is composed; OMNI's merged destinations when not given. */
	layout?: RequestLayout;
	/**
	 * An answered item that still failed (Messages API: a message REJECTED in a 200): the error
	 * for it, or undefined. Such an item keeps its messages and, with `stopOnFailure`, stops the send.
	 */
	itemFailure?: (itemIndex: number, messages: IDataObject[]) => unknown;
}

/**
 * Sends every prepared item with at most `maxInFlight` requests at once and at most
 * `requestsPerSecond` starts per second. A 400 on a combined request is retried item by item,
 * so that one bad destination fails only its own item. Every item ends with messages, an error,
 * or (after a stop) `notSent`.
 */
export async function dispatchSends<D extends TrackedDestination = Destination>(
	prepared: PreparedSend<D>[],
	settings: DispatchSettings,
	send: SendRequest<D>,
	sleep: (ms: number) => Promise<void>,
	control: DispatchControl = {},
): Promise<{
	outcomes: Map<number, ItemOutcome>;
	stats: DispatchStats;
	/** The failure that stopped the send, when `stopOnFailure` stopped it. */
	stoppedBy?: { error: unknown; itemIndexes: number[] };
}> {
	const now = control.now ?? Date.now;
	const layout = control.layout ?? MERGED_DESTINATIONS;
	const outcomes = new Map<number, ItemOutcome>();
	const stats: DispatchStats = { requests: 0, combinedRequests: 0, splitAfter400: 0 };
	const interval = settings.requestsPerSecond > 0 ? 1000 / settings.requestsPerSecond : 0;
	let nextStart = 0;
	let stoppedBy: { error: unknown; itemIndexes: number[] } | undefined;

	/** Waits for its start slot, then sends; `undefined` when the send stopped meanwhile. */
	const paced = async (chunk: Chunk<D>): Promise<{ response: unknown } | undefined> => {
		if (interval > 0) {
			const start = Math.max(now(), nextStart);
			nextStart = start + interval;
			const wait = start - now();
			if (wait > 0) await sleep(wait);
		}
		// Checked after the wait too: another request may have failed meanwhile.
		if (stoppedBy) return undefined;
		stats.requests++;
		if (chunk.items.length > 1) stats.combinedRequests++;
		return {
			response: await send(
				layout.body(chunk as unknown as Chunk<TrackedDestination>),
				chunk.items.map((item) => item.itemIndex),
				chunk.items,
			),
		};
	};

	const run = async (chunk: Chunk<D>): Promise<void> => {
		let sent: { response: unknown } | undefined;
		try {
			sent = stoppedBy ? undefined : await paced(chunk);
		} catch (error) {
			if (chunk.items.length > 1 && httpStatusOf(error) === 400) {
				stats.splitAfter400++;
				for (const item of chunk.items) await run({ body: chunk.body, items: [item] });
				return;
			}
			for (const item of chunk.items) outcomes.set(item.itemIndex, { error });
			if (control.stopOnFailure && !stoppedBy) {
				stoppedBy = { error, itemIndexes: chunk.items.map((item) => item.itemIndex) };
			}
			return;
		}
		if (!sent) {
			for (const item of chunk.items) outcomes.set(item.itemIndex, { notSent: true });
			return;
		}
		const failed = assignMessages(chunk, sent.response, outcomes, control.itemFailure);
		if (failed && control.stopOnFailure && !stoppedBy) {
			stoppedBy = { error: failed.error, itemIndexes: [failed.itemIndex] };
		}
	};

	const queue = planChunks(prepared, settings.batchSize);
	const workers = Array.from(
		{ length: Math.max(1, Math.min(settings.maxInFlight, queue.length)) },
		async () => {
			for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await run(chunk);
		},
	);
	await Promise.all(workers);
	return { outcomes, stats, ...(stoppedBy ? { stoppedBy } : {}) };
}
