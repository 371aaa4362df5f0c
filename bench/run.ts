// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run bench:core`, the developers' quick loop (the headline figures come from the real app,
 * `npm run bench`): the Infobip OMNI node, the floor and the naive way through n8n-core's engine
 * against the local sandbox with 20 ms of latency per request, for N = 1,000 and 10,000.
 * Each case runs in a fresh worker process (bench/worker.ts); the sandbox runs here, and counts
 * requests and requests in flight on the server side. Writes bench/core-results.json and
 * bench/core-chart.svg and prints a table.
 *
 * Options: --sizes 1000,10000   --naive-cap-seconds 15   --repeats 3   --out <dir> (default: bench/)
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startSandbox, type ScenarioFixture } from '../sandbox';
import {
	BENCH_SCENARIO_FIXTURE,
	type CaseSpec,
	expectedOutputs,
	minimalRequests,
	scenarioFixtures,
	type Variant,
	type Workload,
} from './cases';
import { renderChart } from './chart';
import { flight, LATENCY_MS } from './flight';
import type { FromWorker, ToWorker, WorkerResult } from './worker';

/** One n8n user folder for every worker (n8n-core writes .n8n/config there); removed at the end. */
const userFolder = mkdtempSync(join(tmpdir(), 'infobip-omni-bench-'));
const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_IN_FLIGHT = 5;
/** A case that takes longer than this is stopped and reported as failed. */
const CASE_TIMEOUT_MS = 240_000;

const print = (line = '') => process.stdout.write(`${line}\n`);

