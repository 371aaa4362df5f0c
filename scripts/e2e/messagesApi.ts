// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The e2e's Messages API part (scripts/e2e/run.ts runs the checks): the example
 * examples/messenger-sms-failover.json as it is, and e2e-only workflows built from it:
 * - the seed: the example's Send node with one recipient, the seed's PSID and phone number, so
 *   that the request body must be exactly the seed's Messenger → SMS body;
 * - a personalised batch: a Code node makes 250 items, each its own text, through the Messages
 *   API node's Send with Batch Size 100 (so ceil(250 / 100) = 3 requests);
 * - a trigger workflow (Infobip OMNI Trigger → No Operation) whose Production URL receives the
 *   sandbox's pushes of a Messages API delivery report and of an inbound message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './n8n';

type Json = Record<string, unknown>;
type Node = Json & { name: string; type: string; id: string; parameters: Json };
type Workflow = Json & { id: string; name: string; nodes: Node[]; connections: Json };

export const MESSAGES_EXAMPLE = 'messenger-sms-failover.json';

export const MESSAGES_WORKFLOWS = {
	example: 'ibMsgExSeed00001',
	seed: 'ibMsgE2eSeed0001',
	batch: 'ibMsgE2eBatch001',
	trigger: 'ibMsgE2eTrig0001',
};

/** The seed's values (the contract of issue 14: the seed as a Messages API send). */
export const SEED = {
	psid: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
	phone: '41793026727',
	sender: 'FacebookApplicationKey',
	smsSender: 'InfoSMS',
	text: 'This Facebook message will be delivered both to the Facebook user page and Facebook messenger.',
	smsText: 'This is the SMS failover message',
};

/** The request body the seed's send must be, with the message ID the node derived. */
export function seedBody(messageId: string, psid = SEED.psid, phone = SEED.phone): Json {
	return {
		messages: [seedMessage(messageId, psid, phone)],
		options: { messageOrdering: { stopOnFailure: false } },
	};
}

/**
 * The example's Send Text sets one option, Reports for Every Step, so that Get Many shows the
 * failed MESSENGER step too: this is what it adds to each message.
 */
export const EVERY_STEP_WEBHOOKS = {
	webhooks: { delivery: { receiveTriggeredFailoverReports: true } },
};

/** One `messages[]` entry of the seed's flow for one recipient (plus `extra` fields). */
export function seedMessage(
	messageId: string,
	psid: string,
	phone: string,
	extra: Json = {},
): Json {
	return {
		...extra,
		channel: 'MESSENGER',
		sender: SEED.sender,
		destinations: [
			{
				byChannel: [
					{ channel: 'MESSENGER', to: psid },
					{ channel: 'SMS', to: phone },
				],
				messageId,
			},
		],
		content: { body: { type: 'TEXT', text: SEED.text } },
		failover: [
			{
				channel: 'SMS',
				sender: SEED.smsSender,
				content: { body: { type: 'TEXT', text: SEED.smsText } },
			},
		],
	};
}

export function loadMessagesExample(): Workflow {
	return JSON.parse(readFileSync(join(ROOT, 'examples', MESSAGES_EXAMPLE), 'utf8')) as Workflow;
}

/** The example's recipients (its Recipients node's JSON). */
export function exampleRecipients(): Array<{ who: string; psid: string; phone: string }> {
	const recipients = loadMessagesExample().nodes.find((node) => node.name === 'Recipients');
	return (
		JSON.parse(String(recipients?.parameters.jsonOutput)) as {
			recipients: Array<{ who: string; psid: string; phone: string }>;
		}
	).recipients;
}

/**
 * The seed: the example's first four nodes, one recipient with the seed's PSID and phone, and
 * Send Text without the example's one option.
 */
