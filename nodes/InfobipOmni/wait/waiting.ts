import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

/**
 * What the waiting node output before it went to wait (one item per message sent), read in
 * its resume webhook. n8n keeps that run in the execution until the node resumes, and
 * `$('node').all()` reads a node's last run, so this holds in loops too.
 */
export function waitingOutput(this: IWebhookFunctions): INodeExecutionData[] {
	// A JSON string literal, with braces escaped so that no name can close the expression.
	const name = JSON.stringify(this.getNode().name).replace(
		/[{}]/g,
		(brace) => `\\u${brace.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
	const items = this.evaluateExpression(`{{ $(${name}).all() }}`, 0);
	return Array.isArray(items) ? (items as INodeExecutionData[]) : [];
}

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

/** The IDs of the messages a waiting node sent, as its answer output names them. */
export function sentMessages(items: INodeExecutionData[]): IDataObject[] {
	return items
		.filter((item) => !isErrorItem(item) && typeof item.json.messageId === 'string')
		.map(({ json }) => ({
			messageId: json.messageId,
			to: json.to ?? null,
			bulkId: json.bulkId ?? null,
			...(json.channel !== undefined ? { channel: json.channel } : {}),
		}));
}
