import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readResultLimit } from '../../../InfobipOmni/actions/parameters';
import type { OperationExecute } from '../../../InfobipOmni/actions/types';
import { asTrimmedText } from '../../../InfobipOmni/builders/values';
import { returnAllFields } from '../../../InfobipOmni/descriptions/common';
import { simplifyInboundMessage } from '../../../InfobipOmni/reports/simplify';
import { channelOptions, INBOUND_PULL_CHANNELS } from '../../channels';
import { checkMessagesChannel, pullPerItem, readFilterQuery, type PullTarget } from '../pull';

/** Infobip's get-messages-api-inbound-messages (https://www.infobip.com/docs/api/platform/messages-api). */
export const MESSAGES_INBOUND_PATH = '/messages-api/1/inbound';

const properties: INodeProperties[] = [
	{
		displayName:
			'Infobip hands out each inbound message only once: messages fetched here are gone for every later call, including other workflows. To react to each message as it arrives, use the Infobip OMNI Trigger as the inbound webhook.',
		name: 'onceNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		required: true,
		options: channelOptions(INBOUND_PULL_CHANNELS),
		default: 'SMS',
		description: 'The channel whose inbound messages to fetch (Infobip asks for one per request)',
	},
	...returnAllFields,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to return each message in the node's inbound shape (from, to, text, content type, URL, ISO date; the same as the trigger's) instead of Infobip's raw object",
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Application ID',
				name: 'applicationId',
				type: 'string',
				default: '',
				description: 'Only messages linked to this application ID',
			},
			{
				displayName: 'Campaign Reference ID',
				name: 'campaignReferenceId',
				type: 'string',
				default: '',
				description: 'Only messages of this campaign',
			},
			{
				displayName: 'Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				description: 'Only messages linked to this entity ID',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['inboundMessage'], operation: ['getAll'] } },
	properties,
);

const FILTER_LABELS = {
	applicationId: 'Application ID',
	entityId: 'Entity ID',
	campaignReferenceId: 'Campaign Reference ID',
} as const;

/** Typing events share the message ID of their conversation: the event tells them apart. */
const inboundKey = (message: IDataObject) =>
	`${String(message.event)}|${String(message.messageId)}`;

/** `GET /messages-api/1/inbound?channel=…`: each message once, Return All or up to Limit, per item. */
export const execute: OperationExecute = async function (items, context) {
	const { read } = context;
	const target: PullTarget = {
		path: MESSAGES_INBOUND_PATH,
		noun: 'inbound message',
		contextKey: 'messages',
		keyOf: inboundKey,
		read: (itemIndex) => {
			const simplify = read('simplify', itemIndex, true) as boolean;
			const limit = readResultLimit(read, itemIndex);
			const channel = checkMessagesChannel(
				asTrimmedText('Channel', read('channel', itemIndex, '')),
				INBOUND_PULL_CHANNELS,
				'Channel',
			);
			const query: IDataObject = { channel, ...readFilterQuery(read, itemIndex, FILTER_LABELS) };
			return { query, limit, simplify };
		},
		simplify: simplifyInboundMessage,
	};
	return await pullPerItem.call(this, items, context, target);
};
