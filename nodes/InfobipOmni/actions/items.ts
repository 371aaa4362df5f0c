import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isParameterError } from '../builders/parameterError';
import type { OperationContext, OperationExecute } from './types';

/** The errors an item can fail with, as n8n shows them. */
export type ItemError = NodeApiError | NodeOperationError;

/**
 * A failure for one item as the user reads it: message, fix, item and (for API errors) HTTP code.
 * n8n's own errors are kept as they are (the transport already made them readable): wrapping
 * one again would give back the same object at best, or hide its HTTP code.
 */
export function toItemError(this: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (isParameterError(error)) {
		return new NodeOperationError(
			this.getNode(),
			`Invalid ${error.field}: ${error.problem} (item ${itemIndex})`,
			{ description: error.fix, itemIndex },
		);
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/**
 * The error item that Continue On Fail puts in place of a failed item, paired to it. Only
 * `error` and `details` at the top: n8n sends such items down the error output when it is on.
 */
export function errorItem(
	error: ItemError,
	itemIndex: number,
	extra: IDataObject = {},
): INodeExecutionData {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	Object.assign(details, extra);
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

/** What an operation adds to a failed item's error, on the path the node takes. */
export interface FailureNotes {
	/** The error is about to stop the node: add what had been done by then. */
	stopping?(error: ItemError): void;
	/** The error is about to become the item's error item: add to it; returns extra details. */
	continuing?(error: ItemError): IDataObject | undefined;
}

/**
 * The one decision for a failed item, for every operation: without Continue On Fail its error
 * stops the node (thrown here); with it, the error item returned takes the item's place.
 */
export function failOrErrorItem(
	this: IExecuteFunctions,
	caught: unknown,
	itemIndex: number,
	notes: FailureNotes = {},
): INodeExecutionData {
	const error = toItemError.call(this, caught, itemIndex);
	if (!this.continueOnFail()) {
		notes.stopping?.(error);
		if (runsAsTool(this)) error.message = withFix(error);
		throw error;
	}
	return errorItem(error, itemIndex, notes.continuing?.(error));
}

/**
 * Whether the node runs as an AI agent's tool (n8n's generated `infobipOmniTool` type). Not
 * isToolExecution(): n8n 2.41's Agent v3 runs its tools through the engine, in a plain
 * execute context whose isToolExecution() is false.
 */
export const runsAsTool = (context: IExecuteFunctions): boolean =>
	context.getNode().type.endsWith('Tool');

/**
 * The message with the fix in it. An agent's model reads only the message of the error that
 * stopped its tool (n8n hands it `{ error: message }`), never the description: without the
 * fix it cannot correct its call.
 */
export function withFix(error: ItemError): string {
	const fix = error.description?.trim();
	if (!fix || error.message.includes(fix)) return error.message;
	return `${error.message}. ${/^fix\b/i.test(fix) ? '' : 'Fix: '}${fix}`;
}

/**
 * Before the error that stops the node after earlier items were carried out (a scenario created,
 * reports handed out): their results go with it, so that nothing done is unknown.
 */
function addCompleted(error: ItemError, itemIndex: number, output: INodeExecutionData[]): void {
	if (output.length === 0) return;
	const done = new Set(output.map((item) => (item.pairedItem as { item: number }).item)).size;
	error.context.completed = output.map((item) => ({
		itemIndex: (item.pairedItem as { item: number }).item,
		json: item.json,
	}));
	error.description = `${error.description ? `${error.description} ` : ''}The ${done === 1 ? 'item' : `${done} items`} before item ${itemIndex} ${done === 1 ? 'was' : 'were'} carried out: ${done === 1 ? 'its result is' : 'their results are'} in this error's details (completed).`;
}

/**
 * Runs `perItem` for every input item, in order. Each result becomes one or more output items
 * paired to its input; a failure stops the node, or with Continue On Fail becomes an error item.
 */
export async function mapItems(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	perItem: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await perItem(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (caught) {
			output.push(
				failOrErrorItem.call(this, caught, itemIndex, {
					stopping: (error) => addCompleted(error, itemIndex, output),
				}),
			);
		}
	}
	return output;
}

/** The work one item asks for; its result becomes that item's output. */
export type PerItemRun = (
	this: IExecuteFunctions,
	itemIndex: number,
	context: OperationContext,
) => Promise<IDataObject | IDataObject[]>;

/** An operation whose items are independent: `run` once per item, through `mapItems`. */
export function perItemOperation(run: PerItemRun): OperationExecute {
	return async function (this: IExecuteFunctions, items, context) {
		return await mapItems.call(
			this,
			items,
			async (itemIndex) => await run.call(this, itemIndex, context),
		);
	};
}
