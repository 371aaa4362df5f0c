/**
 * The Messages API simulation: accepting `POST /messages-api/1/messages` and walking each
 * destination through its main channel and failover steps on the sandbox clock, with delivery,
 * seen and intermediate reports. Rules: README, "Messages API".
 */
import { randomUUID } from 'node:crypto';

import type { SandboxClock } from '../clock';
import { formatInfobipDate, parseInfobipDate } from '../dates';
import { mccMncOf } from '../numberRules';
import type { ReportPusher } from '../push';
import { errorOf, type MessageStatus, statusOf, type StatusName } from '../statuses';
import type { AccountState } from '../state';
import { toXml } from '../xml';
import { decideMessagesApiStep, isPhoneNumber, type StepOutcome } from './rules';
import { type MessagesApiChannel, SEEN_CHANNELS } from './schemas';
import type {
	MessagesApiAttempt,
	MessagesApiDeliveryReport,
	MessagesApiInboundEvent,
	MessagesApiPushTargets,
	MessagesApiRecord,
	MessagesApiSeenReport,
	MessagesApiStep,
} from './state';
import {
	MAX_VALIDITY_MS,
	type Destination,
	type MessagesApiMessage,
	type MessagesApiRequest,
	validityMsOf,
} from './validation';

/** The status of an accepted message in the 200 answer: exactly the spec's example. */
export const MESSAGES_API_ACCEPTED: MessageStatus = {
	groupId: 1,
	groupName: 'PENDING',
	id: 26,
	name: 'MESSAGE_ACCEPTED',
	description: 'Message sent to next instance',
};

/** A delivered message on a seen channel is seen this long after delivery (sandbox choice). */
export const SEEN_AFTER_MS = 10_000;

/** Root element of XML delivery-report pushes, as in the spec's XML webhook example. */
export const XML_DELIVERY_ROOT = 'MessagesApiDeliveryReportResponse';

export interface MessagesApiResponseMessage {
	messageId: string;
	status: MessageStatus;
	destination: string;
}

export interface MessagesApiResponse {
	bulkId: string;
	messages: MessagesApiResponseMessage[];
}

/** `<results><results>…</results></results>`, the nesting of the spec's XML example. */
export function deliveryReportsXml(reports: MessagesApiDeliveryReport[]): string {
	// toXml names list items `result`; the spec's example repeats `results`.
	return toXml(XML_DELIVERY_ROOT, { results: reports })
		.replace(/<result>/g, '<results>')
		.replace(/<\/result>/g, '</results>');
}

const smsSegments = (text: string | undefined) => {
	const length = text?.length ?? 0;
	return length <= 160 ? 1 : Math.ceil(length / 153);
};

const bodyText = (content: Record<string, unknown> | undefined): string | undefined => {
	const body = content?.body as { text?: unknown } | undefined;
	return typeof body?.text === 'string' ? body.text : undefined;
};

export interface MessagesApiAcceptOptions {
	/** Flattened destination indexes a `rejectDestinations` drill answers REJECTED_DESTINATION. */
	rejectIndexes?: ReadonlySet<number>;
}

export class MessagesApiSimulator {
	constructor(
		private readonly clock: SandboxClock,
		private readonly pusher: ReportPusher,
		private readonly messengerUsers: ReadonlySet<string>,
	) {}

	/** Accepts a validated request; O(1) work per destination and step. */
	accept(
		accountId: string,
		account: AccountState,
		request: MessagesApiRequest,
		options: MessagesApiAcceptOptions = {},
	): MessagesApiResponse {
		const state = account.messagesApi;
		const now = this.clock.now();
		const sendAt = request.options?.schedule?.sendAt;
		const startAt = Math.max(
			now,
			(sendAt !== undefined ? parseInfobipDate(sendAt) : undefined) ?? now,
		);
		const bulkId = request.options?.schedule?.bulkId ?? randomUUID();
		const stopOnFailure = request.options?.messageOrdering?.stopOnFailure ?? true;
		let stopped = false;
		let flatIndex = 0;
		const messages: MessagesApiResponseMessage[] = [];

		request.messages.forEach((message, messageIndex) => {
			let failed = false;
			message.destinations.forEach((destination, destinationIndex) => {
				const index = flatIndex++;
				const steps = stepsOf(message, destination);
				const messageId =
					destination.messageId ??
					destination.byChannel?.find((entry) => entry.channel === message.channel)?.messageId ??
					randomUUID();
				const answer = (status: MessageStatus) =>
					messages.push({ messageId, status, destination: steps[0].to });
				if (options.rejectIndexes?.has(index)) {
					failed = true;
					return answer(statusOf('REJECTED_DESTINATION'));
				}
				if (state.usedMessageIds.has(messageId))
					return answer(statusOf('REJECTED_DUPLICATE_MESSAGE_ID'));
				state.usedMessageIds.add(messageId);
				state.acceptedCount += 1;
				const record: MessagesApiRecord = {
					accountId,
					bulkId,
					messageId,
					messageIndex,
					destinationIndex,
					steps,
					attempts: [],
					...(message.webhooks?.callbackData !== undefined
						? { callbackData: message.webhooks.callbackData }
						: {}),
					...(message.options?.platform !== undefined
						? { platform: { ...message.options.platform } }
						: {}),
					...(message.options?.campaignReferenceId !== undefined
						? { campaignReferenceId: message.options.campaignReferenceId }
						: {}),
					push: pushTargetsOf(message),
					acceptedAt: now,
					startAt,
					finished: false,
				};
				state.records.push(record);
				if (stopped) {
					record.stopped = true;
					this.clock.schedule(startAt, (at) => this.stop(record, account, at));
					return answer(statusOf('UNDELIVERABLE_NOT_SENT'));
				}
				// A message whose every step is rejected at once fails at once (stopOnFailure).
				if (steps.every((step) => this.outcomeOf(step).status.startsWith('REJECTED')))
					failed = true;
				this.clock.schedule(startAt, (at) => this.startStep(record, 0, account, at));
				return answer({ ...MESSAGES_API_ACCEPTED });
			});
			if (failed && stopOnFailure) stopped = true;
		});
		return { bulkId, messages };
	}

