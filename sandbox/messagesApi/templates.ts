/**
 * WhatsApp templates per sender, for `GET /whatsapp/2/senders/{sender}/templates` (the node's
 * template picker). This endpoint is not in the shared specs; the shape follows
 * https://www.infobip.com/docs/api/channels/whatsapp/whatsapp-templates-management/get-whatsapp-templates
 */

export interface WhatsAppTemplate {
	id: string;
	businessAccountId: number;
	name: string;
	language: string;
	status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
	category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
	structure: {
		body: { text: string };
		header?: { format: string; text?: string };
		footer?: { text: string };
	};
	quality?: string;
}

/** WhatsApp senders the sandbox has templates for. */
export const WHATSAPP_SENDERS = ['447860099299', '41793026700'] as const;

const template = (
	id: string,
	name: string,
	language: string,
	category: WhatsAppTemplate['category'],
	text: string,
	status: WhatsAppTemplate['status'] = 'APPROVED',
): WhatsAppTemplate => ({
	id,
	businessAccountId: 222_222_222_222_222,
	name,
	language,
	status,
	category,
	structure: { body: { text } },
});

/** Default fixtures: the same templates for every sender in WHATSAPP_SENDERS. */
export const WHATSAPP_TEMPLATES: readonly WhatsAppTemplate[] = [
	template(
		'111111111111111',
		'order_update',
		'en',
		'UTILITY',
		'Hello {{1}}, your order {{2}} is on its way.',
	),
	template(
		'111111111111112',
		'order_update',
		'de',
		'UTILITY',
		'Hallo {{1}}, Ihre Bestellung {{2}} ist unterwegs.',
	),
	template(
		'111111111111113',
		'appointment_reminder',
		'en',
		'UTILITY',
		'Hi {{1}}, see you on {{2}} at {{3}}.',
	),
	template(
		'111111111111114',
		'welcome_offer',
		'en',
		'MARKETING',
		'Welcome {{1}}! Use code {{2}} for 10% off.',
	),
	template(
		'111111111111115',
		'draft_promo',
		'en',
		'MARKETING',
		'Not approved yet: {{1}}',
		'PENDING',
	),
];

export class TemplateCatalogue {
	private readonly bySender: ReadonlyMap<string, readonly WhatsAppTemplate[]>;

	constructor(senders: readonly string[] = WHATSAPP_SENDERS, templates = WHATSAPP_TEMPLATES) {
		this.bySender = new Map(senders.map((sender) => [sender, templates]));
	}

	/** Templates of a sender, or undefined when the sender is unknown to the sandbox. */
	list(sender: string): WhatsAppTemplate[] | undefined {
		return this.bySender.get(sender)?.map((entry) => structuredClone(entry));
	}

	/** Whether a send may use the template: unknown senders are not checked (any name passes). */
	knows(sender: string, wanted: { templateName: string; language?: string }): boolean {
		const templates = this.bySender.get(sender);
		if (!templates) return true;
		return templates.some(
			(entry) =>
				entry.status === 'APPROVED' &&
				entry.name === wanted.templateName &&
				(wanted.language === undefined || entry.language === wanted.language),
		);
	}
}
