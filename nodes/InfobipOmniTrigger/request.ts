import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { field, isObject } from './reports';

/**
 * Limits on one push. Infobip batches results; 1,000 per request is the most its reports
 * endpoint ever returns (https://www.infobip.com/docs/api/channels/omni-failover/get-omni-failover-delivery-reports), and 1 MiB holds 1,000 results with room to spare.
 * A larger request is refused with 400 rather than cut, so no result is dropped silently.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_RESULTS = 1000;

/** What the node needs of the raw request body n8n keeps (`req.rawBody`, a Buffer). */
export interface RawBody {
	length: number;
	toString(encoding?: 'utf8'): string;
}

export type ReadBody =
	| { ok: true; results: IDataObject[] }
	| { ok: false; problem: string; fix: string };

const refuse = (problem: string, fix: string): ReadBody => ({ ok: false, problem, fix });

/** Marks a failed parse: no JSON text parses to this very object. */
const NOT_JSON = Symbol('not JSON');

const FIX_SHAPE =
	'Infobip sends {"results": [ … ]} as JSON (Content-Type: application/json) or XML (application/xml); point only Infobip OMNI Notify URLs at this webhook.';

/**
 * The body as an object. n8n has already parsed JSON and XML by their content type; a body
 * sent without one (or as text/plain) arrives unparsed and is read here as JSON.
 */
function bodyObject(body: unknown, rawBody: RawBody | undefined): IDataObject | string {
	const parsedByN8n = isObject(body) && Object.keys(body).length > 0;
	if (parsedByN8n) return body;
	const text =
		typeof body === 'string' && body.trim() !== '' ? body : (rawBody?.toString('utf8') ?? '');
	if (text.trim() === '') return 'the request has no body';
	if (text.trim().startsWith('<')) {
		return 'the body looks like XML but was not sent with an XML Content-Type, so n8n did not parse it';
	}
	const parsed = jsonParse<unknown>(text, { fallbackValue: NOT_JSON });
	if (parsed === NOT_JSON) return 'the body is not JSON';
	if (!isObject(parsed)) return 'the body is not a JSON object';
	return parsed;
}

/**
 * `results` from JSON, or from XML as n8n parses it: under the root element
 * (`<omniReportsResponse>`, `<MessagesApiDeliveryReportResponse>`), with
 * `<results><result>…</result></results>` (Messages API: `<results><results>`) becoming
 * `results.result`, an object for one result and an array for several (`explicitArray: false`).
 */
function resultsOf(body: IDataObject): unknown {
	let container = body;
	if (field(container, 'results') === undefined) {
		const keys = Object.keys(container).filter((key) => key !== '$');
		const root = keys.length === 1 ? container[keys[0]] : undefined;
		if (isObject(root)) container = root;
	}
	const results = field(container, 'results');
	if (Array.isArray(results)) return results;
	// XML: an empty <results/> is '', one <result> an object, several an array.
	if (results === '') return [];
	if (isObject(results)) {
		// OMNI nests <result>, the Messages API <results> again (the spec's XML example).
		const inner = field(results, 'result') ?? field(results, 'results');
		if (Array.isArray(inner)) return inner;
		if (isObject(inner)) return [inner];
	}
	return undefined;
}

/** Checks one push and returns its results, or why it cannot be accepted (answered 400). */
export function readReportBody(body: unknown, rawBody: RawBody | undefined): ReadBody {
	const size = rawBody?.length ?? (typeof body === 'string' ? body.length : 0);
	if (size > MAX_BODY_BYTES) {
		return refuse(
			`the body is ${size} bytes, more than the ${MAX_BODY_BYTES} this trigger accepts`,
			`Infobip never needs more; if a proxy batches reports, keep each request under ${MAX_BODY_BYTES} bytes and ${MAX_RESULTS} results.`,
		);
	}
	const parsed = bodyObject(body, rawBody);
	if (typeof parsed === 'string') return refuse(parsed, FIX_SHAPE);

	const results = resultsOf(parsed);
	if (!Array.isArray(results)) return refuse('the body has no "results" array', FIX_SHAPE);
	if (results.length > MAX_RESULTS) {
		return refuse(
			`the body has ${results.length} results, more than the ${MAX_RESULTS} this trigger accepts`,
			`Send at most ${MAX_RESULTS} results per request.`,
		);
	}
	const notObject = results.findIndex((result) => !isObject(result));
	if (notObject !== -1) {
		return refuse(`results[${notObject}] is not an object`, FIX_SHAPE);
	}
	return { ok: true, results: results as IDataObject[] };
}
