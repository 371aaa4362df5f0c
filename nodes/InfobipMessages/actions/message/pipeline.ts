import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SendPipeline } from '../../../InfobipOmni/actions/message/send';
import type { ReadParameter } from '../../../InfobipOmni/actions/parameters';
import { MESSAGE_ENTRIES, type PreparedSend } from '../../../InfobipOmni/dispatch';
import {
	buildMessage,
	type MessageParameters,
	type MessagesDestination,
} from '../../builders/message';
import { buildRequestOptions, type RequestOptionParameters } from '../../builders/request';
import { messagesViolationReader } from './violations';

export const MESSAGES_SEND_PATH = '/messages-api/1/messages';
export const MESSAGES_VALIDATE_PATH = '/messages-api/1/messages/validate';

/** Every parameter of one item's message, each read once. */
function readMessage(read: ReadParameter, itemIndex: number): MessageParameters {
	const value = (name: string, fallback: unknown = '') =>
		read(name, itemIndex, fallback) as unknown;
	const messageType = value('messageType', 'content');
	const parameters: MessageParameters = {
		channel: value('channel', 'MESSENGER'),
		sender: value('sender'),
		to: value('to'),
		messageType,
		failover: value('failover', {}) as MessageParameters['failover'],
		options: value('options', {}) as MessageParameters['options'],
	};
	if (messageType === 'template') {
		parameters.templateName = value('templateName', { mode: 'list', value: '' });
		parameters.templateLanguage = value('templateLanguage');
		parameters.templatePlaceholders = value(
			'templatePlaceholders',
			{},
		) as MessageParameters['templatePlaceholders'];
		return parameters;
	}
	const bodyType = value('bodyType', 'TEXT');
	parameters.bodyType = bodyType;
	parameters.contentOptions = value('contentOptions', {}) as MessageParameters['contentOptions'];
	if (bodyType === 'LOCATION') {
		parameters.latitude = value('latitude', undefined);
		parameters.longitude = value('longitude', undefined);
		parameters.locationName = value('locationName');
		parameters.locationAddress = value('locationAddress');
		return parameters;
	}
	parameters.text = value('text');
	if (bodyType !== 'TEXT') parameters.mediaUrl = value('mediaUrl');
	if (bodyType === 'VIDEO') parameters.thumbnailUrl = value('thumbnailUrl');
	if (bodyType === 'DOCUMENT') parameters.filename = value('filename');
	return parameters;
}

/** The item's channel, for the output's `channel`. */
export type ChannelOf = Map<number, string>;

/** How a Messages API item becomes its `messages[]` entry and what the items of a request share. */
export function messagesPipelineBase(
	path: string,
	channels: ChannelOf,
): Pick<
	SendPipeline<MessagesDestination>,
	'prepare' | 'path' | 'layout' | 'recipientsField' | 'lookUp' | 'violationReader'
> {
	return {
		path,
		layout: MESSAGE_ENTRIES,
		recipientsField: 'To',
		lookUp: 'Delivery Report → Get Many (Message ID)',
		prepare(itemIndex, read, { messageIds, now }): PreparedSend<MessagesDestination> {
			const parameters = readMessage(read, itemIndex);
			const options = parameters.options ?? {};
			const built = buildMessage(parameters, messageIds(options, itemIndex));
			channels.set(itemIndex, built.channel);
			return {
				itemIndex,
				body: { options: buildRequestOptions(options as RequestOptionParameters, now) },
				destinations: built.destinations,
				entry: built.entry,
			};
		},
		violationReader: messagesViolationReader,
	};
}

const statusOf = (message: IDataObject) => (message.status ?? {}) as IDataObject;

/** The send: one output item per destination, a REJECTED one its item's error. */
export function messagesSendPipeline(this: IExecuteFunctions): SendPipeline<MessagesDestination> {
	const channels: ChannelOf = new Map();
	return {
		...messagesPipelineBase(MESSAGES_SEND_PATH, channels),
		output(message, bulkId, itemIndex, simplify) {
			if (!simplify) return { ...(bulkId ? { bulkId } : {}), ...message };
			const status = statusOf(message);
			return {
				messageId: message.messageId,
				to: (message.destination ?? message.to ?? null) as string | null,
				bulkId: bulkId ?? null,
				channel: channels.get(itemIndex) ?? null,
				status: status.groupName,
				statusName: status.name,
				statusDescription: status.description,
				...(message.missingFromResponse === true ? { missingFromResponse: true } : {}),
			};
		},
		// A 200 may still refuse a message (status group REJECTED): that is its item's failure.
		itemFailure(itemIndex, messages) {
			const rejected = messages.filter((message) => statusOf(message).groupName === 'REJECTED');
			if (rejected.length === 0) return undefined;
			const first = statusOf(rejected[0]);
			const to = String(rejected[0].destination ?? rejected[0].to ?? '');
			const action = typeof first.action === 'string' && first.action ? ` ${first.action}` : '';
			return new NodeOperationError(
				this.getNode(),
				`Infobip rejected the message to ${to}: ${String(first.name ?? 'REJECTED')}`,
				{
					itemIndex,
					description: `${String(first.description ?? 'Infobip did not accept the message.')}${action}${rejected.length > 1 ? ` (${rejected.length} of the item's ${messages.length} messages were rejected)` : ''}`,
				},
			);
		},
	};
}
