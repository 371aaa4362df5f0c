import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	buildDestinations,
	type Destination,
	type RecipientParameters,
} from '../../builders/recipients';
import { buildSendBody, buildSendOptions, type SendOptionParameters } from '../../builders/send';
import { ParameterError } from '../../builders/parameterError';
import { asTrimmedText } from '../../builders/values';
import {
	dispatchSends,
	UNCONFIRMED,
	type DispatchSettings,
	type ItemOutcome,
	type PreparedSend,
	type RequestLayout,
	type TrackedDestination,
} from '../../dispatch';
import { REQUEST_SETTINGS } from '../../descriptions/common';
import { sendViolationReader } from '../../dispatch/fieldPaths';
import { LIMITS } from '../../limits';
import { recipientAddress } from '../../reports/simplify';
import { infobipApiRequest, type RetryPolicy } from '../../transport';
import type { ViolationReader } from '../../transport/errors';
import { SEND_PATH } from '../../transport/endpoints';
import { failOrErrorItem, type ItemError } from '../items';
import { readBoundedOption, readScenarioKey, type ReadParameter } from '../parameters';
import type { OperationContext, OperationExecute } from '../types';
import { checkScenarios } from './scenarioCheck';

/** What an operation reads from one item besides scenario, recipients and options. */
export interface ItemMessage {
	recipients: RecipientParameters;
	/** Channel value → content object, already validated. */
	contents: Record<string, IDataObject>;
}

export type ReadItemMessage = (
	this: IExecuteFunctions,
	itemIndex: number,
	read: ReadParameter,
) => ItemMessage;

/** The Options collection of a send as n8n hands it over. */
interface SendOptions extends SendOptionParameters {
	messageId?: unknown;
}

export interface SendSettings extends DispatchSettings {
	simplify: boolean;
}

