import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_ACCOUNT, FACEBOOK_USER_NUMBERS, startSandbox, type Sandbox } from '../../sandbox';
import { runNode } from '../support/harness';
import { SEED_CREATE_PARAMETERS } from '../fixtures/seed';
import { startTriggerServer, type TriggerServer } from '../support/webhook';

/**
 * The whole loop: the Infobip OMNI node sends with a Notify URL pointing at the trigger, the
 * sandbox delivers and pushes its reports there, and the trigger turns them into items.
 */
let sandbox: Sandbox;
let trigger: TriggerServer;
afterEach(async () => {
	await trigger?.close();
	await sandbox?.close();
});

const credentials = () => ({
	infobipOmniBasicAuthApi: {
		username: DEFAULT_ACCOUNT.username,
		password: DEFAULT_ACCOUNT.password,
		baseUrl: sandbox.baseUrl,
	},
});

async function sendThroughSeedScenario(notifyUrl: string, contentType = 'application/json') {
	const created = await runNode({
		parameters: { ...SEED_CREATE_PARAMETERS, name: 'Facebook then SMS' },
		credentials: credentials(),
	});
	expect(created.error).toBeUndefined();
	return await runNode({
		parameters: {
			resource: 'message',
			operation: 'sendText',
			useDefaultScenario: true,
			phoneNumbers: '={{ $json.phone }}',
			facebookText: 'Your order has shipped',
			smsText: 'Your order has shipped',
			options: {
				notifyUrl,
				notifyContentType: contentType,
				callbackData: '={{ JSON.stringify({ order: $json.order }) }}',
			},
		},
		credentials: credentials(),
		input: [
			{ json: { phone: '41793026727', order: 1 } },
			{ json: { phone: FACEBOOK_USER_NUMBERS[0], order: 2 } },
		],
	});
}

it.each(['application/json', 'application/xml'])(
	'delivery reports pushed as %s arrive as trigger items, with the callback data parsed',
	async (contentType) => {
		sandbox = await startSandbox({ clock: { manual: true } });
		trigger = await startTriggerServer({ parameters: { secret: 's3cret' } });

		const sent = await sendThroughSeedScenario(trigger.notifyUrl('s3cret'), contentType);
		expect(sent.error).toBeUndefined();
		await sandbox.advance(60_000);

		const items = await trigger.waitForItems(3);
		const summary = items
			.map(
				(item) =>
					`${item.to} ${item.channel} ${item.statusGroup} ${(item.callbackData as IDataObject).order}`,
			)
			.sort();
		expect(summary).toEqual([
			'41793026727 FACEBOOK UNDELIVERABLE 1',
			'41793026727 SMS DELIVERED 1',
			`${FACEBOOK_USER_NUMBERS[0]} FACEBOOK DELIVERED 2`,
		]);
		const messageIds = new Set(sent.output.map((o) => o.json.messageId));
		expect(
			items.every((item) => item.event === 'deliveryReport' && messageIds.has(item.messageId)),
		).toBe(true);
		expect(sandbox.pushes().every((push) => push.status === 200)).toBe(true);
	},
);

it('a Notify URL without the secret is refused: the pushes get 401 and nothing is emitted', async () => {
	sandbox = await startSandbox({ clock: { manual: true } });
	trigger = await startTriggerServer({ parameters: { secret: 's3cret' } });
	await sendThroughSeedScenario(trigger.notifyUrl());
	await sandbox.advance(60_000);
	expect(sandbox.pushes().length).toBeGreaterThan(0);
	expect(sandbox.pushes().every((push) => push.status === 401)).toBe(true);
	expect(trigger.items()).toEqual([]);
});
