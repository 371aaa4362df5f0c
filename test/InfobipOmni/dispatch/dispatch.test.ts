import type { IDataObject } from 'n8n-workflow';

import {
	dispatchSends,
	planChunks,
	UNCONFIRMED,
	type PreparedSend,
} from '../../../nodes/InfobipOmni/dispatch';

const item = (
	itemIndex: number,
	text: string,
	phones = [`4179302${String(itemIndex).padStart(4, '0')}`],
): PreparedSend => ({
	itemIndex,
	body: { scenarioKey: 'S', sms: { text } },
	destinations: phones.map((phoneNumber, d) => ({
		messageId: `m-${itemIndex}-${d}`,
		to: { phoneNumber },
	})),
});

/** A fake Infobip: accepts every destination, echoing its messageId, and records each request. */
function fakeInfobip(
	options: { reject400?: (body: IDataObject) => boolean; delayMs?: number } = {},
) {
	const requests: IDataObject[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const send = async (body: IDataObject) => {
		requests.push(body);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await new Promise<void>((resolve) => queueMicrotask(resolve));
		for (let i = 0; i < (options.delayMs ?? 0); i++) await Promise.resolve();
		inFlight--;
		if (options.reject400?.(body)) {
			return await Promise.reject(Object.assign(new TypeError('Bad request'), { httpCode: '400' }));
		}
		const destinations = body.destinations as Array<{ messageId?: string; to: IDataObject }>;
		return {
			bulkId: destinations.length > 1 ? 'bulk-1' : undefined,
			messages: destinations.map((d) => ({
				to: d.to,
				messageId: d.messageId,
				status: { groupName: 'PENDING' },
			})),
		};
	};
	return { send, requests, maxInFlight: () => maxInFlight };
}

const noSleep = async () => {};
const settings = { batchSize: 100, maxInFlight: 5, requestsPerSecond: 0 };

describe('planChunks', () => {
	it('250 items with 3 distinct texts: ceil per text, at most Batch Size destinations each', () => {
		const prepared = Array.from({ length: 250 }, (_, i) => item(i, `text ${i % 3}`));
		const chunks = planChunks(prepared, 40);
		// 84, 83, 83 items per text → 3 + 3 + 3 chunks of up to 40.
		expect(chunks.map((c) => c.items.length)).toEqual([40, 40, 40, 40, 40, 40, 4, 3, 3]);
		expect(
			chunks.every((c) => new Set(c.items.map((i) => (i.body.sms as IDataObject).text)).size === 1),
		).toBe(true);
	});

	it('never splits one item and treats key order as irrelevant', () => {
		const a = { ...item(0, 'x', ['41790000001', '41790000002', '41790000003']) };
		const b = { ...item(1, 'x'), body: { sms: { text: 'x' }, scenarioKey: 'S' } };
		const chunks = planChunks([a, b], 3);
		expect(chunks.map((c) => c.items.map((i) => i.itemIndex))).toEqual([[0], [1]]);
		expect(planChunks([a, b], 4).map((c) => c.items.length)).toEqual([2]);
	});
});

describe('dispatchSends', () => {
	it('sends combined requests and gives each item its own messages by message ID', async () => {
		const infobip = fakeInfobip();
		const prepared = Array.from({ length: 250 }, (_, i) => item(i, `text ${i % 3}`));
		const { outcomes, stats } = await dispatchSends(prepared, settings, infobip.send, noSleep);
		expect(stats).toEqual({ requests: 3, combinedRequests: 3, splitAfter400: 0 });
		expect(infobip.requests.map((r) => (r.destinations as unknown[]).length)).toEqual([84, 83, 83]);
		for (let i = 0; i < 250; i++) {
			expect(outcomes.get(i)?.messages).toEqual([
				{
					to: { phoneNumber: `4179302${String(i).padStart(4, '0')}` },
					messageId: `m-${i}-0`,
					status: { groupName: 'PENDING' },
				},
			]);
			expect(outcomes.get(i)?.bulkId).toBe('bulk-1');
		}
	});

	it('keeps the documented key order in each request', async () => {
		const infobip = fakeInfobip();
		await dispatchSends([item(0, 'x'), item(1, 'x')], settings, infobip.send, noSleep);
		expect(Object.keys(infobip.requests[0])).toEqual(['scenarioKey', 'destinations', 'sms']);
	});

	it('maps by position when destinations carry no message ID', async () => {
		const infobip = fakeInfobip();
		const prepared = [0, 1].map((i) => ({
			...item(i, 'x'),
			destinations: [{ to: { phoneNumber: `4179000000${i}` } }],
		}));
		const { outcomes } = await dispatchSends(prepared, settings, infobip.send, noSleep);
		expect(outcomes.get(1)?.messages?.[0].to).toEqual({ phoneNumber: '41790000001' });
	});

	it('a 400 on a combined request is retried item by item, failing only the bad item', async () => {
		const infobip = fakeInfobip({
			reject400: (body) =>
				(body.destinations as Array<{ to: IDataObject }>).some(
					(d) => d.to.phoneNumber === '41793020002',
				),
		});
		const prepared = [0, 1, 2, 3].map((i) => item(i, 'same'));
		const { outcomes, stats } = await dispatchSends(prepared, settings, infobip.send, noSleep);
		expect(stats).toEqual({ requests: 5, combinedRequests: 1, splitAfter400: 1 });
		expect(outcomes.get(2)?.error).toMatchObject({ httpCode: '400' });
		expect([0, 1, 3].map((i) => outcomes.get(i)?.messages?.length)).toEqual([1, 1, 1]);
	});

	it('any other failure of a combined request fails each of its items', async () => {
		const failure = Object.assign(new TypeError('boom'), { httpCode: '500' });
		const { outcomes } = await dispatchSends(
			[item(0, 'x'), item(1, 'x')],
			settings,
			async () => await Promise.reject(failure),
			noSleep,
		);
		expect(outcomes.get(0)?.error).toBe(failure);
		expect(outcomes.get(1)?.error).toBe(failure);
	});

	it('never has more requests in flight than allowed', async () => {
		const infobip = fakeInfobip({ delayMs: 20 });
		const prepared = Array.from({ length: 40 }, (_, i) => item(i, `text ${i}`));
		const { stats } = await dispatchSends(
			prepared,
			{ ...settings, maxInFlight: 3 },
			infobip.send,
			noSleep,
		);
		expect(stats.requests).toBe(40);
		expect(infobip.maxInFlight()).toBe(3);
	});

	it('paces request starts to Requests per Second', async () => {
		const waits: number[] = [];
		let clock = 0;
		const sleep = async (ms: number) => {
			waits.push(ms);
			clock += ms;
		};
		const prepared = Array.from({ length: 5 }, (_, i) => item(i, `text ${i}`));
		await dispatchSends(
			prepared,
			{ ...settings, maxInFlight: 1, requestsPerSecond: 4 },
			fakeInfobip().send,
			sleep,
			{ now: () => clock },
		);
		expect(waits).toEqual([250, 250, 250, 250]);
	});

	it('marks a destination missing from the response instead of dropping it', async () => {
		const send = async () => ({ messages: [] });
		const { outcomes } = await dispatchSends([item(0, 'x')], settings, send, noSleep);
		expect(outcomes.get(0)?.messages).toEqual([
			{
				to: { phoneNumber: '41793020000' },
				messageId: 'm-0-0',
				status: { ...UNCONFIRMED },
				missingFromResponse: true,
			},
		]);
	});
});

describe('dispatchSends: answers that do not match what was sent', () => {
	const unconfirmed = (
		itemIndex: number,
		d = 0,
		phone = `4179302${String(itemIndex).padStart(4, '0')}`,
	) => ({
		to: { phoneNumber: phone },
		messageId: `m-${itemIndex}-${d}`,
		status: { ...UNCONFIRMED },
		missingFromResponse: true,
	});
	const accepted = (itemIndex: number, status = 'PENDING') => ({
		to: { phoneNumber: `4179302${String(itemIndex).padStart(4, '0')}` },
		messageId: `m-${itemIndex}-0`,
		status: { groupName: status },
	});

	it.each([
		['an empty body', ''],
		['null', null],
		['a number', 42],
		['an array', [{ messageId: 'm-0-0' }]],
		['messages that is not an array', { messages: { messageId: 'm-0-0' } }],
		['messages of nulls and strings', { messages: [null, 'm-0-0', 7] }],
	])('%s: every destination unconfirmed, nothing thrown', async (_, answer) => {
		const { outcomes } = await dispatchSends(
			[item(0, 'x'), item(1, 'x')],
			settings,
			async () => answer,
			noSleep,
		);
		expect(outcomes.get(0)?.messages).toEqual([unconfirmed(0)]);
		expect(outcomes.get(1)?.messages).toEqual([unconfirmed(1)]);
	});

	it('a shorter messages[]: the answered destination is accepted, the other unconfirmed', async () => {
		const { outcomes } = await dispatchSends(
			[item(0, 'x'), item(1, 'x')],
			settings,
			async () => ({ messages: [accepted(1)] }),
			noSleep,
		);
		expect(outcomes.get(0)?.messages).toEqual([unconfirmed(0)]);
		expect(outcomes.get(1)?.messages).toEqual([accepted(1)]);
	});

	it('unknown message IDs are matched to nobody', async () => {
		const { outcomes } = await dispatchSends(
			[item(0, 'x')],
			settings,
			async () => ({ messages: [{ ...accepted(0), messageId: 'someone-else' }] }),
			noSleep,
		);
		expect(outcomes.get(0)?.messages).toEqual([unconfirmed(0)]);
	});

	it("a repeated message ID never gives one item another's status", async () => {
		const { outcomes } = await dispatchSends(
			[item(0, 'x'), item(1, 'x')],
			settings,
			async () => ({
				messages: [accepted(0), { ...accepted(0), status: { groupName: 'REJECTED' } }, accepted(1)],
			}),
			noSleep,
		);
		expect(outcomes.get(0)?.messages).toEqual([unconfirmed(0)]);
		expect(outcomes.get(1)?.messages).toEqual([accepted(1)]);
	});

	it('without message IDs, a count that differs leaves every destination unconfirmed', async () => {
		const prepared = [0, 1].map((i) => ({
			...item(i, 'x'),
			destinations: [{ to: { phoneNumber: `4179000000${i}` } }],
		}));
		const { outcomes } = await dispatchSends(
			prepared,
			settings,
			async () => ({ messages: [{ messageId: 'g-1', to: '41790000000' }] }),
			noSleep,
		);
		for (const i of [0, 1]) {
			expect(outcomes.get(i)?.messages).toEqual([
				{
					to: { phoneNumber: `4179000000${i}` },
					status: { ...UNCONFIRMED },
					missingFromResponse: true,
				},
			]);
		}
	});
});

describe('dispatchSends: stop on failure', () => {
	const failing = (failOn: (n: number) => boolean, httpCode = '500') => {
		let n = 0;
		const requests: IDataObject[] = [];
		const send = async (body: IDataObject) => {
			const mine = ++n;
			requests.push(body);
			await new Promise<void>((resolve) => queueMicrotask(resolve));
			if (failOn(mine)) {
				return await Promise.reject(Object.assign(new TypeError(`fail ${mine}`), { httpCode }));
			}
			return {
				messages: (body.destinations as Array<{ messageId: string; to: IDataObject }>).map((d) => ({
					...d,
					status: { groupName: 'PENDING' },
				})),
			};
		};
		return { send, requests };
	};

	it('starts no request after the failing one; later items are not sent', async () => {
		const infobip = failing((n) => n === 2);
		const prepared = Array.from({ length: 6 }, (_, i) => item(i, 'same'));
		const { outcomes, stats, stoppedBy } = await dispatchSends(
			prepared,
			{ ...settings, batchSize: 2, maxInFlight: 1 },
			infobip.send,
			noSleep,
			{ stopOnFailure: true },
		);
		expect(stats.requests).toBe(2);
		expect(stoppedBy?.itemIndexes).toEqual([2, 3]);
		expect((stoppedBy?.error as Error).message).toBe('fail 2');
		expect([0, 1].map((i) => outcomes.get(i)?.messages?.length)).toEqual([1, 1]);
		expect([2, 3].map((i) => (outcomes.get(i)?.error as Error).message)).toEqual([
			'fail 2',
			'fail 2',
		]);
		expect([4, 5].map((i) => outcomes.get(i))).toEqual([{ notSent: true }, { notSent: true }]);
	});

	it('waits for the requests in flight and keeps their answers', async () => {
		const infobip = failing((n) => n === 1);
		const prepared = Array.from({ length: 10 }, (_, i) => item(i, `text ${i}`));
		const { outcomes, stats } = await dispatchSends(
			prepared,
			{ ...settings, maxInFlight: 3 },
			infobip.send,
			noSleep,
			{ stopOnFailure: true },
		);
		// Three started together; the first failed, the other two were answered.
		expect(stats.requests).toBe(3);
		expect(outcomes.get(0)?.error).toBeDefined();
		expect([1, 2].map((i) => outcomes.get(i)?.messages?.length)).toEqual([1, 1]);
		for (let i = 3; i < 10; i++) expect(outcomes.get(i)).toEqual({ notSent: true });
	});

	it('a refused batch split into single requests stops at the first refused one', async () => {
		let n = 0;
		const requests: IDataObject[] = [];
		const send = async (body: IDataObject) => {
			n++;
			requests.push(body);
			const destinations = body.destinations as Array<{ messageId: string; to: IDataObject }>;
			if (n === 1 || destinations.some((d) => d.messageId === 'm-1-0')) {
				return await Promise.reject(Object.assign(new TypeError('bad'), { httpCode: '400' }));
			}
			return { messages: destinations.map((d) => ({ ...d, status: { groupName: 'PENDING' } })) };
		};
		const prepared = [0, 1, 2, 3].map((i) => item(i, 'same'));
		const { outcomes, stats } = await dispatchSends(prepared, settings, send, noSleep, {
			stopOnFailure: true,
		});
		expect(stats).toEqual({ requests: 3, combinedRequests: 1, splitAfter400: 1 });
		expect(outcomes.get(0)?.messages?.length).toBe(1);
		expect(outcomes.get(1)?.error).toBeDefined();
		expect([2, 3].map((i) => outcomes.get(i))).toEqual([{ notSent: true }, { notSent: true }]);
	});

	it('without stopOnFailure every request is attempted', async () => {
		const infobip = failing((n) => n === 2);
		const prepared = Array.from({ length: 6 }, (_, i) => item(i, 'same'));
		const { stats, stoppedBy } = await dispatchSends(
			prepared,
			{ ...settings, batchSize: 2, maxInFlight: 1 },
			infobip.send,
			noSleep,
		);
		expect(stats.requests).toBe(3);
		expect(stoppedBy).toBeUndefined();
	});
});
