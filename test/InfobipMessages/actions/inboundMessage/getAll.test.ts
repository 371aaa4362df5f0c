/**
 * Infobip Messages API → Inbound Message → Get Many (`GET /messages-api/1/inbound`), through
 * n8n's engine against a local server: the required channel, filters, paging, one output item
 * per message in the inbound shape, no retry after a lost answer, and the error texts.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type NodeRun } from '../../../support/harness';
import { basicAuth, useScriptedServer } from '../../../support/infobip';
import { describeWithMessagesSpec, responseExamples } from '../../../support/messagesSpec';
import type { Reply } from '../../../support/server';

const server = useScriptedServer(() => ({
	status: 200,
	body: { results: [], messageCount: 0, pendingMessageCount: 0 },
}));

const mo = (messageId: string, overrides: IDataObject = {}): IDataObject => ({
	event: 'MO',
	channel: 'SMS',
	sender: '41793026727',
	destination: 'InfoSMS',
	content: [{ type: 'TEXT', text: 'STOP please', cleanText: 'please', keyword: 'STOP' }],
	receivedAt: '2026-12-01T10:00:00.000+0100',
	messageId,
	messageCount: 1,
	...overrides,
});

const messages = (count: number, prefix = 'mo') =>
	Array.from({ length: count }, (_, i) => mo(`${prefix}-${i}`));

const page = (list: object[], pendingMessageCount?: number): Reply => ({
	status: 200,
	body: {
		results: list,
		messageCount: list.length,
		...(pendingMessageCount === undefined ? {} : { pendingMessageCount }),
	},
});

const getInbound = (
	parameters: INodeParameters = {},
	options: { input?: IDataObject[]; onError?: 'continueRegularOutput' } = {},
) =>
	runNode({
		type: 'infobipMessages',
		parameters: { resource: 'inboundMessage', operation: 'getAll', ...parameters },
		credentials: basicAuth(server),
		input: (options.input ?? [{}]).map((json) => ({ json })),
		...(options.onError ? { onError: options.onError } : {}),
	});

const errorOf = (run: NodeRun) =>
	run.error as unknown as
		| { message: string; description?: string; httpCode?: string; context: IDataObject }
		| undefined;

describe('Messages API: Inbound Message → Get Many', () => {
	it('asks for the channel (SMS by default) and returns one item per message in the inbound shape', async () => {
		server.reply(page([mo('mo-1'), mo('mo-2', { callbackData: '{"order":7}' })], 0));
		const run = await getInbound();

		expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
			'GET /messages-api/1/inbound?channel=SMS',
		]);
		expect(server.received[0].headers.authorization).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
		const shape = (messageId: string, callbackData: IDataObject | null) => ({
			messageId,
			pairedMessageId: null,
			channel: 'SMS',
			from: '41793026727',
			to: 'InfoSMS',
			eventType: 'MO',
			contentType: 'TEXT',
			text: 'STOP please',
			url: null,
			content: [{ type: 'TEXT', text: 'STOP please', cleanText: 'please', keyword: 'STOP' }],
			receivedAt: '2026-12-01T09:00:00.000Z',
			messageCount: 1,
			callbackData,
			campaignReferenceId: null,
			entityId: null,
			applicationId: null,
		});
		expect(run.output).toEqual([
			{ json: shape('mo-1', null), pairedItem: { item: 0 } },
			{ json: shape('mo-2', { order: 7 }), pairedItem: { item: 0 } },
		]);
	});

	it('sends the channel and every filter, and the limit', async () => {
		await getInbound({
			channel: 'WHATSAPP',
			limit: 2,
			filters: {
				campaignReferenceId: 'mycampaign',
				entityId: 'promotional-traffic-entity',
				applicationId: 'marketing-automation-application',
			},
		});
		expect(server.received.map((request) => request.url)).toEqual([
			'/messages-api/1/inbound?channel=WHATSAPP&applicationId=marketing-automation-application&entityId=promotional-traffic-entity&campaignReferenceId=mycampaign&limit=2',
		]);
	});

	it('Return All asks again while a full page came and messages are pending', async () => {
		server.reply(page(messages(1000, 'a'), 5), page(messages(5, 'b'), 0));
		const run = await getInbound({ returnAll: true });
		expect(server.received.map((request) => request.url)).toEqual([
			'/messages-api/1/inbound?channel=SMS&limit=1000',
			'/messages-api/1/inbound?channel=SMS&limit=1000',
		]);
		expect(run.output).toHaveLength(1005);
	});

	it('a full page with nothing pending ends the read without another request', async () => {
		server.reply(page(messages(1000), 0));
		const run = await getInbound({ returnAll: true });
		expect(server.received).toHaveLength(1);
		expect(run.output).toHaveLength(1000);
	});

	it('reads the channel per item (expression), each output paired to its item', async () => {
		server.reply(page([mo('s-1')], 0), page([mo('w-1', { channel: 'WHATSAPP' })], 0));
		const run = await getInbound(
			{ channel: '={{ $json.channel }}', simplify: false },
			{ input: [{ channel: 'SMS' }, { channel: 'WHATSAPP' }] },
		);
		expect(server.received.map((request) => request.url)).toEqual([
			'/messages-api/1/inbound?channel=SMS',
			'/messages-api/1/inbound?channel=WHATSAPP',
		]);
		expect(run.output).toEqual([
			{ json: mo('s-1'), pairedItem: { item: 0 } },
			{ json: mo('w-1', { channel: 'WHATSAPP' }), pairedItem: { item: 1 } },
		]);
	});

	it('refuses a channel Infobip does not pull inbound messages for, before sending', async () => {
		const run = await getInbound(
			{ channel: '={{ $json.channel }}' },
			{ input: [{ channel: 'RCS' }], onError: 'continueRegularOutput' },
		);
		expect(server.received).toHaveLength(0);
		expect(run.output).toEqual([
			{
				json: {
					error: 'Invalid Channel: "RCS" is not a channel this endpoint takes (item 0)',
					details: {
						description: 'Use one of: APPLE_MB, MESSENGER, MMS, SMS, VIBER_BM, WHATSAPP.',
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a lost answer is not retried: the messages it carried may be gone', async () => {
		server.reply({ reset: true });
		const run = await getInbound();
		expect(server.received).toHaveLength(1);
		expect(errorOf(run)?.message).toBe(
			'The connection to Infobip broke during GET /messages-api/1/inbound; inbound messages may have been handed out',
		);
	});

	it('with Continue On Fail, messages fetched before a failure come out before the error item', async () => {
		server.reply(page(messages(1000), 3), { status: 500, body: {} });
		const run = await getInbound(
			{ returnAll: true, simplify: false, requestSettings: { maxRetries: 0 } },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.output).toHaveLength(1001);
		expect(run.output[1000]).toEqual({
			json: {
				error:
					'Infobip answered 500 to GET /messages-api/1/inbound; 1000 inbound messages had already been fetched',
				details: {
					description:
						'Infobip hands each inbound message out once: the 1000 inbound messages fetched before this failure will not be returned again. They are output before this error item and kept in its context (messages).',
					httpCode: '500',
				},
			},
			pairedItem: { item: 0 },
		});
	});

	it('403 names the inbound scopes', async () => {
		server.reply({
			status: 403,
			body: { errorCode: 'E403', description: 'Forbidden.', violations: [], resources: [] },
		});
		const run = await getInbound();
		expect(errorOf(run)?.description).toBe(
			'The API key lacks a scope this operation needs: inbound-message:read or messages-api:manage. Add it to the key on the Infobip portal (Developer tools > API keys), or use Basic auth.',
		);
	});
});

describeWithMessagesSpec(
	"Messages API: Inbound Message → Get Many with the spec's bodies",
	(spec) => {
		const examples = Object.entries(
			responseExamples(spec, 'GET', '/messages-api/1/inbound', '200'),
		);

		it('the spec has inbound examples', () => expect(examples.length).toBeGreaterThan(5));

		it.each(examples)(
			'%s: one item per message, from = sender, to = destination',
			async (_name, body) => {
				server.reply({ status: 200, body });
				const run = await getInbound();
				const sent = (body as { results: IDataObject[] }).results;
				expect(run.output).toHaveLength(sent.length);
				for (const [index, item] of run.output.entries()) {
					const source = sent[index];
					const content = source.content as IDataObject[] | undefined;
					expect(item.pairedItem).toEqual({ item: 0 });
					expect(item.json).toMatchObject({
						messageId: source.messageId,
						channel: source.channel,
						from: source.sender,
						to: source.destination,
						eventType: source.event,
						receivedAt: '2020-02-06T14:18:29.797Z',
						contentType: content?.[0]?.type ?? null,
						content: content ?? null,
						entityId: 'my-entity-id',
						applicationId: 'my-application-id',
					});
				}
			},
		);

		it('the caption of an image is its text, its URL its url', async () => {
			const body = responseExamples(spec, 'GET', '/messages-api/1/inbound', '200')[
				'Received image with caption message example'
			];
			server.reply({ status: 200, body });
			const run = await getInbound();
			expect(run.output[0].json).toMatchObject({
				contentType: 'IMAGE',
				text: 'Image caption',
				url: 'http://my.domain/image.jpg',
			});
		});
	},
);
