// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Summarises a V8 .cpuprofile (`node --cpu-prof`): the functions with the most self time and the
 * most total (inclusive) time, each with url:line. Recursion is counted once per sample in the
 * total time, so no function exceeds 100 %.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
	columnNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
	hitCount?: number;
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface FunctionTime {
	name: string;
	/** url:line (1-based line). */
	where: string;
	selfMs: number;
	totalMs: number;
	selfPct: number;
	totalPct: number;
}

export interface ProfileSummary {
	file: string;
	totalMs: number;
	samples: number;
	bySelf: FunctionTime[];
	byTotal: FunctionTime[];
}

/** The profile written by process `pid`, or else the largest one in `dir`. */
export function pickProfile(dir: string, pid?: number): string | undefined {
	const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
	const own =
		pid === undefined ? undefined : files.find((name) => name.split('.')[3] === String(pid));
	if (own) return join(dir, own);
	const sized = files
		.map((name) => ({ path: join(dir, name), size: statSync(join(dir, name)).size }))
		.sort((a, b) => b.size - a.size);
	return sized[0]?.path;
}

const shortUrl = (url: string) =>
	url
		.replace(/^file:\/\//, '')
		.replace(/^.*\/node_modules\//, '')
		.replace(/^.*\/\.n8n\/nodes\/node_modules\//, '');

/**
 * A window of time on the profile's own clock (microseconds of CLOCK_MONOTONIC on Linux, the clock
 * of `process.hrtime`, shared by every process of the machine).
 */
export interface ProfileWindow {
	fromUs: number;
	toUs: number;
}

export function summariseProfile(file: string, top = 25, window?: ProfileWindow): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const key = (frame: CallFrame) =>
		`${frame.functionName || '(anonymous)'}\u0000${frame.url}:${frame.lineNumber + 1}`;

	// A sample lasts until the next one (timeDeltas[i] is the gap before sample i); the last gets 0.
	const deltas = profile.timeDeltas;
	const sampleMs = profile.samples.map(
		(_, i) => (i + 1 < deltas.length ? deltas[i + 1] : 0) / 1000,
	);
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	const frames = new Map<string, CallFrame>();
	let at = profile.startTime;
	let inWindowMs = 0;
	profile.samples.forEach((nodeId, i) => {
		at += deltas[i] ?? 0;
		if (window && (at < window.fromUs || at > window.toUs)) return;
		const ms = sampleMs[i];
		inWindowMs += ms;
		const leaf = byId.get(nodeId);
		if (!leaf) return;
		const leafKey = key(leaf.callFrame);
		frames.set(leafKey, leaf.callFrame);
		self.set(leafKey, (self.get(leafKey) ?? 0) + ms);
		const seen = new Set<string>();
		for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
			const node = byId.get(id);
			if (!node) break;
			const k = key(node.callFrame);
			if (seen.has(k)) continue;
			seen.add(k);
			frames.set(k, node.callFrame);
			total.set(k, (total.get(k) ?? 0) + ms);
		}
	});
	const totalMs = window ? inWindowMs : (profile.endTime - profile.startTime) / 1000;
	const row = (k: string): FunctionTime => {
		const frame = frames.get(k) as CallFrame;
		const selfMs = self.get(k) ?? 0;
		const inclusive = total.get(k) ?? 0;
		return {
			name: frame.functionName || '(anonymous)',
			where: frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '(native)',
			selfMs: Math.round(selfMs),
			totalMs: Math.round(inclusive),
			selfPct: Math.round((selfMs / totalMs) * 1000) / 10,
			totalPct: Math.round((inclusive / totalMs) * 1000) / 10,
		};
	};
	const rank = (map: Map<string, number>) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([k]) => row(k));
	return {
		file,
		totalMs: Math.round(totalMs),
		samples: profile.samples.length,
		bySelf: rank(self),
		// The synthetic roots ((root), (program) callers) cover everything; leave them out.
		byTotal: rank(new Map([...total.entries()].filter(([k]) => !k.startsWith('(root)\u0000')))),
	};
}

export function profileMarkdown(caseId: string, summary: ProfileSummary, title: string): string {
	const table = (rows: FunctionTime[], first: 'self' | 'total') => [
		'| # | function | url:line | self ms | self % | total ms | total % |',
		'|---:|---|---|---:|---:|---:|---:|',
		...rows.map(
			(r, i) =>
				`| ${i + 1} | ${r.name.replace(/\|/g, '\\|')} | ${r.where} | ${r.selfMs} | ${r.selfPct} | ${r.totalMs} | ${r.totalPct} |`,
		),
		'',
		`(sorted by ${first} time)`,
	];
	return [
		`## \`${caseId}\`: ${title}`,
		'',
		`${summary.totalMs} ms of samples (${summary.samples} samples in the profile).`,
		'',
		`### Top ${summary.bySelf.length} by self time`,
		'',
		...table(summary.bySelf, 'self'),
		'',
		`### Top ${summary.byTotal.length} by total (inclusive) time`,
		'',
		...table(summary.byTotal, 'total'),
		'',
	].join('\n');
}
