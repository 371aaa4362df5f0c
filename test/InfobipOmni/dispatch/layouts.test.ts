/**
 * The dispatch's request layouts and item failures: OMNI merges equal bodies' destinations, the
 * Messages API gives each item its own `messages[]` entry; an answered item can still fail.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	dispatchSends,
	MERGED_DESTINATIONS,
	MESSAGE_ENTRIES,
	planChunks,
	type PreparedSend,
	type TrackedDestination,
} from '../../../nodes/InfobipOmni/dispatch';

const noSleep = async () => {};
const settings = { batchSize: 3, maxInFlight: 1, requestsPerSecond: 0 };

const entryItem = (
	itemIndex: number,
	options: IDataObject = {},
): PreparedSend<TrackedDestination> => ({
	itemIndex,
	body: { options },
	destinations: [{ messageId: `m-${itemIndex}`, to: `4179302000${itemIndex}` }],
	entry: {
		channel: 'SMS',
		destinations: [{ to: `4179302000${itemIndex}`, messageId: `m-${itemIndex}` }],
	},
});

/** Answers every destination of a Messages API body, PENDING unless listed as rejected. */
const answer =
	(rejected: string[] = []) =>
	async (body: IDataObject) => ({
		messages: (body.messages as IDataObject[]).flatMap((message) =>
			(message.destinations as IDataObject[]).map((d) => ({
				messageId: d.messageId,
				destination: d.to,
				status: { groupName: rejected.includes(String(d.to)) ? 'REJECTED' : 'PENDING' },
			})),
		),
	});

describe('layouts', () => {
	it('MESSAGE_ENTRIES: one entry per item, the shared options beside them', () => {
		const [chunk] = planChunks([entryItem(0), entryItem(1)], 3);
		expect(MESSAGE_ENTRIES.body(chunk)).toEqual({
			messages: [entryItem(0).entry, entryItem(1).entry],
			options: {},
		});
	});

	it('MERGED_DESTINATIONS: the OMNI body with every destination', () => {
		const chunk = {
			body: { scenarioKey: 'S', sms: { text: 'x' } },
			items: [0, 1].map((i) => ({
				itemIndex: i,
				body: { scenarioKey: 'S', sms: { text: 'x' } },
				destinations: [{ to: { phoneNumber: `${i}` } }],
			})),
		};
		expect(MERGED_DESTINATIONS.body(chunk)).toEqual({
			scenarioKey: 'S',
			destinations: [{ to: { phoneNumber: '0' } }, { to: { phoneNumber: '1' } }],
			sms: { text: 'x' },
		});
	});

	it('items with other shared options go in other requests, entries in item order', async () => {
		const bodies: IDataObject[] = [];
		const prepared = [
			entryItem(0),
			entryItem(1, { b: 1 }),
			entryItem(2),
			entryItem(3),
			entryItem(4),
		];
		await dispatchSends(
			prepared,
			settings,
			async (body) => {
				bodies.push(body);
				return await answer()(body);
			},
			noSleep,
			{ layout: MESSAGE_ENTRIES },
		);
		expect(
			bodies.map((body) => [
				(body.messages as IDataObject[]).map((m) => (m.destinations as IDataObject[])[0].messageId),
				body.options,
			]),
		).toEqual([
			[['m-0', 'm-2', 'm-3'], {}],
			[['m-1'], { b: 1 }],
			[['m-4'], {}],
		]);
	});
});

describe('itemFailure', () => {
	const failure = (_itemIndex: number, messages: IDataObject[]) =>
		messages.some((m) => (m.status as IDataObject).groupName === 'REJECTED')
			? new Error('rejected')
			: undefined;

	it('an answered item that failed keeps its messages and gets the error', async () => {
		const { outcomes, stoppedBy } = await dispatchSends(
			[entryItem(0), entryItem(1)],
			settings,
			answer(['41793020001']),
			noSleep,
			{ layout: MESSAGE_ENTRIES, itemFailure: failure },
		);
		expect(stoppedBy).toBeUndefined();
		expect(outcomes.get(0)?.error).toBeUndefined();
		expect(outcomes.get(1)?.error).toEqual(new Error('rejected'));
		expect(outcomes.get(1)?.messages).toEqual([
			{ messageId: 'm-1', destination: '41793020001', status: { groupName: 'REJECTED' } },
		]);
	});

	it('with stopOnFailure it stops the send: later requests never start', async () => {
		const bodies: IDataObject[] = [];
		const { outcomes, stoppedBy, stats } = await dispatchSends(
			[0, 1, 2, 3, 4].map((i) => entryItem(i)),
			{ ...settings, batchSize: 2 },
			async (body) => {
				bodies.push(body);
				return await answer(['41793020001'])(body);
			},
			noSleep,
			{ layout: MESSAGE_ENTRIES, itemFailure: failure, stopOnFailure: true },
		);
		expect(stats.requests).toBe(1);
		expect(stoppedBy?.itemIndexes).toEqual([1]);
		expect([2, 3, 4].map((i) => outcomes.get(i)?.notSent)).toEqual([true, true, true]);
	});
});
