import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkChannel } from '../../builders/channel';
import { splitList } from '../../builders/recipients';
import { DATE_TIME_FIX, formatInfobipDate } from '../../builders/send';
import { ParameterError } from '../../builders/parameterError';
import { asTrimmedText, parseDateTime, quote, readLimit } from '../../builders/values';
import { CHANNEL_OPTIONS } from '../../channels';
import { LIMITS } from '../../limits';
import { simplifyReportsField } from '../../reports/field';
import { simplifyReport } from '../../reports/simplify';
import { infobipApiRequest } from '../../transport';
import { LOGS_PATH } from '../../transport/endpoints';
import { perItemOperation } from '../items';

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
		displayName: `Logs cover the last ${LIMITS.logsWindowHours} hours and can be read again and again. Infobip returns at most ${LIMITS.logsPageMax} per request and has no paging: narrow with Sent Since and Sent Until.`,
		name: 'windowNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: LIMITS.logsPageMax },
		default: 50,
		description: 'Max number of results to return',
	},
	simplifyReportsField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Bulk ID',
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
				displayName: 'Message ID',
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
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
		return undefined;
	return formatInfobipDate(parseDateTime(name, raw, DATE_TIME_FIX));
}

/** The text filters, by parameter name, as the UI labels them. */
const TEXT_FILTERS: Record<string, string> = {
	from: 'From',
	to: 'To',
	generalStatus: 'General Status',
	channel: 'Channel',
	mcc: 'MCC',
	mnc: 'MNC',
};

/** `GET /omni/1/logs` with every filter of https://www.infobip.com/docs/api/channels/omni-failover/get-omni-failover-message-logs; repeatable, unlike reports. */
export const execute = perItemOperation(async function (itemIndex, { policy, read }) {
	const limit = readLimit(read('limit', itemIndex, 50), {
		max: LIMITS.logsPageMax,
	});
	const filters = read('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const [key, label] of Object.entries(TEXT_FILTERS)) {
		const value = asTrimmedText(label, filters[key]);
		if (value) query[key] = value;
	}
	if (query.channel !== undefined) checkChannel(String(query.channel));
	if (
		query.generalStatus !== undefined &&
		!GENERAL_STATUSES.includes(String(query.generalStatus))
	) {
		throw new ParameterError(
			'General Status',
			`${quote(query.generalStatus)} is not a status group`,
			`Use one of: ${GENERAL_STATUSES.join(', ')}.`,
		);
	}
	for (const [key, label] of [
		['bulkId', 'Bulk ID'],
		['messageId', 'Message ID'],
	]) {
		const values = splitList(filters[key], label);
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
	const logs = (Array.isArray(response.results) ? response.results : []) as IDataObject[];
	return read('simplify', itemIndex, true) ? logs.map(simplifyReport) : logs;
});
