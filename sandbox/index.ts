/**
 * Local Infobip sandbox (dev-only, never shipped): a real HTTP server that answers like
 * Infobip's OMNI failover API and Messages API, with a deterministic delivery simulation, a
 * controllable clock and fault drills. See sandbox/README.md.
 */
import { DEFAULT_ACCOUNT, SANDBOX_ACCOUNTS, type SandboxAccount } from './accounts';
import { type ClockOptions, SandboxClock } from './clock';
import { type LoggedRequest, type ScenarioFixture, SandboxCore } from './core';
import type { Drill } from './drills';
import type { InboundInjection } from './messagesApi/service';
import type {
	MessagesApiDeliveryReport,
	MessagesApiInboundEvent,
	MessagesApiRecord,
} from './messagesApi/state';
import type { WhatsAppTemplate } from './messagesApi/templates';
import { FACEBOOK_USER_NUMBERS } from './numberRules';
import type { PushAttempt } from './push';
import { REAL_TIMERS } from './realTimers';
import { copyScenario } from './scenarios';
import { buildServer } from './server';
import type { MessageRecord, Scenario } from './state';
import { createValidators } from './validation';

export interface SandboxOptions {
	/** Port to listen on; 0 (default) picks a free port. */
	port?: number;
	/** Interface to bind; default 127.0.0.1. */
	host?: string;
	/** Real-time delay added to every /omni request (benchmarks), default 0. */
	latencyMs?: number;
	/** Apply Infobip's published rate limits (scenario create/update, logs); default false. */
	throttling?: boolean;
	/** A clock instance, or options for a new one (`{ manual: true }` for tests); default real time. */
	clock?: SandboxClock | ClockOptions;
	/** Accounts accepted by the sandbox; default SANDBOX_ACCOUNTS. */
	accounts?: readonly SandboxAccount[];
	/** Phone numbers known as Facebook users; default FACEBOOK_USER_NUMBERS. */
	facebookUsers?: readonly string[];
	/** Keep a log of /omni requests (newest 10 000); default true. */
	logRequests?: boolean;
	/** Real-time timeout of one push to a notifyUrl; default 5000 ms. */
	pushTimeoutMs?: number;
	/** Scenarios present from the start and after every reset. */
	scenarios?: readonly ScenarioFixture[];
	/** Messenger PSIDs a MESSENGER step reaches; default MESSENGER_USER_PSIDS. */
	messengerUsers?: readonly string[];
	/** URL inbound Messages API events are pushed to (default: none, they wait for GET). */
	messagesApiInboundUrl?: string;
}

/** The Messages API side of the sandbox (`sandbox.messagesApi`). */
export interface SandboxMessagesApi {
	/** Injects an inbound event (MO by default): pushed to the inbound URL, else kept for GET. */
	injectInbound(input: InboundInjection): Promise<MessagesApiInboundEvent>;
	/** Sets (or, with null, clears) the account's inbound push URL; undefined restores the option. */
	setInboundUrl(url: string | null | undefined, accountId?: string): void;
	/** Accepted destinations with their step attempts (default: the first account). */
	messages(accountId?: string): MessagesApiRecord[];
	/** Reports waiting for GET /messages-api/1/reports, without taking them. */
	pendingReports(accountId?: string): MessagesApiDeliveryReport[];
	/** Inbound events waiting for GET /messages-api/1/inbound, without taking them. */
	pendingInbound(accountId?: string): MessagesApiInboundEvent[];
	/** Destinations accepted by POST /messages-api/1/messages (all accounts when no id). */
	acceptedCount(accountId?: string): number;
	/** WhatsApp templates of a sender (undefined when the sandbox has none for it). */
	templates(sender: string): WhatsAppTemplate[] | undefined;
}

