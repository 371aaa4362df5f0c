import axios from 'axios';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { REPORT_FIELDS } from '../../nodes/InfobipOmni/reports/simplify';
import { MAX_BODY_BYTES, MAX_RESULTS } from '../../nodes/InfobipOmniTrigger/request';
import { startTriggerServer, type TriggerServer } from '../support/webhook';
import {
	deliveryReport,
	INBOUND_MESSAGES,
	SEED_FIRST_REPORT_XML,
	SEED_ITEMS,
	SEED_REPORTS,
	SEED_REPORTS_TEXT,
	SEEN_REPORTS,
} from '../fixtures/trigger';

/** A push as Infobip sends it: POST, JSON unless told otherwise; any answer is returned. */
async function push(url: string, body: string | object, headers: Record<string, string> = {}) {
	const response = await axios.post<string>(
		url,
		typeof body === 'string' ? body : JSON.stringify(body),
		{
			headers: { 'Content-Type': 'application/json', ...headers },
			validateStatus: () => true,
			// Sends the text as it is: axios would otherwise re-encode what is not valid JSON.
			transformRequest: [(data: string) => data],
			transformResponse: (data: string) => data,
			maxBodyLength: Infinity,
		},
	);
	return { status: response.status, body: response.data, headers: response.headers };
}

/** The one report shape with nothing in it: a seen report has most fields null. */
const NO_REPORT_FIELDS = Object.fromEntries(REPORT_FIELDS.map((key) => [key, null]));

let server: TriggerServer | undefined;

async function trigger(parameters: INodeParameters = {}, nodeStaticData?: IDataObject) {
	server = await startTriggerServer({ parameters, nodeStaticData });
	return server;
}

afterEach(async () => {
	await server?.close();
	server = undefined;
});

const lastCall = (s: TriggerServer) => s.calls[s.calls.length - 1];

describe('Infobip OMNI Trigger: what it emits', () => {
	it("turns the seed's delivery-report body into two normalised items", async () => {
		const s = await trigger();

		const response = await push(s.url, SEED_REPORTS_TEXT);

		expect(response.status).toBe(200);
		expect(JSON.parse(response.body)).toEqual({ received: 2, started: 2 });
		expect(lastCall(s).executionStarted).toBe(true);
		expect(lastCall(s).items).toStrictEqual(SEED_ITEMS);
	});

	it('reads an XML delivery report as n8n parses it (lowercased tags, text values)', async () => {
		const s = await trigger();

		const response = await push(s.url, SEED_FIRST_REPORT_XML, {
			'Content-Type': 'application/xml',
		});

		expect(response.status).toBe(200);
		const [item, ...rest] = s.items();
		expect(rest).toEqual([]);
		const { raw, ...normalised } = item;
		const seedWithoutRaw: Record<string, unknown> = { ...SEED_ITEMS[0] };
		delete seedWithoutRaw.raw;
		expect(normalised).toStrictEqual({
			...seedWithoutRaw,
			bulkId: 'bulk-7',
			callbackData: { orderId: 42 },
		});
		// raw is the result exactly as n8n handed it over: lowercased tags, every value a string.
		expect(raw).toMatchObject({
			bulkid: 'bulk-7',
			messageid: '1215f543ab19-345f-adbd-12ad31451ed25f35',
			messagecount: '1',
			status: { groupid: '2', groupname: 'UNDELIVERABLE' },
			error: { permanent: 'false' },
		});
	});

	it('reads an XML push with several results', async () => {
		const s = await trigger();
		const second = SEED_FIRST_REPORT_XML.replace(
			'</result>',
			'</result><result><messageId>m-2</messageId><status><groupName>DELIVERED</groupName><name>DELIVERED_TO_HANDSET</name></status><channel>SMS</channel></result>',
		);

		await push(s.url, second, { 'Content-Type': 'text/xml; charset=utf-8' });

		expect(s.items().map((item) => [item.messageId, item.statusGroup, item.channel])).toEqual([
			['1215f543ab19-345f-adbd-12ad31451ed25f35', 'UNDELIVERABLE', 'FACEBOOK'],
			['m-2', 'DELIVERED', 'SMS'],
		]);
	});

	it('emits a seen report', async () => {
		const s = await trigger();

		await push(s.url, SEEN_REPORTS);

		expect(s.items()).toStrictEqual([
			{
				event: 'seenReport',
				...NO_REPORT_FIELDS,
				messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
				to: '41793026731',
				from: '385919998888',
				sentAt: '2023-04-05T11:21:57.793Z',
				seenAt: '2023-04-05T11:22:10.251Z',
				dedupeKey: 'seenReport|1215f543ab19-345f-adbd-12ad31451ed25f35||',
				raw: SEEN_REPORTS.results[0],
			},
		]);
	});

	it('emits an inbound message', async () => {
		const s = await trigger();

		await push(s.url, INBOUND_MESSAGES);

		expect(s.items()).toStrictEqual([
			{
				event: 'inboundMessage',
				messageId: 'ABEGOFl3VCQoAhBalbc6rTQT6mgS29EmGZ7a',
				to: '41793026731',
				from: '385919998888',
				channel: 'WHATSAPP',
				receivedAt: '2019-07-19T11:23:26.998Z',
				message: { type: 'TEXT', text: 'Support hello' },
				contact: { name: 'Frank' },
				price: { pricePerMessage: 0, currency: 'EUR' },
				dedupeKey: 'inboundMessage|ABEGOFl3VCQoAhBalbc6rTQT6mgS29EmGZ7a|WHATSAPP|',
				raw: INBOUND_MESSAGES.results[0],
			},
		]);
	});

	it('emits one item per result, in order, whatever their kinds', async () => {
		const s = await trigger();

		await push(s.url, {
			results: [SEEN_REPORTS.results[0], SEED_REPORTS.results[1], INBOUND_MESSAGES.results[0]],
		});

		expect(s.items().map((item) => item.event)).toEqual([
			'seenReport',
			'deliveryReport',
			'inboundMessage',
		]);
	});

	it.each([
		['{"orderId":42,"tags":["a"]}', { orderId: 42, tags: ['a'] }],
		['[1,2]', [1, 2]],
		['order 42', 'order 42'],
		['{not json', '{not json'],
		['42', '42'],
	])('gives callbackData %s back as %j', async (callbackData, expected) => {
		const s = await trigger();

		await push(s.url, {
			results: [deliveryReport({ messageId: 'm-1', group: 'DELIVERED', callbackData })],
		});

		expect(s.items()[0].callbackData).toEqual(expected);
	});

	it('answers on the Test URL too, in manual mode', async () => {
		const s = await trigger();

		const response = await push(s.testUrl, SEED_REPORTS_TEXT);

		expect(response.status).toBe(200);
		expect(lastCall(s).mode).toBe('manual');
		expect(s.items()).toHaveLength(2);
	});
});

