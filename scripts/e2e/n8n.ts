// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The real n8n app, headless, for the e2e test and the screenshots (recipe:
 * ../shared/reference/n8n-runtime.md Part B): Node 24 and n8n 2.41.1 from the cache that
 * provision.sh fills, a fresh user folder, this package packed and installed as a community
 * package, the CLI (import, execute) and `n8n start` with an owner and a public API key.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, __dirname.includes('.dev-dist') ? '../../..' : '../..');

/** A fresh random value per run: nothing here is a fixed secret. */
const fresh = () => randomBytes(12).toString('hex');

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// n8n wants 8+ characters with a digit and an upper-case letter.
	password: `E2e-${fresh()}`,
};

/**
 * The one place this dev tooling starts processes (n8n, npm, Chromium): fixed programs with
 * argument arrays, no shell. n8n's rule against child_process guards shipped nodes.
 */
export function launch(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions
	return spawn(command, args, { stdio: 'pipe', ...options });
}

/** Runs a fixed program to completion (no shell) and returns its stdout. */
export function runSync(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): string {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions
	return execFileSync(command, args, {
		cwd: options.cwd,
		env: options.env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', options.quiet ? 'ignore' : 'inherit'],
	});
}

export async function freePort(): Promise<number> {
	return await new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	output: string;
	ms: number;
}

export class N8nHome {
	readonly folder: string;
	readonly env: NodeJS.ProcessEnv;
	private server?: ChildProcess;
	private serverLog = '';

	private constructor(
		readonly nodeBin: string,
		readonly n8nBin: string,
		readonly port: number,
		brokerPort: number,
	) {
		this.folder = mkdtempSync(join(tmpdir(), 'infobip-omni-n8n-'));
		this.env = {
			...process.env,
			PATH: `${nodeBin}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.folder,
			N8N_ENCRYPTION_KEY: fresh(),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			// NOT error: `execute --rawOutput` prints its result through logger.info.
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_USER_MANAGEMENT_JWT_SECRET: fresh(),
		};
	}

	/** Provisions Node 24 + n8n (cached), then a fresh home with the packed package installed. */
	static async create(log: (line: string) => void = () => {}): Promise<N8nHome> {
		const [nodeBin, n8nBin] = runSync('bash', [join(ROOT, 'scripts/e2e/provision.sh')])
			.trim()
			.split('\n');
		const home = new N8nHome(nodeBin, n8nBin, await freePort(), await freePort());
		log(`n8n user folder ${home.folder}, port ${home.port}`);
		home.installPackage();
		return home;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** `npm run build`, `npm pack`, then `npm install <tarball>` into <home>/.n8n/nodes. */
	private installPackage() {
		runSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, quiet: true });
		const tarball = runSync('npm', ['pack', '--silent', '--pack-destination', this.folder], {
			cwd: ROOT,
			quiet: true,
		}).trim();
		const nodes = join(this.folder, '.n8n/nodes');
		mkdirSync(nodes, { recursive: true });
		writeFileSync(join(nodes, 'package.json'), '{"name":"installed-nodes","private":true}\n');
		runSync(
			'npm',
			['install', join(this.folder, tarball), '--omit=peer', '--no-audit', '--no-fund'],
			{
				cwd: nodes,
				env: this.env,
				quiet: true,
			},
		);
	}

	installedPackage(): { name: string; version: string } {
		return JSON.parse(
			readFileSync(
				join(this.folder, '.n8n/nodes/node_modules/n8n-nodes-infobip-omni/package.json'),
				'utf8',
			),
		) as { name: string; version: string };
	}

	/** Runs one n8n CLI command; resolves with its exit code or signal and its output. */
	async cli(...args: string[]): Promise<CliResult> {
		const started = Date.now();
		return await new Promise((done) => {
			const child = launch(this.n8nBin, args, { env: this.env, cwd: this.folder });
			let output = '';
			child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.on('close', (code, signal) => done({ code, signal, output, ms: Date.now() - started }));
		});
	}

	/**
	 * `n8n start`, then waits for /healthz/readiness and for "Editor is now accessible via", which
	 * n8n prints once its active workflows are activated: readiness alone comes earlier, and on a
	 * slow machine a production webhook can answer 404 "not registered" in between.
	 */
	async start(timeoutMs = 90_000): Promise<void> {
		// A restart appends to the same log: only this start's lines count.
		const from = this.serverLog.length;
		this.server = launch(this.n8nBin, ['start'], { env: this.env, cwd: this.folder });
		this.server.stdout?.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
		this.server.stderr?.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) break;
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.ok && this.serverLog.slice(from).includes('Editor is now accessible via')) {
					return;
				}
			} catch {
				// not listening yet
			}
			await new Promise((done) => setTimeout(done, 500));
		}
		throw new Error(`n8n start did not become ready:\n${this.serverLog.slice(-3000)}`);
	}

	get log() {
		return this.serverLog;
	}

	/** Sets up the owner, logs in; returns the auth cookie (n8n-auth=…). */
	async ownerCookie(): Promise<string> {
		return await ownerCookie(this.baseUrl);
	}

	/** Creates a public API key (X-N8N-API-KEY) with the given scopes. */
	async apiKey(cookie: string, scopes: string[]): Promise<string> {
		return await createApiKey(this.baseUrl, cookie, scopes);
	}

	/** Stops `n8n start` (SIGTERM, then SIGKILL after 10 s). */
	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		await new Promise<void>((done) => {
			const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
			server.once('close', () => {
				clearTimeout(timer);
				done();
			});
			server.kill('SIGTERM');
		});
	}

	remove() {
		rmSync(this.folder, { recursive: true, force: true });
	}
}

/** Sets up the owner of the n8n at `baseUrl`, logs in; returns the auth cookie (n8n-auth=…). */
export async function ownerCookie(baseUrl: string): Promise<string> {
	const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!setup.ok) throw new Error(`owner setup: ${setup.status} ${await setup.text()}`);
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
	const cookie = login.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error('login: no n8n-auth cookie');
	return cookie;
}

/** Creates a public API key (X-N8N-API-KEY) with the given scopes. */
export async function createApiKey(
	baseUrl: string,
	cookie: string,
	scopes: string[],
): Promise<string> {
	const response = await fetch(`${baseUrl}/rest/api-keys`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ label: 'infobip-omni-e2e', expiresAt: null, scopes }),
	});
	const body = (await response.json()) as { data?: { rawApiKey?: string } };
	if (!response.ok || !body.data?.rawApiKey) {
		throw new Error(`api key: ${response.status} ${JSON.stringify(body)}`);
	}
	return body.data.rawApiKey;
}

/** `--rawOutput` mixes log lines into stdout: parse from the first line that starts with "{". */
export function parseRawOutput(output: string): Record<string, unknown> | undefined {
	const start = output.search(/^\{/m);
	if (start < 0) return undefined;
	// Pretty-printed: the object ends at the last "}" that starts a line (log lines may follow).
	const end = output.lastIndexOf('\n}');
	try {
		return JSON.parse(output.slice(start, end > start ? end + 2 : undefined)) as Record<
			string,
			unknown
		>;
	} catch {
		return undefined;
	}
}
