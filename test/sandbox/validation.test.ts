import type { AxiosInstance } from 'axios';

import { formatInfobipDate, type Sandbox, startSandbox } from '../../sandbox';
import { SEED_CREATE_SCENARIO } from '../fixtures/seed';
import { clientFor } from './support';

const destination = { to: { phoneNumber: '41793026727' } };
const valid = { destinations: [destination], sms: { text: 'hello' } };
const DAY_MS = 86_400_000;

const badRequest = (validationErrors: Record<string, string[]>) => ({
	requestError: {
		serviceException: { messageId: 'BAD_REQUEST', text: 'Bad request', validationErrors },
	},
});

describe('sandbox: validation errors (400 BAD_REQUEST with validationErrors)', () => {
	let sandbox: Sandbox;
	let client: AxiosInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: { manual: true, start: '2026-01-01T00:00:00.000Z' } });
		client = clientFor(sandbox);
		await client.post('/omni/1/scenarios', SEED_CREATE_SCENARIO);
	});
	afterAll(async () => {
		await sandbox.close();
	});

	const farFuture = () => formatInfobipDate(sandbox.clock.now() + 181 * DAY_MS);

	it.each<[string, () => unknown, Record<string, string[]>]>([
		[
			'destinations missing',
			() => ({ sms: { text: 'x' } }),
			{ destinations: ['must not be null'] },
		],
		['destinations empty', () => ({ destinations: [] }), { destinations: ['must not be empty'] }],
		[
			'a phone number with letters',
			() => ({ destinations: [{ to: { phoneNumber: '41-79-ABC' } }] }),
			{
				'destinations[0].to.phoneNumber': [
					'must be a phone number in international format, digits only, e.g. 41793026727',
				],
			},
		],
		[
			'a destination without any address',
			() => ({ destinations: [destination, { to: {} }] }),
			{
				'destinations[1].to': [
					'must contain at least one destination address (phoneNumber, emailAddress, pushRegistrationId, whatsAppUserId, facebookUserKey or lineUserKey)',
				],
			},
		],
		[
			'a destination without to',
			() => ({ destinations: [{ messageId: 'm1' }] }),
			{ 'destinations[0].to': ['must not be null'] },
		],
		[
			'an invalid e-mail address',
			() => ({ destinations: [{ to: { emailAddress: 'not-an-address' } }] }),
			{ 'destinations[0].to.emailAddress': ['must be a valid e-mail address'] },
		],
		[
			'an unknown facebook.type',
			() => ({ ...valid, facebook: { type: 'STICKER', url: 'https://x.test/a.png' } }),
			{ 'facebook.type': ['must be one of: TEXT, IMAGE, AUDIO, VIDEO, FILE'] },
		],
		[
			'facebook media type without url',
			() => ({ ...valid, facebook: { type: 'VIDEO' } }),
			{ 'facebook.url': ['must not be null'] },
		],
		[
			'facebook TEXT without text',
			() => ({ ...valid, facebook: { type: 'TEXT' } }),
			{ 'facebook.text': ['must not be null'] },
		],
		[
			'facebook without type nor text',
			() => ({ ...valid, facebook: {} }),
			{ 'facebook.text': ['must not be null'] },
		],
		[
			'an empty sms.text',
			() => ({ ...valid, sms: { text: '' } }),
			{ 'sms.text': ['must not be empty'] },
		],
		[
			'a mis-cased channel object (whatsapp)',
			() => ({ ...valid, whatsapp: { text: 'x' } }),
			{ whatsapp: ['unknown field'] },
		],
		[
			'callbackData over 4000 characters',
			() => ({ ...valid, callbackData: 'x'.repeat(4001) }),
			{ callbackData: ['length must be at most 4000'] },
		],
		[
			'sendAt in another format',
			() => ({ ...valid, sendAt: '24/05/2026 10:45' }),
			{
				sendAt: [
					"must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2024-05-24T10:45:38.000+0000",
				],
			},
		],
		[
			'sendAt 181 days ahead',
			() => ({ ...valid, sendAt: farFuture() }),
			{ sendAt: ['must be sooner than 180 days from now'] },
		],
		[
			'an SMS validity of 30 seconds',
			() => ({
				...valid,
				sms: { text: 'x', validityPeriod: 30, validityPeriodTimeUnit: 'SECONDS' },
			}),
			{ 'sms.validityPeriod': ['must be more than 30 seconds'] },
		],
		[
			'a Viber validity of 35 seconds',
			() => ({
				...valid,
				viber: { text: 'x', validityPeriod: 35, validityPeriodTimeUnit: 'SECONDS' },
			}),
			{ 'viber.validityPeriod': ['must be more than 35 seconds'] },
		],
		[
			'an unknown validity unit',
			() => ({ ...valid, sms: { text: 'x', validityPeriod: 2, validityPeriodTimeUnit: 'WEEKS' } }),
			{
				'sms.validityPeriodTimeUnit': [
					'must be one of: NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS',
				],
			},
		],
		[
			'an unknown notifyContentType',
			() => ({ ...valid, notifyContentType: 'text/plain' }),
			{ notifyContentType: ['must be one of: application/json, application/xml'] },
		],
		[
			'a notifyUrl that is no URL',
			() => ({ ...valid, notifyUrl: 'callback' }),
			{ notifyUrl: ['must be an http or https URL'] },
		],
		[
			'a Viber button text over 30 characters',
			() => ({ ...valid, viber: { text: 'x', buttonText: 'b'.repeat(31) } }),
			{ 'viber.buttonText': ['length must be at most 30'] },
		],
		[
			'notify that is not a boolean',
			() => ({ ...valid, notify: 'yes' }),
			{ notify: ['must be a boolean'] },
		],
		['a body that is not an object', () => [valid], { request: ['must be an object'] }],
		[
			'several mistakes at once',
			() => ({
				destinations: [{ to: { phoneNumber: 'x' } }],
				facebook: { type: 'AUDIO' },
				sms: { text: '' },
			}),
			{
				'destinations[0].to.phoneNumber': [
					'must be a phone number in international format, digits only, e.g. 41793026727',
				],
				'facebook.url': ['must not be null'],
				'sms.text': ['must not be empty'],
			},
		],
	])('send: %s', async (_name, body, validationErrors) => {
		const response = await client.post('/omni/1/advanced', body());
		expect(response.status).toBe(400);
		expect(response.data).toEqual(badRequest(validationErrors));
	});

	it.each<[string, unknown, Record<string, string[]>]>([
		['flow missing', { name: 'x' }, { flow: ['must not be null'] }],
		['flow empty', { flow: [] }, { flow: ['must not be empty'] }],
		[
			'an unknown channel',
			{ flow: [{ from: 'x', channel: 'TELEGRAM' }] },
			{
				'flow[0].channel': [
					'must be one of: SMS, EMAIL, VOICE, PUSH, VIBER, LINE, VKONTAKTE, WHATSAPP, KAKAO_CHINGU, KAKAO_ALIM, FACEBOOK, PARSECO',
				],
			},
		],
		[
			'a step without from',
			{ flow: [{ channel: 'SMS' }] },
			{ 'flow[0].from': ['must not be null'] },
		],
		[
			'a step without channel',
			{ flow: [{ from: 'InfoSMS' }] },
			{ 'flow[0].channel': ['must not be null'] },
		],
		[
			'default that is not a boolean',
			{ flow: [{ from: 'a', channel: 'SMS' }], default: 'yes' },
			{ default: ['must be a boolean'] },
		],
		[
			'an unknown field',
			{ flow: [{ from: 'a', channel: 'SMS' }], isDefault: true },
			{ isDefault: ['unknown field'] },
		],
	])('scenario: %s', async (_name, body, validationErrors) => {
		const response = await client.post('/omni/1/scenarios', body);
		expect(response.status).toBe(400);
		expect(response.data).toEqual(badRequest(validationErrors));
	});

	it.each<[string, string, Record<string, unknown>, Record<string, string[]>]>([
		[
			'reports limit above 1000',
			'/omni/1/reports',
			{ limit: 1001 },
			{ limit: ['must be less than or equal to 1000'] },
		],
		[
			'reports limit not a number',
			'/omni/1/reports',
			{ limit: 'ten' },
			{ limit: ['must be an integer'] },
		],
		[
			'reports with an unknown channel',
			'/omni/1/reports',
			{ channel: 'FAX' },
			{
				channel: [
					'must be one of: SMS, EMAIL, VOICE, PUSH, VIBER, LINE, VKONTAKTE, WHATSAPP, KAKAO_CHINGU, KAKAO_ALIM, FACEBOOK, PARSECO',
				],
			},
		],
		[
			'logs limit above 1000',
			'/omni/1/logs',
			{ limit: 5000 },
			{ limit: ['must be less than or equal to 1000'] },
		],
		[
			'logs with an unknown generalStatus',
			'/omni/1/logs',
			{ generalStatus: 'LOST' },
			{
				generalStatus: [
					'must be one of: ACCEPTED, PENDING, UNDELIVERABLE, DELIVERED, EXPIRED, REJECTED',
				],
			},
		],
		[
			'logs with sentSince in another format',
			'/omni/1/logs',
			{ sentSince: 'yesterday' },
			{
				sentSince: [
					"must be a date-time in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2024-05-24T10:45:38.000+0000",
				],
			},
		],
		[
			'scenarios with a negative page',
			'/omni/1/scenarios',
			{ page: -1 },
			{ page: ['must be greater than or equal to 0'] },
		],
	])('query: %s', async (_name, path, params, validationErrors) => {
		const response = await client.get(path, { params });
		expect(response.status).toBe(400);
		expect(response.data).toEqual(badRequest(validationErrors));
	});

	it('answers a body that is not JSON with a 400 envelope', async () => {
		const response = await client.post('/omni/1/advanced', '{"destinations": [', {
			headers: { 'Content-Type': 'application/json' },
			// Send the text as is (axios would otherwise wrap an unparsable string as a JSON string).
			transformRequest: [(data: unknown) => data],
		});
		expect(response.status).toBe(400);
		expect(response.data).toEqual({
			requestError: {
				serviceException: {
					messageId: 'BAD_REQUEST',
					text: expect.stringMatching(/^Bad request: /),
				},
			},
		});
	});

	it('accepts every channel object of the spec with its own field casing', async () => {
		const response = await client.post('/omni/1/advanced', {
			destinations: [
				{
					messageId: 'all-channels',
					to: {
						phoneNumber: '41793026727',
						emailAddress: 'a@example.com',
						pushRegistrationId: 'reg-1',
					},
				},
			],
			sms: {
				text: 'x',
				transliteration: 'TURKISH',
				language: { languageCode: 'TR' },
				validityPeriod: 2,
				validityPeriodTimeUnit: 'HOURS',
			},
			whatsApp: {
				templateName: 'media_template_name',
				mediaTemplateData: {
					header: { imageUrl: 'https://x.test/a.png' },
					body: { placeholders: ['a'] },
					buttons: [{ quickReplyPayload: 'b1' }],
				},
				language: 'en',
			},
			viber: {
				text: 'x',
				imageURL: 'https://x.test/a.png',
				buttonText: 'Go',
				buttonURL: 'https://x.test',
			},
			voice: { text: 'x', language: 'en' },
			email: { text: 'x', subject: 'y' },
			push: {
				text: 'x',
				notificationOptions: { title: 't', inAppStyle: 'MODAL' },
				customPayload: { a: {} },
			},
			line: { type: 'IMAGE', url: 'https://x.test/a.png' },
			kakaoChingu: { text: 'x' },
			kakaoAlim: {
				text: 'x',
				templateCode: 'T1',
				buttons: [{ buttonText: 'b', type: 'URL', buttonUrlMobile: 'https://x.test' }],
			},
			vKontakte: { templateName: 'InfoVK_template', templateData: { parameter1: {} } },
			facebook: { type: 'FILE', url: 'https://x.test/a.pdf' },
			parseco: { text: 'x' },
			notify: false,
			intermediateReport: true,
			notifyContentType: 'application/xml',
			callbackData: 'cb',
			bulkId: 'bulk-all-channels',
		});
		expect(response.status).toBe(200);
	});
});
