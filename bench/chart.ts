/**
 * The benchmark's chart as hand-written SVG (no dependency): items per second of the node, the
 * floor and the naive way per case (log scale), the heap growth against N (log–log, with the
 * linear slope for reference), and the targets.
 */
import type { CaseResult, Comparison, Target } from './run';

export interface ChartInput {
	settings: { latencyMs: number; sizes: number[]; naiveCapMs: number };
	machine: { cpus: number; node: string };
	results: CaseResult[];
	comparisons: Comparison[];
	targets: Target[];
}

const WIDTH = 1000;
const HEIGHT = 800;
const COLORS = { node: '#2563eb', floor: '#94a3b8', naive: '#f97316' } as const;
const WORKLOAD_COLORS = { broadcast: '#2563eb', personalised: '#16a34a', getMany: '#9333ea' };
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const text = (x: number, y: number, content: string, attributes = '') =>
	`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${FONT} ${attributes}>${escape(content)}</text>`;

const thousands = (n: number) => n.toLocaleString('en-US');

function compact(value: number): string {
	if (value >= 10_000) return `${Math.round(value / 1000)}k`;
	if (value >= 1000) return `${(value / 1000).toFixed(1)}k`;
	if (value >= 100) return String(Math.round(value));
	return value.toFixed(value >= 10 ? 0 : 1);
}

const WORKLOAD_LABELS: Record<string, string> = {
	broadcast: 'Broadcast',
	personalised: 'Personalised',
	getMany: 'Scenario Get Many',
};

interface Group {
	label: string;
	sub: string;
	bars: CaseResult[];
}

function groupsOf(results: CaseResult[], sizes: number[]): Group[] {
	const groups: Group[] = [];
	for (const n of sizes) {
		for (const [workload, inFlight] of [
			['broadcast', 5],
			['personalised', 5],
			['personalised', 20],
			['getMany', 5],
		] as const) {
			const bars = results.filter(
				(r) =>
					r.n === n &&
					r.workload === workload &&
					(r.requestsInFlight === inFlight || (r.variant === 'naive' && inFlight === 5)),
			);
			if (bars.length === 0) continue;
			groups.push({
				label: `${WORKLOAD_LABELS[workload]}${inFlight === 5 ? '' : ` (${inFlight} in flight)`}`,
				sub: `N = ${thousands(n)}`,
				bars: (['node', 'floor', 'naive'] as const)
					.map((variant) => bars.find((bar) => bar.variant === variant))
					.filter((bar): bar is CaseResult => bar !== undefined),
			});
		}
	}
	return groups;
}

