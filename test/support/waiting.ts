// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { createRequire } from 'node:module';
import {
	ExecutionLifecycleHooks,
	InstanceSettings,
	validateUrlSignature,
	WAITING_TOKEN_QUERY_PARAM,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	SEND_AND_WAIT_OPERATION,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IRunExecutionData,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import {
	additionalDataFor,
	NODE_NAME,
	nodeUnderTest,
	PackageNodeTypes,
	TestCredentialsHelper,
	type RunNodeOptions,
} from './harness';
import { parseBody, parseContentType, readRawBody, type WebhookRequest } from './webhook';

/**
 * Runs a node of the package to its wait and then plays n8n's part in resuming it, as the app
 * does (n8n 2.41, packages/cli `webhooks/waiting-webhooks.ts`, `wait-tracker.ts`): a real HTTP
 * server on 127.0.0.1 serves `/webhook-waiting/{executionId}/{nodeId}`; it checks the link's
 * signature (send-and-wait: the HMAC of the URL with the instance's secret; other operations:
 * the execution's resume token), refuses a running or finished execution, calls the node's
 * `webhook()` over the execution as saved (JSON round trip) and, when that returns
 * workflowData, resumes the execution with n8n-core's real WorkflowExecute, the waiting node
 * disabled and fed the webhook's items. `timeout()` resumes it as n8n's WaitTracker does when
 * the Limit Wait Time passes.
 */

export interface ResumeCall {
	method: string;
	url: string;
	userAgent?: string;
	status: number;
	contentType?: string;
	csp?: string;
	body: string;
	/** Whether this call resumed the execution. */
	resumed: boolean;
}

export interface WaitingRun {
	/** The run that ended in the wait. */
	first: IRun;
	/** The node's output while it waits (one item per message sent). */
	waitingOutput: INodeExecutionData[];
	/** The node's input as saved with the waiting execution (what a timeout outputs). */
	waitingInput: INodeExecutionData[];
	waitTill?: Date;
	/** Where n8n would serve waiting webhooks: http://127.0.0.1:port/webhook-waiting */
	waitingBaseUrl: string;
	executionId: string;
	status(): string;
	calls: ResumeCall[];
	/** Resolves with the node's output once the execution resumed and finished. */
	resumed: Promise<ResumedRun>;
	/** Resumes as n8n's WaitTracker does at the Limit Wait Time. */
	timeout(): Promise<ResumedRun>;
	/** A request to the server, e.g. a link from the message. */
	fetch(url: string, init?: RequestInit): Promise<Response>;
	close(): Promise<void>;
}

export interface ResumedRun {
	run: IRun;
	output: INodeExecutionData[];
	error?: IRun['data']['resultData']['error'];
}

/** What express adds to Node's response and n8n's nodes use. */
type ExpressResponse = http.ServerResponse & {
	status(code: number): ExpressResponse;
	json(body: unknown): ExpressResponse;
	send(body: unknown): ExpressResponse;
};

function expressResponse(res: http.ServerResponse): ExpressResponse {
	const express = res as ExpressResponse;
	express.status = (code) => {
		res.statusCode = code;
		return express;
	};
	express.json = (body) => {
		if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify(body));
		return express;
	};
	express.send = (body) => {
		if (typeof body === 'string') {
			if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
			res.end(body);
		} else if (Buffer.isBuffer(body)) res.end(body);
		else express.json(body);
		return express;
	};
	return express;
}

/** n8n-core's own DI container (its nested @n8n/di), where its InstanceSettings lives. */
const { Container } = createRequire(require.resolve('n8n-core'))('@n8n/di') as {
	Container: { get<T>(type: new (...args: never[]) => T): T };
};

let runs = 0;

