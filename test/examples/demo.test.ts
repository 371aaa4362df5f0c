import { startSandbox, type Sandbox } from '../../sandbox';
import {
	chooseTarget,
	loadDemoWorkflow,
	MESSAGES_DEMO_WORKFLOW,
	messagesApiLive,
	runDemo,
} from '../../scripts/demo';
import { runWorkflow } from '../../scripts/workflow-runner';
import { SEED_MESSENGER_TEXT, SEED_SMS_TEXT } from '../fixtures/messagesSeed';
import { SEED_CREATE_SCENARIO, SEED_FACEBOOK_USER } from '../fixtures/seed';

const BASIC = 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

describe('npm run demo: examples/facebook-sms-failover.json through WorkflowExecute', () => {
	let sandbox: Sandbox;
	const lines: string[] = [];
	let result: Awaited<ReturnType<typeof runDemo>>;
	let clockMoved = 0;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true } });
		const target = chooseTarget(
			{ INFOBIP_BASE_URL: sandbox.baseUrl },
			{ live: false, confirmed: false, to: [] },
		);
		if (!target || typeof target === 'string') throw new TypeError(String(target));
		const before = sandbox.clock.now();
		result = await runDemo(
			loadDemoWorkflow(),
			target,
			async (ms) => await sandbox.advance(ms),
			(line) => lines.push(line),
		);
		clockMoved = sandbox.clock.now() - before;
	});

	afterAll(async () => await sandbox.close());

	it('runs every node of the workflow in order', () => {
		expect(lines.map((line) => line.replace(/:.*/, ''))).toEqual([
			'1. Start',
			'2. Create Scenario',
			'3. Recipients',
			'4. One Item per Recipient',
			'5. Send Text',
			'6. Send Rich Media',
			'7. Wait for Reports',
			'8. Get Delivery Reports',
		]);
	});

	it('gets the reports: Facebook delivers where it can, SMS takes over elsewhere', () => {
		expect(result.rows).toEqual([
			['Facebook user by key', SEED_FACEBOOK_USER, 'FACEBOOK', 'DELIVERED', '0.0104 EUR'],
			['Facebook user by phone', '41793026800', 'FACEBOOK', 'DELIVERED', '0.0104 EUR'],
			['Facebook user, image', '41793026801', 'FACEBOOK', 'DELIVERED', '0.0104 EUR'],
			['SMS only', '41793026727', 'FACEBOOK', 'UNDELIVERABLE', '0.0104 EUR'],
			['SMS only', '41793026727', 'SMS', 'DELIVERED', '0.0100 EUR'],
			['Unreachable', '41793000050', 'FACEBOOK', 'UNDELIVERABLE', '0.0104 EUR'],
			['Unreachable', '41793000050', 'SMS', 'UNDELIVERABLE', '0.0100 EUR'],
		]);
		expect(result).toMatchObject({ messages: 5, delivered: 4 });
	});

	it("sends the seed's scenario, one batched text request, one rich-media request, one report fetch", () => {
		const requests = sandbox.requests();
		const [key] = sandbox.scenarios().map((scenario) => scenario.key);
		// Each send reads its scenario once afterwards, to check every step got content.
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /omni/1/scenarios',
			'POST /omni/1/advanced',
			`GET /omni/1/scenarios/${key}`,
			'POST /omni/1/advanced',
			`GET /omni/1/scenarios/${key}`,
			'GET /omni/1/reports',
		]);
		expect(requests.every((request) => request.headers.authorization === BASIC)).toBe(true);
		expect(requests[0].body).toEqual(SEED_CREATE_SCENARIO);
		const text = requests[1].body as { scenarioKey: string; destinations: unknown[] };
		expect(text.scenarioKey).toBe(key);
		expect(text.destinations).toHaveLength(4);
		expect(requests[3].body).toMatchObject({
			scenarioKey: key,
			destinations: [{ to: { phoneNumber: '41793026801' } }],
			facebook: { type: 'IMAGE', url: 'https://example.com/images/parcel.jpg' },
		});
	});

	it('lets the Wait node pass on the sandbox clock (10 s), not in real time', () => {
		expect(clockMoved).toBe(10_000);
	});
});

