import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readResultLimit, returnAllFields } from '../../descriptions/common';
import { CHANNEL_OPTIONS, checkChannel } from '../../channels';
import { LIMITS } from '../../limits';
import { infobipApiRequest } from '../../transport';
import { perItemOperation } from '../items';

export const REPORTS_PATH = '/omni/1/reports';

const properties: INodeProperties[] = [
	{
		displayName:
			'Infobip hands out each delivery report only once: reports fetched here are gone for every later call, including other workflows. For repeatable lookups use Log → Get Many; to react to each report as it happens, use the Infobip OMNI Trigger.',
		name: 'onceNotice',
		type: 'notice',
		default: '',
	},
	...returnAllFields,
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
				description: 'Only reports of messages sent with this bulk ID',
			},
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: CHANNEL_OPTIONS,
				default: 'SMS',
				description: 'Only reports of this channel (the step that produced the report)',
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

/** `GET /omni/1/reports`: page by page (up to 1000 a request) until a short page or the limit. */
export const execute = perItemOperation(async function (itemIndex, { policy }) {
	const limit = readResultLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const key of ['bulkId', 'messageId', 'channel']) {
		const value = String(filters[key] ?? '').trim();
		if (value) query[key] = value;
	}
	if (query.channel !== undefined) checkChannel(String(query.channel));

	const reports: IDataObject[] = [];
	while (reports.length < limit) {
		const pageSize = Math.min(LIMITS.reportsPageMax, limit - reports.length);
		// Infobip's own default page is 50: leaving it out keeps the request exactly the seed's.
		const pageQuery =
			pageSize === LIMITS.reportsDefaultPage ? query : { ...query, limit: pageSize };
		const response = await infobipApiRequest.call(
			this,
			{ method: 'GET', path: REPORTS_PATH, qs: pageQuery, itemIndex, consumes: true },
			policy,
		);
		const page = (Array.isArray(response.results) ? response.results : []) as IDataObject[];
		reports.push(...page);
		if (page.length < pageSize) break;
	}
	return reports;
});
