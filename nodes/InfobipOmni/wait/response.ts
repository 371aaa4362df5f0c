import type {
	IDataObject,
	IExecuteFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ParameterError } from '../builders/parameterError';
import { isBotOrPreview } from './bots';
import {
	FREE_TEXT_FIELDS,
	formFieldsFromJson,
	formFieldsFromParameter,
	readSubmission,
	type FormField,
} from './forms';
import type { LimitWaitTime } from './limit';
import { formPage, messagePage, PAGE_CSP } from './pages';
import { SENT_MESSAGES_KEY, waitingItems } from './waiting';

export type ResponseType = 'approval' | 'freeText' | 'customForm';

/** The Options collection of Send and Wait for Response. */
export interface ResponseOptions {
	limitWaitTime?: { values?: LimitWaitTime };
	messageButtonLabel?: string;
	responseFormTitle?: string;
	responseFormDescription?: string;
	responseFormButtonLabel?: string;
	appendAttribution?: boolean;
}

interface ApprovalOptions {
	approvalType?: 'single' | 'double';
	approveLabel?: string;
	disapproveLabel?: string;
}

/** Where a parameter is read from: item 0 in execute(), the node's own in webhook(). */
type Get = (name: string, fallback: unknown) => unknown;

const getterOf = (context: IExecuteFunctions | IWebhookFunctions): Get =>
	'getInputData' in context
		? (name, fallback) => context.getNodeParameter(name, 0, fallback)
		: (name, fallback) => (context as IWebhookFunctions).getNodeParameter(name, fallback);

function responseTypeOf(get: Get): ResponseType {
	const type = String(get('responseType', 'approval'));
	if (type === 'freeText' || type === 'customForm') return type;
	return 'approval';
}

/** The fields the recipient fills in; refuses a bad Custom Form definition. */
export function formFieldsOf(get: Get, responseType: ResponseType): FormField[] {
	if (responseType === 'freeText') return FREE_TEXT_FIELDS;
	if (responseType !== 'customForm') return [];
	return get('defineForm', 'fields') === 'json'
		? formFieldsFromJson(get('jsonOutput', '[]'))
		: formFieldsFromParameter(get('formFields', {}));
}

/** n8n's send-and-wait texts read `\n` typed in a one-line field as a line break. */
const lineBreaks = (text: string) => text.replace(/\\n/g, '\n').replace(/<br\s*\/?>/gi, '\n');

const ATTRIBUTION = 'Sent automatically with n8n';

/**
 * The text sent: the message, then one line per link ("Approve: https://…"), each link signed
 * by n8n (getSignedResumeUrl) so that it resumes this execution only. Refuses, before anything
 * is sent, an empty message or a form that could never be shown.
 */
export function responseText(this: IExecuteFunctions): string {
	const get = getterOf(this);
	const message = lineBreaks(String(get('message', '') ?? '')).trim();
	if (!message) {
		throw new ParameterError(
			'Message',
			'it is empty',
			'Write the question the recipient answers, e.g. "Can we deliver tomorrow?".',
		);
	}
	const responseType = responseTypeOf(get);
	formFieldsOf(get, responseType);
	const options = (get('options', {}) ?? {}) as ResponseOptions;
	const lines: string[] = [];
	if (responseType === 'approval') {
		const approval = (get('approvalOptions.values', {}) ?? {}) as ApprovalOptions;
		const approve = approval.approveLabel?.trim() || 'Approve';
		lines.push(`${approve}: ${this.getSignedResumeUrl({ approved: 'true' })}`);
		if (approval.approvalType === 'double') {
			const decline = approval.disapproveLabel?.trim() || 'Decline';
			lines.push(`${decline}: ${this.getSignedResumeUrl({ approved: 'false' })}`);
		}
	} else {
		const label = options.messageButtonLabel?.trim() || 'Respond';
		lines.push(`${label}: ${this.getSignedResumeUrl()}`);
	}
	const attribution = options.appendAttribution === true ? `\n\n${ATTRIBUTION}` : '';
	return `${message}\n\n${lines.join('\n')}${attribution}`;
}

/** Answers with an HTML page and keeps the execution waiting. */
function page(context: IWebhookFunctions, status: number, html: string): IWebhookResponseData {
	const res = context.getResponseObject();
	res.status(status);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Content-Security-Policy', PAGE_CSP);
	res.send(html);
	return { noWebhookResponse: true };
}

/** The page after an answer: what was recorded, in the recipient's words. */
function recordedPage(answer: IDataObject): string {
	const what =
		answer.approved === true
			? 'You approved.'
			: answer.approved === false
				? 'You declined.'
				: 'Your answer was recorded.';
	return messagePage('Got it, thanks', `${what} You can close this page.`);
}

/** The answer as the node outputs it once the execution resumes, paired to the input item. */
function resumeWith(context: IWebhookFunctions, answer: IDataObject): IWebhookResponseData {
	context.getResponseObject().setHeader('Content-Security-Policy', PAGE_CSP);
	return {
		webhookResponse: recordedPage(answer),
		workflowData: [
			[
				{
					json: {
						// n8n's shape ($json.data.approved): its agent's human review reads it.
						data: { ...answer, respondedAt: new Date().toISOString() },
						messages:
							((waitingItems.call(context)[0]?.[SENT_MESSAGES_KEY] as IDataObject | undefined)
								?.messages as IDataObject[] | undefined) ?? [],
					},
					pairedItem: { item: 0 },
				},
			],
		],
	};
}

/**
 * The resume webhook of Send and Wait for Response (n8n checked the link's signature first).
 * Approval: opening a link records it, unless the request comes from a link-preview fetcher or
 * a bot, which would otherwise answer for the recipient. Free Text and Custom Form: GET shows the
 * form, POST records it, or shows it again with what is missing.
 */
export async function responseWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const get = getterOf(this);
	const responseType = responseTypeOf(get);
	const bot = isBotOrPreview(req.headers['user-agent']);
	if (responseType === 'approval') {
		if (bot) return page(this, 200, messagePage('Infobip', 'Open this link in your browser.'));
		return resumeWith(this, { approved: (req.query as IDataObject).approved === 'true' });
	}

	const fields = formFieldsOf(get, responseType);
	const options = (get('options', {}) ?? {}) as ResponseOptions;
	const form = (problems?: string[], values?: IDataObject) =>
		formPage({
			title: options.responseFormTitle?.trim() ?? '',
			description: lineBreaks(
				options.responseFormDescription?.trim() || String(get('message', '') ?? ''),
			),
			fields,
			buttonLabel: options.responseFormButtonLabel?.trim() || 'Submit',
			problems,
			values,
		});
	if (req.method !== 'POST' || bot) return page(this, 200, form());

	const body = this.getBodyData();
	const submission = readSubmission(fields, body);
	if ('problems' in submission) return page(this, 400, form(submission.problems, body));
	if (responseType === 'freeText') {
		return resumeWith(this, { text: submission.answer[FREE_TEXT_FIELDS[0].label] });
	}
	return resumeWith(this, submission.answer);
}
