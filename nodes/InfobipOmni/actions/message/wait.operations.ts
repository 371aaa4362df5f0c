import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Destination } from '../../builders/recipients';
import { LIMITS } from '../../limits';
import { infobipApiRequest } from '../../transport';
import { fetchScenarioPage, LOGS_PATH, scenarioPath } from '../../transport/endpoints';
import type { StatusLookup } from '../../wait/delivery';
import {
	limitWaitTimeFields,
	responseFields,
	WAIT_FOR_DELIVERY,
	WAIT_FOR_RESPONSE,
} from '../../wait/descriptions';
import {
	sendAndWaitForDelivery,
	sendAndWaitForResponse,
	type WaitingSend,
} from '../../wait/execute';
import { readScenarioKey, type ReadParameter } from '../parameters';
import {
	scenarioAndFacebookRecipientFields,
	sendOptions,
	sendRequestSettings,
	validityPeriodsOption,
} from './fields';
import { readFlow } from './scenarioCheck';
import { omniSendPipeline } from './send';
import { readTextMessage, textFields } from './sendText.operation';

/** The Options the wait sets itself: the delivery reports go to the execution's resume URL. */
const REPORT_OPTIONS = new Set(['notify', 'notifyUrl', 'notifyContentType', 'intermediateReport']);

const deliverySendOptions: INodeProperties = (() => {
	const options = sendOptions([validityPeriodsOption]);
	return {
		...options,
		options: (options.options as INodeProperties[]).filter((o) => !REPORT_OPTIONS.has(o.name)),
	};
})();

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['message'], operation: [WAIT_FOR_RESPONSE] } }, [
		...scenarioAndFacebookRecipientFields,
		...responseFields,
	]),
	...updateDisplayOptions({ show: { resource: ['message'], operation: [WAIT_FOR_DELIVERY] } }, [
		...scenarioAndFacebookRecipientFields,
		...textFields,
		...limitWaitTimeFields(
			1,
			'hours',
			'How long to wait for the final statuses; when it passes, each message is output as it stands, with final: false',
		),
		deliverySendOptions,
		sendRequestSettings,
	]),
];

/** A scenario's channels in order, read once per run and scenario (empty when unreadable). */
const flows = new WeakMap<object, Map<string, Promise<string[]>>>();

async function flowOf(this: IExecuteFunctions, key: string | undefined): Promise<string[]> {
	try {
		const scenario = key
			? await infobipApiRequest.call(this, { method: 'GET', path: scenarioPath(key) })
			: (await fetchScenarioPage.call(this, { page: 0, limit: 1, isDefault: true }))[0];
		return scenario ? readFlow(scenario).map((step) => step.channel) : [];
	} catch {
		// Without the flow, any failed report counts as final (delivery.ts isFinal).
		return [];
	}
}

function channelsOf(this: IExecuteFunctions, itemIndex: number, read: ReadParameter) {
	const useDefault = read('useDefaultScenario', itemIndex, false) as boolean;
	const key = useDefault ? undefined : readScenarioKey(read, itemIndex);
	let byKey = flows.get(this);
	if (!byKey) flows.set(this, (byKey = new Map()));
	const cacheKey = key ?? '';
	let flow = byKey.get(cacheKey);
	if (!flow) byKey.set(cacheKey, (flow = flowOf.call(this, key)));
	return flow;
}

const text = (value: string) => () => value;

const omniWaitingSend: WaitingSend<Destination> = {
	pipelineFor: omniSendPipeline(readTextMessage),
	responseReads: (message) => ({
		facebookText: text(message),
		smsText: text(message),
		options: () => ({}),
	}),
	deliveryReads: (url) => ({
		options: (value) => ({
			...((value() ?? {}) as IDataObject),
			notify: true,
			notifyUrl: url,
			notifyContentType: 'application/json',
			intermediateReport: false,
		}),
	}),
	channelsOf,
	maxMessages: LIMITS.wait.deliveryMessages,
	maxMessagesFix: `Wait for at most ${LIMITS.wait.deliveryMessages} messages per run: split the items with Loop Over Items, or send with Send Text and read Log → Get Many later.`,
};

/**
 * OMNI's logs (https://www.infobip.com/docs/api/channels/omni-failover/get-omni-failover-message-logs):
 * the current status of the messages a push did not report, by message ID.
 */
export const omniStatusLookUp: StatusLookup = async function (
	this: IWebhookFunctions,
	messageIds: string[],
) {
	const found = new Map<string, IDataObject>();
	const size = LIMITS.wait.logIdsPerRequest;
	for (let start = 0; start < messageIds.length; start += size) {
		const ids = messageIds.slice(start, start + size);
		const page = await infobipApiRequest.call(this, {
			method: 'GET',
			path: LOGS_PATH,
			qs: { messageId: ids, limit: ids.length },
		});
		for (const log of Array.isArray(page.results) ? (page.results as IDataObject[]) : []) {
			if (typeof log.messageId === 'string') found.set(log.messageId, log);
		}
	}
	return found;
};

export const sendAndWait = sendAndWaitForResponse(omniWaitingSend);
export const waitForDelivery = sendAndWaitForDelivery(omniWaitingSend);