function argument(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const sizes = argument('sizes', '1000,10000')
	.split(',')
	.map(Number)
	.filter((n) => Number.isInteger(n) && n > 0);
const naiveCapMs = Number(argument('naive-cap-seconds', '15')) * 1000;
/** Short cases (broadcast, Get Many; node and floor) run this often; the median run counts. */
const REPEATS = Math.max(1, Number(argument('repeats', '3')));
const repeatsFor = (spec: CaseSpec) =>
	spec.variant !== 'naive' && spec.workload !== 'personalised' ? REPEATS : 1;
// Compiled to .dev-dist/bench/run.js: the sources' bench/ folder is two levels up.
const outDir = resolve(argument('out', join(__dirname, '..', '..', 'bench')));

export interface CaseResult {
	id: string;
	workload: Workload;
	variant: Variant;
	n: number;
	batchSize: number;
	requestsInFlight: number;
	/** Requests the sandbox received during the measured run. */
	requests: number;
	/** The fewest requests the work needs. */
	minimalRequests: number;
	maxDestinationsPerRequest: number;
	/** Most requests the sandbox was serving at once (server side: request start to response end). */
	maxInFlight: number;
	/** Destinations the sandbox accepted. */
	accepted: number;
	/** Items (recipients or scenarios) handled in the measured run. */
	items: number;
	wallMs: number;
	itemsPerSecond: number;
	/** Wall time of every run of the case (short cases run several times; the median is reported). */
	runsWallMs: number[];
	/** Stopped at the cap: wall time and requests for all N are projected from the rate. */
	capped: boolean;
	projectedWallMs: number;
	projectedRequests: number;
	complete: boolean;
	errorItems: number;
	error?: string;
	memory: {
		peakRssMb: number;
		rssGrowthMb: number;
		peakHeapMb: number;
		heapGrowthMb: number;
		/** Heap still used after the run and a full GC, input and output alive, minus the baseline. */
		retainedHeapMb: number;
		/** Retained heap per item handled, in KB. */
		retainedKbPerItem: number;
		heapSamples: number;
	};
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

function casesFor(n: number): CaseSpec[] {
	const spec = (
		workload: Workload,
		variant: Variant,
		requestsInFlight = DEFAULT_IN_FLIGHT,
	): CaseSpec => ({
		id: `${workload}-${n}-${variant}${requestsInFlight === DEFAULT_IN_FLIGHT ? '' : `-inflight${requestsInFlight}`}`,
		workload,
		variant,
		n,
		batchSize: DEFAULT_BATCH_SIZE,
		requestsInFlight,
		...(variant === 'naive' && n > 1000 ? { capMs: naiveCapMs } : {}),
	});
	const cases: CaseSpec[] = [];
	for (const workload of ['broadcast', 'personalised', 'getMany'] as Workload[]) {
		for (const variant of ['node', 'floor', 'naive'] as Variant[])
			cases.push(spec(workload, variant));
		if (workload === 'personalised') {
			cases.push(spec(workload, 'node', 20), spec(workload, 'floor', 20));
		}
	}
	return cases;
}

function fixturesFor(spec: CaseSpec): ScenarioFixture[] {
	if (spec.workload === 'getMany') return scenarioFixtures(spec.n);
	return [BENCH_SCENARIO_FIXTURE];
}

async function runCase(spec: CaseSpec): Promise<CaseResult> {
	const sandbox = await startSandbox({
		latencyMs: LATENCY_MS,
		clock: { manual: true },
		logRequests: true,
		scenarios: fixturesFor(spec),
	});
	// One fresh process per case, so that its peak RSS is its own. A fixed script of this package,
	// no shell, no outside input: the command-injection risk the rule guards against is absent.
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions
	const child = fork(join(__dirname, 'worker.js'), [], {
		execArgv: ['--expose-gc'],
		env: { ...process.env, N8N_USER_FOLDER: userFolder, N8N_LOG_LEVEL: 'silent' },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const tell = (message: ToWorker) => child.send(message);
	try {
		const result = await new Promise<WorkerResult>((resolveResult, reject) => {
			const timer = setTimeout(() => {
				reject(new Error(`${spec.id} took more than ${CASE_TIMEOUT_MS / 1000} s`));
				child.kill();
			}, CASE_TIMEOUT_MS);
			child.on('message', (message: FromWorker) => {
				if (message.type === 'ready') {
					// Forget the warm-up: scenarios back to the fixtures, no messages, no requests.
					sandbox.reset();
					flight.reset();
					tell({ type: 'go' });
				} else if (message.type === 'result') {
					clearTimeout(timer);
					resolveResult(message.result);
				} else {
					clearTimeout(timer);
					reject(new Error(`${spec.id}: ${message.message}`));
				}
			});
			child.on('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`${spec.id}: the worker exited (${code}) before its result`));
			});
			tell({ type: 'case', spec, baseUrl: sandbox.baseUrl });
		});
		const requests = sandbox.requests().filter((r) => r.path.startsWith('/omni/'));
		const items = result.outputItems;
		const capped = spec.capMs !== undefined && items < expectedOutputs(spec);
		const perItemMs = result.wallMs / Math.max(1, items);
		const heapGrowth = Math.max(0, result.peakHeapBytes - result.baselineHeapBytes);
		const retained = Math.max(0, result.retainedHeapBytes - result.baselineHeapBytes);
		return {
			id: spec.id,
			workload: spec.workload,
			variant: spec.variant,
			n: spec.n,
			batchSize: spec.batchSize,
			requestsInFlight: spec.requestsInFlight,
			requests: flight.started,
			minimalRequests: minimalRequests(spec),
			maxDestinationsPerRequest: Math.max(
				0,
				...requests.map((r) => {
					const destinations = (r.body as { destinations?: unknown[] } | undefined)?.destinations;
					return Array.isArray(destinations) ? destinations.length : 0;
				}),
			),
			maxInFlight: flight.max,
			accepted: sandbox.acceptedCount(),
			items,
			wallMs: round(result.wallMs),
			runsWallMs: [round(result.wallMs)],
			itemsPerSecond: round((items / result.wallMs) * 1000, 1),
			capped,
			projectedWallMs: round(capped ? perItemMs * expectedOutputs(spec) : result.wallMs),
			projectedRequests: capped
				? Math.round((flight.started / Math.max(1, items)) * expectedOutputs(spec))
				: flight.started,
			complete: !capped && items === expectedOutputs(spec) && result.errorItems === 0,
			errorItems: result.errorItems,
			...(result.error ? { error: result.error } : {}),
			memory: {
				peakRssMb: mb(result.peakRssBytes),
				rssGrowthMb: mb(Math.max(0, result.peakRssBytes - result.baselineRssBytes)),
				peakHeapMb: mb(result.peakHeapBytes),
				heapGrowthMb: mb(heapGrowth),
				retainedHeapMb: mb(retained),
				retainedKbPerItem: round(retained / 1024 / Math.max(1, items), 2),
				heapSamples: result.samples,
			},
		};
	} finally {
		if (child.exitCode === null) child.kill();
		await sandbox.close();
	}
}

/** The run with the median wall time, carrying every run's wall time. */
function median(runs: CaseResult[]): CaseResult {
	const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
	return { ...sorted[Math.floor((sorted.length - 1) / 2)], runsWallMs: runs.map((r) => r.wallMs) };
}

export interface Comparison {
	workload: Workload;
	n: number;
	requestsInFlight: number;
	/** node wall time ÷ floor wall time (1 = as fast as the floor). */
	nodeVsFloor: number;
	/** naive wall time (projected when capped) ÷ node wall time. */
	speedupVsNaive?: number;
}

export interface Target {
	name: string;
	target: string;
	measured: string;
	met: boolean;
}

function compare(results: CaseResult[]): Comparison[] {
	const find = (workload: Workload, n: number, variant: Variant, inFlight = DEFAULT_IN_FLIGHT) =>
		results.find(
			(r) =>
				r.workload === workload &&
				r.n === n &&
				r.variant === variant &&
				(variant === 'naive' || r.requestsInFlight === inFlight),
		);
	const comparisons: Comparison[] = [];
	for (const r of results.filter((result) => result.variant === 'node')) {
		const floor = find(r.workload, r.n, 'floor', r.requestsInFlight);
		const naive = find(r.workload, r.n, 'naive');
		comparisons.push({
			workload: r.workload,
			n: r.n,
			requestsInFlight: r.requestsInFlight,
			nodeVsFloor: floor ? round(r.wallMs / floor.wallMs, 2) : NaN,
			...(naive ? { speedupVsNaive: round(naive.projectedWallMs / r.wallMs, 1) } : {}),
		});
	}
	return comparisons;
}

function targets(results: CaseResult[], comparisons: Comparison[]): Target[] {
	const list: Target[] = [];
	const big = Math.max(...sizes);
	const small = Math.min(...sizes);
	const node = (workload: Workload, n: number, inFlight = DEFAULT_IN_FLIGHT) =>
		results.find(
			(r) =>
				r.variant === 'node' &&
				r.workload === workload &&
				r.n === n &&
				r.requestsInFlight === inFlight,
		);
	const comparison = (workload: Workload, n: number, inFlight = DEFAULT_IN_FLIGHT) =>
		comparisons.find(
			(c) => c.workload === workload && c.n === n && c.requestsInFlight === inFlight,
		);

	const broadcast = node('broadcast', big);
	const broadcastRatio = comparison('broadcast', big)?.nodeVsFloor ?? NaN;
	if (broadcast) {
		list.push({
			name: `Broadcast of ${big} items: wall time within 1.5× of the floor`,
			target: '≤ 1.5×',
			measured: `${broadcastRatio}×`,
			met: broadcastRatio <= 1.5,
		});
		// The sends, and the one read of the scenario after them (actions/message/scenarioCheck.ts).
		const bound = Math.ceil(big / broadcast.batchSize) + 1;
		list.push({
			name: `Broadcast of ${big} items: at most ceil(N / Batch Size) sends and one scenario read`,
			target: `≤ ${bound}`,
			measured: `${broadcast.requests} requests, at most ${broadcast.maxDestinationsPerRequest} destinations each`,
			met: broadcast.requests <= bound,
		});
	}
	const personalised = node('personalised', big);
	const speedup = comparison('personalised', big)?.speedupVsNaive ?? NaN;
	if (personalised) {
		list.push({
			name: `Personalised ${big} items: at least 10× faster than the naive way at the default ${DEFAULT_IN_FLIGHT} requests in flight`,
			target: '≥ 10×',
			measured: `${speedup}×`,
			met: speedup >= 10,
		});
		const at20 = comparison('personalised', big, 20)?.speedupVsNaive;
		if (at20 !== undefined) {
			list.push({
				name: `Personalised ${big} items with Requests in Flight 20: at least 10× faster than the naive way`,
				target: '≥ 10×',
				measured: `${at20}×`,
				met: at20 >= 10,
			});
		}
	}
	for (const r of results.filter(
		(result) => result.variant === 'node' && result.workload !== 'getMany',
	)) {
		list.push({
			name: `${r.id}: never above the configured requests in flight`,
			target: `≤ ${r.requestsInFlight}`,
			measured: `${r.maxInFlight}`,
			met: r.maxInFlight <= r.requestsInFlight,
		});
	}
	if (big !== small) {
		for (const workload of ['broadcast', 'personalised', 'getMany'] as Workload[]) {
			const a = node(workload, small);
			const b = node(workload, big);
			if (!a || !b) continue;
			const growth = b.memory.retainedHeapMb / Math.max(0.1, a.memory.retainedHeapMb);
			const linear = big / small;
			list.push({
				name: `${workload}: memory grows at most linearly with N (${small} → ${big})`,
				target: `retained heap ×${linear} or less (+25 %)`,
				measured: `${a.memory.retainedHeapMb} MB → ${b.memory.retainedHeapMb} MB (×${round(growth, 1)}; ${a.memory.retainedKbPerItem} → ${b.memory.retainedKbPerItem} KB per item; peak RSS ${a.memory.peakRssMb} → ${b.memory.peakRssMb} MB)`,
				met: growth <= linear * 1.25,
			});
		}
	}
	return list;
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	return rows
		.map((row) =>
			row
				.map((cell, column) =>
					column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
				)
				.join('  '),
		)
		.join('\n');
}

async function main() {
	const started = Date.now();
	print(
		`Benchmark: n8n-core's engine against the sandbox (${LATENCY_MS} ms per request), N = ${sizes.join(', ')}; naive way capped at ${naiveCapMs / 1000} s above N = 1000.`,
	);
	const results: CaseResult[] = [];
	for (const n of sizes) {
		const cases = casesFor(n);
		const runs = new Map<string, CaseResult[]>();
		// Round 1 runs every case; further rounds repeat the short ones, node and floor in turn.
		for (let round = 0; round < REPEATS; round++) {
			for (const spec of cases.filter((c) => round < repeatsFor(c))) {
				const result = await runCase(spec);
				runs.set(spec.id, [...(runs.get(spec.id) ?? []), result]);
				print(
					`  ${spec.id.padEnd(36)} ${String(result.requests).padStart(6)} requests  ${(result.wallMs / 1000).toFixed(2).padStart(7)} s  ${String(result.itemsPerSecond).padStart(8)} items/s  in flight ≤ ${result.maxInFlight}  RSS ${result.memory.peakRssMb} MB  retained ${result.memory.retainedHeapMb} MB${result.capped ? `  (capped at ${result.items} items)` : ''}${result.complete || result.capped ? '' : '  INCOMPLETE'}`,
				);
			}
		}
		for (const spec of cases) results.push(median(runs.get(spec.id) ?? []));
	}
	const comparisons = compare(results);
	const targetList = targets(results, comparisons);
	const report = {
		benchmark: 'npm run bench:core',
		generatedAt: new Date().toISOString(),
		machine: {
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model ?? 'unknown',
			node: process.version,
			platform: process.platform,
		},
		settings: {
			latencyMs: LATENCY_MS,
			sizes,
			batchSize: DEFAULT_BATCH_SIZE,
			requestsInFlight: DEFAULT_IN_FLIGHT,
			naiveCapMs,
			naiveCapAppliesAbove: 1000,
			repeats: REPEATS,
			repeatsApplyTo:
				'broadcast and Get Many, node and floor: the run with the median wall time is reported',
			memory:
				'peakRss: process.resourceUsage().maxRSS of the worker process (kernel high-water mark); peakHeap: V8 heapUsed sampled every 10 ms and right after the run, minus heapUsed after a warm-up run and a full GC (includes garbage not yet collected); retainedHeap: heapUsed after the run and a full GC with input and output still held, minus the same baseline',
			inFlight:
				'counted by the sandbox process through the http.server.request.start / response.finish diagnostics channels',
		},
		results,
		comparisons,
		targets: targetList,
		durationSeconds: round((Date.now() - started) / 1000),
	};
	writeFileSync(join(outDir, 'core-results.json'), `${JSON.stringify(report, null, '\t')}\n`);
	writeFileSync(join(outDir, 'core-chart.svg'), renderChart(report));

	print();
	print(
		table([
			[
				'case',
				'requests',
				'wall s',
				'items/s',
				'in flight',
				'peak RSS MB',
				'peak heap +MB',
				'retained MB',
				'vs floor',
				'naive ÷ node',
			],
			...results.map((r) => {
				const c = comparisons.find(
					(x) =>
						x.workload === r.workload && x.n === r.n && x.requestsInFlight === r.requestsInFlight,
				);
				return [
					r.id,
					r.capped ? `${r.requests} (→${r.projectedRequests})` : String(r.requests),
					r.capped
						? `${(r.wallMs / 1000).toFixed(2)} (→${(r.projectedWallMs / 1000).toFixed(0)})`
						: (r.wallMs / 1000).toFixed(2),
					String(r.itemsPerSecond),
					String(r.maxInFlight),
					String(r.memory.peakRssMb),
					String(r.memory.heapGrowthMb),
					String(r.memory.retainedHeapMb),
					r.variant === 'node' && c ? `${c.nodeVsFloor}×` : '',
					r.variant === 'node' && c?.speedupVsNaive !== undefined ? `${c.speedupVsNaive}×` : '',
				];
			}),
		]),
	);
	print();
	for (const target of targetList) {
		print(
			`${target.met ? 'MET   ' : 'MISSED'}  ${target.name}: ${target.measured} (target ${target.target})`,
		);
	}
	print();
	print(
		`Wrote ${join(outDir, 'core-results.json')} and ${join(outDir, 'core-chart.svg')} in ${report.durationSeconds} s.`,
	);
}

main()
	.catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	})
	.finally(() => rmSync(userFolder, { recursive: true, force: true }));
