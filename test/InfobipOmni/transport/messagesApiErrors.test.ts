/**
 * The error texts per endpoint family (pure builders, table-driven): scopes from each
 * operation's x-scopes, the 404 fix, the 429 advice and the ApiError envelope's resources.
 */
import {
	describeHttpError,
	parseInfobipError,
	scopesFor,
	throttleAdvice,
} from '../../../nodes/InfobipOmni/transport/errors';
import { describeWithMessagesSpec } from '../../support/messagesSpec';

describe('scopesFor', () => {
	it.each([
		['/omni/1/scenarios', 'omni-failover:manage'],
		['/omni/1/logs', 'omni-failover:logs:read or omni-failover:manage'],
		['/omni/1/advanced', 'omni-failover:message:send, message:send or omni-failover:manage'],
		['/omni/1/reports', 'omni-failover:message:send, message:send or omni-failover:manage'],
		['/messages-api/1/messages', 'message:send, messages-api:message:send or messages-api:manage'],
		[
			'/messages-api/1/messages/validate',
			'message:send, messages-api:message:send or messages-api:manage',
		],
		['/messages-api/1/reports', 'message:send, messages-api:message:send or messages-api:manage'],
		['/messages-api/1/inbound', 'inbound-message:read or messages-api:manage'],
		['/whatsapp/2/senders/447860099299/templates', 'the WhatsApp template scope'],
	])('%s → %s', (path, scopes) => expect(scopesFor(path)).toBe(scopes));
});

describe('429 advice per endpoint family', () => {
	it.each([
		['/omni/1/scenarios', /^OMNI allows 20 scenario creations/],
		['/messages-api/1/messages/validate', /Validate far more than sends/],
		['/messages-api/1/messages', /^Infobip publishes no fixed limit for Messages API sends/],
		['/messages-api/1/inbound', /^Infobip publishes no fixed limit/],
		['/whatsapp/2/senders/x/templates', /^Infobip limits this endpoint per account\.$/],
	])('%s', (path, advice) => expect(throttleAdvice(path)).toMatch(advice));

	it('names no OMNI limit for a Messages API path', () => {
		expect(throttleAdvice('/messages-api/1/messages')).not.toMatch(/OMNI/);
	});
});

describe('404 per endpoint family', () => {
	const details = { violations: [] };
	it.each([
		[
			'/omni/1/reports',
			"Check the credential's Base URL: it must be your account's API address, without a path.",
		],
		[
			'/messages-api/1/reports',
			"Check the credential's Base URL: it must be your account's API address, without a path. If it is, this account may not have this API enabled: ask your Infobip account manager.",
		],
	])('%s', (path, description) => {
		expect(describeHttpError(404, details, { method: 'GET', path })).toEqual({
			message: `Infobip found nothing at GET ${path} (404)`,
			description,
		});
	});
});

describe('the ApiError envelope', () => {
	it('reads resources, and leaves out those without a URL', () => {
		expect(
			parseInfobipError({
				errorCode: 'E403',
				description: 'Insufficient permissions.',
				action: 'Repeat the request.',
				violations: [],
				resources: [{ name: 'API Scopes', url: 'https://x.example/scopes' }, { name: 'none' }],
			}),
		).toEqual({
			code: 'E403',
			text: 'Insufficient permissions.',
			action: 'Repeat the request.',
			violations: [],
			resources: [{ name: 'API Scopes', url: 'https://x.example/scopes' }],
		});
	});

	it('a violation that ends with a period gets no second one', () => {
		const details = parseInfobipError({
			errorCode: 'E400',
			description: 'Request cannot be processed.',
			violations: [{ property: 'messages[0].channel', violation: 'must not be null.' }],
		});
		expect(
			describeHttpError(400, details, { method: 'POST', path: '/messages-api/1/messages' })
				.description,
		).toBe('Fix these fields: messages[0].channel: must not be null.');
	});
});

describeWithMessagesSpec('every ApiError example of the spec reads as a sentence', (spec) => {
	const responses = (spec.components as { responses: Record<string, unknown> }).responses;
	const examples = Object.entries(responses)
		.filter(([name]) => name.startsWith('ApiError'))
		.map(([name, response]) => [
			name,
			Number(name.replace('ApiError', '')),
			(response as { content: Record<string, { example: unknown }> }).content['application/json']
				.example,
		]) as Array<[string, number, unknown]>;

	it('the spec has the ApiError responses', () =>
		expect(examples.length).toBeGreaterThanOrEqual(4));

	it.each(examples)('%s', (_name, status, body) => {
		const details = parseInfobipError(body);
		const readable = describeHttpError(status, details, {
			method: 'GET',
			path: '/messages-api/1/reports',
		});
		expect(readable.message).toContain(`${status} ${details.code}: ${details.text}`);
		expect(readable.description).not.toMatch(/\.\./);
		expect(readable.description).not.toMatch(/OMNI|Log → Get Many/);
		for (const resource of details.resources ?? []) {
			expect(readable.description).toContain(`${resource.name} (${resource.url})`);
		}
	});
});
