import type { IDataObject } from 'n8n-workflow';

import { dedupeKey, withDedupeKey } from '../../nodes/InfobipOmniTrigger/dedupe';
import { normaliseResult } from '../../nodes/InfobipOmniTrigger/reports';

const report = (
	messageId: string,
	status = 'DELIVERED_TO_HANDSET',
	channel = 'SMS',
	statusGroup = 'DELIVERED',
): IDataObject => ({
	event: 'deliveryReport',
	messageId,
	status,
	statusGroup,
	channel,
});

describe('dedupeKey', () => {
	it.each<[string, IDataObject, string]>([
		['a delivery report', report('m-1'), 'deliveryReport|m-1|SMS|DELIVERED/DELIVERED_TO_HANDSET'],
		[
			'a pending report',
			report('m-1', 'PENDING_ENROUTE', 'SMS', 'PENDING'),
			'deliveryReport|m-1|SMS|PENDING/PENDING_ENROUTE',
		],
		[
			'a status known only by its ids',
			{ event: 'deliveryReport', messageId: 'm-1', statusId: 5, statusGroupId: 3 },
			'deliveryReport|m-1||3/5',
		],
		['a seen report', { event: 'seenReport', messageId: 'm-1', seenAt: 'a' }, 'seenReport|m-1||'],
		[
			'an inbound message',
			{ event: 'inboundMessage', messageId: 'in-1', channel: 'WHATSAPP' },
			'inboundMessage|in-1|WHATSAPP|',
		],
	])('%s: %s', (_what, item, key) => {
		expect(dedupeKey(item)).toBe(key);
	});

	it.each<[string, IDataObject, IDataObject, boolean]>([
		['the same report (a retried push)', report('m-1'), report('m-1'), true],
		[
			'the same report with other times and price',
			{ ...report('m-1'), doneAt: 'x', price: { pricePerMessage: 1 } },
			{ ...report('m-1'), doneAt: 'y' },
			true,
		],
		[
			'the next status of the message',
			report('m-1', 'PENDING_ENROUTE', 'SMS', 'PENDING'),
			report('m-1'),
			false,
		],
		[
			'another status in the same group',
			report('m-1', 'DELIVERED_TO_OPERATOR'),
			report('m-1'),
			false,
		],
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
			'a seen report and a delivery report of one message',
			{ event: 'seenReport', messageId: 'm-1' },
			report('m-1'),
			false,
		],
		[
			'results without messageId, received the same',
			{ event: 'deliveryReport', raw: { status: { id: 5 }, to: '41' } },
			{ event: 'deliveryReport', raw: { status: { id: 5 }, to: '41' } },
			true,
		],
		[
			'results without messageId, received differently',
			{ event: 'deliveryReport', raw: { status: { id: 5 }, to: '41' } },
			{ event: 'deliveryReport', raw: { status: { id: 5 }, to: '42' } },
			false,
		],
	])('%s: same key is %s', (_what, a, b, same) => {
		expect(dedupeKey(a) === dedupeKey(b)).toBe(same);
	});

	it('is the same for a report pushed as JSON and as XML (n8n lowercases XML tags)', () => {
		const json = normaliseResult(
			{
				messageId: 'm-1',
				channel: 'SMS',
				status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET' },
			},
			'deliveryReport',
		);
		const xml = normaliseResult(
			{
				messageid: 'm-1',
				channel: 'SMS',
				status: { groupid: '3', groupname: 'DELIVERED', id: '5', name: 'DELIVERED_TO_HANDSET' },
			},
			'deliveryReport',
		);
		expect(dedupeKey(xml)).toBe(dedupeKey(json));
	});
});

describe('withDedupeKey', () => {
	it('adds the key before raw and changes nothing else', () => {
		const item = { ...report('m-1'), raw: { messageId: 'm-1' } };

		const keyed = withDedupeKey(item);

		expect(Object.keys(keyed)).toEqual([...Object.keys(report('m-1')), 'dedupeKey', 'raw']);
		expect(keyed).toEqual({ ...item, dedupeKey: dedupeKey(item) });
		expect(item).not.toHaveProperty('dedupeKey');
	});
});
