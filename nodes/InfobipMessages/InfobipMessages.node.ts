import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routerFor } from '../InfobipOmni/actions/router';
import {
	authenticationProperty,
	nodeCredentials,
	requestSettings,
} from '../InfobipOmni/descriptions/common';
import { withToolDescriptions } from '../InfobipOmni/descriptions/tool';
import { subtitleOf } from '../InfobipOmni/InfobipOmni.node';
import * as deliveryReport from './actions/deliveryReport';
import * as inboundMessage from './actions/inboundMessage';
import * as message from './actions/message';
import { methods } from './methods';
import { waitingNodeTooltip, waitWebhooks } from '../InfobipOmni/wait/descriptions';
import { waitWebhook } from '../InfobipOmni/wait/webhook';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Delivery Report',
			value: 'deliveryReport',
			description: 'Which channel delivered each message and its status (each report once)',
		},
		{
			name: 'Inbound Message',
			value: 'inboundMessage',
			description: 'Messages your users sent to your senders (each message once)',
		},
		{
			name: 'Message',
			value: 'message',
			description: 'Send a message on one channel with inline failover to others',
		},
	],
	default: 'message',
};

const operationProperties: INodeProperties[] = [
	...message.description,
	...deliveryReport.description,
	...inboundMessage.description,
];

/**
 * Infobip's Messages API (https://www.infobip.com/docs/api/platform/messages-api): one request
 * carries many messages, each with its own content, channel and inline failover steps.
 */
export class InfobipMessages implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip Messages API',
		name: 'infobipMessages',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleOf([resourceProperty, ...operationProperties]),
		description:
			"Send messages with inline failover (Messenger, WhatsApp, Viber, RCS, Apple, Instagram, LINE, MMS, SMS) through Infobip's Messages API",
		defaults: { name: 'Infobip Messages API' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		// The resume webhooks of the wait operations (n8n calls them for waiting executions only).
		webhooks: waitWebhooks,
		waitingNodeTooltip,
		properties: withToolDescriptions(
			[
				authenticationProperty,
				resourceProperty,
				...operationProperties,
				{
					...requestSettings(),
					// Message operations have their own, which add batching and pacing.
					displayOptions: { hide: { resource: ['message'] } },
				},
			],
			'Infobip Messages API',
		),
	};

	methods = methods;

	// No status lookup: the Messages API has none (its Send and Wait for Delivery waits for one message).
	webhook = waitWebhook();

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

const router = routerFor({
	message: message.operations,
	deliveryReport: deliveryReport.operations,
	inboundMessage: inboundMessage.operations,
});
