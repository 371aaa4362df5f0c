/**
 * Message types (channels/content.ts): for each type of WhatsApp, Viber, LINE and Facebook, the
 * exact content object; fields of other types are never sent; a type's required field left empty
 * is refused with the field, the problem and the fix.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildChannelContent } from '../../../nodes/InfobipOmni/builders/channelContent';
import { CHANNEL_CONTENT } from '../../../nodes/InfobipOmni/channels/content';
import { refusal } from '../../support/refusal';

const URL = 'https://example.com/a';

/** Every field of a channel filled in, as if the user had tried every type before this one. */
const EVERYTHING: Record<string, IDataObject> = {
	WHATSAPP: {
		text: 'Hi',
		imageUrl: `${URL}.png`,
		videoUrl: `${URL}.mp4`,
		audioUrl: `${URL}.mp3`,
		fileUrl: `${URL}.pdf`,
		previewUrl: true,
		templateName: 'order',
		templateNamespace: 'ns',
		templateData: 'Jane, A-17',
		language: 'en',
		mediaTemplateData: '{"body":{"placeholders":["Jane"]}}',
		latitude: 45.8,
		longitude: 15.97,
		locationName: 'Office',
		address: 'Main St 1',
		contacts: '[{"name":{"firstName":"Jane","formattedName":"Jane Doe"}}]',
	},
	VIBER: {
		text: 'Hi',
		imageURL: `${URL}.png`,
		buttonText: 'Open',
		buttonURL: URL,
		fileUrl: `${URL}.pdf`,
		fileName: 'a.pdf',
		fileType: 'pdf',
		trackingData: 't-1',
		isPromotional: true,
	},
	LINE: {
		text: 'Hi',
		url: `${URL}.png`,
		thumbnailUrl: `${URL}-t.png`,
		duration: 60000,
		packageId: 'p1',
		stickerId: 's1',
		altText: 'Order',
		contents: '{"type":"BUBBLE"}',
	},
	FACEBOOK: { text: 'Hi', url: `${URL}.png` },
};

const rows: Array<[string, string, IDataObject]> = [
	['WHATSAPP', 'TEXT', { text: 'Hi', previewUrl: true }],
	['WHATSAPP', 'IMAGE', { text: 'Hi', imageUrl: `${URL}.png` }],
	['WHATSAPP', 'VIDEO', { text: 'Hi', videoUrl: `${URL}.mp4` }],
	['WHATSAPP', 'AUDIO', { audioUrl: `${URL}.mp3` }],
	['WHATSAPP', 'DOCUMENT', { text: 'Hi', fileUrl: `${URL}.pdf` }],
	[
		'WHATSAPP',
		'TEMPLATE',
		{
			templateName: 'order',
			templateNamespace: 'ns',
			templateData: ['Jane', 'A-17'],
			language: 'en',
		},
	],
	[
		'WHATSAPP',
		'MEDIA_TEMPLATE',
		{
			templateName: 'order',
			templateNamespace: 'ns',
			mediaTemplateData: { body: { placeholders: ['Jane'] } },
			language: 'en',
		},
	],
	[
		'WHATSAPP',
		'LOCATION',
		{ latitude: 45.8, longitude: 15.97, locationName: 'Office', address: 'Main St 1' },
	],
	[
		'WHATSAPP',
		'CONTACTS',
		{ contacts: [{ name: { firstName: 'Jane', formattedName: 'Jane Doe' } }] },
	],
	['VIBER', 'TEXT', { text: 'Hi', trackingData: 't-1', isPromotional: true }],
	['VIBER', 'IMAGE', { imageURL: `${URL}.png`, trackingData: 't-1', isPromotional: true }],
	[
		'VIBER',
		'TEXT_BUTTON',
		{ text: 'Hi', buttonText: 'Open', buttonURL: URL, trackingData: 't-1', isPromotional: true },
	],
	[
		'VIBER',
		'TEXT_IMAGE_BUTTON',
		{
			text: 'Hi',
			imageURL: `${URL}.png`,
			buttonText: 'Open',
			buttonURL: URL,
			trackingData: 't-1',
			isPromotional: true,
		},
	],
	[
		'VIBER',
		'FILE',
		{
			fileUrl: `${URL}.pdf`,
			fileName: 'a.pdf',
			fileType: 'pdf',
			trackingData: 't-1',
			isPromotional: true,
		},
	],
	['LINE', 'TEXT', { type: 'TEXT', text: 'Hi' }],
	['LINE', 'IMAGE', { type: 'IMAGE', url: `${URL}.png`, thumbnailUrl: `${URL}-t.png` }],
	['LINE', 'VIDEO', { type: 'VIDEO', url: `${URL}.png`, thumbnailUrl: `${URL}-t.png` }],
	['LINE', 'AUDIO', { type: 'AUDIO', url: `${URL}.png`, duration: 60000 }],
	['LINE', 'STICKER', { type: 'STICKER', packageId: 'p1', stickerId: 's1' }],
	['LINE', 'FLEX', { type: 'FLEX', altText: 'Order', contents: { type: 'BUBBLE' } }],
	// Infobip's Facebook example sends a text without a type: TEXT is left out.
	['FACEBOOK', 'TEXT', { text: 'Hi' }],
	['FACEBOOK', 'IMAGE', { type: 'IMAGE', url: `${URL}.png` }],
	['FACEBOOK', 'AUDIO', { type: 'AUDIO', url: `${URL}.png` }],
	['FACEBOOK', 'VIDEO', { type: 'VIDEO', url: `${URL}.png` }],
	['FACEBOOK', 'FILE', { type: 'FILE', url: `${URL}.png` }],
];

