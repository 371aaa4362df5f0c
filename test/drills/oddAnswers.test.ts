/**
 * Answers that do not match what was sent, and message IDs that would mis-pair: through the
 * engine against a scripted server. A destination without its own answer comes out unconfirmed
 * (Simplify on and off), never as accepted; a repeated custom Message ID is refused before
 * anything is sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../support/harness';
import { basicAuth, useScriptedServer } from '../support/infobip';
import { type ReceivedRequest, type Reply } from '../support/server';

const SEND = '/omni/1/advanced';
const PHONES = ['41793026727', '41793026731', '41793026740'];

/** What the server answers to the one send request of a run. */
let answer: (destinations: Array<{ messageId?: string; to: IDataObject }>) => Reply;

const server = useScriptedServer((request: ReceivedRequest) => {
	// The scenario check after the send reads S1: SMS only, so it has nothing to say.
	if (request.method === 'GET') {
		return { status: 200, body: { key: 'S1', flow: [{ from: 'InfoSMS', channel: 'SMS' }] } };
	}
	const body = request.body as { destinations: Array<{ messageId?: string; to: IDataObject }> };
	return answer(body.destinations);
});
const credentials = () => basicAuth(server, { username: 'u', password: 'p' });

const accepted = (d: { messageId?: string; to: IDataObject }, groupName = 'PENDING') => ({
	to: d.to,
	messageId: d.messageId,
	status: { groupId: 1, groupName, id: 7, name: `${groupName}_ENROUTE`, description: 'x' },
});

async function send(
	simplify: boolean,
	options: IDataObject = {},
	phones = PHONES,
	requestSettings: IDataObject = {},
) {
	return await runNode({
		executionId: 'odd-1',
		parameters: {
			resource: 'message',
			operation: 'sendText',
			scenario: { __rl: true, mode: 'key', value: 'S1' },
			phoneNumbers: '={{ $json.phone }}',
			smsText: 'Hello',
			simplify,
			options: options as INodeParameters,
			requestSettings: requestSettings as INodeParameters,
		},
		credentials: credentials(),
		input: phones.map((phone, i) => ({ json: { phone, orderId: `order-${i}` } })),
		onError: 'continueRegularOutput',
	});
}

const UNCONFIRMED_SIMPLE = {
	status: 'UNCONFIRMED',
	statusName: 'MISSING_FROM_RESPONSE',
	statusDescription: expect.stringMatching(/it may have been sent.*Log → Get Many/),
	missingFromResponse: true,
};

const ODD_ANSWERS: Array<[string, Reply, boolean[]]> = [
	['an empty 200', { status: 200, rawBody: '' }, [false, false, false]],
	['a 200 of null', { status: 200, rawBody: 'null' }, [false, false, false]],
	['a 200 of an array', { status: 200, body: [] }, [false, false, false]],
	[
		'messages that is not an array',
		{ status: 200, body: { messages: 'ok' } },
		[false, false, false],
	],
];

