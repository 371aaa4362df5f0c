import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { deliveryWebhook, type StatusLookup } from './delivery';
import { WAIT_FOR_DELIVERY } from './descriptions';
import { responseWebhook } from './response';

/** The node's `webhook()`: n8n calls it only to resume an execution waiting at the node. */
export function waitWebhook(lookUp?: StatusLookup) {
	return async function (this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getNodeParameter('operation', '') === WAIT_FOR_DELIVERY) {
			return await deliveryWebhook.call(this, lookUp);
		}
		return await responseWebhook.call(this);
	};
}
