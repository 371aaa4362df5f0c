// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { InfobipOmni } from '../nodes/InfobipOmni/InfobipOmni.node';
import { DEFAULT_RETRY_POLICY } from '../nodes/InfobipOmni/transport';

const root = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const sourceOf = (distPath: string) =>
	join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

const filesUnder = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});

describe('package.json', () => {
	it('follows the community package rules', () => {
		expect(pkg.name).toBe('n8n-nodes-infobip-omni');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	});

	it('pins the n8n packages exactly', () => {
		expect(pkg.devDependencies['n8n-workflow']).toBe('2.41.0');
		expect(pkg.devDependencies['n8n-core']).toBe('2.41.1');
		expect(pkg.devDependencies['@n8n/node-cli']).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it.each([...pkg.n8n.nodes, ...pkg.n8n.credentials] as string[])(
		'%s has a source file exporting a class named after it',
		async (distPath) => {
			const source = sourceOf(distPath);
			const className = basename(source).replace(/\.(node|credentials)\.ts$/, '');
			const exported = (await import(source)) as Record<string, unknown>;
			expect(typeof exported[className]).toBe('function');
		},
	);

	it('registers every node file there is', () => {
		const nodeFiles = filesUnder(join(root, 'nodes')).filter((f) => f.endsWith('.node.ts'));
		expect(nodeFiles.map((f) => f.replace(`${root}/`, '')).sort()).toEqual(
			(pkg.n8n.nodes as string[]).map((p) => sourceOf(p).replace(`${root}/`, '')).sort(),
		);
	});
});

describe('shipped code', () => {
	const shipped = ['nodes', 'credentials'].flatMap((dir) => filesUnder(join(root, dir)));

	// n8n's verification scanner ignores inline eslint comments, so shipped code must not need them.
	it.each(shipped.filter((f) => f.endsWith('.ts')).map((f) => f.replace(`${root}/`, '')))(
		'%s has no lint suppressions',
		(file) => {
			expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/eslint-disable|@ts-ignore/);
		},
	);
});

describe('Infobip OMNI node description', () => {
	const description: INodeTypeDescription = new InfobipOmni().description;
	const nodeDir = join(root, 'nodes', 'InfobipOmni');

	it('has what n8n asks of an action node', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toBeTruthy();
		const icon = description.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark]) {
			expect(statSync(resolve(nodeDir, file.replace(/^file:/, ''))).isFile()).toBe(true);
		}
		expect(icon.light).not.toBe(icon.dark);
		expect(description.credentials?.map((c) => c.name)).toEqual([
			'infobipOmniBasicAuthApi',
			'infobipOmniApiKeyApi',
		]);
	});

	it('defaults to Basic auth, as in the seed', () => {
		const authentication = description.properties.find((p) => p.name === 'authentication');
		expect(authentication?.default).toBe('basicAuth');
	});

	it('gives every operation an action', () => {
		const operations = description.properties.filter((p) => p.name === 'operation');
		for (const option of operations.flatMap((p) => p.options ?? []) as Array<{ action?: string }>) {
			expect(option.action).toMatch(/^[A-Z][a-z]/);
		}
	});

	it('shows the same retry defaults the transport uses', () => {
		// The Request Settings shown for every resource but Message (whose own add batching).
		const options = description.properties.find(
			(p) => p.name === 'requestSettings' && p.displayOptions?.hide?.resource,
		);
		const defaults = Object.fromEntries(
			((options?.options ?? []) as INodeProperties[]).map((p) => [p.name, p.default]),
		);
		expect(defaults).toEqual({
			maxRetries: DEFAULT_RETRY_POLICY.maxRetries,
			maxRetryWaitSeconds: DEFAULT_RETRY_POLICY.maxRetryWaitMs / 1000,
			timeoutSeconds: DEFAULT_RETRY_POLICY.timeoutMs / 1000,
		});
	});

	it('has a codex file next to it', () => {
		const codex = JSON.parse(readFileSync(join(nodeDir, 'InfobipOmni.node.json'), 'utf8'));
		expect(codex.node).toBe(`${pkg.name}.${description.name}`);
		expect(codex.categories).toContain('Communication');
		expect(dirname(join(nodeDir, 'InfobipOmni.node.json'))).toBe(nodeDir);
	});
});
