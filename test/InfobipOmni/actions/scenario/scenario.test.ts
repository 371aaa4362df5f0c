import { buildScenarioBody } from '../../../../nodes/InfobipOmni/builders/scenario';
import { ParameterError } from '../../../../nodes/InfobipOmni/builders/parameterError';
import { searchScenarios } from '../../../../nodes/InfobipOmni/methods/listSearch';
import { loadOptionsContext, runNode } from '../../../support/harness';
import { basicAuth, useScriptedServer } from '../../../support/infobip';
import { type ReceivedRequest } from '../../../support/server';
import { SEED_CREATE_SCENARIO } from '../../../fixtures/seed';

const SEED_SCENARIO_ID = '12CD1116DC7B451B2B7286412482CCC1';

const scenarioNumber = (n: number) => ({
	key: n.toString(16).toUpperCase().padStart(32, '0'),
	name: `Scenario ${n}`,
	flow: [{ from: 'InfoSMS', channel: 'SMS' }],
	default: n === 0,
});

/** A tiny scenario store: enough to exercise paging, get, create and update. */
const ALL_SCENARIOS = Array.from({ length: 250 }, (_, n) => scenarioNumber(n));
function scenarioApi(request: ReceivedRequest) {
	if (request.method === 'GET' && request.path === '/omni/1/scenarios') {
		const page = Number(request.query.page ?? 0);
		const limit = Number(request.query.limit ?? 100);
		const pool =
			request.query.isDefault === 'true' ? ALL_SCENARIOS.filter((s) => s.default) : ALL_SCENARIOS;
		return { status: 200, body: { scenarios: pool.slice(page * limit, page * limit + limit) } };
	}
	if (request.method === 'GET' && request.path === `/omni/1/scenarios/${SEED_SCENARIO_ID}`) {
		return { status: 200, body: { key: SEED_SCENARIO_ID, ...SEED_CREATE_SCENARIO } };
	}
	if (request.method === 'GET') {
		return {
			status: 404,
			body: {
				requestError: { serviceException: { messageId: 'NOT_FOUND', text: 'Scenario not found' } },
			},
		};
	}
	return { status: 200, body: { key: SEED_SCENARIO_ID, ...(request.body as object) } };
}

const server = useScriptedServer(scenarioApi);
const credentials = () => basicAuth(server);

const seedSteps = {
	step: [
		{ channel: 'FACEBOOK', from: 'FacebookApplicationKey' },
		{ channel: 'SMS', from: 'InfoSMS' },
	],
};

