import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { infobipApiRequest } from '../../InfobipOmni/transport';
import { TEMPLATE_VALUE_SEPARATOR } from '../builders/content';

export const whatsAppTemplatesPath = (sender: string) =>
	`/whatsapp/2/senders/${encodeURIComponent(sender)}/templates`;

/**
 * "From List" of the template picker: the approved templates of the WhatsApp sender in Sender
 * (https://www.infobip.com/docs/api/channels/whatsapp/whatsapp-templates-management/get-whatsapp-templates),
 * as "name (language)"; the value carries both, `name@language`.
 */
export async function searchWhatsAppTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channel = String(this.getCurrentNodeParameter('channel') ?? '');
	const sender = String(this.getCurrentNodeParameter('sender') ?? '').trim();
	if (channel !== 'WHATSAPP') {
		throw new NodeOperationError(this.getNode(), 'The list shows WhatsApp templates only', {
			description:
				'For other channels switch the Template field to By Name and type the template name.',
		});
	}
	if (!sender || sender.startsWith('=')) {
		throw new NodeOperationError(this.getNode(), 'Set Sender first', {
			description:
				'The list shows the templates of the WhatsApp sender number in Sender, e.g. 447491163862.',
		});
	}
	const response = await infobipApiRequest.call(this, {
		method: 'GET',
		path: whatsAppTemplatesPath(sender),
	});
	const templates = (Array.isArray(response.templates) ? response.templates : []) as IDataObject[];
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = templates
		.filter((template) => template.status === 'APPROVED' && typeof template.name === 'string')
		.map((template) => {
			const name = String(template.name);
			const language = String(template.language ?? '');
			return {
				name: language ? `${name} (${language})` : name,
				value: language ? `${name}${TEMPLATE_VALUE_SEPARATOR}${language}` : name,
			};
		})
		.filter((option) => needle === '' || option.name.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
