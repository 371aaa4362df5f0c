/**
 * Message → Send and Wait for Delivery of both nodes, through n8n-core's engine against the
 * sandbox: the send points every report at the execution's resume URL, the execution waits, the
 * sandbox's real pushes resume it once every message has its final status, and the Limit Wait
 * Time outputs the messages as they stand.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { FACEBOOK_USER_NUMBERS, MESSENGER_USER_PSIDS, type LoggedRequest } from '../../sandbox';
import { runNode } from '../support/harness';
import { basicAuth, useSandbox } from '../support/infobip';
import { startWaitingRun, type WaitingRun } from '../support/waiting';
import { SEED_CREATE_PARAMETERS, SEED_FACEBOOK_USER } from '../fixtures/seed';

const sandbox = useSandbox({ clock: { manual: true } });
const credentials = () => basicAuth(sandbox);
const sendsTo = (path: string) => sandbox.requests().filter((r: LoggedRequest) => r.path === path);

let waiting: WaitingRun | undefined;
afterEach(async () => {
	await waiting?.close();
	waiting = undefined;
});

async function start(
	parameters: INodeParameters,
	input: INodeExecutionData[],
	type = 'infobipOmni',
): Promise<WaitingRun> {
	waiting = await startWaitingRun({
		type,
		parameters,
		credentials: credentials(),
		input,
		executionId: '77',
	});
	return waiting;
}

async function seedScenario(): Promise<string> {
	const { output, error } = await runNode({
		parameters: SEED_CREATE_PARAMETERS,
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	return output[0].json.key as string;
}

const omniParameters = (key: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendAndWaitForDelivery',
	scenario: { __rl: true, mode: 'list', value: key },
	phoneNumbers: '={{ $json.phone }}',
	facebookUserKey: '={{ $json.facebookUserKey ?? "" }}',
	facebookText: 'Your order has shipped',
	smsText: 'Your order has shipped (SMS)',
	...extra,
});

/** The seed's three kinds of recipient: SMS only, Facebook by phone, Facebook by user key. */
const SEED_PEOPLE: INodeExecutionData[] = [
	{ json: { phone: '41793026727' } },
	{ json: { phone: FACEBOOK_USER_NUMBERS[0] } },
	{ json: { phone: '41793026740', facebookUserKey: SEED_FACEBOOK_USER } },
];

const summary = (items: INodeExecutionData[]) =>
	items.map(({ json, pairedItem }) => [
		(pairedItem as { item: number }).item,
		json.to,
		json.channel,
		json.statusGroup,
		json.final,
	]);

