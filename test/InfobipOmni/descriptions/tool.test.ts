import {
	NodeHelpers,
	type INode,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { InfobipOmni } from '../../../nodes/InfobipOmni/InfobipOmni.node';
import { runNode } from '../../support/harness';
import { basicAuth, useScriptedServer } from '../../support/infobip';

const base = new InfobipOmni().description;

/** The tool variant as n8n's convertNodeToAiTool makes it (name + 'Tool'; same properties). */
const toolDescription: INodeTypeDescription = {
	...base,
	name: `${base.name}Tool`,
	displayName: `${base.displayName} Tool`,
};
class InfobipOmniTool extends InfobipOmni {
	description = toolDescription;
}

/**
 * The `$fromAI()` key n8n's editor (2.41.1) writes for a top-level field: display name, every
 * character but letters, digits and '-' as '_'. Written again here, apart from descriptions/tool.ts.
 */
const editorKey = (displayName: string) => displayName.replace(/[^a-zA-Z0-9-]/g, '_');

/** Every resource → operation the node offers. */
const operations: Array<[string, string]> = (
	base.properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[]
).flatMap((resource) =>
	(
		base.properties.find(
			(p) =>
				p.name === 'operation' &&
				p.displayOptions?.show?.resource?.includes(resource.value as string),
		)?.options as INodePropertyOptions[]
	).map((operation): [string, string] => [String(resource.value), String(operation.value)]),
);

const node = (type: INodeTypeDescription, resource: string, operation: string): INode => ({
	id: 'tool',
	name: 'Infobip OMNI Tool',
	type: `n8n-nodes-infobip-omni.${type.name}`,
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource, operation },
});

/** The parameters n8n fills in when it loads the node (Workflow's constructor, defaults on). */
const loaded = (type: INodeTypeDescription, resource: string, operation: string) => {
	const saved = node(type, resource, operation);
	return {
		...saved,
		parameters:
			NodeHelpers.getNodeParameters(type.properties, saved.parameters, true, false, saved, type) ??
			{},
	};
};

/** The top-level string and number fields shown for an operation, as the editor shows them. */
const fillableFields = (resource: string, operation: string): INodeProperties[] =>
	base.properties.filter(
		(p) =>
			(p.type === 'string' || p.type === 'number') &&
			!p.noDataExpression &&
			p.name !== 'toolDescription' &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);

const namedKeys = (text: string) => [...text.matchAll(/`([A-Za-z0-9_-]+)`/g)].map((m) => m[1]);

describe('the node as an AI agent tool: its tool description', () => {
	it('offers operations to check', () => {
		expect(operations).toContainEqual(['message', 'sendText']);
		expect(operations.length).toBeGreaterThanOrEqual(9);
	});

	it.each(operations)(
		'%s → %s: the tool gets its own description, naming the keys of the fields a model can fill',
		(resource, operation) => {
			const tool = loaded(toolDescription, resource, operation);
			const text = tool.parameters.toolDescription;
			expect(typeof text).toBe('string');
			// What n8n's createNodeAsTool hands the model (node-helpers getToolDescriptionForNode).
			expect(NodeHelpers.getToolDescriptionForNode(tool, new InfobipOmniTool() as INodeType)).toBe(
				text,
			);
			expect(namedKeys(text as string)).toEqual(
				fillableFields(resource, operation).map((field) => editorKey(field.displayName)),
			);
		},
	);

	it('Send Text names Phone_Numbers, Facebook_User_Key, Facebook_Text and SMS_Text (the e2e agent check uses them)', () => {
		const text = loaded(toolDescription, 'message', 'sendText').parameters.toolDescription;
		expect(namedKeys(text as string)).toEqual([
			'Phone_Numbers',
			'Facebook_User_Key',
			'Facebook_Text',
			'SMS_Text',
		]);
		expect(text).toMatch(/^Infobip OMNI: Send a Facebook Messenger text, failing over to an SMS/);
		expect(text).toContain('international format');
	});

	it('the plain node has no tool description, and n8n adds no Description field of its own to the tool', () => {
		for (const [resource, operation] of operations) {
			expect(loaded(base, resource, operation).parameters).not.toHaveProperty('toolDescription');
		}
		// convertNodeToAiTool adds descriptionType/toolDescription only when no property has that name.
		expect(toolDescription.properties.some((p) => p.name === 'descriptionType')).toBe(false);
	});
});

describe('the node as an AI agent tool: errors carry their fix in the message', () => {
	const server = useScriptedServer();

	const send = (type: string, phoneNumbers: string) =>
		runNode({
			type,
			extraNodeTypes: [new InfobipOmniTool()],
			parameters: {
				resource: 'message',
				operation: 'sendText',
				useDefaultScenario: true,
				phoneNumbers,
				smsText: 'Your parcel is on its way.',
				options: { maxRetries: 0 },
			},
			credentials: basicAuth(server),
		});

	it('a bad phone number: the message names the field, the item and the fix; nothing is sent', async () => {
		const { error } = await send('infobipOmniTool', '+41 79');
		expect(error?.message).toBe(
			'Invalid Phone Numbers: "+41 79" is not a phone number (item 0). Fix: Give the number in international format with its country code, e.g. 41793026727 or +41 79 302 67 27 (6 to 15 digits).',
		);
		expect(server.received).toHaveLength(0);
	});

	it('the plain node keeps the fix in the description only', async () => {
		const { error } = await send('infobipOmni', '+41 79');
		expect(error?.message).toBe('Invalid Phone Numbers: "+41 79" is not a phone number (item 0)');
		expect(error?.description).toMatch(/^Give the number in international format/);
	});

	it("Infobip's refusal: the fix from the answer is in the message once", async () => {
		server.reply({
			status: 400,
			body: {
				requestError: {
					serviceException: {
						messageId: 'BAD_REQUEST',
						text: 'Bad request',
						validationErrors: { 'sms.text': ['must not be blank'] },
					},
				},
			},
		});
		const { error } = await send('infobipOmniTool', '41793026727');
		expect(error?.message).toBe(
			'Infobip refused the request (400 BAD_REQUEST: Bad request). Fix these fields: SMS → Text (item 0): Infobip says "must not be blank". Infobip\'s own words: sms.text: must not be blank.',
		);
		expect(server.received).toHaveLength(1);
	});
});
