import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from '../../InfobipOmni/builders/parameterError';
import {
	asText,
	asTrimmedText,
	checkHttpUrl,
	quote,
	shorten,
} from '../../InfobipOmni/builders/values';
import { LIMITS } from '../../InfobipOmni/limits';
import {
	BODY_TYPES,
	BUTTON_TYPES,
	channelInfo,
	channelLabel,
	type BodyType,
	type ButtonType,
} from '../channels';

/**
 * Content of a Messages API message
 * (https://www.infobip.com/docs/api/platform/messages-api/message/send-messages-api-message):
 * `content.body` of one of the node's body types, with optional header, footer and buttons.
 */

export interface ButtonParameters {
	type?: unknown;
	text?: unknown;
	postbackData?: unknown;
	url?: unknown;
	openIn?: unknown;
	phoneNumber?: unknown;
}

export interface ContentParameters {
	bodyType?: unknown;
	text?: unknown;
	mediaUrl?: unknown;
	thumbnailUrl?: unknown;
	filename?: unknown;
	latitude?: unknown;
	longitude?: unknown;
	locationName?: unknown;
	locationAddress?: unknown;
	/** The Header, Footer and Buttons collection. */
	contentOptions?: {
		header?: unknown;
		footer?: unknown;
		buttons?: { button?: ButtonParameters[] };
	};
}

const OPEN_IN = ['BROWSER', 'WEBVIEW_FULL', 'WEBVIEW_HALF', 'WEBVIEW_TALL'];
/** The spec's DIAL_PHONE pattern. */
const DIAL_PHONE = /^\+?[0-9]\d{1,14}$/;

const MEDIA_FIX =
	'Give a public https:// URL of the file, e.g. https://example.com/images/photo.jpg.';

function coordinate(field: string, raw: unknown, bounds: { min: number; max: number }): number {
	const value =
		typeof raw === 'number'
			? raw
			: Number(asTrimmedText(field, raw) === '' ? NaN : asText(field, raw));
	if (!Number.isFinite(value) || value < bounds.min || value > bounds.max) {
		throw new ParameterError(
			field,
			raw === undefined || raw === ''
				? 'it is empty'
				: `${quote(raw)} is not a number from ${bounds.min} to ${bounds.max}`,
			`Give the ${field.toLowerCase()} in decimal degrees, from ${bounds.min} to ${bounds.max}, e.g. 45.8150.`,
		);
	}
	return value;
}

function limitedText(field: string, raw: unknown, max: number): string {
	const text = asText(field, raw);
	if (text.length > max) {
		throw new ParameterError(
			field,
			`it has ${text.length} characters, more than Infobip's ${max}`,
			`Shorten it to at most ${max} characters.`,
		);
	}
	return text;
}

