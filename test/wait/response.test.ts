/**
 * Message → Send and Wait for Response of both nodes, through n8n-core's engine: the message
 * with its signed links as Infobip receives it, the wait, and the resume by a real HTTP request
 * to the link (signature checked as n8n checks it), by a form, or by the Limit Wait Time.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { basicAuth, useScriptedServer } from '../support/infobip';
import { startWaitingRun, type WaitingRun } from '../support/waiting';
import { fakeMessagesApi, SEND_PATH, instancePrefix } from '../InfobipMessages/support';

const server = useScriptedServer(fakeMessagesApi());
const sends = () => server.received.filter((request) => request.path === SEND_PATH);

const BROWSER =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const PREVIEW = 'WhatsApp/2.24.6.77 A';

const messagesParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendAndWait',
	channel: 'MESSENGER',
	sender: 'FacebookApplicationKey',
	to: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
	failover: { steps: [{ channel: 'SMS', sender: 'InfoSMS', to: '41793026727' }] },
	message: 'Can we deliver your order tomorrow?',
	...extra,
});

let waiting: WaitingRun | undefined;
afterEach(async () => {
	await waiting?.close();
	waiting = undefined;
});

async function start(parameters: INodeParameters, type = 'infobipMessages') {
	waiting = await startWaitingRun({
		type,
		parameters,
		credentials: basicAuth(server),
		executionId: '41',
	});
	return waiting;
}

const textSent = () => {
	const message = (sends()[0].body as IDataObject).messages as IDataObject[];
	return ((message[0].content as IDataObject).body as IDataObject).text as string;
};

const linksIn = (text: string) =>
	Object.fromEntries(
		[...text.matchAll(/^(\w+): (http\S+)$/gm)].map(([, label, url]) => [label, url]),
	);

describe('approval on the Messages API node', () => {
	test('sends the message with a signed approval link and waits', async () => {
		const run = await start(messagesParameters());
		expect(run.status()).toBe('waiting');
		expect(sends()).toHaveLength(1);
		const body = sends()[0].body as IDataObject;
		const links = linksIn(textSent());
		expect(Object.keys(links)).toEqual(['Approve']);
		const approve = new URL(links.Approve);
		expect(approve.pathname).toBe('/webhook-waiting/41/node-under-test');
		expect(approve.searchParams.get('approved')).toBe('true');
		expect(approve.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
		expect(textSent()).toBe(`Can we deliver your order tomorrow?\n\nApprove: ${links.Approve}`);
		expect(body).toEqual({
			messages: [
				{
					channel: 'MESSENGER',
					sender: 'FacebookApplicationKey',
					destinations: [
						{
							byChannel: [
								{ channel: 'MESSENGER', to: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3' },
								{ channel: 'SMS', to: '41793026727' },
							],
							messageId: `${instancePrefix()}-41-node-under-test-0-0-1`,
						},
					],
					content: { body: { type: 'TEXT', text: textSent() } },
					failover: [{ channel: 'SMS', sender: 'InfoSMS' }],
				},
			],
			options: { messageOrdering: { stopOnFailure: false } },
		});
		expect(run.waitingOutput.map((item) => item.json.messageId)).toEqual([
			`${instancePrefix()}-41-node-under-test-0-0-1`,
		]);
		// No Limit Wait Time: indefinitely, as n8n's own nodes.
		expect(run.waitTill?.toISOString()).toBe('3000-01-01T00:00:00.000Z');
	});

	test('Limit Wait Time: 45 minutes', async () => {
		const run = await start(
			messagesParameters({
				options: {
					limitWaitTime: {
						values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' },
					},
				},
			}),
		);
		expect(run.waitTill!.getTime() - Date.now()).toBeGreaterThan(44 * 60_000);
		expect(run.waitTill!.getTime() - Date.now()).toBeLessThanOrEqual(45 * 60_000);
	});

	test('a link preview fetcher does not approve; the recipient does', async () => {
		const run = await start(messagesParameters());
		const { Approve } = linksIn(textSent());
		const preview = await run.fetch(Approve, { headers: { 'User-Agent': PREVIEW } });
		expect([preview.status, await preview.text()]).toEqual([
			200,
			expect.stringContaining('browser'),
		]);
		expect(run.status()).toBe('waiting');
		const person = await run.fetch(Approve, { headers: { 'User-Agent': BROWSER } });
		expect(person.status).toBe(200);
		expect(await person.text()).toContain('You approved. You can close this page.');
		const { output } = await run.resumed;
		expect(run.status()).toBe('success');
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toEqual({
			data: { approved: true, respondedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
			messages: [
				{
					messageId: `${instancePrefix()}-41-node-under-test-0-0-1`,
					to: '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
					bulkId: 'bulk-1',
					channel: 'MESSENGER',
				},
			],
		});
		expect(run.calls.map((call) => [call.status, call.resumed])).toEqual([
			[200, false],
			[200, true],
		]);
	});

	test('a tampered link is refused and changes nothing', async () => {
		const run = await start(
			messagesParameters({ approvalOptions: { values: { approvalType: 'double' } } }),
		);
		const links = linksIn(textSent());
		expect(Object.keys(links)).toEqual(['Approve', 'Decline']);
		const tampered = links.Decline.replace('approved=false', 'approved=true');
		const refused = await run.fetch(tampered, { headers: { 'User-Agent': BROWSER } });
		expect(refused.status).toBe(401);
		expect(run.status()).toBe('waiting');
		await run.fetch(links.Decline, { headers: { 'User-Agent': BROWSER } });
		const { output } = await run.resumed;
		expect(output[0].json.data).toEqual({ approved: false, respondedAt: expect.any(String) });
		// Once answered, the link does nothing more.
		const again = await run.fetch(links.Approve, { headers: { 'User-Agent': BROWSER } });
		expect(again.status).toBe(200);
		expect(run.calls.at(-1)?.resumed).toBe(false);
	});

	test('the Limit Wait Time passes: the input item goes on, as with n8n’s own nodes', async () => {
		const run = await start(messagesParameters());
		const { output } = await run.timeout();
		expect(run.status()).toBe('success');
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({});
		expect(output[0].pairedItem).toMatchObject({ item: 0 });
	});
});

describe('free text and custom forms', () => {
	const form = (run: WaitingRun, url: string, fields: Record<string, string | string[]>) => {
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields)) {
			for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
		}
		return run.fetch(url, {
			method: 'POST',
			headers: { 'User-Agent': BROWSER, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: body.toString(),
		});
	};

	test('free text: the link shows a form; its answer resumes the execution', async () => {
		const run = await start(
			messagesParameters({ responseType: 'freeText', options: { messageButtonLabel: 'Answer' } }),
		);
		const { Answer } = linksIn(textSent());
		expect(new URL(Answer).searchParams.has('approved')).toBe(false);
		const page = await run.fetch(Answer, { headers: { 'User-Agent': BROWSER } });
		const html = await page.text();
		expect(page.status).toBe(200);
		expect(page.headers.get('content-security-policy')).toMatch(/^sandbox .*allow-forms/);
		expect(html).toContain('name="field-0"');
		expect(html).toContain('Can we deliver your order tomorrow?');
		// A preview's GET shows the same page and changes nothing.
		await run.fetch(Answer, { headers: { 'User-Agent': PREVIEW } });
		expect(run.status()).toBe('waiting');
		// Empty: refused with the problem, still waiting.
		const empty = await form(run, Answer, { 'field-0': '' });
		expect(empty.status).toBe(400);
		expect(run.status()).toBe('waiting');
		await form(run, Answer, { 'field-0': 'After 10, please' });
		const { output } = await run.resumed;
		expect(output[0].json.data).toEqual({
			text: 'After 10, please',
			respondedAt: expect.any(String),
		});
	});

	test('custom form from JSON: typed answers keyed by label', async () => {
		const run = await start(
			messagesParameters({
				responseType: 'customForm',
				defineForm: 'json',
				jsonOutput: JSON.stringify([
					{
						fieldLabel: 'Slot',
						fieldType: 'dropdown',
						requiredField: true,
						fieldOptions: { values: [{ option: 'Morning' }, { option: 'Afternoon' }] },
					},
					{ fieldLabel: 'People', fieldType: 'number' },
					{ fieldLabel: 'Notes', fieldType: 'textarea' },
				]),
			}),
		);
		const { Respond } = linksIn(textSent());
		const html = await (await run.fetch(Respond, { headers: { 'User-Agent': BROWSER } })).text();
		expect(html).toMatch(/<select[^>]*name="field-0"/);
		await form(run, Respond, { 'field-0': 'Afternoon', 'field-1': '2', 'field-2': '' });
		const { output } = await run.resumed;
		expect(output[0].json.data).toEqual({
			Slot: 'Afternoon',
			People: 2,
			Notes: null,
			respondedAt: expect.any(String),
		});
	});

	test('a form that can never be shown is refused before anything is sent', async () => {
		waiting = await startWaitingRun({
			type: 'infobipMessages',
			parameters: messagesParameters({
				responseType: 'customForm',
				defineForm: 'json',
				jsonOutput: '[{"fieldLabel": "Slot", "fieldType": "dropdown"}]',
			}),
			credentials: basicAuth(server),
		});
		expect(waiting.status()).toBe('error');
		expect(waiting.first.data.resultData.error?.message).toMatch(/^Invalid Form Fields \(JSON\)/);
		expect(waiting.first.data.resultData.error?.message).toMatch(/\(item 0\)$/);
		expect(sends()).toHaveLength(0);
	});
});

describe('the OMNI node', () => {
	test('sends the message with its links by Facebook and SMS, as Send Text does', async () => {
		// OMNI's answer (https://www.infobip.com/docs/api/channels/omni-failover/send-advanced-omni-failover-message).
		server.respondWith((request) => {
			if (request.path !== '/omni/1/advanced') return { status: 404, body: {} };
			const destinations = (request.body as IDataObject).destinations as IDataObject[];
			return {
				status: 200,
				body: {
					bulkId: 'omni-bulk-1',
					messages: destinations.map((d) => ({
						to: d.to,
						messageId: d.messageId,
						status: {
							groupId: 1,
							groupName: 'PENDING',
							id: 7,
							name: 'PENDING_ENROUTE',
							description: 'Message sent to next instance',
						},
					})),
				},
			};
		});
		const run = await start(
			{
				resource: 'message',
				operation: 'sendAndWait',
				scenario: { __rl: true, mode: 'id', value: 'CD265875E3A6EA43478D5F37A635BE4A' },
				phoneNumbers: '41793026727',
				message: 'Approve the refund of order 1042?',
				approvalOptions: {
					values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'No' },
				},
				options: { appendAttribution: true },
			},
			'infobipOmni',
		);
		const request = server.received.find((r) => r.path === '/omni/1/advanced');
		const body = request?.body as IDataObject;
		const text = (body.sms as IDataObject).text as string;
		expect((body.facebook as IDataObject).text).toBe(text);
		const links = linksIn(text);
		expect(Object.keys(links)).toEqual(['Yes', 'No']);
		expect(text).toBe(
			`Approve the refund of order 1042?\n\nYes: ${links.Yes}\nNo: ${links.No}\n\nSent automatically with n8n`,
		);
		await run.fetch(links.Yes, { headers: { 'User-Agent': BROWSER } });
		const { output } = await run.resumed;
		expect(output[0].json.data).toMatchObject({ approved: true });
	});
});

describe('refused before anything is sent', () => {
	test.each([
		[
			'two items',
			{ input: [{ json: {} }, { json: {} }] },
			/^Send and Wait for Response waits for one answer, but it got 2 items$/,
		],
		[
			'an empty message',
			{ parameters: { message: ' ' } },
			/^Invalid Message: it is empty \(item 0\)$/,
		],
		[
			'a past Limit Wait Time',
			{
				parameters: {
					options: {
						limitWaitTime: {
							values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' },
						},
					},
				},
			},
			/^Invalid Limit Wait Time → Max Date and Time: 2020-01-01T00:00:00.000Z has passed \(item 0\)$/,
		],
	])('%s', async (_name, change, message) => {
		waiting = await startWaitingRun({
			type: 'infobipMessages',
			parameters: messagesParameters((change as { parameters?: INodeParameters }).parameters ?? {}),
			credentials: basicAuth(server),
			input: (change as { input?: Array<{ json: IDataObject }> }).input,
		});
		expect(waiting.status()).toBe('error');
		expect(waiting.first.data.resultData.error?.message).toMatch(message);
		expect(sends()).toHaveLength(0);
	});
});