const paramOf = (channel: string) =>
	CHANNEL_CONTENT.find((spec) => spec.channel === channel)?.contentType?.param as string;

describe('message types: the exact content object, and nothing of the other types', () => {
	it('covers every type of every channel that has one', () => {
		const typed = CHANNEL_CONTENT.filter((spec) => spec.contentType).flatMap((spec) =>
			spec.contentType!.types.map((type) => `${spec.channel} ${type.value}`),
		);
		expect(rows.map(([channel, type]) => `${channel} ${type}`).sort()).toEqual(typed.sort());
	});

	it.each(rows)('%s %s', (channel, type, expected) => {
		const values = { ...EVERYTHING[channel], [paramOf(channel)]: type };
		expect(buildChannelContent(channel, values)).toEqual(expected);
	});

	it.each([
		['WHATSAPP', { text: 'Hi', imageUrl: `${URL}.png`, templateName: 't' }, { text: 'Hi' }],
		['VIBER', { text: 'Hi', fileUrl: `${URL}.pdf` }, { text: 'Hi' }],
		['LINE', { text: 'Hi', url: `${URL}.png` }, { type: 'TEXT', text: 'Hi' }],
		['FACEBOOK', { text: 'Hi', url: `${URL}.png` }, { text: 'Hi' }],
	])('%s without a type is a Text (the default) %j', (channel, values, expected) => {
		expect(buildChannelContent(channel, values)).toEqual(expected);
	});

	it.each([
		['PUSH', { text: 'Hi', customPayload: '{}', notificationOptions: ' { } ' }, { text: 'Hi' }],
		['VKONTAKTE', { text: 'Hi', templateData: '{}' }, { text: 'Hi' }],
		['WHATSAPP', { contentType: 'CONTACTS', contacts: [], text: 'x' }, undefined],
	])('%s: the JSON defaults {} and [] are unset %j', (channel, values, expected) => {
		if (expected) expect(buildChannelContent(channel, values)).toEqual(expected);
		else
			expect(refusal(() => buildChannelContent(channel, values))).toMatchObject({
				field: 'WhatsApp → Contacts',
				problem: 'it is empty',
			});
	});
});

const fix = (field: string, type: string) =>
	`Fill in ${field}: ${type} messages need it. Or choose another type.`;

