import type { INodePropertyOptions } from 'n8n-workflow';

/** What the node knows about one OMNI channel, in one place (https://www.infobip.com/docs/api/channels/omni-failover/send-omni-failover-message). */
export interface OmniChannel {
	/** The value in `flow[].channel`, reports and logs. */
	value: string;
	/** Shown in the UI. */
	name: string;
	/** Key of this channel's content object in a `POST /omni/1/advanced` body. */
	bodyKey: string;
	/** What the step's `from` is for this channel. */
	senderHint: string;
	/** Removed from Infobip's current spec but still served to accounts that have it. */
	legacy: boolean;
}

export const OMNI_CHANNELS: readonly OmniChannel[] = [
	{
		value: 'FACEBOOK',
		name: 'Facebook Messenger (Legacy)',
		bodyKey: 'facebook',
		senderHint: 'the Facebook application key obtained when the channel was activated',
		legacy: true,
	},
	{
		value: 'SMS',
		name: 'SMS',
		bodyKey: 'sms',
		senderHint: 'an alphanumeric sender (up to 11 characters, e.g. InfoSMS) or a numeric one',
		legacy: false,
	},
	{
		value: 'EMAIL',
		name: 'Email',
		bodyKey: 'email',
		senderHint: 'a sender email address registered with Infobip',
		legacy: false,
	},
	{
		value: 'VOICE',
		name: 'Voice',
		bodyKey: 'voice',
		senderHint: 'the calling number registered with Infobip',
		legacy: false,
	},
	{
		value: 'PUSH',
		name: 'Push',
		bodyKey: 'push',
		senderHint: 'the Push Application Code of your mobile app',
		legacy: false,
	},
	{
		value: 'VIBER',
		name: 'Viber',
		bodyKey: 'viber',
		senderHint: 'the Viber sender name registered with Infobip',
		legacy: false,
	},
	{
		value: 'WHATSAPP',
		name: 'WhatsApp',
		bodyKey: 'whatsApp',
		senderHint: 'the WhatsApp sender number registered with Infobip',
		legacy: false,
	},
	{
		value: 'LINE',
		name: 'LINE',
		bodyKey: 'line',
		senderHint: 'the LINE channel ID registered with Infobip',
		legacy: false,
	},
	{
		value: 'VKONTAKTE',
		name: 'VKontakte',
		bodyKey: 'vKontakte',
		senderHint: 'the VKontakte group name registered with Infobip',
		legacy: false,
	},
	{
		value: 'KAKAO_CHINGU',
		name: 'Kakao Chingu',
		bodyKey: 'kakaoChingu',
		senderHint: 'the Kakao sender key registered with Infobip',
		legacy: false,
	},
	{
		value: 'KAKAO_ALIM',
		name: 'Kakao Alim',
		bodyKey: 'kakaoAlim',
		senderHint: 'the Kakao sender key registered with Infobip',
		legacy: false,
	},
	{
		value: 'PARSECO',
		name: 'Parseco (Legacy)',
		bodyKey: 'parseco',
		senderHint: 'the Parseco application key',
		legacy: true,
	},
];

export const CHANNEL_BY_VALUE: ReadonlyMap<string, OmniChannel> = new Map(
	OMNI_CHANNELS.map((channel) => [channel.value, channel]),
);

/** Channel choices for a UI `options` field, alphabetised as n8n's lint asks. */
export const CHANNEL_OPTIONS: INodePropertyOptions[] = OMNI_CHANNELS.map((channel) => ({
	name: channel.name,
	value: channel.value,
	description: `Sender: ${channel.senderHint}`,
})).sort((a, b) => a.name.localeCompare(b.name));

/** The UI name of a channel value, or the value itself when it is not an OMNI channel. */
export const channelName = (value: string): string => CHANNEL_BY_VALUE.get(value)?.name ?? value;
