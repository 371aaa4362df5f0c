// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run bench`: the Infobip OMNI node's speed inside the real n8n app (2.41.1 on Node 24,
 * its default `vm` expression engine), next to what a user would build with n8n's HTTP Request
 * node, against the local sandbox at 20 ms per request. Each run is a fresh
 * `n8n execute --id --rawOutput` process; its numbers come from n8n's own execution data (each
 * node's executionTime, startedAt/stoppedAt), the sandbox's server side (requests, peak in flight,
 * accepted destinations) and the process's VmHWM. Writes <out>/results.json and
 * <out>/results.md and prints the table.
 *
 * Options: --sizes 1000,10000  --repeats 3  --workloads broadcast,personalised[,messages-personalised]
 *          --variants node,http,codeHttp  --in-flight N (the node's Requests in Flight)
 *          --profile <caseId> (one extra run under --cpu-prof, summarised into profile.md)
 *          --out <dir> (default: bench/)
 */
import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { LIMITS } from '../../nodes/InfobipOmni/limits';
import { DEFAULT_ACCOUNT, startSandbox, type Sandbox } from '../../sandbox';
import { launch, N8nHome, parseRawOutput, ROOT } from '../../scripts/e2e/n8n';
import { BENCH_SCENARIO_FIXTURE, phoneFor } from '../cases';
import { flight, LATENCY_MS } from '../flight';
import { pickProfile, profileMarkdown, summariseProfile } from './profile';
import {
	type AppCase,
	appCase,
	type AppVariant,
	type AppWorkload,
	HTTP_CREDENTIAL,
	MAKE_ITEMS,
	NODE_CREDENTIAL,
	workflowFor,
} from './workflows';

/** The node's Requests in Flight when the option is left empty (nodes/InfobipOmni/limits.ts). */
const NODE_DEFAULT_IN_FLIGHT = LIMITS.requestsInFlight.default;
/** A run that takes longer than this is killed and counted as failed. */
const RUN_TIMEOUT_MS = 600_000;
const RSS_POLL_MS = 50;

const print = (line = '') => process.stdout.write(`${line}\n`);

function argument(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const list = (name: string, fallback: string) =>
	argument(name, fallback)
		.split(',')
		.map((value) => value.trim())
		.filter(Boolean);

const sizes = list('sizes', '1000,10000')
	.map(Number)
	.filter((n) => Number.isInteger(n) && n > 0 && n < 10_000_000);
const REPEATS = Math.max(1, Number(argument('repeats', '3')) || 1);
const WORKLOADS: AppWorkload[] = ['broadcast', 'personalised', 'messages-personalised'];
const workloads = list('workloads', 'broadcast,personalised').filter((w): w is AppWorkload =>
	WORKLOADS.includes(w as AppWorkload),
);
const variants = list('variants', 'node,http,codeHttp').filter(
	(v): v is AppVariant => v === 'node' || v === 'http' || v === 'codeHttp',
);
const inFlightArgument = argument('in-flight', '');
const IN_FLIGHT = inFlightArgument ? Number(inFlightArgument) : undefined;
const profileCase = argument('profile', '');
const outDir = resolve(argument('out', join(ROOT, 'bench')));

type Json = Record<string, unknown>;
type PairedItem =
	| number
	| { item: number; input?: number }
	| Array<{ item: number; input?: number }>;
type Item = { json: Json; pairedItem?: PairedItem };
type TaskData = {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<Item[] | null> };
	error?: { message?: string; description?: string };
};
type RunData = Record<string, TaskData[]>;

export interface AppRun {
	caseId: string;
	workload: AppWorkload;
	variant: AppVariant;
	n: number;
	repeat: number;
	status: string;
	error?: string;
	/** executionTime of the measured node(s) (codeHttp: the aggregating Code node + HTTP Request). */
	nodeMs: number;
	/** Per measured node. */
	nodeMsByNode: Record<string, number>;
	/** stoppedAt − startedAt of the execution. */
	executionMs: number;
	makeItemsMs: number;
	/** The whole `n8n execute` process, start to exit (boot included). */
	processMs: number;
	requests: number;
	peakInFlight: number;
	acceptedDestinations: number;
	outputs: number;
	paired: boolean;
	peakRssMb: number;
	exitCode: number | null;
	attempts: number;
	ok: boolean;
}

export interface AppMedian {
	caseId: string;
	workload: AppWorkload;
	variant: AppVariant;
	n: number;
	runs: number;
	allOk: boolean;
	nodeMs: number;
	executionMs: number;
	makeItemsMs: number;
	processMs: number;
	requests: number;
	peakInFlight: number;
	/** The node's Requests in Flight (node), or the observed peak (the others). */
	inFlightForFloor: number;
	/** ceil(requests / inFlight) × latency. */
	floorMs: number;
	nodeVsFloor: number;
	outputs: number;
	paired: boolean;
	peakRssMb: number;
	/** node's nodeMs ÷ this case's nodeMs (http, codeHttp rows; the node row: vs http). */
	nodeVsHttp?: number;
	nodeVsCodeHttp?: number;
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** VmHWM (peak resident set) of a live process, in kB; undefined once it is gone. */
function peakRssKb(pid: number): number | undefined {
	try {
		const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

interface Spawned {
	code: number | null;
	signal: NodeJS.Signals | null;
	output: string;
	ms: number;
	pid?: number;
	peakRssKb: number;
}

/** One `n8n execute`, its peak RSS polled from /proc every 50 ms (the last value read counts). */
async function spawnExecute(home: N8nHome, workflowId: string, extraEnv: NodeJS.ProcessEnv = {}) {
	const started = Date.now();
	// Into a file, not a pipe: n8n exits right after printing, and a pipe can lose the end of a
	// large result (10,000 items of HTTP responses), while writes to a file are synchronous.
	const outputFile = join(home.folder, `execute-${workflowId}.log`);
	const fd = openSync(outputFile, 'w');
	return await new Promise<Spawned>((done) => {
		const child = launch(home.n8nBin, ['execute', `--id=${workflowId}`, '--rawOutput'], {
			env: { ...home.env, ...extraEnv },
			cwd: home.folder,
			stdio: ['ignore', fd, fd],
		});
		let peak = 0;
		const poll = () => {
			if (child.pid === undefined) return;
			const value = peakRssKb(child.pid);
			if (value !== undefined) peak = value;
		};
		const timer = setInterval(poll, RSS_POLL_MS);
		const killer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
		child.on('exit', poll);
		child.on('close', (code, signal) => {
			clearInterval(timer);
			clearTimeout(killer);
			closeSync(fd);
			const output = readFileSync(outputFile, 'utf8');
			rmSync(outputFile, { force: true });
			done({
				code,
				signal,
				output,
				ms: Date.now() - started,
				pid: child.pid,
				peakRssKb: peak,
			});
		});
	});
}

const pairsOf = (paired: PairedItem | undefined): number[] =>
	paired === undefined
		? []
		: typeof paired === 'number'
			? [paired]
			: Array.isArray(paired)
				? paired.map((p) => p.item)
				: [paired.item];

const itemsOf = (runData: RunData, node: string): Item[] =>
	(runData[node]?.[0]?.data?.main ?? []).flatMap((items) => items ?? []);

/**
 * Every output item of the chain's last node traces back (through pairedItem, node by node) to
 * existing "Make items" items, and every "Make items" item is reached by at least one output.
 */
function pairedThrough(runData: RunData, chain: string[], inputs: number): boolean {
	const outputsOf = chain.map((node) => itemsOf(runData, node));
	const trace = (step: number, index: number): number[] | undefined => {
		const item = outputsOf[step][index];
		if (!item) return undefined;
		const pairs = pairsOf(item.pairedItem);
		if (pairs.length === 0) return undefined;
		if (step === 0) return pairs.every((p) => p >= 0 && p < inputs) ? pairs : undefined;
		const traced = pairs.map((p) => trace(step - 1, p));
		return traced.every(Boolean) ? traced.flatMap((t) => t as number[]) : undefined;
	};
	const last = outputsOf[chain.length - 1];
	if (last.length === 0) return inputs === 0;
	const covered = new Set<number>();
	for (let i = 0; i < last.length; i++) {
		const origin = trace(chain.length - 1, i);
		if (!origin) return false;
		origin.forEach((o) => covered.add(o));
	}
	return covered.size === inputs;
}

const errorText = (run: Json | undefined, runData: RunData): string | undefined => {
	const top = (run?.data as { resultData?: { error?: { message?: string; description?: string } } })
		?.resultData?.error;
	const nodeError = Object.values(runData)
		.map((tasks) => tasks[0]?.error)
		.find(Boolean);
	const error = top ?? nodeError;
	return error ? [error.message, error.description].filter(Boolean).join(' — ') : undefined;
};

async function runOnce(
	home: N8nHome,
	sandbox: Sandbox,
	spec: AppCase,
	repeat: number,
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ run: AppRun; spawned: Spawned; windows: Record<string, [number, number]> }> {
	for (let attempt = 1; ; attempt++) {
		sandbox.reset();
		flight.reset();
		const spawned = await spawnExecute(home, spec.workflowId, extraEnv);
		const parsed = parseRawOutput(spawned.output);
		const crashed = spawned.code === 139 || spawned.signal === 'SIGSEGV';
		// n8n execute rarely crashes at exit (code 139) or mixes a log line into its JSON: such a
		// run has no result to measure, so it runs once more (a bench send may repeat).
		if (!(parsed && typeof parsed.status === 'string') && attempt === 1) {
			print(
				`     ${spec.id}: no result (code ${spawned.code}${crashed ? ', crashed' : ''}); running it once more`,
			);
			continue;
		}
		const runData =
			(parsed?.data as { resultData?: { runData?: RunData } } | undefined)?.resultData?.runData ??
			{};
		const status = typeof parsed?.status === 'string' ? parsed.status : 'no result';
		const time = (node: string) => runData[node]?.[0]?.executionTime ?? NaN;
		const nodeMsByNode = Object.fromEntries(spec.measured.map((node) => [node, time(node)]));
		const made = itemsOf(runData, MAKE_ITEMS);
		const last = spec.measured[spec.measured.length - 1];
		const problems: string[] = [];
		if (status !== 'success') problems.push(`status ${status}`);
		// OMNI and the Messages API count their accepted destinations apart.
		const accepted =
			spec.workload === 'messages-personalised'
				? sandbox.messagesApi.acceptedCount()
				: sandbox.acceptedCount();
		if (accepted !== spec.n)
			problems.push(`sandbox accepted ${accepted} destinations, not ${spec.n}`);
		if (
			made.length !== spec.n ||
			made[0]?.json.phone !== phoneFor(0) ||
			made[spec.n - 1]?.json.phone !== phoneFor(spec.n - 1)
		) {
			problems.push(`"${MAKE_ITEMS}" gave ${made.length} items, not the ${spec.n} of phoneFor`);
		}
		const error = errorText(parsed, runData);
		const startedAt = Date.parse(String(parsed?.startedAt));
		const stoppedAt = Date.parse(String(parsed?.stoppedAt));
		const run: AppRun = {
			caseId: spec.id,
			workload: spec.workload,
			variant: spec.variant,
			n: spec.n,
			repeat,
			status,
			...(error || problems.length
				? {
						error: [
							...problems,
							...(error ? [error] : []),
							...(parsed ? [] : [spawned.output.slice(-1500)]),
						].join('; '),
					}
				: {}),
			nodeMs: round(Object.values(nodeMsByNode).reduce((sum, ms) => sum + ms, 0)),
			nodeMsByNode,
			executionMs: stoppedAt - startedAt,
			makeItemsMs: time(MAKE_ITEMS),
			processMs: spawned.ms,
			requests: flight.started,
			peakInFlight: flight.max,
			acceptedDestinations: accepted,
			outputs: itemsOf(runData, last).length,
			paired: pairedThrough(runData, spec.measured, made.length),
			peakRssMb: round(spawned.peakRssKb / 1024, 1),
			exitCode: spawned.code,
			attempts: attempt,
			ok: problems.length === 0,
		};
		// Epoch ms windows, for --profile: the execution, and the measured node(s).
		const first = runData[spec.measured[0]]?.[0];
		const lastTask = runData[last]?.[0];
		const windows: Record<string, [number, number]> = {
			execution: [startedAt, stoppedAt],
			measured: [
				first?.startTime ?? NaN,
				(lastTask?.startTime ?? NaN) + (lastTask?.executionTime ?? NaN),
			],
		};
		return { run, spawned, windows };
	}
}

function casesFor(n: number): AppCase[] {
	const cases: AppCase[] = [];
	for (const workload of workloads) {
		for (const variant of variants) {
			if (variant === 'codeHttp' && workload !== 'broadcast') continue;
			cases.push(appCase(workload, variant, n, IN_FLIGHT));
		}
	}
	return cases;
}

function medianOf(spec: AppCase, all: AppRun[]): AppMedian {
	// Medians of the runs that succeeded; allOk and runs tell whether any failed.
	const runs = all.some((r) => r.ok) ? all.filter((r) => r.ok) : all;
	const of = (pick: (run: AppRun) => number) => round(median(runs.map(pick)), 1);
	const requests = of((r) => r.requests);
	const peakInFlight = of((r) => r.peakInFlight);
	const inFlightForFloor =
		spec.variant === 'node' ? (spec.requestsInFlight ?? NODE_DEFAULT_IN_FLIGHT) : peakInFlight;
	const floorMs = Math.ceil(requests / Math.max(1, inFlightForFloor)) * LATENCY_MS;
	const nodeMs = of((r) => r.nodeMs);
	return {
		caseId: spec.id,
		workload: spec.workload,
		variant: spec.variant,
		n: spec.n,
		runs: all.length,
		allOk: all.every((r) => r.ok),
		nodeMs,
		executionMs: of((r) => r.executionMs),
		makeItemsMs: of((r) => r.makeItemsMs),
		processMs: of((r) => r.processMs),
		requests,
		peakInFlight,
		inFlightForFloor,
		floorMs,
		nodeVsFloor: floorMs > 0 ? round(nodeMs / floorMs, 2) : NaN,
		outputs: of((r) => r.outputs),
		paired: runs.every((r) => r.paired),
		peakRssMb: of((r) => r.peakRssMb),
	};
}

function addRatios(medians: AppMedian[]) {
	for (const row of medians) {
		const find = (variant: AppVariant) =>
			medians.find((m) => m.workload === row.workload && m.n === row.n && m.variant === variant);
		const node = find('node');
		if (!node) continue;
		const http = find('http');
		const codeHttp = find('codeHttp');
		if (row.variant === 'node' || row.variant === 'http') {
			if (http) row.nodeVsHttp = round(node.nodeMs / http.nodeMs, 2);
		}
		if ((row.variant === 'node' || row.variant === 'codeHttp') && codeHttp) {
			row.nodeVsCodeHttp = round(node.nodeMs / codeHttp.nodeMs, 2);
		}
	}
}

function markdownTable(medians: AppMedian[]): string {
	const header = [
		'workload',
		'N',
		'variant',
		'node ms',
		'execution ms',
		'requests',
		'peak in flight',
		'paired',
		'peak RSS MB',
		'floor ms',
		'÷ floor',
		'node ÷ http',
		'node ÷ codeHttp',
		'ok',
	];
	const ratio = (value?: number) => (value === undefined ? '' : `${value}×`);
	const rows = medians.map((m) => [
		m.workload,
		String(m.n),
		m.variant === 'node' ? `node (in flight ${m.inFlightForFloor})` : m.variant,
		String(m.nodeMs),
		String(m.executionMs),
		String(m.requests),
		String(m.peakInFlight),
		m.paired ? 'yes' : 'no',
		String(m.peakRssMb),
		String(m.floorMs),
		ratio(m.nodeVsFloor),
		ratio(m.nodeVsHttp),
		ratio(m.nodeVsCodeHttp),
		m.allOk ? 'yes' : 'NO',
	]);
	return [
		`| ${header.join(' | ')} |`,
		`|${header.map((_, i) => (i < 3 ? '---' : '---:')).join('|')}|`,
		...rows.map((row) => `| ${row.join(' | ')} |`),
	].join('\n');
}

function prepareImports(home: N8nHome, sandbox: Sandbox, cases: AppCase[]): string {
	const dir = join(home.folder, 'bench-import');
	mkdirSync(join(dir, 'workflows'), { recursive: true });
	const account = { username: DEFAULT_ACCOUNT.username, password: DEFAULT_ACCOUNT.password };
	writeFileSync(
		join(dir, 'credentials.json'),
		JSON.stringify([
			{
				...NODE_CREDENTIAL,
				type: 'infobipOmniBasicAuthApi',
				data: { ...account, baseUrl: sandbox.baseUrl },
			},
			{
				...HTTP_CREDENTIAL,
				type: 'httpBasicAuth',
				data: { user: account.username, password: account.password },
			},
		]),
	);
	for (const spec of cases) {
		writeFileSync(
			join(dir, 'workflows', `${spec.workflowId}.json`),
			JSON.stringify(workflowFor(spec, sandbox.baseUrl)),
		);
	}
	return dir;
}

async function importAll(home: N8nHome, dir: string, count: number) {
	const credentials = await home.cli(
		'import:credentials',
		`--input=${join(dir, 'credentials.json')}`,
	);
	if (!/Successfully imported 2 credentials/.test(credentials.output)) {
		throw new Error(`import:credentials: ${credentials.output.slice(-800)}`);
	}
	const workflows = await home.cli(
		'import:workflow',
		'--separate',
		`--input=${join(dir, 'workflows')}`,
	);
	if (!new RegExp(`Successfully imported ${count} workflows?`).test(workflows.output)) {
		throw new Error(`import:workflow: ${workflows.output.slice(-800)}`);
	}
}

async function profile(home: N8nHome, sandbox: Sandbox, spec: AppCase) {
	const dir = mkdtempSync(join(tmpdir(), 'infobip-omni-cpuprof-'));
	try {
		const inherited = home.env.NODE_OPTIONS ? `${home.env.NODE_OPTIONS} ` : '';
		const { run, spawned, windows } = await runOnce(home, sandbox, spec, 0, {
			NODE_OPTIONS: `${inherited}--cpu-prof --cpu-prof-dir=${dir}`,
		});
		// The profile's clock is CLOCK_MONOTONIC in µs, as process.hrtime here: epoch ms → its µs.
		const offsetUs = Number(process.hrtime.bigint() / 1000n) - Date.now() * 1000;
		const toWindow = ([from, to]: [number, number]) =>
			Number.isFinite(from) && Number.isFinite(to)
				? { fromUs: from * 1000 + offsetUs, toUs: to * 1000 + offsetUs }
				: { fromUs: 0, toUs: -1 };
		print(
			`  profile ${spec.id}: status ${run.status}, node ${run.nodeMs} ms, execution ${run.executionMs} ms${run.error ? `, ${run.error}` : ''}`,
		);
		const file = pickProfile(dir, spawned.pid);
		if (!file) throw new Error(`--profile ${spec.id}: no .cpuprofile was written in ${dir}`);
		const [nodeFrom, nodeTo] = windows.measured;
		const markdown = [
			`# CPU profile of \`${spec.id}\` (the \`n8n execute\` process)`,
			'',
			`${file}; measured node(s): ${spec.measured.join(' + ')}. Node ${run.nodeMs} ms, execution ${run.executionMs} ms, process ${run.processMs} ms (profiling slows every one of them).`,
			'',
			profileMarkdown(
				spec.id,
				summariseProfile(file, 25, toWindow(windows.measured)),
				`while the measured node(s) ran (${nodeTo - nodeFrom} ms by n8n's clock)`,
			),
			profileMarkdown(
				spec.id,
				summariseProfile(file, 25, toWindow(windows.execution)),
				'the whole execution (startedAt to stoppedAt)',
			),
			profileMarkdown(
				spec.id,
				summariseProfile(file),
				'the whole process (boot and shutdown included)',
			),
		].join('\n');
		writeFileSync(join(outDir, 'profile.md'), markdown);
		print();
		print(markdown);
		print(`Wrote ${join(outDir, 'profile.md')}.`);
		return run;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * N8nHome.create builds and packs the working tree; another `npm run build` at the same moment
 * (other engineers' runs) can leave dist/ half written and the packed package without its nodes.
 * Checks that every file package.json's "n8n" section lists was installed, and retries.
 */
async function provision(): Promise<N8nHome> {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	for (let attempt = 1; ; attempt++) {
		const home = await N8nHome.create(print);
		const installed = join(home.folder, '.n8n/nodes/node_modules/n8n-nodes-infobip-omni');
		const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter(
			(file) => !existsSync(join(installed, file)),
		);
		if (missing.length === 0) return home;
		home.remove();
		if (attempt === 3) throw new Error(`the installed package lacks ${missing.join(', ')}`);
		print(`  the packed package lacks ${missing.join(', ')} (a concurrent build?); again in 20 s`);
		await new Promise((done) => setTimeout(done, 20_000));
	}
}

async function main(): Promise<boolean> {
	const started = Date.now();
	const allCases = sizes.flatMap(casesFor);
	const profiled = profileCase ? allCases.find((c) => c.id === profileCase) : undefined;
	if (profileCase && !profiled) {
		throw new Error(
			`--profile ${profileCase}: not among this run's cases (${allCases.map((c) => c.id).join(', ')})`,
		);
	}
	if (allCases.length === 0) throw new Error('no cases: check --sizes, --workloads, --variants');
	mkdirSync(outDir, { recursive: true });
	print(
		`bench: the real n8n app against the sandbox (${LATENCY_MS} ms per request), N = ${sizes.join(', ')}, ${REPEATS} repeat(s), ${allCases.length} workflows.`,
	);
	const sandbox = await startSandbox({
		latencyMs: LATENCY_MS,
		clock: { manual: true },
		logRequests: false,
		scenarios: [BENCH_SCENARIO_FIXTURE],
	});
	let home: N8nHome | undefined;
	const runs: AppRun[] = [];
	let ok = true;
	try {
		home = await provision();
		const version = (await home.cli('--version')).output.trim().split('\n').pop() ?? 'unknown';
		await importAll(home, prepareImports(home, sandbox, allCases), allCases.length);
		print(`n8n ${version}; imported 2 credentials and ${allCases.length} workflows.`);

		for (const n of sizes) {
			const cases = casesFor(n);
			for (let repeat = 1; repeat <= REPEATS; repeat++) {
				for (const spec of cases) {
					const { run } = await runOnce(home, sandbox, spec, repeat);
					runs.push(run);
					ok &&= run.ok;
					print(
						`  ${`${spec.id} #${repeat}`.padEnd(30)} ${run.status.padEnd(8)} node ${String(run.nodeMs).padStart(6)} ms  execution ${String(run.executionMs).padStart(6)} ms  process ${String(run.processMs).padStart(6)} ms  ${String(run.requests).padStart(6)} requests  in flight ≤ ${run.peakInFlight}  outputs ${run.outputs} paired ${run.paired ? 'yes' : 'no'}  RSS ${run.peakRssMb} MB${run.error ? `  ERROR ${run.error}` : ''}`,
					);
				}
			}
		}
		const medians = allCases.map((spec) =>
			medianOf(
				spec,
				runs.filter((r) => r.caseId === spec.id),
			),
		);
		addRatios(medians);
		const table = markdownTable(medians);
		const report = {
			benchmark: 'npm run bench',
			generatedAt: new Date().toISOString(),
			machine: {
				cpus: cpus().length,
				cpuModel: cpus()[0]?.model ?? 'unknown',
				runnerNode: process.version,
				n8nNode: home.nodeBin,
				n8n: version,
				package: home.installedPackage(),
				platform: process.platform,
			},
			settings: {
				latencyMs: LATENCY_MS,
				sizes,
				repeats: REPEATS,
				workloads,
				variants,
				nodeRequestsInFlight: IN_FLIGHT ?? NODE_DEFAULT_IN_FLIGHT,
				expressionEngine: "n8n's default (vm)",
				order: 'for each size, for each repeat, every case once (interleaved)',
				nodeMs:
					'runData[node][0].executionTime of the measured node (codeHttp: the aggregating Code node + the HTTP Request node), as n8n records it',
				executionMs: 'stoppedAt − startedAt of the execution',
				processMs: 'the `n8n execute` process from spawn to exit (boot and shutdown included)',
				requests:
					'counted by this process (the sandbox) through the http.server.request.start / response.finish diagnostics channels, /omni/ and /messages-api/ paths only',
				floor:
					'ceil(requests / inFlight) × latency; inFlight: the node’s Requests in Flight for node, the observed peak for the others',
				peakRss:
					'VmHWM of the `n8n execute` process, polled every 50 ms from /proc (the task runner that runs Code nodes is a separate process, not included)',
				paired:
					'every output item traces through pairedItem to an existing "Make items" item, and every one of those is reached',
			},
			runs,
			medians,
			durationSeconds: round((Date.now() - started) / 1000),
		};
		writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(report, null, '\t')}\n`);
		const markdown = [
			'# `npm run bench`',
			'',
			`n8n ${version} on Node 24 (${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown'}), sandbox latency ${LATENCY_MS} ms, medians of ${REPEATS} run(s), ${report.generatedAt}.`,
			'node ms: the measured node’s executionTime in n8n; execution ms: the whole execution; floor: ceil(requests / in flight) × 20 ms.',
			'',
			table,
			'',
		].join('\n');
		writeFileSync(join(outDir, 'results.md'), markdown);
		print();
		print(table);
		print();
		if (profiled) {
			const run = await profile(home, sandbox, profiled);
			ok &&= run.ok;
		}
		print(
			`Wrote ${join(outDir, 'results.json')} and ${join(outDir, 'results.md')} in ${round((Date.now() - started) / 1000)} s.`,
		);
	} finally {
		home?.remove();
		await sandbox.close();
	}
	return ok && runs.length > 0;
}

main().then(
	(ok) => {
		if (!ok) print('bench: at least one run failed (see ERROR above).');
		process.exit(ok ? 0 : 1);
	},
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