describe('npm run demo: examples/messenger-sms-failover.json (the Messages API) through WorkflowExecute', () => {
	let sandbox: Sandbox;
	const lines: string[] = [];
	let result: Awaited<ReturnType<typeof runDemo>>;
	let clockMoved = 0;
	/** The example's recipients, as its Recipients node lists them. */
	const recipients = (
		JSON.parse(
			String(
				loadDemoWorkflow(MESSAGES_DEMO_WORKFLOW).nodes.find((node) => node.name === 'Recipients')
					?.parameters.jsonOutput,
			),
		) as { recipients: Array<{ who: string; psid: string; phone: string }> }
	).recipients;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true } });
		const target = chooseTarget(
			{ INFOBIP_BASE_URL: sandbox.baseUrl },
			{ live: false, confirmed: false, to: [] },
		);
		if (!target || typeof target === 'string') throw new TypeError(String(target));
		const before = sandbox.clock.now();
		result = await runDemo(
			loadDemoWorkflow(MESSAGES_DEMO_WORKFLOW),
			target,
			async (ms) => await sandbox.advance(ms),
			(line) => lines.push(line),
		);
		clockMoved = sandbox.clock.now() - before;
	});

	afterAll(async () => await sandbox.close());

	it('runs every node of the workflow in order, no scenario to create', () => {
		expect(lines).toEqual([
			'1. Start: 1 item',
			'2. Recipients: 1 item',
			'3. One Item per Recipient: 3 items',
			'4. Send Text: 3 messages PENDING',
			'5. Wait for Reports: 3 items',
			'6. Get Delivery Reports: 5 reports (one per channel tried)',
		]);
	});

	it('has the recipients the brief names: a Messenger user, one reachable by SMS only, one unreachable', () => {
		expect(recipients.map((recipient) => recipient.who)).toEqual([
			'Messenger user',
			'SMS only',
			'Unreachable',
		]);
		expect(recipients[0].psid).toBe(SEED_FACEBOOK_USER);
	});

	it('gets the reports: Messenger delivers to the PSID it knows, SMS takes over for the others', () => {
		const [user, smsOnly, unreachable] = recipients;
		expect(result.rows).toEqual([
			['Messenger user', user.psid, 'MESSENGER', 'DELIVERED', ''],
			['SMS only', smsOnly.psid, 'MESSENGER', 'UNDELIVERABLE', ''],
			['SMS only', smsOnly.phone, 'SMS', 'DELIVERED', ''],
			['Unreachable', unreachable.psid, 'MESSENGER', 'UNDELIVERABLE', ''],
			['Unreachable', unreachable.phone, 'SMS', 'UNDELIVERABLE', ''],
		]);
		expect(result).toMatchObject({ messages: 3, delivered: 2 });
	});

	it("sends one request with one message per recipient, each the seed's Messenger → SMS message, then one report fetch", () => {
		const requests = sandbox.requests();
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /messages-api/1/messages',
			'GET /messages-api/1/reports',
		]);
		expect(requests.every((request) => request.headers.authorization === BASIC)).toBe(true);
		const body = requests[0].body as {
			messages: Array<{ destinations: Array<{ messageId: string }> }>;
		};
		expect(body).toEqual({
			messages: recipients.map((recipient, index) => ({
				channel: 'MESSENGER',
				sender: 'FacebookApplicationKey',
				destinations: [
					{
						byChannel: [
							{ channel: 'MESSENGER', to: recipient.psid },
							{ channel: 'SMS', to: recipient.phone },
						],
						messageId: body.messages[index].destinations[0].messageId,
					},
				],
				content: { body: { type: 'TEXT', text: SEED_MESSENGER_TEXT } },
				webhooks: { delivery: { receiveTriggeredFailoverReports: true } },
				failover: [
					{
						channel: 'SMS',
						sender: 'InfoSMS',
						content: { body: { type: 'TEXT', text: SEED_SMS_TEXT } },
					},
				],
			})),
			options: { messageOrdering: { stopOnFailure: false } },
		});
		const ids = body.messages.map((message) => message.destinations[0].messageId);
		expect(new Set(ids).size).toBe(3);
	});

	it('lets the Wait node pass on the sandbox clock (10 s), not in real time', () => {
		expect(clockMoved).toBe(10_000);
	});
});

