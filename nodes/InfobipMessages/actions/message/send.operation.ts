import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendPipelineOperation } from '../../../InfobipOmni/actions/message/send';
import { messageFields, messageOptions, messagesRequestSettings, sendOnly } from './fields';
import { messagesSendPipeline } from './pipeline';

/** Send and Validate show the same message fields; Simplify is Send's alone. */
const shared = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send', 'validate'] } },
	[...messageFields],
);

const properties: INodeProperties[] = [
	...shared,
	...updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, sendOnly),
	...updateDisplayOptions({ show: { resource: ['message'], operation: ['send', 'validate'] } }, [
		messageOptions,
		messagesRequestSettings,
	]),
];

export const description = properties;

/**
 * `POST /messages-api/1/messages` (https://www.infobip.com/docs/api/platform/messages-api/message/send-messages-api-message):
 * each item its own `messages[]` entry, up to Batch Size messages per request, on OMNI's pipeline.
 */
export const execute = sendPipelineOperation(messagesSendPipeline);
