import { REFUSED_DESTINATIONS, startSandbox, type Sandbox } from '../../sandbox';
import { clientFor } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ clock: { manual: true } });
});
afterAll(async () => await sandbox.close());

describe('refused destinations (numbers ending 0400-0499)', () => {
	it('answer the whole request 400 naming the destination, and accept nothing', async () => {
		const client = clientFor(sandbox);
		await client.post('/omni/1/scenarios', {
			flow: [{ from: 'InfoSMS', channel: 'SMS' }],
			default: true,
		});
		const response = await client.post('/omni/1/advanced', {
			destinations: [
				{ to: { phoneNumber: '41793026727' } },
				{ to: { phoneNumber: REFUSED_DESTINATIONS.example } },
			],
			sms: { text: 'x' },
		});
		expect(response.status).toBe(400);
		expect(response.data).toEqual({
			requestError: {
				serviceException: {
					messageId: 'BAD_REQUEST',
					text: 'Bad request',
					validationErrors: { 'destinations[1].to.phoneNumber': [REFUSED_DESTINATIONS.message] },
				},
			},
		});
		expect(sandbox.acceptedCount()).toBe(0);
	});

	it('leave the neighbouring ranges alone', async () => {
		const client = clientFor(sandbox);
		const response = await client.post('/omni/1/advanced', {
			destinations: [
				{ to: { phoneNumber: '41793000399' } },
				{ to: { phoneNumber: '41793000500' } },
			],
			sms: { text: 'x' },
		});
		expect(response.status).toBe(200);
	});
});