	private outcomeOf(step: MessagesApiStep): StepOutcome {
		return decideMessagesApiStep(step.channel, step.to, this.messengerUsers);
	}

	private newAttempt(
		step: MessagesApiStep,
		sentAt: number,
		status: StatusName,
	): MessagesApiAttempt {
		return {
			channel: step.channel,
			...(step.sender !== undefined ? { sender: step.sender } : {}),
			to: step.to,
			sentAt,
			messageCount: step.channel === 'SMS' ? smsSegments(bodyText(step.content)) : 1,
			status: statusOf(status),
		};
	}

	private report(
		record: MessagesApiRecord,
		attempt: MessagesApiAttempt,
		doneAt: number,
	): MessagesApiDeliveryReport {
		return {
			event: 'DELIVERY',
			channel: attempt.channel,
			sender: attempt.sender ?? '',
			destination: attempt.to,
			sentAt: formatInfobipDate(attempt.sentAt),
			doneAt: formatInfobipDate(doneAt),
			bulkId: record.bulkId,
			messageId: record.messageId,
			...(record.callbackData !== undefined ? { callbackData: record.callbackData } : {}),
			messageCount: attempt.messageCount,
			status: { ...attempt.status },
			error: attempt.error ? { ...attempt.error } : errorOf('NO_ERROR'),
			...(record.platform !== undefined ? { platform: { ...record.platform } } : {}),
			...(isPhoneNumber(attempt.to) ? { mccMnc: Number(mccMncOf(attempt.to)) } : {}),
			...(record.campaignReferenceId !== undefined
				? { campaignReferenceId: record.campaignReferenceId }
				: {}),
		};
	}

	private async deliverReport(
		record: MessagesApiRecord,
		account: AccountState,
		report: MessagesApiDeliveryReport,
		at: number,
		intermediate = false,
	): Promise<void> {
		const target = record.push.delivery;
		if (!target) {
			if (!intermediate) account.messagesApi.pendingReports.push({ report, at });
			return;
		}
		const body =
			target.contentType === 'application/xml'
				? deliveryReportsXml([report])
				: JSON.stringify({ results: [report] });
		await this.pusher.pushBody(
			record.accountId,
			{ url: target.url, contentType: target.contentType },
			body,
			[record.messageId],
			intermediate,
			at,
		);
	}

	/** stopOnFailure: the message is not sent; its one report says so. */
	private async stop(record: MessagesApiRecord, account: AccountState, now: number): Promise<void> {
		const attempt = this.newAttempt(record.steps[0], now, 'UNDELIVERABLE_NOT_SENT');
		attempt.doneAt = now;
		attempt.error = errorOf('NO_ERROR');
		record.attempts.push(attempt);
		record.finished = true;
		await this.deliverReport(record, account, this.report(record, attempt, now), now);
	}

	private async startStep(
		record: MessagesApiRecord,
		index: number,
		account: AccountState,
		now: number,
	): Promise<void> {
		const step = record.steps[index];
		const attempt = this.newAttempt(step, now, 'PENDING_ENROUTE');
		record.attempts[index] = attempt;
		const outcome = this.outcomeOf(step);
		const expires = outcome.afterMs === undefined || outcome.afterMs > step.validityMs;
		const final: StepOutcome = expires
			? { status: 'EXPIRED_EXPIRED', error: 'EC_MESSAGE_EXPIRED', afterMs: step.validityMs }
			: outcome;
		this.clock.schedule(now + (final.afterMs ?? step.validityMs), (at) =>
			this.completeStep(record, index, account, final, at),
		);
		if (record.push.delivery?.intermediateReport) {
			await this.deliverReport(record, account, this.report(record, attempt, now), now, true);
		}
	}

