/**
 * Message → Validate: the bodies Send would send, batched the same way, to
 * POST /messages-api/1/messages/validate; a 400 is an "invalid" output per item, not a failure.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { loadOptionsContext, runNode } from '../../../support/harness';
import { basicAuth, useScriptedServer } from '../../../support/infobip';
import { searchWhatsAppTemplates } from '../../../../nodes/InfobipMessages/methods/templates';
import { entriesOf, instancePrefix, SEND_PATH, VALIDATE_PATH } from '../../support';

const server = useScriptedServer(() => ({
	status: 200,
	body: { description: 'Request is valid.', action: 'No action required.' },
}));
const validations = () => server.received.filter((request) => request.path === VALIDATE_PATH);

const parameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'validate',
	channel: 'SMS',
	sender: 'InfoSMS',
	to: '={{ $json.phone }}',
	messageType: 'content',
	bodyType: 'TEXT',
	text: '=Hi {{ $json.name }}',
	...extra,
});

const people = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({
		json: { phone: `4179302000${i}`, name: `P${i}` },
	}));

const validate = async (
	input: INodeExecutionData[],
	extra: INodeParameters = {},
	onError?: 'continueErrorOutput',
) =>
	await runNode({
		type: 'infobipMessages',
		parameters: parameters(extra),
		credentials: basicAuth(server),
		input,
		executionId: 'exec-9',
		...(onError ? { onError } : {}),
	});

const badRequest = (violations: IDataObject[], skippableViolations: IDataObject[] = []) => ({
	status: 400,
	body: {
		errorCode: 'E400',
		description: 'Request cannot be processed.',
		action: 'Check the syntax, violations and adjust the request.',
		violations,
		skippableViolations,
		resources: [],
	},
});

describe('Message → Validate', () => {
	it('valid: the same bodies as Send, batched, nothing sent; one output per item', async () => {
		server.reply({
			status: 200,
			body: {
				description: 'Request is valid.',
				action: 'No action required.',
				skippableViolations: [{ property: 'messages[1].content.body.text', violation: 'is long' }],
			},
		});
		const { output, error } = await validate(people(3), {
			requestSettings: { batchSize: 2, requestsInFlight: 1 },
		});
		expect(error).toBeUndefined();
		expect(server.received.filter((request) => request.path === SEND_PATH)).toHaveLength(0);
		expect(validations().map((request) => entriesOf(request).length)).toEqual([2, 1]);
		expect(validations()[0].body).toEqual({
			messages: [0, 1].map((i) => ({
				channel: 'SMS',
				sender: 'InfoSMS',
				destinations: [
					{
						to: `4179302000${i}`,
						messageId: `${instancePrefix()}-exec-9-node-under-test-0-${i}-1`,
					},
				],
				content: { body: { type: 'TEXT', text: `Hi P${i}` } },
			})),
			options: { messageOrdering: { stopOnFailure: false } },
		});
		expect(output).toEqual([
			{
				json: {
					valid: true,
					description: 'Request is valid.',
					action: 'No action required.',
					violations: [],
					skippableViolations: [],
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					valid: true,
					description: 'Request is valid.',
					action: 'No action required.',
					violations: [],
					skippableViolations: [
						{ property: 'messages[1].content.body.text', violation: 'is long', field: 'Text' },
					],
				},
				pairedItem: { item: 1 },
			},
			expect.objectContaining({
				json: expect.objectContaining({ valid: true }),
				pairedItem: { item: 2 },
			}),
		]);
	});

	it('a 400 is an invalid output: violations go to their item, those without an index to every item', async () => {
		server.reply(
			badRequest([
				{ property: 'messages[0].destinations[0].to', violation: 'is not a valid number' },
				{ property: 'options.schedule.sendAt', violation: 'is in the past' },
			]),
		);
		const { output, error } = await validate(people(2));
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.pairedItem, item.json])).toEqual([
			[
				{ item: 0 },
				{
					valid: false,
					description: 'Request cannot be processed.',
					action: 'Check the syntax, violations and adjust the request.',
					violations: [
						{
							property: 'messages[0].destinations[0].to',
							violation: 'is not a valid number',
							field: 'To',
						},
						{ property: 'options.schedule.sendAt', violation: 'is in the past', field: 'Send At' },
					],
					skippableViolations: [],
				},
			],
			[
				{ item: 1 },
				{
					valid: false,
					description: 'Request cannot be processed.',
					action: 'Check the syntax, violations and adjust the request.',
					violations: [
						{ property: 'options.schedule.sendAt', violation: 'is in the past', field: 'Send At' },
					],
					skippableViolations: [],
				},
			],
		]);
	});

	it('a 400 naming only another message leaves an item valid', async () => {
		server.reply(
			badRequest([{ property: 'messages[1].failover[0].sender', violation: 'must not be blank' }]),
		);
		const { output } = await validate(people(2));
		expect(output.map((item) => item.json.valid)).toEqual([true, false]);
		expect((output[1].json.violations as IDataObject[])[0].field).toBe('Failover Step 1 → Sender');
	});

	it('other errors fail as usual: a 500 stops the node, with Continue On Fail error items', async () => {
		server.respondWith(() => ({
			status: 500,
			body: { errorCode: 'E500', description: 'Internal error' },
		}));
		const { error } = await validate(people(2));
		expect(error?.message).toMatch(/500/);
		const { errorOutput } = await validate(people(2), {}, 'continueErrorOutput');
		expect(errorOutput.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('bad input is refused before any request, naming the field', async () => {
		const { error } = await validate(people(1), { channel: 'WHATSAPP', sender: '' });
		expect(validations()).toHaveLength(0);
		expect(error?.message).toBe('Invalid Sender: it is empty (item 0)');
	});
});

describe('template picker', () => {
	it("lists the WhatsApp sender's APPROVED templates as name (language), value name@language", async () => {
		server.reply({
			status: 200,
			body: {
				templates: [
					{ name: 'welcome', language: 'en', status: 'APPROVED', category: 'MARKETING' },
					{ name: 'welcome', language: 'de', status: 'APPROVED', category: 'MARKETING' },
					{ name: 'draft', language: 'en', status: 'PENDING', category: 'UTILITY' },
					{ name: 'order_shipped', language: 'en_GB', status: 'APPROVED', category: 'UTILITY' },
				],
			},
		});
		const context = loadOptionsContext({
			type: 'infobipMessages',
			path: 'parameters.templateName',
			parameters: {
				authentication: 'basicAuth',
				resource: 'message',
				operation: 'send',
				channel: 'WHATSAPP',
				sender: '447491163862',
			},
			credentials: basicAuth(server),
		});
		const { results } = await searchWhatsAppTemplates.call(context, 'e');
		expect(server.received.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /whatsapp/2/senders/447491163862/templates',
		]);
		expect(results).toEqual([
			{ name: 'order_shipped (en_GB)', value: 'order_shipped@en_GB' },
			{ name: 'welcome (de)', value: 'welcome@de' },
			{ name: 'welcome (en)', value: 'welcome@en' },
		]);
	});

	it('asks for the sender first, and says other channels use By Name', async () => {
		const context = (channel: string, sender: string) =>
			loadOptionsContext({
				type: 'infobipMessages',
				path: 'parameters.templateName',
				parameters: { channel, sender },
				credentials: basicAuth(server),
			});
		await expect(searchWhatsAppTemplates.call(context('WHATSAPP', ''))).rejects.toThrow(
			'Set Sender first',
		);
		await expect(searchWhatsAppTemplates.call(context('RCS', 'x'))).rejects.toThrow(
			'The list shows WhatsApp templates only',
		);
		expect(server.received).toHaveLength(0);
	});
});
