/** In-memory state of the sandbox, one compartment per account. */
import type { OmniChannel } from './channels';
import { emptyMessagesApiState, type MessagesApiAccountState } from './messagesApi/state';
import type { MessageError, MessageStatus } from './statuses';

export interface ScenarioStep {
	from: string;
	channel: OmniChannel;
}

export interface Scenario {
	key: string;
	name?: string;
	flow: ScenarioStep[];
	default: boolean;
}

export interface ToAddress {
	phoneNumber?: string;
	emailAddress?: string;
	pushRegistrationId?: string;
	whatsAppUserId?: string;
	facebookUserKey?: string;
	lineUserKey?: string;
}

export interface Price {
	pricePerMessage: number;
	currency: string;
}

/** A delivery report, exactly as served by `GET /omni/1/reports` and pushed to `notifyUrl`. */
export interface DeliveryReport {
	bulkId?: string;
	messageId: string;
	to: string;
	sentAt: string;
	doneAt: string;
	messageCount: number;
	mccMnc?: string;
	price: Price;
	status: MessageStatus;
	error: MessageError;
	channel: OmniChannel;
	callbackData?: string;
}

/** One scenario step tried for one destination: the source of logs and reports. */
export interface StepAttempt {
	channel: OmniChannel;
	from: string;
	to: string;
	text?: string;
	sentAt: number;
	doneAt?: number;
	messageCount: number;
	mccMnc?: string;
	price: Price;
	status: MessageStatus;
	error?: MessageError;
}

export interface PushTarget {
	url: string;
	contentType: 'application/json' | 'application/xml';
	intermediateReport: boolean;
}

/** One accepted destination of a send request, walking its scenario's steps. */
export interface MessageRecord {
	accountId: string;
	messageId: string;
	bulkId?: string;
	to: ToAddress;
	flow: ScenarioStep[];
	/** The send request body (channel objects are read from it step by step). */
	request: Record<string, unknown>;
	callbackData?: string;
	pushTarget?: PushTarget;
	acceptedAt: number;
	startAt: number;
	attempts: StepAttempt[];
	finished: boolean;
}

export interface AccountState {
	scenarios: Map<string, Scenario>;
	messages: MessageRecord[];
	usedMessageIds: Set<string>;
	/** Reports not fetched yet (each is served once). */
	pendingReports: DeliveryReport[];
	acceptedCount: number;
	/** Virtual times of recent throttled calls, per operation. */
	throttleWindows: Map<string, number[]>;
	/** The Messages API's own messages, reports and inbound events. */
	messagesApi: MessagesApiAccountState;
}

export function emptyAccountState(): AccountState {
	return {
		scenarios: new Map(),
		messages: [],
		usedMessageIds: new Set(),
		pendingReports: [],
		acceptedCount: 0,
		throttleWindows: new Map(),
		messagesApi: emptyMessagesApiState(),
	};
}
