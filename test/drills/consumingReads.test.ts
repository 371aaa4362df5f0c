/**
 * Reads that consume (issue #10 §6): delivery reports are handed out once, so reports fetched
 * before a failure must reach the user; and no paging loop fetches a repeated page on and on.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchScenarios } from '../../nodes/InfobipOmni/methods/listSearch';
import { loadOptionsContext, NODE_NAME, runNode, type NodeRun } from '../support/harness';
import { useScriptedServer } from '../support/infobip';
import { type Reply } from '../support/server';
import { basicAuth } from './support';

const server = useScriptedServer(() => ({ status: 200, body: { results: [] } }));

const credentials = () => basicAuth(server);

/** `count` delivery reports, message IDs `<prefix>-0` … */
const reports = (count: number, prefix = 'm') =>
	Array.from({ length: count }, (_, i) => ({
		bulkId: 'bulk-1',
		messageId: `${prefix}-${i}`,
		to: `4179302${String(i).padStart(4, '0')}`,
		channel: 'SMS',
		status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET' },
	}));

const page = (results: object[]): Reply => ({ status: 200, body: { results } });
const GENERAL_ERROR: Reply = {
	status: 500,
	body: { requestError: { serviceException: { messageId: 'GENERAL_ERROR', text: 'boom' } } },
};

type OnError = 'stop' | 'continueRegularOutput' | 'continueErrorOutput';

const getReports = (
	options: {
		onError?: OnError;
		items?: number;
		nodeOptions?: IDataObject;
		returnAll?: boolean;
		simplify?: boolean;
	} = {},
) =>
	runNode({
		parameters: {
			resource: 'deliveryReport',
			operation: 'getAll',
			returnAll: options.returnAll ?? true,
			// Infobip's raw reports, so that what was handed out can be compared as it came.
			simplify: options.simplify ?? false,
			requestSettings: (options.nodeOptions ?? {}) as INodeParameters,
		},
		credentials: credentials(),
		input: Array.from({ length: options.items ?? 1 }, () => ({ json: {} })),
		...(options.onError && options.onError !== 'stop' ? { onError: options.onError } : {}),
	});

const hintsOf = (run: NodeRun) =>
	(run.run.data.resultData.runData[NODE_NAME]?.[0]?.hints ?? []).map((hint) => hint.message);

const kept = (count: number, continueOnFail: boolean) =>
	`Infobip hands each report out once: the ${count} delivery reports fetched before this failure will not be returned again. ${
		continueOnFail
			? 'They are output before this error item and kept in its context (reports)'
			: "They are kept in this error's context (reports)"
	}; Log → Get Many finds the same messages and their status for 48 hours.`;