describe('Infobip OMNI Trigger: filters', () => {
	const everyGroup = {
		results: ['PENDING', 'UNDELIVERABLE', 'DELIVERED', 'EXPIRED', 'REJECTED'].map((group) =>
			deliveryReport({ messageId: `m-${group}`, group }),
		),
	};
	const groupsOf = (items: IDataObject[]) =>
		items.map((item) => (item.event === 'deliveryReport' ? item.statusGroup : item.event));

	it.each([
		[['deliveryReport'], ['deliveryReport', 'deliveryReport']],
		[['seenReport'], ['seenReport']],
		[
			['inboundMessage', 'seenReport'],
			['seenReport', 'inboundMessage'],
		],
		[[], ['deliveryReport', 'deliveryReport', 'seenReport', 'inboundMessage']],
	])('events %j let through %j', async (events, expected) => {
		const s = await trigger({ events });

		await push(s.url, {
			results: [...SEED_REPORTS.results, SEEN_REPORTS.results[0], INBOUND_MESSAGES.results[0]],
		});

		expect(s.items().map((item) => item.event)).toEqual(expected);
	});

	it('final failures only: Undeliverable, Expired and Rejected', async () => {
		const s = await trigger({ statusFilter: 'finalFailures' });

		await push(s.url, { results: [...everyGroup.results, SEEN_REPORTS.results[0]] });

		expect(groupsOf(s.items())).toEqual(['UNDELIVERABLE', 'EXPIRED', 'REJECTED', 'seenReport']);
	});

	it('selected status groups', async () => {
		const s = await trigger({ statusFilter: 'selected', statusGroups: ['DELIVERED', 'PENDING'] });

		await push(s.url, everyGroup);

		expect(groupsOf(s.items())).toEqual(['PENDING', 'DELIVERED']);
	});

	it('all statuses by default', async () => {
		const s = await trigger();

		await push(s.url, everyGroup);

		expect(groupsOf(s.items())).toEqual([
			'PENDING',
			'UNDELIVERABLE',
			'DELIVERED',
			'EXPIRED',
			'REJECTED',
		]);
	});

	it('channels: only results from the chosen channels; seen reports name none', async () => {
		const s = await trigger({ channels: ['SMS', 'WHATSAPP'] });

		await push(s.url, {
			results: [...SEED_REPORTS.results, SEEN_REPORTS.results[0], INBOUND_MESSAGES.results[0]],
		});

		expect(s.items().map((item) => [item.event, item.channel])).toEqual([
			['deliveryReport', 'SMS'],
			['inboundMessage', 'WHATSAPP'],
		]);
	});

	it('a push whose results are all filtered out answers 200 and starts nothing', async () => {
		const s = await trigger({ statusFilter: 'finalFailures', channels: ['SMS'] });

		const response = await push(s.url, SEED_REPORTS_TEXT);

		expect(response.status).toBe(200);
		expect(JSON.parse(response.body)).toEqual({ received: 2, started: 0 });
		expect(lastCall(s).executionStarted).toBe(false);
		expect(s.items()).toEqual([]);
	});
});