function throughputPanel(input: ChartInput): string {
	const left = 70;
	const right = WIDTH - 20;
	const top = 110;
	const bottom = 420;
	const values = input.results.map((r) => r.itemsPerSecond).filter((v) => v > 0);
	const minExp = Math.floor(Math.log10(Math.min(...values, 10)));
	const maxExp = Math.ceil(Math.log10(Math.max(...values, 100)));
	const y = (value: number) =>
		bottom -
		((Math.log10(Math.max(value, 10 ** minExp)) - minExp) / (maxExp - minExp)) * (bottom - top);
	const parts: string[] = [
		text(
			left,
			top - 44,
			'Items per second (log scale; higher is better)',
			'font-size="15" font-weight="bold" fill="#111827"',
		),
	];
	for (let e = minExp; e <= maxExp; e++) {
		const value = 10 ** e;
		parts.push(
			`<line x1="${left}" x2="${right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#e5e7eb"/>`,
			text(
				left - 8,
				y(value) + 4,
				compact(value),
				'font-size="11" fill="#6b7280" text-anchor="end"',
			),
		);
	}
	const groups = groupsOf(input.results, input.settings.sizes);
	const slot = (right - left) / Math.max(1, groups.length);
	const barWidth = Math.min(26, (slot - 16) / 3);
	groups.forEach((group, g) => {
		const center = left + slot * g + slot / 2;
		const start = center - (group.bars.length * barWidth) / 2;
		group.bars.forEach((bar, b) => {
			const x = start + b * barWidth;
			const top = y(bar.itemsPerSecond);
			const color = COLORS[bar.variant];
			parts.push(
				`<rect x="${(x + 1).toFixed(1)}" y="${top.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(bottom - top).toFixed(1)}" fill="${color}"${bar.capped ? ' fill-opacity="0.55" stroke="' + color + '" stroke-dasharray="3 2"' : ''}/>`,
				text(
					x + barWidth / 2,
					top - 4,
					`${compact(bar.itemsPerSecond)}${bar.capped ? '*' : ''}`,
					'font-size="10" fill="#374151" text-anchor="middle"',
				),
			);
		});
		parts.push(
			text(center, bottom + 16, group.label, 'font-size="11" fill="#111827" text-anchor="middle"'),
			text(center, bottom + 30, group.sub, 'font-size="11" fill="#6b7280" text-anchor="middle"'),
		);
		const node = group.bars.find((bar) => bar.variant === 'node');
		const comparison = input.comparisons.find(
			(c) =>
				node &&
				c.workload === node.workload &&
				c.n === node.n &&
				c.requestsInFlight === node.requestsInFlight,
		);
		if (comparison) {
			parts.push(
				text(
					center,
					bottom + 45,
					`time ÷ floor's: ${comparison.nodeVsFloor}×`,
					'font-size="10" fill="#2563eb" text-anchor="middle"',
				),
			);
			if (comparison.speedupVsNaive !== undefined) {
				parts.push(
					text(
						center,
						bottom + 58,
						`${comparison.speedupVsNaive}× naive's speed`,
						'font-size="10" fill="#c2410c" text-anchor="middle"',
					),
				);
			}
		}
	});
	parts.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#9ca3af"/>`);
	const legend: Array<[string, string]> = [
		[COLORS.node, 'Infobip OMNI node'],
		[COLORS.floor, 'floor (same parameters, same minimal requests)'],
		[COLORS.naive, 'naive (one request per item, one at a time)'],
	];
	let lx = left;
	for (const [color, label] of legend) {
		parts.push(
			`<rect x="${lx}" y="${top - 30}" width="11" height="11" fill="${color}"/>`,
			text(lx + 16, top - 20, label, 'font-size="11" fill="#374151"'),
		);
		lx += 24 + label.length * 5.6;
	}
	parts.push(
		text(
			right,
			top - 4,
			`* naive run stopped at ${input.settings.naiveCapMs / 1000} s; rate measured, total projected`,
			'font-size="10" fill="#6b7280" text-anchor="end"',
		),
	);
	return parts.join('\n');
}

function memoryPanel(input: ChartInput): string {
	const left = 70;
	const right = 420;
	const top = 560;
	const bottom = 765;
	const sizes = input.settings.sizes;
	const nodes = input.results.filter((r) => r.variant === 'node' && r.requestsInFlight === 5);
	const values = nodes.map((r) => Math.max(0.1, r.memory.retainedHeapMb));
	const minExp = Math.floor(Math.log10(Math.min(...values, 1)));
	const maxExp = Math.ceil(Math.log10(Math.max(...values, 10) * 1.5));
	const minN = Math.log10(Math.min(...sizes)) - 0.15;
	const maxN = Math.log10(Math.max(...sizes)) + 0.15;
	const x = (n: number) => left + ((Math.log10(n) - minN) / (maxN - minN)) * (right - left);
	const y = (value: number) =>
		bottom - ((Math.log10(Math.max(0.1, value)) - minExp) / (maxExp - minExp)) * (bottom - top);
	const parts: string[] = [
		text(
			left,
			top - 22,
			'Heap retained by a run against N (log–log)',
			'font-size="15" font-weight="bold" fill="#111827"',
		),
	];
	for (let e = minExp; e <= maxExp; e++) {
		parts.push(
			`<line x1="${left}" x2="${right}" y1="${y(10 ** e).toFixed(1)}" y2="${y(10 ** e).toFixed(1)}" stroke="#e5e7eb"/>`,
			text(
				left - 8,
				y(10 ** e) + 4,
				`${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(1)} MB`,
				'font-size="11" fill="#6b7280" text-anchor="end"',
			),
		);
	}
	for (const n of sizes) {
		parts.push(
			text(
				x(n),
				bottom + 16,
				`N = ${thousands(n)}`,
				'font-size="11" fill="#6b7280" text-anchor="middle"',
			),
		);
	}
	let legendY = top;
	for (const workload of ['broadcast', 'personalised', 'getMany'] as const) {
		const points = nodes
			.filter((r) => r.workload === workload)
			.sort((a, b) => a.n - b.n)
			.map((r) => ({ n: r.n, mb: r.memory.retainedHeapMb }));
		if (points.length === 0) continue;
		const color = WORKLOAD_COLORS[workload];
		const first = points[0];
		const last = points[points.length - 1];
		if (points.length > 1) {
			// Linear growth from the smallest N: slope 1 on log–log axes.
			const linearEnd = first.mb * (last.n / first.n);
			parts.push(
				`<line x1="${x(first.n).toFixed(1)}" y1="${y(first.mb).toFixed(1)}" x2="${x(last.n).toFixed(1)}" y2="${y(linearEnd).toFixed(1)}" stroke="${color}" stroke-opacity="0.45" stroke-dasharray="4 3"/>`,
				`<polyline fill="none" stroke="${color}" stroke-width="2.5" points="${points.map((p) => `${x(p.n).toFixed(1)},${y(p.mb).toFixed(1)}`).join(' ')}"/>`,
			);
		}
		for (const p of points) {
			parts.push(
				`<circle cx="${x(p.n).toFixed(1)}" cy="${y(p.mb).toFixed(1)}" r="4" fill="${color}"/>`,
			);
		}
		parts.push(
			`<line x1="${right + 14}" x2="${right + 34}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2.5"/>`,
			text(
				right + 40,
				legendY + 4,
				`${WORKLOAD_LABELS[workload]}: ${points.map((p) => `${p.mb} MB`).join(' → ')}`,
				'font-size="11" fill="#374151"',
			),
		);
		legendY += 18;
	}
	parts.push(
		`<line x1="${right + 14}" x2="${right + 34}" y1="${legendY}" y2="${legendY}" stroke="#6b7280" stroke-dasharray="4 3"/>`,
		text(right + 40, legendY + 4, 'linear from the smallest N', 'font-size="11" fill="#374151"'),
		`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#9ca3af"/>`,
	);
	return parts.join('\n');
}

