/** The seed's five exchanges (docs/seed: infobip-omni-facebook-sms.md), bodies verbatim. */

/** Public example values of the seed (not secrets; named so for the hardcoded-secrets lint rule). */
export const SEED_SCENARIO = 'CC9F01A5DC7BEE2C2B829D203482A654';
export const SEED_FACEBOOK_USER = '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3';

export const SEED_CREATE_SCENARIO = {
	name: 'My first Facebook-SMS scenario',
	flow: [
		{ from: 'FacebookApplicationKey', channel: 'FACEBOOK' as const },
		{ from: 'InfoSMS', channel: 'SMS' as const },
	],
	default: true,
};

export const SEED_SEND_TEXT = {
	scenarioKey: SEED_SCENARIO,
	destinations: [{ to: { phoneNumber: '41793026727' } }],
	facebook: {
		text: 'This Facebook message will be delivered both to the Facebook user page and Facebook messenger.',
	},
	sms: { text: 'This is the SMS failover message' },
};

export const SEED_SEND_USER_KEY = {
	scenarioKey: SEED_SCENARIO,
	destinations: [{ to: { phoneNumber: '41793026727', facebookUserKey: SEED_FACEBOOK_USER } }],
	facebook: {
		text: 'This Facebook message will be delivered both to the Facebook user page and Facebook messenger.',
	},
	sms: { text: 'This is the SMS failover message' },
};

export const SEED_SEND_RICH = {
	scenarioKey: SEED_SCENARIO,
	destinations: [{ to: { phoneNumber: '41793026727' } }],
	facebook: { type: 'IMAGE', url: 'https://somedomain.com/images/image.jpg' },
	sms: { text: 'This is the SMS failover message' },
};

export const SEED_ACCEPTED_STATUS = {
	groupId: 0,
	groupName: 'ACCEPTED',
	id: 0,
	name: 'MESSAGE_ACCEPTED',
	description: 'Message accepted',
};

/** The seed's two reports without their instance values (ids and times). */
export const SEED_FACEBOOK_REPORT = {
	messageCount: 1,
	mccMnc: '22801',
	price: { pricePerMessage: 0.0104, currency: 'EUR' },
	status: {
		groupId: 2,
		groupName: 'UNDELIVERABLE',
		id: 9,
		name: 'UNDELIVERABLE_NOT_DELIVERED',
		description: 'Message sent not delivered',
	},
	error: {
		groupId: 1,
		groupName: 'HANDSET_ERRORS',
		id: 6,
		name: 'EC_ABSENT_SUBSCRIBER_SM',
		description: 'Absent Subscriber',
		permanent: false,
	},
	channel: 'FACEBOOK',
};

export const SEED_SMS_REPORT = {
	messageCount: 1,
	mccMnc: '22801',
	price: { pricePerMessage: 0.01, currency: 'EUR' },
	status: {
		groupId: 3,
		groupName: 'DELIVERED',
		id: 5,
		name: 'DELIVERED_TO_HANDSET',
		description: 'Message delivered to handset',
	},
	error: {
		groupId: 0,
		groupName: 'OK',
		id: 0,
		name: 'NO_ERROR',
		description: 'No Error',
		permanent: false,
	},
	channel: 'SMS',
};

/** Infobip's date-time format as served by the sandbox. */
export const INFOBIP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
