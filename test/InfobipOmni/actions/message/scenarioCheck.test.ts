/**
 * Issue 13, points 9 and 10, through the engine against a scripted server: Infobip's 400 paths
 * told in the node's field names and items, and the hints after a send whose scenario has steps
 * without content (or senders that do not look like their channel's), and at Scenario → Create.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { REFUSED_DESTINATIONS } from '../../../../sandbox/numberRules';
import { runNode } from '../../../support/harness';
import { basicAuth, useSandbox, useScriptedServer } from '../../../support/infobip';
import { type ReceivedRequest, type Reply } from '../../../support/server';

const SCENARIO_ID = 'AD9E01A5DC7BEE2C2B828D208182A611';
const BAD_NUMBER = '41000000000';

/** The scenario the server holds under SCENARIO_ID; set per test. */
let scenario: IDataObject;
/** What GET /omni/1/scenarios/SCENARIO_ID answers, when not the scenario. */
let scenarioReply: Reply | undefined;

const badRequest = (validationErrors: Record<string, string[]>): Reply => ({
	status: 400,
	body: {
		requestError: {
			serviceException: { messageId: 'BAD_REQUEST', text: 'Bad request', validationErrors },
		},
	},
});

/** Sends: a 400 naming the destination that holds BAD_NUMBER, else one accepted message each. */
function infobip(request: ReceivedRequest): Reply {
	if (request.method === 'GET') return scenarioReply ?? { status: 200, body: scenario };
	if (request.path === '/omni/1/scenarios') {
		return { status: 201, body: { key: SCENARIO_ID, ...(request.body as object) } };
	}
	const body = request.body as { destinations: Array<{ messageId?: string; to: IDataObject }> };
	const bad = body.destinations.findIndex((d) => d.to.phoneNumber === BAD_NUMBER);
	if (bad >= 0) return badRequest({ [`destinations[${bad}].to.phoneNumber`]: ['invalid'] });
	return {
		status: 200,
		body: {
			messages: body.destinations.map((d) => ({
				to: d.to,
				messageId: d.messageId,
				status: { groupId: 1, groupName: 'PENDING', id: 7, name: 'PENDING_ENROUTE' },
			})),
		},
	};
}

const server = useScriptedServer(infobip);
const credentials = () => basicAuth(server, { username: 'u', password: 'p' });

beforeEach(() => {
	scenario = { key: SCENARIO_ID, name: 'Text or SMS', flow: [{ from: 'InfoSMS', channel: 'SMS' }] };
	scenarioReply = undefined;
});

const requests = () => server.received.map((r) => `${r.method} ${r.path}`);

async function sendText(parameters: IDataObject, input?: Array<{ json: IDataObject }>) {
	return await runNode({
		parameters: {
			resource: 'message',
			operation: 'sendText',
			scenario: { __rl: true, mode: 'key', value: SCENARIO_ID },
			phoneNumbers: '={{ $json.phone }}',
			smsText: 'Hello',
			...parameters,
		} as INodeParameters,
		credentials: credentials(),
		input: input ?? [{ json: { phone: '41793026727' } }],
		onError: 'continueRegularOutput',
	});
}

const warning = (message: string) => ({ message, type: 'warning', location: 'outputPane' });

