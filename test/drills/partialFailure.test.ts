/**
 * Partial failure: one request of a batched send fails while others were accepted. Without
 * Continue On Fail the node starts no request after the failure and its error tells what was
 * accepted; with the error output every request is attempted, accepted messages leave by the
 * main output and failed items as paired error items; and re-sending only the error items sends
 * each message once.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Drill } from '../../sandbox/drills';
import { runNode } from '../support/harness';
import { useSandbox, useScriptedServer } from '../support/infobip';
import {
	allItems,
	basicAuth,
	expectEveryItemAnswered,
	expectNoMessageAcceptedTwice,
	phone,
	requestsTo,
	sendText,
	startDrillSandbox,
} from './support';

const SEND = '/omni/1/advanced';
/** The sandbox refuses numbers ending 0400-0499 with a 400 naming the destination. */
const REFUSED_PHONE = '41793020401';

const sandbox = useSandbox(startDrillSandbox);
const redirecting = useScriptedServer(() => ({
	status: 307,
	headers: { location: 'http://127.0.0.1:9/omni/1/advanced' },
	body: {},
}));

/** 6 items with one text, 2 per request, one request at a time: 3 requests of items 0-1, 2-3, 4-5. */
const SIX_IN_THREE = { batchSize: 2, requestsInFlight: 1 };

interface Fault {
	name: string;
	drill?: Drill;
	nodeOptions?: IDataObject;
	/** Phones replaced to make the sandbox refuse them. */
	phones?: Record<number, string>;
	/** What the failure's own message says. */
	failure: RegExp;
	/** Whether the failed request's messages may have been sent. */
	failedMaySend: boolean;
	/** Expected item split without Continue On Fail. */
	accepted: number[];
	failed: number[];
	notSent: number[];
	requests: number;
}

const FAULTS: Fault[] = [
	{
		name: 'a 500 on the second request',
		drill: { kind: 'status', path: SEND, status: 500, skip: 1 },
		failure: /Infobip answered 500.*it may have been carried out/,
		failedMaySend: true,
		accepted: [0, 1],
		failed: [2, 3],
		notSent: [4, 5],
		requests: 2,
	},
	{
		name: 'a timeout on the second request',
		drill: { kind: 'hang', path: SEND, skip: 1 },
		nodeOptions: { timeoutSeconds: 1 },
		failure: /did not answer POST \/omni\/1\/advanced within 1 s; it may have been carried out/,
		failedMaySend: true,
		accepted: [0, 1],
		failed: [2, 3],
		notSent: [4, 5],
		requests: 2,
	},
	{
		name: 'a 401 on the second request',
		drill: { kind: 'status', path: SEND, status: 401, skip: 1 },
		failure: /did not accept the credentials/,
		failedMaySend: false,
		accepted: [0, 1],
		failed: [2, 3],
		notSent: [4, 5],
		requests: 2,
	},
	{
		name: 'a 403 on the third request',
		drill: { kind: 'status', path: SEND, status: 403, skip: 2 },
		failure: /denied access/,
		failedMaySend: false,
		accepted: [0, 1, 2, 3],
		failed: [4, 5],
		notSent: [],
		requests: 3,
	},
	{
		name: '429 retries running out on the second request',
		drill: { kind: 'status', path: SEND, status: 429, skip: 1, times: 2 },
		nodeOptions: { maxRetries: 1, maxRetryWaitSeconds: 5 },
		failure: /kept answering 429/,
		failedMaySend: false,
		accepted: [0, 1],
		failed: [2, 3],
		notSent: [4, 5],
		requests: 3,
	},
	{
		name: 'a 400 on one of the single requests a refused batch was split into',
		phones: { 3: REFUSED_PHONE },
		failure: /Infobip refused the request/,
		failedMaySend: false,
		// Request 2 (items 2-3) is refused whole, then sent as item 2 alone (accepted) and item 3
		// alone (refused): the node stops there.
		accepted: [0, 1, 2],
		failed: [3],
		notSent: [4, 5],
		requests: 4,
	},
];

async function run(fault: Fault, onError: 'stop' | 'continueErrorOutput', input?: IDataObject[]) {
	if (fault.drill) sandbox.drill(fault.drill);
	const items =
		input ?? Array.from({ length: 6 }, (_, i) => ({ phone: fault.phones?.[i] ?? phone(i) }));
	return await sendText(sandbox, {
		items: items.length,
		input: items.map((json) => ({ json })),
		nodeOptions: { ...SIX_IN_THREE, ...fault.nodeOptions },
		onError,
	});
}