describe('Infobip OMNI Trigger: secret', () => {
	const secret = 'c0rrect-horse';

	it.each([
		['the query parameter', (url: string) => `${url}?secret=${secret}`, {}],

		['the header', (url: string) => url, { 'X-Infobip-Omni-Secret': secret }],
		[
			'the query parameter, with a wrong header',
			(url: string) => `${url}?secret=${secret}`,
			{ 'X-Infobip-Omni-Secret': 'wrong' },
		],
	])('accepts the secret in %s', async (_where, urlFor, headers: Record<string, string>) => {
		const s = await trigger({ secret });

		const response = await push(urlFor(s.url), SEED_REPORTS_TEXT, headers);

		expect(response.status).toBe(200);
		expect(s.items()).toHaveLength(2);
	});

	it.each([
		['no secret', (url: string) => url, {}],
		['a wrong query parameter', (url: string) => `${url}?secret=c0rrect-hors`, {}],
		['a wrong header', (url: string) => url, { 'X-Infobip-Omni-Secret': `${secret}!` }],
		['the secret twice in the query', (url: string) => `${url}?secret=${secret}&secret=x`, {}],
		['an empty query parameter', (url: string) => `${url}?secret=`, {}],
	])(
		'answers 401 to %s and emits nothing',
		async (_what, urlFor, headers: Record<string, string>) => {
			const s = await trigger({ secret });

			const response = await push(urlFor(s.url), SEED_REPORTS_TEXT, headers);

			expect(response.status).toBe(401);
			expect(response.headers['content-type']).toMatch(/^application\/json/);
			expect(JSON.parse(response.body)).toMatchObject({ message: 'Missing or wrong secret' });
			expect(lastCall(s)).toMatchObject({ executionStarted: false, items: [] });
			expect(s.nodeStaticData()).toEqual({});
		},
	);

	it('takes a secret with URL-special characters through notifyUrl()', async () => {
		const s = await trigger({ secret: 'a&b c/é=?' });

		const response = await push(s.notifyUrl('a&b c/é=?'), SEED_REPORTS_TEXT);

		expect(response.status).toBe(200);
		expect(s.items()).toHaveLength(2);
	});

	it('accepts every request when no secret is set', async () => {
		const s = await trigger();

		const response = await push(`${s.url}?secret=anything`, SEED_REPORTS_TEXT);

		expect(response.status).toBe(200);
		expect(s.items()).toHaveLength(2);
	});

	it('checks the secret before it reads the body', async () => {
		const s = await trigger({ secret });

		expect((await push(s.url, '{"not":"a push"}')).status).toBe(401);
	});
});

describe('Infobip OMNI Trigger: bad requests', () => {
	it.each<[string, string, Record<string, string>, RegExp]>([
		['text that is not JSON', 'hello', { 'Content-Type': 'text/plain' }, /not JSON/],
		['no body', '', {}, /no body/],
		['an object without results', '{"reports":[]}', {}, /no "results" array/],
		['results that is not an array', '{"results":"none"}', {}, /no "results" array/],
		['a JSON array', '[{"messageId":"m"}]', {}, /not a JSON object/],
		['results that are not objects', '{"results":[1,"two"]}', {}, /results\[0\] is not an object/],
		[
			'a result of no known kind',
			'{"results":[{"messageId":"m-1","foo":1}]}',
			{},
			/results\[0\] is not a delivery report, seen report or inbound message/,
		],
		[
			'XML sent as text/plain',
			SEED_FIRST_REPORT_XML,
			{ 'Content-Type': 'text/plain' },
			/looks like XML/,
		],
		[
			'XML without results',
			'<omniReportsResponse><other>1</other></omniReportsResponse>',
			{ 'Content-Type': 'application/xml' },
			/no "results" array/,
		],
	])('answers 400 to %s and emits nothing', async (_what, body, headers, message) => {
		const s = await trigger();

		const response = await push(s.url, body, headers);

		expect(response.status).toBe(400);
		expect(JSON.parse(response.body).message).toMatch(message);
		expect(lastCall(s)).toMatchObject({ executionStarted: false, items: [] });
		expect(s.nodeStaticData()).toEqual({});
	});

	it('answers 400 to a body over the size limit', async () => {
		const s = await trigger();
		const padding = 'x'.repeat(MAX_BODY_BYTES);
		const body = JSON.stringify({
			results: [deliveryReport({ messageId: 'm-1', group: 'DELIVERED', callbackData: padding })],
		});

		const response = await push(s.url, body);

		expect(response.status).toBe(400);
		expect(JSON.parse(response.body).message).toMatch(/more than the 1048576 this trigger accepts/);
		expect(s.items()).toEqual([]);
	});

	it(`answers 400 to more than ${MAX_RESULTS} results`, async () => {
		const s = await trigger();
		const results = Array.from({ length: MAX_RESULTS + 1 }, (_, n) => ({
			messageId: `m-${n}`,
			status: { groupName: 'DELIVERED' },
		}));

		const response = await push(s.url, { results });

		expect(response.status).toBe(400);
		expect(JSON.parse(response.body).message).toMatch(/1001 results, more than the 1000/);
		expect(s.items()).toEqual([]);
	});

	it('reads a JSON body sent with an empty Content-Type (n8n leaves it unparsed)', async () => {
		const s = await trigger();

		const response = await push(s.url, SEED_REPORTS_TEXT, { 'Content-Type': '' });

		expect(response.status).toBe(200);
		expect(s.items()).toStrictEqual(SEED_ITEMS);
	});

	it('never sees JSON that n8n itself cannot parse: n8n answers 422', async () => {
		const s = await trigger();

		const response = await push(s.url, '{"results": [');

		expect(response.status).toBe(422);
		expect(s.items()).toEqual([]);
	});
});

