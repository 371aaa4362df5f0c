import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

/**
 * The items a waiting node left for its resume webhook: its input on the execution stack, which
 * execute() made the messages it sent (n8n drops the node's own output run before it calls
 * webhook(): WaitingWebhooks' preserveInputOverride pops it).
 */
export function waitingItems(this: IWebhookFunctions): INodeExecutionData[] {
	const items = this.evaluateExpression('{{ $input.all() }}', 0);
	return Array.isArray(items) ? (items as INodeExecutionData[]) : [];
}

/** Where Send and Wait for Response keeps its messages on the input item it passes on. */
export const SENT_MESSAGES_KEY = 'infobipSentMessages';

/** The input item an output item is paired to (0 when n8n gave it none). */
export function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired === 'number') return paired;
	return typeof paired?.item === 'number' ? paired.item : 0;
}

/**
 * An error item of Continue On Fail (actions/items.ts errorItem): `error` is its text. The report
 * shape's `error` is an object or null.
 */
export const isErrorItem = (item: INodeExecutionData): boolean =>
	typeof item.json.error === 'string';

/** An output item of a message Infobip took (not an error item, not REJECTED). */
export const isSentMessage = (item: INodeExecutionData): boolean =>
	!isErrorItem(item) && typeof item.json.messageId === 'string' && item.json.status !== 'REJECTED';

/** The IDs of the messages a waiting node sent, as its answer output names them. */
export function sentMessages(items: INodeExecutionData[]): IDataObject[] {
	return items.filter(isSentMessage).map(({ json }) => ({
		messageId: json.messageId,
		to: json.to ?? null,
		bulkId: json.bulkId ?? null,
		...(json.channel !== undefined ? { channel: json.channel } : {}),
	}));
}