	private async completeStep(
		record: MessagesApiRecord,
		index: number,
		account: AccountState,
		outcome: StepOutcome,
		now: number,
	): Promise<void> {
		const attempt = record.attempts[index];
		attempt.doneAt = now;
		attempt.status = statusOf(outcome.status);
		attempt.error = errorOf(outcome.error);
		const delivered = attempt.status.groupName === 'DELIVERED';
		const last = index === record.steps.length - 1;
		const final = delivered || last;
		if (final) record.finished = true;
		if (final || record.push.triggeredFailoverReports) {
			await this.deliverReport(record, account, this.report(record, attempt, now), now);
		}
		if (delivered && record.push.seen && SEEN_CHANNELS.includes(attempt.channel)) {
			const seenUrl = record.push.seen.url;
			this.clock.schedule(now + SEEN_AFTER_MS, (at) => this.pushSeen(record, attempt, seenUrl, at));
		}
		if (!final) await this.startStep(record, index + 1, account, now);
	}

	private async pushSeen(
		record: MessagesApiRecord,
		attempt: MessagesApiAttempt,
		url: string,
		at: number,
	): Promise<void> {
		const seen: MessagesApiSeenReport = {
			event: 'SEEN',
			channel: attempt.channel,
			sender: attempt.sender ?? '',
			destination: attempt.to,
			sentAt: formatInfobipDate(attempt.sentAt),
			seenAt: formatInfobipDate(at),
			bulkId: record.bulkId,
			messageId: record.messageId,
			...(record.callbackData !== undefined ? { callbackData: record.callbackData } : {}),
			...(record.platform !== undefined ? { platform: { ...record.platform } } : {}),
			...(record.campaignReferenceId !== undefined
				? { campaignReferenceId: record.campaignReferenceId }
				: {}),
		};
		await this.pusher.pushBody(
			record.accountId,
			{ url, contentType: 'application/json' },
			JSON.stringify({ results: [seen] }),
			[record.messageId],
			false,
			at,
		);
	}

	/** Stores an inbound event for GET /messages-api/1/inbound, or pushes it when a URL is set. */
	async inbound(
		accountId: string,
		account: AccountState,
		event: MessagesApiInboundEvent,
		url: string | undefined,
	): Promise<void> {
		const now = this.clock.now();
		if (url === undefined) {
			account.messagesApi.inbound.push({ event, at: now });
			return;
		}
		await this.pusher.pushBody(
			accountId,
			{ url, contentType: 'application/json' },
			JSON.stringify({ results: [event] }),
			[event.messageId],
			false,
			now,
		);
	}
}

function pushTargetsOf(message: MessagesApiMessage): MessagesApiPushTargets {
	const webhooks = message.webhooks;
	const deliveryUrl = webhooks?.delivery?.url;
	return {
		...(deliveryUrl !== undefined
			? {
					delivery: {
						url: deliveryUrl,
						contentType:
							webhooks?.contentType === 'application/xml' ? 'application/xml' : 'application/json',
						intermediateReport: webhooks?.delivery?.intermediateReport ?? false,
					},
				}
			: {}),
		...(webhooks?.seen?.url !== undefined ? { seen: { url: webhooks.seen.url } } : {}),
		triggeredFailoverReports: webhooks?.delivery?.receiveTriggeredFailoverReports ?? false,
	};
}

/** The steps of one destination: the main channel, then each failover step, each with its address. */
function stepsOf(message: MessagesApiMessage, destination: Destination): MessagesApiStep[] {
	const addressOf = (channel: MessagesApiChannel): string =>
		destination.byChannel?.find((entry) => entry.channel === channel)?.to ?? destination.to ?? '';
	const messageValidity = validityMsOf(message.options?.validityPeriod);
	const capped = (ms: number | undefined) => Math.min(ms ?? MAX_VALIDITY_MS, MAX_VALIDITY_MS);
	const steps: MessagesApiStep[] = [
		{
			channel: message.channel,
			...(message.sender !== undefined ? { sender: message.sender } : {}),
			to: addressOf(message.channel),
			...(message.content !== undefined ? { content: message.content } : {}),
			...(message.template !== undefined ? { templateName: message.template.templateName } : {}),
			validityMs: capped(messageValidity),
		},
	];
	for (const step of message.failover ?? []) {
		const content = step.content ?? (step.template === undefined ? message.content : undefined);
		steps.push({
			channel: step.channel,
			...(step.sender !== undefined ? { sender: step.sender } : {}),
			to: addressOf(step.channel),
			...(content !== undefined ? { content } : {}),
			...(step.template !== undefined ? { templateName: step.template.templateName } : {}),
			validityMs: capped(validityMsOf(step.validityPeriod) ?? messageValidity),
		});
	}
	return steps;
}
