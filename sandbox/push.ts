/**
 * Pushes delivery reports to the request's `notifyUrl`, with Infobip's retry cycle
 * `1min + (1min * retryNumber * retryNumber)` on the sandbox clock, and records every attempt.
 */
import type { SandboxClock } from './clock';
import { formatInfobipDate } from './dates';
import type { DeliveryReport, PushTarget } from './state';
import { toXml } from './xml';

export interface PushAttempt {
	accountId: string;
	url: string;
	contentType: string;
	/** The exact body sent. */
	body: string;
	/** 1 for the first try, 2 for the first retry, … */
	attempt: number;
	/** Virtual time of the attempt (epoch ms) and the same in Infobip's format. */
	at: number;
	time: string;
	/** HTTP status of the receiver's answer, when there was one. */
	status?: number;
	/** Network error or timeout, when there was no answer. */
	error?: string;
	/** True when the receiver answered 2xx. */
	delivered: boolean;
	messageIds: string[];
	/** True for intermediate (PENDING) reports. */
	intermediate: boolean;
}

export const PUSH_RETRY = {
	/** Retries after the first attempt (Infobip does not publish a cap; the sandbox stops here). */
	maxRetries: 5,
	/** Delay before retry n (1-based), counted from the failed attempt. */
	delayMs: (retryNumber: number): number => 60_000 + 60_000 * retryNumber * retryNumber,
};

/** Root element of XML reports, as in the spec's XML example of `GET /omni/1/reports`. */
export const XML_REPORTS_ROOT = 'omniReportsResponse';

export function serialiseReports(reports: DeliveryReport[], contentType: string): string {
	return contentType === 'application/xml'
		? toXml(XML_REPORTS_ROOT, { results: reports })
		: JSON.stringify({ results: reports });
}

type PostResult = { status: number } | { error: string };

async function post(
	url: string,
	contentType: string,
	body: string,
	timeoutMs: number,
): Promise<PostResult> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': contentType },
			body,
			signal: AbortSignal.timeout(timeoutMs),
		});
		// Drain the answer so that the connection can be reused.
		await response.arrayBuffer();
		return { status: response.status };
	} catch (failure) {
		const cause = (failure as { cause?: { code?: string } }).cause;
		return { error: cause?.code ?? (failure instanceof Error ? failure.message : String(failure)) };
	}
}

interface PushJob {
	accountId: string;
	target: { url: string; contentType: string };
	body: string;
	messageIds: string[];
	intermediate: boolean;
}

export class ReportPusher {
	private log: PushAttempt[] = [];

	constructor(
		private readonly clock: SandboxClock,
		private readonly timeoutMs: number,
	) {}

	attempts(): PushAttempt[] {
		return this.log.map((attempt) => ({ ...attempt, messageIds: [...attempt.messageIds] }));
	}

	reset(): void {
		this.log = [];
	}

	/** Pushes now, or at `at` (the virtual time of the report being pushed). */
	push(
		accountId: string,
		target: PushTarget,
		reports: DeliveryReport[],
		intermediate = false,
		at = this.clock.now(),
	): Promise<void> {
		return this.attempt(
			{
				accountId,
				target,
				body: serialiseReports(reports, target.contentType),
				messageIds: reports.map((report) => report.messageId),
				intermediate,
			},
			1,
			at,
		);
	}

	/** Pushes a ready-made body (Messages API reports and inbound events) with the same retries and records. */
	pushBody(
		accountId: string,
		target: { url: string; contentType: string },
		body: string,
		messageIds: string[],
		intermediate = false,
		at = this.clock.now(),
	): Promise<void> {
		return this.attempt({ accountId, target, body, messageIds, intermediate }, 1, at);
	}

	private async attempt(job: PushJob, attemptNumber: number, at: number): Promise<void> {
		const entry: PushAttempt = {
			accountId: job.accountId,
			url: job.target.url,
			contentType: job.target.contentType,
			body: job.body,
			attempt: attemptNumber,
			at,
			time: formatInfobipDate(at),
			delivered: false,
			messageIds: job.messageIds,
			intermediate: job.intermediate,
		};
		this.log.push(entry);
		const result = await post(job.target.url, job.target.contentType, job.body, this.timeoutMs);
		if ('status' in result) entry.status = result.status;
		else entry.error = result.error;
		entry.delivered = 'status' in result && result.status >= 200 && result.status < 300;
		const retryNumber = attemptNumber;
		if (!entry.delivered && retryNumber <= PUSH_RETRY.maxRetries) {
			this.clock.schedule(at + PUSH_RETRY.delayMs(retryNumber), (retryAt) =>
				this.attempt(job, attemptNumber + 1, retryAt),
			);
		}
	}
}
