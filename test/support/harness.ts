import {
	Credentials,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IRun,
	type ITaskData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { InfobipOmniApiKeyApi } from '../../credentials/InfobipOmniApiKeyApi.credentials';
import { InfobipOmniBasicAuthApi } from '../../credentials/InfobipOmniBasicAuthApi.credentials';
import { InfobipMessages } from '../../nodes/InfobipMessages/InfobipMessages.node';
import { InfobipOmni } from '../../nodes/InfobipOmni/InfobipOmni.node';

export const PACKAGE_NAME = 'n8n-nodes-infobip-omni';

/** Every node and credential of the package, keyed as n8n keys them. */
const packageNodes: INodeType[] = [new InfobipOmni(), new InfobipMessages()];
const packageCredentials: ICredentialType[] = [
	new InfobipOmniBasicAuthApi(),
	new InfobipOmniApiKeyApi(),
];

export const nodeTypeName = (name: string) => `${PACKAGE_NAME}.${name}`;

export class PackageNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(extra: INodeType[] = []) {
		for (const type of [...packageNodes, ...extra]) {
			this.types.set(nodeTypeName(type.description.name), type);
		}
	}

	getByName(type: string) {
		return this.types.get(type) as INodeType;
	}

	getByNameAndVersion(type: string, version?: number) {
		return NodeHelpers.getVersionedNodeType(this.types.get(type) as INodeType, version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * Resolves credentials the way n8n's CLI does (packages/cli/src/credentials-helper.ts):
 * function `authenticate` is called as is; generic `authenticate` is resolved as expressions
 * against `$credentials`.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		extraTypes: ICredentialType[] = [],
	) {
		super();
		for (const type of [...packageCredentials, ...extraTypes]) this.types.set(type.name, type);
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types.get(typeName)?.authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic' && workflow && node) {
			const target = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, inner] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(inner as Record<string, string>)) {
					const resolved = workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials },
						undefined,
						'',
					);
					target[outerKey][key] = resolved ? String(resolved) : '';
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails) {
		return new Credentials(details, '', '');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	) {
		const data = this.data[type];
		if (!data) return Promise.reject(new TypeError(`No test credentials of type ${type}`));
		return { ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return this.types.get(type)?.properties ?? [];
	}
}

/** What WorkflowExecute needs of n8n's server: credentials, hooks and valid base URLs. */
export function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
	executionId = 'test-execution',
	BASE = 'http://localhost:5678',
) {
	return {
		hooks,
		credentialsHelper,
		currentNodeParameters: undefined,
		variables: {},
		executionId,
		// Used to build $execution.resumeUrl while parameters resolve: they must be valid URLs.
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: `${BASE}/`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunNodeOptions {
	/** `description.name` of a node of this package (or of `extraNodeTypes`). */
	type?: string;
	parameters: INodeParameters;
	/** Credential type name → decrypted data. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	input?: INodeExecutionData[];
	/** n8n's node setting: continueRegularOutput and continueErrorOutput make continueOnFail() true. */
	onError?: INode['onError'];
	extraNodeTypes?: INodeType[];
	extraCredentialTypes?: ICredentialType[];
	/** n8n gives every execution its own ID; give the same one to replay an execution. */
	executionId?: string;
	/** Node settings such as retryOnFail, maxTries, waitBetweenTries. */
	nodeSettings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
}

export interface NodeRun {
	run: IRun;
	/** The node's first output (main[0]); empty when the node failed. */
	output: INodeExecutionData[];
	/** The node's error output (main[1]) when onError is continueErrorOutput. */
	errorOutput: INodeExecutionData[];
	/** The error that stopped the node, as n8n recorded it. */
	error?: IRun['data']['resultData']['error'];
	/** The execution hints of the node's run (this.addExecutionHints), as the editor shows them. */
	hints: NonNullable<ITaskData['hints']>;
}

export const NODE_NAME = 'Infobip OMNI';

let executions = 0;

/** The node under test as a workflow holds it: type, parameters, credentials, settings. */
export function nodeUnderTest(options: RunNodeOptions): INode {
	return {
		id: 'node-under-test',
		name: NODE_NAME,
		type: nodeTypeName(options.type ?? 'infobipOmni'),
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((type) => [type, { id: `${type}-id`, name: type }]),
		),
		...(options.onError ? { onError: options.onError } : {}),
		...options.nodeSettings,
	};
}

/** Runs one node of the package through n8n-core's real WorkflowExecute, as n8n would. */
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const nodeTypes = new PackageNodeTypes(options.extraNodeTypes);
	const node = nodeUnderTest(options);
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'test workflow',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		nodeTypes,
		active: false,
		settings: workflowData.settings,
	});

	const executionId = options.executionId ?? `test-execution-${++executions}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));

	const credentialsHelper = new TestCredentialsHelper(
		options.credentials,
		options.extraCredentialTypes,
	);
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode(NODE_NAME) as INode,
					data: { main: [options.input ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	});
	await new WorkflowExecute(
		additionalDataFor(credentialsHelper, hooks, executionId),
		'manual',
		runData,
	).processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const main = taskData?.data?.main ?? [];
	return {
		run,
		output: main[0] ?? [],
		errorOutput: main[1] ?? [],
		error: run.data.resultData.error,
		hints: taskData?.hints ?? [],
	};
}

/**
 * A credential's `test` request run the way n8n's credential tester runs it: as a declarative
 * request through n8n-core's RoutingNode, authenticated by the credential itself.
 */
export async function runCredentialTest(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<NodeRun> {
	const request = credentialType.test?.request;
	if (!request) return Promise.reject(new TypeError(`${credentialType.name} has no test request`));
	const { baseURL, ...rest } = request;
	const tester: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test request',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: { baseURL },
			properties: [
				{
					displayName: 'Test',
					name: 'test',
					type: 'hidden',
					default: '',
					routing: { request: rest as IDataObject },
				},
			],
		},
	};
	return await runNode({
		type: 'credentialTest',
		parameters: {},
		credentials: { [credentialType.name]: data },
		extraNodeTypes: [tester],
	});
}

/** A real n8n-core LoadOptionsContext for the node under test, as the editor builds it. */
export function loadOptionsContext(options: {
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node type (default infobipOmni) and the parameter the list is for. */
	type?: string;
	path?: string;
}): ILoadOptionsFunctions {
	const nodeTypes = new PackageNodeTypes();
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: nodeTypeName(options.type ?? 'infobipOmni'),
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((type) => [type, { id: `${type}-id`, name: type }]),
		),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	// The editor hands the node's current parameters along (getCurrentNodeParameter reads them).
	const additionalData = additionalDataFor(new TestCredentialsHelper(options.credentials));
	if (options.type) additionalData.currentNodeParameters = options.parameters;
	return new LoadOptionsContext(
		workflow,
		workflow.getNode(NODE_NAME) as INode,
		additionalData,
		options.path ?? 'parameters.scenario',
	);
}
