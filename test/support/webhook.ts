// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString, type ParsedUrlQuery } from 'node:querystring';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	deepCopy,
	jsonParse,
	NodeHelpers,
	sanitizeXmlName,
	Workflow,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWebhookDescription,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { Parser as XmlParser } from 'xml2js';

import { InfobipOmniTrigger } from '../../nodes/InfobipOmniTrigger/InfobipOmniTrigger.node';
import { nodeTypeName } from './harness';

/**
 * Runs the Infobip OMNI Trigger the way n8n's webhook server does (packages/cli, 2.41): a real
 * HTTP server on 127.0.0.1 reads the raw body, parses it by content type exactly as n8n's
 * body parser does (JSON; XML through xml2js with n8n's options), builds n8n-core's real
 * WebhookContext over a real Workflow, calls the node's `webhook()`, then answers as n8n's
 * webhook helpers do: nothing when the node answered itself, else 200.
 */

export const TRIGGER_NODE_NAME = 'Infobip OMNI Trigger';
export const TRIGGER_WORKFLOW_ID = 'trigger-workflow';
export const TRIGGER_WEBHOOK_ID = '6f0c1a52-3b8e-4d0f-9a51-2c7e4f1d8b90';

/** n8n's default `N8N_PAYLOAD_SIZE_MAX` (16 MiB): larger bodies never reach the node. */
const N8N_PAYLOAD_SIZE_MAX = 16 * 1024 * 1024;

/** The parser of n8n's `packages/cli/src/middlewares/body-parser.ts`, same options. */
const xmlParser = new XmlParser({
	async: true,
	normalize: true,
	normalizeTags: true,
	explicitArray: false,
	tagNameProcessors: [sanitizeXmlName],
	attrNameProcessors: [sanitizeXmlName],
});

const trigger = new InfobipOmniTrigger();

class TriggerNodeTypes implements INodeTypes {
	private readonly type: INodeType = trigger;

	getByName() {
		return this.type;
	}

	getByNameAndVersion() {
		return this.type;
	}

	getKnownTypes() {
		return {};
	}
}

const nodeTypes = new TriggerNodeTypes();

function triggerNode(parameters: INodeParameters): INode {
	return {
		id: 'trigger-under-test',
		name: TRIGGER_NODE_NAME,
		type: nodeTypeName(trigger.description.name),
		typeVersion: 1,
		position: [0, 0],
		parameters,
		webhookId: TRIGGER_WEBHOOK_ID,
	};
}

/** A Workflow as n8n builds one per webhook call: from the saved nodes and static data. */
function triggerWorkflow(node: INode, staticData: IDataObject, active: boolean): Workflow {
	return new Workflow({
		id: TRIGGER_WORKFLOW_ID,
		name: 'trigger workflow',
		nodes: [node],
		connections: {},
		nodeTypes,
		active,
		staticData: deepCopy(staticData),
		settings: { executionOrder: 'v1' },
	});
}

