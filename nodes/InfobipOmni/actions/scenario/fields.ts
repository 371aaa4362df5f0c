import type { INodeProperties } from 'n8n-workflow';

import { CHANNEL_OPTIONS, OMNI_CHANNELS } from '../../channels';

const senderHints = OMNI_CHANNELS.map((channel) => `${channel.value}: ${channel.senderHint}`).join(
	'; ',
);

export const scenarioNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. My first Facebook-SMS scenario',
	description: 'A name to recognise the scenario by',
};

/** The ordered flow: Infobip tries step 1 first and fails over to the next one. */
export const stepsField: INodeProperties = {
	displayName: 'Steps',
	name: 'steps',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Step',
	default: {},
	required: true,
	description:
		'The channels in the order Infobip tries them. When a step fails or its validity period ends, the next step runs.',
	options: [
		{
			displayName: 'Step',
			name: 'step',
			values: [
				{
					displayName: 'Channel',
					name: 'channel',
					type: 'options',
					options: CHANNEL_OPTIONS,
					default: 'SMS',
					description: 'The channel of this step',
				},
				{
					displayName: 'Sender',
					name: 'from',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'e.g. InfoSMS',
					description: `Who the message comes from on this channel. ${senderHints}.`,
				},
			],
		},
	],
};

export const defaultScenarioField: INodeProperties = {
	displayName: 'Default Scenario',
	name: 'isDefault',
	type: 'boolean',
	default: false,
	description:
		"Whether this becomes the account's default scenario, used by sends that name no scenario. Only one scenario can be the default.",
};
