import type { IDataObject } from 'n8n-workflow';

import {
	buildFilters,
	FINAL_FAILURE_GROUPS,
	passesFilters,
	type StatusFilterMode,
} from '../../nodes/InfobipOmniTrigger/filters';

const defaults = {
	events: ['deliveryReport', 'seenReport', 'inboundMessage'],
	statusFilter: 'all' as StatusFilterMode,
	statusGroups: [] as string[],
	channels: [] as string[],
};

const delivery = (statusGroup: string, channel = 'SMS'): IDataObject => ({
	event: 'deliveryReport',
	statusGroup,
	channel,
});
const seen: IDataObject = { event: 'seenReport' };
const inbound: IDataObject = { event: 'inboundMessage', channel: 'WHATSAPP' };

describe('buildFilters', () => {
	it.each<[string, Partial<typeof defaults>, object]>([
		['the defaults let everything through', {}, { events: defaults.events }],
		['no events selected means all', { events: [] }, { events: undefined }],
		['unknown events are ignored', { events: ['clickReport'] }, { events: undefined }],
		[
			'final failures',
			{ statusFilter: 'finalFailures' },
			{ statusGroups: ['UNDELIVERABLE', 'EXPIRED', 'REJECTED'] },
		],
		[
			'selected groups, upper-cased',
			{ statusFilter: 'selected', statusGroups: ['delivered', 'PENDING'] },
			{ statusGroups: ['DELIVERED', 'PENDING'] },
		],
		['selected, none chosen: all', { statusFilter: 'selected' }, { statusGroups: undefined }],
		[
			'groups chosen but the mode is all',
			{ statusFilter: 'all', statusGroups: ['DELIVERED'] },
			{ statusGroups: undefined },
		],
		['channels, upper-cased', { channels: ['sms', 'WHATSAPP'] }, { channels: ['SMS', 'WHATSAPP'] }],
		['no channels: all', { channels: [] }, { channels: undefined }],
	])('%s', (_what, options, expected) => {
		expect(buildFilters({ ...defaults, ...options })).toMatchObject(expected);
	});

	it('names exactly the three final failure groups', () => {
		expect(FINAL_FAILURE_GROUPS).toEqual(['UNDELIVERABLE', 'EXPIRED', 'REJECTED']);
	});
});

describe('passesFilters', () => {
	it.each<[string, Partial<typeof defaults>, IDataObject, boolean]>([
		['anything with no filters', {}, delivery('PENDING'), true],
		['an event not chosen', { events: ['seenReport'] }, delivery('DELIVERED'), false],
		['a chosen event', { events: ['seenReport'] }, seen, true],
		['a final failure', { statusFilter: 'finalFailures' }, delivery('EXPIRED'), true],
		[
			'a delivered report under final failures',
			{ statusFilter: 'finalFailures' },
			delivery('DELIVERED'),
			false,
		],
		['a seen report under final failures', { statusFilter: 'finalFailures' }, seen, true],
		['an inbound message under final failures', { statusFilter: 'finalFailures' }, inbound, true],
		[
			'a report without a group under a status filter',
			{ statusFilter: 'finalFailures' },
			{ event: 'deliveryReport' },
			false,
		],
		[
			'a group in lower case',
			{ statusFilter: 'selected', statusGroups: ['REJECTED'] },
			delivery('rejected'),
			true,
		],
		['a chosen channel', { channels: ['SMS'] }, delivery('DELIVERED', 'SMS'), true],
		['another channel', { channels: ['SMS'] }, delivery('DELIVERED', 'VIBER'), false],
		['a channel in lower case', { channels: ['VIBER'] }, delivery('DELIVERED', 'viber'), true],
		['a legacy channel', { channels: ['FACEBOOK'] }, delivery('DELIVERED', 'FACEBOOK'), true],
		['a seen report under a channel filter', { channels: ['SMS'] }, seen, false],
		['an inbound message from a chosen channel', { channels: ['WHATSAPP'] }, inbound, true],
	])('%s → %s', (_what, options, item, expected) => {
		expect(passesFilters(item, buildFilters({ ...defaults, ...options }))).toBe(expected);
	});
});
