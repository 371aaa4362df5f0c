import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { readReportBody } from '../../InfobipOmniTrigger/request';
import { simplifyReport, type ReportField } from '../reports/simplify';
import { isErrorItem, isSentMessage, pairedIndex, waitingItems } from './waiting';

/**
 * One message waited for, as the node outputs it: the one report shape (docs/report-shape.md)
 * plus where the wait stands. Before the final status it holds the send's answer; on the Limit
 * Wait Time it is output as it is, `final: false`.
 */
export type DeliveryRecord = Record<ReportField, IDataObject[string]> & {
	/** The channels the message tries, in order (empty: not known). */
	channels: string[];
	final: boolean;
	delivered: boolean;
	/** From the send to the final report's doneAt, when delivered. */
	secondsToDeliver: number | null;
};

const FAILED_GROUPS = new Set(['UNDELIVERABLE', 'EXPIRED', 'REJECTED']);

/**
 * Whether a report ends its message: delivered on some channel, or failed on the last channel
 * it tries. A failed failover step (the Messages API's receiveTriggeredFailoverReports, or an
 * OMNI flow reporting each step) is not the end, nor is a pending status.
 */
export function isFinal(report: IDataObject, channels: readonly string[]): boolean {
	const simple = simplifyReport(report);
	if (simple.statusGroup === 'DELIVERED') return true;
	if (!FAILED_GROUPS.has(String(simple.statusGroup))) return false;
	if (channels.length === 0 || simple.channel === null) return true;
	return simple.channel === channels[channels.length - 1];
}

/** A record before its final status: the send's answer, in the report shape. */
export function pendingRecord(
	sent: IDataObject,
	channels: string[],
	sentAt: string,
): DeliveryRecord {
	const report = simplifyReport({
		messageId: sent.messageId,
		bulkId: sent.bulkId,
		to: sent.to,
		channel: sent.channel,
		status: {
			name: sent.statusName,
			groupName: sent.status,
			description: sent.statusDescription,
		},
		sentAt,
	});
	return { ...report, channels, final: false, delivered: false, secondsToDeliver: null };
}

/** The record once its final report is known. */
export function finalRecord(record: IDataObject, report: IDataObject): DeliveryRecord {
	const simple = simplifyReport(report);
	const delivered = simple.statusGroup === 'DELIVERED';
	const sentAt = Date.parse(String(record.sentAt ?? ''));
	const doneAt = Date.parse(String(simple.doneAt ?? ''));
	return {
		...simple,
		// The send's values where the report has none (a log may name no bulk).
		messageId: simple.messageId ?? (record.messageId as string),
		bulkId: simple.bulkId ?? (record.bulkId as string | null) ?? null,
		to: simple.to ?? (record.to as string | null) ?? null,
		sentAt: (record.sentAt as string | null) ?? simple.sentAt,
		channels: Array.isArray(record.channels) ? (record.channels as string[]) : [],
		final: true,
		delivered,
		secondsToDeliver:
			delivered && Number.isFinite(sentAt) && Number.isFinite(doneAt)
				? Math.max(0, Math.round((doneAt - sentAt) / 100) / 10)
				: null,
	};
}

/** Reads the current statuses of messages from Infobip (OMNI: its logs); none found: absent. */
export type StatusLookup = (
	this: IWebhookFunctions,
	messageIds: string[],
) => Promise<Map<string, IDataObject>>;

function answer(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	const res = context.getResponseObject();
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * The resume webhook of Send and Wait for Delivery: Infobip pushes each message's report to the
 * execution's resume URL (n8n checked its token first). The execution resumes once every
 * message has its final report; until then each push is answered 200 and nothing is kept.
 * n8n keeps nothing between calls to a waiting node, so a push that leaves other messages open
 * asks `lookUp` (OMNI's logs) for theirs; without one, the wait is for one message
 * (the Messages API node allows no more). A push of no message of this execution is refused.
 */
export async function deliveryWebhook(
	this: IWebhookFunctions,
	lookUp?: StatusLookup,
): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	if (req.method !== 'POST') {
		return answer(this, 405, { message: 'Infobip posts delivery reports here' });
	}
	const read = readReportBody(this.getBodyData(), req.rawBody);
	if (!read.ok) return answer(this, 400, { message: read.problem, hint: read.fix });

	const waiting = waitingItems.call(this);
	const records = new Map<string, INodeExecutionData>();
	for (const item of waiting) {
		if (isSentMessage(item)) records.set(item.json.messageId as string, item);
	}
	const channelsOf = (messageId: string): string[] => {
		const channels = records.get(messageId)?.json.channels;
		return Array.isArray(channels) ? (channels as string[]) : [];
	};

	const ours = read.results.filter(
		(report) => typeof report.messageId === 'string' && records.has(report.messageId),
	);
	if (ours.length === 0) {
		return answer(this, 400, {
			message: 'None of these reports is of a message this execution waits for',
		});
	}
	const finals = new Map<string, IDataObject>();
	for (const report of ours) {
		const id = report.messageId as string;
		if (isFinal(report, channelsOf(id))) finals.set(id, report);
	}
	let open = [...records.keys()].filter((id) => !finals.has(id));
	if (open.length > 0 && finals.size > 0 && lookUp) {
		const current = await lookUp.call(this, open);
		for (const id of open) {
			const report = current.get(id);
			if (report && isFinal(report, channelsOf(id))) finals.set(id, report);
		}
		open = open.filter((id) => !finals.has(id));
	}
	if (open.length > 0) {
		return answer(this, 200, {
			message: `Report received; ${open.length} of ${records.size} messages have no final status yet`,
		});
	}

	const output = waiting.map((item): INodeExecutionData => {
		const id = item.json.messageId;
		const report = typeof id === 'string' ? finals.get(id) : undefined;
		if (isErrorItem(item) || !report) return item;
		return {
			json: finalRecord(item.json, report),
			pairedItem: { item: pairedIndex(item) },
		};
	});
	return {
		webhookResponse: { message: 'All messages have their final status' },
		workflowData: [output],
	};
}
