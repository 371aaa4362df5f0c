/**
 * OMNI channels: the current list of the spec plus the legacy FACEBOOK and PARSECO, with the
 * request object that carries each channel's content and the address each step uses.
 */

export const CURRENT_CHANNELS = [
	'SMS',
	'EMAIL',
	'VOICE',
	'PUSH',
	'VIBER',
	'LINE',
	'VKONTAKTE',
	'WHATSAPP',
	'KAKAO_CHINGU',
	'KAKAO_ALIM',
] as const;
export const LEGACY_CHANNELS = ['FACEBOOK', 'PARSECO'] as const;
export const OMNI_CHANNELS = [...CURRENT_CHANNELS, ...LEGACY_CHANNELS] as const;
export type OmniChannel = (typeof OMNI_CHANNELS)[number];

/** Which destination field a step of the channel sends to. */
export type AddressKind = 'phone' | 'email' | 'push' | 'facebook' | 'whatsApp';

export interface ChannelInfo {
	/** Key of the channel's content object in `POST /omni/1/advanced` (note the casing). */
	requestKey: string;
	address: AddressKind;
	/** Price per message in EUR (seed: FACEBOOK 0.0104, SMS 0.01). */
	pricePerMessage: number;
	/** Longest accepted validity period in ms (spec: 48 h, Viber 14 days). */
	maxValidityMs: number;
	/** Shortest accepted validity period in ms (spec: more than 30 s, Viber more than 35 s). */
	minValidityMs: number;
}

const HOUR_MS = 3_600_000;
const DEFAULT_MAX_VALIDITY_MS = 48 * HOUR_MS;

const info = (
	requestKey: string,
	address: AddressKind,
	pricePerMessage: number,
	overrides: Partial<ChannelInfo> = {},
): ChannelInfo => ({
	requestKey,
	address,
	pricePerMessage,
	maxValidityMs: DEFAULT_MAX_VALIDITY_MS,
	minValidityMs: 30_000,
	...overrides,
});

export const CHANNELS: Record<OmniChannel, ChannelInfo> = {
	SMS: info('sms', 'phone', 0.01),
	EMAIL: info('email', 'email', 0.001),
	VOICE: info('voice', 'phone', 0.02),
	PUSH: info('push', 'push', 0),
	VIBER: info('viber', 'phone', 0.006, { maxValidityMs: 14 * 24 * HOUR_MS, minValidityMs: 35_000 }),
	LINE: info('line', 'phone', 0.005),
	VKONTAKTE: info('vKontakte', 'phone', 0.005),
	WHATSAPP: info('whatsApp', 'whatsApp', 0.005),
	KAKAO_CHINGU: info('kakaoChingu', 'phone', 0.012),
	KAKAO_ALIM: info('kakaoAlim', 'phone', 0.008),
	FACEBOOK: info('facebook', 'facebook', 0.0104),
	PARSECO: info('parseco', 'phone', 0.005),
};

export const CURRENCY = 'EUR';

export const isOmniChannel = (value: unknown): value is OmniChannel =>
	typeof value === 'string' && (OMNI_CHANNELS as readonly string[]).includes(value);
