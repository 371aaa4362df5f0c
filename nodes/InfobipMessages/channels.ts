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

/** Body types the node builds (the spec has more; these are the ones every channel can adapt). */
export const BODY_TYPES = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;
export type BodyType = (typeof BODY_TYPES)[number];

/** Button types of a content message (the spec's MessagesApiMessageButtonType the node builds). */
export const BUTTON_TYPES = ['REPLY', 'OPEN_URL', 'DIAL_PHONE', 'REQUEST_LOCATION'] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];

export interface ChannelInfo {
	value: MessagesChannel;
	/** As the UI names it. */
	label: string;
	/** What the sender is on this channel, for the Sender field's hint. */
	sender: string;
	senderPlaceholder: string;
	/** Phone numbers are normalised (builders/recipients.ts); platform IDs are sent as given. */
	address: 'phone' | 'platformId';
	/** What the recipient is, for the To field's hint. */
	recipient: string;
	recipientPlaceholder: string;
	/** Template messages (the spec's OutboundTemplateChannel). */
	templates: boolean;
	/** Body types of the spec's examples for the channel (others are adapted or refused by Infobip). */
	bodies: readonly BodyType[];
	/** Whether the spec's examples give this channel buttons / a text header. */
	buttons: boolean;
	header: boolean;
	/** Infobip needs the sender (SMS alone falls back to the account's default sender). */
	senderRequired: boolean;
	/** A video needs a thumbnail (the spec: "required and used only for Viber messages"). */
	videoThumbnail: boolean;
}

const ALL_BODIES = BODY_TYPES;

/** Per channel, from the spec's request examples (senders and addresses are the examples' kinds). */
export const CHANNEL_INFO: Readonly<Record<MessagesChannel, ChannelInfo>> = {
	APPLE_MB: {
		value: 'APPLE_MB',
		label: 'Apple Messages for Business',
		sender: 'Business ID',
		senderPlaceholder: 'e.g. e1c86198-d9bf-43ee-a635-7fe9cbcf45ad',
		address: 'platformId',
		recipient: 'Opaque user ID (urn:mbid:…)',
		recipientPlaceholder: 'e.g. urn:mbid:AQAAY6xHR8jJ…',
		templates: true,
		bodies: ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'],
		buttons: true,
		header: false,
		senderRequired: true,
		videoThumbnail: false,
	},
	INSTAGRAM_DM: {
		value: 'INSTAGRAM_DM',
		label: 'Instagram Direct',
		sender: 'Instagram account ID',
		senderPlaceholder: 'e.g. 17841447232797249',
		address: 'platformId',
		recipient: 'Instagram-scoped user ID',
		recipientPlaceholder: 'e.g. 768938852147373',
		templates: false,
		bodies: ALL_BODIES,
		buttons: true,
		header: false,
		senderRequired: true,
		videoThumbnail: false,
	},
	LINE_ON: {
		value: 'LINE_ON',
		label: 'LINE',
		sender: 'LINE channel name',
		senderPlaceholder: 'e.g. LINE IB Test',
		address: 'platformId',
		recipient: 'LINE user ID',
		recipientPlaceholder: 'e.g. U4af4980629…',
		templates: false,
		bodies: ALL_BODIES,
		buttons: true,
		header: false,
		senderRequired: true,
		videoThumbnail: false,
	},
	MESSENGER: {
		value: 'MESSENGER',
		label: 'Messenger',
		sender: 'Facebook Page ID',
		senderPlaceholder: 'e.g. 731401526720514',
		address: 'platformId',
		recipient: 'Page-scoped user ID (PSID)',
		recipientPlaceholder: 'e.g. 24060905360217212',
		templates: false,
		bodies: ALL_BODIES,
		buttons: true,
		header: false,
		senderRequired: true,
		videoThumbnail: false,
	},
	MMS: {
		value: 'MMS',
		label: 'MMS',
		sender: 'MMS number or short code',
		senderPlaceholder: 'e.g. 10950',
		address: 'phone',
		recipient: 'Phone number',
		recipientPlaceholder: 'e.g. 41793026727',
		templates: false,
		bodies: ALL_BODIES,
		buttons: false,
		header: false,
		senderRequired: true,
		videoThumbnail: false,
	},
	RCS: {
		value: 'RCS',
		label: 'RCS',
		sender: 'RCS agent ID',
		senderPlaceholder: 'e.g. ibpDemoPly',
		address: 'phone',
		recipient: 'Phone number',
		recipientPlaceholder: 'e.g. 41793026727',
		templates: true,
		bodies: ALL_BODIES,
		buttons: true,
		header: false,
		senderRequired: true,
		videoThumbnail: false,
	},
	SMS: {
		value: 'SMS',
		label: 'SMS',
		sender: 'Sender name or number',
		senderPlaceholder: 'e.g. InfoSMS',
		address: 'phone',
		recipient: 'Phone number',
		recipientPlaceholder: 'e.g. 41793026727',
		templates: false,
		bodies: ALL_BODIES,
		buttons: false,
		header: false,
		senderRequired: false,
		videoThumbnail: false,
	},
	VIBER_BM: {
		value: 'VIBER_BM',
		label: 'Viber Business Messages',
		sender: 'Viber sender name',
		senderPlaceholder: 'e.g. InfobipDemo',
		address: 'phone',
		recipient: 'Phone number',
		recipientPlaceholder: 'e.g. 41793026727',
		templates: true,
		bodies: ALL_BODIES,
		buttons: true,
		header: true,
		senderRequired: true,
		videoThumbnail: true,
	},
	VIBER_BOT: {
		value: 'VIBER_BOT',
		label: 'Viber Bot',
		sender: 'Viber bot URI',
		senderPlaceholder: 'e.g. pa:5964217479313231708',
		address: 'platformId',
		recipient: 'Viber user ID',
		recipientPlaceholder: 'e.g. SirE8dEwjQEda4/VugaE+A==',
		templates: false,
		bodies: ALL_BODIES,
		buttons: true,
		header: false,
		senderRequired: true,
		videoThumbnail: true,
	},
	WHATSAPP: {
		value: 'WHATSAPP',
		label: 'WhatsApp',
		sender: 'WhatsApp sender number',
		senderPlaceholder: 'e.g. 447491163862',
		address: 'phone',
		recipient: 'Phone number',
		recipientPlaceholder: 'e.g. 41793026727',
		templates: true,
		bodies: ALL_BODIES,
		buttons: true,
		header: true,
		senderRequired: true,
		videoThumbnail: false,
	},
};

export const channelInfo = (channel: string): ChannelInfo | undefined =>
	CHANNEL_INFO[channel as MessagesChannel];

export const isMessagesChannel = (value: unknown): value is MessagesChannel =>
	typeof value === 'string' && (MESSAGES_CHANNELS as readonly string[]).includes(value);

/** Channels that take template messages (the spec's OutboundTemplateChannel). */
export const TEMPLATE_CHANNELS: readonly MessagesChannel[] = MESSAGES_CHANNELS.filter(
	(channel) => CHANNEL_INFO[channel].templates,
);

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

/** The channel options of a Channel field, in the list's order. */
export const channelOptions = (channels: readonly MessagesChannel[] = MESSAGES_CHANNELS) =>
	channels
		.map((channel) => ({ name: CHANNEL_INFO[channel].label, value: channel }))
		.sort((a, b) => a.name.localeCompare(b.name));

/** "Messenger", or the value itself for a channel this list does not know. */
export const channelLabel = (channel: string): string => channelInfo(channel)?.label ?? channel;