export function readSettings(this: IExecuteFunctions): SendSettings {
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

/** Characters of n8n's instance ID that derived message IDs start with. */
const INSTANCE_PREFIX_LENGTH = 12;

/**
 * The start of every derived message ID of this node run: instance, execution, node and run.
 * The instance part keeps two n8n instances on one Infobip account apart (execution IDs restart
 * at 1 on a new database, and node IDs travel with imported workflows).
 */
function derivedIdPrefix(this: IExecuteFunctions): string {
	const instance = this.getInstanceId()
		.replace(/[^0-9a-z]/gi, '')
		.slice(0, INSTANCE_PREFIX_LENGTH);
	const runIndex = Number(this.getWorkflowDataProxy(0).$runIndex ?? 0);
	return `${instance}-${this.getExecutionId()}-${this.getNode().id}-${runIndex}`;
}

/** Per destination: the given message ID (suffixed -2, -3… when several), a derived one, or none. */
export function messageIdsFor(
	options: SendOptions,
	messageIdSource: unknown,
	itemIndex: number,
	runPrefix: string,
): (destinationIndex: number) => string | undefined {
	const custom = asTrimmedText('Message ID', options.messageId);
	if (custom) return (d) => (d === 0 ? custom : `${custom}-${d + 1}`);
	if (messageIdSource === 'infobip') return () => undefined;
	return (d) => `${runPrefix}-${itemIndex}-${d + 1}`;
}

/**
 * Message IDs must be unique in one run: Infobip refuses a repeated one, and answers are matched
 * to items by ID. Returns, per item that repeats an earlier item's ID, the error for it.
 */
function repeatedMessageIds(
	prepared: PreparedSend<TrackedDestination>[],
): Map<number, ParameterError> {
	const owner = new Map<string, number>();
	const repeats = new Map<number, ParameterError>();
	for (const { itemIndex, destinations } of prepared) {
		for (const { messageId } of destinations) {
			if (messageId === undefined) continue;
			const first = owner.get(messageId);
			if (first === undefined) {
				owner.set(messageId, itemIndex);
			} else if (!repeats.has(itemIndex)) {
				repeats.set(
					itemIndex,
					new ParameterError(
						'Message ID',
						`"${messageId}" is already the message ID of item ${first}`,
						'Give every item its own Message ID, e.g. {{ $json.orderId }}, or leave Message ID empty so that the node derives a unique one per recipient.',
					),
				);
			}
		}
	}
	return repeats;
}

/**
 * One flat item per destination: what a workflow needs to follow the message up. `to` is the
 * address as text, as in the reports (docs/report-shape.md), so a Merge joins on messageId and to.
 */
function simplifyMessage(
	message: IDataObject,
	bulkId: string | undefined,
	scenarioKey: string | undefined,
): IDataObject {
	const status = (message.status ?? {}) as IDataObject;
	return {
		messageId: message.messageId,
		to: recipientAddress(message.to) ?? null,
		...(bulkId ? { bulkId } : {}),
		scenarioKey: scenarioKey ?? null,
		status: status.groupName,
		statusName: status.name,
		statusDescription: status.description,
		...(message.missingFromResponse === true ? { missingFromResponse: true } : {}),
	};
}

/** One message as the stop error lists it. */
interface SentMessage {
	itemIndex: number;
	to: unknown;
	messageId: unknown;
	status?: unknown;
}

/** What a send that stopped at a failure had done by then, for the error that stops the node. */
interface SendSummary {
	total: number;
	accepted: SentMessage[];
	unconfirmed: SentMessage[];
	failedItems: number[];
	failedMessages: number;
	notSentItems: number[];
	notSentMessages: number;
}

/** OMNI answers name the recipient in `to`, the Messages API in `destination`. */
const addressOf = (message: IDataObject): unknown => message.to ?? message.destination;

function summarise(
	prepared: PreparedSend<TrackedDestination>[],
	outcomes: Map<number, ItemOutcome>,
): SendSummary {
	const summary: SendSummary = {
		total: 0,
		accepted: [],
		unconfirmed: [],
		failedItems: [],
		failedMessages: 0,
		notSentItems: [],
		notSentMessages: 0,
	};
	for (const { itemIndex, destinations } of prepared) {
		summary.total += destinations.length;
		const outcome = outcomes.get(itemIndex);
		if (outcome?.error !== undefined && outcome.messages) {
			// Answered, yet refused (a REJECTED status): its other messages may have been accepted.
			summary.failedItems.push(itemIndex);
			for (const message of outcome.messages) {
				const status = ((message.status ?? {}) as IDataObject).groupName;
				if (status === 'REJECTED') summary.failedMessages++;
				else if (message.missingFromResponse === true)
					summary.unconfirmed.push({
						itemIndex,
						to: addressOf(message),
						messageId: message.messageId,
					});
				else
					summary.accepted.push({
						itemIndex,
						to: addressOf(message),
						messageId: message.messageId,
						status,
					});
			}
		} else if (outcome?.error !== undefined) {
			summary.failedItems.push(itemIndex);
			summary.failedMessages += destinations.length;
		} else if (!outcome?.messages) {
			summary.notSentItems.push(itemIndex);
			summary.notSentMessages += destinations.length;
		} else {
			for (const message of outcome.messages) {
				const entry: SentMessage = {
					itemIndex,
					to: addressOf(message),
					messageId: message.messageId,
				};
				if (message.missingFromResponse === true) {
					summary.unconfirmed.push(entry);
				} else {
					entry.status = ((message.status ?? {}) as IDataObject).groupName;
					summary.accepted.push(entry);
				}
			}
		}
	}
	return summary;
}

/**
 * A redirect (never followed) or a 4xx refusal means the request was not processed; a 5xx, an
 * unreadable 200 or no answer at all may have been carried out.
 */
export function mayHaveBeenSent(error: ItemError): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	return !(status >= 300 && status < 500);
}

/** An unconfirmed message's status names where a user of this node looks it up. */
function unconfirmedIn(message: IDataObject, lookUp: string): IDataObject {
	if (message.missingFromResponse !== true) return message;
	const where = lookUp.includes('(') ? lookUp : `${lookUp} (Message ID)`;
	const description = UNCONFIRMED.description.replace('Log → Get Many (Message ID)', where);
	return { ...message, status: { ...(message.status as IDataObject), description } };
}

/** Accepted messages named in the stop error's description (all of them are in its context). */
const ACCEPTED_SHOWN = 5;

