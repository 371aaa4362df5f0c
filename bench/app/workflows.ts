// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/**
 * The app bench's workflows, generated in code: Manual Trigger → Code "Make items" (N recipients,
 * the phones of bench/cases.ts `phoneFor`) → the measured part, one of
 * - node: the Infobip OMNI node's Send Text (batches the broadcast, one request per item when
 *   every item has its own text);
 * - http: n8n's HTTP Request node, one POST /omni/1/advanced per item, the body the node sends;
 * - codeHttp (broadcast only): a Code node folds all items into one body, one HTTP Request.
 * The workload `messages-personalised` is the Messages API's: each item its own SMS text, through
 * the Infobip Messages API node's Send (Batch Size 100: one request per 100 items), or n8n's HTTP
 * Request node, one POST /messages-api/1/messages per item with the body of one message.
 */
import { BENCH_SCENARIO, BROADCAST_TEXT, parametersFor, phoneFor } from '../cases';

export type AppWorkload = 'broadcast' | 'personalised' | 'messages-personalised';
export type AppVariant = 'node' | 'http' | 'codeHttp';

/** n8n-nodes-base.httpRequest's newest typeVersion in n8n 2.41.1 (HttpRequest.node.js). */
export const HTTP_REQUEST_VERSION = 4.5;
/** n8n-nodes-base.code's newest typeVersion in n8n 2.41.1. */
export const CODE_VERSION = 2;
/** nodes/InfobipOmni/InfobipOmni.node.ts `version`. */
export const OMNI_VERSION = 1;
/** nodes/InfobipMessages/InfobipMessages.node.ts `version`. */
export const MESSAGES_VERSION = 1;
/** The Messages API node's Batch Size in the bench: ceil(N / 100) requests. */
export const MESSAGES_BATCH_SIZE = 100;
/** The SMS sender of the Messages API workload. */
const MESSAGES_SENDER = 'InfoSMS';

export const NODE_CREDENTIAL = { id: 'ibOmniBenchNode1', name: 'Infobip OMNI bench (Basic)' };
export const HTTP_CREDENTIAL = { id: 'ibOmniBenchHttp1', name: 'Infobip OMNI bench (HTTP Basic)' };

export const MAKE_ITEMS = 'Make items';
export const SEND = 'Send Text';
export const HTTP = 'HTTP Request';
export const AGGREGATE = 'One body';

export interface AppCase {
	/** e.g. `personalised-10000-node`. */
	id: string;
	/** The workflow's id in n8n (16 characters). */
	workflowId: string;
	workload: AppWorkload;
	variant: AppVariant;
	n: number;
	/** The node's Requests in Flight (node cases; undefined: the node's default). */
	requestsInFlight?: number;
	/** The nodes whose executionTime is the measured part, in execution order. */
	measured: string[];
}

type Json = Record<string, unknown>;

const VARIANT_CODE: Record<AppVariant, string> = { node: 'N', http: 'H', codeHttp: 'C' };

export function appCase(
	workload: AppWorkload,
	variant: AppVariant,
	n: number,
	requestsInFlight?: number,
): AppCase {
	const code = { broadcast: 'B', personalised: 'P', 'messages-personalised': 'M' }[workload];
	const workflowId = `ibBench${code}${VARIANT_CODE[variant]}${String(n).padStart(7, '0')}`;
	return {
		id: `${workload}-${n}-${variant}`,
		workflowId,
		workload,
		variant,
		n,
		...(variant === 'node' && requestsInFlight !== undefined ? { requestsInFlight } : {}),
		measured: variant === 'node' ? [SEND] : variant === 'http' ? [HTTP] : [AGGREGATE, HTTP],
	};
}

/** The Code node's JavaScript: N items, phones from the very `phoneFor` of bench/cases.ts. */
function makeItemsCode(n: number): string {
	return [
		`const phoneFor = ${phoneFor.toString()};`,
		'const items = [];',
		`for (let i = 0; i < ${n}; i++) {`,
		'\titems.push({ json: { phone: phoneFor(i), name: `Customer ${i}`, text: `Hello Customer ${i}, your order ${100000 + i} has shipped.` } });',
		'}',
		'return items;',
	].join('\n');
}

/** The text expression (or constant) of one workload, inside an n8n expression. */
const textIn = (workload: AppWorkload) =>
	workload === 'broadcast' ? JSON.stringify(BROADCAST_TEXT) : '$json.text';

