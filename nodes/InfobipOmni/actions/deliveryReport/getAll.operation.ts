import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/common';
import { checkChannel } from '../../builders/channel';
import { asTrimmedText } from '../../builders/values';
import { CHANNEL_OPTIONS } from '../../channels';
import { LIMITS } from '../../limits';
import { simplifyReportsField } from '../../reports/field';
import { simplifyReport } from '../../reports/simplify';
import { infobipApiRequest, repeatsPage } from '../../transport';
import { REPORTS_PATH } from '../../transport/endpoints';
import { failOrErrorItem } from '../items';
import { readResultLimit, type ReadParameter } from '../parameters';
import type { OperationContext, OperationExecute } from '../types';

const properties: INodeProperties[] = [
	{
		displayName:
			'Infobip hands out each delivery report only once: reports fetched here are gone for every later call, including other workflows. For repeatable lookups use Log → Get Many; to react to each report as it happens, use the Infobip OMNI Trigger.',
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

interface ReportFilters {
	query: IDataObject;
	limit: number;
}

function readFilters(read: ReadParameter, itemIndex: number): ReportFilters {
	const limit = readResultLimit(read, itemIndex);
	const filters = read('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const labels = { bulkId: 'Bulk ID', messageId: 'Message ID', channel: 'Channel' } as const;
	for (const [key, label] of Object.entries(labels)) {
		const value = asTrimmedText(label, filters[key]);
		if (value) query[key] = value;
	}
	if (query.channel !== undefined) checkChannel(String(query.channel));
	return { query, limit };
}

const plural = (count: number) => `${count} delivery report${count === 1 ? '' : 's'}`;

/**
 * `GET /omni/1/reports`, page by page (up to 1000 a request) until a short page or the limit.
 * Each page is pushed into `reports` as soon as it arrives: Infobip has handed it out, so a
 * later failure must not lose it. Returns a notice when the server served the same page again.
 */
async function fetchReports(
	this: IExecuteFunctions,
	itemIndex: number,
	{ policy, read }: OperationContext,
	reports: IDataObject[],
): Promise<string | undefined> {
	const { query, limit } = readFilters(read, itemIndex);
	let previous: IDataObject[] | undefined;
	while (reports.length < limit) {
		const pageSize = Math.min(LIMITS.reportsPageMax, limit - reports.length);
		// Infobip's own default page is 50: leaving it out keeps the request exactly as in Infobip's Facebook → SMS example (https://dev.infobip.com/omni-channel/facebook-example).
		const pageQuery =
			pageSize === LIMITS.reportsDefaultPage ? query : { ...query, limit: pageSize };
		const response = await infobipApiRequest.call(
			this,
			{ method: 'GET', path: REPORTS_PATH, qs: pageQuery, itemIndex, consumes: true },
			policy,
		);
		const page = (Array.isArray(response.results) ? response.results : []) as IDataObject[];
		if (repeatsPage(previous, page, (report) => report.messageId)) {
			// Nothing is lost (the copy holds the same reports), so the reports go out with a notice;
			// any report of the copy not seen before was handed out too and is kept.
			const seen = new Set(reports.map((report) => report.messageId));
			reports.push(...page.filter((report) => !seen.has(report.messageId)));
			return `Infobip returned the same ${plural(page.length)} twice (message IDs ${String(page[0].messageId)} to ${String(page[page.length - 1].messageId)}): the server ignored paging, so Get Many stopped after ${plural(reports.length)} instead of fetching that page again. Run the node again for any later reports.`;
		}
		// All of it, even beyond the limit: whatever Infobip sent is handed out.
		reports.push(...page);
		previous = page;
		if (page.length < pageSize) break;
	}
	return undefined;
}

/**
 * Reports fetched before a failure are gone from Infobip: the error carries them (context.reports,
 * context.reportCount) and says how many, so that they can be found again.
 */
function keepFetchedReports(
	error: NodeApiError | NodeOperationError,
	reports: IDataObject[],
	continueOnFail: boolean,
): void {
	error.context.reports = reports;
	error.context.reportCount = reports.length;
	error.message = `${error.message}; ${plural(reports.length)} had already been fetched`;
	const where = continueOnFail
		? 'They are output before this error item and kept in its context (reports)'
		: "They are kept in this error's context (reports)";
	error.description = `Infobip hands each report out once: the ${plural(reports.length)} fetched before this failure will not be returned again. ${where}; Log → Get Many finds the same messages and their status for 48 hours.${error.description ? ` ${error.description}` : ''}`;
}

/** One input item at a time; its reports, then (with Continue On Fail) its error, paired to it. */
export const execute: OperationExecute = async function (this: IExecuteFunctions, items, context) {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const reports: IDataObject[] = [];
		let simplify = true;
		// What the item emits, and what an error keeps of the reports fetched before it.
		const shaped = () => (simplify ? reports.map(simplifyReport) : reports);
		const paired = (json: IDataObject): INodeExecutionData => ({
			json,
			pairedItem: { item: itemIndex },
		});
		try {
			simplify = context.read('simplify', itemIndex, true) as boolean;
			const notice = await fetchReports.call(this, itemIndex, context, reports);
			if (notice) this.addExecutionHints({ message: notice, location: 'outputPane' });
		} catch (caught) {
			const failed = failOrErrorItem.call(this, caught, itemIndex, {
				stopping: (error) => {
					// Earlier items' reports were handed out too: without Continue On Fail they go nowhere else.
					const fetched = [...output.map((item) => item.json), ...shaped()];
					if (fetched.length > 0) keepFetchedReports(error, fetched, false);
				},
				continuing: (error) => {
					if (reports.length > 0) keepFetchedReports(error, shaped(), true);
					return undefined;
				},
			});
			output.push(...shaped().map(paired), failed);
			continue;
		}
		output.push(...shaped().map(paired));
	}
	return output;
};