/** A destination as a user reads it: the phone number, email address or other address. */
const recipientText = (to: unknown): string => recipientAddress(to) ?? String(to);

const plural = (count: number, one: string, many = `${one}s`) =>
	`${count} ${count === 1 ? one : many}`;

/**
 * The error that stops the node after a send stopped: the first failure, told together with
 * what had been accepted by then, so that nothing sent is unknown and nothing is sent twice.
 */
function stopError(error: ItemError, summary: SendSummary, lookUp: string): ItemError {
	const answered = summary.accepted.length + summary.unconfirmed.length;
	error.context.accepted = summary.accepted as unknown as IDataObject[];
	error.context.unconfirmed = summary.unconfirmed as unknown as IDataObject[];
	error.context.failedItems = summary.failedItems;
	error.context.notSentItems = summary.notSentItems;
	if (answered === 0) {
		if (summary.notSentMessages > 0) {
			error.description = `${error.description ? `${error.description} ` : ''}No message of this run was confirmed as accepted, and the node stopped before sending ${plural(summary.notSentMessages, 'more message')} (notSentItems in this error's details).`;
		}
		return error;
	}
	const failedRequest = summary.failedMessages
		? ` ${plural(summary.failedMessages, 'message')} of the failed request ${mayHaveBeenSent(error) ? `may have been sent: look them up with ${lookUp} before sending them again` : 'were not sent'}.`
		: '';
	const unconfirmed = summary.unconfirmed.length
		? ` ${plural(summary.unconfirmed.length, 'message')} got no answer of ${summary.unconfirmed.length === 1 ? 'its' : 'their'} own and may have been sent (unconfirmed in the details).`
		: '';
	const notSent = summary.notSentMessages
		? ` ${plural(summary.notSentMessages, 'message')} ${summary.notSentMessages === 1 ? 'was' : 'were'} not sent: the node stopped before ${summary.notSentMessages === 1 ? 'its' : 'their'} turn.`
		: '';
	// n8n's error panel shows the description, not the context: name the first few there too.
	const shown = summary.accepted
		.slice(0, ACCEPTED_SHOWN)
		.map(
			(entry) =>
				`item ${entry.itemIndex} → ${recipientText(entry.to)} (${String(entry.messageId)})`,
		);
	const more =
		summary.accepted.length > ACCEPTED_SHOWN
			? `, and ${summary.accepted.length - ACCEPTED_SHOWN} more in the details`
			: '';
	const acceptedList = shown.length ? ` Accepted: ${shown.join(', ')}${more}.` : '';
	error.message = `Infobip accepted ${summary.accepted.length} of ${plural(summary.total, 'message')}, then the node stopped: ${error.message}`;
	error.description =
		`Do not send the ${plural(summary.accepted.length, 'accepted message')} again: item, recipient, message ID and status of each are in this error's details (accepted).` +
		unconfirmed +
		failedRequest +
		notSent +
		acceptedList +
		' To send only what was not accepted, set the node\'s On Error setting to "Continue (using error output)": accepted messages then leave by the main output and the others as error items, each paired to its input item.' +
		(error.description ? ` About the failure: ${error.description}` : '');
	return error;
}

/** What an operation's item reader gets besides the item: run-wide values it may need. */
export interface PrepareContext {
	settings: SendSettings;
	now: number;
	/** The message ID of each destination of an item with these Options (see messageIdsFor). */
	messageIds(
		options: { messageId?: unknown },
		itemIndex: number,
	): (d: number) => string | undefined;
}

/**
 * What one send operation adds to the shared pipeline: how an item becomes a PreparedSend, where
 * it goes, how answers are shown. OMNI (`POST /omni/1/advanced`, merged destinations) and the
 * Messages API (`POST /messages-api/1/messages`, one `messages[]` entry per item) both run on it.
 */
