/**
 * Contract tests: every kind of sandbox response validated against Infobip's OpenAPI spec
 * (../shared/infobip-openapi/omni-failover.json, OpenAPI 3.1 → ajv's draft 2020 build).
 *
 * Relaxations applied to an in-memory copy of the spec, each for a documented spec quirk:
 * 1. `Scenario.key` is declared integer/int64, but every example and the `{scenarioKey}` path
 *    parameter are 32-character hex strings: checked as a string.
 * 2. `OmniChannel` gains the legacy FACEBOOK and PARSECO: the FACEBOOK step of Infobip's
 *    Facebook → SMS example reports `"channel": "FACEBOOK"`.
 * 3. Scenario creation is checked against the spec's 201 schema although the sandbox answers 200
 *    like Infobip's Facebook → SMS example (https://dev.infobip.com/omni-channel/facebook-example).
 * Date-times: ajv-formats' `date-time` accepts Infobip's `+0000` offset as is; no relaxation.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AxiosResponse } from 'axios';

import { CHANNELS, NUMBER_RULES, type Sandbox, startSandbox } from '../../sandbox';
import { scenarioRequestSchema, sendRequestSchema } from '../../sandbox/schemas';
import { SEED_CREATE_SCENARIO, SEED_SEND_TEXT } from '../fixtures/seed';
import { clientFor, loadSpec, SPEC_PATH, startReceiver } from './support';

type Json = Record<string, unknown>;

const spec = loadSpec();
const describeWithSpec = spec ? describe : describe.skip;
const title = spec
	? 'sandbox: contract with the OpenAPI spec'
	: `contract tests skipped: ../shared/infobip-openapi not found (${SPEC_PATH})`;

function relaxedSpec(original: Json): Json {
	const copy = structuredClone(original) as { components: { schemas: Record<string, Json> } };
	for (const [name, schema] of Object.entries(copy.components.schemas)) {
		if (name.endsWith('.Scenario')) {
			(schema.properties as Json).key = {
				type: 'string',
				pattern: '^[0-9A-F]{32}$',
				readOnly: true,
			};
		}
		if (name.endsWith('.OmniChannel'))
			schema.enum = [...(schema.enum as string[]), 'FACEBOOK', 'PARSECO'];
	}
	return copy as unknown as Json;
}

const pointerSegment = (segment: string) =>
	encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

describeWithSpec(title, () => {
	let sandbox: Sandbox;
	const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
	addFormats(ajv);
	if (spec) ajv.addSchema(relaxedSpec(spec), 'spec');

	/** The JSON schema of a response, following `$ref`s to components/responses. */
	function responseSchema(method: string, path: string, status: number) {
		const operation = (spec?.paths as Record<string, Record<string, Json>>)[path][method];
		const response = (operation.responses as Record<string, Json>)[String(status)];
		expect(response).toBeDefined();
		const base =
			typeof response.$ref === 'string'
				? response.$ref
				: `#/paths/${pointerSegment(path)}/${method}/responses/${status}`;
		const validate = ajv.getSchema(`spec${base}/content/application~1json/schema`);
		if (!validate) throw new Error(`no schema for ${method} ${path} ${status}`);
		return validate;
	}

	function expectConforms(
		response: AxiosResponse,
		method: string,
		path: string,
		status = response.status,
	) {
		const validate = responseSchema(method, path, status);
		const valid = validate(response.data);
		expect(validate.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true }, throttling: true });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	const createScenario = async () => {
		const created = await clientFor(sandbox).post('/omni/1/scenarios', SEED_CREATE_SCENARIO);
		return created;
	};

	it("the sandbox's hand-written request schemas know every field the spec declares", () => {
		const schemas = (spec?.components as { schemas: Record<string, Json> }).schemas;
		const specProperties = (suffix: string) => {
			const entry = Object.entries(schemas).find(([name]) => name.endsWith(`.${suffix}`));
			return Object.keys((entry?.[1].properties as Json | undefined) ?? {}).sort();
		};
		const ownProperties = (schema: Json) => Object.keys(schema.properties as Json).sort();
		const own = sendRequestSchema.properties as Record<string, Json>;
		const legacy = ['facebook', 'parseco'];
		expect(ownProperties(sendRequestSchema).filter((name) => !legacy.includes(name))).toEqual(
			specProperties('OmniAdvancedRequest'),
		);
		const destination = (own.destinations.items as Json).properties as Record<string, Json>;
		expect(Object.keys(destination).sort()).toEqual(specProperties('Destination'));
		expect(
			ownProperties(destination.to).filter(
				(name) => !['facebookUserKey', 'lineUserKey'].includes(name),
			),
		).toEqual(specProperties('To'));
		const dataSchemas: Record<string, string> = {
			sms: 'SmsData',
			whatsApp: 'WhatsAppData',
			viber: 'ViberData',
			voice: 'VoiceData',
			email: 'EmailData',
			push: 'PushData',
			line: 'LineData',
			kakaoChingu: 'KakaoChinguData',
			kakaoAlim: 'KakaoAlimData',
			vKontakte: 'VKontakteData',
		};
		for (const [requestKey, schemaName] of Object.entries(dataSchemas)) {
			expect([requestKey, ownProperties(own[requestKey])]).toEqual([
				requestKey,
				specProperties(schemaName),
			]);
		}
		// Every channel's request key in the sandbox's channel table is a field of the send request.
		for (const info of Object.values(CHANNELS)) expect(own[info.requestKey]).toBeDefined();
		const scenarioFields = ownProperties(scenarioRequestSchema).filter((name) => name !== 'key');
		expect(scenarioFields).toEqual(specProperties('CreateOrUpdateScenarioRequest'));
	});

	it('scenario create (200, checked against the 201 schema), get, update and list', async () => {
		const client = clientFor(sandbox);
		const created = await createScenario();
		expectConforms(created, 'post', '/omni/1/scenarios', 201);
		const key = (created.data as { key: string }).key;
		expectConforms(
			await client.get(`/omni/1/scenarios/${key}`),
			'get',
			'/omni/1/scenarios/{scenarioKey}',
		);
		const updated = await client.put(`/omni/1/scenarios/${key}`, {
			name: 'SMS then e-mail',
			flow: [
				{ from: 'InfoSMS', channel: 'SMS' },
				{ from: 'info@example.com', channel: 'EMAIL' },
			],
		});
		expectConforms(updated, 'put', '/omni/1/scenarios/{scenarioKey}');
		expectConforms(await client.get('/omni/1/scenarios'), 'get', '/omni/1/scenarios');
	});

	it('send responses: single destination, bulk, duplicate messageId REJECTED', async () => {
		const client = clientFor(sandbox);
		await createScenario();
		const { scenarioKey: _seedKey, ...body } = SEED_SEND_TEXT;
		expect(_seedKey).toBeDefined();
		expectConforms(await client.post('/omni/1/advanced', body), 'post', '/omni/1/advanced');
		const bulk = await client.post('/omni/1/advanced', {
			...body,
			destinations: [
				{ messageId: 'contract-1', to: { phoneNumber: '41793026727' } },
				{ messageId: 'contract-1', to: { phoneNumber: '41793026728' } },
			],
		});
		expect(
			(bulk.data as { messages: Array<{ status: { name: string } }> }).messages[1].status.name,
		).toBe('REJECTED_DUPLICATE_MESSAGE_ID');
		expectConforms(bulk, 'post', '/omni/1/advanced');
	});

	it('reports, logs and a pushed report (webhook schema)', async () => {
		const client = clientFor(sandbox);
		const receiver = await startReceiver();
		try {
			await createScenario();
			const { scenarioKey: _seedKey, ...body } = SEED_SEND_TEXT;
			expect(_seedKey).toBeDefined();
			await client.post('/omni/1/advanced', {
				...body,
				callbackData: 'contract',
				bulkId: 'contract-bulk',
			});
			await client.post('/omni/1/advanced', { ...body, notifyUrl: receiver.url });
			await client.post('/omni/1/advanced', {
				...body,
				destinations: [{ to: { phoneNumber: NUMBER_RULES.EXPIRED.example } }],
			});
			await sandbox.advance(10_000);

			const logs = await client.get('/omni/1/logs');
			expect((logs.data as { results: unknown[] }).results.length).toBeGreaterThan(0);
			expectConforms(logs, 'get', '/omni/1/logs');
			const reports = await client.get('/omni/1/reports');
			expect((reports.data as { results: unknown[] }).results.length).toBeGreaterThanOrEqual(3);
			expectConforms(reports, 'get', '/omni/1/reports');

			expect(receiver.received.length).toBeGreaterThan(0);
			const validate = ajv.getSchema(
				'spec#/webhooks/receive-omni-failover-message-delivery-reports/post/requestBody/content/application~1json/schema',
			);
			for (const push of receiver.received) {
				expect(validate?.(JSON.parse(push.body))).toBe(true);
			}
		} finally {
			await receiver.close();
		}
	});

	it('error envelopes: 400 (validation), 401, 404, 429 and 500', async () => {
		const client = clientFor(sandbox);
		const invalidSend = await client.post('/omni/1/advanced', {
			destinations: [{ to: { phoneNumber: 'x' } }],
		});
		expect(invalidSend.status).toBe(400);
		expectConforms(invalidSend, 'post', '/omni/1/advanced');

		const invalidScenario = await client.post('/omni/1/scenarios', { flow: [] });
		expect(invalidScenario.status).toBe(400);
		expectConforms(invalidScenario, 'post', '/omni/1/scenarios');

		const tooMany = await client.get('/omni/1/reports', { params: { limit: 1001 } });
		expect(tooMany.status).toBe(400);
		expectConforms(tooMany, 'get', '/omni/1/reports');

		const unauthorized = await clientFor(sandbox, null).get('/omni/1/logs');
		expect(unauthorized.status).toBe(401);
		expectConforms(unauthorized, 'get', '/omni/1/logs');

		const notFound = await client.get('/omni/1/scenarios/0123456789ABCDEF0123456789ABCDEF');
		expect(notFound.status).toBe(404);
		expectConforms(notFound, 'get', '/omni/1/scenarios/{scenarioKey}');

		let throttled: AxiosResponse | undefined;
		for (let attempt = 0; attempt < 25 && !throttled; attempt++) {
			const response = await createScenario();
			if (response.status === 429) throttled = response;
		}
		expect(throttled?.status).toBe(429);
		if (throttled) expectConforms(throttled, 'post', '/omni/1/scenarios');

		sandbox.drill({ kind: 'status', path: '/omni/1/advanced', status: 500 });
		const failed = await client.post('/omni/1/advanced', SEED_SEND_TEXT);
		expect(failed.status).toBe(500);
		expectConforms(failed, 'post', '/omni/1/advanced');
	});
});
