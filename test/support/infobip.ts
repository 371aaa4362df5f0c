/**
 * The Infobip a test file talks to, set up once: a ScriptedServer or a sandbox started before the
 * file's tests, cleared before each test and closed after the last, and credentials pointing at it.
 * Call the `use…` functions at the top of a test file or a describe block (they register hooks).
 */
import {
	DEFAULT_ACCOUNT,
	startSandbox,
	type Sandbox,
	type SandboxAccount,
	type SandboxOptions,
} from '../../sandbox';
import { ScriptedServer, type Responder } from './server';

/** Anything with a base URL: a ScriptedServer, a sandbox, a plain `{ baseUrl }`. */
export interface At {
	baseUrl: string;
}

/** Basic auth credentials at the server's base URL; the seed's own account (Aladdin) by default. */
export const basicAuth = (
	server: At,
	account: Pick<SandboxAccount, 'username' | 'password'> = DEFAULT_ACCOUNT,
) => ({
	infobipOmniBasicAuthApi: {
		username: account.username,
		password: account.password,
		baseUrl: server.baseUrl,
	},
});

/** API key credentials at the server's base URL. */
export const apiKeyAuth = (server: At, apiKey: string = DEFAULT_ACCOUNT.apiKey) => ({
	infobipOmniApiKeyApi: { apiKey, baseUrl: server.baseUrl },
});

/** A ScriptedServer for this file: started before all, cleared before each, stopped after all. */
export function useScriptedServer(fallback?: Responder): ScriptedServer {
	const server = new ScriptedServer(fallback);
	beforeAll(async () => await server.start());
	afterAll(async () => await server.stop());
	beforeEach(() => server.clear());
	return server;
}

/**
 * A sandbox for this file (manual clock unless told otherwise): started before all, reset
 * before each, closed after all. The returned object forwards to the running sandbox, so it can
 * be held in a `const` at the top of the file; it throws when used outside the tests.
 */
export function useSandbox(
	start: SandboxOptions | (() => Promise<Sandbox>) = { clock: { manual: true } },
	{ reset = true }: { reset?: boolean } = {},
): Sandbox {
	let current: Sandbox | undefined;
	beforeAll(async () => {
		current = typeof start === 'function' ? await start() : await startSandbox(start);
	});
	afterAll(async () => {
		await current?.close();
		current = undefined;
	});
	if (reset) beforeEach(() => current?.reset());
	return new Proxy({} as Sandbox, {
		get(_target, key) {
			if (!current) throw new Error('The sandbox runs only between beforeAll and afterAll');
			const value: unknown = Reflect.get(current, key, current);
			return typeof value === 'function' ? (value as () => unknown).bind(current) : value;
		},
	});
}