describe("message types: a type's required field left empty", () => {
	it.each([
		['WHATSAPP', { contentType: 'TEXT' }, 'WhatsApp → Text', fix('Text', 'WhatsApp Text')],
		[
			'WHATSAPP',
			{ contentType: 'IMAGE', text: 'caption' },
			'WhatsApp → Image URL',
			fix('Image URL (e.g. https://example.com/images/image.jpg)', 'WhatsApp Image'),
		],
		[
			'WHATSAPP',
			{ contentType: 'VIDEO' },
			'WhatsApp → Video URL',
			fix('Video URL', 'WhatsApp Video'),
		],
		[
			'WHATSAPP',
			{ contentType: 'AUDIO' },
			'WhatsApp → Audio URL',
			fix('Audio URL', 'WhatsApp Audio'),
		],
		[
			'WHATSAPP',
			{ contentType: 'DOCUMENT' },
			'WhatsApp → File URL',
			fix('File URL', 'WhatsApp Document'),
		],
		[
			'WHATSAPP',
			{ contentType: 'TEMPLATE', templateData: 'Jane' },
			'WhatsApp → Template',
			fix('Template', 'WhatsApp Template'),
		],
		[
			'WHATSAPP',
			{ contentType: 'MEDIA_TEMPLATE', templateName: 't', mediaTemplateData: '{}' },
			'WhatsApp → Media Data',
			fix('Media Data', 'WhatsApp Media Template'),
		],
		[
			'WHATSAPP',
			{ contentType: 'LOCATION', latitude: 45 },
			'WhatsApp → Longitude',
			fix('Longitude', 'WhatsApp Location'),
		],
		[
			'WHATSAPP',
			{ contentType: 'CONTACTS', contacts: '[]' },
			'WhatsApp → Contacts',
			fix('Contacts', 'WhatsApp Contacts'),
		],
		['VIBER', { contentType: 'TEXT' }, 'Viber → Text', fix('Text', 'Viber Text')],
		[
			'VIBER',
			{ contentType: 'IMAGE', text: 'Hi' },
			'Viber → Image URL',
			fix('Image URL (e.g. https://example.com/images/image.jpg)', 'Viber Image'),
		],
		[
			'VIBER',
			{ contentType: 'TEXT_BUTTON', text: 'Hi', buttonText: 'Open' },
			'Viber → Button URL',
			fix('Button URL (e.g. https://example.com or tel:+41793026727)', 'Viber Text + Button'),
		],
		[
			'VIBER',
			{ contentType: 'TEXT_IMAGE_BUTTON', text: 'Hi', buttonText: 'Open', buttonURL: URL },
			'Viber → Image URL',
			fix('Image URL (e.g. https://example.com/images/image.jpg)', 'Viber Text + Image + Button'),
		],
		[
			'VIBER',
			{ contentType: 'FILE', fileUrl: `${URL}.pdf` },
			'Viber → File Name',
			fix('File Name', 'Viber File'),
		],
		['LINE', { type: 'TEXT' }, 'LINE → Text', fix('Text', 'LINE Text')],
		[
			'LINE',
			{ type: 'IMAGE', url: URL },
			'LINE → Thumbnail URL',
			fix('Thumbnail URL', 'LINE Image'),
		],
		['LINE', { type: 'VIDEO' }, 'LINE → Media URL', fix('Media URL', 'LINE Video')],
		[
			'LINE',
			{ type: 'AUDIO', url: URL },
			'LINE → Duration (Ms)',
			fix('Duration (Ms)', 'LINE Audio'),
		],
		[
			'LINE',
			{ type: 'STICKER', packageId: 'p' },
			'LINE → Sticker ID',
			fix('Sticker ID', 'LINE Sticker'),
		],
		[
			'LINE',
			{ type: 'FLEX', altText: 'x', contents: '{}' },
			'LINE → Flex Contents',
			fix('Flex Contents', 'LINE Flex'),
		],
		[
			'FACEBOOK',
			{ type: 'TEXT', url: URL },
			'Facebook Messenger (Legacy) → Text',
			fix('Text', 'Facebook Text'),
		],
		[
			'FACEBOOK',
			{ type: 'FILE', text: 'Hi' },
			'Facebook Messenger (Legacy) → Media URL',
			fix('Media URL (e.g. https://example.com/images/image.jpg)', 'Facebook File'),
		],
	])('%s %j is refused at %s', (channel, values, field, expectedFix) => {
		expect(refusal(() => buildChannelContent(channel, values))).toMatchObject({
			field,
			problem: 'it is empty',
			fix: expectedFix,
		});
	});

	it.each([
		['WHATSAPP', 'contentType', 'STICKER', 'WhatsApp → Message Type'],
		['VIBER', 'contentType', 'VIDEO', 'Viber → Message Type'],
	])('%s refuses an unknown type', (channel, param, value, field) => {
		expect(refusal(() => buildChannelContent(channel, { [param]: value }))).toMatchObject({
			field,
			problem: expect.stringMatching(new RegExp(`^"${value}" is not one of TEXT, `)),
			fix: expect.stringMatching(/^Choose one of: Text, /),
		});
	});
});
