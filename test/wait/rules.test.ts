/** The pure rules of the waits, table-driven: when a report ends a message, and when a wait ends. */
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { finalRecord, isFinal, pendingRecord } from '../../nodes/InfobipOmni/wait/delivery';
import { waitTillFrom } from '../../nodes/InfobipOmni/wait/limit';
import { ParameterError } from '../../nodes/InfobipOmni/builders/parameterError';

const report = (channel: string | undefined, groupName: string, name = `${groupName}_X`) => ({
	messageId: 'm-1',
	...(channel ? { channel } : {}),
	status: { groupName, name },
});

describe('isFinal', () => {
	test.each([
		[
			'delivered on the first channel',
			report('MESSENGER', 'DELIVERED'),
			['MESSENGER', 'SMS'],
			true,
		],
		['delivered on the last', report('SMS', 'DELIVERED'), ['MESSENGER', 'SMS'], true],
		[
			'delivered to the operator only (a DELIVERED group status)',
			report('SMS', 'DELIVERED', 'DELIVERED_TO_OPERATOR'),
			['SMS'],
			true,
		],
		[
			'failed step before failover',
			report('MESSENGER', 'UNDELIVERABLE'),
			['MESSENGER', 'SMS'],
			false,
		],
		['expired step before failover', report('FACEBOOK', 'EXPIRED'), ['FACEBOOK', 'SMS'], false],
		['rejected step before failover', report('MESSENGER', 'REJECTED'), ['MESSENGER', 'SMS'], false],
		['failed on the last channel', report('SMS', 'UNDELIVERABLE'), ['MESSENGER', 'SMS'], true],
		['expired on the last channel', report('SMS', 'EXPIRED'), ['MESSENGER', 'SMS'], true],
		['pending', report('SMS', 'PENDING'), ['SMS'], false],
		['accepted (OMNI send status group)', report('SMS', 'ACCEPTED'), ['SMS'], false],
		['failed, channels unknown: the end', report('SMS', 'UNDELIVERABLE'), [], true],
		[
			'failed, report names no channel: the end',
			report(undefined, 'UNDELIVERABLE'),
			['MESSENGER', 'SMS'],
			true,
		],
		['no status at all', { messageId: 'm-1' }, ['SMS'], false],
	])('%s', (_name, source, channels, expected) => {
		expect(isFinal(source, channels)).toBe(expected);
	});
});

describe('records', () => {
	test('pending, then final with the seconds to deliver', () => {
		const pending = pendingRecord(
			{
				messageId: 'm-1',
				to: '41793026727',
				bulkId: 'b-1',
				status: 'PENDING',
				statusName: 'PENDING_ENROUTE',
				statusDescription: 'Message sent to next instance',
			},
			['MESSENGER', 'SMS'],
			'2026-12-01T10:00:00.000Z',
		);
		expect(pending).toMatchObject({
			messageId: 'm-1',
			to: '41793026727',
			bulkId: 'b-1',
			status: 'PENDING_ENROUTE',
			statusGroup: 'PENDING',
			sentAt: '2026-12-01T10:00:00.000Z',
			channels: ['MESSENGER', 'SMS'],
			final: false,
			delivered: false,
			secondsToDeliver: null,
		});
		const final = finalRecord(pending, {
			messageId: 'm-1',
			destination: '41793026727',
			channel: 'SMS',
			status: { groupName: 'DELIVERED', name: 'DELIVERED_TO_HANDSET' },
			price: { pricePerMessage: 0.01, currency: 'EUR' },
			sentAt: '2026-12-01T10:00:03.000+0000',
			doneAt: '2026-12-01T10:00:12.345+0000',
		});
		expect(final).toMatchObject({
			channel: 'SMS',
			statusGroup: 'DELIVERED',
			bulkId: 'b-1',
			sentAt: '2026-12-01T10:00:00.000Z',
			doneAt: '2026-12-01T10:00:12.345Z',
			final: true,
			delivered: true,
			secondsToDeliver: 12.3,
			price: { pricePerMessage: 0.01, currency: 'EUR' },
		});
		expect(Object.keys(final)).toEqual(Object.keys(pending));
	});

	test('failed: no seconds to deliver', () => {
		const final = finalRecord(
			{ messageId: 'm-1', sentAt: '2026-12-01T10:00:00.000Z' },
			report('SMS', 'UNDELIVERABLE'),
		);
		expect(final).toMatchObject({ final: true, delivered: false, secondsToDeliver: null });
	});
});

describe('waitTillFrom', () => {
	const now = Date.parse('2026-12-01T10:00:00.000Z');
	test.each([
		['no limit', undefined, WAIT_INDEFINITELY.toISOString()],
		['empty values', {}, WAIT_INDEFINITELY.toISOString()],
		[
			'45 minutes',
			{ limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' },
			'2026-12-01T10:45:00.000Z',
		],
		['1.5 hours', { resumeAmount: 1.5, resumeUnit: 'hours' }, '2026-12-01T11:30:00.000Z'],
		['2 days', { resumeAmount: 2, resumeUnit: 'days' }, '2026-12-03T10:00:00.000Z'],
		[
			'at a time',
			{ limitType: 'atSpecifiedTime', maxDateAndTime: '2026-12-24T18:00:00Z' },
			'2026-12-24T18:00:00.000Z',
		],
	])('%s', (_name, limit, expected) => {
		expect(waitTillFrom(limit, now).toISOString()).toBe(expected);
	});

	test.each([
		['no amount', { resumeAmount: 0, resumeUnit: 'hours' }, 'Limit Wait Time → Amount'],
		['not a number', { resumeAmount: 'soon', resumeUnit: 'hours' }, 'Limit Wait Time → Amount'],
		['an unknown unit', { resumeAmount: 1, resumeUnit: 'weeks' }, 'Limit Wait Time → Unit'],
		[
			'not a date',
			{ limitType: 'atSpecifiedTime', maxDateAndTime: 'tomorrow' },
			'Limit Wait Time → Max Date and Time',
		],
		[
			'a past date',
			{ limitType: 'atSpecifiedTime', maxDateAndTime: '2026-12-01T09:59:59Z' },
			'Limit Wait Time → Max Date and Time',
		],
	])('refuses %s', (_name, limit, field) => {
		let caught: unknown;
		try {
			waitTillFrom(limit, now);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ParameterError);
		expect((caught as ParameterError).field).toBe(field);
		expect((caught as ParameterError).fix).not.toBe('');
	});
});
