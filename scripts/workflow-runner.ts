// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Runs a whole workflow JSON (as exported from n8n, e.g. examples/facebook-sms-failover.json)
 * through n8n-core's real `WorkflowExecute`, following its connections, in this process.
 *
 * What is real: n8n-core's engine (execution order v1, `executeOnce`, paired items, expressions
 * such as `$('Create Scenario').first()`), the Infobip OMNI and Infobip Messages API nodes
 * themselves, and their credentials, resolved as n8n's CLI resolves them
 * (test/support/harness.ts's `TestCredentialsHelper`).
 *
 * What is a stand-in: n8n-nodes-base is not installed here, so the few core nodes the demo
 * workflow uses are small stand-ins with the same type name, version and output shape, each
 * supporting only the parameters listed on it and failing loudly on anything else:
 * - `n8n-nodes-base.manualTrigger` (1): emits one empty item, as the real one does on a manual run;
 * - `n8n-nodes-base.set` (3.3–3.4), mode "JSON" only: the JSON Output, expressions resolved,
 *   becomes the one output item (the real node's default: no other fields kept);
 * - `n8n-nodes-base.splitOut` (1), one field, "No Other Fields": one item per array element;
 * - `n8n-nodes-base.wait` (1, 1.1), "After Time Interval" only: calls the runner's `wait(ms)`,
 *   which by default sleeps that long (the real node sleeps in process below 65 s), and which
 *   the demo points at the sandbox's clock, so the wait passes there instead;
 * - `n8n-nodes-base.noOp` (1): passes its items on.
 * Any other node type (Webhook, Filter, If, HTTP Request, the trigger…) is refused: those
 * workflows run in the real n8n app (`npm run test:e2e`).
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeConnectionTypes,
	NodeHelpers,
	NodeOperationError,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type ITaskData,
	type IWorkflowBase,
	type IWorkflowSettings,
} from 'n8n-workflow';

import { InfobipMessages } from '../nodes/InfobipMessages/InfobipMessages.node';
import { InfobipOmni } from '../nodes/InfobipOmni/InfobipOmni.node';
import { additionalDataFor, PACKAGE_NAME, TestCredentialsHelper } from '../test/support/harness';

/** A workflow as n8n exports it (editor download, `n8n export:workflow`). */
export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	active?: boolean;
	pinData?: IDataObject;
}

type StandIn = { type: INodeType; versions: number[] };

function standIn(
	name: string,
	versions: number[],
	inputs: boolean,
	properties: INodeType['description']['properties'],
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>,
): StandIn {
	return {
		versions,
		type: {
			description: {
				displayName: `${name} (stand-in)`,
				name,
				group: inputs ? ['transform'] : ['trigger'],
				version: versions,
				description: 'Stand-in for an n8n-nodes-base node (scripts/workflow-runner.ts)',
				defaults: { name },
				inputs: inputs ? [NodeConnectionTypes.Main] : [],
				outputs: [NodeConnectionTypes.Main],
				properties,
			},
			execute,
		},
	};
}

function refuse(context: IExecuteFunctions, what: string): never {
	throw new NodeOperationError(
		context.getNode(),
		`${what} is not supported by the demo's stand-in for ${context.getNode().type}; run this workflow in n8n`,
	);
}

const WAIT_UNITS: Record<string, number> = {
	seconds: 1_000,
	minutes: 60_000,
	hours: 3_600_000,
	days: 86_400_000,
};

/** How the Wait stand-in waits; set per run (the runner is single-run at a time per call). */
let currentWait: (ms: number) => Promise<void> = async () => {};

const STAND_INS: Record<string, StandIn> = {
	'n8n-nodes-base.manualTrigger': standIn('manualTrigger', [1], false, [], async function () {
		return [[{ json: {} }]];
	}),
	'n8n-nodes-base.set': standIn(
		'set',
		[3.3, 3.4],
		true,
		[
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'manual' },
			{ displayName: 'JSON Output', name: 'jsonOutput', type: 'json', default: '{}' },
			{ displayName: 'Options', name: 'options', type: 'json', default: {} },
		],
		async function () {
			return [
				this.getInputData().map((_, item) => {
					if (this.getNodeParameter('mode', item) !== 'raw') refuse(this, 'Only mode "JSON"');
					const options = this.getNodeParameter('options', item, {}) as IDataObject;
					if (Object.keys(options).length) refuse(this, 'Options');
					const raw = this.getNodeParameter('jsonOutput', item) as unknown;
					const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject;
					if (!json || typeof json !== 'object' || Array.isArray(json)) {
						refuse(this, 'A JSON Output that is not an object');
					}
					return { json, pairedItem: { item } };
				}),
			];
		},
	),
	'n8n-nodes-base.splitOut': standIn(
		'splitOut',
		[1],
		true,
		[
			{ displayName: 'Field', name: 'fieldToSplitOut', type: 'string', default: '' },
			{ displayName: 'Include', name: 'include', type: 'string', default: 'noOtherFields' },
			{ displayName: 'Options', name: 'options', type: 'json', default: {} },
		],
		async function () {
			const output: INodeExecutionData[] = [];
			this.getInputData().forEach((input, item) => {
				const field = this.getNodeParameter('fieldToSplitOut', item) as string;
				if (field.includes(',')) refuse(this, 'Several fields');
				if (this.getNodeParameter('include', item) !== 'noOtherFields') refuse(this, 'Include');
				const options = this.getNodeParameter('options', item, {}) as IDataObject;
				if (Object.keys(options).length) refuse(this, 'Options');
				const values = input.json[field];
				for (const value of Array.isArray(values) ? values : [values]) {
					const json =
						value && typeof value === 'object' && !Array.isArray(value)
							? (value as IDataObject)
							: { [field]: value as IDataObject[keyof IDataObject] };
					output.push({ json, pairedItem: { item } });
				}
			});
			return [output];
		},
	),
	'n8n-nodes-base.wait': standIn(
		'wait',
		[1, 1.1],
		true,
		[
			{ displayName: 'Resume', name: 'resume', type: 'string', default: 'timeInterval' },
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 1 },
			{ displayName: 'Unit', name: 'unit', type: 'string', default: 'hours' },
		],
		async function () {
			if (this.getNodeParameter('resume', 0) !== 'timeInterval') {
				refuse(this, 'Resume other than "After Time Interval"');
			}
			const unit = WAIT_UNITS[this.getNodeParameter('unit', 0) as string];
			const amount = this.getNodeParameter('amount', 0) as number;
			if (!unit || !(amount >= 0)) refuse(this, 'This amount or unit');
			await currentWait(amount * unit);
			return [this.getInputData()];
		},
	),
	'n8n-nodes-base.noOp': standIn('noOp', [1], true, [], async function () {
		return [this.getInputData()];
	}),
};

