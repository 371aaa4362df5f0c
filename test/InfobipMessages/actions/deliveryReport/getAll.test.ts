/**
 * Infobip Messages API → Delivery Report → Get Many (`GET /messages-api/1/reports`), through
 * n8n's engine against a local server: exact query strings and headers, outputs, paging, the
 * once-only semantics (no retry after a lost answer) and the error texts for the spec's bodies.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type NodeRun } from '../../../support/harness';
import { apiKeyAuth, basicAuth, useScriptedServer } from '../../../support/infobip';
import { describeWithMessagesSpec, responseExamples } from '../../../support/messagesSpec';
import type { Reply } from '../../../support/server';

const server = useScriptedServer(() => ({ status: 200, body: { results: [] } }));

const BASIC = 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

/** A Messages API delivery result as Infobip documents it (MessagesApiDeliveryResult). */
const result = (messageId: string, overrides: IDataObject = {}): IDataObject => ({
	event: 'DELIVERY',
	channel: 'MESSENGER',
	sender: 'FacebookApplicationKey',
	destination: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
	sentAt: '2026-12-01T10:00:00.000+0100',
	doneAt: '2026-12-01T10:00:02.500+0100',
	bulkId: 'bulk-1',
	messageId,
	messageCount: 1,
	status: {
		groupId: 3,
		groupName: 'DELIVERED',
		id: 5,
		name: 'DELIVERED_TO_HANDSET',
		description: 'Message delivered to handset',
	},
	error: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', permanent: false },
	platform: { entityId: 'e-1', applicationId: 'a-1' },
	mccMnc: 22801,
	...overrides,
});

const results = (count: number, prefix = 'm') =>
	Array.from({ length: count }, (_, i) => result(`${prefix}-${i}`));

const page = (list: object[]): Reply => ({ status: 200, body: { results: list } });

const getReports = (
	parameters: INodeParameters = {},
	options: {
		input?: IDataObject[];
		onError?: 'continueRegularOutput';
		credentials?: ReturnType<typeof basicAuth> | ReturnType<typeof apiKeyAuth>;
	} = {},
) =>
	runNode({
		type: 'infobipMessages',
		parameters: { resource: 'deliveryReport', operation: 'getAll', ...parameters },
		credentials: options.credentials ?? basicAuth(server),
		input: (options.input ?? [{}]).map((json) => ({ json })),
		...(options.onError ? { onError: options.onError } : {}),
	});

const errorOf = (run: NodeRun) =>
	run.error as unknown as
		| { message: string; description?: string; httpCode?: string; context: IDataObject }
		| undefined;

