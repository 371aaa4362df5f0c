// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { NodeHelpers, type INode, type INodeType } from 'n8n-workflow';

import { InfobipOmniApiKeyApi } from '../../credentials/InfobipOmniApiKeyApi.credentials';
import { InfobipOmniBasicAuthApi } from '../../credentials/InfobipOmniBasicAuthApi.credentials';
import { InfobipMessages } from '../../nodes/InfobipMessages/InfobipMessages.node';
import { InfobipOmni } from '../../nodes/InfobipOmni/InfobipOmni.node';
import { DEDUPE_KEY_FIELD } from '../../nodes/InfobipOmniTrigger/dedupe';
import { InfobipOmniTrigger } from '../../nodes/InfobipOmniTrigger/InfobipOmniTrigger.node';
import { unsupportedNodes, type WorkflowJson } from '../../scripts/workflow-runner';

const examplesDir = resolve(__dirname, '../../examples');
const files = readdirSync(examplesDir).filter((name) => name.endsWith('.json'));
const load = (name: string) =>
	JSON.parse(readFileSync(join(examplesDir, name), 'utf8')) as WorkflowJson;

const PACKAGE_TYPES: Record<string, INodeType> = {
	'n8n-nodes-infobip-omni.infobipOmni': new InfobipOmni(),
	'n8n-nodes-infobip-omni.infobipMessages': new InfobipMessages(),
	'n8n-nodes-infobip-omni.infobipOmniTrigger': new InfobipOmniTrigger(),
};

/**
 * n8n-nodes-base types the examples may use, with the versions n8n 2.41.1 has (read from its
 * installed nodes); `npm run test:e2e` imports and runs every example in that n8n.
 */
const KNOWN_BASE_TYPES: Record<string, number[]> = {
	'n8n-nodes-base.manualTrigger': [1],
	'n8n-nodes-base.webhook': [1, 1.1, 2, 2.1],
	'n8n-nodes-base.set': [3, 3.1, 3.2, 3.3, 3.4, 3.5],
	'n8n-nodes-base.splitOut': [1],
	'n8n-nodes-base.wait': [1, 1.1],
	'n8n-nodes-base.filter': [2, 2.1, 2.2, 2.3],
	'n8n-nodes-base.if': [2, 2.1, 2.2, 2.3],
	'n8n-nodes-base.noOp': [1],
	'n8n-nodes-base.httpRequest': [4, 4.1, 4.2, 4.3, 4.4, 4.5],
	'n8n-nodes-base.removeDuplicates': [1, 1.1, 2],
	'n8n-nodes-base.postgres': [2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7],
};

/** The Postgres credential report-once-postgres.json names (`npm run test:queue` imports it). */
const POSTGRES_CREDENTIAL = { id: 'ibOmniExPgCred01', name: 'Postgres (reports seen)' };

/**
 * Remove Duplicates v2 in n8n 2.41.1 (n8n-nodes-base/dist/nodes/Transform/RemoveDuplicates/v2/
 * RemoveDuplicatesV2.description.js): the option values of "Remove Items Processed in Previous
 * Executions" with "Value Is New", and the options it shows there.
 */
const REMOVE_DUPLICATES_V2 = {
	operation: 'removeItemsSeenInPreviousExecutions',
	logic: 'removeItemsWithAlreadySeenKeyValues',
	options: ['scope', 'historySize'],
	defaultHistorySize: 10000,
};

const CREDENTIAL_TYPES = [new InfobipOmniBasicAuthApi().name, new InfobipOmniApiKeyApi().name];

/** The ids `npm run test:e2e` imports its sandbox credential under. */
const E2E_CREDENTIAL = { id: 'ibOmniBasicAuth1', name: 'Infobip OMNI account' };

