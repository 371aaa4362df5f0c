import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { failOrErrorItem } from '../../InfobipOmni/actions/items';
import type { ReadParameter } from '../../InfobipOmni/actions/parameters';
import { ParameterError } from '../../InfobipOmni/builders/parameterError';
import { asTrimmedText, quote } from '../../InfobipOmni/builders/values';
import type { OperationContext } from '../../InfobipOmni/actions/types';
import { LIMITS } from '../../InfobipOmni/limits';
import { infobipApiRequest, repeatsPage } from '../../InfobipOmni/transport';

/**
 * A read that Infobip answers once per result (`GET /messages-api/1/reports`, `/inbound`):
 * what fetched results are called and how one is told apart from another.
 */
export interface PullTarget {
	path: string;
	/** `delivery report`, `inbound message`. */
	noun: string;
	/** Where an error keeps what was fetched: `reports`, `messages`. */
	contextKey: string;
	/** Same result, same key: finds a page served twice. */
	keyOf(result: IDataObject): string;
	/** Per item: the query (without `limit`) and how many results to return (Infinity: all). */
	read(itemIndex: number): { query: IDataObject; limit: number; simplify: boolean };
	simplify(result: IDataObject): IDataObject;
}

const plural = (noun: string, count: number) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Page after page (up to 1000 a request) until a short page, the limit, or Infobip saying
 * nothing is pending. Each page is pushed into `results` as soon as it arrives: Infobip has
 * handed it out, so a later failure must not lose it. Returns a notice when the server served
 * the same page again.
 */
async function pull(
	this: IExecuteFunctions,
	target: PullTarget,
	itemIndex: number,
	query: IDataObject,
	limit: number,
	{ policy }: OperationContext,
	results: IDataObject[],
): Promise<string | undefined> {
	let previous: IDataObject[] | undefined;
	while (results.length < limit) {
		const pageSize = Math.min(LIMITS.reportsPageMax, limit - results.length);
		// Infobip's own default is 50: leaving it out keeps the request as in Infobip's examples.
		const pageQuery =
			pageSize === LIMITS.reportsDefaultPage ? query : { ...query, limit: pageSize };
		const response = await infobipApiRequest.call(
			this,
			{ method: 'GET', path: target.path, qs: pageQuery, itemIndex, consumes: true },
			policy,
		);
		const page = (Array.isArray(response.results) ? response.results : []) as IDataObject[];
		if (repeatsPage(previous, page, target.keyOf)) {
			const seen = new Set(results.map(target.keyOf));
			results.push(...page.filter((result) => !seen.has(target.keyOf(result))));
			return `Infobip returned the same ${plural(target.noun, page.length)} twice: the server ignored paging, so Get Many stopped after ${plural(target.noun, results.length)} instead of fetching that page again. Run the node again for any later ones.`;
		}
		// All of it, even beyond the limit: whatever Infobip sent is handed out.
		results.push(...page);
		previous = page;
		if (page.length < pageSize) break;
		// Inbound answers say how many are still waiting: none means no further request.
		if (response.pendingMessageCount === 0) break;
	}
	return undefined;
}

/** Results fetched before a failure are gone from Infobip: the error carries them and says so. */
function keepFetched(
	target: PullTarget,
	error: NodeApiError | NodeOperationError,
	results: IDataObject[],
	continueOnFail: boolean,
): void {
	error.context[target.contextKey] = results;
	error.context[`${target.contextKey.replace(/s$/, '')}Count`] = results.length;
	const fetched = plural(target.noun, results.length);
	error.message = `${error.message}; ${fetched} had already been fetched`;
	const where = continueOnFail
		? `They are output before this error item and kept in its context (${target.contextKey})`
		: `They are kept in this error's context (${target.contextKey})`;
	error.description = `Infobip hands each ${target.noun} out once: the ${fetched} fetched before this failure will not be returned again. ${where}.${error.description ? ` ${error.description}` : ''}`;
}

/**
 * One input item at a time: its results (paired to it), then, with Continue On Fail, its error.
 * Without it, the error that stops the node carries every result fetched so far.
 */
export async function pullPerItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: OperationContext,
	target: PullTarget,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const results: IDataObject[] = [];
		let simplify = true;
		const shaped = () => (simplify ? results.map(target.simplify) : results);
		const paired = (json: IDataObject): INodeExecutionData => ({
			json,
			pairedItem: { item: itemIndex },
		});
		try {
			const read = target.read(itemIndex);
			simplify = read.simplify;
			const notice = await pull.call(
				this,
				target,
				itemIndex,
				read.query,
				read.limit,
				context,
				results,
			);
			if (notice) this.addExecutionHints({ message: notice, location: 'outputPane' });
		} catch (caught) {
			const failed = failOrErrorItem.call(this, caught, itemIndex, {
				stopping: (error) => {
					const fetched = [...output.map((item) => item.json), ...shaped()];
					if (fetched.length > 0) keepFetched(target, error, fetched, false);
				},
				continuing: (error) => {
					if (results.length > 0) keepFetched(target, error, shaped(), true);
					return undefined;
				},
			});
			output.push(...shaped().map(paired), failed);
			continue;
		}
		output.push(...shaped().map(paired));
	}
	return output;
}

/** Refuses a channel value an endpoint does not take (e.g. set by an expression). */
export function checkMessagesChannel(value: string, allowed: readonly string[], field: string) {
	if (!allowed.includes(value)) {
		throw new ParameterError(
			field,
			value === '' ? 'it is empty' : `${quote(value)} is not a channel this endpoint takes`,
			`Use one of: ${allowed.join(', ')}.`,
		);
	}
	return value;
}

/** The Filters collection of one item as query parameters, in `labels`' order; empty ones left out. */
export function readFilterQuery(
	read: ReadParameter,
	itemIndex: number,
	labels: Readonly<Record<string, string>>,
): IDataObject {
	const filters = read('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const [key, label] of Object.entries(labels)) {
		const value = asTrimmedText(`Filters → ${label}`, filters[key]);
		if (value) query[key] = value;
	}
	return query;
}