const index = (item: INodeExecutionData) =>
	((Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem) as { item: number })
		.item;

describe.each(FAULTS)('$name', (fault) => {
	it('without Continue On Fail: no request after the failure, and the error tells what was accepted', async () => {
		const { error, output } = await run(fault, 'stop');
		expect(output).toEqual([]);
		expect(requestsTo(sandbox, SEND)).toHaveLength(fault.requests);
		expect(sandbox.acceptedCount()).toBe(fault.accepted.length);
		expectNoMessageAcceptedTwice(sandbox);

		expect(error?.message).toMatch(
			new RegExp(
				`^Infobip accepted ${fault.accepted.length} of 6 messages, then the node stopped: `,
			),
		);
		expect(error?.message).toMatch(fault.failure);
		expect(error?.context.itemIndex).toBe(fault.failed[0]);
		// Every accepted message is in the error: item, recipient, message ID as Infobip has it.
		const accepted = sandbox.messages();
		expect(error?.context.accepted).toEqual(
			fault.accepted.map((itemIndex) => ({
				itemIndex,
				to: { phoneNumber: phone(itemIndex) },
				messageId: accepted.find((m) => m.to.phoneNumber === phone(itemIndex))?.messageId,
				status: 'ACCEPTED',
			})),
		);
		expect(error?.context.failedItems).toEqual(fault.failed);
		expect(error?.context.notSentItems).toEqual(fault.notSent);

		const description = String(error?.description);
		expect(description).toMatch(
			new RegExp(`^Do not send the ${fault.accepted.length} accepted messages again`),
		);
		expect(description).toMatch(
			fault.failedMaySend
				? /of the failed request may have been sent: look them up with Log → Get Many/
				: /of the failed request were not sent/,
		);
		if (fault.notSent.length) {
			expect(description).toMatch(
				new RegExp(
					`${fault.notSent.length} messages were not sent: the node stopped before their turn`,
				),
			);
		}
		expect(description).toMatch(/Continue \(using error output\)/);
		// The error panel shows the description: the accepted messages are named there too.
		expect(description).toContain(
			` Accepted: ${fault.accepted
				.map(
					(itemIndex) =>
						`item ${itemIndex} → ${phone(itemIndex)} (${String(accepted.find((m) => m.to.phoneNumber === phone(itemIndex))?.messageId)})`,
				)
				.join(', ')}.`,
		);
		// Nothing claims that nothing was sent.
		expect(`${error?.message} ${description}`).not.toMatch(/nothing was sent|and run again/i);
	});

	it('with the error output: every request attempted, accepted on the main output, failed items paired on the error output', async () => {
		const result = await run(fault, 'continueErrorOutput');
		expect(result.error).toBeUndefined();
		expectEveryItemAnswered(result, 6);
		expectNoMessageAcceptedTwice(sandbox);
		expect(result.errorOutput.map(index)).toEqual(fault.failed);
		expect(result.output.map(index)).toEqual(
			[0, 1, 2, 3, 4, 5].filter((i) => !fault.failed.includes(i)),
		);
		for (const item of result.errorOutput) {
			const details = item.json.details as IDataObject;
			expect(details.sent).toBe(fault.failedMaySend ? 'unknown' : 'no');
			expect(details.messages).toEqual([
				{
					to: { phoneNumber: fault.phones?.[index(item)] ?? phone(index(item)) },
					messageId: expect.any(String),
				},
			]);
		}
		expect(sandbox.acceptedCount()).toBe(6 - fault.failed.length);
	});
});

describe('the recovery path', () => {
	it('re-sending only the error output sends each message once, and nothing accepted twice', async () => {
		const fault = FAULTS.find((f) => f.name.startsWith('a 401')) as Fault;
		const input = Array.from({ length: 6 }, (_, i) => ({ phone: phone(i) }));
		const first = await run(fault, 'continueErrorOutput', input);
		const failedItems = first.errorOutput.map(index);
		expect(failedItems).toEqual([2, 3]);
		expect(sandbox.acceptedCount()).toBe(4);

		// A later execution fed with the failed items only (their input, found through pairing).
		const second = await run(
			{ ...fault, drill: undefined },
			'continueErrorOutput',
			failedItems.map((i) => input[i]),
		);
		expect(second.errorOutput).toEqual([]);
		expect(second.output).toHaveLength(2);
		expect(sandbox.acceptedCount()).toBe(6);
		expectNoMessageAcceptedTwice(sandbox);
		expect(new Set(sandbox.messages().map((m) => m.to.phoneNumber)).size).toBe(6);
		expect(allItems(second).map((item) => item.json.to)).toEqual([phone(2), phone(3)]);
	});
});

