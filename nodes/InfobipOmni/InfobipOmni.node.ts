import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as deliveryReport from './actions/deliveryReport';
import * as log from './actions/log';
import * as message from './actions/message';
import * as scenario from './actions/scenario';
import { authenticationProperty, requestOptionFields } from './descriptions/common';
import { withToolDescriptions } from './descriptions/tool';
import { listSearch } from './methods';
import { CREDENTIAL_TYPES } from './transport';

export class InfobipOmni implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip OMNI',
		name: 'infobipOmni',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send omnichannel messages with failover (Facebook Messenger, SMS, WhatsApp, Viber, email and more) and manage OMNI scenarios through Infobip',
		defaults: { name: 'Infobip OMNI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_TYPES.basicAuth,
				required: true,
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
			{
				name: CREDENTIAL_TYPES.apiKey,
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
		],
		// The tool variant's descriptions are made from the properties, so they name its fields.
		properties: withToolDescriptions([
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Delivery Report',
						value: 'deliveryReport',
						description:
							'Which channel delivered each message, its status and price (each report once)',
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
			},
			...message.description,
			...scenario.description,
			...deliveryReport.description,
			...log.description,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				// Message operations have their own Options, which include these.
				displayOptions: { hide: { resource: ['message'] } },
				options: requestOptionFields,
			},
		]),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