export interface SendPipeline<D extends TrackedDestination = Destination> {
	/** Reads and builds one item; throws a ParameterError for bad input. */
	prepare(
		this: IExecuteFunctions,
		itemIndex: number,
		read: ReadParameter,
		context: PrepareContext,
	): PreparedSend<D>;
	path: string;
	layout?: RequestLayout;
	/** The field named when an item has more recipients than Batch Size. */
	recipientsField: string;
	/** Where a user looks a message up before sending it again, e.g. "Log → Get Many". */
	lookUp: string;
	violationReader(items: readonly PreparedSend<D>[]): ViolationReader;
	/** One output item's JSON for one answered message. */
	output(
		message: IDataObject,
		bulkId: string | undefined,
		itemIndex: number,
		simplify: boolean,
	): IDataObject;
	/** An answered item that failed all the same (see DispatchControl.itemFailure). */
	itemFailure?(this: IExecuteFunctions, itemIndex: number, messages: IDataObject[]): unknown;
	/** At most this many messages in one run, refused before anything is sent (wait operations). */
	maxDestinations?: { max: number; fix: string };
	/** After the send (never before, so that it cannot delay or fail it). */
	afterSend?(
		this: IExecuteFunctions,
		prepared: PreparedSend<D>[],
		policy: RetryPolicy,
	): Promise<void>;
}

/**
 * Reads and checks every item before anything is sent: the items ready to send, and the error
 * items of those refused (with Continue On Fail; without it the first refusal throws).
 */
export function prepareItems<D extends TrackedDestination>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	read: ReadParameter,
	pipeline: Pick<SendPipeline<D>, 'prepare' | 'recipientsField'>,
	settings: SendSettings,
): { prepared: PreparedSend<D>[]; failures: Map<number, INodeExecutionData> } {
	const runPrefix = derivedIdPrefix.call(this);
	const context: PrepareContext = {
		settings,
		now: Date.now(),
		messageIds: (options, itemIndex) =>
			messageIdsFor(
				options,
				read(`${REQUEST_SETTINGS}.messageIdSource`, itemIndex, 'derived'),
				itemIndex,
				runPrefix,
			),
	};
	let prepared: PreparedSend<D>[] = [];
	const failures = new Map<number, INodeExecutionData>();
	const fail = (caught: unknown, itemIndex: number) => {
		failures.set(itemIndex, failOrErrorItem.call(this, caught, itemIndex));
	};
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const item = pipeline.prepare.call(this, itemIndex, read, context);
			if (item.destinations.length > settings.batchSize) {
				throw new ParameterError(
					pipeline.recipientsField,
					`${item.destinations.length} recipients are more than the Batch Size of ${settings.batchSize}`,
					`Split the recipients over several items, or raise Batch Size (up to ${LIMITS.batchSize.max}).`,
				);
			}
			prepared.push(item);
		} catch (caught) {
			fail(caught, itemIndex);
		}
	}
	const repeats = repeatedMessageIds(prepared);
	for (const [itemIndex, error] of repeats) fail(error, itemIndex);
	prepared = prepared.filter(({ itemIndex }) => !repeats.has(itemIndex));
	return { prepared, failures };
}

/**
 * The send pipeline shared by every send operation of both nodes: read and check every item
 * first (nothing is sent while any item is invalid, unless Continue On Fail is on), then
 * dispatch in batches, then emit one item per destination in input order, each paired to its
 * input item. Without Continue On Fail the first failed request stops the send: no request
 * starts after it, and the error tells what had been accepted by then.
 */
