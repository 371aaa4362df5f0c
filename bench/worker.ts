// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * One benchmark case in a fresh process (forked by bench/run.ts), so that its peak memory is its
 * own. Protocol over IPC: `case` → warm-up run → `ready`; `go` → the measured run → `result`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use, and logs node errors to the console.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'infobip-omni-bench-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

import { DEFAULT_ACCOUNT } from '../sandbox';
import { runNode } from '../test/support/harness';
import { BenchFloor, BenchNaive } from './baselines';
import { type CaseSpec, inputFor, parametersFor } from './cases';

export interface WorkerResult {
	wallMs: number;
	/** Output items, and how many of them are error items. */
	outputItems: number;
	errorItems: number;
	/** The error that stopped the node, if any. */
	error?: string;
	/** Kernel high-water mark of the process's resident set (process.resourceUsage().maxRSS). */
	peakRssBytes: number;
	/** RSS just before the measured run (after a warm-up run and a full GC). */
	baselineRssBytes: number;
	/** Highest V8 heapUsed seen: sampled every 10 ms during the run and once right after it. */
	peakHeapBytes: number;
	/** heapUsed just before the measured run (after a full GC). */
	baselineHeapBytes: number;
	/** heapUsed right after the run, after a full GC, with the run's input and output still held. */
	retainedHeapBytes: number;
	samples: number;
}

export type ToWorker = { type: 'case'; spec: CaseSpec; baseUrl: string } | { type: 'go' };
export type FromWorker =
	| { type: 'ready' }
	| { type: 'result'; result: WorkerResult }
	| { type: 'failed'; message: string };

const send = (message: FromWorker) =>
	new Promise<void>((resolve) => process.send?.(message, () => resolve()));

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

let spec: CaseSpec;
let baseUrl: string;

const typeOf = (variant: CaseSpec['variant']) =>
	variant === 'node' ? 'infobipOmni' : variant === 'floor' ? 'benchFloor' : 'benchNaive';

async function runCase(n: number, executionId: string, deadline = 0) {
	const parameters = parametersFor(spec);
	if (spec.variant === 'naive') parameters.benchDeadline = deadline;
	return await runNode({
		type: typeOf(spec.variant),
		parameters,
		credentials: {
			infobipOmniBasicAuthApi: {
				username: DEFAULT_ACCOUNT.username,
				password: DEFAULT_ACCOUNT.password,
				baseUrl,
			},
		},
		input: inputFor({ workload: spec.workload, n }),
		extraNodeTypes: [new BenchFloor(), new BenchNaive()],
		executionId,
	});
}

async function warmUp() {
	// A small run of the same case: loads and JIT-compiles the engine, the node and the HTTP path.
	// The naive way lists scenarios one by one: its warm-up stops after 2 s.
	const run = await runCase(
		Math.min(50, spec.n),
		`warmup-${spec.id}`,
		spec.variant === 'naive' ? Date.now() + 2000 : 0,
	);
	if (run.error) throw new Error(`warm-up failed: ${run.error.message}`);
	collectGarbage();
	collectGarbage();
}

async function measure(): Promise<WorkerResult> {
	collectGarbage();
	const baselineRssBytes = process.memoryUsage().rss;
	const baselineHeapBytes = process.memoryUsage().heapUsed;
	let peakHeapBytes = baselineHeapBytes;
	let samples = 0;
	const sample = () => {
		samples++;
		peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
	};
	const sampler = setInterval(sample, 10);
	const started = performance.now();
	const deadline = spec.capMs ? Date.now() + spec.capMs : 0;
	const run = await runCase(spec.n, `bench-${spec.id}`, deadline);
	const wallMs = performance.now() - started;
	sample();
	clearInterval(sampler);
	collectGarbage();
	const retainedHeapBytes = process.memoryUsage().heapUsed;
	return {
		wallMs,
		outputItems: run.output.length,
		errorItems: run.output.filter((item) => item.json.error !== undefined).length,
		...(run.error ? { error: run.error.message } : {}),
		peakRssBytes: process.resourceUsage().maxRSS * 1024,
		baselineRssBytes,
		peakHeapBytes,
		baselineHeapBytes,
		// Read after the GC above, so the run's output was alive when the heap was measured.
		retainedHeapBytes,
		samples,
	};
}

process.on('message', (message: ToWorker) => {
	const step =
		message.type === 'case'
			? async () => {
					spec = message.spec;
					baseUrl = message.baseUrl;
					await warmUp();
					await send({ type: 'ready' });
				}
			: async () => {
					const result = await measure();
					await send({ type: 'result', result });
					process.disconnect();
				};
	step().catch(async (error: Error) => {
		await send({ type: 'failed', message: error.stack ?? error.message });
		process.disconnect();
	});
});