describe('Delivery Report → Get Many: a later page fails after reports were handed out', () => {
	const first = reports(1000);

	it.each([
		[
			'500',
			[GENERAL_ERROR],
			{},
			'Infobip answered 500 GENERAL_ERROR: boom to GET /omni/1/reports; 1000 delivery reports had already been fetched',
			'',
			2,
		],
		[
			'a timeout (not retried: the lost answer may have taken reports)',
			[{ hang: true } as Reply],
			{ timeoutSeconds: 1 },
			'Infobip did not answer GET /omni/1/reports within 1 s; reports may have been handed out; 1000 delivery reports had already been fetched',
			' Network code: ECONNABORTED. It was not retried: Infobip hands each report out once, so the lost answer may have taken reports with it. Find them with Log → Get Many.',
			2,
		],
		[
			'a 503 that outlasts the retries',
			[
				{ status: 503, body: {} },
				{ status: 503, body: {} },
			] as Reply[],
			{ maxRetries: 1 },
			'Infobip answered 503 to GET /omni/1/reports; 1000 delivery reports had already been fetched',
			'',
			3,
		],
	])(
		'page 1 OK, then %s: the error carries page 1 and says how many',
		async (_name, failures, nodeOptions, message, rest, requests) => {
			server.reply(page(first), ...failures);
			const run = await getReports({ nodeOptions });

			expect(server.received).toHaveLength(requests);
			expect(server.received.map((r) => r.url)).toEqual(
				Array(requests).fill('/omni/1/reports?limit=1000'),
			);
			expect(run.output).toEqual([]);
			expect(run.error?.message).toBe(message);
			expect(run.error?.description).toBe(`${kept(1000, false)}${rest}`);
			expect(run.error?.context.reportCount).toBe(1000);
			expect(run.error?.context.reports).toEqual(first);
		},
	);

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'Continue On Fail (%s): the reports, then one error item, all paired to the input item',
		async (onError) => {
			server.reply(page(first), GENERAL_ERROR);
			const run = await getReports({ onError });

			expect(run.error).toBeUndefined();
			const all = [...run.output, ...run.errorOutput];
			expect(all).toHaveLength(1001);
			expect(all.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
			const reportItems = all.filter((item) => item.json.error === undefined);
			expect(reportItems.map((item) => item.json)).toEqual(first);
			const errorItems = all.filter((item) => item.json.error !== undefined);
			expect(errorItems.map((item) => item.json)).toEqual([
				{
					error:
						'Infobip answered 500 GENERAL_ERROR: boom to GET /omni/1/reports; 1000 delivery reports had already been fetched',
					details: { description: kept(1000, true), httpCode: '500' },
				},
			]);
			if (onError === 'continueRegularOutput') {
				// The error item comes last, after the reports it follows.
				expect(run.output[1000].json.error).toBeDefined();
			} else {
				expect(run.errorOutput).toHaveLength(1);
			}
		},
	);

	it("without Continue On Fail, earlier items' reports travel in the error too", async () => {
		const earlier = reports(3, 'a');
		server.reply(page(earlier), GENERAL_ERROR);
		const run = await getReports({ items: 2 });
		expect(server.received).toHaveLength(2);
		expect(run.error?.message).toBe(
			'Infobip answered 500 GENERAL_ERROR: boom to GET /omni/1/reports; 3 delivery reports had already been fetched',
		);
		expect(run.error?.context.reports).toEqual(earlier);
		expect(run.error?.context.itemIndex).toBe(1);
	});

	it('Simplify on: the error keeps the reports in the shape the node outputs them', async () => {
		server.reply(page(reports(1)), GENERAL_ERROR);
		const run = await getReports({ simplify: true, items: 2 });
		expect(run.error?.context.reports).toEqual([
			{
				messageId: 'm-0',
				bulkId: 'bulk-1',
				to: '41793020000',
				from: null,
				channel: 'SMS',
				status: 'DELIVERED_TO_HANDSET',
				statusId: 5,
				statusGroup: 'DELIVERED',
				statusGroupId: 3,
				statusDescription: null,
				statusAction: null,
				error: null,
				price: null,
				sentAt: null,
				doneAt: null,
				messageCount: null,
				mccMnc: null,
				callbackData: null,
				text: null,
				contact: null,
			},
		]);
	});

	it('with Continue On Fail, a failing item with nothing fetched keeps the plain error', async () => {
		const earlier = reports(3, 'a');
		server.reply(page(earlier), GENERAL_ERROR);
		const run = await getReports({ items: 2, onError: 'continueRegularOutput' });
		expect(
			run.output.map((item) => [item.pairedItem, item.json.messageId ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, 'a-0'],
			[{ item: 0 }, 'a-1'],
			[{ item: 0 }, 'a-2'],
			[{ item: 1 }, 'Infobip answered 500 GENERAL_ERROR: boom to GET /omni/1/reports'],
		]);
	});

	it('the first page failing has no reports to keep: the error is unchanged', async () => {
		server.reply(GENERAL_ERROR);
		const run = await getReports();
		expect(run.error?.message).toBe(
			'Infobip answered 500 GENERAL_ERROR: boom to GET /omni/1/reports',
		);
		expect(run.error?.context.reports).toBeUndefined();
	});

	it('a short last page ends the read without error (1000 + 7 reports, 2 requests)', async () => {
		server.reply(page(first), page(reports(7, 'b')));
		const run = await getReports();
		expect(run.error).toBeUndefined();
		expect(run.output).toHaveLength(1007);
		expect(server.received).toHaveLength(2);
		expect(hintsOf(run)).toEqual([]);
	});
});