describe('Messages API: Delivery Report → Get Many', () => {
	it('by default sends GET /messages-api/1/reports without a query and returns each report in the one report shape', async () => {
		server.reply(page([result('m-1')]));
		const run = await getReports();

		expect(run.error).toBeUndefined();
		expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
			'GET /messages-api/1/reports',
		]);
		expect(server.received[0].headers.authorization).toBe(BASIC);
		expect(server.received[0].headers.accept).toBe('application/json');
		expect(run.output).toEqual([
			{
				json: {
					messageId: 'm-1',
					bulkId: 'bulk-1',
					to: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
					from: 'FacebookApplicationKey',
					channel: 'MESSENGER',
					status: 'DELIVERED_TO_HANDSET',
					statusId: 5,
					statusGroup: 'DELIVERED',
					statusGroupId: 3,
					statusDescription: 'Message delivered to handset',
					statusAction: null,
					error: { id: 0, name: 'NO_ERROR', groupId: 0, groupName: 'OK', permanent: false },
					price: null,
					sentAt: '2026-12-01T09:00:00.000Z',
					doneAt: '2026-12-01T09:00:02.500Z',
					messageCount: 1,
					mccMnc: '22801',
					callbackData: null,
					text: null,
					contact: null,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it("sends every filter, in Infobip's parameter order, and the limit", async () => {
		await getReports({
			limit: 7,
			filters: {
				campaignReferenceId: 'summersale',
				applicationId: 'marketing-automation-application',
				entityId: 'promotional-traffic-entity',
				messageId: ' msg-1 ',
				bulkId: 'bulk-9',
				channel: 'WHATSAPP',
			},
		});
		expect(server.received.map((request) => request.url)).toEqual([
			'/messages-api/1/reports?channel=WHATSAPP&bulkId=bulk-9&messageId=msg-1&entityId=promotional-traffic-entity&applicationId=marketing-automation-application&campaignReferenceId=summersale&limit=7',
		]);
	});

	it('uses the API key credential', async () => {
		await getReports({ authentication: 'apiKey' }, { credentials: apiKeyAuth(server, 'key-123') });
		expect(server.received[0].headers.authorization).toBe('App key-123');
	});

	it("Simplify off returns Infobip's objects as they came", async () => {
		const raw = result('m-raw', { campaignReferenceId: 'c-1', networkId: 7 });
		server.reply(page([raw]));
		const run = await getReports({ simplify: false });
		expect(run.output).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
	});

	it('Return All fetches pages of 1000 until a short page', async () => {
		server.reply(page(results(1000, 'a')), page(results(1000, 'b')), page(results(3, 'c')));
		const run = await getReports({ returnAll: true, simplify: false });
		expect(server.received.map((request) => request.url)).toEqual([
			'/messages-api/1/reports?limit=1000',
			'/messages-api/1/reports?limit=1000',
			'/messages-api/1/reports?limit=1000',
		]);
		expect(run.output).toHaveLength(2003);
		expect(run.output.at(-1)?.json.messageId).toBe('c-2');
	});

	it('a Limit above 1000 asks for the rest in the second request', async () => {
		server.reply(page(results(1000, 'a')), page(results(500, 'b')));
		const run = await getReports({ limit: 1500 });
		expect(server.received.map((request) => request.url)).toEqual([
			'/messages-api/1/reports?limit=1000',
			'/messages-api/1/reports?limit=500',
		]);
		expect(run.output).toHaveLength(1500);
	});

	it('a server that serves the same page again: stops there, with a hint, and loses nothing', async () => {
		const same = results(1000);
		server.reply(page(same), page(same));
		const run = await getReports({ returnAll: true, simplify: false });
		expect(server.received).toHaveLength(2);
		expect(run.output).toHaveLength(1000);
		expect(run.hints.map((hint) => hint.message)).toEqual([
			'Infobip returned the same 1000 delivery reports twice: the server ignored paging, so Get Many stopped after 1000 delivery reports instead of fetching that page again. Run the node again for any later ones.',
		]);
	});

	it('failover steps of the same messages (same message IDs, another channel) are not taken for a repeated page', async () => {
		const messenger = results(1000);
		const sms = messenger.map((report) => ({ ...report, channel: 'SMS' }));
		server.reply(page(messenger), page(sms), page([]));
		const run = await getReports({ returnAll: true, simplify: false });
		expect(server.received).toHaveLength(3);
		expect(run.output).toHaveLength(2000);
		expect(run.hints).toEqual([]);
	});

	it('reads the filters per item (expressions), one request per item, each output paired to it', async () => {
		server.reply(page([result('x')]), page([result('y'), result('y2')]));
		const run = await getReports(
			{ filters: { messageId: '={{ $json.id }}' }, limit: 5 },
			{ input: [{ id: 'x' }, { id: 'y' }] },
		);
		expect(server.received.map((request) => request.url)).toEqual([
			'/messages-api/1/reports?messageId=x&limit=5',
			'/messages-api/1/reports?messageId=y&limit=5',
		]);
		expect(run.output.map((item) => [item.json.messageId, item.pairedItem])).toEqual([
			['x', { item: 0 }],
			['y', { item: 1 }],
			['y2', { item: 1 }],
		]);
	});

	it('a lost answer is not retried: the reports it carried may be gone', async () => {
		server.reply({ reset: true });
		const run = await getReports();
		expect(server.received).toHaveLength(1);
		expect(errorOf(run)?.message).toBe(
			'The connection to Infobip broke during GET /messages-api/1/reports; reports may have been handed out',
		);
		expect(errorOf(run)?.description).toMatch(
			/^Network code: \w+\. It was not retried: Infobip hands each of them out once, so the lost answer may have taken reports with it\. Find them in the Infobip portal's message logs \(Analyze → Logs\)\.$/,
		);
	});

	it('a failure after a page keeps the reports fetched in the error', async () => {
		server.reply(page(results(1000)), { status: 503, body: {} }, { status: 500, body: {} });
		const run = await getReports({
			returnAll: true,
			simplify: false,
			requestSettings: { maxRetries: 0 },
		});
		expect(errorOf(run)?.message).toBe(
			'Infobip answered 503 to GET /messages-api/1/reports; 1000 delivery reports had already been fetched',
		);
		expect(errorOf(run)?.description).toBe(
			"Infobip hands each delivery report out once: the 1000 delivery reports fetched before this failure will not be returned again. They are kept in this error's context (reports).",
		);
		expect((errorOf(run)?.context.reports as IDataObject[]).length).toBe(1000);
	});

	it('refuses a channel that is not a Messages API channel before sending', async () => {
		const run = await getReports({ filters: { channel: '={{ "FACEBOOK" }}' } });
		expect(server.received).toHaveLength(0);
		expect(errorOf(run)?.message).toBe(
			'Invalid Filters → Channel: "FACEBOOK" is not a channel this endpoint takes (item 0)',
		);
		expect(errorOf(run)?.description).toBe(
			'Use one of: APPLE_MB, INSTAGRAM_DM, LINE_ON, MESSENGER, MMS, RCS, SMS, VIBER_BM, VIBER_BOT, WHATSAPP.',
		);
	});

	it('410 Gone names the retired endpoint and the successor Infobip links', async () => {
		server.reply({
			status: 410,
			body: { errorCode: 'E410', description: 'Gone.', action: '', violations: [], resources: [] },
			headers: { link: '<https://api.example/messages-api/2/reports>; rel="successor-version"' },
		});
		const run = await getReports();
		expect(server.received).toHaveLength(1);
		expect(errorOf(run)?.message).toBe(
			'Infobip has retired GET /messages-api/1/reports (410 E410: Gone.)',
		);
		expect(errorOf(run)?.description).toBe(
			"Infobip no longer serves this endpoint: it answers 410 Gone after the endpoint's sunset date (https://www.infobip.com/docs/developer-resources/api-lifecycle/deprecation). Infobip names the successor: https://api.example/messages-api/2/reports. Update this package to a version that uses it.",
		);
		expect(errorOf(run)?.httpCode).toBe('410');
	});
});

describeWithMessagesSpec(
	"Messages API: Delivery Report → Get Many with the spec's bodies",
	(spec) => {
		it("the spec's 200 example comes out in the one report shape", async () => {
			const [example] = Object.values(
				responseExamples(spec, 'GET', '/messages-api/1/reports', '200'),
			);
			server.reply({ status: 200, body: example });
			const run = await getReports();
			expect(run.output).toEqual([
				{
					json: {
						messageId: 'ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy',
						bulkId: '1688025180464000013',
						to: '41793026727',
						from: 'senderNumber',
						channel: 'WHATSAPP',
						status: 'DELIVERED_TO_HANDSET',
						statusId: 5,
						statusGroup: 'DELIVERED',
						statusGroupId: 3,
						statusDescription: 'Message delivered to handset',
						statusAction: null,
						error: {
							id: 0,
							name: 'NO_ERROR',
							description: 'No Error',
							groupId: 0,
							groupName: 'OK',
							permanent: false,
						},
						price: null,
						sentAt: '2024-02-06T14:18:29.797Z',
						doneAt: '2024-02-06T17:18:29.797Z',
						messageCount: 1,
						mccMnc: null,
						callbackData: null,
						text: null,
						contact: null,
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		const errorCases: Array<[string, RegExp | string, RegExp | string]> = [
			[
				'401',
				'Infobip did not accept the credentials (401 E401: The request lacks valid authentication credentials for the requested resource.)',
				"Check the credential's username and password (or its API key, which may have expired or been revoked), and that its Base URL is your account's own xxxxx.api.infobip.com address. See API Authentication (https://www.infobip.com/docs/essentials/api-authentication).",
			],
			[
				'403',
				'Infobip denied access to GET /messages-api/1/reports (403 E403: Insufficient permissions to access the requested resource.)',
				'The API key lacks a scope this operation needs: message:send, messages-api:message:send or messages-api:manage. Add it to the key on the Infobip portal (Developer tools > API keys), or use Basic auth. See API Scopes (https://www.infobip.com/docs/essentials/api-essentials/api-authorization#api-scopes).',
			],
			[
				'500',
				'Infobip answered 500 E500: Something went wrong. to GET /messages-api/1/reports',
				'Contact the support.',
			],
		];
		it.each(errorCases)(
			"%s with the spec's body reads clearly",
			async (status, message, description) => {
				const [body] = Object.values(
					responseExamples(spec, 'GET', '/messages-api/1/reports', status),
				);
				server.respondWith(() => ({ status: Number(status), body }));
				const run = await getReports({ requestSettings: { maxRetries: 0 } });
				expect(errorOf(run)?.message).toEqual(message);
				expect(errorOf(run)?.description).toEqual(description);
				expect(errorOf(run)?.httpCode).toBe(status);
			},
		);

		it("429 with the spec's body names no OMNI limit, and links Infobip's throttling page", async () => {
			const body = (
				spec as {
					components: {
						responses: Record<string, { content: Record<string, { example: unknown }> }>;
					};
				}
			).components.responses.ApiError429.content['application/json'].example;
			server.respondWith(() => ({ status: 429, body, headers: { 'retry-after': '0' } }));
			const run = await getReports({ requestSettings: { maxRetries: 0 } });
			expect(server.received).toHaveLength(1);
			expect(errorOf(run)?.message).toBe(
				'Infobip kept answering 429 Too Many Requests to GET /messages-api/1/reports after 1 attempts',
			);
			expect(errorOf(run)?.description).toBe(
				"Infobip refused this request before processing it. Waited 0.0 s in total; Infobip asked to wait 0.0 s more. Raise Max Retries or Max Retry Wait in the node's options, or send less often: Infobip publishes no fixed limit for Messages API sends, reports and inbound reads: lower Requests per Second under Request Settings (sends), or run the reads less often. See Throttling handling errors (https://www.infobip.com/docs/essentials/integration-best-practices#throttling-handling-errors).",
			);
		});

		it("400 with the spec's body (from the send operation) names the violation and Infobip's action", async () => {
			const [body] = Object.values(
				responseExamples(spec, 'POST', '/messages-api/1/messages', '400'),
			);
			server.reply({ status: 400, body });
			const run = await getReports();
			expect(errorOf(run)?.message).toBe(
				'Infobip refused the request (400 E400: Request cannot be processed.)',
			);
			expect(errorOf(run)?.description).toBe(
				'Fix these fields: property.path: Violation message. Check the syntax, violations and adjust the request.',
			);
		});
	},
);
