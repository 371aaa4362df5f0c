import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { failOrErrorItem } from '../../../InfobipOmni/actions/items';
import { prepareItems, readSettings } from '../../../InfobipOmni/actions/message/send';
import type { OperationExecute } from '../../../InfobipOmni/actions/types';
import { MESSAGE_ENTRIES, planChunks, type Chunk } from '../../../InfobipOmni/dispatch';
import { infobipApiRequest } from '../../../InfobipOmni/transport';
import type { MessagesDestination } from '../../builders/message';
import { MESSAGES_VALIDATE_PATH, messagesPipelineBase } from './pipeline';
import { messagesViolationReader, violationOwners } from './violations';

/** Validate shows Send's fields (send.operation.ts declares them for both). */
export const description = [];

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

interface Answer {
	valid: boolean;
	body: IDataObject;
}

/** The violations of one answer that concern one item, each with the node's field label. */
function violationsFor(
	raw: unknown,
	itemIndex: number,
	chunk: Chunk<MessagesDestination>,
): IDataObject[] {
	return (Array.isArray(raw) ? raw : []).filter(isObject).flatMap((violation) => {
		const property = typeof violation.property === 'string' ? violation.property : '';
		const { itemIndexes, label } = violationOwners(property, chunk.items);
		if (!itemIndexes.includes(itemIndex)) return [];
		return [{ ...violation, ...(label ? { field: label } : {}) }];
	});
}

/**
 * `POST /messages-api/1/messages/validate` (https://www.infobip.com/docs/api/platform/messages-api/message/validate-messages-api-message):
 * the bodies Send would send, batched the same way; nothing is sent. Per item
 * `{valid, description, action, violations, skippableViolations}`; a 400 is an "invalid" answer,
 * not a failure.
 */
export const execute: OperationExecute = async function (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ policy, read },
): Promise<INodeExecutionData[]> {
	const base = messagesPipelineBase(MESSAGES_VALIDATE_PATH, new Map());
	const settings = readSettings.call(this);
	const { prepared, failures } = (prepareItems<MessagesDestination>).call(
		this,
		items,
		read,
		base,
		settings,
	);
	const results = new Map<number, INodeExecutionData>();
	const queue = planChunks(prepared, settings.batchSize);

	const validate = async (chunk: Chunk<MessagesDestination>) => {
		let answer: Answer;
		try {
			const body = await infobipApiRequest.call(
				this,
				{
					method: 'POST',
					path: MESSAGES_VALIDATE_PATH,
					body: MESSAGE_ENTRIES.body(chunk),
					itemIndex: chunk.items[0].itemIndex,
					readViolation: messagesViolationReader(chunk.items),
				},
				policy,
			);
			answer = { valid: true, body };
		} catch (error) {
			const data = (error as NodeApiError).context?.data;
			if (!(error instanceof NodeApiError) || error.httpCode !== '400' || !isObject(data)) {
				for (const item of chunk.items) {
					results.set(item.itemIndex, failOrErrorItem.call(this, error, item.itemIndex));
				}
				return;
			}
			answer = { valid: false, body: data };
		}
		for (const item of chunk.items) {
			const violations = violationsFor(answer.body.violations, item.itemIndex, chunk);
			results.set(item.itemIndex, {
				json: {
					// One request's 400 covers all its items: an item none of whose violations is its own is still valid.
					valid: answer.valid || (violations.length === 0 && hasIndexedViolations(answer.body)),
					description: answer.body.description ?? null,
					action: answer.body.action ?? null,
					violations,
					skippableViolations: violationsFor(
						answer.body.skippableViolations,
						item.itemIndex,
						chunk,
					),
				},
				pairedItem: { item: item.itemIndex },
			});
		}
	};

	const workers = Array.from(
		{ length: Math.max(1, Math.min(settings.maxInFlight, queue.length)) },
		async () => {
			for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await validate(chunk);
		},
	);
	await Promise.all(workers);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = failures.get(itemIndex) ?? results.get(itemIndex);
		if (result) output.push(result);
	}
	return output;
};

/** Whether every violation of a 400 names its message, so that the others are known to be fine. */
function hasIndexedViolations(body: IDataObject): boolean {
	const violations = (Array.isArray(body.violations) ? body.violations : []).filter(isObject);
	return (
		violations.length > 0 &&
		violations.every(
			(violation) =>
				typeof violation.property === 'string' && /^messages\[\d+\]/.test(violation.property),
		)
	);
}