export async function startWaitingRun(options: RunNodeOptions): Promise<WaitingRun> {
	const nodeTypes = new PackageNodeTypes(options.extraNodeTypes);
	const node = nodeUnderTest(options);
	const workflowData = {
		id: 'waiting-workflow',
		name: 'waiting workflow',
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
		connections: {},
		nodeTypes,
		active: false,
		settings: workflowData.settings,
	});
	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1);
	const executionId = options.executionId ?? `${2000 + ++runs}`;
	const credentialsHelper = new TestCredentialsHelper(
		options.credentials,
		options.extraCredentialTypes,
	);

	const calls: ResumeCall[] = [];
	let status = 'new';
	let saved: IRunExecutionData | undefined;
	let resolveResumed: (run: ResumedRun) => void = () => {};
	const resumed = new Promise<ResumedRun>((resolve) => (resolveResumed = resolve));

	let baseUrl = '';
	const server = http.createServer((req, res) => {
		void serve(req as WebhookRequest, expressResponse(res)).catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: error.message }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const additionalData = (extra: IDataObject = {}) =>
		({
			...additionalDataFor(credentialsHelper, undefined, executionId, baseUrl),
			...extra,
		}) as IWorkflowExecuteAdditionalData;

	async function execute(data: IRunExecutionData): Promise<IRun> {
		const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
		let finish: (run: IRun) => void = () => {};
		const finished = new Promise<IRun>((resolve) => (finish = resolve));
		hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
		status = 'running';
		await new WorkflowExecute(additionalData({ hooks }), 'manual', data).processRunExecutionData(
			workflow,
		);
		const run = await finished;
		status = run.status;
		// As n8n saves and loads it: plain JSON.
		saved = JSON.parse(JSON.stringify(run.data)) as IRunExecutionData;
		return run;
	}

	const nodeRun = (run: IRun): ResumedRun => {
		const runs = run.data.resultData.runData[NODE_NAME] ?? [];
		return {
			run,
			output: runs.at(-1)?.data?.main?.[0] ?? [],
			error: run.data.resultData.error,
		};
	};

	async function resume(data: IRunExecutionData, items?: INodeExecutionData[]) {
		const entry = data.executionData!.nodeExecutionStack[0];
		if (items) {
			// n8n's waiting webhooks: the node passes the webhook's items on.
			entry.node.disabled = true;
			entry.data.main = [items];
			entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
			data.waitTill = undefined;
		}
		const run = await execute(data);
		resolveResumed(nodeRun(run));
		return nodeRun(run);
	}

	function signatureIsValid(url: URL, suffix: string | undefined): boolean {
		const provided = url.searchParams.get(WAITING_TOKEN_QUERY_PARAM) ?? '';
		const isSendAndWait =
			suffix === node.id && node.parameters.operation === SEND_AND_WAIT_OPERATION;
		if (isSendAndWait) {
			const secret = Container.get(InstanceSettings).hmacSignatureSecret;
			return provided !== '' && validateUrlSignature(provided, url, secret);
		}
		return provided !== '' && provided === saved?.resumeToken;
	}

	async function serve(req: WebhookRequest, res: ExpressResponse): Promise<void> {
		const url = new URL(req.url ?? '/', baseUrl);
		const [, prefix, id, suffix] = url.pathname.split('/');
		const call: ResumeCall = {
			method: req.method ?? 'GET',
			url: url.toString(),
			userAgent: req.headers['user-agent'],
			status: 0,
			body: '',
			resumed: false,
		};
		const chunks: Buffer[] = [];
		const end = res.end.bind(res);
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (chunk !== undefined && typeof chunk !== 'function')
				chunks.push(Buffer.from(chunk as string));
			call.status = res.statusCode;
			call.contentType = res.getHeader('Content-Type') as string | undefined;
			call.csp = res.getHeader('Content-Security-Policy') as string | undefined;
			call.body = Buffer.concat(chunks).toString('utf8');
			calls.push(call);
			return (end as (...args: unknown[]) => http.ServerResponse)(chunk, ...rest);
		}) as typeof res.end;

		if (prefix !== 'webhook-waiting' || id !== executionId || !saved) {
			res.status(404).json({ message: `The execution "${id}" does not exist.` });
			return;
		}
		if (!signatureIsValid(url, suffix)) {
			res
				.status(401)
				.send(suffix === node.id ? '<p>Invalid token</p>' : { error: 'Invalid token' });
			return;
		}
		if (status === 'running') {
			res.status(409).json({ message: `The execution "${id}" is running already.` });
			return;
		}
		if (status !== 'waiting') {
			if (node.parameters.operation === SEND_AND_WAIT_OPERATION) {
				res.status(200).send('<p>No action required</p>');
			} else {
				res.status(409).json({ message: `The execution "${id} has finished already.` });
			}
			return;
		}
		const description = nodeType.description.webhooks?.find(
			(webhook) => webhook.httpMethod === req.method && webhook.restartWebhook === true,
		);
		if (!description || suffix !== node.id) {
			res.status(404).json({ message: 'no waiting webhook with a matching path/method' });
			return;
		}
		req.rawBody = (await readRawBody(req)) ?? Buffer.alloc(0);
		req.query = parseQueryString(url.search.slice(1));
		req.params = {};
		parseContentType(req);
		await parseBody(req);

		const data = JSON.parse(JSON.stringify(saved)) as IRunExecutionData;
		// n8n drops the waiting node's own run before it calls webhook() (preserveInputOverride).
		data.resultData.runData[NODE_NAME]?.pop();
		const webhookData = {
			httpMethod: req.method,
			node: node.name,
			path: node.id,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData(),
		} as unknown as IWebhookData;
		const context = new WebhookContext(
			workflow,
			workflow.getNode(NODE_NAME) as INode,
			additionalData({ httpRequest: req, httpResponse: res }),
			'manual',
			webhookData,
			[],
			data,
		);
		const result: IWebhookResponseData = await nodeType.webhook!.call(context);
		if (result.noWebhookResponse === true) {
			if (!res.writableEnded) res.status(500).json({ message: 'The node did not answer' });
		} else if (result.webhookResponse !== undefined) {
			res.status(200).send(result.webhookResponse);
		} else {
			res
				.status(200)
				.json({ message: result.workflowData ? 'Workflow was started' : 'Webhook call received' });
		}
		if (result.workflowData) {
			call.resumed = true;
			status = 'running';
			await resume(data, result.workflowData[0]);
		}
	}

	const firstData = createRunExecutionData({
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
	const first = await execute(firstData);
	const waitingRuns = first.data.resultData.runData[NODE_NAME] ?? [];

	return {
		first,
		waitingOutput: waitingRuns.at(-1)?.data?.main?.[0] ?? [],
		waitingInput: saved?.executionData?.nodeExecutionStack[0]?.data.main[0] ?? [],
		waitTill: first.waitTill ?? undefined,
		waitingBaseUrl: `${baseUrl}/webhook-waiting`,
		executionId,
		status: () => status,
		calls,
		resumed,
		timeout: async () => {
			if (status !== 'waiting' || !saved) throw new Error(`the execution is ${status}`);
			return await resume(JSON.parse(JSON.stringify(saved)) as IRunExecutionData);
		},
		fetch: async (target, init) => await fetch(target, init),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
