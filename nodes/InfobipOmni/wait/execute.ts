import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failOrErrorItem } from '../actions/items';
import { sendPipelineOperation, type SendPipeline } from '../actions/message/send';
import type { ReadParameter } from '../actions/parameters';
import type { OperationContext, OperationExecute } from '../actions/types';
import type { TrackedDestination } from '../dispatch';
import { pendingRecord } from './delivery';
import { waitTillFrom, type LimitWaitTime } from './limit';
import { responseText } from './response';
import { isSentMessage, pairedIndex, SENT_MESSAGES_KEY, sentMessages } from './waiting';

/** A read of the node's parameters with some answered otherwise (see `overriding`). */
export type ReadOverrides = Record<
	string,
	(value: () => unknown, itemIndex: number, fallback: unknown) => unknown
>;

/**
 * The send's parameter reads, with some parameters answered by the wait operation: the text
 * with its links, the Options that point delivery reports at the resume URL. `options.*` paths
 * follow an `options` override (the wait's own Options are not the send's).
 */
export function overriding(read: ReadParameter, overrides: ReadOverrides): ReadParameter {
	return (name, itemIndex, fallback, options) => {
		const override = overrides[name];
		const value = () => read(name, itemIndex, fallback, options);
		if (override) return override(value, itemIndex, fallback) as ReturnType<ReadParameter>;
		if (name.startsWith('options.') && overrides.options) {
			const options = overrides.options(() => read('options', itemIndex, {}), itemIndex, {});
			let found: unknown = options;
			for (const key of name.split('.').slice(1)) {
				found = (found as IDataObject | undefined)?.[key];
			}
			return (found ?? fallback) as ReturnType<ReadParameter>;
		}
		return value();
	};
}

/** What each node gives the wait operations: its send, and how the wait changes its reads. */
export interface WaitingSend<D extends TrackedDestination> {
	pipelineFor: (this: IExecuteFunctions) => SendPipeline<D>;
	/** Response: the reads that make the send carry `text` (the message and its links). */
	responseReads(text: string): ReadOverrides;
	/** Delivery: the reads that make Infobip push each message's reports to `url`. */
	deliveryReads(url: string): ReadOverrides;
	/** Delivery: the channels the item's message tries, in order (empty: unknown). */
	channelsOf(
		this: IExecuteFunctions,
		itemIndex: number,
		read: ReadParameter,
	): Promise<string[]> | string[];
	/** Delivery: most messages one wait follows, and the fix when there are more. */
	maxMessages: number;
	maxMessagesFix: string;
}

/** The send, with at most `max` messages in one run (refused before anything is sent). */
function cappedSend<D extends TrackedDestination>(
	spec: WaitingSend<D>,
	max: number,
	fix: string,
): OperationExecute {
	return sendPipelineOperation<D>(function () {
		return { ...spec.pipelineFor.call(this), maxDestinations: { max, fix } };
	});
}

/**
 * Message → Send and Wait for Response (n8n's `sendAndWait`): one message to the first item's
 * recipients with signed links, then the execution waits for the answer (response.ts) or the
 * Limit Wait Time. Like n8n's own send-and-wait nodes it waits for one answer, so it takes
 * one item.
 */
