/** Per-account state of the Messages API simulation (kept apart from OMNI's messages and reports). */
import type { MessageError, MessageStatus } from '../statuses';
import type { MessagesApiChannel } from './schemas';

export interface Platform {
	entityId?: string;
	applicationId?: string;
}

/** A delivery report, as served by `GET /messages-api/1/reports` and pushed (MessagesApiDeliveryResult). */
export interface MessagesApiDeliveryReport {
	event: 'DELIVERY';
	channel: MessagesApiChannel;
	sender: string;
	destination: string;
	sentAt: string;
	doneAt: string;
	bulkId: string;
	messageId: string;
	callbackData?: string;
	messageCount: number;
	status: MessageStatus;
	error: MessageError;
	platform?: Platform;
	mccMnc?: number;
	campaignReferenceId?: string;
}

/** A seen report (MessagesApiSeenResult), pushed to `webhooks.seen.url`. */
export interface MessagesApiSeenReport {
	event: 'SEEN';
	channel: MessagesApiChannel;
	sender: string;
	destination: string;
	sentAt: string;
	seenAt: string;
	bulkId: string;
	messageId: string;
	callbackData?: string;
	platform?: Platform;
	campaignReferenceId?: string;
}

/** An inbound event (MessagesApiInboundEvent: MO, TYPING_STARTED, TYPING_STOPPED). */
export interface MessagesApiInboundEvent {
	event: 'MO' | 'TYPING_STARTED' | 'TYPING_STOPPED';
	channel: MessagesApiChannel;
	sender: string;
	destination: string;
	content?: Array<Record<string, unknown>>;
	receivedAt: string;
	messageId: string;
	pairedMessageId?: string;
	callbackData?: string;
	messageCount?: number;
	platform?: Platform;
	campaignReferenceId?: string;
}

/** One channel step of one destination (main channel first, then the failover steps in order). */
export interface MessagesApiStep {
	channel: MessagesApiChannel;
	sender?: string;
	to: string;
	/** Content of the step (a failover step without content reuses the message's). */
	content?: Record<string, unknown>;
	templateName?: string;
	validityMs: number;
}

export interface MessagesApiAttempt {
	channel: MessagesApiChannel;
	sender?: string;
	to: string;
	sentAt: number;
	doneAt?: number;
	messageCount: number;
	status: MessageStatus;
	error?: MessageError;
}

export interface MessagesApiPushTargets {
	delivery?: {
		url: string;
		contentType: 'application/json' | 'application/xml';
		intermediateReport: boolean;
	};
	seen?: { url: string };
	/** Also report the failed steps that triggered failover (default: the final step only). */
	triggeredFailoverReports: boolean;
}

/** One accepted destination of one message, walking its steps. */
export interface MessagesApiRecord {
	accountId: string;
	bulkId: string;
	messageId: string;
	/** Index of the message in `messages[]` and of the destination in its `destinations[]`. */
	messageIndex: number;
	destinationIndex: number;
	steps: MessagesApiStep[];
	attempts: MessagesApiAttempt[];
	callbackData?: string;
	platform?: Platform;
	campaignReferenceId?: string;
	push: MessagesApiPushTargets;
	acceptedAt: number;
	startAt: number;
	finished: boolean;
	/** Set when stopOnFailure stopped the message before its first step. */
	stopped?: boolean;
}

export interface StoredReport {
	report: MessagesApiDeliveryReport;
	/** Virtual time the report became available (for the 48 h window). */
	at: number;
}

export interface MessagesApiAccountState {
	records: MessagesApiRecord[];
	usedMessageIds: Set<string>;
	pendingReports: StoredReport[];
	inbound: Array<{ event: MessagesApiInboundEvent; at: number }>;
	acceptedCount: number;
	/** URL inbound events are pushed to, set through the admin API (else the sandbox option). */
	inboundUrl?: string;
}

export function emptyMessagesApiState(): MessagesApiAccountState {
	return {
		records: [],
		usedMessageIds: new Set(),
		pendingReports: [],
		inbound: [],
		acceptedCount: 0,
	};
}
