import { CHANNEL_BY_VALUE } from './index';

/**
 * What a scenario step's `from` looks like per channel, where Infobip documents a form
 * (https://www.infobip.com/docs/api/channels/omni-failover/create-omni-failover-scenario,
 * https://www.infobip.com/docs/sms/get-started#sender-names). Only a hint: a sender that does not
 * match may still be one Infobip registered for the account. Channels whose sender is a key or
 * code Infobip hands out (Facebook's application key, Push, LINE, Kakao, VKontakte) have no form.
 */
interface SenderForm {
	looksRight(from: string): boolean;
	/** What the sender should be, with an example. */
	expected: string;
}

const PHONE = /^\+?\d{6,15}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** `Name <address>` as well as a bare address. */
const NAMED_EMAIL = /^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/;

const SENDER_FORMS: Readonly<Record<string, SenderForm>> = {
	SMS: {
		// Alphanumeric senders have at most 11 characters, numeric ones at most 16 digits.
		looksRight: (from) =>
			/^\+?\d{1,16}$/.test(from) || (/^[A-Za-z0-9 ]{1,11}$/.test(from) && /[A-Za-z]/.test(from)),
		expected:
			'an SMS sender: up to 11 letters and digits (e.g. InfoSMS) or up to 16 digits (e.g. 41793026727)',
	},
	WHATSAPP: {
		looksRight: (from) => PHONE.test(from.replace(/[\s\-()]/g, '')),
		expected: 'the WhatsApp sender number in international format (e.g. 441134960000)',
	},
	VOICE: {
		looksRight: (from) => PHONE.test(from.replace(/[\s\-()]/g, '')),
		expected: 'the calling number in international format (e.g. 41793026727)',
	},
	EMAIL: {
		looksRight: (from) => EMAIL.test(from) || NAMED_EMAIL.test(from),
		expected: 'an email address (e.g. info@example.com or Jane <info@example.com>)',
	},
	VIBER: {
		// A registered sender name, sometimes digits (Infobip's example uses 3045); never an address.
		looksRight: (from) => !from.includes('@'),
		expected: 'the Viber sender name registered with Infobip (e.g. ViberSender)',
	},
};

/**
 * Why a step's sender does not look like its channel's, or undefined when it does (or the channel
 * has no known form). E.g. "the WhatsApp sender 'InfoSMS' does not look like the WhatsApp sender
 * number in international format (e.g. 441134960000)".
 */
export function senderMismatch(channel: string, from: string): string | undefined {
	const form = SENDER_FORMS[channel];
	const sender = from.trim();
	if (!form || sender === '' || form.looksRight(sender)) return undefined;
	const name = CHANNEL_BY_VALUE.get(channel)?.name ?? channel;
	return `the ${name} sender '${sender}' does not look like ${form.expected}`;
}