describe('Infobip OMNI Trigger: retried pushes', () => {
	const report = (group: string, name?: string) => ({
		results: [deliveryReport({ messageId: 'm-1', group, name })],
	});

	// n8n 2.41 drops what a webhook call writes to static data when the call starts an execution,
	// so the trigger keeps nothing and emits every push; Remove Duplicates drops repeats by key.
	it('emits a retried push again, with the same dedupeKeys, and keeps no static data', async () => {
		const s = await trigger();

		await push(s.url, SEED_REPORTS_TEXT);
		const retry = await push(s.url, SEED_REPORTS_TEXT);

		expect(retry.status).toBe(200);
		expect(s.calls.map((call) => [call.executionStarted, call.items.length])).toEqual([
			[true, 2],
			[true, 2],
		]);
		expect(s.calls[1].items.map((item) => item.dedupeKey)).toEqual(
			SEED_ITEMS.map((item) => item.dedupeKey),
		);
		expect(s.nodeStaticData()).toEqual({});
	});

	it("gives the message's next status another dedupeKey", async () => {
		const s = await trigger();

		await push(s.url, report('PENDING', 'PENDING_ENROUTE'));
		await push(s.url, report('DELIVERED', 'DELIVERED_TO_HANDSET'));
		await push(s.url, report('DELIVERED', 'DELIVERED_TO_HANDSET'));

		expect(s.items().map((item) => item.dedupeKey)).toEqual([
			'deliveryReport|m-1|SMS|PENDING/PENDING_ENROUTE',
			'deliveryReport|m-1|SMS|DELIVERED/DELIVERED_TO_HANDSET',
			'deliveryReport|m-1|SMS|DELIVERED/DELIVERED_TO_HANDSET',
		]);
	});

	it('gives the same dedupeKey to a report pushed as XML and as JSON', async () => {
		const s = await trigger();

		await push(s.url, SEED_FIRST_REPORT_XML, { 'Content-Type': 'application/xml' });
		await push(s.url, { results: [SEED_REPORTS.results[0]] });

		expect(s.items().map((item) => item.dedupeKey)).toEqual([
			SEED_ITEMS[0].dedupeKey,
			SEED_ITEMS[0].dedupeKey,
		]);
	});

	it.each([
		['the removed Dedupe Window option', { options: { dedupeWindowMinutes: 60 } }, undefined],
		['a window of 0', { options: { dedupeWindowMinutes: 0 } }, undefined],
		[
			'the old static data record',
			{ options: { dedupeWindowMinutes: 60 } },
			{ dedupe: { AAAAAAAAAAAAAAAA: Date.now() } },
		],
	])(
		'still runs a saved workflow with %s, and emits everything',
		async (_what, parameters, staticData) => {
			const s = await trigger(parameters, staticData);

			await push(s.url, SEED_REPORTS_TEXT);
			await push(s.url, SEED_REPORTS_TEXT);

			expect(s.calls.map((call) => [call.status, call.items.length, call.error])).toEqual([
				[200, 2, undefined],
				[200, 2, undefined],
			]);
			expect(s.nodeStaticData()).toEqual(staticData ?? {});
		},
	);
});
