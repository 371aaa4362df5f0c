// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The node as an AI agent's tool in the real app: Manual Trigger → AI Agent
 * (@n8n/n8n-nodes-langchain.agent 3.1, the version n8n 2.41.1 adds) with an OpenAI Chat Model
 * (lmChatOpenAi 1.3) whose credential's URL is a local OpenAI-compatible stand-in, and the
 * Infobip OMNI Tool (n8n's generated `infobipOmniTool`) on Send Text, its recipient and texts
 * given by the model through `$fromAI()` with the keys n8n's editor writes for those fields.
 *
 * The stand-in plays the model: the first chat completion of a run answers with one call of the
 * tool (the arguments set for the run), the second (after the tool's result) with a final text.
 * It records every request, so a check can read the tool schema and description the agent
 * offered and the tool result it handed back.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

/** One tool as an OpenAI chat completion request offers it. */
export interface OfferedTool {
	type: string;
	function: { name: string; description?: string; parameters?: { properties?: Json } };
}

/** One chat completion request as the stand-in received it. */
export interface CompletionRequest {
	model?: string;
	stream?: boolean;
	messages: Array<{ role: string; content?: unknown; tool_call_id?: string }>;
	tools?: OfferedTool[];
}

export const AGENT_CREDENTIAL = { id: 'ibOmniE2eOpenAi1', name: 'Local OpenAI stand-in' };
export const AGENT_WORKFLOW_ID = 'ibOmniE2eAgent01';
export const AGENT_NODE = 'AI Agent';
export const TOOL_NODE = 'Send SMS';
export const AGENT_FINAL_TEXT = 'Done: the message went out.';

/** The keys n8n's editor writes for Send Text's Phone Numbers, Facebook Text and SMS Text. */
export const TOOL_KEYS = ['Phone_Numbers', 'Facebook_Text', 'SMS_Text'] as const;

const fromAi = (key: string) =>
	`={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`\`, 'string') }}`;

/** The Infobip OMNI Tool's Send Text as the editor saves it: the model fills the three fields. */
export const SEND_TEXT_TOOL_PARAMETERS = {
	resource: 'message',
	operation: 'sendText',
	useDefaultScenario: true,
	phoneNumbers: fromAi('Phone_Numbers'),
	facebookText: fromAi('Facebook_Text'),
	smsText: fromAi('SMS_Text'),
	requestSettings: { messageIdSource: 'infobip' },
};

/** A chat completion, in the shape of OpenAI's API (https://platform.openai.com/docs/api-reference/chat/object). */
function completion(message: Json, finishReason: string): Json {
	return {
		id: `chatcmpl-e2e-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: 'gpt-4o-mini',
		choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent events, for a client that asked for a stream. */
function streamed(message: Json, finishReason: string): string {
	const base = {
		id: `chatcmpl-e2e-${Date.now()}`,
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model: 'gpt-4o-mini',
	};
	const toolCalls = (message.tool_calls as Json[] | undefined)?.map((call, index) => ({
		index,
		...call,
	}));
	const chunks = [
		{
			...base,
			choices: [
				{
					index: 0,
					delta: {
						role: 'assistant',
						content: message.content ?? null,
						...(toolCalls ? { tool_calls: toolCalls } : {}),
					},
					finish_reason: null,
				},
			],
		},
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }] },
	];
	return `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
}

/** The stand-in model: set `toolArguments` before a run; read `requests` after it. */
export async function startModelStandIn() {
	const requests: CompletionRequest[] = [];
	/** Requests to any other path (the check fails on them). */
	const unexpected: string[] = [];
	const state = { toolArguments: {} as Json, calls: 0 };
	const server = createServer((request: IncomingMessage, response) => {
		let text = '';
		request.on('data', (chunk: Buffer) => (text += chunk.toString()));
		request.on('end', () => {
			if (!request.url?.endsWith('/chat/completions')) {
				unexpected.push(`${request.method} ${request.url}`);
				response.writeHead(404, { 'content-type': 'application/json' });
				response.end('{"error":{"message":"the stand-in answers /chat/completions only"}}');
				return;
			}
			const body = JSON.parse(text || '{}') as CompletionRequest;
			requests.push(body);
			const toolAnswered = body.messages.some((message) => message.role === 'tool');
			const tool = body.tools?.[0]?.function.name;
			const [message, finish] =
				!toolAnswered && tool
					? [
							{
								role: 'assistant',
								content: null,
								tool_calls: [
									{
										id: `call_e2e_${++state.calls}`,
										type: 'function',
										function: { name: tool, arguments: JSON.stringify(state.toolArguments) },
									},
								],
							},
							'tool_calls',
						]
					: [{ role: 'assistant', content: AGENT_FINAL_TEXT }, 'stop'];
			if (body.stream) {
				response.writeHead(200, { 'content-type': 'text/event-stream' });
				response.end(streamed(message, finish));
			} else {
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(JSON.stringify(completion(message, finish)));
			}
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	return {
		url,
		requests,
		unexpected,
		/** The arguments of the next run's tool call; forgets earlier requests. */
		script(toolArguments: Json) {
			state.toolArguments = toolArguments;
			requests.length = 0;
			unexpected.length = 0;
		},
		close: () => new Promise((done) => server.close(done)),
	};
}

/** The openAiApi credential pointing at the stand-in. */
export const agentCredential = (url: string): Json => ({
	...AGENT_CREDENTIAL,
	type: 'openAiApi',
	data: { apiKey: 'sk-e2e-stand-in', organizationId: '', url, header: false },
});

/** Manual Trigger → AI Agent, with the stand-in's chat model and the Infobip OMNI Tool. */
export function agentWorkflow(infobipCredential: { id: string; name: string }): Json {
	return {
		id: AGENT_WORKFLOW_ID,
		name: 'e2e: an AI agent sends a text with the Infobip OMNI Tool',
		active: false,
		nodes: [
			{
				id: '5fb26081-a3c4-4e5f-9a6b-7c8d9eafc0c5',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '60c37192-b4d5-4f60-8b7c-8d9eafb0d1d6',
				name: AGENT_NODE,
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
				id: '71d482a3-c5e6-4071-9c8d-9eafb0c1e2e7',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [160, 220],
				parameters: {
					model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' },
					// Chat Completions, the API OpenAI-compatible local servers offer (1.3 defaults to Responses).
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: AGENT_CREDENTIAL },
			},
			{
				id: '82e593b4-d6f7-4182-8d9e-afb0c1d2f3f8',
				name: TOOL_NODE,
				type: 'n8n-nodes-infobip-omni.infobipOmniTool',
				typeVersion: 1,
				position: [380, 220],
				parameters: SEND_TEXT_TOOL_PARAMETERS,
				credentials: { infobipOmniBasicAuthApi: infobipCredential },
			},
		],
		connections: {
			Start: { main: [[{ node: AGENT_NODE, type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: AGENT_NODE, type: 'ai_languageModel', index: 0 }]],
			},
			[TOOL_NODE]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
