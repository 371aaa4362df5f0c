import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as scenario from './actions/scenario';
import { authenticationProperty, requestOptionFields } from './descriptions/common';
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
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Scenario',
						value: 'scenario',
						description: 'Ordered channel flows that messages fail over along',
					},
				],
				default: 'scenario',
			},
			...scenario.description,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: requestOptionFields,
			},
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