describe("Infobip's 400 paths in the node's words (point 9)", () => {
	it('destinations[i] of a batch names the item whose number it is, with Infobip’s own words kept', async () => {
		const run = await sendText({}, [
			{ json: { phone: '41793026727' } },
			{ json: { phone: '41793026731' } },
			{ json: { phone: `41793026740, ${BAD_NUMBER}` } },
		]);
		// One combined request (destinations[3] is item 2's second number), then one per item.
		expect(requests()).toEqual([
			'POST /omni/1/advanced',
			'POST /omni/1/advanced',
			'POST /omni/1/advanced',
			'POST /omni/1/advanced',
			'GET /omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611',
		]);
		expect(server.received[0].body).toMatchObject({
			destinations: [{}, {}, {}, { to: { phoneNumber: BAD_NUMBER } }],
		});
		expect(run.error).toBeUndefined();
		const failed = run.output.filter((item) => item.json.error !== undefined);
		expect(failed).toEqual([
			{
				json: {
					error: 'Infobip refused the request (400 BAD_REQUEST: Bad request)',
					details: expect.objectContaining({
						description: `Fix these fields: Phone Numbers (item 2): Infobip says "invalid" for ${BAD_NUMBER} — give it in international format, e.g. 41793026727. Infobip's own words: destinations[1].to.phoneNumber: invalid.`,
						httpCode: '400',
					}),
				},
				pairedItem: { item: 2 },
			},
		]);
	});

	it('without Continue On Fail the error that stops the node says the same', async () => {
		const run = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: SCENARIO_ID },
				phoneNumbers: BAD_NUMBER,
				smsText: 'Hello',
			},
			credentials: credentials(),
		});
		expect(run.error?.message).toBe('Infobip refused the request (400 BAD_REQUEST: Bad request)');
		expect(run.error?.description).toBe(
			`Fix these fields: Phone Numbers (item 0): Infobip says "invalid" for ${BAD_NUMBER} — give it in international format, e.g. 41793026727. Infobip's own words: destinations[0].to.phoneNumber: invalid.`,
		);
		// The node stopped: no scenario check after a failed send.
		expect(requests()).toEqual(['POST /omni/1/advanced']);
	});

	it('channel content paths become the labels of channels/content.ts; unknown paths stay as they are', async () => {
		server.reply(
			badRequest({
				'facebook.text': ['must not be blank'],
				'sms.validityPeriod': ['must be at most 48 hours'],
				scenarioKey: ['scenario not found'],
				'sms.somethingNew': ['is not known'],
				'destinations[0].to.lineUserKey': ['is not supported'],
			}),
		);
		const run = await sendText({
			facebookText: 'Hi',
			options: {
				validityPeriods: {
					period: [{ channel: 'SMS', validityPeriod: 2, validityPeriodTimeUnit: 'HOURS' }],
				},
			},
		});
		expect(run.output).toEqual([
			{
				json: {
					error: 'Infobip refused the request (400 BAD_REQUEST: Bad request)',
					details: {
						description:
							'Fix these fields: Facebook Messenger (Legacy) → Text (item 0): Infobip says "must not be blank"; ' +
							'SMS → Validity Period (item 0): Infobip says "must be at most 48 hours"; ' +
							'Scenario (item 0): Infobip says "scenario not found" — pick the scenario from the list; ' +
							'sms.somethingNew: is not known; destinations[0].to.lineUserKey: is not supported. ' +
							"Infobip's own words: facebook.text: must not be blank; sms.validityPeriod: must be at most 48 hours; " +
							'scenarioKey: scenario not found; sms.somethingNew: is not known; destinations[0].to.lineUserKey: is not supported.',
						httpCode: '400',
						messages: [{ to: { phoneNumber: '41793026727' }, messageId: expect.any(String) }],
						sent: 'no',
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a 400 with only unknown paths reads exactly as before', async () => {
		server.reply(badRequest({ 'some.path': ['is wrong'] }));
		const run = await sendText({});
		expect(run.output[0].json.details).toMatchObject({
			description: 'Fix these fields: some.path: is wrong.',
		});
	});
});

describe('scenario steps without content, after the send (point 10)', () => {
	it('Send Advanced: a step whose channel has no content is named, once per scenario', async () => {
		scenario = {
			key: SCENARIO_ID,
			name: 'Viber or SMS',
			flow: [
				{ from: 'ViberSender', channel: 'VIBER' },
				{ from: 'InfoSMS', channel: 'SMS' },
			],
		};
		const run = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendAdvanced',
				scenario: { __rl: true, mode: 'key', value: SCENARIO_ID },
				phoneNumbers: '={{ $json.phone }}',
				channelContents: { SMS: { text: 'Hello' } },
			},
			credentials: credentials(),
			input: [{ json: { phone: '41793026727' } }, { json: { phone: '41793026731' } }],
		});
		expect(run.error).toBeUndefined();
		expect(run.output).toHaveLength(2);
		expect(requests()).toEqual([
			'POST /omni/1/advanced',
			'GET /omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611',
		]);
		expect(run.hints).toEqual([
			warning(
				"Scenario 'Viber or SMS' (Viber → SMS): the Viber step gets no content, so it fails and SMS follows. Add Viber under Channel Contents, or pick a scenario without it.",
			),
		]);
	});

	it('Send Text: WhatsApp → Viber → SMS names both empty steps and where else to add them', async () => {
		scenario = {
			key: SCENARIO_ID,
			name: 'Chat apps first',
			flow: [
				{ from: '441134960000', channel: 'WHATSAPP' },
				{ from: 'ViberSender', channel: 'VIBER' },
				{ from: 'InfoSMS', channel: 'SMS' },
			],
		};
		const run = await sendText({});
		expect(run.hints).toEqual([
			warning(
				"Scenario 'Chat apps first' (WhatsApp → Viber → SMS): the WhatsApp step gets no content, so it fails and Viber follows; the Viber step gets no content, so it fails and SMS follows. Add WhatsApp and Viber with Message → Send Advanced (this operation sends Facebook Messenger and SMS only), or pick a scenario without them.",
			),
		]);
	});

	it('a step whose sender does not look like its channel’s is named too', async () => {
		scenario = {
			key: SCENARIO_ID,
			name: 'Misfit',
			flow: [
				{ from: 'FacebookApplicationKey', channel: 'FACEBOOK' },
				{ from: 'Info SMS Sender', channel: 'SMS' },
			],
		};
		const run = await sendText({ facebookText: 'Hi' });
		expect(run.hints).toEqual([
			warning(
				"Scenario 'Misfit' (Facebook Messenger → SMS), step 2: the SMS sender 'Info SMS Sender' does not look like an SMS sender: up to 11 letters and digits (e.g. InfoSMS) or up to 16 digits (e.g. 41793026727). Infobip may refuse that step's messages: correct its Sender with Scenario → Update.",
			),
		]);
	});

	it('every step with content and a fitting sender: no hint', async () => {
		const run = await sendText({});
		expect(requests()).toEqual([
			'POST /omni/1/advanced',
			'GET /omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611',
		]);
		expect(run.hints).toEqual([]);
	});

	it('the default scenario is not read', async () => {
		const run = await sendText({ useDefaultScenario: true });
		expect(run.error).toBeUndefined();
		expect(requests()).toEqual(['POST /omni/1/advanced']);
		expect(run.hints).toEqual([]);
	});

	it('a failing read (503) is not retried, does not fail the send, and says the check was skipped', async () => {
		scenarioReply = { status: 503, body: { requestError: { serviceException: {} } } };
		const run = await sendText({});
		expect(run.error).toBeUndefined();
		expect(run.output.map((item) => item.json.status)).toEqual(['PENDING']);
		expect(requests()).toEqual([
			'POST /omni/1/advanced',
			'GET /omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611',
		]);
		expect(run.hints).toEqual([
			{
				message:
					'The steps of scenario AD9E01A5DC7BEE2C2B828D208182A611 were not checked against the channel contents: reading the scenario failed (Infobip answered 503 to GET /omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611). The send itself is not affected.',
				type: 'info',
				location: 'outputPane',
			},
		]);
	});

	it('a read that never answers gives up after 3 s, the send done', async () => {
		scenarioReply = { hang: true };
		const started = Date.now();
		const run = await sendText({});
		expect(Date.now() - started).toBeLessThan(6_000);
		expect(run.error).toBeUndefined();
		expect(run.output).toHaveLength(1);
		expect(requests()).toEqual([
			'POST /omni/1/advanced',
			'GET /omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611',
		]);
		expect(run.hints).toEqual([
			expect.objectContaining({
				message: expect.stringMatching(
					/^The steps of scenario AD9E01A5DC7BEE2C2B828D208182A611 were not checked .*did not answer GET \/omni\/1\/scenarios\/AD9E01A5DC7BEE2C2B828D208182A611 within 3 s.*The send itself is not affected\.$/,
				),
				type: 'info',
			}),
		]);
	}, 15_000);
});