export interface Sandbox {
	/** e.g. `http://127.0.0.1:40123` (no trailing slash). */
	readonly baseUrl: string;
	readonly port: number;
	readonly host: string;
	readonly accounts: readonly SandboxAccount[];
	readonly clock: SandboxClock;
	close(): Promise<void>;
	/** Clears scenarios (back to fixtures), messages, reports, pushes, drills, request log and counts. */
	reset(): void;
	/** Arms a fault drill for the next matching request(s). */
	drill(drill: Drill): void;
	/** Drills still armed. */
	drills(): Array<Drill & { remaining: number }>;
	clearDrills(): void;
	requests(): LoggedRequest[];
	clearRequests(): void;
	pushes(): PushAttempt[];
	/** Destinations accepted on the account, or on all accounts when no id is given. */
	acceptedCount(accountId?: string): number;
	/** Runs every delivery, expiry and push that is due on the clock, and waits for them. */
	settle(): Promise<void>;
	/** Moves the clock forward, running everything that falls due on the way. */
	advance(ms: number): Promise<void>;
	/** Jumps from task to task until nothing is left (bounded to 30 virtual days). */
	runAll(): Promise<void>;
	/** Changes the global latency of /omni requests. */
	setLatency(ms: number): void;
	/** Scenarios of the account (default: the first account). */
	scenarios(accountId?: string): Scenario[];
	/** Accepted destinations with their step attempts (default: the first account). */
	messages(accountId?: string): MessageRecord[];
	/** The Messages API: inbound injection, state, counts. */
	readonly messagesApi: SandboxMessagesApi;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const clock =
		options.clock instanceof SandboxClock
			? options.clock
			: new SandboxClock(options.clock ?? {}, REAL_TIMERS);
	const accounts = options.accounts ?? SANDBOX_ACCOUNTS;
	const scenarios = options.scenarios ?? [];
	const validators = createValidators();
	scenarios.forEach((fixture, index) => {
		const { accountId, ...scenario } = fixture;
		const checked = validators.scenario(scenario);
		if (!checked.ok) {
			throw new Error(`Invalid scenario fixture #${index}: ${JSON.stringify(checked.errors)}`);
		}
		if (accountId !== undefined && !accounts.some((account) => account.id === accountId)) {
			throw new Error(`Scenario fixture #${index} names unknown account ${accountId}`);
		}
	});
	const core = new SandboxCore({
		accounts,
		facebookUsers: options.facebookUsers ?? FACEBOOK_USER_NUMBERS,
		clock,
		throttling: options.throttling ?? false,
		latencyMs: options.latencyMs ?? 0,
		logRequests: options.logRequests ?? true,
		pushTimeoutMs: options.pushTimeoutMs ?? 5_000,
		scenarios,
		...(options.messengerUsers !== undefined ? { messengerUsers: options.messengerUsers } : {}),
		...(options.messagesApiInboundUrl !== undefined
			? { messagesApiInboundUrl: options.messagesApiInboundUrl }
			: {}),
	});
	const { app, closeHungConnections } = buildServer(core);
	const host = options.host ?? '127.0.0.1';
	await app.listen({ port: options.port ?? 0, host });
	const address = app.server.address();
	const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
	const urlHost = host.includes(':') ? `[${host}]` : host;
	const firstAccountId = accounts[0]?.id ?? DEFAULT_ACCOUNT.id;

	return {
		baseUrl: `http://${urlHost}:${port}`,
		port,
		host,
		accounts,
		clock,
		async close() {
			clock.dispose();
			closeHungConnections();
			await app.close();
		},
		reset: () => core.reset(),
		drill: (drill) => core.drills.add(drill),
		drills: () => core.drills.list(),
		clearDrills: () => core.drills.clear(),
		requests: () => core.requests(),
		clearRequests: () => core.clearRequests(),
		pushes: () => core.pusher.attempts(),
		acceptedCount: (accountId) => core.acceptedCount(accountId),
		settle: () => clock.settle(),
		advance: (ms) => clock.advance(ms),
		runAll: () => clock.runAll(),
		setLatency: (ms) => {
			core.latencyMs = Math.max(0, ms);
		},
		scenarios: (accountId = firstAccountId) =>
			[...core.stateOf(accountId).scenarios.values()].map(copyScenario),
		messages: (accountId = firstAccountId) => core.stateOf(accountId).messages,
		messagesApi: {
			async injectInbound(input) {
				const accountId = input.accountId ?? firstAccountId;
				const result = await core.messagesApi.inject(accountId, core.stateOf(accountId), input);
				if (!result.event) {
					throw new Error(`Invalid inbound event: ${JSON.stringify(result.violations)}`);
				}
				return result.event;
			},
			setInboundUrl(url, accountId = firstAccountId) {
				const state = core.stateOf(accountId).messagesApi;
				if (url === undefined) delete state.inboundUrl;
				else state.inboundUrl = url === null ? '' : url;
			},
			messages: (accountId = firstAccountId) => core.stateOf(accountId).messagesApi.records,
			pendingReports: (accountId = firstAccountId) =>
				core.stateOf(accountId).messagesApi.pendingReports.map(({ report }) => report),
			pendingInbound: (accountId = firstAccountId) =>
				core.stateOf(accountId).messagesApi.inbound.map(({ event }) => event),
			acceptedCount: (accountId) => core.messagesApiAcceptedCount(accountId),
			templates: (sender) => core.messagesApi.templates.list(sender),
		},
	};
}

