import { TRIGGER_WEBHOOK_ID, triggerHookContext } from '../support/webhook';

const PRODUCTION_URL = `https://n8n.example.com/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
const TEST_URL = `https://n8n.example.com/webhook-test/${TRIGGER_WEBHOOK_ID}/webhook`;

describe('webhook lifecycle, through n8n-core HookContext', () => {
	it('create records the production URL and the activation time', async () => {
		const { context, methods, nodeStaticData } = triggerHookContext({});
		const before = Date.now();

		expect(await methods.checkExists.call(context)).toBe(false);
		expect(await methods.create.call(context)).toBe(true);

		const { registration } = nodeStaticData() as {
			registration: { webhookUrl: string; activatedAt: string };
		};
		expect(registration.webhookUrl).toBe(PRODUCTION_URL);
		expect(Date.parse(registration.activatedAt)).toBeGreaterThanOrEqual(before - 1);
		expect(registration.activatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(await methods.checkExists.call(context)).toBe(true);
	});

	it('checkExists is true only for the URL static data holds', async () => {
		const registration = { webhookUrl: PRODUCTION_URL, activatedAt: '2024-01-01T00:00:00.000Z' };

		const production = triggerHookContext({ nodeStaticData: { registration } });
		expect(await production.methods.checkExists.call(production.context)).toBe(true);

		const test = triggerHookContext({ nodeStaticData: { registration }, isTest: true });
		expect(await test.methods.checkExists.call(test.context)).toBe(false);

		const moved = triggerHookContext({
			nodeStaticData: { registration },
			baseUrl: 'https://elsewhere.example.com',
		});
		expect(await moved.methods.checkExists.call(moved.context)).toBe(false);
	});

	it('records the Test URL while listening for a test event', async () => {
		const { context, methods, nodeStaticData } = triggerHookContext({ isTest: true });

		await methods.create.call(context);

		expect(nodeStaticData()).toMatchObject({ registration: { webhookUrl: TEST_URL } });
	});

	it('delete forgets the URL and leaves other static data alone', async () => {
		const { context, methods, nodeStaticData, workflow } = triggerHookContext({
			nodeStaticData: {
				registration: { webhookUrl: PRODUCTION_URL, activatedAt: '2024-01-01T00:00:00.000Z' },
				dedupe: { abc: 1 },
			},
		});

		expect(await methods.delete.call(context)).toBe(true);

		expect(nodeStaticData()).toEqual({ dedupe: { abc: 1 } });
		// n8n saves static data after deactivation only when it changed.
		expect((workflow.staticData as { __dataChanged?: boolean }).__dataChanged).toBe(true);
		expect(await methods.checkExists.call(context)).toBe(false);
		expect(await methods.delete.call(context)).toBe(true);
	});
});
