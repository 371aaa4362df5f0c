import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep, UserError } from 'n8n-workflow';

import { REDIRECT_REASONS } from '../../../credentials/InfobipOmniShared';
import { hintDeprecation, isOmniPath, successorLink } from './deprecation';
import {
	describeHttpError,
	parseInfobipError,
	throttleAdvice,
	type ReadableError,
	type ViolationReader,
} from './errors';

export type InfobipFunctions = IExecuteFunctions | ILoadOptionsFunctions | IWebhookFunctions;

/** The node's `authentication` choice → the credential type it uses. */
export const CREDENTIAL_TYPES = {
	basicAuth: 'infobipOmniBasicAuthApi',
	apiKey: 'infobipOmniApiKeyApi',
} as const;

export type Authentication = keyof typeof CREDENTIAL_TYPES;

/** Bounds on waiting and retrying; set once per execution from the node's options. */
export interface RetryPolicy {
	/** Retries after the first attempt, for 429 (any method) and for GET on 502/503/504/network. */
	maxRetries: number;
	/** Upper bound on the total time spent waiting between attempts of one request. */
	maxRetryWaitMs: number;
	/** First backoff step; doubles per attempt, with jitter. Used when there is no Retry-After. */
	baseDelayMs: number;
	/** Per-attempt timeout. */
	timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 5,
	maxRetryWaitMs: 60_000,
	baseDelayMs: 1_000,
	timeoutMs: 30_000,
};

/** Backoff is capped per step so that one wait never eats the whole budget. */
const MAX_BACKOFF_STEP_MS = 30_000;
const RETRYABLE_GET_STATUSES = new Set([502, 503, 504]);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export interface InfobipRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, e.g. `/omni/1/scenarios`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** The input item this request belongs to, for the error's `[item N]`. */
	itemIndex?: number;
	/**
	 * A read that hands data out once (GET /omni/1/reports): not retried after a lost answer,
	 * since the first answer may have taken the data with it.
	 */
	consumes?: boolean;
	/** Names the fields of a 400's violations in the node's words (see ViolationReader). */
	readViolation?: ViolationReader;
}

