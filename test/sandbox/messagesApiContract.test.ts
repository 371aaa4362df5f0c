/**
 * Contract tests of the sandbox's Messages API against Infobip's spec
 * (../shared/infobip-openapi/messages-api.json, OpenAPI 3.1 → ajv's draft 2020 build):
 * every kind of answer and push body is validated against the spec's schemas, the spec's request
 * examples for POST /messages-api/1/messages are all accepted, and the sandbox's hand-written
 * request schema knows every field of the spec schemas it models.
 *
 * No relaxation of the spec is needed. Two notes: `ApiError` and the validation answers list
 * `description` as required without declaring it (ajv checks presence only); the spec's
 * request examples are accepted by the sandbox without exception.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AxiosResponse } from 'axios';

import {
	MESSENGER_USER_PSIDS,
	type Sandbox,
	SEEN_AFTER_MS,
	startSandbox,
	UNKNOWN_MESSENGER_PSID,
	WHATSAPP_SENDERS,
} from '../../sandbox';
import {
	MODELLED_REQUEST_SCHEMAS,
	MODELLED_TYPED_SCHEMAS,
} from '../../sandbox/messagesApi/schemas';
import {
	clientFor,
	loadMessagesApiSpec,
	MESSAGES_API_SPEC_PATH,
	type Receiver,
	startReceiver,
} from './support';

type Json = Record<string, unknown>;

const spec = loadMessagesApiSpec();
const describeWithSpec = spec ? describe : describe.skip;
const title = spec
	? 'sandbox: Messages API contract with the OpenAPI spec'
	: `Messages API contract tests SKIPPED: spec not found (${MESSAGES_API_SPEC_PATH})`;

const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

describeWithSpec(title, () => {
	let sandbox: Sandbox;
	let receiver: Receiver;
	const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
	addFormats(ajv);
	if (spec) ajv.addSchema(spec, 'spec');
	const schemas =
		(spec?.components as { schemas: Record<string, Json> } | undefined)?.schemas ?? {};
	const fullName = (short: string) => {
		const name = Object.keys(schemas).find((key) => key === short || key.endsWith(`.${short}`));
		if (!name) throw new Error(`no spec schema ${short}`);
		return name;
	};
	const schemaNamed = (short: string): ValidateFunction => {
		const validate = ajv.getSchema(`spec#/components/schemas/${pointer(fullName(short))}`);
		if (!validate) throw new Error(`no validator for ${short}`);
		return validate;
	};

	function responseSchema(method: string, path: string, status: number): ValidateFunction {
		const operation = (spec?.paths as Record<string, Record<string, Json>>)[path][method];
		const response = (operation.responses as Record<string, Json>)[String(status)];
		if (!response) throw new Error(`spec declares no ${status} for ${method} ${path}`);
		const base =
			typeof response.$ref === 'string'
				? response.$ref
				: `#/paths/${encodeURIComponent(pointer(path))}/${method}/responses/${status}`;
		const validate = ajv.getSchema(`spec${base}/content/application~1json/schema`);
		if (!validate) throw new Error(`no schema for ${method} ${path} ${status}`);
		return validate;
	}

	const expectValid = (validate: ValidateFunction, data: unknown) => {
		const valid = validate(data);
		expect(validate.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
	};
	const expectConforms = (
		response: AxiosResponse,
		method: string,
		path: string,
		status?: number,
	) => {
		if (status !== undefined) expect(response.status).toBe(status);
		expectValid(responseSchema(method, path, response.status), response.data);
	};

	const requestExamples = (): Array<[string, Json]> => {
		const operation = (spec?.paths as Record<string, Record<string, Json>>)[
			'/messages-api/1/messages'
		].post;
		const content = (
			operation.requestBody as {
				content: Record<string, { examples: Record<string, { value: Json }> }>;
			}
		).content['application/json'];
		return Object.entries(content.examples).map(([name, example]) => [name, example.value]);
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true } });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(async () => {
		sandbox.reset();
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await receiver.close();
	});

	const seedBody = (webhooks: Json = {}, psid = UNKNOWN_MESSENGER_PSID) => ({
		messages: [
			{
				channel: 'MESSENGER',
				sender: 'FacebookApplicationKey',
				destinations: [
					{
						byChannel: [
							{ channel: 'MESSENGER', to: psid },
							{ channel: 'SMS', to: '41793026727' },
						],
					},
				],
				content: { body: { type: 'TEXT', text: 'fb' } },
				failover: [
					{ channel: 'SMS', sender: 'InfoSMS', content: { body: { type: 'TEXT', text: 'sms' } } },
				],
				webhooks,
				options: { platform: { entityId: 'e', applicationId: 'a' }, campaignReferenceId: 'c' },
			},
		],
		options: { messageOrdering: { stopOnFailure: false } },
	});

	it('every spec request example for POST /messages-api/1/messages is accepted (validate and send)', async () => {
		const client = clientFor(sandbox);
		const examples = requestExamples();
		expect(examples.length).toBeGreaterThan(100);
		for (const [name, body] of examples) {
			const validated = await client.post('/messages-api/1/messages/validate', body);
			expect([name, validated.status, validated.data]).toEqual([
				name,
				200,
				expect.objectContaining({ skippableViolations: [] }),
			]);
			expectConforms(validated, 'post', '/messages-api/1/messages/validate', 200);
			const sent = await client.post('/messages-api/1/messages', body);
			expect([name, sent.status]).toEqual([name, 200]);
			expectConforms(sent, 'post', '/messages-api/1/messages', 200);
		}
	});

	it('every spec request example for POST /messages-api/1/events is accepted; answers conform', async () => {
		const client = clientFor(sandbox);
		const operation = (spec?.paths as Record<string, Record<string, Json>>)[
			'/messages-api/1/events'
		].post;
		const examples = (
			operation.requestBody as {
				content: Record<string, { examples: Record<string, { value: Json }> }>;
			}
		).content['application/json'].examples;
		expect(Object.keys(examples).length).toBeGreaterThan(0);
		for (const [name, example] of Object.entries(examples)) {
			const answer = await client.post('/messages-api/1/events', example.value);
			expect([name, answer.status]).toEqual([name, 200]);
			expectConforms(answer, 'post', '/messages-api/1/events', 200);
		}
		const bad = await client.post('/messages-api/1/events', {
			events: [{ event: 'SEEN', channel: 'WHATSAPP' }],
		});
		expectConforms(bad, 'post', '/messages-api/1/events', 400);
	});

	it("the sandbox's request schema knows every field of the spec schemas it models", () => {
		const specProperties = (short: string, viaAllOf = false): string[] => {
			const schema = schemas[fullName(short)];
			const own = Object.keys((schema.properties as Json | undefined) ?? {});
			const inherited = viaAllOf
				? ((schema.allOf as Json[] | undefined) ?? []).flatMap((part) =>
						part.$ref ? ['type'] : Object.keys((part.properties as Json | undefined) ?? {}),
					)
				: [];
			return [...new Set([...own, ...inherited])].sort();
		};
		const own = (schema: Json) => Object.keys((schema.properties as Json | undefined) ?? {}).sort();
		for (const [name, schema] of Object.entries(MODELLED_REQUEST_SCHEMAS)) {
			expect([name, own(schema as Json)]).toEqual([name, specProperties(name)]);
		}
		for (const [name, schema] of Object.entries(MODELLED_TYPED_SCHEMAS)) {
			expect([name, own(schema as Json)]).toEqual([name, specProperties(name, true)]);
		}
	});

	it('send answers: 200, 400 (ApiError), 401 (the spec example itself)', async () => {
		const client = clientFor(sandbox);
		expectConforms(
			await client.post('/messages-api/1/messages', seedBody()),
			'post',
			'/messages-api/1/messages',
			200,
		);
		const bad = await client.post('/messages-api/1/messages', { messages: [{ channel: 'SMS' }] });
		expectConforms(bad, 'post', '/messages-api/1/messages', 400);
		const unauthorized = await clientFor(sandbox, null).post(
			'/messages-api/1/messages',
			seedBody(),
		);
		expectConforms(unauthorized, 'post', '/messages-api/1/messages', 401);
		const responses = spec?.components as {
			responses: Record<string, { content: Record<string, { example: Json }> }>;
		};
		expect(unauthorized.data).toEqual(
			responses.responses.ApiError401.content['application/json'].example,
		);
	});

	it('validate answers: 200 with skippable violations and 400', async () => {
		const client = clientFor(sandbox);
		const body = seedBody();
		(body.messages[0] as Json).metadata = { x: 1 };
		expectConforms(
			await client.post('/messages-api/1/messages/validate', body),
			'post',
			'/messages-api/1/messages/validate',
			200,
		);
		expectConforms(
			await client.post('/messages-api/1/messages/validate', { messages: [] }),
			'post',
			'/messages-api/1/messages/validate',
			400,
		);
	});

	it('drilled 429 and 500 answers conform to the ApiError responses', async () => {
		const client = clientFor(sandbox);
		sandbox.drill({ kind: 'status', path: '/messages-api/1/messages/validate', status: 429 });
		expectConforms(
			await client.post('/messages-api/1/messages/validate', seedBody()),
			'post',
			'/messages-api/1/messages/validate',
			429,
		);
		sandbox.drill({ kind: 'status', path: '/messages-api/1/messages', status: 500 });
		expectConforms(
			await client.post('/messages-api/1/messages', seedBody()),
			'post',
			'/messages-api/1/messages',
			500,
		);
	});

	it('GET reports answers (triggered failover reports included)', async () => {
		const client = clientFor(sandbox);
		await client.post(
			'/messages-api/1/messages',
			seedBody({ delivery: { receiveTriggeredFailoverReports: true }, callbackData: 'cb' }),
		);
		await sandbox.advance(5_000);
		const reports = await client.get('/messages-api/1/reports');
		expect((reports.data as { results: unknown[] }).results).toHaveLength(2);
		expectConforms(reports, 'get', '/messages-api/1/reports', 200);
		// The spec declares no 400 for this endpoint; the sandbox's 400 is still an ApiError.
		const tooMany = await client.get('/messages-api/1/reports?limit=2000');
		expect(tooMany.status).toBe(400);
		expectValid(schemaNamed('ApiError'), tooMany.data);
	});

	it('GET inbound answers and the inbound push body (MO and typing events)', async () => {
		const client = clientFor(sandbox);
		await sandbox.messagesApi.injectInbound({
			channel: 'SMS',
			sender: '41793026727',
			destination: 'InfoSMS',
			text: 'hi',
		});
		await sandbox.messagesApi.injectInbound({
			channel: 'WHATSAPP',
			sender: '41793026727',
			destination: WHATSAPP_SENDERS[0],
			content: [{ type: 'IMAGE', url: 'https://example.com/a.jpg', text: 'caption' }],
			platform: { entityId: 'e' },
		});
		for (const channel of ['SMS', 'WHATSAPP']) {
			const answer = await client.get(`/messages-api/1/inbound?channel=${channel}`);
			expect((answer.data as { results: unknown[] }).results).toHaveLength(1);
			expectConforms(answer, 'get', '/messages-api/1/inbound', 200);
		}
		sandbox.messagesApi.setInboundUrl(receiver.url);
		await sandbox.messagesApi.injectInbound({
			channel: 'MESSENGER',
			sender: MESSENGER_USER_PSIDS[0],
			destination: 'page',
			text: 'x',
		});
		await sandbox.messagesApi.injectInbound({
			event: 'TYPING_STARTED',
			channel: 'WHATSAPP',
			sender: '1',
			destination: '2',
		});
		await sandbox.messagesApi.injectInbound({
			event: 'TYPING_STOPPED',
			channel: 'WHATSAPP',
			sender: '1',
			destination: '2',
		});
		expect(receiver.received).toHaveLength(3);
		for (const push of receiver.received)
			expectValid(schemaNamed('MessagesApiIncomingMessage'), JSON.parse(push.body));
	});

	it('delivery report pushes (final, triggered, intermediate) and seen report pushes', async () => {
		const client = clientFor(sandbox);
		await client.post(
			'/messages-api/1/messages',
			seedBody({
				delivery: {
					url: receiver.url,
					intermediateReport: true,
					receiveTriggeredFailoverReports: true,
				},
			}),
		);
		const seen = await startReceiver();
		try {
			await client.post('/messages-api/1/messages', {
				messages: [
					{
						channel: 'WHATSAPP',
						sender: WHATSAPP_SENDERS[0],
						destinations: [{ to: '41793026727' }],
						template: { templateName: 'order_update', language: 'en' },
						content: { body: { type: 'TEXT', 1: 'Ana', 2: 'A-1' } },
						webhooks: {
							seen: { url: seen.url },
							delivery: { url: receiver.url },
							callbackData: 'cb',
						},
						options: { platform: { entityId: 'e' }, campaignReferenceId: 'c' },
					},
				],
			});
			await sandbox.advance(5_000 + SEEN_AFTER_MS);
			expect(receiver.received.length).toBe(5);
			for (const push of receiver.received) {
				expectValid(schemaNamed('MessagesApiDeliveryReportResponse'), JSON.parse(push.body));
			}
			expect(seen.received).toHaveLength(1);
			expectValid(schemaNamed('MessagesApiSeenReport'), JSON.parse(seen.received[0].body));
		} finally {
			await seen.close();
		}
	});
});
