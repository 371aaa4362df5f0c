import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { buildDestinations, type RecipientParameters } from '../../builders/recipients';
import { buildSendBody, buildSendOptions, type SendOptionParameters } from '../../builders/send';
import { ParameterError } from '../../builders/parameterError';
import { dispatchSends, type DispatchSettings, type PreparedSend } from '../../dispatch';
import { LIMITS } from '../../limits';
import { readBoundedOption } from '../../descriptions/common';
import { infobipApiRequest } from '../../transport';
import { errorItem, toItemError } from '../items';
import { readScenarioKey } from '../scenario/shared';
import type { OperationContext, OperationExecute } from '../types';

export const SEND_PATH = '/omni/1/advanced';

/** What an operation reads from one item besides scenario, recipients and options. */
export interface ItemMessage {
	recipients: RecipientParameters;
	/** Channel value → content object, already validated. */
	contents: Record<string, IDataObject>;
}

type ReadItemMessage = (this: IExecuteFunctions, itemIndex: number) => ItemMessage;

interface SendSettings extends DispatchSettings {
	simplify: boolean;
}

function readSettings(this: IExecuteFunctions): SendSettings {
	return {
		batchSize: Math.floor(
			readBoundedOption.call(
				this,
				'batchSize',
				'Batch Size',
				LIMITS.batchSize.default,
				1,
				LIMITS.batchSize.max,
			),
		),
		maxInFlight: Math.floor(
			readBoundedOption.call(
				this,
				'requestsInFlight',
				'Requests in Flight',
				LIMITS.requestsInFlight.default,
				1,
				LIMITS.requestsInFlight.max,
			),
		),
		requestsPerSecond: readBoundedOption.call(
			this,
			'requestsPerSecond',
			'Requests per Second',
			0,
			0,
			10_000,
		),
		simplify: this.getNodeParameter('simplify', 0, true) as boolean,
	};
}

/** Per destination: the given message ID (suffixed -2, -3… when several), a derived one, or none. */
function messageIdsFor(
	this: IExecuteFunctions,
	itemIndex: number,
	runPrefix: string,
): (destinationIndex: number) => string | undefined {
	const custom = String(this.getNodeParameter('options.messageId', itemIndex, '') ?? '').trim();
	if (custom) return (d) => (d === 0 ? custom : `${custom}-${d + 1}`);
	const source = this.getNodeParameter('options.messageIdSource', itemIndex, 'derived') as string;
	if (source === 'infobip') return () => undefined;
	return (d) => `${runPrefix}-${itemIndex}-${d + 1}`;
}

/** One flat item per destination: what a workflow needs to follow the message up. */
function simplifyMessage(
	message: IDataObject,
	bulkId: string | undefined,
	scenarioKey: string | undefined,
): IDataObject {
	const status = (message.status ?? {}) as IDataObject;
	return {
		messageId: message.messageId,
		to: message.to,
		...(bulkId ? { bulkId } : {}),
		scenarioKey: scenarioKey ?? null,
		status: status.groupName,
		statusName: status.name,
		statusDescription: status.description,
	};
}

/**
 * The send pipeline shared by every Message operation: read and check every item first (nothing
 * is sent while any item is invalid, unless Continue On Fail is on), then dispatch in batches,
 * then emit one item per destination in input order, each paired to its input item.
 */
export function sendOperation(readItemMessage: ReadItemMessage): OperationExecute {
	return async function (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		{ policy }: OperationContext,
	): Promise<INodeExecutionData[]> {
		const settings = readSettings.call(this);
		const runIndex = Number(this.getWorkflowDataProxy(0).$runIndex ?? 0);
		const runPrefix = `${this.getExecutionId()}-${this.getNode().id}-${runIndex}`;
		const now = Date.now();

		const prepared: PreparedSend[] = [];
		const failures = new Map<number, NodeApiError | NodeOperationError>();
		const scenarioKeys = new Map<number, string | undefined>();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const useDefault = this.getNodeParameter('useDefaultScenario', itemIndex, false) as boolean;
				const scenarioKey = useDefault ? undefined : readScenarioKey.call(this, itemIndex);
				const message = readItemMessage.call(this, itemIndex);
				const destinations = buildDestinations(
					message.recipients,
					messageIdsFor.call(this, itemIndex, runPrefix),
				);
				if (destinations.length > settings.batchSize) {
					throw new ParameterError(
						'Phone Numbers',
						`${destinations.length} recipients are more than the Batch Size of ${settings.batchSize}`,
						'Split the recipients over several items, or raise Batch Size (up to 1000).',
					);
				}
				const options = buildSendOptions(
					this.getNodeParameter('options', itemIndex, {}) as SendOptionParameters,
					now,
				);
				const body = buildSendBody({ scenarioKey, contents: message.contents, options });
				prepared.push({ itemIndex, body, destinations });
				scenarioKeys.set(itemIndex, scenarioKey);
			} catch (caught) {
				const error = toItemError.call(this, caught, itemIndex);
				if (!this.continueOnFail())
					throw new NodeOperationError(this.getNode(), error, { itemIndex });
				failures.set(itemIndex, error);
			}
		}

		const { outcomes } = await dispatchSends(
			prepared,
			settings,
			async (body, itemIndexes) =>
				await infobipApiRequest.call(
					this,
					{ method: 'POST', path: SEND_PATH, body, itemIndex: itemIndexes[0] },
					policy,
				),
			sleep,
		);

		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const outcome = outcomes.get(itemIndex);
			let failure = failures.get(itemIndex);
			if (outcome?.error !== undefined) failure = toItemError.call(this, outcome.error, itemIndex);
			if (failure) {
				if (!this.continueOnFail()) {
					if (failure instanceof NodeApiError) {
						failure.context.itemIndex = itemIndex;
						throw new NodeApiError(this.getNode(), failure as unknown as JsonObject);
					}
					throw new NodeOperationError(this.getNode(), failure, { itemIndex });
				}
				output.push(errorItem(failure, itemIndex));
				continue;
			}
			for (const message of outcome?.messages ?? []) {
				const json = settings.simplify
					? simplifyMessage(message, outcome?.bulkId, scenarioKeys.get(itemIndex))
					: { ...(outcome?.bulkId ? { bulkId: outcome.bulkId } : {}), ...message };
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		}
		return output;
	};
}
