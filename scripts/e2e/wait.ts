// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error */
/**
 * The e2e's Send and Wait part (issue 15; run.ts runs `waitChecks` once n8n is started, and
 * `node .dev-dist/scripts/e2e/wait.js` runs it alone, `--screenshots` also writing
 * docs/screenshots/wait-*.png). E2e-only workflows, each a Webhook (answers at once) → Split Out
 * of `body.recipients` → one Infobip node → No Operation, so that each check starts one
 * production execution that then waits at the Infobip node:
 * - Send and Wait for Response: Messages API approval (Messenger → SMS), OMNI approve/decline,
 *   Messages API free text. The links are read from the text the sandbox received; a preview
 *   fetcher's GET and a tampered link change nothing, a person's GET or form POST resumes.
 * - Send and Wait for Delivery: OMNI with the seed's 3 recipients, Messages API Messenger → SMS;
 *   the sandbox's pushes to the resume URL end the wait. A third Messages API execution (a
 *   number that never gets a report, Limit Wait Time 1 minute) gets a push of an unknown message (400) and a
 *   wrong token (401), then n8n's WaitTracker resumes it at the limit: `final: false`.
 * - The HITL tools n8n generates from both nodes' `sendAndWait` are in the editor's node types,
 *   and the Messages API one gates an AI agent's Infobip OMNI Tool (the model: agent.ts's stand-in):
 *   the execution waits, the Approve link from the sandbox resumes it, the gated tool sends.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_ACCOUNT, startSandbox, type LoggedRequest, type Sandbox } from '../../sandbox';
import {
	AGENT_CREDENTIAL,
	AGENT_FINAL_TEXT,
	agentCredential,
	SEND_TEXT_TOOL_PARAMETERS,
	startModelStandIn,
} from './agent';
import { check, expect, print, tally, waitFor } from './checks';
import { N8nHome, OWNER, ROOT } from './n8n';

type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: { item: number } | Array<{ item: number }> };
type RunData = Record<string, Array<{ data?: { main?: Array<Item[] | null> }; error?: Json }>>;
type Execution = Json & {
	id: string;
	status?: string;
	data?: { resultData: { runData: RunData; error?: Json; lastNodeExecuted?: string } };
};

export const WAIT_WORKFLOWS = {
	approval: 'ibWaitE2eApprov1',
	decline: 'ibWaitE2eDecline',
	freeText: 'ibWaitE2eFreeTxt',
	omniDelivery: 'ibWaitE2eOmniDlv',
	messagesDelivery: 'ibWaitE2eMsgDlv1',
	timeout: 'ibWaitE2eTimeout',
	hitl: 'ibWaitE2eHitl001',
};

const PATHS: Record<keyof typeof WAIT_WORKFLOWS, string> = {
	approval: 'infobip-wait-e2e-approval',
	decline: 'infobip-wait-e2e-decline',
	freeText: 'infobip-wait-e2e-free-text',
	omniDelivery: 'infobip-wait-e2e-omni-delivery',
	messagesDelivery: 'infobip-wait-e2e-messages-delivery',
	timeout: 'infobip-wait-e2e-timeout',
	hitl: 'infobip-wait-e2e-hitl',
};

/** The Infobip node's ID in each workflow (the last part of its resume URL's path). */
const NODE_IDS: Record<keyof typeof WAIT_WORKFLOWS, string> = {
	approval: 'c1a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c01',
	decline: 'c1a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c02',
	freeText: 'c1a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c03',
	omniDelivery: 'c1a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c04',
	messagesDelivery: 'c1a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c05',
	timeout: 'c1a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c06',
	hitl: 'c1a0e2b4-1d3f-4a5b-8c7d-9e0f1a2b3c07',
};
const NODE = 'Infobip';
const AFTER = 'After the Wait';

/** Published before `n8n start`. */
export const WAIT_PUBLISHED = Object.values(WAIT_WORKFLOWS);
/** The Production URL paths of the wait workflows (run.ts waits until n8n registered them). */
export const WAIT_WEBHOOK_PATHS = Object.values(PATHS);

const MESSAGES = 'n8n-nodes-infobip-omni.infobipMessages';
const OMNI = 'n8n-nodes-infobip-omni.infobipOmni';

