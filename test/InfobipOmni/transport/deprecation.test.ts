/**
 * Infobip's deprecation signals (https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation):
 * `Deprecation` / `Sunset` / `Link` headers become one execution hint per node run, and 410 Gone
 * a clear error, for OMNI and Messages API endpoints; list searches (no hints there) ignore them.
 */
import {
	deprecationHint,
	parseHeaderDate,
	parseLinks,
	readDeprecation,
} from '../../../nodes/InfobipOmni/transport/deprecation';
import { searchScenarios } from '../../../nodes/InfobipOmni/methods/listSearch';
import { SEED_CREATE_PARAMETERS } from '../../fixtures/seed';
import { loadOptionsContext, runNode, type NodeRun } from '../../support/harness';
import { basicAuth, useScriptedServer } from '../../support/infobip';

const server = useScriptedServer(() => ({ status: 200, body: { results: [] } }));

const DEPRECATED = {
	deprecation: '@1782864000', // 2026-07-01T00:00:00Z
	sunset: 'Fri, 01 Jan 2100 00:00:00 GMT',
	link: '<https://api.infobip.com/messages-api/1/messages>; rel="successor-version", <https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation>; rel="deprecation"',
};

const errorOf = (run: NodeRun) =>
	run.error as unknown as { message: string; description?: string; httpCode?: string } | undefined;

describe('reading the headers', () => {
	it.each([
		['@1782864000', '2026-07-01T00:00:00.000Z'],
		['@0', '1970-01-01T00:00:00.000Z'],
		['Sun, 11 Nov 2029 23:59:59 GMT', '2029-11-11T23:59:59.000Z'],
		['Sunday, 11-Nov-29 23:59:59 GMT', '2029-11-11T23:59:59.000Z'],
		['true', undefined],
		['1782864000', undefined],
		['soon', undefined],
		[undefined, undefined],
	])('date %p → %p', (value, iso) => {
		expect(parseHeaderDate(value)?.toISOString()).toBe(iso);
	});

	it('Link: every relation of every link, the first URL per relation', () => {
		expect(
			Object.fromEntries(
				parseLinks(
					'<https://a.example/new>; rel="successor-version alternate", <https://b.example/notice>;rel=deprecation, <https://c.example/x>; rel="successor-version"',
				),
			),
		).toEqual({
			'successor-version': 'https://a.example/new',
			alternate: 'https://a.example/new',
			deprecation: 'https://b.example/notice',
		});
	});

	it.each([
		[{}, undefined],
		[{ link: '<https://a.example>; rel="successor-version"' }, undefined],
		[{ deprecation: 'true' }, { deprecated: true }],
		[
			{ sunset: 'Fri, 01 Jan 2100 00:00:00 GMT' },
			{ deprecated: false, sunsetAt: new Date('2100-01-01T00:00:00Z') },
		],
		[
			DEPRECATED,
			{
				deprecated: true,
				deprecatedAt: new Date('2026-07-01T00:00:00Z'),
				sunsetAt: new Date('2100-01-01T00:00:00Z'),
				successor: 'https://api.infobip.com/messages-api/1/messages',
				notice: 'https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation',
			},
		],
	])('%p → %p', (headers, signals) => {
		expect(readDeprecation(headers)).toEqual(signals);
	});

	it.each([
		[
			'OMNI, deprecated with dates and links',
			{ method: 'POST', path: '/omni/1/advanced' },
			DEPRECATED,
			'Infobip has deprecated POST /omni/1/advanced since 2026-07-01T00:00:00Z. It will be retired (sunset) on 2100-01-01T00:00:00Z; after that it answers 410 Gone. Successor: https://api.infobip.com/messages-api/1/messages. Notice: https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation. Move this workflow to the Infobip Messages API node, which sends the same messages with inline failover.',
		],
		[
			'Messages API, Deprecation: true only',
			{ method: 'GET', path: '/messages-api/1/reports' },
			{ deprecation: 'true' },
			'Infobip has deprecated GET /messages-api/1/reports. Look for a newer version of this package that uses the successor.',
		],
		[
			'a sunset date in the past, without Deprecation',
			{ method: 'GET', path: '/messages-api/1/inbound' },
			{ sunset: 'Thu, 01 Jan 2026 00:00:00 GMT' },
			"Infobip's GET /messages-api/1/inbound sunset date was 2026-01-01T00:00:00Z: it may answer 410 Gone at any time. Look for a newer version of this package that uses the successor.",
		],
		[
			'a deprecation date still ahead',
			{ method: 'GET', path: '/omni/1/reports' },
			{ deprecation: '@4102444800' },
			'Infobip has deprecated GET /omni/1/reports from 2100-01-01T00:00:00Z. Move this workflow to the Infobip Messages API node, which sends the same messages with inline failover.',
		],
	])('hint: %s', (_name, request, headers, text) => {
		const signals = readDeprecation(headers);
		expect(signals).toBeDefined();
		expect(deprecationHint(request, signals!, Date.parse('2026-12-01T00:00:00Z'))).toBe(text);
	});
});

