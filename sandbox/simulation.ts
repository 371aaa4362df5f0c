/**
 * The delivery simulation: accepting `POST /omni/1/advanced` and walking each destination through
 * its scenario's steps on the sandbox clock. Rules are documented in README.md ("Delivery rules").
 */
import { randomUUID } from 'node:crypto';

import { CHANNELS, CURRENCY, type ChannelInfo, type OmniChannel } from './channels';
import type { SandboxClock } from './clock';
import { parseInfobipDate } from './dates';
import type { ValidationErrors } from './envelopes';
import {
	DELIVERY_TIMINGS,
	isRefusedDestination,
	mccMncOf,
	numberOutcome,
	OUTCOME_REPORTS,
	REFUSED_DESTINATIONS,
} from './numberRules';
import type { ReportPusher } from './push';
import { buildReport } from './reports';
import type { TimeUnit } from './schemas';
import { errorOf, type ErrorName, type MessageStatus, statusOf, type StatusName } from './statuses';
import type {
	AccountState,
	MessageRecord,
	PushTarget,
	Scenario,
	ScenarioStep,
	StepAttempt,
	ToAddress,
} from './state';
import { addValidationError } from './validation';

const TIME_UNIT_MS: Record<TimeUnit, number> = {
	NANOSECONDS: 1e-6,
	MICROSECONDS: 1e-3,
	MILLISECONDS: 1,
	SECONDS: 1_000,
	MINUTES: 60_000,
	HOURS: 3_600_000,
	DAYS: 86_400_000,
};

/** `sendAt` must be sooner than 180 days from now (spec). */
export const MAX_SCHEDULE_MS = 180 * 86_400_000;

/** Default validity of a step when the channel object gives none: the 48 h maximum. */
export const DEFAULT_VALIDITY_MS = 48 * 3_600_000;

export interface SendDestination {
	messageId?: string;
	to: ToAddress;
}

export interface SendRequest extends Record<string, unknown> {
	scenarioKey?: string;
	bulkId?: string;
	destinations: SendDestination[];
	notify?: boolean;
	intermediateReport?: boolean;
	notifyUrl?: string;
	notifyContentType?: 'application/json' | 'application/xml';
	callbackData?: string;
	sendAt?: string;
}

export interface SendResponseMessage {
	to: ToAddress;
	status: MessageStatus;
	messageId: string;
}

export interface SendResponse {
	bulkId?: string;
	messages: SendResponseMessage[];
}

interface ChannelContent {
	text?: string;
	url?: string;
	templateName?: string;
	validityPeriod?: number;
	validityPeriodTimeUnit?: TimeUnit;
}

const contentOf = (
	request: Record<string, unknown>,
	channel: OmniChannel,
): ChannelContent | undefined =>
	request[CHANNELS[channel].requestKey] as ChannelContent | undefined;

function validityMs(content: ChannelContent | undefined): number | undefined {
	if (content?.validityPeriod === undefined) return undefined;
	return content.validityPeriod * TIME_UNIT_MS[content.validityPeriodTimeUnit ?? 'MINUTES'];
}

/** Checks the schema cannot express: validity bounds, the 180-day schedule limit, refused numbers. */
export function checkSendSemantics(request: SendRequest, now: number): ValidationErrors {
	const errors: ValidationErrors = {};
	for (const [channel, info] of Object.entries(CHANNELS) as Array<[OmniChannel, ChannelInfo]>) {
		const validity = validityMs(contentOf(request, channel));
		if (validity !== undefined && validity <= info.minValidityMs) {
			addValidationError(
				errors,
				`${info.requestKey}.validityPeriod`,
				`must be more than ${info.minValidityMs / 1000} seconds`,
			);
		}
	}
	(request.destinations ?? []).forEach((destination, index) => {
		if (isRefusedDestination(destination.to?.phoneNumber)) {
			addValidationError(
				errors,
				`destinations[${index}].to.phoneNumber`,
				REFUSED_DESTINATIONS.message,
			);
		}
	});
	if (request.sendAt !== undefined) {
		const sendAt = parseInfobipDate(request.sendAt);
		if (sendAt !== undefined && sendAt - now >= MAX_SCHEDULE_MS) {
			addValidationError(errors, 'sendAt', 'must be sooner than 180 days from now');
		}
	}
	return errors;
}

