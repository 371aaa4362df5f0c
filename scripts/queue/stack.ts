// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * n8n in queue mode on this machine (../shared/reference/messages-api-and-n8n-wait.md §3.3):
 * Postgres and Redis from Debian's packages (installed when missing), on 127.0.0.1, data in a
 * temporary folder; then the real n8n app as main + one webhook processor + workers, all with
 * this package installed (one shared user folder), coordinated through Redis on one Postgres.
 * `stop()` stops every process and removes the data.
 */
import { type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, launch, N8nHome, runSync } from '../e2e/n8n';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/**
 * What every process of a queue-mode n8n must share, besides the package (README, "Queue mode";
 * docs/queue-mode/compose.yaml sets each on every process).
 */
export const SHARED_SETTINGS = [
	'N8N_ENCRYPTION_KEY',
	'DB_TYPE',
	'DB_POSTGRESDB_HOST',
	'DB_POSTGRESDB_PORT',
	'DB_POSTGRESDB_DATABASE',
	'DB_POSTGRESDB_USER',
	'DB_POSTGRESDB_PASSWORD',
	'EXECUTIONS_MODE',
	'QUEUE_BULL_REDIS_HOST',
	'QUEUE_BULL_REDIS_PORT',
	'OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS',
	'N8N_WEBHOOK_URL',
] as const;

/** The table examples/report-once-postgres.json claims reports in (its note, the compose file). */
export const SEEN_TABLE =
	'CREATE TABLE infobip_omni_seen (dedupe_key text PRIMARY KEY, seen_at timestamptz NOT NULL DEFAULT now())';

