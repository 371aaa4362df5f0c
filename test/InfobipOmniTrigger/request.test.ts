import {
	MAX_BODY_BYTES,
	MAX_RESULTS,
	readReportBody,
	type RawBody,
} from '../../nodes/InfobipOmniTrigger/request';

const raw = (text: string): RawBody => ({
	length: text.length,
	toString: () => text,
});

const one = { messageId: 'm-1', status: { groupName: 'DELIVERED' } };
const two = { messageId: 'm-2', seenAt: '2023-04-05T11:22:10.251+0000' };

describe('readReportBody', () => {
	it.each<[string, unknown, RawBody | undefined, unknown[]]>([
		['JSON parsed by n8n', { results: [one, two] }, raw('…'), [one, two]],
		['an empty results array', { results: [] }, raw('{"results":[]}'), []],
		['JSON with extra top-level fields', { results: [one], messageCount: 1 }, undefined, [one]],
		['XML, one result', { omnireportsresponse: { results: { result: one } } }, raw('<…>'), [one]],
		[
			'XML, several results',
			{ omnireportsresponse: { results: { result: [one, two] } } },
			raw('<…>'),
			[one, two],
		],
		['XML, no results', { omnireportsresponse: { results: '' } }, raw('<…>'), []],
		[
			'XML with a root attribute',
			{ root: { $: { v: '1' }, results: { result: one } } },
			raw('<…>'),
			[one],
		],
		['text/plain JSON', JSON.stringify({ results: [one] }), raw('…'), [one]],
		['JSON n8n left unparsed', {}, raw(JSON.stringify({ results: [two] })), [two]],
	])('reads %s', (_what, body, rawBody, expected) => {
		expect(readReportBody(body, rawBody)).toEqual({ ok: true, results: expected });
	});

	it.each<[string, unknown, RawBody | undefined, RegExp]>([
		['no body', {}, raw(''), /no body/],
		['no body at all', {}, undefined, /no body/],
		['text that is not JSON', 'hello', raw('hello'), /not JSON/],
		['a JSON array', {}, raw('[1]'), /not a JSON object/],
		['JSON null', {}, raw('null'), /not a JSON object/],
		['unparsed XML', '<a/>', raw('<a/>'), /looks like XML/],
		['no results', { reports: [] }, raw('…'), /no "results" array/],
		['results as text', { results: 'x' }, raw('…'), /no "results" array/],
		['results as a JSON object', { results: { a: 1 } }, raw('…'), /no "results" array/],
		['two roots', { a: { results: [] }, b: {} }, raw('…'), /no "results" array/],
		[
			'a result that is a string',
			{ results: [one, 'x'] },
			raw('…'),
			/results\[1\] is not an object/,
		],
		['a result that is an array', { results: [[one]] }, raw('…'), /results\[0\] is not an object/],
		['a null result', { results: [null] }, raw('…'), /results\[0\] is not an object/],
	])('refuses %s', (_what, body, rawBody, problem) => {
		const read = readReportBody(body, rawBody);
		expect(read.ok).toBe(false);
		expect(read.ok === false && read.problem).toMatch(problem);
		expect(read.ok === false && read.fix).toBeTruthy();
	});

	it(`refuses a body over ${MAX_BODY_BYTES} bytes, and takes one of exactly that size`, () => {
		const body = { results: [one] };
		expect(readReportBody(body, { length: MAX_BODY_BYTES, toString: () => '' }).ok).toBe(true);
		expect(readReportBody(body, { length: MAX_BODY_BYTES + 1, toString: () => '' })).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/1048577 bytes/),
		});
	});

	it(`refuses more than ${MAX_RESULTS} results, and takes exactly that many`, () => {
		const results = (n: number) => ({ results: Array.from({ length: n }, () => one) });
		expect(readReportBody(results(MAX_RESULTS), undefined).ok).toBe(true);
		expect(readReportBody(results(MAX_RESULTS + 1), undefined).ok).toBe(false);
	});
});
