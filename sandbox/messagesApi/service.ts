/** Everything of the Messages API that is independent of HTTP: validators, templates, simulation, inbound. */
import { randomUUID } from 'node:crypto';

import type { SandboxClock } from '../clock';
import { formatInfobipDate } from '../dates';
import type { ReportPusher } from '../push';
import type { AccountState } from '../state';
import type { MessagesApiChannel } from './schemas';
import { MessagesApiSimulator } from './simulation';
import type { MessagesApiDeliveryReport, MessagesApiInboundEvent, Platform } from './state';
import { TemplateCatalogue } from './templates';
import {
	createMessagesApiValidators,
	type MessagesApiValidators,
	type Violation,
} from './validation';

/** Reports and inbound messages are kept for 48 hours of sandbox time. */
export const MESSAGES_API_RETENTION_MS = 48 * 3_600_000;
export const REPORTS_DEFAULT_LIMIT = 50;
export const INBOUND_DEFAULT_LIMIT = 100;

/** What the admin API and `sandbox.messagesApi.injectInbound` take. */
export interface InboundInjection {
	/** Account (default: the first account). */
	accountId?: string;
	event?: 'MO' | 'TYPING_STARTED' | 'TYPING_STOPPED';
	channel: MessagesApiChannel;
	/** The end user (phone number, PSID…). */
	sender: string;
	/** Your sender: the number, Page ID… the user wrote to. */
	destination: string;
	/** Shorthand for one TEXT content item (MO only). */
	text?: string;
	content?: Array<Record<string, unknown>>;
	messageId?: string;
	pairedMessageId?: string;
	callbackData?: string;
	campaignReferenceId?: string;
	platform?: Platform;
	messageCount?: number;
}

export interface ReportsFilter {
	channel?: string;
	bulkId?: string;
	messageId?: string;
	limit?: number;
	entityId?: string;
	applicationId?: string;
	campaignReferenceId?: string;
}

export interface InboundFilter {
	channel: string;
	limit?: number;
	entityId?: string;
	applicationId?: string;
	campaignReferenceId?: string;
}

export class MessagesApiService {
	readonly templates: TemplateCatalogue;
	readonly validators: MessagesApiValidators;
	readonly simulator: MessagesApiSimulator;

	constructor(
		private readonly clock: SandboxClock,
		pusher: ReportPusher,
		messengerUsers: readonly string[],
		/** Default URL inbound events are pushed to (sandbox option `messagesApiInboundUrl`). */
		private readonly defaultInboundUrl: string | undefined,
	) {
		this.templates = new TemplateCatalogue();
		this.validators = createMessagesApiValidators(this.templates);
		this.simulator = new MessagesApiSimulator(clock, pusher, new Set(messengerUsers));
	}

	inboundUrlOf(account: AccountState): string | undefined {
		const url = account.messagesApi.inboundUrl;
		return url === '' ? undefined : (url ?? this.defaultInboundUrl);
	}

	/** Builds the MessagesApiInboundEvent, then stores it for GET or pushes it. */
	async inject(
		accountId: string,
		account: AccountState,
		input: InboundInjection,
	): Promise<{ event?: MessagesApiInboundEvent; violations: Violation[] }> {
		const checked = this.validators.inboundInjection(input);
		if (!checked.value) return { violations: checked.violations };
		const kind = input.event ?? 'MO';
		const content =
			input.content ??
			(input.text !== undefined
				? [{ type: 'TEXT', text: input.text, cleanText: input.text }]
				: undefined);
		if (kind === 'MO' && content === undefined) {
			return {
				violations: [
					{ property: 'text', violation: 'must not be null: an MO event needs text or content' },
				],
			};
		}
		const event: MessagesApiInboundEvent = {
			event: kind,
			channel: input.channel,
			sender: input.sender,
			destination: input.destination,
			...(kind === 'MO' ? { content } : {}),
			receivedAt: formatInfobipDate(this.clock.now()),
			messageId: input.messageId ?? randomUUID(),
			...(input.pairedMessageId !== undefined ? { pairedMessageId: input.pairedMessageId } : {}),
			...(input.callbackData !== undefined ? { callbackData: input.callbackData } : {}),
			...(kind === 'MO' ? { messageCount: input.messageCount ?? 1 } : {}),
			...(input.platform !== undefined ? { platform: { ...input.platform } } : {}),
			...(input.campaignReferenceId !== undefined && kind === 'MO'
				? { campaignReferenceId: input.campaignReferenceId }
				: {}),
		};
		await this.simulator.inbound(accountId, account, event, this.inboundUrlOf(account));
		return { event, violations: [] };
	}

	/** Takes matching reports out of the queue (each is served once); older than 48 h are dropped. */
	takeReports(account: AccountState, filter: ReportsFilter): MessagesApiDeliveryReport[] {
		const state = account.messagesApi;
		const oldest = this.clock.now() - MESSAGES_API_RETENTION_MS;
		const limit = filter.limit ?? REPORTS_DEFAULT_LIMIT;
		const taken: MessagesApiDeliveryReport[] = [];
		state.pendingReports = state.pendingReports.filter(({ report, at }) => {
			if (at < oldest) return false;
			const matches =
				taken.length < limit &&
				(filter.channel === undefined || report.channel === filter.channel) &&
				(filter.bulkId === undefined || report.bulkId === filter.bulkId) &&
				(filter.messageId === undefined || report.messageId === filter.messageId) &&
				(filter.entityId === undefined || report.platform?.entityId === filter.entityId) &&
				(filter.applicationId === undefined ||
					report.platform?.applicationId === filter.applicationId) &&
				(filter.campaignReferenceId === undefined ||
					report.campaignReferenceId === filter.campaignReferenceId);
			if (matches) taken.push(report);
			return !matches;
		});
		return taken;
	}

	/** Takes inbound events of one channel (each served once): `{results, messageCount, pendingMessageCount}`. */
	takeInbound(account: AccountState, filter: InboundFilter) {
		const state = account.messagesApi;
		const oldest = this.clock.now() - MESSAGES_API_RETENTION_MS;
		const limit = filter.limit ?? INBOUND_DEFAULT_LIMIT;
		const results: MessagesApiInboundEvent[] = [];
		let pending = 0;
		state.inbound = state.inbound.filter(({ event, at }) => {
			if (at < oldest) return false;
			const matches =
				event.channel === filter.channel &&
				(filter.entityId === undefined || event.platform?.entityId === filter.entityId) &&
				(filter.applicationId === undefined ||
					event.platform?.applicationId === filter.applicationId) &&
				(filter.campaignReferenceId === undefined ||
					event.campaignReferenceId === filter.campaignReferenceId);
			if (!matches) return true;
			if (results.length < limit) {
				results.push(event);
				return false;
			}
			pending += 1;
			return true;
		});
		return { results, messageCount: results.length, pendingMessageCount: pending };
	}
}