/** SMS segments: 160 characters in one message, 153 per part beyond that. */
function smsSegments(text: string | undefined): number {
	const length = text?.length ?? 0;
	return length <= 160 ? 1 : Math.ceil(length / 153);
}

/** The address a step of the channel uses, if the destination has one. */
function addressFor(channel: OmniChannel, to: ToAddress, facebookUsers: ReadonlySet<string>) {
	const info = CHANNELS[channel];
	switch (info.address) {
		case 'email':
			return { address: to.emailAddress };
		case 'push':
			return { address: to.pushRegistrationId };
		case 'facebook':
			if (to.facebookUserKey) return { address: to.facebookUserKey, knownUser: true };
			return {
				address: to.phoneNumber,
				knownUser: to.phoneNumber !== undefined && facebookUsers.has(to.phoneNumber),
			};
		case 'whatsApp':
			return to.phoneNumber
				? { address: to.phoneNumber, phone: true }
				: { address: to.whatsAppUserId };
		case 'phone':
		default:
			if (channel === 'LINE' && !to.phoneNumber && to.lineUserKey)
				return { address: to.lineUserKey };
			return { address: to.phoneNumber, phone: true };
	}
}

interface StepOutcome {
	status: StatusName;
	error: ErrorName;
	/** Delay until the step reports; undefined when the step never answers (it expires). */
	afterMs?: number;
}

/** The deterministic rules of README "Delivery rules", in their documented order. */
function decideStep(
	step: ScenarioStep,
	content: ChannelContent | undefined,
	to: ToAddress,
	facebookUsers: ReadonlySet<string>,
): StepOutcome {
	const delivered: StepOutcome = {
		status: 'DELIVERED_TO_HANDSET',
		error: 'NO_ERROR',
		afterMs: DELIVERY_TIMINGS.deliveredAfterMs,
	};
	if (!content) {
		return {
			status: 'UNDELIVERABLE_NOT_SENT',
			error: 'NO_ERROR',
			afterMs: DELIVERY_TIMINGS.rejectedAfterMs,
		};
	}
	const target = addressFor(step.channel, to, facebookUsers);
	if (step.channel === 'FACEBOOK') {
		if (target.knownUser) return delivered;
		// Exactly the seed's failed FACEBOOK step.
		return {
			status: 'UNDELIVERABLE_NOT_DELIVERED',
			error: 'EC_ABSENT_SUBSCRIBER_SM',
			afterMs: DELIVERY_TIMINGS.failedAfterMs,
		};
	}
	if (target.address === undefined) {
		return { status: 'MISSING_TO', error: 'NO_ERROR', afterMs: DELIVERY_TIMINGS.rejectedAfterMs };
	}
	if (!('phone' in target) || !target.phone) return delivered;
	return { ...OUTCOME_REPORTS[numberOutcome(target.address)] };
}

export interface AcceptOptions {
	/** Destination indexes a drill forces to REJECTED in the 200 response. */
	rejectIndexes?: ReadonlySet<number>;
}

export class DeliverySimulator {
	constructor(
		private readonly clock: SandboxClock,
		private readonly pusher: ReportPusher,
		private readonly facebookUsers: ReadonlySet<string>,
	) {}

	/** Accepts a validated send request for the scenario; schedules each destination's first step. */
	accept(
		accountId: string,
		state: AccountState,
		scenario: Scenario,
		request: SendRequest,
		options: AcceptOptions = {},
	): SendResponse {
		const now = this.clock.now();
		const parsedSendAt =
			request.sendAt !== undefined ? parseInfobipDate(request.sendAt) : undefined;
		const startAt = Math.max(now, parsedSendAt ?? now);
		const bulkId = request.bulkId ?? (request.destinations.length > 1 ? randomUUID() : undefined);
		const pushTarget: PushTarget | undefined =
			request.notifyUrl !== undefined && request.notify !== false
				? {
						url: request.notifyUrl,
						contentType: request.notifyContentType ?? 'application/json',
						intermediateReport: request.intermediateReport ?? false,
					}
				: undefined;

		const messages = request.destinations.map((destination, index): SendResponseMessage => {
			const messageId = destination.messageId ?? randomUUID();
			const answer = (status: StatusName): SendResponseMessage => ({
				to: { ...destination.to },
				status: statusOf(status),
				messageId,
			});
			if (options.rejectIndexes?.has(index)) return answer('REJECTED_DESTINATION');
			if (state.usedMessageIds.has(messageId)) return answer('REJECTED_DUPLICATE_MESSAGE_ID');
			state.usedMessageIds.add(messageId);
			state.acceptedCount += 1;
			const record: MessageRecord = {
				accountId,
				messageId,
				...(bulkId !== undefined ? { bulkId } : {}),
				to: { ...destination.to },
				flow: scenario.flow.map((step) => ({ ...step })),
				request,
				...(request.callbackData !== undefined ? { callbackData: request.callbackData } : {}),
				...(pushTarget ? { pushTarget } : {}),
				acceptedAt: now,
				startAt,
				attempts: [],
				finished: false,
			};
			// Until its first step starts the message shows as ACCEPTED in the logs.
			record.attempts.push(this.newAttempt(record, 0, startAt, 'MESSAGE_ACCEPTED'));
			state.messages.push(record);
			this.clock.schedule(startAt, (at) => this.startStep(record, 0, state, at));
			return answer('MESSAGE_ACCEPTED');
		});
		return bulkId !== undefined ? { bulkId, messages } : { messages };
	}