describe('a server that ignores paging and serves the same full page forever', () => {
	it('Delivery reports: 2 requests, the reports once, and a notice naming what the server did', async () => {
		const same = reports(1000);
		server.respondWith(() => page(same));
		const run = await getReports();

		expect(server.received).toHaveLength(2);
		expect(run.error).toBeUndefined();
		expect(run.output.map((item) => item.json)).toEqual(same);
		expect(hintsOf(run)).toEqual([
			'Infobip returned the same 1000 delivery reports twice (message IDs m-0 to m-999): the server ignored paging, so Get Many stopped after 1000 delivery reports instead of fetching that page again. Run the node again for any later reports.',
		]);
	});

	it('Delivery reports with a limit above one page: the same, bounded by the repeat, not the limit', async () => {
		const same = reports(1000);
		server.respondWith(() => page(same));
		const run = await runNode({
			parameters: {
				resource: 'deliveryReport',
				operation: 'getAll',
				returnAll: false,
				limit: 5000,
			},
			credentials: credentials(),
		});
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/reports?limit=1000',
			'/omni/1/reports?limit=1000',
		]);
		expect(run.output).toHaveLength(1000);
	});

	it('a repeated page with a new report inside keeps that report', async () => {
		const firstPage = reports(1000);
		const again = firstPage.map((report, i) =>
			i === 500 ? { ...report, messageId: 'new-one' } : report,
		);
		server.reply(page(firstPage), page(again));
		const run = await getReports();
		expect(server.received).toHaveLength(2);
		expect(run.output.map((item) => item.json.messageId)).toEqual([
			...firstPage.map((report) => report.messageId),
			'new-one',
		]);
		expect(hintsOf(run)).toHaveLength(1);
	});

	const scenarios = (from: number, count: number) =>
		Array.from({ length: count }, (_, i) => ({
			key: `S${String(from + i).padStart(31, '0')}`,
			name: `Scenario ${from + i}`,
			flow: [{ from: 'InfoSMS', channel: 'SMS' }],
			default: from + i === 0,
		}));

	it('Scenario → Get Many: 2 requests, each scenario once, quietly', async () => {
		const same = scenarios(0, 100);
		server.respondWith(() => ({ status: 200, body: { scenarios: same } }));
		const run = await runNode({
			parameters: { resource: 'scenario', operation: 'getAll', returnAll: true },
			credentials: credentials(),
		});
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/scenarios?page=0&limit=100',
			'/omni/1/scenarios?page=1&limit=100',
		]);
		expect(run.error).toBeUndefined();
		expect(run.output.map((item) => item.json)).toEqual(same);
		expect(hintsOf(run)).toEqual([]);
	});

	it('Scenario → Get Many: a page that overlaps keeps only the new scenarios', async () => {
		server.reply(
			{ status: 200, body: { scenarios: scenarios(0, 100) } },
			{ status: 200, body: { scenarios: scenarios(50, 100) } },
			{ status: 200, body: { scenarios: scenarios(150, 3) } },
		);
		const run = await runNode({
			parameters: { resource: 'scenario', operation: 'getAll', returnAll: true },
			credentials: credentials(),
		});
		expect(server.received).toHaveLength(3);
		expect(run.output.map((item) => item.json.name)).toEqual(
			scenarios(0, 153).map((scenario) => scenario.name),
		);
	});

	it('Scenario → Get Many, paging honoured: pages are read to the end (control)', async () => {
		server.respondWith((request) => {
			const pageNumber = Number(request.query.page);
			return {
				status: 200,
				body: { scenarios: pageNumber < 2 ? scenarios(pageNumber * 100, 100) : scenarios(200, 1) },
			};
		});
		const run = await runNode({
			parameters: { resource: 'scenario', operation: 'getAll', returnAll: true },
			credentials: credentials(),
		});
		expect(server.received).toHaveLength(3);
		expect(run.output).toHaveLength(201);
	});

	it('the scenario picker (From List): the repeated page ends the list', async () => {
		const same = scenarios(0, 50);
		server.respondWith(() => ({ status: 200, body: { scenarios: same } }));
		const context = () =>
			loadOptionsContext({
				parameters: { authentication: 'basicAuth', resource: 'scenario', operation: 'get' },
				credentials: credentials(),
			});
		const firstPage = await searchScenarios.call(context());
		expect(firstPage.results).toHaveLength(50);
		expect(firstPage.paginationToken).toBeDefined();
		const second = await searchScenarios.call(context(), undefined, firstPage.paginationToken);
		expect(second).toEqual({ results: [] });
		expect(server.received.map((r) => r.url)).toEqual([
			'/omni/1/scenarios?page=0&limit=50',
			'/omni/1/scenarios?page=1&limit=50',
		]);
	});

	it('the scenario picker still reads old numeric tokens', async () => {
		server.respondWith(() => ({ status: 200, body: { scenarios: scenarios(0, 3) } }));
		const context = loadOptionsContext({
			parameters: { authentication: 'basicAuth', resource: 'scenario', operation: 'get' },
			credentials: credentials(),
		});
		const result = await searchScenarios.call(context, undefined, '4');
		expect(result.results).toHaveLength(3);
		expect(result.paginationToken).toBeUndefined();
		expect(server.received.map((r) => r.url)).toEqual(['/omni/1/scenarios?page=4&limit=50']);
	});
});