function additionalDataFor(baseUrl: string, extra: IDataObject = {}) {
	return {
		variables: {},
		executionId: undefined,
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: `${baseUrl}/`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

const webhookDescription = trigger.description.webhooks?.[0] as IWebhookDescription;

function webhookDataFor(
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	isTest: boolean,
): IWebhookData {
	return {
		httpMethod: 'POST',
		node: node.name,
		path: NodeHelpers.getNodeWebhookPath(TRIGGER_WORKFLOW_ID, node, webhookDescription.path),
		webhookDescription,
		workflowId: TRIGGER_WORKFLOW_ID,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest,
	};
}

/** Static data as n8n saves it after a call: only when it changed, as plain JSON. */
function savedStaticData(workflow: Workflow, previous: IDataObject): IDataObject {
	const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
	if (staticData.__dataChanged !== true) return previous;
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

/** The request as n8n's server hands it on: Node's IncomingMessage plus Express's fields. */
export type WebhookRequest = http.IncomingMessage & {
	body?: unknown;
	query: ParsedUrlQuery;
	params: Record<string, string>;
};

/** The raw body, or undefined when it exceeds n8n's payload limit (n8n answers 413). */
export async function readRawBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > N8N_PAYLOAD_SIZE_MAX) return undefined;
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** n8n-core's `parseIncomingMessage`: the media type and charset of the Content-Type. */
export function parseContentType(req: WebhookRequest) {
	const header = req.headers['content-type'];
	if (!header) return;
	const [type, ...parameters] = header.split(';').map((part) => part.trim());
	req.contentType = type.toLowerCase();
	const charset = parameters
		.map((parameter) => parameter.split('='))
		.find(([name]) => name.trim().toLowerCase() === 'charset')?.[1];
	req.encoding = (charset?.trim().replace(/"/g, '').toLowerCase() ?? 'utf-8') as BufferEncoding;
}

/** n8n's `parseBody`: JSON and XML by content type, else the body stays `{}`. */
export async function parseBody(req: WebhookRequest): Promise<void> {
	const { rawBody, contentType, encoding } = req;
	if (rawBody?.length) {
		const text = rawBody.toString(encoding);
		if (contentType === 'application/json') {
			req.body = jsonParse(text);
		} else if (contentType?.endsWith('/xml') || contentType?.endsWith('+xml')) {
			req.body = await xmlParser.parseStringPromise(text);
		} else if (contentType === 'application/x-www-form-urlencoded') {
			req.body = parseQueryString(text);
		} else if (contentType === 'text/plain') {
			req.body = text;
		}
	}
	req.body ??= {};
}

function sendJson(res: http.ServerResponse, status: number, body: IDataObject) {
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

/** One request the trigger served. */
export interface TriggerCall {
	mode: WorkflowExecuteMode;
	/** The answer the HTTP client got. */
	status: number;
	responseBody: string;
	/** Whether n8n would have started an execution (the node returned workflowData). */
	executionStarted: boolean;
	/** The emitted items' `json`, in order; empty when nothing was emitted. */
	items: IDataObject[];
	/** What `webhook()` threw, if it threw (n8n answers 500). */
	error?: Error;
}

export interface TriggerServerOptions {
	/** The trigger's node parameters; defaults apply to anything left out. */
	parameters?: INodeParameters;
	/** The node's static data before the first call (e.g. a dedupe record). */
	nodeStaticData?: IDataObject;
}

export interface TriggerServer {
	/** The Production URL, as the node shows it: what goes into a send's Notify URL. */
	url: string;
	/** The Test URL (the trigger runs in manual mode there). */
	testUrl: string;
	/** The Production URL with `?secret=` when given: what a send's Notify URL should be. */
	notifyUrl(secret?: string): string;
	/** Every request served, in order. */
	calls: TriggerCall[];
	/** Every emitted item's `json` so far, across requests. */
	items(): IDataObject[];
	/** Resolves once at least `count` items have been emitted in total. */
	waitForItems(count: number): Promise<IDataObject[]>;
	/** The trigger's node static data as n8n would have saved it. */
	nodeStaticData(): IDataObject;
	setNodeStaticData(data: IDataObject): void;
	close(): Promise<void>;
}

const nodeStaticDataKey = `node:${TRIGGER_NODE_NAME}`;

/**
 * Starts the trigger behind a real HTTP server on 127.0.0.1. Post Infobip pushes to `url` (or
 * give it as a send's Notify URL) and read what the trigger emitted from `items()`/`calls`.
 */
export async function startTriggerServer(
	options: TriggerServerOptions = {},
): Promise<TriggerServer> {
	const node = triggerNode(options.parameters ?? {});
	let staticData: IDataObject = options.nodeStaticData
		? { [nodeStaticDataKey]: deepCopy(options.nodeStaticData) }
		: {};
	const calls: TriggerCall[] = [];
	const waiters: Array<{ count: number; resolve: (items: IDataObject[]) => void }> = [];
	const allItems = () => calls.flatMap((call) => call.items);
	let baseUrl = '';

	const productionPath = () =>
		new URL(
			NodeHelpers.getNodeWebhookUrl(`${baseUrl}/webhook`, TRIGGER_WORKFLOW_ID, node, 'webhook'),
		).pathname;
	const testPath = () =>
		new URL(
			NodeHelpers.getNodeWebhookUrl(
				`${baseUrl}/webhook-test`,
				TRIGGER_WORKFLOW_ID,
				node,
				'webhook',
			),
		).pathname;

	async function serve(req: WebhookRequest, res: http.ServerResponse): Promise<TriggerCall | void> {
		const url = new URL(req.url ?? '/', baseUrl);
		const mode: WorkflowExecuteMode | undefined =
			url.pathname === productionPath()
				? 'webhook'
				: url.pathname === testPath()
					? 'manual'
					: undefined;
		if (mode === undefined || req.method !== 'POST') {
			sendJson(res, 404, { message: 'The requested webhook is not registered.' });
			return;
		}

		const call: TriggerCall = {
			mode,
			status: 0,
			responseBody: '',
			executionStarted: false,
			items: [],
		};
		const rawBody = await readRawBody(req);
		if (rawBody === undefined) {
			sendJson(res, 413, { message: 'request entity too large' });
			return call;
		}
		req.rawBody = rawBody;
		req.query = parseQueryString(url.search.slice(1));
		req.params = {};
		parseContentType(req);
		try {
			await parseBody(req);
		} catch (error) {
			// n8n's UnprocessableRequestError: the node never sees an unparseable JSON or XML body.
			sendJson(res, 422, {
				message: 'Failed to parse request body',
				hint: (error as Error).message,
			});
			return call;
		}

		const workflow = triggerWorkflow(node, staticData, mode === 'webhook');
		const additionalData = additionalDataFor(baseUrl, { httpRequest: req, httpResponse: res });
		const context = new WebhookContext(
			workflow,
			workflow.getNode(TRIGGER_NODE_NAME) as INode,
			additionalData,
			mode,
			webhookDataFor(node, additionalData, mode === 'manual'),
			[],
			null,
		);

		let result: IWebhookResponseData;
		try {
			result = await trigger.webhook.call(context);
		} catch (error) {
			call.error = error as Error;
			if (!res.headersSent) {
				sendJson(res, 500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
			}
			return call;
		}
		staticData = savedStaticData(workflow, staticData);

		call.executionStarted = result.workflowData !== undefined;
		call.items = (result.workflowData?.[0] ?? []).map((item) => item.json);
		if (result.noWebhookResponse === true) {
			// The node answered itself; n8n sends nothing more. A node that forgot would hang the client.
			if (!res.writableEnded) {
				call.error = new Error('noWebhookResponse without a response');
				sendJson(res, 500, { message: 'The node did not answer' });
			}
		} else {
			sendJson(res, 200, {
				message: call.executionStarted ? 'Workflow was started' : 'Webhook call received',
			});
		}
		return call;
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		const captured = res.write.bind(res);
		const capturedEnd = res.end.bind(res);
		// Records what the client receives, whoever writes it (the node or this server).
		res.write = ((chunk: Buffer | string, ...rest: unknown[]) => {
			chunks.push(Buffer.from(chunk));
			return (captured as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof res.write;
		res.end = ((chunk?: Buffer | string | (() => void), ...rest: unknown[]) => {
			if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
			return (capturedEnd as (...args: unknown[]) => http.ServerResponse)(chunk, ...rest);
		}) as typeof res.end;

		serve(req as WebhookRequest, res).then(
			(call) => {
				if (!call) return;
				call.status = res.statusCode;
				call.responseBody = Buffer.concat(chunks).toString('utf8');
				calls.push(call);
				const total = allItems();
				for (const waiter of [...waiters]) {
					if (total.length >= waiter.count) {
						waiters.splice(waiters.indexOf(waiter), 1);
						waiter.resolve(total);
					}
				}
			},
			(error: Error) => {
				if (!res.headersSent) sendJson(res, 500, { message: error.message });
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url: `${baseUrl}${productionPath()}`,
		testUrl: `${baseUrl}${testPath()}`,
		notifyUrl: (secret) =>
			secret === undefined
				? `${baseUrl}${productionPath()}`
				: `${baseUrl}${productionPath()}?secret=${encodeURIComponent(secret)}`,
		calls,
		items: allItems,
		waitForItems: async (count) => {
			const total = allItems();
			if (total.length >= count) return total;
			return await new Promise<IDataObject[]>((resolve) => waiters.push({ count, resolve }));
		},
		nodeStaticData: () => deepCopy((staticData[nodeStaticDataKey] as IDataObject) ?? {}),
		setNodeStaticData: (data) => {
			staticData = { ...staticData, [nodeStaticDataKey]: deepCopy(data) };
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			);
		},
	};
}

/**
 * A real n8n-core HookContext for the trigger, as n8n builds one to activate (`create`),
 * check (`checkExists`) or deactivate (`delete`) a webhook. Returns the workflow too, so a
 * test can read the static data the methods wrote.
 */
export function triggerHookContext(options: {
	nodeStaticData?: IDataObject;
	baseUrl?: string;
	isTest?: boolean;
	activation?: WorkflowActivateMode;
}) {
	const node = triggerNode({});
	const workflow = triggerWorkflow(
		node,
		options.nodeStaticData ? { [nodeStaticDataKey]: options.nodeStaticData } : {},
		true,
	);
	const additionalData = additionalDataFor(options.baseUrl ?? 'https://n8n.example.com');
	const context = new HookContext(
		workflow,
		workflow.getNode(TRIGGER_NODE_NAME) as INode,
		additionalData,
		options.isTest ? 'manual' : 'webhook',
		options.activation ?? 'activate',
		webhookDataFor(node, additionalData, options.isTest === true),
	);
	const nodeStaticData = () =>
		JSON.parse(JSON.stringify(workflow.staticData[nodeStaticDataKey] ?? {})) as IDataObject;
	return { context, workflow, nodeStaticData, methods: trigger.webhookMethods.default };
}