describe('example workflows', () => {
	it('are the seven the README describes', () => {
		expect(files.sort()).toEqual([
			'facebook-sms-failover.json',
			'failure-alert.json',
			'messenger-sms-failover.json',
			'report-once-postgres.json',
			'report-once.json',
			'send-then-check-report.json',
			'webhook-send.json',
		]);
	});

	describe.each(files)('%s', (file) => {
		const workflow = load(file);

		it('has the shape n8n imports (import:workflow, editor "Import from File")', () => {
			expect(typeof workflow.name).toBe('string');
			expect(workflow.id).toMatch(/^[A-Za-z0-9]{16}$/);
			expect(workflow.active).toBe(false);
			expect(workflow.settings).toEqual({ executionOrder: 'v1' });
			expect(Array.isArray(workflow.nodes)).toBe(true);
			for (const node of workflow.nodes) {
				expect(node).toEqual(
					expect.objectContaining({
						id: expect.stringMatching(
							/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
						),
						name: expect.any(String),
						type: expect.any(String),
						typeVersion: expect.any(Number),
						position: [expect.any(Number), expect.any(Number)],
						parameters: expect.any(Object),
					}),
				);
			}
			const names = workflow.nodes.map((node) => node.name);
			expect(new Set(names).size).toBe(names.length);
			// The node derives message IDs from the first 8 characters of the node ID: keep them apart.
			const prefixes = workflow.nodes.map((node) => node.id.slice(0, 8));
			expect(new Set(prefixes).size).toBe(prefixes.length);
		});

		it('connects only nodes it has, and every node but the trigger has an input', () => {
			const names = new Set(workflow.nodes.map((node) => node.name));
			const targets = new Set<string>();
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				expect(names).toContain(from);
				for (const output of outputs.main ?? []) {
					for (const connection of output ?? []) {
						expect(names).toContain(connection.node);
						expect(connection).toMatchObject({ type: 'main', index: 0 });
						targets.add(connection.node);
					}
				}
			}
			const starts = workflow.nodes.filter((node) => !targets.has(node.name));
			expect(starts).toHaveLength(1);
			expect(starts[0].type).toMatch(/manualTrigger|webhook|infobipOmniTrigger/);
		});

		it('uses only our node types and known n8n-nodes-base types', () => {
			for (const node of workflow.nodes) {
				if (PACKAGE_TYPES[node.type]) {
					expect(node.typeVersion).toBe(1);
				} else {
					expect(Object.keys(KNOWN_BASE_TYPES)).toContain(node.type);
					expect(KNOWN_BASE_TYPES[node.type]).toContain(node.typeVersion);
				}
				if (/webhook|wait|infobipOmniTrigger/.test(node.type)) {
					expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
				}
			}
		});

		it("sets only parameters our nodes have, with no issues n8n's editor would flag", () => {
			for (const node of workflow.nodes.filter((n) => PACKAGE_TYPES[n.type])) {
				const { description } = PACKAGE_TYPES[node.type];
				const full = NodeHelpers.getNodeParameters(
					description.properties,
					node.parameters,
					true,
					false,
					node as INode,
					description,
				);
				// A parameter the description does not show for this resource/operation is dropped by n8n.
				const unknown = Object.keys(node.parameters).filter((key) => !(key in (full ?? {})));
				expect({ node: node.name, unknown }).toEqual({ node: node.name, unknown: [] });
				const issues = NodeHelpers.getNodeParametersIssues(
					description.properties,
					{ ...(node as INode), parameters: full ?? {} },
					description,
				);
				expect({ node: node.name, issues }).toEqual({ node: node.name, issues: null });
			}
		});

		it('names the credential the e2e imports (users pick their own after import)', () => {
			for (const node of workflow.nodes) {
				if (/\.infobip(Omni|Messages)$/.test(node.type)) {
					const types = Object.keys(node.credentials ?? {});
					expect(types).toHaveLength(1);
					expect(CREDENTIAL_TYPES).toContain(types[0]);
					expect(node.credentials?.[types[0]]).toEqual(E2E_CREDENTIAL);
				} else if (node.type === 'n8n-nodes-base.postgres') {
					expect(node.credentials).toEqual({ postgres: POSTGRES_CREDENTIAL });
				} else {
					expect(node.credentials).toBeUndefined();
				}
			}
		});
	});

	it("report-once: the trigger's every item goes through Remove Duplicates, keyed by dedupeKey across executions", () => {
		const workflow = load('report-once.json');
		const trigger = workflow.nodes.find((node) => node.type.endsWith('.infobipOmniTrigger'));
		const remove = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.removeDuplicates');
		expect(trigger && remove).toBeTruthy();
		// Every event, every status: the trigger emits every push and leaves repeats to this node.
		expect(trigger?.parameters).toEqual({});
		expect(remove?.typeVersion).toBe(2);
		const { options, ...parameters } = remove?.parameters as Record<string, unknown>;
		expect(parameters).toEqual({
			operation: REMOVE_DUPLICATES_V2.operation,
			logic: REMOVE_DUPLICATES_V2.logic,
			dedupeValue: `={{ $json.${DEDUPE_KEY_FIELD} }}`,
		});
		expect(REMOVE_DUPLICATES_V2.options).toEqual(
			expect.arrayContaining(Object.keys(options as object)),
		);
		// Above the default: once the history is full, Remove Duplicates 2.41.1 fails every run.
		expect((options as { historySize: number }).historySize).toBeGreaterThan(
			REMOVE_DUPLICATES_V2.defaultHistorySize,
		);
		// Its first output ("Kept") goes on; the second ("Discarded") is left unconnected.
		expect(workflow.connections[trigger?.name ?? '']?.main).toEqual([
			[{ node: remove?.name, type: 'main', index: 0 }],
		]);
		expect(workflow.connections[remove?.name ?? '']?.main).toHaveLength(1);
	});

	it('report-once-postgres: each item claims its dedupeKey with one atomic INSERT … ON CONFLICT DO NOTHING; only a claimed item goes on, as the report the trigger emitted', () => {
		const workflow = load('report-once-postgres.json');
		const byType = (type: string) => workflow.nodes.find((node) => node.type === type);
		const trigger = workflow.nodes.find((node) => node.type.endsWith('.infobipOmniTrigger'));
		const claim = byType('n8n-nodes-base.postgres');
		const gate = byType('n8n-nodes-base.if');
		const report = byType('n8n-nodes-base.set');
		expect(trigger?.parameters).toEqual({});
		expect(claim?.parameters).toEqual({
			operation: 'executeQuery',
			query:
				'INSERT INTO infobip_omni_seen (dedupe_key) VALUES ($1) ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key',
			// An array, not a comma-separated string: a key may hold commas.
			options: {
				queryBatching: 'independently',
				queryReplacement: `={{ [$json.${DEDUPE_KEY_FIELD}] }}`,
			},
		});
		// The table the note tells users to create: the key is the primary key, so the insert is the claim.
		expect(claim?.notes).toContain('dedupe_key text PRIMARY KEY');
		const conditions = (
			gate?.parameters.conditions as { conditions: Array<Record<string, unknown>> }
		).conditions;
		expect(conditions).toEqual([
			expect.objectContaining({
				leftValue: '={{ $json.dedupe_key }}',
				operator: { type: 'string', operation: 'notEmpty', singleValue: true },
			}),
		]);
		expect(report?.parameters).toEqual({
			mode: 'raw',
			jsonOutput: `={{ $('${trigger?.name}').item.json }}`,
			options: {},
		});
		expect(workflow.connections).toEqual({
			[trigger?.name ?? '']: { main: [[{ node: claim?.name, type: 'main', index: 0 }]] },
			[claim?.name ?? '']: { main: [[{ node: gate?.name, type: 'main', index: 0 }]] },
			[gate?.name ?? '']: { main: [[{ node: report?.name, type: 'main', index: 0 }], []] },
		});
	});

	it('the demo workflows run in process; the others need the real n8n app', () => {
		expect(unsupportedNodes(load('facebook-sms-failover.json'))).toEqual([]);
		expect(unsupportedNodes(load('messenger-sms-failover.json'))).toEqual([]);
		expect(unsupportedNodes(load('webhook-send.json'))).toEqual([
			'CRM Event: n8n-nodes-base.webhook has no stand-in',
		]);
	});
});
