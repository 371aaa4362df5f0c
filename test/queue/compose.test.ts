// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * docs/queue-mode/compose.yaml is not run here (no container engine): these tests keep it the same
 * stack `npm run test:queue` starts (scripts/queue/stack.ts): the n8n version, the processes, the
 * settings every process shares, the package on each, and the table report-once-postgres needs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { SEEN_TABLE, SHARED_SETTINGS } from '../../scripts/queue/stack';

const root = resolve(__dirname, '../..');
const compose = readFileSync(resolve(root, 'docs/queue-mode/compose.yaml'), 'utf8');
const lines = compose.split('\n');

/** The lines of a top-level block (`x-n8n: &n8n`) or of a service (two spaces in), up to the next one. */
function block(header: string, indent: number): string[] {
	const start = lines.findIndex((line) =>
		new RegExp(`^ {${indent}}${header}:( &\\S+)?$`).test(line),
	);
	expect(start).toBeGreaterThanOrEqual(0);
	const end = lines.findIndex(
		(line, index) =>
			index > start &&
			line.trim() !== '' &&
			!line.trimStart().startsWith('#') &&
			line.length - line.trimStart().length <= indent,
	);
	return lines.slice(start + 1, end < 0 ? undefined : end);
}

const n8nServices = ['n8n-main', 'n8n-webhook', 'n8n-worker-1', 'n8n-worker-2'];

describe('docs/queue-mode/compose.yaml', () => {
	it('runs the n8n version the e2e provisions (scripts/e2e/provision.sh)', () => {
		const provision = readFileSync(resolve(root, 'scripts/e2e/provision.sh'), 'utf8');
		const version = /npm install n8n@(\d+\.\d+\.\d+)/.exec(provision)?.[1];
		expect(version).toBeDefined();
		expect(compose).toContain(`image: n8nio/n8n:${version}`);
		expect(compose.match(/image: n8nio\/n8n:/g)).toHaveLength(1);
	});

	it('has the processes the e2e starts: main, one webhook processor, two workers, on Postgres and Redis', () => {
		for (const service of ['postgres', 'redis', 'nodes', ...n8nServices]) {
			expect(lines).toContain(`  ${service}:`);
		}
		const command = (service: string) =>
			block(service, 2)
				.find((line) => line.trimStart().startsWith('command:'))
				?.trim();
		expect(command('n8n-main')).toBeUndefined(); // the image's default: n8n start
		expect(command('n8n-webhook')).toBe('command: webhook');
		expect(command('n8n-worker-1')).toBe('command: worker --concurrency=5');
		expect(command('n8n-worker-2')).toBe('command: worker --concurrency=5');
	});

	it('sets every shared setting once, for every n8n process, and installs the package into the nodes folder each one reads', () => {
		const shared = block('x-n8n', 0).join('\n');
		for (const name of SHARED_SETTINGS) {
			expect({ name, set: new RegExp(`^    ${name}: \\S`, 'm').test(shared) }).toEqual({
				name,
				set: true,
			});
		}
		expect(shared).toContain('EXECUTIONS_MODE: queue');
		expect(shared).toContain('DB_TYPE: postgresdb');
		expect(shared).toContain('- n8n-nodes:/home/node/.n8n/nodes');
		expect(shared).toContain('nodes: { condition: service_completed_successfully }');
		for (const service of n8nServices) {
			const own = block(service, 2);
			expect(own).toContain('    <<: *n8n');
			// A service that sets its own environment must still merge the shared one.
			if (own.includes('    environment:')) expect(own).toContain('      <<: *n8n-env');
		}
		expect(block('nodes', 2).join('\n')).toContain(
			'npm install --omit=dev --ignore-scripts n8n-nodes-infobip-omni@',
		);
	});

	it('creates the table examples/report-once-postgres.json claims reports in, as its note and the e2e do', () => {
		expect(compose).toContain(`      ${SEEN_TABLE};`);
		const example = JSON.parse(
			readFileSync(resolve(root, 'examples/report-once-postgres.json'), 'utf8'),
		) as { nodes: Array<{ type: string; notes?: string }> };
		const claim = example.nodes.find((node) => node.type === 'n8n-nodes-base.postgres');
		expect(claim?.notes).toContain(`${SEEN_TABLE};`);
	});
});