describe('OMNI: the seed flow, three messages', () => {
	test('points the reports at the resume URL, waits, resumes when all three are final', async () => {
		const key = await seedScenario();
		const run = await start(omniParameters(key), SEED_PEOPLE);
		expect(run.status()).toBe('waiting');

		const sends = sendsTo('/omni/1/advanced');
		expect(sends).toHaveLength(1);
		const body = sends[0].body as IDataObject;
		const notifyUrl = new URL(body.notifyUrl as string);
		expect(`${notifyUrl.origin}${notifyUrl.pathname}`).toBe(
			`${run.waitingBaseUrl}/77/node-under-test`,
		);
		expect(notifyUrl.searchParams.get('signature')).toBe(run.first.data.resumeToken);
		expect(body.notifyContentType).toBe('application/json');
		expect(body.intermediateReport).toBeUndefined();

		// While waiting: each message as Infobip accepted it, with the scenario's channels.
		expect(run.waitingOutput.map(({ json }) => [json.to, json.channels, json.final])).toEqual([
			['41793026727', ['FACEBOOK', 'SMS'], false],
			[FACEBOOK_USER_NUMBERS[0], ['FACEBOOK', 'SMS'], false],
			['41793026740', ['FACEBOOK', 'SMS'], false],
		]);
		expect(run.waitingInput).toEqual(run.waitingOutput);

		await sandbox.advance(60_000);
		const { output } = await run.resumed;
		expect(run.status()).toBe('success');
		expect(summary(output)).toEqual([
			[0, '41793026727', 'SMS', 'DELIVERED', true],
			[1, FACEBOOK_USER_NUMBERS[0], 'FACEBOOK', 'DELIVERED', true],
			// As Infobip reports it: Messenger reached the person by their Facebook user key.
			[2, SEED_FACEBOOK_USER, 'FACEBOOK', 'DELIVERED', true],
		]);
		expect(output[0].json).toMatchObject({
			messageId: run.waitingOutput[0].json.messageId,
			delivered: true,
			channels: ['FACEBOOK', 'SMS'],
			secondsToDeliver: expect.any(Number),
			price: expect.any(Object),
		});
		// Every push was answered 200; the one that completed the set resumed the execution.
		const pushes = run.calls.filter((call) => call.method === 'POST');
		expect(pushes.every((call) => call.status === 200)).toBe(true);
		expect(pushes.filter((call) => call.resumed)).toHaveLength(1);
		expect(pushes.at(-1)?.resumed).toBe(true);
		// The failed Facebook step of the first message did not end its wait: the logs were read.
		expect(sendsTo('/omni/1/logs').length).toBeGreaterThan(0);
	});

	test('refuses a push of messages it does not wait for, and a wrong token; changes nothing', async () => {
		const key = await seedScenario();
		const run = await start(omniParameters(key), [SEED_PEOPLE[0]]);
		const url = (sendsTo('/omni/1/advanced')[0].body as IDataObject).notifyUrl as string;
		const push = (target: string, messageId: string) =>
			run.fetch(target, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({
					results: [
						{
							messageId,
							to: '41793026727',
							channel: 'SMS',
							status: { groupName: 'DELIVERED', name: 'DELIVERED_TO_HANDSET' },
							doneAt: new Date().toISOString(),
						},
					],
				}),
			});
		const unknown = await push(url, 'not-a-message-of-this-run');
		expect(unknown.status).toBe(400);
		const wrongToken = await push(
			url.replace(/signature=\w/, 'signature=0'),
			String(run.waitingOutput[0].json.messageId),
		);
		expect(wrongToken.status).toBe(401);
		expect(run.status()).toBe('waiting');

		// A forged report of the right message ID but a failed first step does not end it either.
		const step = await run.fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				results: [
					{
						messageId: run.waitingOutput[0].json.messageId,
						channel: 'FACEBOOK',
						status: { groupName: 'UNDELIVERABLE', name: 'UNDELIVERABLE_NOT_DELIVERED' },
					},
				],
			}),
		});
		expect([step.status, await step.text()]).toEqual([200, expect.any(String)]);
		expect(run.status()).toBe('waiting');

		await sandbox.advance(60_000);
		const { output } = await run.resumed;
		expect(summary(output)).toEqual([[0, '41793026727', 'SMS', 'DELIVERED', true]]);
		// A late duplicate of the final report: the execution has finished, n8n refuses it.
		const late = await push(url, String(run.waitingOutput[0].json.messageId));
		expect(late.status).toBe(409);
	});

	test('the Limit Wait Time: each message is output as it stands, final: false', async () => {
		const key = await seedScenario();
		const run = await start(
			omniParameters(key, {
				limitWaitTime: true,
				resumeAmount: 2,
				resumeUnit: 'minutes',
			}),
			[{ json: { phone: '41793000350' } }],
		);
		expect(run.waitTill!.getTime() - Date.now()).toBeGreaterThan(110_000);
		const { output } = await run.timeout();
		expect(output).toEqual(run.waitingOutput);
		expect(output[0]).toMatchObject({
			json: { to: '41793000350', final: false, delivered: false, statusGroup: 'ACCEPTED' },
			pairedItem: { item: 0 },
		});
	});

	test('Continue On Fail: a refused item is its error item, the others are waited for', async () => {
		const key = await seedScenario();
		waiting = await startWaitingRun({
			parameters: omniParameters(key),
			credentials: credentials(),
			input: [{ json: { phone: '41793026727' } }, { json: { phone: '+41 79' } }],
			onError: 'continueRegularOutput',
			executionId: '78',
		});
		const run = waiting;
		expect(run.status()).toBe('waiting');
		expect(
			run.waitingOutput.map((item) => [item.pairedItem, item.json.final ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, false],
			[{ item: 1 }, expect.stringMatching(/^Invalid Phone Numbers: .* \(item 1\)$/)],
		]);
		await sandbox.advance(60_000);
		const { output } = await run.resumed;
		expect(
			output.map((item) => [item.pairedItem, item.json.statusGroup ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, 'DELIVERED'],
			[{ item: 1 }, expect.stringMatching(/^Invalid Phone Numbers/)],
		]);
	});

	test('nothing accepted: nothing to wait for, the errors come out at once', async () => {
		const key = await seedScenario();
		const { output, run } = await runNode({
			parameters: omniParameters(key),
			credentials: credentials(),
			input: [{ json: { phone: '+41 79' } }],
			onError: 'continueRegularOutput',
		});
		expect(run.status).toBe('success');
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Invalid Phone Numbers/),
		]);
	});

	test('more messages than one wait follows: refused before anything is sent', async () => {
		const key = await seedScenario();
		const many = Array.from({ length: 101 }, (_, i) => ({
			json: { phone: `4179302${String(6000 + i)}` },
		}));
		const { error } = await runNode({
			parameters: omniParameters(key),
			credentials: credentials(),
			input: many,
		});
		expect(error?.message).toBe(
			'101 messages would be sent, more than the 100 this operation can wait for',
		);
		expect(sendsTo('/omni/1/advanced')).toHaveLength(0);
	});
});

describe('Messages API: Messenger → SMS, one message', () => {
	const parameters = (to: string): INodeParameters => ({
		resource: 'message',
		operation: 'sendAndWaitForDelivery',
		channel: 'MESSENGER',
		sender: 'FacebookApplicationKey',
		to,
		text: 'Your order has shipped',
		failover: { steps: [{ channel: 'SMS', sender: 'InfoSMS', to: '41793026727' }] },
	});

	test('delivered on Messenger: the push resumes the execution', async () => {
		const run = await start(parameters(MESSENGER_USER_PSIDS[0]), [{ json: {} }], 'infobipMessages');
		expect(run.status()).toBe('waiting');
		const message = (
			(sendsTo('/messages-api/1/messages')[0].body as IDataObject).messages as IDataObject[]
		)[0];
		expect(message.webhooks).toEqual({
			delivery: {
				url: expect.stringContaining(`${run.waitingBaseUrl}/77/node-under-test?signature=`),
			},
			contentType: 'application/json',
		});
		expect(run.waitingOutput[0].json.channels).toEqual(['MESSENGER', 'SMS']);
		await sandbox.advance(60_000);
		const { output } = await run.resumed;
		expect(summary(output)).toEqual([[0, MESSENGER_USER_PSIDS[0], 'MESSENGER', 'DELIVERED', true]]);
	});

	test('two messages: refused before anything is sent, with the fix', async () => {
		const { error } = await runNode({
			type: 'infobipMessages',
			parameters: { ...parameters('41793026727, 41793026731'), channel: 'SMS', failover: {} },
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'2 messages would be sent, more than the 1 this operation can wait for',
		);
		expect(error?.description).toContain('Loop Over Items');
		expect(sendsTo('/messages-api/1/messages')).toHaveLength(0);
	});
});
