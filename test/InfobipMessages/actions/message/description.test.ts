/**
 * The Message fields as the editor shows them: only the chosen body type's fields, template
 * fields only for templates, short labels, and the contract's parameter names and defaults.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { InfobipMessages } from '../../../../nodes/InfobipMessages/InfobipMessages.node';
import {
	messageFieldLabel,
	violationOwners,
} from '../../../../nodes/InfobipMessages/actions/message/violations';
import type { PreparedSend } from '../../../../nodes/InfobipOmni/dispatch';
import type { MessagesDestination } from '../../../../nodes/InfobipMessages/builders/message';

const description = new InfobipMessages().description;
const properties = description.properties;

/** The top-level fields shown for these parameters, by display name. */
function shown(parameters: INodeParameters): string[] {
	const values: INodeParameters = { resource: 'message', operation: 'send', ...parameters };
	return properties
		.filter((property) => property.name !== 'toolDescription')
		.filter((property) => NodeHelpers.displayParameter(values, property, null, description, values))
		.map((property) => property.displayName);
}

const COMMON = [
	'Authentication',
	'Resource',
	'Operation',
	'Channel',
	'Sender',
	'To',
	'Message Type',
];
const TAIL = ['Failover', 'Simplify', 'Options', 'Request Settings'];

describe('Message → Send fields', () => {
	it.each([
		['TEXT', ['Text']],
		['IMAGE', ['Media URL', 'Caption']],
		['VIDEO', ['Media URL', 'Caption', 'Thumbnail URL']],
		['DOCUMENT', ['Media URL', 'Caption', 'Filename']],
		['LOCATION', ['Latitude', 'Longitude', 'Location Name', 'Location Address']],
	])('%s shows only its own fields', (bodyType, fields) => {
		expect(shown({ messageType: 'content', bodyType })).toEqual([
			...COMMON,
			'Body Type',
			...fields,
			'Header, Footer and Buttons',
			...TAIL,
		]);
	});

	it('a template shows the picker, language and placeholders, no body fields', () => {
		expect(shown({ messageType: 'template' })).toEqual([
			...COMMON,
			'Template',
			'Template Language',
			'Template Placeholders',
			...TAIL,
		]);
	});

	it('Validate shows the same message, without Simplify', () => {
		expect(shown({ operation: 'validate', messageType: 'content', bodyType: 'TEXT' })).toEqual([
			...COMMON,
			'Body Type',
			'Text',
			'Header, Footer and Buttons',
			'Failover',
			'Options',
			'Request Settings',
		]);
	});

	it("the contract's names and defaults", () => {
		const byName = (name: string) =>
			properties.find(
				(p) => p.name === name && p.displayOptions?.show?.operation?.includes('send'),
			) as INodeProperties;
		expect(byName('channel').default).toBe('MESSENGER');
		expect(byName('messageType').default).toBe('content');
		expect(byName('bodyType').default).toBe('TEXT');
		expect(byName('simplify').default).toBe(true);
		expect(byName('templateName').type).toBe('resourceLocator');
		const failover = byName('failover');
		expect(failover.type).toBe('fixedCollection');
		const steps = (failover.options as Array<{ name: string; values: INodeProperties[] }>)[0];
		expect(steps.name).toBe('steps');
		expect(steps.values.map((v) => v.name)).toEqual([
			'channel',
			'sender',
			'to',
			'text',
			'templateName',
			'templateLanguage',
			'validityPeriod',
			'validityPeriodTimeUnit',
		]);
		const settings = byName('requestSettings').options as INodeProperties[];
		expect(settings.map((s) => s.name).sort()).toEqual([
			'batchSize',
			'maxRetries',
			'maxRetryWaitSeconds',
			'messageIdSource',
			'requestsInFlight',
			'requestsPerSecond',
			'timeoutSeconds',
		]);
	});

	it("the AI tool's description names the Messages API and the fields a model fills", () => {
		const tool = properties.find(
			(p) => p.name === 'toolDescription' && p.displayOptions?.show?.operation?.includes('send'),
		);
		expect(String(tool?.default)).toMatch(/^Infobip Messages API: Send on one channel/);
		expect(String(tool?.default)).toContain('`To`: the recipient on the main channel');
	});

	it('labels stay short (at most 30 characters)', () => {
		const labels: string[] = [];
		const walk = (list: unknown[]) => {
			for (const entry of list as Array<INodeProperties & { values?: INodeProperties[] }>) {
				if (entry.displayName) labels.push(entry.displayName);
				if (Array.isArray(entry.options)) walk(entry.options);
				if (Array.isArray(entry.values)) walk(entry.values);
			}
		};
		walk(properties.filter((p) => p.displayOptions?.show?.resource?.includes('message')));
		expect(labels.filter((label) => label.length > 30)).toEqual([]);
	});
});

describe('400 violations in the node’s words', () => {
	const item = (itemIndex: number, failover?: string[]): PreparedSend<MessagesDestination> => ({
		itemIndex,
		body: {},
		destinations: [{ to: 'x' }],
		entry: failover ? { failover: failover.map((channel) => ({ channel })) } : {},
	});
	it.each([
		['messages[1].content.body.text', [4], 'Text'],
		['messages[0].destinations[0].to', [3], 'To'],
		['messages[0].destinations[0].byChannel[0].to', [3], 'To'],
		['messages[0].destinations[0].byChannel[2].to', [3], 'Failover Step 2 (WhatsApp) → To'],
		['messages[0].failover[0].sender', [3], 'Failover Step 1 (SMS) → Sender'],
		['messages[1].content.buttons[1].url', [4], 'Buttons (button 2) → url'],
		['messages[1].template.language', [4], 'Template Language'],
		['messages[1].webhooks.callbackData', [4], 'Callback Data'],
		['options.schedule.sendAt', [3, 4], 'Send At'],
		['messages[7].channel', [3, 4], undefined],
		['somethingElse', [3, 4], undefined],
	])('%s → items %j, %s', (field, itemIndexes, label) => {
		expect(violationOwners(field, [item(3, ['SMS', 'WHATSAPP']), item(4)])).toEqual({
			itemIndexes,
			...(label === undefined ? { label: undefined } : { label }),
		});
	});

	it('unknown paths inside a message stay unlabelled', () => {
		expect(messageFieldLabel('mystery.field')).toBeUndefined();
	});
});

describe('Failover step fields', () => {
	const failover = properties.find((property) => property.name === 'failover');
	const stepFields = (
		(failover?.options ?? []) as Array<{ name: string; values: INodeProperties[] }>
	).find((option) => option.name === 'steps')?.values as INodeProperties[];

	/** The step's fields shown for a step on this channel (displayOptions relative to the step). */
	const shownInStep = (channel: string) =>
		stepFields
			.filter((field) =>
				NodeHelpers.displayParameter({ channel }, field, null, description, { channel }),
			)
			.map((field) => field.name);

	it.each(['SMS', 'MMS', 'MESSENGER', 'INSTAGRAM_DM', 'LINE_ON', 'VIBER_BOT'])(
		'a %s step shows no template fields',
		(channel) => {
			expect(shownInStep(channel)).not.toContain('templateName');
			expect(shownInStep(channel)).not.toContain('templateLanguage');
		},
	);

	it.each(['WHATSAPP', 'RCS', 'VIBER_BM', 'APPLE_MB'])('a %s step shows them', (channel) => {
		expect(shownInStep(channel)).toEqual(
			expect.arrayContaining(['templateName', 'templateLanguage']),
		);
	});
});
