import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

/**
 * What the waiting node output before it went to wait (one item per message sent), read in
 * its resume webhook. n8n drops the waiting node's run before it calls webhook()
 * (WaitingWebhooks: preserveInputOverride pops it), so `$('node').all()` finds nothing there;
 * the node's input on the execution stack is kept, and execute() makes it these items
 * (execute.ts), so `$input` reads them.
 */
export function waitingOutput(this: IWebhookFunctions): INodeExecutionData[] {
	const items = this.evaluateExpression('{{ $input.all() }}', 0);
	return Array.isArray(items) ? (items as INodeExecutionData[]) : [];
}

/** The input item an output item is paired to (0 when n8n gave it none). */
export function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired === 'number') return paired;
	return typeof paired?.item === 'number' ? paired.item : 0;
}

/** The IDs of the messages a waiting node sent, as its answer output names them. */
export function sentMessages(items: INodeExecutionData[]): IDataObject[] {
	return items
		.filter((item) => item.json.error === undefined && typeof item.json.messageId === 'string')
		.map(({ json }) => ({
			messageId: json.messageId,
			to: json.to ?? null,
			bulkId: json.bulkId ?? null,
			...(json.channel !== undefined ? { channel: json.channel } : {}),
		}));
}
