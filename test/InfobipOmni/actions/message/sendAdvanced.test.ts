/**
 * Send Advanced: each channel's Message Type shows and sends only its own fields, through n8n-core's
 * engine against a real local HTTP server; and the panel as n8n builds it (JSON defaults, labels,
 * AI-tool `$fromAI` keys, descriptions).
 */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { InfobipOmni } from '../../../../nodes/InfobipOmni/InfobipOmni.node';
import { CHANNEL_CONTENT } from '../../../../nodes/InfobipOmni/channels/content';
import { SEED_SCENARIO } from '../../../fixtures/seed';
import { runNode } from '../../../support/harness';
import { basicAuth, useScriptedServer } from '../../../support/infobip';
import type { ReceivedRequest, Reply } from '../../../support/server';

function infobip(request: ReceivedRequest): Reply {
	// The scenario read after the send (actions/message/scenarioCheck.ts).
	if (request.method === 'GET') return { status: 404, body: {} };
	const body = request.body as { destinations: Array<{ to: IDataObject }> };
	return {
		status: 200,
		body: {
			bulkId: 'b',
			messages: body.destinations.map((d, i) => ({
				to: d.to,
				status: { groupId: 1, groupName: 'PENDING', id: 7, name: 'PENDING_ENROUTE' },
				messageId: `m-${i}`,
			})),
		},
	};
}

const server = useScriptedServer(infobip);

const SCENARIO = SEED_SCENARIO;

const sendAdvanced = (channelContents: INodeParameters) =>
	runNode({
		parameters: {
			resource: 'message',
			operation: 'sendAdvanced',
			scenario: { __rl: true, mode: 'key', value: SCENARIO },
			phoneNumbers: '41793026727',
			channelContents,
			requestSettings: { messageIdSource: 'infobip' },
		},
		credentials: basicAuth(server),
	});

const sentBody = () =>
	server.received.filter((r) => r.path === '/omni/1/advanced').map((r) => r.body as IDataObject);

describe('Send Advanced through the engine: only the chosen message type is sent', () => {
	it('a WhatsApp Image and a Viber Text + Button send exactly their fields', async () => {
		const { error } = await sendAdvanced({
			WHATSAPP: {
				contentType: 'IMAGE',
				imageUrl: 'https://example.com/images/parcel.png',
				text: 'Your parcel',
				// Left from an earlier choice of type: hidden, so never sent.
				templateName: 'order_update',
				contacts: '[{"name":{"firstName":"Jane","formattedName":"Jane Doe"}}]',
				previewUrl: true,
			},
			VIBER: {
				contentType: 'TEXT_BUTTON',
				text: 'Order A-17 shipped',
				buttonText: 'Track',
				buttonURL: 'https://example.com/t/A-17',
				imageURL: 'https://example.com/hidden.png',
				fileName: 'hidden.pdf',
				validityPeriod: 1,
				validityPeriodTimeUnit: 'HOURS',
			},
		});
		expect(error).toBeUndefined();
		expect(sentBody()).toEqual([
			{
				scenarioKey: SCENARIO,
				destinations: [{ to: { phoneNumber: '41793026727' } }],
				viber: {
					text: 'Order A-17 shipped',
					buttonText: 'Track',
					buttonURL: 'https://example.com/t/A-17',
					validityPeriod: 1,
					validityPeriodTimeUnit: 'HOURS',
				},
				whatsApp: { text: 'Your parcel', imageUrl: 'https://example.com/images/parcel.png' },
			},
		]);
	});

	it('a channel added without touching its type sends a text (the default) and no empty JSON', async () => {
		const { error } = await sendAdvanced({
			WHATSAPP: { text: 'Hello' },
			VIBER: { text: 'Hi' },
			LINE: { text: 'Hey' },
			PUSH: { text: 'Ping' },
		});
		expect(error).toBeUndefined();
		expect(sentBody()[0]).toMatchObject({
			whatsApp: { text: 'Hello' },
			viber: { text: 'Hi' },
			line: { type: 'TEXT', text: 'Hey' },
			push: { text: 'Ping' },
		});
		const body = sentBody()[0];
		expect(body.whatsApp).toEqual({ text: 'Hello' });
		expect(body.push).toEqual({ text: 'Ping' });
	});

	it("a type's required field left empty is refused before anything is sent", async () => {
		const { error } = await sendAdvanced({ VIBER: { contentType: 'FILE', fileName: 'a.pdf' } });
		expect(error?.message).toBe('Invalid Viber → File URL: it is empty (item 0)');
		expect(error?.description).toBe(
			'Fill in File URL (e.g. https://example.com/document.pdf): Viber File messages need it. Or choose another type.',
		);
		expect(sentBody()).toHaveLength(0);
	});
});

// ---- the panel, as n8n builds it ----

const node = new InfobipOmni().description;
const properties = node.properties;
const version = { typeVersion: 1 };

