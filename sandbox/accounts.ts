/** Sandbox accounts and the `Authorization` header check (Basic and App key). */

export interface SandboxAccount {
	/** Stable id used by the admin API and `acceptedCount(accountId)`. */
	id: string;
	username: string;
	password: string;
	apiKey: string;
}

/** The seed's own example credentials: `Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`. */
export const DEFAULT_ACCOUNT: SandboxAccount = {
	id: 'default',
	username: 'Aladdin',
	password: 'open sesame',
	apiKey: 'sandbox-api-key',
};

/** A second account, to prove that scenarios, reports and logs never leak between accounts. */
export const SECOND_ACCOUNT: SandboxAccount = {
	id: 'second',
	username: 'Jasmine',
	password: 'magic carpet',
	apiKey: 'sandbox-key-two',
};

export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [DEFAULT_ACCOUNT, SECOND_ACCOUNT];

/** Header value for an account, e.g. for tests: `Basic …` or `App …`. */
export function authorizationFor(
	account: SandboxAccount,
	scheme: 'Basic' | 'App' = 'Basic',
): string {
	if (scheme === 'App') return `App ${account.apiKey}`;
	return `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;
}

/** The account the header authenticates, or undefined (missing, malformed or wrong credentials). */
export function authenticate(
	header: string | undefined,
	accounts: readonly SandboxAccount[],
): SandboxAccount | undefined {
	if (!header) return undefined;
	const match = /^(\S+)\s+(.+)$/.exec(header.trim());
	if (!match) return undefined;
	const scheme = match[1].toLowerCase();
	const credential = match[2].trim();
	if (scheme === 'app') return accounts.find((account) => account.apiKey === credential);
	if (scheme !== 'basic') return undefined;
	const decoded = Buffer.from(credential, 'base64').toString('utf8');
	const separator = decoded.indexOf(':');
	if (separator < 0) return undefined;
	const username = decoded.slice(0, separator);
	const password = decoded.slice(separator + 1);
	return accounts.find((account) => account.username === username && account.password === password);
}