describe('senders at Scenario → Create and Update (point 10)', () => {
	const create = (steps: Array<{ channel: string; from: string }>) =>
		runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				name: 'Chat',
				steps: { step: steps },
			},
			credentials: credentials(),
		});

	it('a WhatsApp step with an SMS sender gets a hint; the scenario is still created', async () => {
		const run = await create([
			{ channel: 'WHATSAPP', from: 'InfoSMS' },
			{ channel: 'SMS', from: 'InfoSMS' },
		]);
		expect(run.error).toBeUndefined();
		expect(requests()).toEqual(['POST /omni/1/scenarios']);
		expect(run.hints).toEqual([
			warning(
				"Scenario 'Chat' (WhatsApp → SMS), step 1: the WhatsApp sender 'InfoSMS' does not look like the WhatsApp sender number in international format (e.g. 441134960000). Infobip may refuse the scenario or that step's messages: check the step's Sender.",
			),
		]);
	});

	it("the seed's Facebook → SMS scenario and fitting senders get none", async () => {
		const run = await create([
			{ channel: 'FACEBOOK', from: 'FacebookApplicationKey' },
			{ channel: 'WHATSAPP', from: '+44 113 496 0000' },
			{ channel: 'VIBER', from: '3045' },
			{ channel: 'EMAIL', from: 'Travel <info@travelagency.com>' },
			{ channel: 'SMS', from: '41793026727' },
		]);
		expect(run.hints).toEqual([]);
	});

	it('Update hints at new steps only', async () => {
		server.respondWith((request) =>
			request.method === 'GET'
				? {
						status: 200,
						body: { key: SCENARIO_ID, name: 'Old', flow: [{ from: 'x@y', channel: 'SMS' }] },
					}
				: { status: 200, body: { key: SCENARIO_ID, ...(request.body as object) } },
		);
		const update = async (updateFields: IDataObject) =>
			await runNode({
				parameters: {
					resource: 'scenario',
					operation: 'update',
					scenario: { __rl: true, mode: 'key', value: SCENARIO_ID },
					updateFields: updateFields as INodeParameters,
				},
				credentials: credentials(),
			});
		expect((await update({ name: 'New' })).hints).toEqual([]);
		expect(
			(await update({ steps: { step: [{ channel: 'EMAIL', from: 'InfoSMS' }] } })).hints,
		).toEqual([
			warning(
				`Scenario '${SCENARIO_ID}' (Email), step 1: the Email sender 'InfoSMS' does not look like an email address (e.g. info@example.com or Jane <info@example.com>). Infobip may refuse the scenario or that step's messages: check the step's Sender.`,
			),
		]);
	});
});