/** Every property of the node, nested ones included, with whether it belongs to Send Advanced. */
function walk(
	list: INodeProperties[],
	indices: string[],
	visit: (property: INodeProperties, indices: string[]) => void,
) {
	for (const property of list) {
		visit(property, indices);
		const multiple = property.typeOptions?.multipleValues === true;
		const next = multiple ? [...indices, '0'] : indices;
		for (const option of property.options ?? []) {
			if ('values' in option) walk(option.values, next, visit);
			else if ('type' in option) walk([option as INodeProperties], next, visit);
		}
	}
}

/** Whether a property belongs to Send Advanced: its resource and operation conditions only. */
function inSendAdvanced(property: INodeProperties): boolean {
	const only = (rule?: IDataObject) =>
		rule &&
		Object.fromEntries(
			Object.entries(rule).filter(([key]) => key === 'resource' || key === 'operation'),
		);
	const { show, hide } = property.displayOptions ?? {};
	return NodeHelpers.displayParameter(
		{ resource: 'message', operation: 'sendAdvanced' },
		{ ...property, displayOptions: { show: only(show), hide: only(hide) } } as INodeProperties,
		version,
		node,
	);
}

/** The `$fromAI` key n8n's editor gives a field (editor-ui: array indices + displayName, sanitized). */
const fromAiKey = (property: INodeProperties, indices: string[]) =>
	[...indices, property.displayName]
		.join('_')
		.replace(/[^a-zA-Z0-9-]/g, '_')
		.slice(0, 63);

const sendAdvancedFields: Array<{ property: INodeProperties; key: string }> = [];
walk(
	properties.filter((p) => inSendAdvanced(p)),
	[],
	(property, indices) => sendAdvancedFields.push({ property, key: fromAiKey(property, indices) }),
);
const channelContents = properties.find(
	(p) => p.name === 'channelContents' && inSendAdvanced(p),
) as INodeProperties;
const contentFields: INodeProperties[] = [];
walk([channelContents], [], (property) => {
	if (property !== channelContents) contentFields.push(property);
});

describe('the Send Advanced panel', () => {
	it('every JSON field starts with a default that parses (no red marker before input)', () => {
		const json: INodeProperties[] = [];
		walk(properties, [], (p) => {
			if (p.type === 'json') json.push(p);
		});
		expect(json.length).toBeGreaterThanOrEqual(8);
		const unparsable = json.filter((p) => {
			try {
				JSON.parse(p.default as string);
				return false;
			} catch {
				return true;
			}
		});
		expect(unparsable.map((p) => p.displayName)).toEqual([]);
	});

	it('no two fields of Send Advanced share an AI-tool $fromAI key', () => {
		const byKey = new Map<string, string[]>();
		for (const { property, key } of sendAdvancedFields) {
			if (property.type === 'notice') continue;
			byKey.set(key, [...(byKey.get(key) ?? []), property.name]);
		}
		expect([...byKey.keys()]).toEqual(
			expect.arrayContaining(['WhatsApp_Text', 'SMS_Text', 'Viber_Image_URL', 'Phone_Numbers']),
		);
		const shared = [...byKey].filter(([, names]) => names.length > 1);
		expect(shared).toEqual([]);
	});

	it('channel field labels fit the panel (30 characters) and every field says what it takes', () => {
		const tooLong = contentFields
			.filter((p) => p.displayName.length > 30)
			.map((p) => p.displayName);
		expect(tooLong).toEqual([]);
		const undescribed = contentFields
			.filter((p) => (p.description ?? '').length < 15)
			.map((p) => p.displayName);
		expect(undescribed).toEqual([]);
	});

	it('a channel with a message type defaults to Text, and each field is shown for the types that send it', () => {
		for (const spec of CHANNEL_CONTENT.filter((s) => s.contentType)) {
			const choice = spec.contentType!;
			const option = channelContents.options!.find((o) => o.name === spec.channel) as {
				values: INodeProperties[];
			};
			const selector = option.values.find((p) => p.name === choice.param) as INodeProperties;
			expect([spec.channel, selector.default]).toEqual([spec.channel, 'TEXT']);
			for (const type of choice.types) {
				// What n8n's editor shows for this type, by its own displayOptions resolution.
				const shown = option.values
					.filter((p) =>
						NodeHelpers.displayParameterPath(
							{
								parameters: { channelContents: { [spec.channel]: { [choice.param]: type.value } } },
							},
							p,
							`parameters.channelContents.${spec.channel}`,
							version,
							node,
						),
					)
					.map((p) => p.name);
				const expected = [
					choice.param,
					...spec.fields
						.filter((f) => !f.types || f.types.includes(type.value))
						.map((f) => f.param),
					'validityPeriod',
					'validityPeriodTimeUnit',
				];
				expect([spec.channel, type.value, shown]).toEqual([spec.channel, type.value, expected]);
				for (const required of type.required) expect(shown).toContain(required);
			}
		}
	});

	it("Validity Period says in the field itself that 0 keeps Infobip's default", () => {
		const periods = contentFields.filter((p) => p.name === 'validityPeriod');
		expect(periods).toHaveLength(CHANNEL_CONTENT.length);
		for (const p of periods) expect(p.hint).toBe("0 = Infobip's default (48 hours)");
	});
});
