/** Delivery reports and logs built from step attempts, and the filters of their endpoints. */
import type { OmniChannel } from './channels';
import { formatInfobipDate } from './dates';
import { errorOf, type MessageStatus, type StatusGroupName } from './statuses';
import type { AccountState, DeliveryReport, MessageRecord, Price, StepAttempt } from './state';

export function buildReport(
	record: MessageRecord,
	attempt: StepAttempt,
	doneAt: number,
): DeliveryReport {
	return {
		...(record.bulkId !== undefined ? { bulkId: record.bulkId } : {}),
		messageId: record.messageId,
		to: attempt.to,
		sentAt: formatInfobipDate(attempt.sentAt),
		doneAt: formatInfobipDate(doneAt),
		messageCount: attempt.messageCount,
		...(attempt.mccMnc !== undefined ? { mccMnc: attempt.mccMnc } : {}),
		price: { ...attempt.price },
		status: { ...attempt.status },
		error: attempt.error ? { ...attempt.error } : errorOf('NO_ERROR'),
		channel: attempt.channel,
		...(record.callbackData !== undefined ? { callbackData: record.callbackData } : {}),
	};
}

export interface ReportsQuery {
	bulkId?: string;
	messageId?: string;
	channel?: OmniChannel;
	limit?: number;
}

/** Takes matching reports out of the queue: each report is served once. */
export function takeReports(state: AccountState, query: ReportsQuery): DeliveryReport[] {
	const limit = query.limit ?? 50;
	const taken: DeliveryReport[] = [];
	state.pendingReports = state.pendingReports.filter((report) => {
		const matches =
			taken.length < limit &&
			(query.bulkId === undefined || report.bulkId === query.bulkId) &&
			(query.messageId === undefined || report.messageId === query.messageId) &&
			(query.channel === undefined || report.channel === query.channel);
		if (matches) taken.push(report);
		return !matches;
	});
	return taken;
}

export interface OmniLog {
	bulkId?: string;
	messageId: string;
	to: string;
	from: string;
	text?: string;
	sentAt: string;
	doneAt?: string;
	messageCount: number;
	mccMnc?: string;
	price: Price;
	status: MessageStatus;
	channel: OmniChannel;
}

export interface LogsQuery {
	from?: string;
	to?: string;
	bulkId?: string[];
	messageId?: string[];
	generalStatus?: StatusGroupName;
	channel?: OmniChannel;
	sentSince?: number;
	sentUntil?: number;
	limit?: number;
	mcc?: string;
	mnc?: string;
}

/** Logs cover the last 48 hours (DEV-OLD: "All logs are available for the last 48 hours!"). */
export const LOG_WINDOW_MS = 48 * 3_600_000;

/** Repeatable (nothing is consumed); newest first. */
export function findLogs(state: AccountState, query: LogsQuery, now: number): OmniLog[] {
	const limit = query.limit ?? 50;
	const logs: Array<{ attempt: StepAttempt; record: MessageRecord }> = [];
	for (const record of state.messages) {
		for (const attempt of record.attempts) {
			if (attempt.sentAt < now - LOG_WINDOW_MS) continue;
			if (query.from !== undefined && attempt.from !== query.from) continue;
			if (query.to !== undefined && attempt.to !== query.to) continue;
			if (query.bulkId && (record.bulkId === undefined || !query.bulkId.includes(record.bulkId)))
				continue;
			if (query.messageId && !query.messageId.includes(record.messageId)) continue;
			if (query.generalStatus !== undefined && attempt.status.groupName !== query.generalStatus)
				continue;
			if (query.channel !== undefined && attempt.channel !== query.channel) continue;
			if (query.sentSince !== undefined && attempt.sentAt < query.sentSince) continue;
			if (query.sentUntil !== undefined && attempt.sentAt > query.sentUntil) continue;
			if (query.mcc !== undefined && attempt.mccMnc?.slice(0, 3) !== query.mcc) continue;
			if (query.mnc !== undefined && attempt.mccMnc?.slice(3) !== query.mnc) continue;
			logs.push({ attempt, record });
		}
	}
	return logs
		.reverse()
		.sort((a, b) => b.attempt.sentAt - a.attempt.sentAt)
		.slice(0, limit)
		.map(({ attempt, record }) => ({
			...(record.bulkId !== undefined ? { bulkId: record.bulkId } : {}),
			messageId: record.messageId,
			to: attempt.to,
			from: attempt.from,
			...(attempt.text !== undefined ? { text: attempt.text } : {}),
			sentAt: formatInfobipDate(attempt.sentAt),
			...(attempt.doneAt !== undefined ? { doneAt: formatInfobipDate(attempt.doneAt) } : {}),
			messageCount: attempt.messageCount,
			...(attempt.mccMnc !== undefined ? { mccMnc: attempt.mccMnc } : {}),
			price: { ...attempt.price },
			status: { ...attempt.status },
			channel: attempt.channel,
		}));
}

/** `bulkId=a&bulkId=b` and `bulkId=a,b` both mean two ids (the spec shows both styles). */
export function splitList(value: unknown): string[] | undefined {
	if (value === undefined) return undefined;
	const values = Array.isArray(value) ? value : [value];
	return values
		.flatMap((item) => String(item).split(','))
		.map((item) => item.trim())
		.filter((item) => item.length > 0);
}
