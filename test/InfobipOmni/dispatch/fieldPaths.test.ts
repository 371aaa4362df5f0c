import { senderMismatch } from '../../../nodes/InfobipOmni/channels/senders';
import type { PreparedSend } from '../../../nodes/InfobipOmni/dispatch';
import { contentLabel, sendViolationReader } from '../../../nodes/InfobipOmni/dispatch/fieldPaths';
import { missingContentHint } from '../../../nodes/InfobipOmni/actions/message/scenarioCheck';

const item = (itemIndex: number, ...phones: string[]): PreparedSend => ({
	itemIndex,
	body: {},
	destinations: phones.map((phoneNumber) => ({ to: { phoneNumber } })),
});

describe('sendViolationReader: destinations[i] of a combined request → its item', () => {
	// Items 4, 7 and 9 in one request: destinations 0 | 1, 2 | 3.
	const read = sendViolationReader([
		item(4, '41793026727'),
		item(7, '41793026731', '41793026740'),
		item(9, '41793026750'),
	]);
	it.each([
		[
			'destinations[0].to.phoneNumber',
			'Phone Numbers (item 4): Infobip says "invalid" for 41793026727 — give it in international format, e.g. 41793026727',
		],
		[
			'destinations[2].to.phoneNumber',
			'Phone Numbers (item 7): Infobip says "invalid" for 41793026740 — give it in international format, e.g. 41793026727',
		],
		[
			'destinations[3].to.phoneNumber',
			'Phone Numbers (item 9): Infobip says "invalid" for 41793026750 — give it in international format, e.g. 41793026727',
		],
		[
			'destinations[1].messageId',
			'Message ID (item 7): Infobip says "invalid" — give every recipient its own message ID, or leave Message ID empty',
		],
		['sms.text', 'SMS → Text (items 4, 7, 9): Infobip says "invalid"'],
		[
			'scenarioKey',
			'Scenario (items 4, 7, 9): Infobip says "invalid" — pick the scenario from the list',
		],
		// Unknown: out of range, unknown destination field, unknown channel or field.
		['destinations[4].to.phoneNumber', undefined],
		['destinations[0].to.lineUserKey', undefined],
		['telegram.text', undefined],
		['sms.notAField', undefined],
		['destinations', undefined],
	])('%s', (field, expected) => {
		expect(read({ field, message: 'invalid' })).toBe(expected);
	});
});

describe('contentLabel: content paths → the labels of channels/content.ts', () => {
	it.each([
		['facebook.url', 'Facebook Messenger (Legacy) → Media URL'],
		['whatsApp.templateName', 'WhatsApp → Template'],
		[
			'whatsApp.mediaTemplateData.header.imageUrl',
			'WhatsApp → Media Data, at header.imageUrl',
		],
		['viber.buttonText', 'Viber → Button Text'],
		['sms.regional.indiaDlt.principalEntityId', 'SMS → DLT Entity ID'],
		['sms.validityPeriod', 'SMS → Validity Period'],
		['viber.validityPeriodTimeUnit', 'Viber → Validity Unit'],
		['kakaoAlim.buttons[0].name', 'Kakao Alim → Content, at buttons[0].name'],
		['sms', undefined],
	])('%s → %s', (path, expected) => {
		expect(contentLabel(path)).toBe(expected);
	});
});

describe('senderMismatch: what a step sender looks like per channel', () => {
	it.each([
		['SMS', 'InfoSMS', false],
		['SMS', 'Info 2', false],
		['SMS', '4179302672712345', false],
		['SMS', 'InfoSMSSender', true],
		['SMS', '41793026727123456', true],
		['SMS', 'info@example.com', true],
		['WHATSAPP', '441134960000', false],
		['WHATSAPP', '+44 113 496 0000', false],
		['WHATSAPP', 'InfoSMS', true],
		['VOICE', '41793026727', false],
		['VOICE', 'Caller', true],
		['EMAIL', 'info@example.com', false],
		['EMAIL', 'Jane <info@example.com>', false],
		['EMAIL', 'InfoSMS', true],
		['VIBER', 'ViberSender', false],
		['VIBER', '3045', false],
		['VIBER', 'info@example.com', true],
		// No documented form: never a hint.
		['FACEBOOK', 'FacebookApplicationKey', false],
		['PUSH', '233623e3c860b49ec69a464834343481-8bj4el4a', false],
		['LINE', 'anything at all', false],
	])('%s %s → mismatch %s', (channel, from, mismatch) => {
		expect(senderMismatch(channel, from) !== undefined).toBe(mismatch);
	});
});

describe('missingContentHint', () => {
	it('a last step without content says no step follows', () => {
		expect(
			missingContentHint(
				"Scenario 'S'",
				[{ channel: 'SMS' }, { channel: 'EMAIL' }],
				new Set(['SMS']),
				'under Channel Contents',
			),
		).toBe(
			"Scenario 'S' (SMS → Email): the Email step gets no content, so it fails and no step follows. Add Email under Channel Contents, or pick a scenario without it.",
		);
	});

	it('every step with content: nothing to say', () => {
		expect(
			missingContentHint("Scenario 'S'", [{ channel: 'SMS' }], new Set(['SMS', 'VIBER']), 'x'),
		).toBeUndefined();
	});
});
