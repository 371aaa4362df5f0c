import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	limitWaitTimeFields,
	responseFields,
	WAIT_FOR_DELIVERY,
	WAIT_FOR_RESPONSE,
} from '../../../InfobipOmni/wait/descriptions';
import {
	sendAndWaitForDelivery,
	sendAndWaitForResponse,
	type WaitingSend,
} from '../../../InfobipOmni/wait/execute';
import type { MessagesDestination } from '../../builders/message';
import { messageFields, messageOptions, messagesRequestSettings } from './fields';
import { messagesSendPipeline } from './pipeline';

const field = (name: string) => messageFields.find((f) => f.name === name) as INodeProperties;

/** Failover steps of a response: channel, sender, recipient and validity (the text is the main one). */
const responseFailover: INodeProperties = (() => {
	const failover = field('failover');
	const [steps] = failover.options as Array<{
		displayName: string;
		name: string;
		values: INodeProperties[];
	}>;
	return {
		...failover,
		options: [
			{
				...steps,
				values: steps.values.filter(
					(f) => !['text', 'templateName', 'templateLanguage'].includes(f.name),
				),
			},
		],
	};
})();

/** The Options the wait sets itself: each message's delivery reports go to the resume URL. */
const REPORT_OPTIONS = new Set([
	'deliveryUrl',
	'intermediateReport',
	'receiveTriggeredFailoverReports',
	'contentType',
]);

const deliveryOptions: INodeProperties = {
	...messageOptions,
	options: (messageOptions.options as INodeProperties[]).filter((o) => !REPORT_OPTIONS.has(o.name)),
};

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['message'], operation: [WAIT_FOR_RESPONSE] } }, [
		field('channel'),
		field('sender'),
		field('to'),
		responseFailover,
		...responseFields,
	]),
	...updateDisplayOptions({ show: { resource: ['message'], operation: [WAIT_FOR_DELIVERY] } }, [
		...messageFields,
		...limitWaitTimeFields(
			1,
			'hours',
			'How long to wait for the final status; when it passes, the message is output as it stands, with final: false',
		),
		deliveryOptions,
		messagesRequestSettings,
	]),
];

const messagesWaitingSend: WaitingSend<MessagesDestination> = {
	pipelineFor: messagesSendPipeline,
	// A failover step without its own content repeats the main one, links included.
	responseReads: (text) => ({
		messageType: () => 'content',
		bodyType: () => 'TEXT',
		text: () => text,
		contentOptions: () => ({}),
		options: () => ({}),
	}),
	deliveryReads: (url) => ({
		options: (value) => ({
			...((value() ?? {}) as IDataObject),
			deliveryUrl: url,
			intermediateReport: false,
			receiveTriggeredFailoverReports: false,
			contentType: 'application/json',
		}),
	}),
	channelsOf(itemIndex, read) {
		const steps = ((read('failover', itemIndex, {}) as IDataObject).steps ?? []) as IDataObject[];
		return [read('channel', itemIndex, 'MESSENGER'), ...steps.map((step) => step.channel)].map(
			String,
		);
	},
	// Infobip's Messages API has no status lookup (its reports are handed out once), and n8n
	// keeps nothing between the pushes to a waiting node: one push must be able to end the wait.
	maxMessages: 1,
	maxMessagesFix:
		'On the Messages API one run waits for one message: put a Loop Over Items node (Batch Size 1) before this one so that each item waits for its own, or use the Infobip OMNI node, whose Send and Wait for Delivery reads the other messages’ statuses from OMNI’s logs.',
};

export const sendAndWait = sendAndWaitForResponse(messagesWaitingSend);
export const waitForDelivery = sendAndWaitForDelivery(messagesWaitingSend);