describe('through the engine', () => {
	it('a deprecated endpoint gives one hint per node run, however many requests answered with it', async () => {
		const full = Array.from({ length: 1000 }, (_, i) => ({ messageId: `m-${i}`, channel: 'SMS' }));
		server.reply(
			{ status: 200, body: { results: full }, headers: DEPRECATED },
			{ status: 200, body: { results: [{ messageId: 'last' }] }, headers: DEPRECATED },
		);
		const run = await runNode({
			type: 'infobipMessages',
			parameters: { resource: 'deliveryReport', operation: 'getAll', returnAll: true },
			credentials: basicAuth(server),
		});
		expect(run.error).toBeUndefined();
		expect(server.received).toHaveLength(2);
		expect(run.output).toHaveLength(1001);
		expect(run.hints).toEqual([
			{
				message:
					'Infobip has deprecated GET /messages-api/1/reports since 2026-07-01T00:00:00Z. It will be retired (sunset) on 2100-01-01T00:00:00Z; after that it answers 410 Gone. Successor: https://api.infobip.com/messages-api/1/messages. Notice: https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation. Look for a newer version of this package that uses the successor.',
				type: 'warning',
				location: 'outputPane',
			},
		]);
	});

	it('an answer without those headers gives no hint', async () => {
		const run = await runNode({
			type: 'infobipMessages',
			parameters: { resource: 'deliveryReport', operation: 'getAll' },
			credentials: basicAuth(server),
		});
		expect(run.hints).toEqual([]);
	});

	it('a list search (load options: no hints there) reads a deprecated answer without failing', async () => {
		server.reply({
			status: 200,
			body: { scenarios: [{ key: 'K1', name: 'Chat', flow: [] }] },
			headers: DEPRECATED,
		});
		const context = loadOptionsContext({ parameters: {}, credentials: basicAuth(server) });
		expect('addExecutionHints' in context).toBe(false);
		const found = await searchScenarios.call(context);
		expect(found.results.map((result) => result.value)).toEqual(['K1']);
	});

	it('410 on an OMNI endpoint: retired, and the fix is the Messages API node', async () => {
		server.reply({
			status: 410,
			body: { requestError: { serviceException: { messageId: 'GONE', text: 'Gone' } } },
		});
		const run = await runNode({
			parameters: SEED_CREATE_PARAMETERS,
			credentials: basicAuth(server),
		});
		expect(server.received).toHaveLength(1);
		expect(errorOf(run)?.message).toBe(
			'Infobip has retired POST /omni/1/scenarios (410 GONE: Gone)',
		);
		expect(errorOf(run)?.description).toBe(
			"Infobip no longer serves this endpoint: it answers 410 Gone after the endpoint's sunset date (https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation). Switch to the Infobip Messages API node: it sends the same messages (with inline failover to SMS) through POST /messages-api/1/messages, and its Delivery Report → Get Many replaces OMNI's.",
		);
		expect(errorOf(run)?.httpCode).toBe('410');
	});

	it('410 on a GET is not retried, and without a body or a Link says to update the package', async () => {
		server.respondWith(() => ({ status: 410, body: {} }));
		const run = await runNode({
			type: 'infobipMessages',
			parameters: { resource: 'inboundMessage', operation: 'getAll', channel: 'SMS' },
			credentials: basicAuth(server),
		});
		expect(server.received).toHaveLength(1);
		expect(errorOf(run)?.message).toBe('Infobip has retired GET /messages-api/1/inbound');
		expect(errorOf(run)?.description).toBe(
			"Infobip no longer serves this endpoint: it answers 410 Gone after the endpoint's sunset date (https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation). Update this package to a version that uses the successor endpoint, or ask Infobip support which endpoint replaced it.",
		);
	});
});