function seedWorkflow(): Workflow {
	const example = loadMessagesExample();
	const keep = ['Start', 'Recipients', 'One Item per Recipient', 'Send Text'];
	const ids: Record<string, string> = {
		Start: '3e0c5f1a-7b2d-4c8e-9f60-1a2b3c4d5e01',
		Recipients: '4f1d602b-8c3e-4d9f-8071-2b3c4d5e6f02',
		'One Item per Recipient': '50e2713c-9d4f-4ea0-9182-3c4d5e6f7003',
		'Send Text': '61f3824d-ae50-4fb1-a293-4d5e6f708104',
	};
	const nodes = example.nodes
		.filter((node) => keep.includes(node.name))
		.map((node) =>
			node.name === 'Send Text'
				? // The seed sets no option (the example's Reports for Every Step is not the seed's).
					{ ...node, id: ids[node.name], parameters: { ...node.parameters, options: {} } }
				: node.name === 'Recipients'
					? {
							...node,
							id: ids[node.name],
							parameters: {
								...node.parameters,
								jsonOutput: JSON.stringify({
									recipients: [{ who: 'The seed', psid: SEED.psid, phone: SEED.phone }],
								}),
							},
						}
					: { ...node, id: ids[node.name] },
		);
	const connections = Object.fromEntries(
		Object.entries(example.connections).filter(
			([from]) => keep.includes(from) && from !== 'Send Text',
		),
	);
	return {
		...example,
		id: MESSAGES_WORKFLOWS.seed,
		name: "e2e: the seed's Messenger → SMS send, one recipient",
		nodes,
		connections,
	};
}

export const BATCH_ITEMS = 250;
export const BATCH_SIZE = 100;
/** Always-delivered numbers (last four digits 1000–1249: the sandbox's DELIVERED range). */
export const batchPhone = (index: number) => `4179310${String(1000 + index).padStart(4, '0')}`;
export const batchText = (index: number) =>
	`Hello Customer ${index}, your order ${100000 + index} has shipped.`;

/** A Code node's items (each its own text) through Send, Batch Size 100. */
function batchWorkflow(credential: Json): Workflow {
	const code = [
		`const batchPhone = ${batchPhone.toString()};`,
		`const batchText = ${batchText.toString()};`,
		`return Array.from({ length: ${BATCH_ITEMS} }, (_, index) => ({ json: { phone: batchPhone(index), text: batchText(index) } }));`,
	].join('\n');
	return {
		id: MESSAGES_WORKFLOWS.batch,
		name: 'e2e: a personalised Messages API batch, 250 items, Batch Size 100',
		active: false,
		nodes: [
			{
				id: '72a4935e-bf61-4ac2-84b4-5e6f70819205',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '83b5a46f-c072-4bd3-95c5-6f708192a306',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: code },
			},
			{
				id: '94c6b570-d183-4ce4-a6d6-708192a3b407',
				name: 'Send',
				type: 'n8n-nodes-infobip-omni.infobipMessages',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'message',
					operation: 'send',
					channel: 'SMS',
					sender: 'InfoSMS',
					to: '={{ $json.phone }}',
					text: '={{ $json.text }}',
					options: {},
					requestSettings: { batchSize: BATCH_SIZE },
				},
				credentials: { infobipOmniBasicAuthApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The trigger's webhook ID: its Production URL is /webhook/<id>/webhook. */
export const TRIGGER_WEBHOOK_ID = 'b2d4f6a8-1c3e-4a5b-9d7f-0e2c4a6b8d10';

/** Infobip OMNI Trigger (every event, no filter) → No Operation. */
function triggerWorkflow(): Workflow {
	return {
		id: MESSAGES_WORKFLOWS.trigger,
		name: 'e2e: the trigger receives Messages API pushes',
		active: false,
		nodes: [
			{
				id: 'a5d7c681-e294-4df5-b7e8-8192a3b4c508',
				name: 'Infobip OMNI Trigger',
				type: 'n8n-nodes-infobip-omni.infobipOmniTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: {},
			},
			{
				id: 'b6e8d792-f3a5-4e06-88f9-92a3b4c5d609',
				name: 'Received',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: {
			'Infobip OMNI Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The e2e-only Messages API workflows, to import next to the examples. */
export function messagesApiWorkflows(credential: Json): Workflow[] {
	return [seedWorkflow(), batchWorkflow(credential), triggerWorkflow()];
}

/**
 * The example's reports, `<to> <channel> <statusGroup>`: the sandbox reports every failover step
 * tried (MESSENGER to the PSID, then SMS to the phone number).
 */
export function expectedReports(recipients: Array<{ psid: string; phone: string }>): string[] {
	const [user, smsOnly, unreachable] = recipients;
	return [
		`${user.psid} MESSENGER DELIVERED`,
		`${smsOnly.psid} MESSENGER UNDELIVERABLE`,
		`${smsOnly.phone} SMS DELIVERED`,
		`${unreachable.psid} MESSENGER UNDELIVERABLE`,
		`${unreachable.phone} SMS UNDELIVERABLE`,
	];
}