export function sendAndWaitForResponse<D extends TrackedDestination>(
	spec: WaitingSend<D>,
): OperationExecute {
	return async function (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		context: OperationContext,
	): Promise<INodeExecutionData[]> {
		if (items.length > 1) {
			throw new NodeOperationError(
				this.getNode(),
				`Send and Wait for Response waits for one answer, but it got ${items.length} items`,
				{
					description:
						'Give it one item: put a Loop Over Items node (Batch Size 1) before it to ask each recipient in turn, or a Limit node to ask only the first.',
				},
			);
		}
		let text: string;
		let waitTill: Date;
		try {
			const options = this.getNodeParameter('options', 0, {}) as {
				limitWaitTime?: { values?: LimitWaitTime };
			};
			waitTill = waitTillFrom(options.limitWaitTime?.values, Date.now());
			text = responseText.call(this);
		} catch (error) {
			return [failOrErrorItem.call(this, error, 0)];
		}
		const send = sendPipelineOperation<D>(spec.pipelineFor);
		const read = overriding(context.read, spec.responseReads(text));
		const sent = await send.call(this, items, { ...context, read });
		if (!sent.some(isSentMessage)) return sent;
		// The resume webhook sees only the node's input (waiting.ts): the input item, unchanged
		// for the next node when the Limit Wait Time passes, carries the messages' IDs beside it.
		this.getExecuteData().data.main[0] = [
			{
				...items[0],
				pairedItem: { item: 0 },
				[SENT_MESSAGES_KEY]: { messages: sentMessages(sent) },
			},
		];
		await this.putExecutionToWait(waitTill);
		return sent;
	};
}

/**
 * The execution's resume URL for this node, where n8n checks the execution's resume token
 * (`$execution.resumeUrl` plus the node's ID, the path of the node's resume webhook).
 */
export function deliveryResumeUrl(this: IExecuteFunctions): string {
	const url = new URL(String(this.evaluateExpression('{{ $execution.resumeUrl }}', 0)));
	url.pathname = `${url.pathname}/${encodeURIComponent(this.getNode().id)}`;
	return url.toString();
}

/**
 * Message → Send and Wait for Delivery: the send, with every message's delivery reports pushed
 * to this execution's resume URL; then the execution waits until each message has its final
 * status (delivery.ts) or the Limit Wait Time passes. Items that fail are output as the send
 * outputs them; when no message was accepted there is nothing to wait for.
 */
export function sendAndWaitForDelivery<D extends TrackedDestination>(
	spec: WaitingSend<D>,
): OperationExecute {
	return async function (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		context: OperationContext,
	): Promise<INodeExecutionData[]> {
		let waitTill: Date;
		try {
			const get = (name: string, fallback: unknown) => this.getNodeParameter(name, 0, fallback);
			const limit: LimitWaitTime | undefined = get('limitWaitTime', true)
				? {
						limitType: get('limitType', 'afterTimeInterval'),
						resumeAmount: get('resumeAmount', 1),
						resumeUnit: get('resumeUnit', 'hours'),
						maxDateAndTime: get('maxDateAndTime', ''),
					}
				: undefined;
			waitTill = waitTillFrom(limit, Date.now());
		} catch (error) {
			return [failOrErrorItem.call(this, error, 0)];
		}
		const read = overriding(context.read, spec.deliveryReads(deliveryResumeUrl.call(this)));
		const sentAt = new Date().toISOString();
		const send = cappedSend(spec, spec.maxMessages, spec.maxMessagesFix);
		const sent = await send.call(this, items, { ...context, read });
		if (!sent.some(isSentMessage)) return sent;

		const channels = new Map<number, string[]>();
		const records: INodeExecutionData[] = [];
		for (const item of sent) {
			if (!isSentMessage(item)) {
				records.push(item);
				continue;
			}
			const itemIndex = pairedIndex(item);
			if (!channels.has(itemIndex)) {
				channels.set(itemIndex, await spec.channelsOf.call(this, itemIndex, read));
			}
			records.push({
				json: pendingRecord(item.json as IDataObject, channels.get(itemIndex) ?? [], sentAt),
				pairedItem: { item: itemIndex },
			});
		}
		// The node's input is made these records: the resume webhook reads them (waiting.ts), and
		// when the Limit Wait Time passes, n8n resumes the execution without running the node
		// again and its input goes out as its output (n8n-core's WorkflowExecute disables a
		// timed-out waiting node), so the timeout shows every message as it stood, final: false.
		this.getExecuteData().data.main[0] = records;
		await this.putExecutionToWait(waitTill);
		return records;
	};
}
