import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readResultLimit, type ReadParameter } from '../../../InfobipOmni/actions/parameters';
import type { OperationExecute } from '../../../InfobipOmni/actions/types';
import { returnAllFields } from '../../../InfobipOmni/descriptions/common';
import { simplifyReportsField } from '../../../InfobipOmni/reports/field';
import { simplifyReport } from '../../../InfobipOmni/reports/simplify';
import { channelOptions, MESSAGES_CHANNELS } from '../../channels';
import { checkMessagesChannel, pullPerItem, readFilterQuery, type PullTarget } from '../pull';

/** Infobip's get-messages-api-delivery-reports (https://www.infobip.com/docs/api/platform/messages-api). */
export const MESSAGES_REPORTS_PATH = '/messages-api/1/reports';

const properties: INodeProperties[] = [
	{
		displayName:
			"Infobip hands out each delivery report only once: reports fetched here are gone for every later call, including other workflows. To react to each report as it happens, use the Infobip OMNI Trigger as the messages' delivery webhook.",
		name: 'onceNotice',
		type: 'notice',
		default: '',
	},
	...returnAllFields,
	simplifyReportsField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Application ID',
				name: 'applicationId',
				type: 'string',
				default: '',
				description: 'Only reports of messages sent with this application ID',
			},
			{
				displayName: 'Bulk ID',
				name: 'bulkId',
				type: 'string',
				default: '',
				description: 'Only reports of messages sent with this bulk ID',
			},
			{
				displayName: 'Campaign Reference ID',
				name: 'campaignReferenceId',
				type: 'string',
				default: '',
				description: 'Only reports of messages sent with this campaign reference',
			},
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: channelOptions(MESSAGES_CHANNELS),
				default: 'SMS',
				description: 'Only reports of this channel (the failover step that produced the report)',
			},
			{
				displayName: 'Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				description: 'Only reports of messages sent with this entity ID',
			},
			{
				displayName: 'Message ID',
				name: 'messageId',
				type: 'string',
				default: '',
				description: 'Only the reports of this message',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['deliveryReport'], operation: ['getAll'] } },
	properties,
);

const FILTER_LABELS = {
	channel: 'Channel',
	bulkId: 'Bulk ID',
	messageId: 'Message ID',
	entityId: 'Entity ID',
	applicationId: 'Application ID',
	campaignReferenceId: 'Campaign Reference ID',
} as const;

/** The query of one item, in Infobip's parameter order; empty filters are left out. */
export function readReportQuery(read: ReadParameter, itemIndex: number): IDataObject {
	const query = readFilterQuery(read, itemIndex, FILTER_LABELS);
	if (query.channel !== undefined) {
		checkMessagesChannel(String(query.channel), MESSAGES_CHANNELS, 'Filters → Channel');
	}
	return query;
}

/** A report's identity within a page: failover steps share the message ID. */
const reportKey = (report: IDataObject) =>
	[report.messageId, report.channel, (report.status as IDataObject | undefined)?.name].join('|');

/** `GET /messages-api/1/reports`: each report once, Return All or up to Limit, per item. */
export const execute: OperationExecute = async function (items, context) {
	const target: PullTarget = {
		path: MESSAGES_REPORTS_PATH,
		noun: 'delivery report',
		contextKey: 'reports',
		keyOf: reportKey,
		read: (itemIndex) => ({
			simplify: context.read('simplify', itemIndex, true) as boolean,
			limit: readResultLimit(context.read, itemIndex),
			query: readReportQuery(context.read, itemIndex),
		}),
		simplify: simplifyReport,
	};
	return await pullPerItem.call(this, items, context, target);
};