interface FullResponse {
	statusCode: number;
	statusMessage?: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** Where a 3xx points: the Location's host (host:port when it names a port), or what it lacks. */
export function redirectTarget(location: unknown): string {
	const raw = String((Array.isArray(location) ? location[0] : location) ?? '').trim();
	if (raw === '') return 'no address (the answer has no Location header)';
	try {
		return new URL(raw).host || raw;
	} catch {
		// A relative Location stays on the Base URL's host.
		return `another path on the same host (${raw.slice(0, 100)})`;
	}
}

export function credentialTypeFor(node: INode): string {
	const authentication = (node.parameters.authentication ?? 'basicAuth') as Authentication;
	return CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES.basicAuth;
}

/** Exponential backoff with jitter: half the step is fixed, half is random. */
export function backoffDelay(retryNumber: number, policy: RetryPolicy): number {
	const step = Math.min(MAX_BACKOFF_STEP_MS, policy.baseDelayMs * 2 ** retryNumber);
	return Math.round(step / 2 + Math.random() * (step / 2));
}

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** POST and PUT may have reached Infobip before a 5xx, a timeout or a broken connection. */
const mayHaveBeenApplied = (method: IHttpRequestMethods) => method !== 'GET';

/** Where to look whether a request was carried out: OMNI has logs, other APIs the portal's. */
const checkWhere = (path: string) =>
	isOmniPath(path)
		? 'Log → Get Many (or the Infobip portal)'
		: "the Infobip portal's message logs (Analyze → Logs)";

/** What a consuming read hands out once. */
const handedOut = (path: string) => (path.includes('/inbound') ? 'inbound messages' : 'reports');

function apiError(
	node: INode,
	readable: ReadableError,
	context: { httpCode?: number; body?: unknown; code?: string; itemIndex?: number },
): NodeApiError {
	// Built from our own object only: the request (and its Authorization header) never enters it.
	// The network code is not under `code`, where NodeApiError would swap our message for a generic one.
	const error = new NodeApiError(
		node,
		{ httpCode: context.httpCode ?? null, networkCode: context.code ?? null } as JsonObject,
		{
			message: readable.message,
			description: readable.description,
			httpCode: context.httpCode === undefined ? undefined : String(context.httpCode),
			itemIndex: context.itemIndex,
		},
	);
	if (context.body !== undefined) error.context.data = context.body as IDataObject;
	return error;
}

/** The error n8n-core raised for a request that got no HTTP answer: code and whether it timed out. */
function networkFailure(error: unknown): { code: string; timedOut: boolean } {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? error;
	const code = (cause as { code?: string }).code ?? 'UNKNOWN';
	const timedOut = TIMEOUT_CODES.has(code) || /timeout/i.test(String((cause as Error).message));
	return { code, timedOut };
}

/** ` See Throttling handling errors (https://…).` from a 429's newer envelope, or ''. */
function throttleLinks(body: unknown): string {
	const resources = parseInfobipError(body).resources ?? [];
	return resources.length
		? ` See ${resources.map((r) => (r.name ? `${r.name} (${r.url})` : r.url)).join(', ')}.`
		: '';
}

/**
 * The one request function of the node. Sends through n8n's authenticated helper, maps both
 * Infobip error envelopes into a readable NodeApiError, and retries only where it is safe:
 * 429 for any method (Infobip did not process it), and GETs on 502/503/504 or a lost connection.
 */
/** The credential of each node run (one n8n context object per run), fetched once. */
const runCredentials = new WeakMap<object, Promise<IAdditionalCredentialOptions>>();

/**
 * Fetched once per node run and handed to every request: in the app each fetch is a database
 * read, a decryption and an expression resolution, which 10,000 personalised requests repeated.
 */
function credentialOptions(
	context: InfobipFunctions,
	type: string,
): Promise<IAdditionalCredentialOptions> {
	let options = runCredentials.get(context);
	if (!options) {
		const { id, name } = context.getNode().credentials?.[type] ?? { id: null, name: type };
		options = context
			.getCredentials(type)
			.then((data) => ({ credentialsDecrypted: { id: id ?? '', name, type, data } }));
		runCredentials.set(context, options);
		// A failed fetch is not kept: the next request asks again (and fails the same way).
		options.catch(() => runCredentials.delete(context));
	}
	return options;
}

export async function infobipApiRequest(
	this: InfobipFunctions,
	request: InfobipRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<IDataObject> {
	const node = this.getNode();
	const credentialType = credentialTypeFor(node);
	const { method, path, itemIndex } = request;
	const options: IHttpRequestOptions = {
		method,
		url: path,
		qs: request.qs,
		body: request.body,
		json: true,
		// Logs take repeated bulkId/messageId parameters (form, explode).
		arrayFormat: 'repeat',
		headers: { Accept: 'application/json' },
		timeout: policy.timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect would carry the Authorization header to wherever Location points, even over
		// plain http: n8n-core then sets axios maxRedirects to 0 and the 3xx comes back as an answer.
		disableFollowRedirect: true,
	};

	const credentials = await credentialOptions(this, credentialType);
	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		let response: FullResponse | undefined;
		let failure: { code: string; timedOut: boolean } | undefined;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				options,
				credentials,
			)) as FullResponse;
		} catch (error) {
			const cause = (error as { cause?: unknown }).cause;
			if (cause instanceof UserError) {
				// Raised by the credential itself (e.g. an http:// base URL): this request was not sent.
				throw new NodeOperationError(node, cause.message, {
					description: cause.description ?? undefined,
					itemIndex,
				});
			}
			failure = networkFailure(error);
		}

		const status = response?.statusCode;
		if (response) hintDeprecation(this, { method, path }, response.headers);
		// An error status carries no data, so even a consuming read may be retried after one.
		const canRetryRead =
			method === 'GET' &&
			((failure && !request.consumes) || RETRYABLE_GET_STATUSES.has(status ?? 0));
		if (status === 429 || canRetryRead) {
			const retryAfterMs =
				status === 429 ? parseRetryAfter(response?.headers['retry-after']) : undefined;
			const delay = retryAfterMs ?? backoffDelay(attempt, policy);
			if (attempt < policy.maxRetries && waitedMs + delay <= policy.maxRetryWaitMs) {
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
			if (status === 429) {
				throw apiError(
					node,
					{
						message: `Infobip kept answering 429 Too Many Requests to ${method} ${path} after ${attempt + 1} attempts`,
						description: `Infobip refused this request before processing it. Waited ${(waitedMs / 1000).toFixed(1)} s in total${retryAfterMs === undefined ? '' : `; Infobip asked to wait ${(retryAfterMs / 1000).toFixed(1)} s more`}. Raise Max Retries or Max Retry Wait in the node's options, or send less often: ${throttleAdvice(path)}${throttleLinks(response?.body)}`,
					},
					{ httpCode: 429, body: response?.body, itemIndex },
				);
			}
		}

		if (failure) {
			const what = failure.timedOut
				? `Infobip did not answer ${method} ${path} within ${policy.timeoutMs / 1000} s`
				: `The connection to Infobip broke during ${method} ${path}`;
			// The network code goes into the description: NodeApiError rewrites messages that contain one.
			const networkNote = `Network code: ${failure.code}.`;
			throw apiError(
				node,
				mayHaveBeenApplied(method) || request.consumes
					? {
							message: request.consumes
								? `${what}; ${handedOut(path)} may have been handed out`
								: `${what}; it may have been carried out`,
							description: request.consumes
								? isOmniPath(path)
									? `${networkNote} It was not retried: Infobip hands each report out once, so the lost answer may have taken reports with it. Find them with Log → Get Many.`
									: `${networkNote} It was not retried: Infobip hands each of them out once, so the lost answer may have taken ${handedOut(path)} with it. Find them in the Infobip portal's message logs (Analyze → Logs).`
								: `${networkNote} It was not retried automatically, so that nothing is sent twice. Check ${checkWhere(path)} for the message${isOmniPath(path) ? ' or scenario' : ''} before running again.`,
						}
					: {
							message: what,
							description: `${networkNote} Gave up after ${attempt + 1} attempts. Check the credential's Base URL and your network, or raise Max Retries or Timeout in the node's options.`,
						},
				{ code: failure.code, itemIndex },
			);
		}

		const { statusCode, body } = response as FullResponse;
		if (statusCode >= 300 && statusCode < 400) {
			const location = response?.headers.location;
			const target = redirectTarget(location);
			const reason = REDIRECT_REASONS[statusCode] ?? response?.statusMessage ?? 'Redirect';
			const notSent = location ? `Nothing was sent to ${target}. ` : '';
			throw apiError(
				node,
				{
					message: `Infobip's address answered ${statusCode} ${reason} to ${target}; the node does not follow redirects`,
					description: `${notSent}The host at the credential's Base URL answered ${method} ${path} with this redirect instead of processing it. Set the credential's Base URL to your account's own https://xxxxx.api.infobip.com address (shown on the Infobip portal homepage), not an address that forwards elsewhere.`,
				},
				{ httpCode: statusCode, body, itemIndex },
			);
		}
		if (statusCode >= 200 && statusCode < 300) {
			if (typeof body === 'string' && body.trim() !== '') {
				throw apiError(
					node,
					{
						message: `Infobip answered ${method} ${path} with a body that is not JSON`,
						description: mayHaveBeenApplied(method)
							? `The request was accepted (${statusCode}) and may have been carried out, but its result cannot be read. Check ${isOmniPath(path) ? 'Log → Get Many' : checkWhere(path)} before running again.`
							: 'Check that the Base URL points at the Infobip API and not at a web page or proxy.',
					},
					{ httpCode: statusCode, body, itemIndex },
				);
			}
			return body as IDataObject;
		}

		const readable = describeHttpError(
			statusCode,
			parseInfobipError(body),
			{ method, path, successor: successorLink(response?.headers ?? {}) },
			request.readViolation,
		);
		if (statusCode >= 500 && mayHaveBeenApplied(method)) {
			readable.message += '; it may have been carried out';
			readable.description = `${readable.description ? `${readable.description} ` : ''}It was not retried automatically, so that nothing is sent twice. Check ${checkWhere(path)} before running again.`;
		}
		throw apiError(node, readable, { httpCode: statusCode, body, itemIndex });
	}
}

/**
 * Whether `page` is `previous` again (same first and same last key): a server, or a proxy in
 * front of it, that ignores paging. Paging loops stop there instead of fetching it on and on.
 */
export function repeatsPage(
	previous: IDataObject[] | undefined,
	page: IDataObject[],
	keyOf: (item: IDataObject) => unknown,
): boolean {
	if (!previous?.length || !page.length) return false;
	const first = keyOf(page[0]);
	const last = keyOf(page[page.length - 1]);
	return (
		first !== undefined &&
		first === keyOf(previous[0]) &&
		last === keyOf(previous[previous.length - 1])
	);
}