describe('Scenario → Create', () => {
	it("sends exactly the seed's request body and returns the scenario with its key", async () => {
		const { output, error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				name: 'My first Facebook-SMS scenario',
				steps: seedSteps,
				isDefault: true,
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(server.received).toHaveLength(1);
		const [request] = server.received;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/omni/1/scenarios');
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers.authorization).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
		expect(request.rawBody).toBe(JSON.stringify(SEED_CREATE_SCENARIO));
		expect(output).toEqual([
			{ json: { key: SEED_SCENARIO_ID, ...SEED_CREATE_SCENARIO }, pairedItem: { item: 0 } },
		]);
	});

	it('maps item fields per item through expressions', async () => {
		const { output, error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				name: '={{ $json.team }} alerts',
				steps: { step: [{ channel: '={{ $json.channel }}', from: '={{ $json.sender }}' }] },
				isDefault: false,
			},
			credentials: credentials(),
			input: [
				{ json: { team: 'Sales', channel: 'SMS', sender: 'SalesDesk' } },
				{ json: { team: 'Support', channel: 'viber', sender: 'HelpViber' } },
			],
		});
		expect(error).toBeUndefined();
		expect(server.received.map((r) => r.body)).toEqual([
			{ name: 'Sales alerts', flow: [{ from: 'SalesDesk', channel: 'SMS' }], default: false },
			{ name: 'Support alerts', flow: [{ from: 'HelpViber', channel: 'VIBER' }], default: false },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses a bad step before anything is sent, naming the field, the item and the fix', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				name: 'x',
				steps: {
					step: [
						{ channel: 'SMS', from: 'InfoSMS' },
						{ channel: 'SMS', from: '={{ $json.sender }}' },
					],
				},
			},
			credentials: credentials(),
			input: [{ json: { sender: 'ok' } }, { json: { sender: '' } }],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'Invalid Steps → Sender (step 2): the SMS step has no sender (item 1)',
		);
		expect(error?.description).toMatch(/^Set the sender: an alphanumeric sender/);
		expect(error?.context.itemIndex).toBe(1);
		// Item 0 was valid and went out; item 1 never reached the server.
		expect(server.received).toHaveLength(1);
	});

	it('with Continue On Fail, a bad item becomes an error item paired to it and the rest go on', async () => {
		const { output, error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				steps: { step: [{ channel: '={{ $json.channel }}', from: 'InfoSMS' }] },
			},
			credentials: credentials(),
			onError: 'continueRegularOutput',
			input: [
				{ json: { channel: 'SMS' } },
				{ json: { channel: 'TELEGRAM' } },
				{ json: { channel: 'EMAIL' } },
			],
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(output[0]).toMatchObject({ json: { key: SEED_SCENARIO_ID }, pairedItem: { item: 0 } });
		expect({ json: output[1].json, pairedItem: output[1].pairedItem }).toEqual({
			json: {
				error: 'Invalid Steps → Channel (step 1): "TELEGRAM" is not an OMNI channel (item 1)',
				details: { description: expect.stringMatching(/^Use one of: FACEBOOK, SMS, EMAIL/) },
			},
			pairedItem: { item: 1 },
		});
		expect(output[2]).toMatchObject({
			json: { flow: [{ channel: 'EMAIL' }] },
			pairedItem: { item: 2 },
		});
		expect(server.received).toHaveLength(2);
	});

	it('with the error output, API failures go to it, paired, with message, description and HTTP code', async () => {
		server.reply({
			status: 400,
			body: {
				requestError: {
					serviceException: {
						messageId: 'BAD_REQUEST',
						text: 'Bad request',
						validationErrors: { 'flow[0].from': ['invalid sender'] },
					},
				},
			},
		});
		const { output, errorOutput, error } = await runNode({
			parameters: { resource: 'scenario', operation: 'create', steps: seedSteps },
			credentials: credentials(),
			onError: 'continueErrorOutput',
			input: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(errorOutput.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{
				json: {
					error: 'Infobip refused the request (400 BAD_REQUEST: Bad request)',
					details: {
						description: 'Fix these fields: flow[0].from: invalid sender.',
						httpCode: '400',
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 1 });
	});
});

describe('Scenario → Get', () => {
	it('gets a scenario by key', async () => {
		const { output, error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'get',
				scenario: { __rl: true, mode: 'key', value: SEED_SCENARIO_ID },
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(server.received[0]).toMatchObject({
			method: 'GET',
			path: `/omni/1/scenarios/${SEED_SCENARIO_ID}`,
		});
		expect(output).toEqual([
			{ json: { key: SEED_SCENARIO_ID, ...SEED_CREATE_SCENARIO }, pairedItem: { item: 0 } },
		]);
	});

	it('an unknown key is a 404 that says to pick from the list', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'get',
				scenario: { __rl: true, mode: 'key', value: 'FFFF' },
			},
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'Infobip found nothing at GET /omni/1/scenarios/FFFF (404 NOT_FOUND: Scenario not found)',
		);
		expect(error?.description).toMatch(/No scenario has this key/);
	});

	it('an empty key is refused before sending', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'get',
				scenario: { __rl: true, mode: 'key', value: '={{ $json.key }}' },
			},
			credentials: credentials(),
			input: [{ json: { key: ' ' } }],
		});
		expect(error?.message).toBe('Invalid Scenario: no scenario is chosen (item 0)');
		expect(server.received).toHaveLength(0);
	});
});

describe('Scenario → Get Many', () => {
	it('Return All pages through with limit 100 until a short page', async () => {
		const { output, error } = await runNode({
			parameters: { resource: 'scenario', operation: 'getAll', returnAll: true },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/scenarios?page=0&limit=100',
			'/omni/1/scenarios?page=1&limit=100',
			'/omni/1/scenarios?page=2&limit=100',
		]);
		expect(output).toHaveLength(250);
		expect(output[249].json.key).toBe(ALL_SCENARIOS[249].key);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Limit stops early and asks for no more than it needs', async () => {
		const { output } = await runNode({
			parameters: { resource: 'scenario', operation: 'getAll', returnAll: false, limit: 120 },
			credentials: credentials(),
		});
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/scenarios?page=0&limit=100',
			'/omni/1/scenarios?page=1&limit=100',
		]);
		expect(output).toHaveLength(120);
	});

	it('Default Scenario Only filters with isDefault=true', async () => {
		const { output } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'getAll',
				limit: 5,
				filters: { isDefault: true },
			},
			credentials: credentials(),
		});
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/scenarios?page=0&limit=5&isDefault=true',
		]);
		expect(output.map((item) => item.json.key)).toEqual([ALL_SCENARIOS[0].key]);
	});
});