function measuredNodes(spec: AppCase, sandboxUrl: string): { nodes: Json[]; chain: string[] } {
	const position = (step: number) => [440 + step * 220, 0];
	const workload = spec.workload;
	if (workload === 'messages-personalised') return messagesNodes(spec, sandboxUrl, position(0));
	if (spec.variant === 'node') {
		return {
			chain: [SEND],
			nodes: [
				{
					id: uuid(spec, 3),
					name: SEND,
					type: 'n8n-nodes-infobip-omni.infobipOmni',
					typeVersion: OMNI_VERSION,
					position: position(0),
					parameters: parametersFor({ ...spec, workload }),
					credentials: { infobipOmniBasicAuthApi: NODE_CREDENTIAL },
				},
			],
		};
	}
	const http = (jsonBody: string, step: number): Json => ({
		id: uuid(spec, 3 + step),
		name: HTTP,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		position: position(step),
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/omni/1/advanced`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBasicAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: {},
		},
		credentials: { httpBasicAuth: HTTP_CREDENTIAL },
	});
	if (spec.variant === 'http') {
		// Spaces between the braces: "}}" would end the expression early.
		const text = textIn(workload);
		return {
			chain: [HTTP],
			nodes: [
				http(
					`={{ { scenarioKey: ${JSON.stringify(BENCH_SCENARIO)}, destinations: [ { to: { phoneNumber: $json.phone } } ], facebook: { text: ${text} }, sms: { text: ${text} } } }}`,
					0,
				),
			],
		};
	}
	const aggregate = [
		'const destinations = $input.all().map((item) => ({ to: { phoneNumber: item.json.phone } }));',
		`const text = ${JSON.stringify(BROADCAST_TEXT)};`,
		`return [{ json: { body: { scenarioKey: ${JSON.stringify(BENCH_SCENARIO)}, destinations, facebook: { text }, sms: { text } } } }];`,
	].join('\n');
	return {
		chain: [AGGREGATE, HTTP],
		nodes: [
			{
				id: uuid(spec, 3),
				name: AGGREGATE,
				type: 'n8n-nodes-base.code',
				typeVersion: CODE_VERSION,
				position: position(0),
				parameters: { jsCode: aggregate },
			},
			http('={{ $json.body }}', 1),
		],
	};
}

/** The Messages API workload: the node's Send, or one HTTP Request per item. */
function messagesNodes(
	spec: AppCase,
	sandboxUrl: string,
	position: number[],
): { nodes: Json[]; chain: string[] } {
	if (spec.variant === 'node') {
		return {
			chain: [SEND],
			nodes: [
				{
					id: uuid(spec, 3),
					name: SEND,
					type: 'n8n-nodes-infobip-omni.infobipMessages',
					typeVersion: MESSAGES_VERSION,
					position,
					parameters: {
						resource: 'message',
						operation: 'send',
						channel: 'SMS',
						sender: MESSAGES_SENDER,
						to: '={{ $json.phone }}',
						text: '={{ $json.text }}',
						requestSettings: {
							batchSize: MESSAGES_BATCH_SIZE,
							...(spec.requestsInFlight !== undefined
								? { requestsInFlight: spec.requestsInFlight }
								: {}),
						},
					},
					credentials: { infobipOmniBasicAuthApi: NODE_CREDENTIAL },
				},
			],
		};
	}
	if (spec.variant !== 'http') throw new Error(`${spec.id}: no such variant of this workload`);
	// One message per request, as a user would build it (spaces keep "}}" from ending the expression).
	const jsonBody = `={{ { messages: [ { channel: 'SMS', sender: ${JSON.stringify(MESSAGES_SENDER)}, destinations: [ { to: $json.phone } ], content: { body: { type: 'TEXT', text: $json.text } } } ] } }}`;
	return {
		chain: [HTTP],
		nodes: [
			{
				id: uuid(spec, 3),
				name: HTTP,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: HTTP_REQUEST_VERSION,
				position,
				parameters: {
					method: 'POST',
					url: `${sandboxUrl}/messages-api/1/messages`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpBasicAuth',
					sendBody: true,
					specifyBody: 'json',
					jsonBody,
					options: {},
				},
				credentials: { httpBasicAuth: HTTP_CREDENTIAL },
			},
		],
	};
}

/** A stable UUID per case and node (n8n wants node ids; imports stay reproducible). */
function uuid(spec: AppCase, node: number): string {
	const hex = Buffer.from(`${spec.workflowId}${node}`).toString('hex').padEnd(32, '0').slice(-32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function workflowFor(spec: AppCase, sandboxUrl: string): Json {
	const { nodes, chain } = measuredNodes(spec, sandboxUrl);
	const order = ['Start', MAKE_ITEMS, ...chain];
	const connections: Json = {};
	for (let i = 0; i + 1 < order.length; i++) {
		connections[order[i]] = { main: [[{ node: order[i + 1], type: 'main', index: 0 }]] };
	}
	return {
		id: spec.workflowId,
		name: `bench ${spec.id}`,
		active: false,
		nodes: [
			{
				id: uuid(spec, 1),
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: uuid(spec, 2),
				name: MAKE_ITEMS,
				type: 'n8n-nodes-base.code',
				typeVersion: CODE_VERSION,
				position: [220, 0],
				parameters: { jsCode: makeItemsCode(spec.n) },
			},
			...nodes,
		],
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