describe("n8n's Retry On Fail (the node run again in the same execution)", () => {
	it('keeps the derived message IDs: what was accepted is refused as a duplicate, the rest is sent', async () => {
		sandbox.drill({ kind: 'status', path: SEND, status: 500, skip: 1 });
		const result = await sendText(sandbox, {
			items: 6,
			nodeOptions: SIX_IN_THREE,
			onError: 'stop',
			nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(result.error).toBeUndefined();
		// Try 1: requests 1 (accepted) and 2 (500), then stopped; try 2: all three requests.
		expect(requestsTo(sandbox, SEND)).toHaveLength(5);
		expect(result.output.map((item) => [index(item), item.json.statusName])).toEqual([
			[0, 'REJECTED_DUPLICATE_MESSAGE_ID'],
			[1, 'REJECTED_DUPLICATE_MESSAGE_ID'],
			[2, 'MESSAGE_ACCEPTED'],
			[3, 'MESSAGE_ACCEPTED'],
			[4, 'MESSAGE_ACCEPTED'],
			[5, 'MESSAGE_ACCEPTED'],
		]);
		expect(sandbox.acceptedCount()).toBe(6);
		expectNoMessageAcceptedTwice(sandbox);
	});
});

describe('item-by-item operations that stop at a later item', () => {
	it('Scenario Create: the scenario made for item 0 is in the error that item 1 stops the node with', async () => {
		sandbox.drill({
			kind: 'status',
			path: '/omni/1/scenarios',
			method: 'POST',
			status: 500,
			skip: 1,
		});
		const { error, output } = await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				name: '={{ $json.team }} alerts',
				steps: { step: [{ channel: 'SMS', from: 'InfoSMS' }] },
				isDefault: false,
			},
			credentials: basicAuth(sandbox),
			input: [{ json: { team: 'Sales' } }, { json: { team: 'Support' } }],
		});
		expect(output).toEqual([]);
		expect(error?.message).toMatch(/it may have been carried out/);
		const created = sandbox.scenarios().find((s) => s.name === 'Sales alerts');
		expect(created).toBeDefined();
		expect(error?.context.completed).toEqual([
			{ itemIndex: 0, json: expect.objectContaining({ key: created?.key, name: 'Sales alerts' }) },
		]);
		expect(error?.description).toMatch(
			/The item before item 1 was carried out: its result is in this error's details \(completed\)\.$/,
		);
	});
});

describe('a redirect on a send', () => {
	it('is an error item whose messages were not sent (a 3xx is never followed, so never processed)', async () => {
		const result = await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'key', value: 'D0110000000000000000000000000001' },
				phoneNumbers: '={{ $json.phone }}',
				smsText: 'x',
			},
			credentials: basicAuth(redirecting),
			input: [{ json: { phone: phone(0) } }],
			onError: 'continueRegularOutput',
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.error).toMatch(/answered 307 Temporary Redirect/);
		expect((result.output[0].json.details as IDataObject).sent).toBe('no');
	});
});

describe('a stop after many accepted messages', () => {
	it('names the first 5 accepted messages in the description and counts the rest', async () => {
		sandbox.drill({ kind: 'status', path: SEND, status: 500, skip: 3 });
		const { error } = await sendText(sandbox, {
			items: 12,
			nodeOptions: SIX_IN_THREE,
			onError: 'stop',
		});
		expect(error?.message).toMatch(/^Infobip accepted 6 of 12 messages, then the node stopped: /);
		expect((error?.context.accepted as unknown[]).length).toBe(6);
		expect(error?.description).toMatch(
			/ Accepted: item 0 → 41793022700 \([^)]+\), item 1 → 41793022701 \([^)]+\), item 2 → [^,]+, item 3 → [^,]+, item 4 → [^,]+, and 1 more in the details\./,
		);
		expect(error?.context.notSentItems).toEqual([8, 9, 10, 11]);
	});
});