/** initdb and pg_ctl refuse to run as root: as root they run as postgres, otherwise as the user. */
const ROOT_USER = process.getuid?.() === 0;
function pg(bin: string, args: string[]): string {
	const command = join(PG_BIN, bin);
	return ROOT_USER
		? runSync('runuser', ['-u', 'postgres', '--', command, ...args], { quiet: true })
		: runSync(command, args, { quiet: true });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Installs Debian packages when a binary is missing (root, apt; the registry mirror has them). */
function ensurePackages(log: (line: string) => void) {
	const missing: string[] = [];
	if (!existsSync('/usr/bin/redis-server')) missing.push('redis-server');
	if (!existsSync(join(PG_BIN, 'pg_ctl'))) missing.push('postgresql');
	if (missing.length === 0) return;
	log(`installing ${missing.join(', ')} (apt-get)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (...args: string[]) =>
		runSync(ROOT_USER ? 'apt-get' : 'sudo', ROOT_USER ? args : ['-E', 'apt-get', ...args], {
			env,
			quiet: true,
		});
	apt('update', '-q');
	apt('install', '-y', '-q', '--no-install-recommends', ...missing);
	// The package starts its own system service: stop it, this stack runs its own on free ports.
	for (const service of missing) {
		try {
			const args = [service, 'stop'];
			runSync(ROOT_USER ? 'service' : 'sudo', ROOT_USER ? args : ['service', ...args], {
				quiet: true,
			});
		} catch {
			// not running
		}
	}
}

/** One n8n process of the stack and what it printed. */
export class N8nProcess {
	log = '';
	constructor(
		readonly role: string,
		readonly port: number,
		readonly child: ChildProcess,
	) {
		child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	async ready(path: string, line: string, timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) break;
			try {
				const response = await fetch(`${this.baseUrl}${path}`);
				if (response.ok && this.log.includes(line)) return;
			} catch {
				// not listening yet
			}
			await sleep(500);
		}
		throw new Error(`${this.role} did not become ready:\n${this.log.slice(-3000)}`);
	}

	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		await new Promise<void>((done) => {
			const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
			this.child.once('close', () => {
				clearTimeout(timer);
				done();
			});
			this.child.kill(signal);
		});
	}
}

export interface QueueStackOptions {
	workers?: number;
	log?: (line: string) => void;
}

export class QueueStack {
	main!: N8nProcess;
	webhook!: N8nProcess;
	workers: N8nProcess[] = [];
	private redis?: ChildProcess;
	private pgData = '';
	private pgPort = 0;

	private constructor(
		readonly home: N8nHome,
		private readonly log: (line: string) => void,
	) {}

	/** Postgres, Redis and the package; n8n's processes start with `start()` (after imports). */
	static async create(options: QueueStackOptions = {}): Promise<QueueStack> {
		const log = options.log ?? (() => {});
		ensurePackages(log);
		const home = await N8nHome.create(log);
		const stack = new QueueStack(home, log);
		await stack.startPostgres();
		await stack.startRedis();
		return stack;
	}

	private async startPostgres() {
		this.pgData = mkdtempSync(join(tmpdir(), 'infobip-omni-pg-'));
		// As root, the data folder belongs to postgres (pg() runs the tools as postgres).
		if (ROOT_USER) {
			chownSync(
				this.pgData,
				Number(runSync('id', ['-u', 'postgres']).trim()),
				Number(runSync('id', ['-g', 'postgres']).trim()),
			);
		}
		this.pgPort = await freePort();
		const data = join(this.pgData, 'data');
		pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
		pg('pg_ctl', [
			'-D',
			data,
			'-o',
			`-p ${this.pgPort} -h 127.0.0.1 -k ${this.pgData} -c fsync=off`,
			'-l',
			join(this.pgData, 'postgres.log'),
			'-w',
			'start',
		]);
		pg('createdb', ['-h', '127.0.0.1', '-p', String(this.pgPort), '-U', 'postgres', 'n8n']);
		this.log(`postgres on 127.0.0.1:${this.pgPort} (${this.pgData})`);
	}

	private async startRedis() {
		const port = await freePort();
		this.redis = launch('/usr/bin/redis-server', [
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
		]);
		const deadline = Date.now() + 20_000;
		let output = '';
		this.redis.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		while (!output.includes('Ready to accept connections')) {
			if (Date.now() > deadline) throw new Error(`redis did not start:\n${output}`);
			await sleep(100);
		}
		this.redisPort = port;
		this.log(`redis on 127.0.0.1:${port}`);
	}

	private redisPort = 0;

	/** Where Postgres listens (for a workflow's own Postgres credential). */
	get postgres() {
		return { host: '127.0.0.1', port: this.pgPort, user: 'postgres' };
	}

	/** Runs SQL with psql as postgres (a database of the users' own, beside n8n's). */
	psql(database: string, sql: string): string {
		const target = ['-h', '127.0.0.1', '-p', String(this.pgPort), '-U', 'postgres', '-d', database];
		return pg('psql', [...target, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql]);
	}

	/** The environment every process shares (§3.3), plus a process's own ports. */
	env(own: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			...this.home.env,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.pgPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_SCHEMA: 'public',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redisPort),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Bull keeps finished jobs (and the worker that ran each) for the checks.
			N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: '1000',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...own,
		};
	}

	/** A CLI command on the shared database (import, publish) with its own ports. */
	async cli(...args: string[]) {
		const env = this.env({
			N8N_PORT: String(await freePort()),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		return await new Promise<{ code: number | null; output: string }>((done) => {
			const child = launch(this.home.n8nBin, args, { env, cwd: this.home.folder });
			let output = '';
			child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.on('close', (code) => done({ code, output }));
		});
	}

	private async spawn(role: string, command: string[], extra: Record<string, string> = {}) {
		const port = await freePort();
		const env = this.env({
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...extra,
		});
		return new N8nProcess(
			role,
			port,
			launch(this.home.n8nBin, command, { env, cwd: this.home.folder }),
		);
	}

	/** main (migrations, activation), the webhook processor, then the workers; each ready. */
	async start(workers = 2): Promise<void> {
		const webhookPort = await freePort();
		// Links, resume and notify URLs point at the webhook processor, on every process.
		const publicUrl = {
			N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
			WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
		};
		this.main = await this.spawn('main', ['start'], publicUrl);
		await this.main.ready('/healthz/readiness', 'Editor is now accessible via');
		this.log(`main on ${this.main.baseUrl}`);
		const webhookEnv = this.env({
			N8N_PORT: String(webhookPort),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...publicUrl,
		});
		this.webhook = new N8nProcess(
			'webhook',
			webhookPort,
			launch(this.home.n8nBin, ['webhook'], { env: webhookEnv, cwd: this.home.folder }),
		);
		await this.webhook.ready('/healthz', 'Webhook listener waiting for requests');
		this.log(`webhook processor on ${this.webhook.baseUrl}`);
		for (let index = 0; index < workers; index++) await this.startWorker(index);
	}

	/** Starts worker `index` (again, after a drill stopped it). */
	async startWorker(index: number): Promise<N8nProcess> {
		const healthPort = await freePort();
		const worker = await this.spawn(`worker-${index + 1}`, ['worker', '--concurrency=5'], {
			N8N_WEBHOOK_URL: `${this.webhook.baseUrl}/`,
			WEBHOOK_URL: `${this.webhook.baseUrl}/`,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		});
		// The worker's health server listens on QUEUE_HEALTH_CHECK_PORT, not N8N_PORT.
		(worker as { port: number }).port = healthPort;
		await worker.ready('/healthz', 'n8n worker is now ready');
		this.workers[index] = worker;
		this.log(`${worker.role} ready (health ${worker.baseUrl})`);
		return worker;
	}

	async stop(): Promise<void> {
		for (const process of [...this.workers, this.webhook, this.main]) await process?.stop();
		this.redis?.kill('SIGTERM');
		if (this.pgData) {
			try {
				pg('pg_ctl', ['-D', join(this.pgData, 'data'), '-m', 'fast', '-w', 'stop']);
			} catch {
				// already stopped
			}
			rmSync(this.pgData, { recursive: true, force: true });
		}
		this.home.remove();
	}
}