describe('npm run demo: where it may run', () => {
	const none = { live: false, confirmed: false, to: [] };
	const live = { live: true, confirmed: true, to: ['41790000000'], facebookAppKey: 'fb-app' };
	const remote = 'https://xyz.api.infobip.com';

	it('starts its own sandbox when INFOBIP_BASE_URL is not set', () => {
		expect(chooseTarget({}, none)).toBeUndefined();
	});

	it('uses a local sandbox from the environment with its default account', () => {
		expect(chooseTarget({ INFOBIP_BASE_URL: 'http://127.0.0.1:8080' }, none)).toMatchObject({
			kind: 'sandbox',
			credentialType: 'infobipOmniBasicAuthApi',
			describe: 'Basic auth as Aladdin',
		});
	});

	it('refuses a real account without --live --yes-send-real-messages', () => {
		const env = { INFOBIP_BASE_URL: remote, INFOBIP_API_KEY: 'k' };
		expect(chooseTarget(env, none)).toMatch(/not a local sandbox.*--live --yes-send-real-messages/);
		expect(chooseTarget(env, { ...live, confirmed: false })).toMatch(/not a local sandbox/);
		expect(chooseTarget(env, { ...live, to: [] })).toMatch(/needs --to/);
		expect(chooseTarget(env, { ...live, facebookAppKey: undefined })).toMatch(/facebook-app-key/);
		expect(chooseTarget({}, live)).toMatch(/needs INFOBIP_BASE_URL/);
	});

	it('runs the Messages API flow live only with --messenger-page-id and --psid, each PSID with a phone', () => {
		const to = ['41790000000', '41790000001'];
		expect(messagesApiLive({ to, psids: [] })).toBe(false);
		expect(messagesApiLive({ to, psids: ['psid-1'], messengerPageId: 'page' })).toBe(true);
		expect(messagesApiLive({ to, psids: ['psid-1'] })).toMatch(/--psid needs --messenger-page-id/);
		expect(messagesApiLive({ to, psids: [], messengerPageId: 'page' })).toMatch(
			/--messenger-page-id needs --psid/,
		);
		expect(messagesApiLive({ to, psids: ['a', 'b', 'c'], messengerPageId: 'page' })).toMatch(
			/3 Messenger users but --to only 2 phone numbers/,
		);
	});

	it('runs live with the API key or the username and password, and never describes a secret', () => {
		const byKey = chooseTarget({ INFOBIP_BASE_URL: remote, INFOBIP_API_KEY: 'not-printed' }, live);
		expect(byKey).toMatchObject({ kind: 'live', credentialType: 'infobipOmniApiKeyApi' });
		const byPassword = chooseTarget(
			{ INFOBIP_BASE_URL: remote, INFOBIP_USERNAME: 'me', INFOBIP_PASSWORD: 'not-printed' },
			live,
		);
		expect(byPassword).toMatchObject({ kind: 'live', credentialType: 'infobipOmniBasicAuthApi' });
		for (const target of [byKey, byPassword]) {
			expect(JSON.stringify((target as { describe: string }).describe)).not.toContain(
				'not-printed',
			);
		}
		expect(chooseTarget({ INFOBIP_BASE_URL: remote }, live)).toMatch(/set INFOBIP_API_KEY/);
	});
});

describe('the in-process workflow runner', () => {
	it('refuses a workflow with a node it has no stand-in for', async () => {
		const workflow = loadDemoWorkflow();
		workflow.nodes[2] = { ...workflow.nodes[2], type: 'n8n-nodes-base.code', typeVersion: 2 };
		await expect(runWorkflow({ workflow, credentials: {} })).rejects.toThrow(
			'Recipients: n8n-nodes-base.code has no stand-in',
		);
	});

	// Derived message IDs carry the whole node ID: two send nodes in one execution never collide.
	it('gives two send nodes whose IDs share their first 8 characters distinct message IDs', async () => {
		const sandbox = await startSandbox({ clock: { manual: true } });
		try {
			const workflow = loadDemoWorkflow();
			const text = workflow.nodes.find((node) => node.name === 'Send Text') as { id: string };
			const media = workflow.nodes.find((node) => node.name === 'Send Rich Media') as {
				id: string;
			};
			media.id = text.id.slice(0, 8) + media.id.slice(8);
			const result = await runWorkflow({
				workflow,
				credentials: {
					infobipOmniBasicAuthApi: {
						username: 'Aladdin',
						password: 'open sesame',
						baseUrl: sandbox.baseUrl,
					},
				},
				wait: async (ms) => await sandbox.advance(ms),
			});
			const sentIds = result.output('Send Text').map((item) => item.json.messageId);
			const [image] = result.output('Send Rich Media');
			expect(sentIds).not.toContain(image.json.messageId);
			expect(image.json.status).toBe('ACCEPTED');
		} finally {
			await sandbox.close();
		}
	});
});
