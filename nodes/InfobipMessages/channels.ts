/**
 * The Messages API channels, in one place
 * (https://www.infobip.com/docs/api/platform/messages-api/message/send-messages-api-message).
 * Everything that depends on a channel (labels, senders, address kinds, templates, seen reports,
 * inbound pulls, the extra channels reports may name) is read from here.
 */

/** Channels the Messages API sends on (the spec's OutboundMessageChannel). */
export const MESSAGES_CHANNELS = [
	'APPLE_MB',
	'INSTAGRAM_DM',
	'LINE_ON',
	'MESSENGER',
	'MMS',
	'RCS',
	'SMS',
	'VIBER_BM',
	'VIBER_BOT',
	'WHATSAPP',
] as const;

export type MessagesChannel = (typeof MESSAGES_CHANNELS)[number];

/** Channels that take template messages (the spec's OutboundTemplateChannel). */
export const TEMPLATE_CHANNELS: readonly MessagesChannel[] = [
	'APPLE_MB',
	'RCS',
	'VIBER_BM',
	'WHATSAPP',
];

/** Channels whose seen reports Infobip delivers (the spec's InboundSeenChannel). */
export const SEEN_REPORT_CHANNELS: readonly MessagesChannel[] = [
	'RCS',
	'VIBER_BM',
	'VIBER_BOT',
	'WHATSAPP',
];

/** Channels whose inbound messages `GET /messages-api/1/inbound` hands out (InboundMoGetEndpointChannel). */
export const INBOUND_PULL_CHANNELS: readonly MessagesChannel[] = [
	'APPLE_MB',
	'MESSENGER',
	'MMS',
	'SMS',
	'VIBER_BM',
	'WHATSAPP',
];

/**
 * Channels a delivery report may name although this node cannot send on them: Smart Messaging
 * delivers over them (the spec's InboundDlrChannel adds them to the outbound ones).
 */
export const DLR_ONLY_CHANNELS = ['KAKAO', 'ZALO', 'VOICE', 'TELEGRAM'] as const;

/** Every channel a delivery report may name. */
export const DLR_CHANNELS: readonly string[] = [...MESSAGES_CHANNELS, ...DLR_ONLY_CHANNELS];
