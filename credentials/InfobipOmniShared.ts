import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

/** Infobip's generic host; each account also has a personal `https://xxxxx.api.infobip.com`. */
export const DEFAULT_BASE_URL = 'https://api.infobip.com';

/** Plain http is accepted only here, so a local sandbox works and nothing else travels unencrypted. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_BASE_URL,
	required: true,
	placeholder: 'e.g. xxxxx.api.infobip.com',
	description:
		'Your personal base URL, shown on the Infobip portal homepage and on the API keys page. The scheme may be left out; https is assumed.',
};

/**
 * Normalises the base URL the way Infobip's own Java client does: trim, assume https when no
 * scheme is given, refuse plain http except on localhost, drop trailing slashes.
 */
export function normalizeBaseUrl(raw: unknown): string {
	const trimmed = typeof raw === 'string' ? raw.trim() : '';
	if (trimmed === '') {
		throw new UserError('The base URL is empty', {
			description: `Set the credential's Base URL to your personal xxxxx.api.infobip.com address, or to ${DEFAULT_BASE_URL}.`,
		});
	}
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		url = new URL('invalid://');
	}
	if (url.protocol === 'invalid:' || url.hostname === '' || /\s/.test(trimmed)) {
		throw new UserError(`The base URL "${trimmed}" is not a valid address`, {
			description: 'Use the form xxxxx.api.infobip.com or https://xxxxx.api.infobip.com.',
		});
	}
	if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
		throw new UserError(`The base URL "${trimmed}" uses plain http`, {
			description:
				'Infobip is reached over https only: change http:// to https:// (plain http is allowed for localhost and 127.0.0.1 only).',
		});
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new UserError(`The base URL "${trimmed}" must start with https://`, {
			description: 'Use the form xxxxx.api.infobip.com or https://xxxxx.api.infobip.com.',
		});
	}
	if (url.search !== '' || url.hash !== '') {
		throw new UserError(`The base URL "${trimmed}" has a query or fragment`, {
			description: 'Keep only the address, e.g. https://xxxxx.api.infobip.com.',
		});
	}
	return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
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

/** An authenticated, read-only OMNI endpoint: proves the secret, the base URL and the OMNI scope. */
export const omniCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: '={{$credentials.baseUrl}}',
		url: '/omni/1/scenarios',
		method: 'GET',
		qs: { limit: 1 },
		...NO_REDIRECTS,
	},
	rules: REDIRECTS.map((value) => ({
		type: 'responseCode' as const,
		properties: { value, message: redirectTestMessage(value, REDIRECT_REASONS[value]) },
	})),
};
