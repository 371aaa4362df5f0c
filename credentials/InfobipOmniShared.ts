import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

/** Infobip's generic host; each account also has a personal `https://xxxxx.api.infobip.com`. */
export const DEFAULT_BASE_URL = 'https://api.infobip.com';

/** Where a local sandbox runs: plain http is accepted only here, and a URL without a scheme gets it. */
const LOOPBACK_HOSTNAME = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

/** Hostname as WHATWG URL normalises it (127.1 becomes 127.0.0.1, [0::1] becomes [::1]). */
const isLoopback = (hostname: string) => LOOPBACK_HOSTNAME.test(hostname);

const PERSONAL_URL = 'https://xxxxx.api.infobip.com';
const SANDBOX_URL = 'http://localhost:PORT';

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_BASE_URL,
	required: true,
	placeholder: 'e.g. xxxxx.api.infobip.com',
	description:
		'Your personal base URL, shown on the Infobip portal homepage and on the API keys page. The scheme may be left out: https is assumed, http for localhost, 127.x.x.x and [::1].',
	// n8n's credential test shows only "EPROTO" when an https URL points at a plain-http server.
	hint: `Infobip: ${PERSONAL_URL}. A local sandbox: ${SANDBOX_URL} (http, not https).`,
};

/**
 * Normalises the base URL the way Infobip's own Java client does: trim, assume https when no
 * scheme is given (http for a loopback host), refuse plain http except on loopback, drop trailing
 * slashes. Each message carries its fix: n8n's credential test shows only the message.
 */
export function normalizeBaseUrl(raw: unknown): string {
	const trimmed = typeof raw === 'string' ? raw.trim() : '';
	if (trimmed === '') {
		throw new UserError(
			`Base URL is empty: set it to your personal ${PERSONAL_URL} address from the Infobip portal homepage, or to ${DEFAULT_BASE_URL}`,
			{
				description: `Set the credential's Base URL to your personal xxxxx.api.infobip.com address, or to ${DEFAULT_BASE_URL}.`,
			},
		);
	}
	const invalid = () =>
		new UserError(
			`Base URL "${trimmed}" is not a valid address: use the form ${PERSONAL_URL} (a local sandbox: ${SANDBOX_URL})`,
			{ description: `Use the form xxxxx.api.infobip.com or ${PERSONAL_URL}.` },
		);
	if (/\s/.test(trimmed)) throw invalid();
	const url = parse(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : withoutScheme(trimmed));
	if (url === undefined || url.hostname === '') throw invalid();
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		throw new UserError(
			`Base URL "${trimmed}" uses plain http: change http:// to https:// (plain http is allowed only for localhost, 127.x.x.x and [::1])`,
			{
				description:
					'Infobip is reached over https only: change http:// to https:// (plain http is allowed for a local sandbox on localhost, 127.x.x.x or [::1] only).',
			},
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new UserError(
			`Base URL "${trimmed}" must start with https (or have no scheme): use the form ${PERSONAL_URL}`,
			{ description: `Use the form xxxxx.api.infobip.com or ${PERSONAL_URL}.` },
		);
	}
	if (url.search !== '' || url.hash !== '') {
		throw new UserError(
			`Base URL "${trimmed}" has a query or fragment: keep only the address, e.g. ${PERSONAL_URL}`,
			{ description: `Keep only the address, e.g. ${PERSONAL_URL}.` },
		);
	}
	return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
}

function parse(address: string): URL | undefined {
	try {
		return new URL(address);
	} catch {
		return undefined;
	}
}

/** No scheme: https, except that a local sandbox on a loopback host is plain http. */
function withoutScheme(address: string): string {
	const assumed = parse(`https://${address}`);
	return assumed !== undefined && isLoopback(assumed.hostname)
		? `http://${address}`
		: `https://${address}`;
}

/**
 * Never follow a redirect: n8n would re-send the Authorization header to wherever Location points,
 * even to another host over plain http. `disableFollowRedirect` is what n8n-core's httpRequest
 * reads (it sets axios maxRedirects to 0); `maxRedirects: 0` covers the legacy request helper.
 * Every request made with these credentials, the credential test included, passes `authenticate`.
 */