/** `content.body` for one body type; `prefix` names the field's place (e.g. "Failover Step 1 (SMS) → "). */
export function buildBody(
	parameters: ContentParameters,
	channel: string,
	prefix = '',
): IDataObject {
	const type = asTrimmedText(`${prefix}Body Type`, parameters.bodyType ?? 'TEXT') || 'TEXT';
	if (!(BODY_TYPES as readonly string[]).includes(type)) {
		throw new ParameterError(
			`${prefix}Body Type`,
			`${quote(type)} is not a body type`,
			`Use one of ${BODY_TYPES.join(', ')}.`,
		);
	}
	const text = asText(`${prefix}Text`, parameters.text);
	const caption = text.trim() === '' ? {} : { text };
	const media = (label: string, raw: unknown) => {
		const url = asTrimmedText(`${prefix}${label}`, raw);
		if (!url) {
			throw new ParameterError(`${prefix}${label}`, 'it is empty', MEDIA_FIX);
		}
		return checkHttpUrl(`${prefix}${label}`, url, MEDIA_FIX);
	};
	switch (type as BodyType) {
		case 'TEXT':
			if (text.trim() === '') {
				throw new ParameterError(
					`${prefix}Text`,
					'it is empty',
					'Give the text of the message, e.g. {{ $json.message }}.',
				);
			}
			return { type, text };
		case 'IMAGE':
			return { type, url: media('Media URL', parameters.mediaUrl), ...caption };
		case 'VIDEO': {
			const thumbnail = asTrimmedText(`${prefix}Thumbnail URL`, parameters.thumbnailUrl);
			if (!thumbnail && channelInfo(channel)?.videoThumbnail) {
				throw new ParameterError(
					`${prefix}Thumbnail URL`,
					`${channelLabel(channel)} needs a thumbnail with a video`,
					'Give the public URL of a thumbnail image of the video.',
				);
			}
			return {
				type,
				url: media('Media URL', parameters.mediaUrl),
				...caption,
				...(thumbnail ? { thumbnailUrl: media('Thumbnail URL', thumbnail) } : {}),
			};
		}
		case 'DOCUMENT': {
			const filename = asTrimmedText(`${prefix}Filename`, parameters.filename);
			return {
				type,
				url: media('Media URL', parameters.mediaUrl),
				...caption,
				...(filename ? { filename } : {}),
			};
		}
		case 'LOCATION': {
			const { latitude, longitude, locationTextMaxLength } = LIMITS.messagesApi;
			const name = limitedText(
				`${prefix}Location Name`,
				parameters.locationName,
				locationTextMaxLength,
			).trim();
			const address = limitedText(
				`${prefix}Location Address`,
				parameters.locationAddress,
				locationTextMaxLength,
			).trim();
			return {
				type,
				latitude: coordinate(`${prefix}Latitude`, parameters.latitude, latitude),
				longitude: coordinate(`${prefix}Longitude`, parameters.longitude, longitude),
				...(name ? { name } : {}),
				...(address ? { address } : {}),
			};
		}
	}
	// Unreachable: the type was checked against BODY_TYPES above.
	throw new ParameterError(`${prefix}Body Type`, `${quote(type)} is not a body type`, '');
}

/** One button of `content.buttons[]`. */
export function buildButton(button: ButtonParameters, index: number): IDataObject {
	const field = (name: string) => `Buttons → ${name} (button ${index + 1})`;
	const type = asTrimmedText(field('Type'), button.type ?? 'REPLY') || 'REPLY';
	if (!(BUTTON_TYPES as readonly string[]).includes(type)) {
		throw new ParameterError(
			field('Type'),
			`${quote(type)} is not a button type`,
			`Use one of ${BUTTON_TYPES.join(', ')}.`,
		);
	}
	const text = asTrimmedText(field('Text'), button.text);
	if (!text && type !== 'REQUEST_LOCATION') {
		throw new ParameterError(
			field('Text'),
			'it is empty',
			'Give the text shown on the button, e.g. Yes.',
		);
	}
	const postbackData = asTrimmedText(field('Postback Data'), button.postbackData);
	const postback = postbackData ? { postbackData } : {};
	switch (type as ButtonType) {
		case 'REPLY':
			return { type, text, ...postback };
		case 'OPEN_URL': {
			const url = asTrimmedText(field('URL'), button.url);
			const openIn = asTrimmedText(field('Open In'), button.openIn);
			if (openIn && !OPEN_IN.includes(openIn)) {
				throw new ParameterError(
					field('Open In'),
					`${quote(openIn)} is not supported`,
					`Use ${OPEN_IN.join(', ')}.`,
				);
			}
			return {
				type,
				text,
				url: checkHttpUrl(field('URL'), url, 'Give the https:// address the button opens.'),
				...postback,
				...(openIn ? { openIn } : {}),
			};
		}
		case 'DIAL_PHONE': {
			const phoneNumber = asTrimmedText(field('Phone Number'), button.phoneNumber).replace(
				/[\s\-.()]/g,
				'',
			);
			if (!DIAL_PHONE.test(phoneNumber)) {
				throw new ParameterError(
					field('Phone Number'),
					`${quote(asText(field('Phone Number'), button.phoneNumber))} is not a phone number`,
					'Give the number the button dials in international format, e.g. +41793026727.',
				);
			}
			return { type, text, phoneNumber, ...postback };
		}
		case 'REQUEST_LOCATION':
			return { type, ...(text ? { text } : {}), ...postback };
	}
	throw new ParameterError(field('Type'), `${quote(type)} is not a button type`, '');
}