function targetsPanel(input: ChartInput): string {
	const left = 700;
	const top = 560;
	const parts = [
		text(left, top - 22, 'Targets', 'font-size="15" font-weight="bold" fill="#111827"'),
	];
	const shown = input.targets.filter((t) => !/never above/.test(t.name));
	const inFlight = input.targets.filter((t) => /never above/.test(t.name));
	let yy = top;
	for (const t of shown) {
		const label = t.name
			.replace(/ items?/, '')
			.replace(': wall time within 1.5× of the floor', ' ≤ 1.5× floor')
			.replace(': at most ceil(N / Batch Size) requests', ' ≤ ceil(N/100) requests')
			.replace(
				/: at least 10× faster than the naive way at the default \d+ requests in flight/,
				' ≥ 10× naive (5 in flight)',
			)
			.replace(
				/ with Requests in Flight 20: at least 10× faster than the naive way/,
				' ≥ 10× naive (20 in flight)',
			)
			.replace(/: memory grows at most linearly with N.*/, ': memory linear in N');
		const measured = t.measured.replace(/ \(×.*$/, '').replace(/, at most.*$/, '');
		parts.push(
			text(left, yy, t.met ? '✔' : '✘', `font-size="13" fill="${t.met ? '#16a34a' : '#dc2626'}"`),
			text(left + 18, yy, label, 'font-size="11" fill="#111827"'),
			text(left + 18, yy + 13, `measured: ${measured}`, 'font-size="10" fill="#6b7280"'),
		);
		yy += 30;
	}
	if (inFlight.length) {
		const max = inFlight.map((t) => t.measured).join(', ');
		const met = inFlight.every((t) => t.met);
		parts.push(
			text(left, yy, met ? '✔' : '✘', `font-size="13" fill="${met ? '#16a34a' : '#dc2626'}"`),
			text(
				left + 18,
				yy,
				'Requests in flight never above the setting',
				'font-size="11" fill="#111827"',
			),
			text(left + 18, yy + 13, `max per case: ${max}`, 'font-size="10" fill="#6b7280"'),
		);
	}
	return parts.join('\n');
}

export function renderChart(input: ChartInput): string {
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
		`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
		text(
			20,
			26,
			`Infobip OMNI node: n8n-core engine, local sandbox with ${input.settings.latencyMs} ms per request`,
			'font-size="17" font-weight="bold" fill="#111827"',
		),
		text(
			20,
			44,
			`Node ${input.machine.node}, ${input.machine.cpus} cores. Batch Size 100, Requests in Flight 5 unless noted. Ratios: node wall time ÷ floor's; naive wall time ÷ node's.`,
			'font-size="11" fill="#6b7280"',
		),
		throughputPanel(input),
		memoryPanel(input),
		targetsPanel(input),
		'</svg>',
		'',
	].join('\n');
}
