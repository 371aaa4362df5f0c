/**
 * Deterministic delivery rules of the Messages API simulation: which destination a step of each
 * channel reaches (see README, "Messages API"). Phone channels reuse the OMNI number ranges.
 */
import { DELIVERY_TIMINGS, numberOutcome, OUTCOME_REPORTS } from '../numberRules';
import type { ErrorName, StatusName } from '../statuses';
import type { MessagesApiChannel } from './schemas';

/**
 * Messenger PSIDs the sandbox knows as users of the sender's Page: a MESSENGER step to one of
 * them delivers, any other PSID fails (and the next failover step runs). The first is the seed's
 * facebookUserKey.
 */
export const MESSENGER_USER_PSIDS: readonly string[] = [
	'9c29bd43-054b-4cfe-a1d4-0b37812b4ed3',
	'5d8a5b2e-2f0c-4e43-9a51-7f1c8e0c2a10',
	'7411223344556677',
];

/** A PSID that no Page knows: its MESSENGER step fails, so failover to SMS takes over. */
export const UNKNOWN_MESSENGER_PSID = '00000000-0000-4000-8000-000000000000';

/** Channels addressed by phone number; the OMNI number ranges decide their outcome. */
export const PHONE_CHANNELS: readonly MessagesApiChannel[] = [
	'SMS',
	'MMS',
	'WHATSAPP',
	'VIBER_BM',
	'RCS',
];

/** Chat-app phone channels: numbers ending 0500–0599 have no account there (SMS still reaches them). */
export const CHAT_APP_PHONE_CHANNELS: readonly MessagesApiChannel[] = [
	'WHATSAPP',
	'VIBER_BM',
	'RCS',
];

export const NO_CHAT_APP_NUMBERS = {
	lastFourDigits: ['0500', '0599'] as [string, string],
	example: '41793000550',
	description:
		'WHATSAPP, VIBER_BM and RCS steps fail after 1 s (UNDELIVERABLE_NOT_DELIVERED, EC_ABSENT_SUBSCRIBER_SM): the number has no account on the chat app; SMS and MMS deliver.',
};

const PHONE_NUMBER = /^\+?\d{3,20}$/;

const lastFour = (to: string) => to.replace(/\D/g, '').slice(-4).padStart(4, '0');

export interface StepOutcome {
	status: StatusName;
	error: ErrorName;
	/** Delay until the step reports; undefined when it never answers (it expires). */
	afterMs?: number;
}

const DELIVERED: StepOutcome = {
	status: 'DELIVERED_TO_HANDSET',
	error: 'NO_ERROR',
	afterMs: DELIVERY_TIMINGS.deliveredAfterMs,
};
const NOT_REACHED: StepOutcome = {
	status: 'UNDELIVERABLE_NOT_DELIVERED',
	error: 'EC_ABSENT_SUBSCRIBER_SM',
	afterMs: DELIVERY_TIMINGS.failedAfterMs,
};

/** What a step on `channel` to `to` reports (O(1) per step; the PSID set is passed in). */
export function decideMessagesApiStep(
	channel: MessagesApiChannel,
	to: string,
	messengerUsers: ReadonlySet<string>,
): StepOutcome {
	if (channel === 'MESSENGER') return messengerUsers.has(to) ? DELIVERED : NOT_REACHED;
	if (!PHONE_CHANNELS.includes(channel)) return DELIVERED;
	if (!PHONE_NUMBER.test(to)) {
		return {
			status: 'REJECTED_DESTINATION',
			error: 'NO_ERROR',
			afterMs: DELIVERY_TIMINGS.rejectedAfterMs,
		};
	}
	if (CHAT_APP_PHONE_CHANNELS.includes(channel)) {
		const digits = lastFour(to);
		const [from, until] = NO_CHAT_APP_NUMBERS.lastFourDigits;
		if (digits >= from && digits <= until) return NOT_REACHED;
	}
	return { ...OUTCOME_REPORTS[numberOutcome(to)] };
}

/** Phone numbers get an mccMnc (an integer in the Messages API reports). */
export const isPhoneNumber = (to: string): boolean => PHONE_NUMBER.test(to);
