import { S, type Shape } from './shape';

/**
 * The JSON fields of channel contents, after the OMNI advanced send schema (WhatsAppData,
 * PushData, LineData, KakaoChinguData, KakaoAlimData):
 * https://www.infobip.com/docs/api/platform/omni-failover/send-advanced-omni-failover-message
 * Where the schema marks every key of a choice "required" (media template headers, LINE), only
 * what Infobip actually needs is required here.
 */

const TIME_UNITS = ['SECONDS', 'MINUTES', 'HOURS', 'DAYS'];

const HOME_WORK = S.oneOf('HOME', 'WORK');

/** WhatsApp `contacts[]` (schema Contact). */
export const WHATSAPP_CONTACTS: Shape = S.array(
	S.object(
		{
			addresses: S.array(
				S.object({
					street: S.text(),
					city: S.text(),
					state: S.text(),
					zip: S.text(),
					country: S.text(),
					countryCode: S.text(),
					type: HOME_WORK,
				}),
			),
			birthday: S.date(),
			emails: S.array(S.object({ email: S.text(), type: HOME_WORK })),
			name: S.object(
				{
					firstName: S.text(undefined, 1),
					formattedName: S.text(undefined, 1),
					lastName: S.text(),
					middleName: S.text(),
					nameSuffix: S.text(),
					namePrefix: S.text(),
				},
				['firstName', 'formattedName'],
			),
			org: S.object({ company: S.text(), department: S.text(), title: S.text() }),
			phones: S.array(
				S.object({
					phone: S.text(),
					waId: S.text(),
					type: S.oneOf('CELL', 'MAIN', 'IPHONE', 'HOME', 'WORK'),
				}),
			),
			urls: S.array(S.object({ url: S.url(), type: HOME_WORK })),
		},
		['name'],
	),
	{ minItems: 1 },
);

/** WhatsApp `mediaTemplateData` (schema MediaTemplateData). */
export const WHATSAPP_MEDIA_TEMPLATE: Shape = S.object(
	{
		header: S.object({
			textPlaceholder: S.text(),
			documentUrl: S.url(),
			documentFilename: S.text(),
			imageUrl: S.url(),
			videoUrl: S.url(),
			latitude: S.number(-90, 90),
			longitude: S.number(-180, 180),
		}),
		body: S.object({ placeholders: S.array(S.text(undefined, 1)) }, ['placeholders']),
		buttons: S.array(S.object({ urlPlaceholder: S.text(1500), quickReplyPayload: S.text(128) })),
	},
	['body'],
);

/** Push `notificationOptions` (schema NotificationOptions). */
export const PUSH_NOTIFICATION_OPTIONS: Shape = S.object({
	vibrationEnabled: S.boolean(),
	soundEnabled: S.boolean(),
	soundName: S.text(),
	badge: S.integer(),
	contentUrl: S.url(),
	category: S.text(),
	inAppStyle: S.oneOf('BANNER', 'MODAL'),
	title: S.text(),
	isSilent: S.boolean(),
	webViewUrl: S.url(),
	inboxTopic: S.text(),
});

/** Data for the app: any keys. */
export const FREE_OBJECT: Shape = { kind: 'object', open: true };

/** LINE `contents` (schema FlexContainer): a bubble or a carousel; its components are LINE's. */
export const LINE_FLEX_CONTAINER: Shape = {
	kind: 'object',
	open: true,
	fields: { type: S.oneOf('BUBBLE', 'CAROUSEL') },
	required: ['type'],
};

const validityKeys = {
	validityPeriod: S.integer(1),
	validityPeriodTimeUnit: S.oneOf(...TIME_UNITS),
};

/** Kakao buttons (1 to 5), each with its text and the fields of its `type`. */
const kakaoButtons = (
	by: Record<string, { fields?: Record<string, Shape>; required?: readonly string[] }>,
): Shape =>
	S.array(
		{
			kind: 'object',
			fields: { buttonText: S.text(28, 1) },
			required: ['buttonText'],
			variants: { key: 'type', by },
		},
		{ minItems: 1, maxItems: 5 },
	);

/** `kakaoChingu` (schema KakaoChinguData, KakaoChinguButton). */
export const KAKAO_CHINGU: Shape = S.object(
	{
		text: S.text(undefined, 1),
		...validityKeys,
		buttons: kakaoButtons({
			URL: { fields: { buttonUrl: S.url(500) }, required: ['buttonUrl'] },
			APP_LINK: {
				fields: { androidScheme: S.text(500, 1), iosScheme: S.text(500, 1) },
				required: ['androidScheme', 'iosScheme'],
			},
			BOT_KEYWORD: {},
			MESSAGE_DELIVERY: {},
		}),
		imageUrl: S.url(250),
		imageLink: S.url(250),
		isPromotional: S.boolean(),
	},
	['text'],
);

const alimUrls = {
	buttonUrlMobile: S.url(500),
	buttonUrlPc: S.url(500),
};

/** `kakaoAlim` (schema KakaoAlimData, KakaoAlimButton). */
export const KAKAO_ALIM: Shape = S.object(
	{
		text: S.text(1000, 1),
		...validityKeys,
		templateCode: S.text(30, 1),
		buttons: kakaoButtons({
			URL: { fields: { buttonUrl: S.url(500), ...alimUrls, target: S.oneOf('out') } },
			APP_LINK: {
				fields: { androidScheme: S.text(500, 1), iosScheme: S.text(500, 1), ...alimUrls },
			},
			DELIVERY_TRACKING: {},
			CHATBOT_SWITCH: {
				fields: { chatExtra: S.text(50), chatEvent: S.text(50) },
				required: ['chatEvent', 'chatExtra'],
			},
			MESSAGE_DELIVERY: {},
			BOT_KEYWORD: {},
			ADD_CHANNEL: {},
		}),
		title: S.text(50),
		groupKey: S.text(),
	},
	['text'],
);