describe('Scenario → Update', () => {
	it('changes only the fields set: reads the scenario, then PUTs the full replacement', async () => {
		const { output, error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'update',
				scenario: { __rl: true, mode: 'list', value: SEED_SCENARIO_ID },
				updateFields: { name: 'Renamed' },
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /omni/1/scenarios/${SEED_SCENARIO_ID}`,
			`PUT /omni/1/scenarios/${SEED_SCENARIO_ID}`,
		]);
		expect(server.received[1].body).toEqual({ ...SEED_CREATE_SCENARIO, name: 'Renamed' });
		expect(output[0].json).toMatchObject({ key: SEED_SCENARIO_ID, name: 'Renamed' });
	});

	it('replaces the steps and the default flag when they are set', async () => {
		await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'update',
				scenario: { __rl: true, mode: 'key', value: SEED_SCENARIO_ID },
				updateFields: {
					steps: { step: [{ channel: 'SMS', from: 'NewSender' }] },
					isDefault: false,
				},
			},
			credentials: credentials(),
		});
		expect(server.received[1].body).toEqual({
			name: SEED_CREATE_SCENARIO.name,
			flow: [{ from: 'NewSender', channel: 'SMS' }],
			default: false,
		});
	});

	it('refuses emptied steps before reading or writing anything', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'update',
				scenario: { __rl: true, mode: 'key', value: SEED_SCENARIO_ID },
				updateFields: { steps: {} },
			},
			credentials: credentials(),
		});
		expect(error?.message).toBe('Invalid Steps: the scenario has no steps (item 0)');
		expect(server.received).toHaveLength(0);
	});
});

describe('scenario list search (From List)', () => {
	const context = () =>
		loadOptionsContext({
			parameters: { authentication: 'basicAuth', resource: 'scenario', operation: 'get' },
			credentials: credentials(),
		});

	it('lists name, default flag and channel order, page by page', async () => {
		const first = await searchScenarios.call(context());
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({
			name: 'Scenario 0 (default): SMS',
			value: ALL_SCENARIOS[0].key,
		});
		expect(JSON.parse(first.paginationToken as string)).toEqual({
			page: 1,
			first: ALL_SCENARIOS[0].key,
			last: ALL_SCENARIOS[49].key,
		});
		const last = await searchScenarios.call(context(), undefined, '4');
		expect(last.results).toHaveLength(50);
		expect(JSON.parse(last.paginationToken as string)).toEqual({
			page: 5,
			first: ALL_SCENARIOS[200].key,
			last: ALL_SCENARIOS[249].key,
		});
		const empty = await searchScenarios.call(context(), undefined, '5');
		expect(empty).toEqual({ results: [], paginationToken: undefined });
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/scenarios?page=0&limit=50',
			'/omni/1/scenarios?page=4&limit=50',
			'/omni/1/scenarios?page=5&limit=50',
		]);
	});

	it('filters by name or key', async () => {
		const found = await searchScenarios.call(context(), 'scenario 12');
		expect(found.results.map((r) => r.name)).toEqual(['Scenario 12: SMS']);
	});
});

describe('buildScenarioBody (pure)', () => {
	it.each([
		[
			'the seed',
			{ name: 'My first Facebook-SMS scenario', steps: seedSteps.step, isDefault: true },
			SEED_CREATE_SCENARIO,
		],
		[
			'no name, not default',
			{ steps: [{ channel: 'SMS', from: 'A' }] },
			{ flow: [{ from: 'A', channel: 'SMS' }], default: false },
		],
		[
			'trims and upper-cases',
			{ name: '  N ', steps: [{ channel: ' email ', from: ' a@b.c ' }] },
			{ name: 'N', flow: [{ from: 'a@b.c', channel: 'EMAIL' }], default: false },
		],
		[
			'legacy PARSECO',
			{ steps: [{ channel: 'PARSECO', from: 'key' }] },
			{ flow: [{ from: 'key', channel: 'PARSECO' }], default: false },
		],
	])('%s', (_name, parameters, expected) => {
		expect(buildScenarioBody(parameters)).toEqual(expected);
	});

	it.each([
		['no steps', { steps: [] }, 'Steps', 'the scenario has no steps'],
		['steps missing', {}, 'Steps', 'the scenario has no steps'],
		[
			'unknown channel',
			{ steps: [{ channel: 'FAX', from: 'x' }] },
			'Steps → Channel (step 1)',
			'"FAX" is not an OMNI channel',
		],
		[
			'empty sender',
			{
				steps: [
					{ channel: 'SMS', from: 'a' },
					{ channel: 'FACEBOOK', from: ' ' },
				],
			},
			'Steps → Sender (step 2)',
			'the Facebook Messenger (Legacy) step has no sender',
		],
	])('refuses %s', (_name, parameters, field, problem) => {
		let thrown: unknown;
		try {
			buildScenarioBody(parameters);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ParameterError);
		expect(thrown).toMatchObject({ field, problem });
	});
});
