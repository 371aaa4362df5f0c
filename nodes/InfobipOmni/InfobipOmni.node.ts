import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as deliveryReport from './actions/deliveryReport';
import * as log from './actions/log';
import * as message from './actions/message';
import * as scenario from './actions/scenario';
import { authenticationProperty, nodeCredentials, requestSettings } from './descriptions/common';
import { withToolDescriptions } from './descriptions/tool';
import { listSearch } from './methods';
import { waitingNodeTooltip, waitWebhooks } from './wait/descriptions';
import { waitWebhook } from './wait/webhook';
import { omniStatusLookUp } from './actions/message/wait.operations';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Delivery Report',
			value: 'deliveryReport',
			description: 'Which channel delivered each message, its status and price (each report once)',
		},
		{
			name: 'Log',
			value: 'log',
			description: 'Message logs of the last 48 hours, repeatable',
		},
		{
			name: 'Message',
			value: 'message',
			description: 'Send a message that fails over from channel to channel',
		},
		{
			name: 'Scenario',
			value: 'scenario',
			description: 'Ordered channel flows that messages fail over along',
		},
	],
	default: 'message',
};

const operationProperties: INodeProperties[] = [
	...message.description,
	...scenario.description,
	...deliveryReport.description,
	...log.description,
];

/**
 * The canvas subtitle, e.g. "Send Text: Message": the labels of the chosen operation and
 * resource (not their internal values), taken from the properties themselves.
 */
export function subtitleOf(properties: INodeProperties[]): string {
	const labels = (property: INodeProperties | undefined, prefix = '') =>
		Object.fromEntries(
			(property?.options ?? []).map((option) => [
				`${prefix}${String((option as INodePropertyOptions).value)}`,
				(option as INodePropertyOptions).name,
			]),
		);
	const operations = Object.assign(
		{},
		...properties
			.filter((p) => p.name === 'operation')
			.map((p) => labels(p, `${String(p.displayOptions?.show?.resource?.[0])}:`)),
	) as Record<string, string>;
	const resources = labels(properties.find((p) => p.name === 'resource'));
	// Spaces keep the object literals from closing the expression's braces.
	return `={{ (${JSON.stringify(operations)})[$parameter["resource"] + ":" + $parameter["operation"]] + ": " + (${JSON.stringify(resources)})[$parameter["resource"]] }}`;
}

export class InfobipOmni implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip OMNI',
		name: 'infobipOmni',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleOf([resourceProperty, ...operationProperties]),
		description:
			'Send omnichannel messages with failover (Facebook Messenger, SMS, WhatsApp, Viber, email and more) and manage OMNI scenarios through Infobip',
		defaults: { name: 'Infobip OMNI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		// The resume webhooks of the wait operations (n8n calls them for waiting executions only).
		webhooks: waitWebhooks,
		waitingNodeTooltip,
		// The tool variant's descriptions are made from the properties, so they name its fields.
		properties: withToolDescriptions([
			authenticationProperty,
			resourceProperty,
			...operationProperties,
			{
				...requestSettings(),
				// Message operations have their own, which add batching and pacing.
				displayOptions: { hide: { resource: ['message'] } },
			},
		]),
	};

	methods = { listSearch };

	webhook = waitWebhook(omniStatusLookUp);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