/** The seed's recipients (issue 14; run.ts's OMNI and Messages API checks use the same). */
const USER = { psid: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3', phone: '41793026740' };
const SMS_ONLY = { psid: '6f1e2d3c-4b5a-4968-8776-655443322110', phone: '41793026727' };
const UNREACHABLE = { psid: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a', phone: '41793000050' };
/** The sandbox's SLOW range: the SMS step delivers after 5 virtual minutes (5 s at speed 60). */
const SLOW = { psid: '2a3b4c5d-6e7f-4081-9223-344556677889', phone: '41793000350' };
/** The sandbox's EXPIRED range: no answer until the validity period ends (48 virtual hours). */
const NEVER = { phone: '41793000250' };

const QUESTION = 'Can we deliver your parcel tomorrow between 9 and 12?';

const BROWSER_UA =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** Link-preview fetchers and bots: their GET must never answer for the recipient. */
const PREVIEW_UAS = [
	'WhatsApp/2.24.6.77 A',
	'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
	'TelegramBot (like TwitterBot)',
	'',
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
];

/** The Webhook each wait workflow starts on (answers at once); its IDs derived from the node's. */
function startNode(ids: string, path: string): Json {
	return {
		id: ids.replace(/..$/, 'a0'),
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: ids.replace(/..$/, 'b0'),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

function workflow(key: keyof typeof WAIT_WORKFLOWS, name: string, node: Json): Json {
	const ids = NODE_IDS[key];
	return {
		id: WAIT_WORKFLOWS[key],
		name: `e2e wait: ${name}`,
		active: false,
		nodes: [
			startNode(ids, PATHS[key]),
			{
				id: ids.replace(/..$/, 'c0'),
				name: 'Recipients',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.recipients', options: {} },
			},
			{ id: ids, name: NODE, typeVersion: 1, position: [440, 0], ...node },
			{
				id: ids.replace(/..$/, 'd0'),
				name: AFTER,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [660, 0],
				parameters: {},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
			[NODE]: { main: [[{ node: AFTER, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The OMNI scenario the checks create (FACEBOOK → SMS), its key given in the webhook body. */
const scenario = {
	__rl: true,
	mode: 'key',
	value: "={{ $('Start').first().json.body.scenarioKey }}",
};

const HITL_NODE = 'Human Review';
const GATED_TOOL = 'Send SMS';
const AGENT = 'AI Agent';

/**
 * Webhook → AI Agent (the model: agent.ts's local stand-in) whose one tool, the Infobip OMNI
 * Tool's Send Text, is gated by n8n's generated Infobip Messages API HITL tool: the approval
 * request goes out by SMS, the agent runs the tool only once it is approved.
 */
function hitlWorkflow(credential: { id: string; name: string }): Json {
	const ids = NODE_IDS.hitl;
	return {
		id: WAIT_WORKFLOWS.hitl,
		name: 'e2e wait: an AI agent whose Infobip tool needs a human approval (HITL tool)',
		active: false,
		nodes: [
			startNode(ids, PATHS.hitl),
			{
				id: ids.replace(/..$/, 'c0'),
				name: AGENT,
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [220, 0],
				parameters: {
					promptType: 'define',
					text: 'Tell Ana (+41 79 302 67 27) that her parcel is on its way.',
					options: {},
				},
			},
			{
				id: ids.replace(/..$/, 'd0'),
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [100, 220],
				parameters: {
					model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: AGENT_CREDENTIAL },
			},
			{
				id: ids,
				name: HITL_NODE,
				type: 'n8n-nodes-infobip-omni.infobipMessagesHitlTool',
				typeVersion: 1,
				position: [340, 220],
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					channel: 'SMS',
					sender: 'InfoSMS',
					to: '41793026727',
					message: '=The agent wants to run {{ $tool.name }}',
					responseType: 'approval',
					approvalOptions: { values: { approvalType: 'double' } },
					options: {},
				},
				credentials: { infobipOmniBasicAuthApi: credential },
			},
			{
				id: ids.replace(/..$/, 'e0'),
				name: GATED_TOOL,
				type: 'n8n-nodes-infobip-omni.infobipOmniTool',
				typeVersion: 1,
				position: [340, 440],
				parameters: SEND_TEXT_TOOL_PARAMETERS,
				credentials: { infobipOmniBasicAuthApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]],
			},
			[GATED_TOOL]: { ai_tool: [[{ node: HITL_NODE, type: 'ai_tool', index: 0 }]] },
			[HITL_NODE]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The e2e-only wait workflows, to import next to the others. */
export function waitWorkflows(credential: { id: string; name: string }): Json[] {
	const credentials = { infobipOmniBasicAuthApi: credential };
	const messengerThenSms = {
		channel: 'MESSENGER',
		sender: 'FacebookApplicationKey',
		to: '={{ $json.psid }}',
	};
	const smsStep = { channel: 'SMS', sender: 'InfoSMS', to: '={{ $json.phone }}' };
	return [
		workflow('approval', 'Messages API, Messenger → SMS, approval', {
			type: MESSAGES,
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendAndWait',
				...messengerThenSms,
				failover: { steps: [smsStep] },
				message: QUESTION,
				responseType: 'approval',
				approvalOptions: { values: { approvalType: 'single' } },
				options: {},
			},
		}),
		workflow('decline', 'OMNI, approve or decline', {
			type: OMNI,
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendAndWait',
				useDefaultScenario: false,
				scenario,
				phoneNumbers: '={{ $json.phone }}',
				facebookUserKey: "={{ $json.facebookUserKey ?? '' }}",
				message: QUESTION,
				responseType: 'approval',
				approvalOptions: {
					values: { approvalType: 'double', approveLabel: 'Yes, please', disapproveLabel: 'No' },
				},
				options: {},
			},
		}),
		workflow('freeText', 'Messages API, SMS, free text', {
			type: MESSAGES,
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendAndWait',
				channel: 'SMS',
				sender: 'InfoSMS',
				to: '={{ $json.phone }}',
				message: 'Where should the courier leave your parcel?',
				responseType: 'freeText',
				options: { responseFormTitle: 'Delivery instructions' },
			},
		}),
		workflow('omniDelivery', "OMNI, the seed's 3 recipients, wait for delivery", {
			type: OMNI,
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendAndWaitForDelivery',
				useDefaultScenario: false,
				scenario,
				phoneNumbers: '={{ $json.phone }}',
				facebookUserKey: "={{ $json.facebookUserKey ?? '' }}",
				facebookText: 'Your parcel is on its way.',
				smsText: 'Your parcel is on its way (SMS).',
				limitWaitTime: true,
				limitType: 'afterTimeInterval',
				resumeAmount: 1,
				resumeUnit: 'hours',
				options: {},
			},
		}),
		workflow('messagesDelivery', 'Messages API, Messenger → SMS, wait for delivery', {
			type: MESSAGES,
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendAndWaitForDelivery',
				...messengerThenSms,
				messageType: 'content',
				bodyType: 'TEXT',
				text: 'Your parcel is on its way.',
				failover: { steps: [{ ...smsStep, text: 'Your parcel is on its way (SMS).' }] },
				limitWaitTime: true,
				limitType: 'afterTimeInterval',
				resumeAmount: 1,
				resumeUnit: 'hours',
				options: {},
			},
		}),
		workflow('timeout', 'Messages API, no report comes, Limit Wait Time 1 minute', {
			type: MESSAGES,
			credentials,
			parameters: {
				resource: 'message',
				operation: 'sendAndWaitForDelivery',
				channel: 'SMS',
				sender: 'InfoSMS',
				to: '={{ $json.phone }}',
				messageType: 'content',
				bodyType: 'TEXT',
				text: 'Your parcel is on its way (no report).',
				limitWaitTime: true,
				limitType: 'afterTimeInterval',
				resumeAmount: 1,
				resumeUnit: 'minutes',
				options: {},
			},
		}),
		hitlWorkflow(credential),
	];
}

const same = (actual: unknown, expected: unknown, what: string) =>
	expect(
		JSON.stringify(actual) === JSON.stringify(expected),
		`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
	);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const pairedIndex = (item: Item) =>
	Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item;

/** The links of a sent text: one `Label: URL` line each. */
function linksOf(text: string): Record<string, string> {
	return Object.fromEntries(
		[...text.matchAll(/^(.+?): (https?:\/\/\S+)$/gm)].map((match) => [match[1], match[2]]),
	);
}

export interface WaitContext {
	n8n: N8nHome;
	sandbox: Sandbox;
	apiKey: string;
	/** agent.ts's model stand-in (its credential imported): runs the HITL agent check. */
	model?: Awaited<ReturnType<typeof startModelStandIn>>;
	/**
	 * Screenshot mode: called while an execution waits, with a link of its message; true when it
	 * opened the link itself (in a browser), so that the check does not.
	 */
	onWaiting?: (
		what: 'execution' | 'decline' | 'freeText',
		workflowId: string,
		executionId: string,
		link: string,
	) => Promise<boolean>;
	/** Restart n8n while an execution waits (last: the checks after it run on the restarted n8n). */
	restart?: boolean;
}

/** Runs the Send and Wait checks against a started n8n (public API key with execution:read/list). */
export async function waitChecks({
	n8n,
	sandbox,
	apiKey,
	model,
	onWaiting,
	restart = false,
}: WaitContext): Promise<void> {
	const started = Date.now();
	const BASIC = `Basic ${Buffer.from(`${DEFAULT_ACCOUNT.username}:${DEFAULT_ACCOUNT.password}`).toString('base64')}`;
	const api = async (path: string) => {
		const response = await fetch(`${n8n.baseUrl}/api/v1${path}`, {
			headers: { 'X-N8N-API-KEY': apiKey },
		});
		expect(response.ok, `GET /api/v1${path}: ${response.status} ${await response.clone().text()}`);
		return (await response.json()) as Json;
	};
	const stored = async (id: string) =>
		(await api(`/executions/${id}?includeData=true`)) as unknown as Execution;
	const executionIds = async (workflowId: string) =>
		((await api(`/executions?workflowId=${workflowId}&limit=250`)).data as Json[]).map((e) =>
			String(e.id),
		);

	/** Posts to the workflow's Production URL; returns the new execution once it waits. */
	const startWaiting = async (key: keyof typeof WAIT_WORKFLOWS, body: Json) => {
		const workflowId = WAIT_WORKFLOWS[key];
		const before = new Set(await executionIds(workflowId));
		const from = sandbox.requests().length;
		const response = await fetch(`${n8n.baseUrl}/webhook/${PATHS[key]}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(response.ok, `webhook answered ${response.status}: ${await response.text()}`);
		const id = await waitFor(`a new execution of ${workflowId}`, async () =>
			(await executionIds(workflowId)).find((candidate) => !before.has(candidate)),
		);
		const execution = await waitFor(`execution ${id} to stop running`, async () => {
			const current = await stored(id);
			return current.status === 'new' || current.status === 'running' ? undefined : current;
		});
		return { id, execution, workflowId, requests: () => sandbox.requests().slice(from) };
	};
	const finished = async (id: string, ms = 30_000) =>
		await waitFor(
			`execution ${id} to finish`,
			async () => {
				const current = await stored(id);
				return ['new', 'running', 'waiting'].includes(String(current.status)) ? undefined : current;
			},
			ms,
		);
	/** Waits for the end of a wait for delivery; on a timeout, says how its pushes were answered. */
	const delivered = async (id: string, url: string, pushesFrom: number, ms: number) => {
		try {
			return await finished(id, ms);
		} catch (error) {
			const pushes = sandbox
				.pushes()
				.slice(pushesFrom)
				.filter((push) => push.url === url);
			const last = pushes[pushes.length - 1];
			let replay = '';
			if (last) {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': last.contentType },
					body: last.body,
				});
				replay = `; the last push again: ${response.status} ${(await response.text()).slice(0, 300)}; its body ${last.body.slice(0, 400)}`;
			}
			throw new Error(
				`${(error as Error).message}; pushes (answer): ${pushes.map((push) => push.status ?? push.error).join(', ') || 'none'}${replay}`,
			);
		}
	};
	const stillWaiting = async (id: string, what: string) => {
		await sleep(300);
		same((await stored(id)).status, 'waiting', `execution status after ${what}`);
	};
	/** The node's items of its last run (after a resume: the resumed run). */
	const nodeOutput = (execution: Execution, node = NODE): Item[] => {
		const runs = execution.data?.resultData.runData[node] ?? [];
		return runs[runs.length - 1]?.data?.main?.[0] ?? [];
	};
	const get = async (url: string, userAgent: string) => {
		const response = await fetch(url, {
			headers: { 'user-agent': userAgent },
			redirect: 'manual',
		});
		return { status: response.status, text: await response.text() };
	};
	const sendOf = (requests: LoggedRequest[], path: string) => {
		const sends = requests.filter((request) => request.method === 'POST' && request.path === path);
		same(sends.length, 1, `POSTs to ${path}`);
		return sends[0].body as Json;
	};
	const MESSAGES_PATH = '/messages-api/1/messages';
	const OMNI_PATH = '/omni/1/advanced';
	const messagesText = (body: Json) =>
		String(
			((body.messages as Json[])[0].content as { body: { text: string } } | undefined)?.body.text,
		);

	// The OMNI workflows' scenario (FACEBOOK → SMS), created here, not the account's default.
	const created = await fetch(`${sandbox.baseUrl}/omni/1/scenarios`, {
		method: 'POST',
		headers: { authorization: BASIC, 'content-type': 'application/json' },
		body: JSON.stringify({
			name: 'e2e wait: Facebook → SMS',
			flow: [
				{ from: 'FacebookApplicationKey', channel: 'FACEBOOK' },
				{ from: 'InfoSMS', channel: 'SMS' },
			],
		}),
	});
	const scenarioKey = String(((await created.json()) as Json).key);

	// --- the timeout execution first: it waits a minute for n8n's WaitTracker ---
	let timeout: Awaited<ReturnType<typeof startWaiting>> | undefined;
	let timeoutUrl = '';
	await check(
		'wait, delivery, Messages API, an SMS that never gets a report (the sandbox’s EXPIRED range), Limit Wait Time 1 minute: the execution is waiting at the node, whose output is the waiting record (final: false, channels [SMS]); the delivery URL sent is the resume URL of this execution and node',
		async () => {
			timeout = await startWaiting('timeout', { recipients: [{ phone: NEVER.phone }] });
			same(timeout.execution.status, 'waiting', 'execution status');
			const body = sendOf(timeout.requests(), MESSAGES_PATH);
			const message = (body.messages as Json[])[0] as Json & {
				webhooks?: { delivery?: { url?: string } };
				destinations: Json[];
			};
			timeoutUrl = String(message.webhooks?.delivery?.url);
			const url = new URL(timeoutUrl);
			same(
				url.origin + url.pathname,
				`${n8n.baseUrl}/webhook-waiting/${timeout.id}/${NODE_IDS.timeout}`,
				'delivery URL (without its token)',
			);
			expect(url.searchParams.get('signature'), `no signature in ${timeoutUrl}`);
			const [record] = nodeOutput(timeout.execution).map((item) => item.json);
			same(
				[record?.messageId, record?.to, record?.final, record?.delivered, record?.channels],
				[message.destinations[0].messageId, NEVER.phone, false, false, ['SMS']],
				'waiting record (messageId, to, final, delivered, channels)',
			);
			return `execution ${timeout.id}; webhooks.delivery.url ${url.pathname}?signature=…`;
		},
	);
	await check(
		'wait, delivery: a push of a report of an unknown message ID to the resume URL is answered 400 and changes nothing; the same URL with a wrong token is answered 401 by n8n',
		async () => {
			expect(timeout && timeoutUrl, 'no waiting execution');
			const report = {
				results: [
					{
						messageId: 'not-a-message-of-this-execution',
						to: NEVER.phone,
						channel: 'SMS',
						sentAt: '2026-12-01T10:00:00.000+0000',
						doneAt: '2026-12-01T10:00:01.000+0000',
						status: {
							groupId: 3,
							groupName: 'DELIVERED',
							id: 5,
							name: 'DELIVERED_TO_HANDSET',
							description: 'Message delivered to handset',
						},
						error: {
							groupId: 0,
							groupName: 'OK',
							id: 0,
							name: 'NO_ERROR',
							description: 'No Error',
							permanent: false,
						},
					},
				],
			};
			const push = async (url: string) => {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(report),
				});
				return { status: response.status, text: await response.text() };
			};
			const unknown = await push(timeoutUrl);
			same(unknown.status, 400, `unknown message ID: answer (${unknown.text})`);
			await stillWaiting(timeout.id, 'the unknown report');
			const wrong = new URL(timeoutUrl);
			const token = String(wrong.searchParams.get('signature'));
			wrong.searchParams.set(
				'signature',
				`${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`,
			);
			const tampered = await push(wrong.toString());
			same(tampered.status, 401, `wrong token: answer (${tampered.text})`);
			await stillWaiting(timeout.id, 'the wrong token');
			return `400 ${unknown.text}; 401 ${tampered.text}`;
		},
	);

	// --- Send and Wait for Response: approval, Messages API ---
	let approval: Awaited<ReturnType<typeof startWaiting>> | undefined;
	let approveUrl = '';
	let approvedItem: { json: { data?: Json; messages?: Json[] }; sentId: unknown } | undefined;
	await check(
		'wait, approval, Messages API (Messenger → SMS): the execution is waiting; the sandbox got one message whose text is the question and "Approve: <signed link to this execution and node>"; its SMS failover step reuses that content',
		async () => {
			approval = await startWaiting('approval', { recipients: [SMS_ONLY] });
			same(approval.execution.status, 'waiting', 'execution status');
			const body = sendOf(approval.requests(), MESSAGES_PATH);
			const text = messagesText(body);
			const links = linksOf(text);
			same(Object.keys(links), ['Approve'], `links in ${JSON.stringify(text)}`);
			approveUrl = links.Approve;
			expect(text.startsWith(`${QUESTION}\n\n`), `text: ${JSON.stringify(text)}`);
			const url = new URL(approveUrl);
			same(
				url.origin + url.pathname,
				`${n8n.baseUrl}/webhook-waiting/${approval.id}/${NODE_IDS.approval}`,
				'link path',
			);
			same(url.searchParams.get('approved'), 'true', 'approved');
			expect(url.searchParams.get('signature'), 'no signature');
			const message = (body.messages as Json[])[0] as Json & { failover?: Json[] };
			same(
				[message.channel, message.failover?.map((step) => [step.channel, step.content ?? null])],
				['MESSENGER', [['SMS', null]]],
				'channel, failover steps (channel, own content)',
			);
			return JSON.stringify(text);
		},
	);
	if (approval && onWaiting) {
		await onWaiting('execution', approval.workflowId, approval.id, approveUrl);
	}
	await check(
		`wait, approval: GETs of the Approve link by ${PREVIEW_UAS.length} link-preview fetchers and bots (WhatsApp, facebookexternalhit, TelegramBot, no user agent, HeadlessChrome) answer 200 "Open this link in your browser." and the execution still waits`,
		async () => {
			expect(approval && approveUrl, 'no waiting execution');
			for (const userAgent of PREVIEW_UAS) {
				const answer = await get(approveUrl, userAgent);
				same(answer.status, 200, `"${userAgent}": status`);
				expect(
					answer.text.includes('Open this link in your browser.'),
					`"${userAgent}": ${answer.text.slice(0, 300)}`,
				);
			}
			await stillWaiting(approval.id, 'the previews');
			return '';
		},
	);
	await check(
		'wait, approval: tampered links (approved=true → false with the same signature; one signature character changed) are answered 401 by n8n and the execution still waits',
		async () => {
			expect(approval && approveUrl, 'no waiting execution');
			const declined = new URL(approveUrl);
			declined.searchParams.set('approved', 'false');
			const badSignature = new URL(approveUrl);
			const signature = String(badSignature.searchParams.get('signature'));
			badSignature.searchParams.set(
				'signature',
				`${signature.slice(0, -1)}${signature.endsWith('a') ? 'b' : 'a'}`,
			);
			const answers = [
				await get(declined.toString(), BROWSER_UA),
				await get(badSignature.toString(), BROWSER_UA),
			];
			same(
				answers.map((answer) => answer.status),
				[401, 401],
				'statuses',
			);
			await stillWaiting(approval.id, 'the tampered links');
			return '';
		},
	);
	await check(
		'wait, approval: a browser\'s GET of the Approve link answers "Got it, thanks"; the execution succeeds; the node outputs one item paired to item 0: data.approved true, respondedAt, and the sandbox\'s message ID; the next node ran',
		async () => {
			expect(approval && approveUrl, 'no waiting execution');
			const answer = await get(approveUrl, BROWSER_UA);
			same(answer.status, 200, 'status');
			expect(answer.text.includes('Got it, thanks'), `page: ${answer.text.slice(0, 300)}`);
			const execution = await finished(approval.id);
			same(execution.status, 'success', 'execution status');
			const items = nodeOutput(execution);
			same(items.length, 1, 'items');
			const json = items[0].json as { data?: Json; messages?: Json[] };
			const body = sendOf(approval.requests(), MESSAGES_PATH);
			const sentId = ((body.messages as Json[])[0].destinations as Json[])[0].messageId;
			same(
				[pairedIndex(items[0]), json.data?.approved, typeof json.data?.respondedAt],
				[0, true, 'string'],
				'item (pairedItem, data.approved, respondedAt)',
			);
			approvedItem = { json, sentId };
			same(nodeOutput(execution, AFTER).length, 1, `${AFTER} items`);
			const again = await get(approveUrl, BROWSER_UA);
			same(again.status, 200, 'a second click: status');
			same((await stored(approval.id)).status, 'success', 'a second click: execution status');
			return JSON.stringify(json).slice(0, 240);
		},
	);

	await check(
		"wait, approval: the resumed item's messages[] names the message sent (messageId from the sandbox's request, to, channel)",
		() => {
			expect(approvedItem, 'no resumed item');
			const first = approvedItem.json.messages?.[0];
			same(
				[approvedItem.json.messages?.length, first?.messageId, first?.to],
				[1, approvedItem.sentId, SMS_ONLY.psid],
				'messages (length, [0].messageId, [0].to)',
			);
			return JSON.stringify(approvedItem.json.messages);
		},
	);

	// --- approve or decline, OMNI ---
	await check(
		'wait, approval, OMNI (Facebook user key → SMS), approve and decline with own labels: the text sent on Facebook and SMS has "Yes, please: <link>" and "No: <link>"; a browser opening "No" resumes with data.approved false',
		async () => {
			const run = await startWaiting('decline', {
				scenarioKey,
				recipients: [{ phone: USER.phone, facebookUserKey: USER.psid }],
			});
			same(run.execution.status, 'waiting', 'execution status');
			const body = sendOf(run.requests(), OMNI_PATH) as Json & {
				facebook?: { text?: string };
				sms?: { text?: string };
				destinations: Json[];
				scenarioKey?: string;
			};
			same(body.scenarioKey, scenarioKey, 'scenarioKey');
			same(body.sms?.text, body.facebook?.text, 'SMS text = Facebook text');
			const links = linksOf(String(body.facebook?.text));
			same(
				Object.keys(links),
				['Yes, please', 'No'],
				`links in ${JSON.stringify(body.facebook?.text)}`,
			);
			same(new URL(links.No).searchParams.get('approved'), 'false', 'No link: approved');
			if (!(await onWaiting?.('decline', run.workflowId, run.id, links.No))) {
				const answer = await get(links.No, BROWSER_UA);
				same(answer.status, 200, 'status');
				expect(answer.text.includes('Got it, thanks'), `page: ${answer.text.slice(0, 300)}`);
			}
			const execution = await finished(run.id);
			same(execution.status, 'success', 'execution status');
			const items = nodeOutput(execution);
			const json = items[0]?.json as { data?: Json; messages?: Json[] };
			same([items.length, json.data?.approved], [1, false], 'items, data.approved');
			return JSON.stringify(json).slice(0, 240);
		},
	);

	// --- free text, Messages API ---
	await check(
		'wait, free text, Messages API (SMS): GET of the Respond link shows an HTML form (POST, input field-0); an empty POST answers 400 and the execution still waits; a POST with the answer resumes it with data.text',
		async () => {
			const run = await startWaiting('freeText', { recipients: [{ phone: SMS_ONLY.phone }] });
			same(run.execution.status, 'waiting', 'execution status');
			const links = linksOf(messagesText(sendOf(run.requests(), MESSAGES_PATH)));
			same(Object.keys(links), ['Respond'], 'links');
			if (onWaiting) await onWaiting('freeText', run.workflowId, run.id, links.Respond);
			const form = await get(links.Respond, BROWSER_UA);
			same(form.status, 200, 'form: status');
			expect(
				form.text.includes('name="field-0"') && /method="post"/i.test(form.text),
				`form: ${form.text.slice(0, 600)}`,
			);
			expect(form.text.includes('Delivery instructions'), 'form: no title');
			const post = async (value: string) => {
				const response = await fetch(links.Respond, {
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						'user-agent': BROWSER_UA,
					},
					body: new URLSearchParams({ 'field-0': value }).toString(),
				});
				return { status: response.status, text: await response.text() };
			};
			const empty = await post('');
			same(empty.status, 400, 'empty answer: status');
			await stillWaiting(run.id, 'the empty answer');
			const text = 'Leave it with the neighbour at no. 12, please.';
			const answered = await post(text);
			same(answered.status, 200, 'answer: status');
			const execution = await finished(run.id);
			same(execution.status, 'success', 'execution status');
			const json = nodeOutput(execution)[0]?.json as { data?: Json };
			same(json?.data?.text, text, 'data.text');
			return JSON.stringify(json).slice(0, 240);
		},
	);

	// --- Send and Wait for Delivery, OMNI, the seed's 3 recipients ---
	await check(
		"wait, delivery, OMNI, the seed's 3 recipients (Facebook user key; SMS only; unreachable): the notify URL sent is the resume URL; the sandbox's pushes resume the execution; 3 items paired in order, final: FACEBOOK DELIVERED, SMS DELIVERED, SMS UNDELIVERABLE",
		async () => {
			const pushesFrom = sandbox.pushes().length;
			const run = await startWaiting('omniDelivery', {
				scenarioKey,
				recipients: [
					{ phone: USER.phone, facebookUserKey: USER.psid },
					{ phone: SMS_ONLY.phone },
					{ phone: UNREACHABLE.phone },
				],
			});
			const seen = String(run.execution.status);
			const body = sendOf(run.requests(), OMNI_PATH) as Json & {
				notifyUrl?: string;
				destinations: Json[];
			};
			const notify = new URL(String(body.notifyUrl));
			same(
				notify.origin + notify.pathname,
				`${n8n.baseUrl}/webhook-waiting/${run.id}/${NODE_IDS.omniDelivery}`,
				'notifyUrl',
			);
			const execution =
				seen === 'waiting'
					? await delivered(run.id, String(body.notifyUrl), pushesFrom, 30_000)
					: run.execution;
			same(execution.status, 'success', 'execution status');
			const items = nodeOutput(execution);
			same(
				items.map((item) => [
					pairedIndex(item),
					item.json.messageId,
					item.json.channel,
					item.json.statusGroup,
					item.json.final,
					item.json.delivered,
				]),
				[
					[0, body.destinations[0].messageId, 'FACEBOOK', 'DELIVERED', true, true],
					[1, body.destinations[1].messageId, 'SMS', 'DELIVERED', true, true],
					[2, body.destinations[2].messageId, 'SMS', 'UNDELIVERABLE', true, false],
				],
				'items (pairedItem, messageId, channel, statusGroup, final, delivered)',
			);
			same(
				items.map((item) => item.json.channels),
				[
					['FACEBOOK', 'SMS'],
					['FACEBOOK', 'SMS'],
					['FACEBOOK', 'SMS'],
				],
				'channels',
			);
			expect(
				items.slice(0, 2).every((item) => typeof item.json.secondsToDeliver === 'number'),
				`secondsToDeliver: ${items.map((item) => String(item.json.secondsToDeliver)).join(', ')}`,
			);
			const pushes = sandbox
				.pushes()
				.slice(pushesFrom)
				.filter((push) => push.url === body.notifyUrl);
			return `status seen first: ${seen}; pushes to the resume URL (answer): ${pushes.map((push) => push.status ?? push.error).join(', ')}; secondsToDeliver ${items.map((item) => String(item.json.secondsToDeliver)).join(', ')}`;
		},
	);

	// --- Send and Wait for Delivery, Messages API, Messenger → SMS ---
	await check(
		'wait, delivery, Messages API, Messenger → SMS to a slow number (SMS after 5 virtual minutes): the execution is waiting; the sandbox pushes the final report to the delivery URL; it resumes with one item: SMS DELIVERED, final, delivered, secondsToDeliver',
		async () => {
			const pushesFrom = sandbox.pushes().length;
			const run = await startWaiting('messagesDelivery', { recipients: [SLOW] });
			same(run.execution.status, 'waiting', 'execution status');
			const body = sendOf(run.requests(), MESSAGES_PATH);
			const message = (body.messages as Json[])[0] as Json & {
				webhooks?: { delivery?: Json };
				destinations: Json[];
			};
			const url = String(message.webhooks?.delivery?.url);
			expect(
				url.startsWith(`${n8n.baseUrl}/webhook-waiting/${run.id}/${NODE_IDS.messagesDelivery}?`),
				`delivery URL ${url}`,
			);
			const execution = await delivered(run.id, url, pushesFrom, 45_000);
			same(execution.status, 'success', 'execution status');
			const items = nodeOutput(execution);
			same(
				items.map((item) => [
					pairedIndex(item),
					item.json.messageId,
					item.json.to,
					item.json.channel,
					item.json.statusGroup,
					item.json.final,
					item.json.delivered,
					typeof item.json.secondsToDeliver,
				]),
				[
					[
						0,
						message.destinations[0].messageId,
						SLOW.phone,
						'SMS',
						'DELIVERED',
						true,
						true,
						'number',
					],
				],
				'items (pairedItem, messageId, to, channel, statusGroup, final, delivered, secondsToDeliver)',
			);
			const pushes = sandbox
				.pushes()
				.slice(pushesFrom)
				.filter((push) => push.url === url);
			return `pushes (answer): ${pushes.map((push) => push.status ?? push.error).join(', ')}; item ${JSON.stringify(items[0].json).slice(0, 200)}`;
		},
	);

	// --- HITL tools in the editor's node types ---
	await check(
		"wait, HITL: the editor's node types (/types/nodes.json) include n8n's generated infobipOmniHitlTool and infobipMessagesHitlTool",
		async () => {
			// As the editor gets them: with the owner's session (n8n answers 401 without one).
			const login = await fetch(`${n8n.baseUrl}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
			expect(login.ok, `login: ${login.status}`);
			const cookie = login.headers
				.getSetCookie()
				.map((header) => header.split(';')[0])
				.find((pair) => pair.startsWith('n8n-auth='));
			const response = await fetch(`${n8n.baseUrl}/types/nodes.json`, {
				headers: { cookie: String(cookie) },
			});
			expect(response.ok, `/types/nodes.json: ${response.status}`);
			const types = (await response.json()) as Array<{ name: string; displayName?: string }>;
			const wanted = [
				'n8n-nodes-infobip-omni.infobipOmniHitlTool',
				'n8n-nodes-infobip-omni.infobipMessagesHitlTool',
			];
			const found = types.filter((type) => wanted.includes(type.name));
			same(found.map((type) => type.name).sort(), [...wanted].sort(), 'HITL node types');
			return found.map((type) => `${type.name} ("${String(type.displayName)}")`).join(', ');
		},
	);

	// --- an AI agent's tool gated by the Infobip Messages API HITL tool ---
	if (model) {
		let hitl: Awaited<ReturnType<typeof startWaiting>> | undefined;
		let hitlLinks: Record<string, string> = {};
		const toolArguments = {
			Phone_Numbers: '41793026727',
			Facebook_Text: 'Your parcel is on its way.',
			SMS_Text: 'Your parcel is on its way (SMS).',
		};
		await check(
			'wait, HITL agent: the model calls the Infobip OMNI Tool, which the Infobip Messages API HITL tool gates: the execution waits, the approval request went out by SMS with Approve and Decline links, and nothing was sent to the recipient yet',
			async () => {
				// n8n's HITL wrapper asks the model for the gated tool's parameters and its own.
				model.script({ toolParameters: toolArguments, hitlParameters: {} });
				hitl = await startWaiting('hitl', {});
				const error = hitl.execution.data?.resultData.error;
				same(
					[hitl.execution.status, error?.message ?? null],
					['waiting', null],
					'execution status, error',
				);
				const requests = hitl.requests();
				same(
					requests.map((request) => `${request.method} ${request.path}`),
					[`POST ${MESSAGES_PATH}`],
					'requests to the sandbox',
				);
				const text = messagesText(requests[0].body as Json);
				hitlLinks = linksOf(text);
				same(Object.keys(hitlLinks), ['Approve', 'Decline'], `links in ${JSON.stringify(text)}`);
				same(model.unexpected, [], 'requests to the model other than chat completions');
				const offered = model.requests[0]?.tools?.map((tool) => tool.function) ?? [];
				const schema = offered[0]?.parameters?.properties as
					| { toolParameters?: { properties?: Json } }
					| undefined;
				same(
					[
						offered.map((tool) => tool.name),
						Object.keys(schema?.toolParameters?.properties ?? {}).sort(),
					],
					[['Send_SMS'], Object.keys(toolArguments).sort()],
					'tools offered to the model, the keys of its toolParameters',
				);
				return `the approval SMS: ${JSON.stringify(text).slice(0, 200)}`;
			},
		);
		await check(
			"wait, HITL agent: opening Approve resumes the execution: the gated tool sends exactly the model's text, the model reads its result and the agent answers",
			async () => {
				expect(hitl && hitlLinks.Approve, 'no waiting execution');
				const from = sandbox.requests().length;
				const answer = await get(hitlLinks.Approve, BROWSER_UA);
				same(answer.status, 200, 'approve: status');
				const execution = await finished(hitl.id, 60_000);
				const error = execution.data?.resultData.error;
				same(
					[execution.status, error?.message ?? null],
					['success', null],
					'execution status, error',
				);
				const sends = sandbox
					.requests()
					.slice(from)
					.filter((request) => request.path === OMNI_PATH);
				const runData = execution.data?.resultData.runData ?? {};
				const runs = Object.entries(runData)
					.map(
						([name, list]) =>
							`${name}: ${JSON.stringify(list.map((run) => run.data ?? run.error)).slice(0, 400)}`,
					)
					.join(' | ');
				expect(
					sends.length > 0,
					`the gated tool sent nothing; the runs: ${runs}; requests after the approval: ${sandbox
						.requests()
						.slice(from)
						.map((request) => `${request.method} ${request.path}`)
						.join(', ')}`,
				);
				same(
					sends.map((request) => request.body),
					[
						{
							destinations: [{ to: { phoneNumber: toolArguments.Phone_Numbers } }],
							facebook: { text: toolArguments.Facebook_Text },
							sms: { text: toolArguments.SMS_Text },
						},
					],
					'sends after the approval',
				);
				const toolResults = model.requests.flatMap((request) =>
					request.messages.filter((message) => message.role === 'tool'),
				);
				expect(toolResults.length >= 1, 'the model got no tool result');
				const result = String(toolResults[toolResults.length - 1].content);
				expect(result.includes('"messageId"'), `the tool's send failed: ${result.slice(0, 300)}`);
				const outputs = execution.data?.resultData.runData[AGENT] ?? [];
				const last = outputs[outputs.length - 1]?.data?.main?.[0]?.[0]?.json.output;
				same(last, AGENT_FINAL_TEXT, "the agent's output");
				return `tool result the model read: ${String(toolResults[toolResults.length - 1].content).slice(0, 200)}`;
			},
		);
	}

	// --- the timeout: n8n's WaitTracker resumes the execution at its Limit Wait Time ---
	await check(
		'wait, delivery, timeout: at the Limit Wait Time (1 minute) n8n resumes the execution without a report; it succeeds and the node outputs the message as it stood: final false, delivered false',
		async () => {
			expect(timeout, 'no waiting execution');
			const execution = await finished(timeout.id, 150_000);
			same(execution.status, 'success', 'execution status');
			const items = nodeOutput(execution);
			same(
				items.map((item) => [
					pairedIndex(item),
					item.json.to,
					item.json.final,
					item.json.delivered,
				]),
				[[0, NEVER.phone, false, false]],
				'items (pairedItem, to, final, delivered)',
			);
			same(nodeOutput(execution, AFTER).length, 1, `${AFTER} items`);
			const stoppedAt = Date.parse(String(execution.stoppedAt));
			const startedAt = Date.parse(String(execution.startedAt));
			return `resumed ${((stoppedAt - startedAt) / 1000).toFixed(0)} s after it started; item ${JSON.stringify(items[0]?.json).slice(0, 200)}`;
		},
	);

	// --- a restart of n8n while an execution waits (the closing note of issue 15) ---
	if (restart) {
		await check(
			'wait, restart: an execution waiting for an approval survives a restart of n8n (stop, start on the same database); the link sent before the restart still resumes it, with approved true',
			async () => {
				const waitingRun = await startWaiting('approval', { recipients: [SMS_ONLY] });
				same(waitingRun.execution.status, 'waiting', 'execution status before the restart');
				const { Approve } = linksOf(messagesText(sendOf(waitingRun.requests(), MESSAGES_PATH)));
				const stopping = Date.now();
				await n8n.stop();
				await n8n.start();
				const restartMs = Date.now() - stopping;
				same((await stored(waitingRun.id)).status, 'waiting', 'execution status after the restart');
				const answer = await get(Approve, BROWSER_UA);
				same(answer.status, 200, 'the link after the restart: status');
				const execution = await finished(waitingRun.id);
				same(execution.status, 'success', 'execution status after the link');
				same(
					(nodeOutput(execution)[0]?.json.data as Json | undefined)?.approved,
					true,
					'data.approved',
				);
				return `execution ${waitingRun.id}: waiting before and after a restart of ${(restartMs / 1000).toFixed(0)} s, then resumed by the link sent before it`;
			},
		);
	}
	print(`     (wait checks took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/**
 * Alone: `node .dev-dist/scripts/e2e/wait.js [--screenshots]`: the sandbox, n8n with the wait
 * workflows, the checks; with --screenshots also the execution view of a waiting execution and
 * the approval and free-text pages (Chromium with a normal browser user agent: HeadlessChrome
 * counts as a bot).
 */
async function main() {
	const sandbox = await startSandbox({ clock: { speed: 60 } });
	// The gated tool sends with the account's default scenario (run.ts's earlier checks make one).
	await fetch(`${sandbox.baseUrl}/omni/1/scenarios`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${DEFAULT_ACCOUNT.username}:${DEFAULT_ACCOUNT.password}`).toString('base64')}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify({
			name: 'e2e wait: default',
			flow: [{ from: 'InfoSMS', channel: 'SMS' }],
			default: true,
		}),
	});
	const model = await startModelStandIn();
	const credential = { id: 'ibOmniBasicAuth1', name: 'Infobip OMNI account' };
	const screenshots = process.argv.includes('--screenshots');
	let home: N8nHome | undefined;
	let closeBrowser: (() => Promise<void>) | undefined;
	try {
		home = await N8nHome.create(print);
		const n8n = home;
		const dir = join(n8n.folder, 'import');
		mkdirSync(join(dir, 'workflows'), { recursive: true });
		writeFileSync(
			join(dir, 'credentials.json'),
			JSON.stringify([
				{
					...credential,
					type: 'infobipOmniBasicAuthApi',
					data: {
						username: DEFAULT_ACCOUNT.username,
						password: DEFAULT_ACCOUNT.password,
						baseUrl: sandbox.baseUrl,
					},
				},
				agentCredential(model.url),
			]),
		);
		for (const workflow of waitWorkflows(credential)) {
			writeFileSync(
				join(dir, 'workflows', `${String(workflow.id)}.json`),
				JSON.stringify(workflow),
			);
		}
		for (const args of [
			['import:credentials', `--input=${join(dir, 'credentials.json')}`],
			['import:workflow', '--separate', `--input=${join(dir, 'workflows')}`],
			...WAIT_PUBLISHED.map((id) => ['publish:workflow', `--id=${id}`]),
		]) {
			const result = await n8n.cli(...args);
			if (result.code !== 0) throw new Error(`${args[0]}: ${result.output.slice(-800)}`);
		}
		await n8n.start();
		const cookie = await n8n.ownerCookie();
		const apiKey = await n8n.apiKey(cookie, ['execution:list', 'execution:read']);
		await waitFor(
			'the wait workflows’ production webhooks',
			async () =>
				(
					await Promise.all(
						WAIT_WEBHOOK_PATHS.map(
							async (path) =>
								(
									await fetch(`${n8n.baseUrl}/webhook/${path}`, {
										method: 'OPTIONS',
										headers: { origin: n8n.baseUrl, 'access-control-request-method': 'POST' },
									})
								).status === 204,
						),
					)
				).every(Boolean) || undefined,
			90_000,
		);
		let onWaiting: WaitContext['onWaiting'];
		if (screenshots) {
			const { chromium } = await import('playwright-core');
			const browser = await chromium.launch({
				executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
				args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'],
			});
			closeBrowser = async () => await browser.close();
			const context = await browser.newContext({
				viewport: { width: 1280, height: 720 },
				deviceScaleFactor: 1,
				userAgent: BROWSER_UA,
			});
			const [name, value] = cookie.split(/=(.*)/s, 2);
			await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/', httpOnly: true }]);
			const page = await context.newPage();
			const outDir = join(ROOT, 'docs/screenshots');
			mkdirSync(outDir, { recursive: true });
			onWaiting = async (what, workflowId, executionId, link) => {
				const shoot = async (file: string) => {
					await page.screenshot({ path: join(outDir, file) });
					print(`     ${join(outDir, file)}`);
				};
				if (what === 'execution') {
					await page.goto(`${n8n.baseUrl}/workflow/${workflowId}/executions/${executionId}`);
					await page.waitForTimeout(5_000);
					// The editor's "Production Checklist" popover would cover the executions list.
					await page.evaluate(() => {
						const title = [...document.querySelectorAll('*')].find(
							(element) =>
								element.childElementCount === 0 &&
								element.textContent?.trim() === 'Production Checklist',
						);
						let box = title?.parentElement;
						for (let depth = 0; box && depth < 4; depth++, box = box.parentElement) {
							const close = box.querySelector('button, [role="button"], .el-icon, svg');
							if (close && !close.textContent?.trim()) {
								(close as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
								return;
							}
						}
					});
					await page.waitForTimeout(1_000);
					await shoot('wait-waiting-execution.png');
					return false;
				}
				// Decline: the page a person sees after opening a link (this GET records the answer).
				await page.goto(link);
				await page.waitForTimeout(1_000);
				await shoot(what === 'decline' ? 'wait-approval-page.png' : 'wait-free-text-form.png');
				return what === 'decline';
			};
		}
		await waitChecks({ n8n, sandbox, apiKey, model, onWaiting });
	} finally {
		if (tally.failed && home?.log) {
			const lines = home.log
				.split('\n')
				.filter((line) => line.trim() && !line.startsWith('    at '));
			print(`n8n start's log (tail):\n${lines.slice(-30).join('\n')}`);
		}
		await closeBrowser?.();
		await home?.stop();
		if (!process.env.INFOBIP_OMNI_E2E_KEEP) home?.remove();
		await sandbox.close();
		await model.close();
		print(`e2e wait: ${tally.passed} passed, ${tally.failed} failed`);
	}
}

if (require.main === module) {
	main().then(
		() => process.exit(tally.failed || !tally.passed ? 1 : 0),
		(error: Error) => {
			print(`e2e wait crashed: ${error.stack ?? error.message}`);
			process.exit(1);
		},
	);
}