describe('against the sandbox: a refused number in a batch, and a scenario with steps without content', () => {
	const CHAT_FIRST = 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00';
	const sandbox = useSandbox({
		clock: { manual: true },
		scenarios: [
			{
				key: CHAT_FIRST,
				name: 'Chat apps first',
				flow: [
					{ from: '441134960000', channel: 'WHATSAPP' },
					{ from: 'ViberSender', channel: 'VIBER' },
					{ from: 'InfoSMS', channel: 'SMS' },
				],
			},
		],
	});

	it('the refused number fails its own item with the field and the fix; the hint names the empty steps', async () => {
		const refused = REFUSED_DESTINATIONS.example;
		const run = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: CHAT_FIRST },
				phoneNumbers: '={{ $json.phone }}',
				smsText: 'Hello',
			},
			credentials: basicAuth(sandbox),
			input: [
				{ json: { phone: '41793022701' } },
				{ json: { phone: refused } },
				{ json: { phone: '41793022702' } },
			],
			onError: 'continueRegularOutput',
		});
		expect(sandbox.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /omni/1/advanced 400',
			'POST /omni/1/advanced 200',
			'POST /omni/1/advanced 400',
			'POST /omni/1/advanced 200',
			`GET /omni/1/scenarios/${CHAT_FIRST} 200`,
		]);
		expect(
			run.output.map((item) => [item.json.status ?? item.json.error, item.pairedItem]),
		).toEqual([
			['ACCEPTED', { item: 0 }],
			['Infobip refused the request (400 BAD_REQUEST: Bad request)', { item: 1 }],
			['ACCEPTED', { item: 2 }],
		]);
		expect(run.output[1].json.details).toMatchObject({
			description: `Fix these fields: Phone Numbers (item 1): Infobip says "${REFUSED_DESTINATIONS.message}" for ${refused} — give it in international format, e.g. 41793026727. Infobip's own words: destinations[0].to.phoneNumber: ${REFUSED_DESTINATIONS.message}.`,
		});
		expect(run.hints).toEqual([
			warning(
				"Scenario 'Chat apps first' (WhatsApp → Viber → SMS): the WhatsApp step gets no content, so it fails and Viber follows; the Viber step gets no content, so it fails and SMS follows. Add WhatsApp and Viber with Message → Send Advanced (this operation sends Facebook Messenger and SMS only), or pick a scenario without them.",
			),
		]);
	});
});
