import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { splitList } from '../../builders/recipients';
import { formatInfobipDate } from '../../builders/send';
import { ParameterError } from '../../builders/parameterError';
import { CHANNEL_OPTIONS, checkChannel } from '../../channels';
import { LIMITS } from '../../limits';
import { infobipApiRequest } from '../../transport';
import { perItemOperation } from '../items';

export const LOGS_PATH = '/omni/1/logs';

const GENERAL_STATUSES = [
	'ACCEPTED',
	'DELIVERED',
	'EXPIRED',
	'PENDING',
	'REJECTED',
	'UNDELIVERABLE',
];

const properties: INodeProperties[] = [
	{
		displayName:
			'Logs cover the last 48 hours and can be read again and again. Infobip returns at most 1000 per request and has no paging: narrow with Sent Since and Sent Until.',
		name: 'windowNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Bulk IDs',
				name: 'bulkId',
				type: 'string',
				default: '',
				description: 'One or more bulk IDs, separated by commas',
			},
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: CHANNEL_OPTIONS,
				default: 'SMS',
			},
			{
				displayName: 'From',
				name: 'from',
				type: 'string',
				default: '',
				description: 'Sender',
			},
			{
				displayName: 'General Status',
				name: 'generalStatus',
				type: 'options',
				options: GENERAL_STATUSES.map((value) => ({
					name: value.charAt(0) + value.slice(1).toLowerCase(),
					value,
				})),
				default: 'DELIVERED',
			},
			{
				displayName: 'MCC',
				name: 'mcc',
				type: 'string',
				default: '',
				description: 'Mobile country code, e.g. 228',
			},
			{
				displayName: 'Message IDs',
				name: 'messageId',
				type: 'string',
				default: '',
				description: 'One or more message IDs, separated by commas',
			},
			{
				displayName: 'MNC',
				name: 'mnc',
				type: 'string',
				default: '',
				description: 'Mobile network code, e.g. 01',
			},
			{
				displayName: 'Sent Since',
				name: 'sentSince',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Sent Until',
				name: 'sentUntil',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'string',
				default: '',
				description: 'Destination address, e.g. a phone number',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['log'], operation: ['getAll'] } },
	properties,
);

function dateFilter(name: string, raw: unknown): string | undefined {
	if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
	const epochMs = Date.parse(String(raw));
	if (Number.isNaN(epochMs)) {
		throw new ParameterError(
			name,
			`"${String(raw)}" is not a date and time`,
			'Give an ISO date and time, e.g. 2026-11-27T09:00:00Z.',
		);
	}
	return formatInfobipDate(epochMs);
}

/** `GET /omni/1/logs` with every filter of reference §3.11; repeatable, unlike reports. */
export const execute = perItemOperation(async function (itemIndex, { policy }) {
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.logsPageMax) {
		throw new ParameterError(
			'Limit',
			`${limit} is outside 1 to ${LIMITS.logsPageMax}`,
			`Infobip returns at most ${LIMITS.logsPageMax} logs per request.`,
		);
	}
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const key of ['from', 'to', 'generalStatus', 'channel', 'mcc', 'mnc']) {
		const value = String(filters[key] ?? '').trim();
		if (value) query[key] = value;
	}
	if (query.channel !== undefined) checkChannel(String(query.channel));
	if (
		query.generalStatus !== undefined &&
		!GENERAL_STATUSES.includes(String(query.generalStatus))
	) {
		throw new ParameterError(
			'General Status',
			`"${String(query.generalStatus)}" is not a status group`,
			`Use one of: ${GENERAL_STATUSES.join(', ')}.`,
		);
	}
	for (const key of ['bulkId', 'messageId']) {
		const values = splitList(filters[key]);
		if (values.length) query[key] = values;
	}
	const sentSince = dateFilter('Sent Since', filters.sentSince);
	if (sentSince) query.sentSince = sentSince;
	const sentUntil = dateFilter('Sent Until', filters.sentUntil);
	if (sentUntil) query.sentUntil = sentUntil;
	query.limit = limit;

	const response = await infobipApiRequest.call(
		this,
		{ method: 'GET', path: LOGS_PATH, qs: query, itemIndex },
		policy,
	);
	return (Array.isArray(response.results) ? response.results : []) as IDataObject[];
});
