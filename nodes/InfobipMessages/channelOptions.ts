import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The names the editor shows for Messages API channels
 * (https://www.infobip.com/docs/api/platform/messages-api). The lists themselves live in
 * channels.ts; only their labels are here.
 */
const LABELS: Record<string, string> = {
	APPLE_MB: 'Apple Messages for Business',
	INSTAGRAM_DM: 'Instagram Direct',
	KAKAO: 'Kakao',
	LINE_ON: 'LINE Official Notification',
	MESSENGER: 'Facebook Messenger',
	MMS: 'MMS',
	RCS: 'RCS',
	SMS: 'SMS',
	TELEGRAM: 'Telegram',
	VIBER_BM: 'Viber Business Messages',
	VIBER_BOT: 'Viber Bot',
	VOICE: 'Voice',
	WHATSAPP: 'WhatsApp',
	ZALO: 'Zalo',
};

export const channelLabel = (channel: string) => LABELS[channel] ?? channel;

/** A channel list as options, sorted by label as n8n's editor lists them. */
export function channelOptions(channels: readonly string[]): INodePropertyOptions[] {
	return channels
		.map((value) => ({ name: channelLabel(value), value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