	private newAttempt(
		record: MessageRecord,
		index: number,
		sentAt: number,
		status: StatusName,
	): StepAttempt {
		const step = record.flow[index];
		const info = CHANNELS[step.channel];
		const content = contentOf(record.request, step.channel);
		const target = addressFor(step.channel, record.to, this.facebookUsers);
		const fallbackAddress =
			record.to.phoneNumber ??
			record.to.emailAddress ??
			record.to.pushRegistrationId ??
			record.to.whatsAppUserId ??
			record.to.facebookUserKey ??
			record.to.lineUserKey ??
			'';
		const text = content?.text ?? content?.url ?? content?.templateName;
		return {
			channel: step.channel,
			from: step.from,
			to: target.address ?? fallbackAddress,
			...(text !== undefined ? { text } : {}),
			sentAt,
			messageCount: step.channel === 'SMS' ? smsSegments(content?.text) : 1,
			...(record.to.phoneNumber !== undefined ? { mccMnc: mccMncOf(record.to.phoneNumber) } : {}),
			price: { pricePerMessage: info.pricePerMessage, currency: CURRENCY },
			status: statusOf(status),
		};
	}

	private async startStep(
		record: MessageRecord,
		index: number,
		state: AccountState,
		now: number,
	): Promise<void> {
		if (index >= record.flow.length) {
			record.finished = true;
			return;
		}
		const step = record.flow[index];
		const info = CHANNELS[step.channel];
		const content = contentOf(record.request, step.channel);
		const attempt = this.newAttempt(record, index, now, 'PENDING_ENROUTE');
		record.attempts[index] = attempt;

		const outcome = decideStep(step, content, record.to, this.facebookUsers);
		const validity = Math.min(validityMs(content) ?? DEFAULT_VALIDITY_MS, info.maxValidityMs);
		const expires = outcome.afterMs === undefined || outcome.afterMs > validity;
		const finalOutcome: StepOutcome = expires
			? { status: 'EXPIRED_EXPIRED', error: 'EC_MESSAGE_EXPIRED', afterMs: validity }
			: outcome;
		this.clock.schedule(now + (finalOutcome.afterMs ?? validity), (at) =>
			this.completeStep(record, index, state, finalOutcome, at),
		);
		if (record.pushTarget?.intermediateReport) {
			const pending = buildReport(record, attempt, now);
			await this.pusher.push(record.accountId, record.pushTarget, [pending], true, now);
		}
	}

	private async completeStep(
		record: MessageRecord,
		index: number,
		state: AccountState,
		outcome: StepOutcome,
		now: number,
	): Promise<void> {
		const attempt = record.attempts[index];
		attempt.doneAt = now;
		attempt.status = statusOf(outcome.status);
		attempt.error = errorOf(outcome.error);
		if (attempt.status.groupName === 'REJECTED') {
			attempt.price = { ...attempt.price, pricePerMessage: 0 };
		}
		const report = buildReport(record, attempt, now);
		const delivered = attempt.status.groupName === 'DELIVERED';
		if (delivered) record.finished = true;
		if (record.pushTarget) {
			await this.pusher.push(record.accountId, record.pushTarget, [report], false, now);
		} else {
			state.pendingReports.push(report);
		}
		// A failed step hands over to the next one (after its own report, as a receiver would expect).
		if (!delivered) await this.startStep(record, index + 1, state, now);
	}
}