export {
	authorizationFor,
	DEFAULT_ACCOUNT,
	SANDBOX_ACCOUNTS,
	SECOND_ACCOUNT,
	type SandboxAccount,
} from './accounts';
export {
	CHANNELS,
	CURRENT_CHANNELS,
	LEGACY_CHANNELS,
	OMNI_CHANNELS,
	type OmniChannel,
} from './channels';
export { type ClockOptions, SandboxClock } from './clock';
export type { LoggedRequest, ScenarioFixture } from './core';
export { formatInfobipDate, parseInfobipDate } from './dates';
export type { Drill, DrillKind } from './drills';
export { apiException, type ApiException, ERROR_ENVELOPES } from './envelopes';
export {
	DEFAULT_MCC_MNC,
	DELIVERY_TIMINGS,
	FACEBOOK_USER_NUMBERS,
	mccMncOf,
	isRefusedDestination,
	NUMBER_RULES,
	numberOutcome,
	type NumberOutcome,
	type NumberRule,
	REFUSED_DESTINATIONS,
} from './numberRules';
export { PUSH_RETRY, type PushAttempt, XML_REPORTS_ROOT } from './push';
export { API_ERRORS, type ApiError, apiError } from './messagesApi/envelopes';
export {
	CHAT_APP_PHONE_CHANNELS,
	MESSENGER_USER_PSIDS,
	NO_CHAT_APP_NUMBERS,
	PHONE_CHANNELS,
	UNKNOWN_MESSENGER_PSID,
} from './messagesApi/rules';
export {
	INBOUND_EVENT_CHANNELS,
	INBOUND_PULL_CHANNELS,
	MESSAGES_API_CHANNELS,
	type MessagesApiChannel,
	SEEN_CHANNELS,
	TEMPLATE_CHANNELS,
} from './messagesApi/schemas';
export {
	INBOUND_DEFAULT_LIMIT,
	type InboundInjection,
	MESSAGES_API_RETENTION_MS,
	REPORTS_DEFAULT_LIMIT,
} from './messagesApi/service';
export {
	deliveryReportsXml,
	MESSAGES_API_ACCEPTED,
	SEEN_AFTER_MS,
	XML_DELIVERY_ROOT,
} from './messagesApi/simulation';
export type {
	MessagesApiDeliveryReport,
	MessagesApiInboundEvent,
	MessagesApiRecord,
	MessagesApiSeenReport,
} from './messagesApi/state';
export {
	WHATSAPP_SENDERS,
	WHATSAPP_TEMPLATES,
	type WhatsAppTemplate,
} from './messagesApi/templates';
export {
	MAX_VALIDITY_MS as MESSAGES_API_MAX_VALIDITY_MS,
	MIN_VALIDITY_MS as MESSAGES_API_MIN_VALIDITY_MS,
	UNKNOWN_PROPERTY,
	type Violation,
} from './messagesApi/validation';
export { LOG_WINDOW_MS } from './reports';
export { DEFAULT_VALIDITY_MS, MAX_SCHEDULE_MS } from './simulation';
export type { DeliveryReport, MessageRecord, Scenario, ScenarioStep, ToAddress } from './state';
export { ERRORS, STATUSES, STATUS_GROUPS } from './statuses';
export { THROTTLE_LIMITS } from './throttling';
