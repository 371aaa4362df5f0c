import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { withDedupeKey } from './dedupe';
import { triggerPanel, triggerProperties } from './description';
import { buildFilters, passesFilters, type StatusFilterMode } from './filters';
import { isRegistered, REGISTRATION_KEY, registrationFor } from './lifecycle';
import { normaliseResult, recogniseEvent } from './reports';
import { readReportBody, type RawBody } from './request';
import { secretAccepted, SECRET_HEADER, SECRET_QUERY_PARAMETER } from './secret';

/**
 * What the node needs of n8n's response object (an Express response, itself a Node
 * ServerResponse): the plain Node API, so a refusal is written the same way everywhere.
 */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/** Writes a small JSON answer itself; n8n then sends nothing more. */
function answer(response: PlainResponse, status: 200 | 400 | 401, body: IDataObject): void {
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}

/** Refuses the request and starts no execution. */
function refuse(
	response: PlainResponse,
	status: 400 | 401,
	body: IDataObject,
): IWebhookResponseData {
	answer(response, status, body);
	return { noWebhookResponse: true };
}

/**
 * Starts a workflow when Infobip pushes delivery reports, seen reports or inbound messages to
 * a send's Notify URL (OMNI) or to a message's webhook URLs (Messages API).
 *
 * No credentials: Infobip authenticates nothing it pushes and the trigger calls no Infobip API,
 * so an Infobip credential would prove nothing here. The optional Secret is what keeps other
 * senders out; it is a node parameter rather than a credential because it also has to appear in
 * the sending workflow's Notify URL (`?secret=`), and a third credential type with nothing to
 * test would only add a step.
 */
export class InfobipOmniTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip OMNI Trigger',
		name: 'infobipOmniTrigger',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ") || "All events"}}',
		description:
			'Starts the workflow when Infobip (OMNI or the Messages API) pushes a delivery report, seen report or inbound message to a webhook URL',
		defaults: { name: 'Infobip OMNI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Infobip retries a push that is not answered in time: answer 200 before the workflow runs.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		triggerPanel,
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			/** Whether static data records this node's current URL as active (see lifecycle.ts). */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return isRegistered(this.getWorkflowStaticData('node'), this.getNodeWebhookUrl('default'));
			},

			/** Records the URL and the activation time: Infobip has nothing to register it with. */
			async create(this: IHookFunctions): Promise<boolean> {
				const webhookUrl = this.getNodeWebhookUrl('default');
				if (!webhookUrl) {
					throw new NodeOperationError(this.getNode(), 'n8n gave this trigger no webhook URL', {
						description:
							"Check the instance's WEBHOOK_URL setting, then activate the workflow again.",
					});
				}
				this.getWorkflowStaticData('node')[REGISTRATION_KEY] = registrationFor(
					webhookUrl,
					Date.now(),
				);
				return true;
			},

			/** Forgets the URL; sends still naming it get 404 from n8n once the workflow is inactive. */
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node')[REGISTRATION_KEY];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject() as unknown as PlainResponse;

		const secret = this.getNodeParameter('secret', '') as string;
		if (!secretAccepted(secret, this.getQueryData(), this.getHeaderData())) {
			this.logger.warn('Infobip OMNI Trigger refused a request without the right secret');
			return refuse(response, 401, {
				message: 'Missing or wrong secret',
				hint: `Send the secret as the ${SECRET_QUERY_PARAMETER} query parameter or the ${SECRET_HEADER} header.`,
			});
		}

		const request = this.getRequestObject() as unknown as { rawBody?: RawBody };
		const read = readReportBody(this.getBodyData(), request.rawBody);
		if (!read.ok) {
			this.logger.warn(`Infobip OMNI Trigger refused a request: ${read.problem}`);
			return refuse(response, 400, {
				message: `Not an Infobip OMNI push: ${read.problem}`,
				hint: read.fix,
			});
		}

		const items: IDataObject[] = [];
		for (const [index, result] of read.results.entries()) {
			const event = recogniseEvent(result);
			if (!event) {
				const problem = `results[${index}] is not a delivery report, seen report or inbound message`;
				this.logger.warn(`Infobip OMNI Trigger refused a request: ${problem}`);
				return refuse(response, 400, {
					message: `Not an Infobip OMNI push: ${problem}`,
					hint: 'A delivery report has a status, a seen report a seenAt, an inbound message a receivedAt; a Messages API result names its event (DELIVERY, SEEN, MO, TYPING_STARTED or TYPING_STOPPED).',
				});
			}
			items.push(withDedupeKey(normaliseResult(result, event)));
		}

		const filters = buildFilters({
			events: this.getNodeParameter('events', []) as string[],
			statusFilter: this.getNodeParameter('statusFilter', 'all') as StatusFilterMode,
			statusGroups: this.getNodeParameter('statusGroups', []) as string[],
			channels: this.getNodeParameter('channels', []) as string[],
		});
		const passing = items.filter((item) => passesFilters(item, filters));

		// Every passing result is emitted, retries included: duplicates are removed downstream by
		// `dedupeKey` (see dedupe.ts). Saved workflows may still carry the removed
		// options.dedupeWindowMinutes parameter; it is never read.
		// The trigger answers itself, before the execution starts: left to n8n, an onReceived
		// webhook answers with the text "firstEntryJson" (its default responseData, as text/html).
		answer(response, 200, { received: items.length, started: passing.length });
		if (!passing.length) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(passing)] };
	}
}