export function sendPipelineOperation<D extends TrackedDestination>(
	pipelineFor: (this: IExecuteFunctions) => SendPipeline<D>,
): OperationExecute {
	return async function (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		{ policy, read }: OperationContext,
	): Promise<INodeExecutionData[]> {
		const pipeline = pipelineFor.call(this);
		const settings = readSettings.call(this);
		const { prepared, failures } = (prepareItems<D>).call(this, items, read, pipeline, settings);
		const total = prepared.reduce((sum, item) => sum + item.destinations.length, 0);
		if (pipeline.maxDestinations && total > pipeline.maxDestinations.max) {
			throw new NodeOperationError(
				this.getNode(),
				`${total} messages would be sent, more than the ${pipeline.maxDestinations.max} this operation can wait for`,
				{ description: `Nothing was sent. ${pipeline.maxDestinations.fix}` },
			);
		}

		const { outcomes, stoppedBy } = await dispatchSends<D>(
			prepared,
			settings,
			async (body, itemIndexes, chunkItems) =>
				await infobipApiRequest.call(
					this,
					{
						method: 'POST',
						path: pipeline.path,
						body,
						itemIndex: itemIndexes[0],
						readViolation: pipeline.violationReader(chunkItems),
					},
					policy,
				),
			sleep,
			{
				stopOnFailure: !this.continueOnFail(),
				layout: pipeline.layout,
				itemFailure: pipeline.itemFailure?.bind(this),
			},
		);
		// Only without Continue On Fail: the node stops here, saying what had been accepted by then.
		if (stoppedBy) {
			failOrErrorItem.call(this, stoppedBy.error, stoppedBy.itemIndexes[0], {
				stopping: (error) => stopError(error, summarise(prepared, outcomes), pipeline.lookUp),
			});
		}
		await pipeline.afterSend?.call(this, prepared, policy);

		const destinationsOf = new Map(prepared.map((p) => [p.itemIndex, p.destinations]));
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const refused = failures.get(itemIndex);
			if (refused) {
				output.push(refused);
				continue;
			}
			const outcome = outcomes.get(itemIndex);
			if (outcome?.error !== undefined) {
				const destinations = destinationsOf.get(itemIndex) ?? [];
				output.push(
					failOrErrorItem.call(this, outcome.error, itemIndex, {
						continuing: (error) => ({
							// Answered but refused (a REJECTED status): each message as Infobip answered it.
							messages: outcome.messages
								? outcome.messages.map((message) =>
										pipeline.output(message, outcome.bulkId, itemIndex, settings.simplify),
									)
								: destinations.map((d) => ({
										to: d.to as IDataObject,
										...(d.messageId === undefined ? {} : { messageId: d.messageId }),
									})),
							sent: mayHaveBeenSent(error) ? 'unknown' : 'no',
						}),
					}),
				);
				continue;
			}
			for (const message of outcome?.messages ?? []) {
				const json = pipeline.output(
					unconfirmedIn(message, pipeline.lookUp),
					outcome?.bulkId,
					itemIndex,
					settings.simplify,
				);
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		}
		return output;
	};
}

/** OMNI's send operations: scenario, recipients and channel contents per item (POST /omni/1/advanced). */
export function sendOperation(readItemMessage: ReadItemMessage): OperationExecute {
	return sendPipelineOperation<Destination>(omniSendPipeline(readItemMessage));
}

/** The pipeline of OMNI's sends, for sendOperation and the wait operations (wait/execute.ts). */
export function omniSendPipeline(
	readItemMessage: ReadItemMessage,
): (this: IExecuteFunctions) => SendPipeline<Destination> {
	return function () {
		const scenarioKeys = new Map<number, string | undefined>();
		return {
			path: SEND_PATH,
			recipientsField: 'Phone Numbers',
			lookUp: 'Log → Get Many',
			prepare(itemIndex, read, { messageIds, now }) {
				const useDefault = read('useDefaultScenario', itemIndex, false) as boolean;
				const scenarioKey = useDefault ? undefined : readScenarioKey(read, itemIndex);
				const message = readItemMessage.call(this, itemIndex, read);
				// The Options collection, read once per item: message ID settings and send options.
				const options = read('options', itemIndex, {}) as SendOptions;
				const destinations = buildDestinations(message.recipients, messageIds(options, itemIndex));
				const body = buildSendBody({
					scenarioKey,
					contents: message.contents,
					options: buildSendOptions(options, now),
				});
				scenarioKeys.set(itemIndex, scenarioKey);
				return { itemIndex, body, destinations };
			},
			violationReader: sendViolationReader,
			output: (message, bulkId, itemIndex, simplify) =>
				simplify
					? simplifyMessage(message, bulkId, scenarioKeys.get(itemIndex))
					: { ...(bulkId ? { bulkId } : {}), ...message },
			// The scenario's check waits for the send, so that it never delays or fails it.
			afterSend: async function (prepared, policy) {
				await checkScenarios.call(this, prepared, policy);
			},
		};
	};
}