/** The package's own action nodes: the real ones. (The trigger needs n8n's webhook server.) */
const PACKAGE_TYPES: Record<string, INodeType> = {
	[`${PACKAGE_NAME}.infobipOmni`]: new InfobipOmni(),
	[`${PACKAGE_NAME}.infobipMessages`]: new InfobipMessages(),
};

export const STAND_IN_TYPES = Object.keys(STAND_INS);
export const REAL_TYPES = Object.keys(PACKAGE_TYPES);

class RunnerNodeTypes implements INodeTypes {
	getByName(type: string): INodeType {
		const found = PACKAGE_TYPES[type] ?? STAND_INS[type]?.type;
		if (!found) throw new TypeError(`Node type ${type} cannot run in process (no stand-in)`);
		return found;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunWorkflowOptions {
	workflow: WorkflowJson;
	/** Credential type name → decrypted data, for every credential the nodes name. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** What the Wait stand-in does for its interval; default: sleep that long. */
	wait?: (ms: number) => Promise<void>;
	/** n8n's execution ID (the node derives message IDs from it): unique per run by default. */
	executionId?: string;
	/** Called after each node run, in execution order. */
	onNodeRun?: (nodeName: string, task: ITaskData) => void;
}

export interface WorkflowRun {
	run: IRun;
	/** The items a node put on its output (main[index]) in its first run; [] when it did not run. */
	output(nodeName: string, index?: number): INodeExecutionData[];
	/** The error that stopped the workflow, as n8n recorded it. */
	error?: IRun['data']['resultData']['error'];
}

/** Checks that every node of the workflow can run in process; returns what cannot. */
export function unsupportedNodes(workflow: WorkflowJson): string[] {
	const types = new RunnerNodeTypes();
	const problems: string[] = [];
	for (const node of workflow.nodes) {
		const standInVersions = STAND_INS[node.type]?.versions;
		if (!PACKAGE_TYPES[node.type] && !standInVersions) {
			problems.push(`${node.name}: ${node.type} has no stand-in`);
		} else if (standInVersions && !standInVersions.includes(node.typeVersion)) {
			problems.push(
				`${node.name}: ${node.type} v${node.typeVersion} (stand-in: ${standInVersions})`,
			);
		} else {
			types.getByNameAndVersion(node.type, node.typeVersion);
		}
	}
	return problems;
}

let runs = 0;

/** Runs the workflow from its Manual Trigger through n8n-core's WorkflowExecute. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
	const problems = unsupportedNodes(options.workflow);
	if (problems.length) {
		return await Promise.reject(new TypeError(`Cannot run in process: ${problems.join('; ')}`));
	}
	// Copies: Workflow rewrites node parameters with their defaults.
	const source = JSON.parse(JSON.stringify(options.workflow)) as WorkflowJson;
	const settings = source.settings ?? { executionOrder: 'v1' };
	const workflowData = {
		id: source.id ?? 'in-process-workflow',
		name: source.name,
		active: false,
		isArchived: false,
		nodes: source.nodes,
		connections: source.connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		nodeTypes: new RunnerNodeTypes(),
		active: false,
		settings,
	});
	const start = source.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!start) return await Promise.reject(new TypeError('The workflow has no Manual Trigger'));

	const executionId = options.executionId ?? `demo-${Date.now().toString(36)}-${++runs}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	if (options.onNodeRun) {
		const onNodeRun = options.onNodeRun;
		hooks.addHandler('nodeExecuteAfter', (nodeName, task) => onNodeRun(nodeName, task));
	}
	const additionalData = additionalDataFor(
		new TestCredentialsHelper(options.credentials),
		hooks,
		executionId,
	);

	currentWait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
	try {
		await new WorkflowExecute(additionalData, 'manual').run({
			workflow,
			startNode: workflow.getNode(start.name) as INode,
		});
		const run = await finished;
		return {
			run,
			output: (nodeName, index = 0) =>
				run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[index] ?? [],
			error: run.data.resultData.error,
		};
	} finally {
		currentWait = async () => {};
	}
}
