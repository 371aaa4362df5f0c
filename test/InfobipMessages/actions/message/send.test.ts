/**
 * Message → Send of the Messages API node through n8n-core's engine against a ScriptedServer:
 * exact request bodies and headers, output items and their pairing, batching, and the failures
 * of "Nothing lost, nothing sent twice".
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SEED_MESSAGES_PARAMETERS, seedMessagesBody } from '../../../fixtures/messagesSeed';
import { SEED_FACEBOOK_USER } from '../../../fixtures/seed';
import { runNode } from '../../../support/harness';
import { basicAuth, useScriptedServer } from '../../../support/infobip';
import {
	destinationsOf,
	entriesOf,
	fakeMessagesApi,
	instancePrefix,
	PENDING,
	REJECTED,
	SEND_PATH,
} from '../../support';

const server = useScriptedServer(fakeMessagesApi());
const sends = () => server.received.filter((request) => request.path === SEND_PATH);

const smsParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	channel: 'SMS',
	sender: 'InfoSMS',
	to: '={{ $json.phone }}',
	messageType: 'content',
	bodyType: 'TEXT',
	text: '=Hi {{ $json.name }}',
	...extra,
});

const people = (count: number, start = 0): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({
		json: { phone: `4179302${String(start + i).padStart(4, '0')}`, name: `P${start + i}` },
	}));

async function send(
	parameters: INodeParameters,
	input: INodeExecutionData[] = people(1),
	extra: Partial<Parameters<typeof runNode>[0]> = {},
) {
	return await runNode({
		type: 'infobipMessages',
		parameters,
		credentials: basicAuth(server),
		input,
		executionId: 'exec-7',
		...extra,
	});
}

const derived = (item: number, destination = 1) =>
	`${instancePrefix()}-exec-7-node-under-test-0-${item}-${destination}`;

describe('the seed as a Messages API send', () => {
	it("Messenger → SMS with the seed's values: exactly the contract's body, Basic auth, one item", async () => {
		const { output, error } = await send(SEED_MESSAGES_PARAMETERS);
		expect(error).toBeUndefined();
		expect(sends()).toHaveLength(1);
		const [request] = sends();
		expect(request.method).toBe('POST');
		expect(request.body).toEqual(seedMessagesBody(derived(0)));
		expect(request.headers.authorization).toBe(
			`Basic ${Buffer.from('Aladdin:open sesame').toString('base64')}`,
		);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(output).toEqual([
			{
				json: {
					messageId: derived(0),
					to: SEED_FACEBOOK_USER,
					bulkId: 'bulk-1',
					channel: 'MESSENGER',
					status: 'PENDING',
					statusName: 'MESSAGE_ACCEPTED',
					statusDescription: 'Message sent to next instance',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('raw mode: the bulk ID and the message as Infobip answered it', async () => {
		const { output } = await send({ ...SEED_MESSAGES_PARAMETERS, simplify: false });
		expect(output.map((item) => item.json)).toEqual([
			{ bulkId: 'bulk-1', messageId: derived(0), status: PENDING, destination: SEED_FACEBOOK_USER },
		]);
	});
});

describe('personalised batching', () => {
	it('250 items at Batch Size 100: 3 requests of 100, 100, 50 entries, answers matched by messageId though reversed', async () => {
		server.respondWith(fakeMessagesApi({ reverse: true }));
		const { output, error } = await send(
			smsParameters({ requestSettings: { batchSize: 100, requestsInFlight: 1 } }),
			people(250),
		);
		expect(error).toBeUndefined();
		expect(sends().map((request) => entriesOf(request).length)).toEqual([100, 100, 50]);
		// Each entry is its own item's message.
		expect(entriesOf(sends()[2])[49]).toEqual({
			channel: 'SMS',
			sender: 'InfoSMS',
			destinations: [{ to: '41793020249', messageId: derived(249) }],
			content: { body: { type: 'TEXT', text: 'Hi P249' } },
		});
		expect((sends()[0].body as IDataObject).options).toEqual({
			messageOrdering: { stopOnFailure: false },
		});
		expect(output).toHaveLength(250);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({
				messageId: derived(index),
				to: `4179302${String(index).padStart(4, '0')}`,
				channel: 'SMS',
				status: 'PENDING',
			});
		});
	});

	it('items whose request options differ go in different requests', async () => {
		const { error } = await send(
			smsParameters({ options: { bulkId: '={{ $json.name === "P1" ? "b-1" : "b-0" }}' } }),
			people(3),
		);
		expect(error).toBeUndefined();
		expect(
			sends().map((request) => [
				((request.body as IDataObject).options as IDataObject).schedule,
				destinationsOf(request.body).map((d) => d.address),
			]),
		).toEqual([
			[{ bulkId: 'b-0' }, ['41793020000', '41793020002']],
			[{ bulkId: 'b-1' }, ['41793020001']],
		]);
	});

	it('an item with more recipients than Batch Size is refused before anything is sent', async () => {
		const { error } = await send(
			smsParameters({
				to: '41793020001,41793020002,41793020003',
				requestSettings: { batchSize: 2 },
			}),
		);
		expect(sends()).toHaveLength(0);
		expect(error?.message).toBe(
			'Invalid To: 3 recipients are more than the Batch Size of 2 (item 0)',
		);
	});

	it('several recipients in one item: one destination each, message IDs -1, -2', async () => {
		const { output } = await send(smsParameters({ to: '41793020001, +41 79 302 00 02' }));
		expect(destinationsOf(sends()[0].body).map(({ to, messageId }) => ({ to, messageId }))).toEqual(
			[
				{ to: '41793020001', messageId: derived(0, 1) },
				{ to: '41793020002', messageId: derived(0, 2) },
			],
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it("the user's Message ID, suffixed per recipient; a repeated one is refused naming the first item", async () => {
		const { error } = await send(
			smsParameters({
				options: { messageId: '=order-{{ $json.name === "P2" ? "P0" : $json.name }}' },
			}),
			people(3),
		);
		expect(sends()).toHaveLength(0);
		expect(error?.message).toBe(
			'Invalid Message ID: "order-P0" is already the message ID of item 0 (item 2)',
		);
		server.clear();
		const { output } = await send(
			smsParameters({ options: { messageId: '=order-{{ $json.name }}' } }),
			people(2),
		);
		expect(output.map((item) => item.json.messageId)).toEqual(['order-P0', 'order-P1']);
	});

	it('Message ID Source Infobip: matched by position when counts agree, else unconfirmed', async () => {
		const parameters = smsParameters({ requestSettings: { messageIdSource: 'infobip' } });
		const { output } = await send(parameters, people(2));
		expect(destinationsOf(sends()[0].body).every((d) => d.messageId === undefined)).toBe(true);
		expect(output.map((item) => item.json.to)).toEqual(['41793020000', '41793020001']);
		expect(output.every((item) => String(item.json.messageId).startsWith('generated-'))).toBe(true);

		server.clear();
		server.respondWith(fakeMessagesApi({ dropLast: true }));
		const { output: odd, error } = await send(parameters, people(2));
		expect(error).toBeUndefined();
		expect(odd.map((item) => item.json)).toEqual([
			expect.objectContaining({
				to: '41793020000',
				status: 'UNCONFIRMED',
				missingFromResponse: true,
			}),
			expect.objectContaining({
				to: '41793020001',
				status: 'UNCONFIRMED',
				missingFromResponse: true,
			}),
		]);
	});

	it('an unconfirmed message says where to look it up in this node (no Log here)', async () => {
		server.respondWith(fakeMessagesApi({ dropLast: true }));
		const { output } = await send(smsParameters(), people(2));
		expect(output[0].json.status).not.toBe('UNCONFIRMED');
		expect(output[1].json).toMatchObject({
			to: '41793020001',
			status: 'UNCONFIRMED',
			statusDescription:
				'Infobip answered the request but not for this message: it may have been sent. Look it up with Delivery Report → Get Many (Message ID) before sending it again.',
			missingFromResponse: true,
		});
	});
});

describe('failures', () => {
	it('a REJECTED message in a 200 is its item’s error item (sent: no), the others succeed', async () => {
		server.respondWith(fakeMessagesApi({ rejected: ['41793020001'] }));
		const { output, errorOutput } = await send(smsParameters(), people(3), {
			onError: 'continueErrorOutput',
		});
		expect(sends()).toHaveLength(1);
		expect(output.map((item) => [item.pairedItem, item.json.to])).toEqual([
			[{ item: 0 }, '41793020000'],
			[{ item: 2 }, '41793020002'],
		]);
		expect(errorOutput).toEqual([
			{
				json: {
					error: 'Infobip rejected the message to 41793020001: MISSING_TO',
					details: {
						description: 'Message rejected: destination not registered Check the recipient.',
						messages: [
							{
								messageId: derived(1),
								to: '41793020001',
								bulkId: 'bulk-1',
								channel: 'SMS',
								status: 'REJECTED',
								statusName: REJECTED.name,
								statusDescription: REJECTED.description,
							},
						],
						sent: 'no',
					},
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('without Continue On Fail a REJECTED message stops the node naming what was accepted', async () => {
		server.respondWith(fakeMessagesApi({ rejected: ['41793020001'] }));
		const { error } = await send(
			smsParameters({ requestSettings: { batchSize: 2, requestsInFlight: 1 } }),
			people(4),
		);
		expect(sends()).toHaveLength(1);
		expect(error?.message).toBe(
			'Infobip accepted 1 of 4 messages, then the node stopped: Infobip rejected the message to 41793020001: MISSING_TO',
		);
		expect(error?.description).toContain(`item 0 → 41793020000 (${derived(0)})`);
		expect(error?.description).toContain(
			'2 messages were not sent: the node stopped before their turn.',
		);
		expect((error as unknown as { context: IDataObject }).context.notSentItems).toEqual([2, 3]);
	});

	it('a 400 on a combined request is split item by item; the violation names the field and item', async () => {
		server.respondWith((request) => {
			const entries = entriesOf(request);
			const bad = entries.findIndex(
				(entry) => ((entry.content as IDataObject).body as IDataObject).text === 'Hi P1',
			);
			if (bad >= 0) {
				return {
					status: 400,
					body: {
						errorCode: 'E400',
						description: 'Request cannot be processed.',
						action: 'Check the syntax, violations and adjust the request.',
						violations: [
							{ property: `messages[${bad}].content.body.text`, violation: 'must not contain P1' },
						],
						resources: [],
					},
				};
			}
			return fakeMessagesApi()(request);
		});
		const { output, errorOutput } = await send(smsParameters(), people(3), {
			onError: 'continueErrorOutput',
		});
		expect(sends().map((request) => entriesOf(request).length)).toEqual([3, 1, 1, 1]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(errorOutput).toHaveLength(1);
		expect(errorOutput[0].pairedItem).toEqual({ item: 1 });
		expect(JSON.stringify(errorOutput[0].json)).toContain(
			'Text (item 1): Infobip says \\"must not contain P1\\"',
		);
		expect((errorOutput[0].json.details as IDataObject).sent).toBe('no');
	});

	it('a 500 is an unknown outcome: never re-sent, error items say sent: unknown', async () => {
		let calls = 0;
		server.respondWith((request) => {
			calls++;
			if (calls === 2) {
				return {
					status: 500,
					body: {
						errorCode: 'E500',
						description: 'Internal error',
						action: '',
						violations: [],
						resources: [],
					},
				};
			}
			return fakeMessagesApi()(request);
		});
		const { output, errorOutput } = await send(
			smsParameters({ requestSettings: { batchSize: 2, requestsInFlight: 1 } }),
			people(6),
			{ onError: 'continueErrorOutput' },
		);
		expect(sends()).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 4 },
			{ item: 5 },
		]);
		expect(
			errorOutput.map((item) => [item.pairedItem, (item.json.details as IDataObject).sent]),
		).toEqual([
			[{ item: 2 }, 'unknown'],
			[{ item: 3 }, 'unknown'],
		]);
	});

	it('without Continue On Fail a 500 stops the send: nothing after it, the error names what was accepted', async () => {
		let calls = 0;
		server.respondWith((request) => {
			calls++;
			if (calls === 2)
				return { status: 500, body: { errorCode: 'E500', description: 'Internal error' } };
			return fakeMessagesApi()(request);
		});
		const { error } = await send(
			smsParameters({ requestSettings: { batchSize: 2, requestsInFlight: 1 } }),
			people(6),
		);
		expect(sends()).toHaveLength(2);
		expect(error?.message).toMatch(/^Infobip accepted 2 of 6 messages, then the node stopped: /);
		expect(error?.description).toContain(
			'2 messages of the failed request may have been sent: look them up with Delivery Report → Get Many (Message ID) before sending them again.',
		);
		const context = (error as unknown as { context: IDataObject }).context;
		expect(context.accepted).toEqual([
			{ itemIndex: 0, to: '41793020000', messageId: derived(0), status: 'PENDING' },
			{ itemIndex: 1, to: '41793020001', messageId: derived(1), status: 'PENDING' },
		]);
		expect(context.failedItems).toEqual([2, 3]);
		expect(context.notSentItems).toEqual([4, 5]);
	});

	it('Continue On Fail: a refused item becomes its error item, the others are sent', async () => {
		const { output, errorOutput } = await send(
			smsParameters(),
			[...people(1), { json: { phone: 'abc', name: 'X' } }],
			{
				onError: 'continueErrorOutput',
			},
		);
		expect(sends()).toHaveLength(1);
		expect(output).toHaveLength(1);
		expect(errorOutput).toEqual([
			{
				json: {
					error: 'Invalid To: "abc" is not a phone number (item 1)',
					details: {
						description:
							'Give the number in international format with its country code, e.g. 41793026727 or +41 79 302 67 27 (6 to 15 digits).',
					},
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('without Continue On Fail a refused item stops the node before anything is sent', async () => {
		const { error } = await send(
			smsParameters({ failover: { steps: [{ channel: 'SMS', sender: 'InfoSMS' }] } }),
			people(2),
		);
		expect(sends()).toHaveLength(0);
		expect(error?.message).toBe(
			'Invalid Failover Step 1 (SMS) → Channel: it is the main channel (SMS) (item 0)',
		);
		expect(error?.description).toBe(
			'Fail over to another channel: Infobip takes each channel once, the main one included.',
		);
	});
});