/** `content` of a content message: body, then header, footer and buttons when given. */
export function buildContent(parameters: ContentParameters, channel: string): IDataObject {
	const body = buildBody(parameters, channel);
	const options = parameters.contentOptions ?? {};
	const header = asTrimmedText('Header', options.header);
	const footer = asTrimmedText('Footer', options.footer);
	const buttons = (options.buttons?.button ?? []).map(buildButton);
	return {
		...(header ? { header: { type: 'TEXT', text: header } } : {}),
		body,
		...(buttons.length ? { buttons } : {}),
		...(footer ? { footer: { text: footer } } : {}),
	};
}

export interface PlaceholderParameters {
	name?: unknown;
	value?: unknown;
}

export interface TemplateParameters {
	/** The resource locator as n8n stores it, or its value. */
	templateName?: unknown;
	templateLanguage?: unknown;
	templatePlaceholders?: { placeholder?: PlaceholderParameters[] };
	/** Header, buttons and the rest of a template's content, as JSON (Options). */
	templateContentJson?: unknown;
}

/** List picks carry the language too: `name@language` (see methods/templates.ts). */
export const TEMPLATE_VALUE_SEPARATOR = '@';

/** `template` and `content` of a template message, checked against the channel. */
export function buildTemplate(parameters: TemplateParameters, channel: string): IDataObject {
	if (!channelInfo(channel)?.templates) {
		throw new ParameterError(
			'Message Type',
			`${channelLabel(channel)} does not take template messages`,
			'Set Message Type to Content, or pick a channel with templates: Apple Messages for Business, RCS, Viber Business Messages or WhatsApp.',
		);
	}
	const locator = parameters.templateName;
	const fromList =
		typeof locator === 'object' && locator !== null && (locator as IDataObject).mode === 'list';
	const raw =
		typeof locator === 'object' && locator !== null ? (locator as IDataObject).value : locator;
	let name = asTrimmedText('Template', raw);
	let language = asTrimmedText('Template Language', parameters.templateLanguage);
	if (fromList && name.includes(TEMPLATE_VALUE_SEPARATOR)) {
		const at = name.lastIndexOf(TEMPLATE_VALUE_SEPARATOR);
		language ||= name.slice(at + 1);
		name = name.slice(0, at);
	}
	if (!name) {
		throw new ParameterError(
			'Template',
			'no template is given',
			'Pick a template from the list, or give its name.',
		);
	}
	if (!language && channel === 'WHATSAPP') {
		throw new ParameterError(
			'Template Language',
			'a WhatsApp template needs its language',
			'Give the language the template was approved in, e.g. en or en_GB, or pick the template from the list.',
		);
	}
	const body: IDataObject = { type: 'TEXT' };
	(parameters.templatePlaceholders?.placeholder ?? []).forEach((placeholder, index) => {
		const field = `Template Placeholders → Name (placeholder ${index + 1})`;
		const key = asTrimmedText(field, placeholder.name);
		if (!key || key === 'type') {
			throw new ParameterError(
				field,
				key ? '"type" is taken by the body itself' : 'it is empty',
				'Give the placeholder as the template names it, e.g. 1 for {{1}}.',
			);
		}
		body[key] = asText(
			`Template Placeholders → Value (placeholder ${index + 1})`,
			placeholder.value,
		);
	});
	const extra = parseJsonObject('Template Content (JSON)', parameters.templateContentJson);
	const content: IDataObject = {
		...extra,
		body: { ...body, ...((extra.body as IDataObject) ?? {}) },
	};
	return {
		template: { templateName: name, ...(language ? { language } : {}) },
		content,
	};
}

/** A JSON object field: {} when empty, else the object; anything else is refused. */
export function parseJsonObject(field: string, raw: unknown): IDataObject {
	if (raw === undefined || raw === null || raw === '') return {};
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		let problem: string | undefined;
		try {
			value = JSON.parse(raw);
		} catch (error) {
			problem = (error as Error).message;
		}
		if (problem !== undefined) {
			throw new ParameterError(
				field,
				`it is not valid JSON (${shorten(problem)})`,
				'Give a JSON object, e.g. {"buttons": [{"type": "OPEN_URL", "suffix": "order/123"}]}.',
			);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new ParameterError(
			field,
			`${quote(value)} is not a JSON object`,
			'Give a JSON object in braces, e.g. {"expirationTime": "…"}.',
		);
	}
	return value as IDataObject;
}
