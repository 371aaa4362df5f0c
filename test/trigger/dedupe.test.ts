import type { IDataObject } from 'n8n-workflow';

import {
	dedupe,
	dedupeKey,
	MAX_DEDUPE_ENTRIES,
	readDedupeRecord,
} from '../../nodes/InfobipOmniTrigger/dedupe';

const HOUR = 60 * 60_000;
const NOW = Date.UTC(2024, 0, 1, 12);

const report = (
	messageId: string,
	status = 'DELIVERED_TO_HANDSET',
	channel = 'SMS',
): IDataObject => ({
	event: 'deliveryReport',
	messageId,
	status,
	channel,
});

describe('dedupeKey', () => {
	it.each<[string, IDataObject, IDataObject, boolean]>([
		['the same report', report('m-1'), report('m-1'), true],
		['another status', report('m-1', 'PENDING_ENROUTE'), report('m-1'), false],
		[
			'another channel (failover)',
			report('m-1', 'X', 'FACEBOOK'),
			report('m-1', 'X', 'SMS'),
			false,
		],
		['another message', report('m-1'), report('m-2'), false],
		[
			'a seen report, whatever its times',
			{ event: 'seenReport', messageId: 'm-1', seenAt: 'a' },
			{ event: 'seenReport', messageId: 'm-1', seenAt: 'b' },
			true,
		],
		[
			'a seen report and a delivery report',
			{ event: 'seenReport', messageId: 'm-1' },
			report('m-1'),
			false,
		],
		[
			'inbound messages',
			{ event: 'inboundMessage', messageId: 'in-1' },
			{ event: 'inboundMessage', messageId: 'in-1' },
			true,
		],
		[
			'a status known only by its id',
			{ event: 'deliveryReport', messageId: 'm-1', statusId: 5 },
			{ event: 'deliveryReport', messageId: 'm-1', statusId: 7 },
			false,
		],
	])('%s: same key is %s', (_what, a, b, same) => {
		expect(dedupeKey(a) === dedupeKey(b)).toBe(same);
	});

	it('has no key without a messageId', () => {
		expect(dedupeKey({ event: 'deliveryReport', status: 'X' })).toBeUndefined();
	});
});

describe('dedupe', () => {
	it('emits what it has not seen and records it', () => {
		const { fresh, record } = dedupe(
			[report('m-1'), report('m-2')],
			{},
			{ windowMs: HOUR, now: NOW },
		);

		expect(fresh).toHaveLength(2);
		expect(Object.values(record)).toEqual([NOW, NOW]);
		for (const key of Object.keys(record)) expect(key).toMatch(/^[\w-]{16}$/);
	});

	it('holds back within the window, emits again after it', () => {
		const first = dedupe([report('m-1')], {}, { windowMs: HOUR, now: NOW });

		expect(
			dedupe([report('m-1')], first.record, { windowMs: HOUR, now: NOW + HOUR - 1 }).fresh,
		).toEqual([]);
		const later = dedupe([report('m-1')], first.record, { windowMs: HOUR, now: NOW + HOUR });
		expect(later.fresh).toHaveLength(1);
		expect(Object.values(later.record)).toEqual([NOW + HOUR]);
	});

	it('keeps the time of the first emission, not of later duplicates', () => {
		const first = dedupe([report('m-1')], {}, { windowMs: HOUR, now: NOW });
		const again = dedupe([report('m-1')], first.record, { windowMs: HOUR, now: NOW + 10 });

		expect(again.record).toEqual(first.record);
	});

	it('prunes entries older than the window on every call', () => {
		const stored = { old: NOW - 2 * HOUR, recent: NOW - 1000 };

		expect(dedupe([], stored, { windowMs: HOUR, now: NOW }).record).toEqual({ recent: NOW - 1000 });
	});

	it('always emits results without a messageId, and records nothing for them', () => {
		const anonymous: IDataObject = { event: 'deliveryReport', status: 'X' };
		const { fresh, record } = dedupe([anonymous, anonymous], {}, { windowMs: HOUR, now: NOW });

		expect(fresh).toEqual([anonymous, anonymous]);
		expect(record).toEqual({});
	});

	it('is off with a window of 0: emits everything, keeps nothing', () => {
		const stored = { a: NOW };

		expect(dedupe([report('m-1'), report('m-1')], stored, { windowMs: 0, now: NOW })).toEqual({
			fresh: [report('m-1'), report('m-1')],
			record: {},
		});
	});

	it(`keeps at most ${MAX_DEDUPE_ENTRIES} entries, the newest`, () => {
		const stored = Object.fromEntries(
			Array.from({ length: MAX_DEDUPE_ENTRIES }, (_, n) => [`k${n}`, NOW - HOUR / 2 + n]),
		);

		const { record } = dedupe([report('m-new')], stored, { windowMs: HOUR, now: NOW });

		expect(Object.keys(record)).toHaveLength(MAX_DEDUPE_ENTRIES);
		expect(record.k0).toBeUndefined();
		expect(record[`k${MAX_DEDUPE_ENTRIES - 1}`]).toBeDefined();
		expect(Object.values(record)).toContain(NOW);
	});

	it('takes a smaller bound', () => {
		const { record } = dedupe(
			[report('a'), report('b'), report('c')],
			{ old: NOW - 5 },
			{
				windowMs: HOUR,
				now: NOW,
				maxEntries: 2,
			},
		);

		expect(Object.keys(record)).toHaveLength(2);
		expect(record.old).toBeUndefined();
	});
});

describe('readDedupeRecord', () => {
	it.each<[unknown, object]>([
		[undefined, {}],
		['text', {}],
		[[1, 2], {}],
		[{ a: 1, b: 'x', c: null, d: Number.POSITIVE_INFINITY }, { a: 1 }],
	])('reads %j as %j', (stored, expected) => {
		expect(readDedupeRecord(stored)).toEqual(expected);
	});
});
