/** Everything the sandbox knows and does, independent of HTTP: accounts, state, clock, drills, logs. */
import { authenticate, type SandboxAccount } from './accounts';
import type { SandboxClock } from './clock';
import { formatInfobipDate } from './dates';
import { DrillQueue, type DrillKind } from './drills';
import { MessagesApiService } from './messagesApi/service';
import { MESSENGER_USER_PSIDS } from './messagesApi/rules';
import { ReportPusher } from './push';
import { createScenario, type ScenarioInput } from './scenarios';
import { DeliverySimulator } from './simulation';
import { type AccountState, emptyAccountState } from './state';
import { admitCall, type ThrottledOperation } from './throttling';
import { createValidators, type Validators } from './validation';

export interface LoggedRequest {
	/** Sequence number, from 1. */
	id: number;
	method: string;
	/** Path and query, as requested. */
	url: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed body (undefined when none or unparsable). */
	body?: unknown;
	/** Real time of arrival (ISO) and the sandbox clock's time (Infobip format). */
	time: string;
	clockTime: string;
	/** Account authenticated by the request, if any. */
	accountId?: string;
	/** Drill applied to the request, if any. */
	drill?: DrillKind;
	/** Status answered; undefined for `reset` and `hang` drills. */
	status?: number;
}

/** Scenario preloaded at start (fixtures), optionally with a fixed key. */
export interface ScenarioFixture extends ScenarioInput {
	/** Account id (default: the first account). */
	accountId?: string;
}

export interface CoreOptions {
	accounts: readonly SandboxAccount[];
	facebookUsers: readonly string[];
	clock: SandboxClock;
	throttling: boolean;
	latencyMs: number;
	logRequests: boolean;
	pushTimeoutMs: number;
	scenarios: readonly ScenarioFixture[];
	/** Messenger PSIDs a MESSENGER step reaches (default MESSENGER_USER_PSIDS). */
	messengerUsers?: readonly string[];
	/** Where inbound Messages API events are pushed by default (none: they wait for GET). */
	messagesApiInboundUrl?: string;
}

/** The request log keeps the newest entries only (long benchmarks must not grow memory). */
export const MAX_LOGGED_REQUESTS = 10_000;

export class SandboxCore {
	readonly accounts: readonly SandboxAccount[];
	readonly clock: SandboxClock;
	readonly validators: Validators = createValidators();
	readonly drills = new DrillQueue();
	readonly pusher: ReportPusher;
	readonly simulator: DeliverySimulator;
	readonly messagesApi: MessagesApiService;
	throttling: boolean;
	latencyMs: number;
	logRequests: boolean;
	private states = new Map<string, AccountState>();
	private requestLog: LoggedRequest[] = [];
	private requestSeq = 0;

	constructor(private readonly options: CoreOptions) {
		this.accounts = options.accounts;
		this.clock = options.clock;
		this.throttling = options.throttling;
		this.latencyMs = options.latencyMs;
		this.logRequests = options.logRequests;
		this.pusher = new ReportPusher(this.clock, options.pushTimeoutMs);
		this.simulator = new DeliverySimulator(this.clock, this.pusher, new Set(options.facebookUsers));
		this.messagesApi = new MessagesApiService(
			this.clock,
			this.pusher,
			options.messengerUsers ?? MESSENGER_USER_PSIDS,
			options.messagesApiInboundUrl,
		);
		this.reset();
	}

	authenticate(header: string | undefined): SandboxAccount | undefined {
		return authenticate(header, this.accounts);
	}

	stateOf(accountId: string): AccountState {
		let state = this.states.get(accountId);
		if (!state) {
			state = emptyAccountState();
			this.states.set(accountId, state);
		}
		return state;
	}

	/** False when throttling is on and the account is over the operation's limit. */
	admit(accountId: string, operation: ThrottledOperation): boolean {
		return !this.throttling || admitCall(this.stateOf(accountId), operation, this.clock.now());
	}

	acceptedCount(accountId?: string): number {
		if (accountId !== undefined) return this.stateOf(accountId).acceptedCount;
		return [...this.states.values()].reduce((total, state) => total + state.acceptedCount, 0);
	}

	/** Destinations accepted by POST /messages-api/1/messages (counted apart from OMNI's). */
	messagesApiAcceptedCount(accountId?: string): number {
		if (accountId !== undefined) return this.stateOf(accountId).messagesApi.acceptedCount;
		return [...this.states.values()].reduce(
			(total, state) => total + state.messagesApi.acceptedCount,
			0,
		);
	}

	logRequest(entry: Omit<LoggedRequest, 'id' | 'time' | 'clockTime'>): LoggedRequest | undefined {
		if (!this.logRequests) return undefined;
		const logged: LoggedRequest = {
			id: ++this.requestSeq,
			...entry,
			time: new Date().toISOString(),
			clockTime: formatInfobipDate(this.clock.now()),
		};
		this.requestLog.push(logged);
		if (this.requestLog.length > MAX_LOGGED_REQUESTS) this.requestLog.shift();
		return logged;
	}

	requests(): LoggedRequest[] {
		return this.requestLog.map((entry) => ({ ...entry, headers: { ...entry.headers } }));
	}

	clearRequests(): void {
		this.requestLog = [];
	}

	/** Back to the start: fixtures only, no messages, reports, pushes, drills or logged requests. */
	reset(): void {
		this.clock.clear();
		this.states = new Map();
		this.drills.clear();
		this.pusher.reset();
		this.clearRequests();
		for (const fixture of this.options.scenarios) {
			const accountId = fixture.accountId ?? this.accounts[0]?.id;
			if (accountId === undefined) continue;
			const input: ScenarioInput = {
				name: fixture.name,
				flow: fixture.flow,
				default: fixture.default,
			};
			createScenario(this.stateOf(accountId), input, fixture.key);
		}
	}
}