export const NO_REDIRECTS = { disableFollowRedirect: true, maxRedirects: 0 } as const;

/** Reason phrases of RFC 9110 §15.4, for the node's errors and the credential test's rules. */
export const REDIRECT_REASONS: Readonly<Record<number, string>> = {
	300: 'Multiple Choices',
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	304: 'Not Modified',
	307: 'Temporary Redirect',
	308: 'Permanent Redirect',
};

/** The statuses a redirect comes with: each fails the credential test with the fix. */
const REDIRECTS = [301, 302, 303, 307, 308];

/**
 * The credential test's verdict on a redirect. n8n's tester takes these messages as they are
 * (no Location can be put in them); the node's own requests name the host Location points to.
 */
export const redirectTestMessage = (status: number, reason: string) =>
	`Infobip's address answered ${status} ${reason}; this credential does not follow redirects, so nothing was sent to the address it points to. Set the Base URL to your account's own https://xxxxx.api.infobip.com address, shown on the Infobip portal homepage.`;

/** What a credential's test says when Infobip refuses its secret or its scope. */
export interface CredentialTestTexts {
	unauthorized: string;
	forbidden: string;
}

export const BASIC_AUTH_TEST_TEXTS: CredentialTestTexts = {
	unauthorized:
		'Infobip refused this username and password (401). Check Username and Password, and that Base URL is the address of the same Infobip account.',
	forbidden:
		'Infobip accepted this username and password, but the user may not use OMNI (403). Give the user the omni-failover:manage scope in the Infobip portal, or use an API key that has it.',
};

export const API_KEY_TEST_TEXTS: CredentialTestTexts = {
	unauthorized:
		'Infobip refused this API key (401). Check API Key, and that Base URL is the address of the account the key belongs to.',
	forbidden:
		'Infobip accepted this API key, but it may not use OMNI (403). Give the key the omni-failover:manage scope in the Infobip portal, Developer tools > API keys.',
};

/** Any other host answers an unknown path with 404: the test path is Infobip's own. */
export const NOT_FOUND_TEST_TEXT = `The Base URL is not an Infobip API address: /omni/1/scenarios was not found (404). Set Base URL to your personal ${PERSONAL_URL} address from the Infobip portal homepage.`;

/**
 * Statuses that say nothing about the credential; n8n would show only their reason phrase.
 * https://www.infobip.com/docs/developer-resources/errors-and-responses/response-codes
 */
export const UNVERIFIED_REASONS: Readonly<Record<number, string>> = {
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

export const unverifiedTestMessage = (status: number, reason: string) =>
	status === 429
		? `Infobip is limiting this account's requests (429 ${reason}), so the credential was not checked. Wait a minute, then test again.`
		: `Infobip answered ${status} ${reason}, so the credential was not checked. Test again in a few minutes; if it persists, check that Base URL is your personal ${PERSONAL_URL} address.`;

const responseCode = (value: number, message: string) => ({
	type: 'responseCode' as const,
	properties: { value, message },
});

/**
 * An authenticated, read-only OMNI endpoint: proves the secret, the base URL and the OMNI scope.
 * n8n's tester shows the first rule whose status matches, as it is, and otherwise only the reason
 * phrase ("Unauthorized"), so every status a user can meet has a rule naming the field to change.
 */
export const omniCredentialTest = (texts: CredentialTestTexts): ICredentialTestRequest => ({
	request: {
		baseURL: '={{$credentials.baseUrl}}',
		url: '/omni/1/scenarios',
		method: 'GET',
		qs: { limit: 1 },
		...NO_REDIRECTS,
	},
	rules: [
		responseCode(401, texts.unauthorized),
		responseCode(403, texts.forbidden),
		responseCode(404, NOT_FOUND_TEST_TEXT),
		...REDIRECTS.map((value) =>
			responseCode(value, redirectTestMessage(value, REDIRECT_REASONS[value])),
		),
		...Object.entries(UNVERIFIED_REASONS).map(([value, reason]) =>
			responseCode(Number(value), unverifiedTestMessage(Number(value), reason)),
		),
	],
});