describe.each([true, false])('Simplify %s', (simplify) => {
	it.each(ODD_ANSWERS)(
		'%s: every destination unconfirmed, no crash',
		async (_, reply, confirmed) => {
			answer = () => reply;
			const run = await send(simplify);
			expect(run.error).toBeUndefined();
			expect(server.received.filter((r) => r.path === SEND)).toHaveLength(1);
			expect(run.output).toHaveLength(3);
			run.output.forEach((item, i) => {
				expect(item.pairedItem).toEqual({ item: i });
				expect(item.json.missingFromResponse === true).toBe(!confirmed[i]);
				if (simplify) expect(item.json).toMatchObject(UNCONFIRMED_SIMPLE);
				else
					expect(item.json).toMatchObject({
						status: { groupName: 'UNCONFIRMED', name: 'MISSING_FROM_RESPONSE' },
						missingFromResponse: true,
					});
				expect(item.json.to).toEqual(simplify ? PHONES[i] : { phoneNumber: PHONES[i] });
			});
		},
	);

	it('a shorter messages[] and an unknown ID: only the answered destination is accepted', async () => {
		answer = (destinations) => ({
			status: 200,
			body: {
				messages: [accepted(destinations[1]), { ...accepted(destinations[0]), messageId: 'other' }],
			},
		});
		const run = await send(simplify);
		expect(run.output.map((item) => item.json.missingFromResponse === true)).toEqual([
			true,
			false,
			true,
		]);
		const statuses = run.output.map((item) =>
			simplify ? item.json.status : (item.json.status as IDataObject).groupName,
		);
		expect(statuses).toEqual(['UNCONFIRMED', 'PENDING', 'UNCONFIRMED']);
	});

	it("a repeated message ID never gives one item another's status", async () => {
		answer = (destinations) => ({
			status: 200,
			body: {
				messages: [
					accepted(destinations[0]),
					accepted(destinations[0], 'REJECTED'),
					accepted(destinations[1]),
					accepted(destinations[2]),
				],
			},
		});
		const run = await send(simplify);
		const statuses = run.output.map((item) =>
			simplify ? item.json.status : (item.json.status as IDataObject).groupName,
		);
		expect(statuses).toEqual(['UNCONFIRMED', 'PENDING', 'PENDING']);
	});

	it('Infobip-generated IDs and a count that differs: no destination is paired by guess', async () => {
		answer = (destinations) => ({
			status: 200,
			body: { messages: [{ ...accepted(destinations[0]), messageId: 'gen-1' }] },
		});
		const run = await send(simplify, {}, PHONES, { messageIdSource: 'infobip' });
		expect(run.output.map((item) => item.json.missingFromResponse)).toEqual([true, true, true]);
	});
});

describe('custom Message IDs', () => {
	beforeEach(() => {
		answer = (destinations) => ({
			status: 200,
			body: { messages: destinations.map((d) => accepted(d)) },
		});
	});

	it('the same Message ID on two items is refused before anything is sent, naming both items', async () => {
		const run = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: 'S1' },
				phoneNumbers: '={{ $json.phone }}',
				smsText: 'Hello',
				options: { messageId: '={{ $json.orderId }}' },
			},
			credentials: credentials(),
			input: [
				{ json: { phone: PHONES[0], orderId: 'order-7' } },
				{ json: { phone: PHONES[1], orderId: 'order-7' } },
			],
		});
		expect(server.received).toHaveLength(0);
		expect(run.error?.message).toBe(
			'Invalid Message ID: "order-7" is already the message ID of item 0 (item 1)',
		);
		expect(run.error?.description).toMatch(/Give every item its own Message ID/);
	});

	it('with Continue On Fail: the first keeps its ID and is sent, the repeat is an error item', async () => {
		const run = await send(true, {
			messageId: '={{ $json.orderId === "order-2" ? "order-0" : $json.orderId }}',
		});
		const sent = server.received.filter((r) => r.path === SEND);
		expect(sent).toHaveLength(1);
		expect((sent[0].body as IDataObject).destinations).toEqual([
			{ messageId: 'order-0', to: { phoneNumber: PHONES[0] } },
			{ messageId: 'order-1', to: { phoneNumber: PHONES[1] } },
		]);
		expect(
			run.output.map((item) => [item.json.messageId ?? item.json.error, item.pairedItem]),
		).toEqual([
			['order-0', { item: 0 }],
			['order-1', { item: 1 }],
			['Invalid Message ID: "order-0" is already the message ID of item 0 (item 2)', { item: 2 }],
		]);
	});

	it('a Message ID that resolves to an object is refused', async () => {
		const run = await send(true, { messageId: '={{ $json }}' }, PHONES.slice(0, 1));
		expect(server.received).toHaveLength(0);
		expect(run.output[0].json.error).toMatch(
			/^Invalid Message ID: got an object \(\{"phone":"41793026727",.*\), not text \(item 0\)$/,
		);
	});
});
