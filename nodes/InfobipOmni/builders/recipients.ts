import { LIMITS } from '../limits';
import { ParameterError } from './parameterError';
import { asText, asTrimmedText, quote } from './values';

/** `destinations[].to` (https://www.infobip.com/docs/api/channels/omni-failover/send-omni-failover-message); `facebookUserKey` is the legacy FACEBOOK address. */
export interface To {
	phoneNumber?: string;
	facebookUserKey?: string;
	emailAddress?: string;
	pushRegistrationId?: string;
	whatsAppUserId?: string;
}

export interface Destination {
	messageId?: string;
	to: To;
}

/** What one item says about who receives the message. */
export interface RecipientParameters {
	/** One number, several separated by commas, semicolons or new lines, or an array. */
	phoneNumbers?: unknown;
	facebookUserKey?: unknown;
	emailAddress?: unknown;
	pushRegistrationId?: unknown;
	whatsAppUserId?: unknown;
}

const PHONE_FIELD = 'Phone Numbers';

/**
 * Splits a field that may hold one value, a delimited list, or an array (from an expression).
 * An object, in the field or in the array, is refused (it would become "[object Object]").
 */
export function splitList(value: unknown, field = PHONE_FIELD): string[] {
	const parts = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	return parts
		.map((part: unknown) => asText(field, part))
		.flatMap((part) => part.split(/[,;\n]/))
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/**
 * Infobip's form of a phone number: international, digits only. Spaces, dashes, dots and
 * brackets are dropped, and so is a leading `+` or `00`.
 */
export function normalizePhoneNumber(raw: string): string {
	const compact = raw.replace(/[\s\-.()/]/g, '');
	const digits = compact.startsWith('+')
		? compact.slice(1)
		: compact.startsWith('00')
			? compact.slice(2)
			: compact;
	const { min, max } = LIMITS.phoneDigits;
	if (!/^\d+$/.test(digits) || digits.length < min || digits.length > max) {
		throw new ParameterError(
			PHONE_FIELD,
			`${quote(raw)} is not a phone number`,
			`Give the number in international format with its country code, e.g. 41793026727 or +41 79 302 67 27 (${min} to ${max} digits).`,
		);
	}
	return digits;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * One destination per phone number. The other addresses (Facebook user key, email, push
 * registration ID, WhatsApp user ID) describe one person, so they go with a single destination.
 */
export function buildDestinations(
	parameters: RecipientParameters,
	messageIdFor: (destinationIndex: number) => string | undefined,
): Destination[] {
	const phoneNumbers = splitList(parameters.phoneNumbers).map(normalizePhoneNumber);
	const extra: To = {};
	const facebookUserKey = asTrimmedText('Facebook User Key', parameters.facebookUserKey);
	if (facebookUserKey) extra.facebookUserKey = facebookUserKey;
	const emailAddress = asTrimmedText('Email Address', parameters.emailAddress);
	if (emailAddress) {
		if (!EMAIL.test(emailAddress)) {
			throw new ParameterError(
				'Email Address',
				`${quote(emailAddress)} is not an email address`,
				'Give one address such as jane@example.com.',
			);
		}
		extra.emailAddress = emailAddress;
	}
	const pushRegistrationId = asTrimmedText('Push Registration ID', parameters.pushRegistrationId);
	if (pushRegistrationId) extra.pushRegistrationId = pushRegistrationId;
	const whatsAppUserId = asTrimmedText('WhatsApp User ID', parameters.whatsAppUserId);
	if (whatsAppUserId) {
		if (whatsAppUserId.length > LIMITS.whatsAppUserIdMaxLength) {
			throw new ParameterError(
				'WhatsApp User ID',
				`it has ${whatsAppUserId.length} characters, more than Infobip's ${LIMITS.whatsAppUserIdMaxLength}`,
				'Give the WhatsApp BSUID, e.g. US.13491208655302741918.',
			);
		}
		extra.whatsAppUserId = whatsAppUserId;
	}

	const hasExtra = Object.keys(extra).length > 0;
	if (phoneNumbers.length > 1 && hasExtra) {
		throw new ParameterError(
			PHONE_FIELD,
			`${phoneNumbers.length} phone numbers were given together with ${Object.keys(extra).join(', ')}, which belong to one person`,
			'Give one phone number per item when you also give a Facebook user key, email address, push registration ID or WhatsApp user ID.',
		);
	}
	if (phoneNumbers.length === 0 && !hasExtra) {
		throw new ParameterError(
			PHONE_FIELD,
			'no recipient is given',
			'Give a phone number (e.g. {{ $json.phone }}), or a Facebook user key, email address, push registration ID or WhatsApp user ID.',
		);
	}

	const tos: To[] =
		phoneNumbers.length === 0
			? [extra]
			: phoneNumbers.map((phoneNumber) => ({ phoneNumber, ...extra }));
	return tos.map((to, index) => {
		const messageId = messageIdFor(index);
		return messageId ? { messageId, to } : { to };
	});
}
