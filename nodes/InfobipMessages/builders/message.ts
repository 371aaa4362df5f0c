import type { IDataObject } from 'n8n-workflow';

import { isParameterError, ParameterError } from '../../InfobipOmni/builders/parameterError';
import { normalizePhoneNumber, splitList } from '../../InfobipOmni/builders/recipients';
import {
	asText,
	asTrimmedText,
	checkHttpUrl,
	quote,
	shorten,
} from '../../InfobipOmni/builders/values';
import { LIMITS } from '../../InfobipOmni/limits';
import { channelInfo, channelLabel, isMessagesChannel, MESSAGES_CHANNELS } from '../channels';
import {
	buildContent,
	buildTemplate,
	type ContentParameters,
	type TemplateParameters,
} from './content';

/**
 * One `messages[]` entry of `POST /messages-api/1/messages`
 * (https://www.infobip.com/docs/api/platform/messages-api/message/send-messages-api-message)
 * from one item's parameters. Pure: every refusal is a ParameterError naming the field and the fix.
 */

export interface StepParameters {
	channel?: unknown;
	sender?: unknown;
	to?: unknown;
	text?: unknown;
	templateName?: unknown;
	templateLanguage?: unknown;
	validityPeriod?: unknown;
	validityPeriodTimeUnit?: unknown;
}

/** The per-message part of the Options collection. */
export interface MessageOptionParameters {
	messageId?: unknown;
	validityPeriod?: unknown;
	validityPeriodTimeUnit?: unknown;
	deliveryDays?: unknown;
	deliveryFrom?: unknown;
	deliveryTo?: unknown;
	indiaDltPrincipalEntityId?: unknown;
	indiaDltContentTemplateId?: unknown;
	indiaDltTelemarketerId?: unknown;
	turkeyIysRecipientType?: unknown;
	turkeyIysBrandCode?: unknown;
	southKoreaResellerCode?: unknown;
	trafficType?: unknown;
	campaignReferenceId?: unknown;
	entityId?: unknown;
	applicationId?: unknown;
	deliveryUrl?: unknown;
	intermediateReport?: unknown;
	receiveTriggeredFailoverReports?: unknown;
	seenUrl?: unknown;
	contentType?: unknown;
	callbackData?: unknown;
	templateContentJson?: unknown;
}

export interface MessageParameters extends ContentParameters, TemplateParameters {
	channel?: unknown;
	sender?: unknown;
	to?: unknown;
	messageType?: unknown;
	failover?: { steps?: StepParameters[] };
	options?: MessageOptionParameters;
}

/** A destination as the pipeline tracks it: its message ID and the main channel's address. */
export interface MessagesDestination {
	messageId?: string;
	to: string;
}

export interface BuiltMessage {
	channel: string;
	/** The `messages[]` entry, destinations included. */
	entry: IDataObject;
	destinations: MessagesDestination[];
}

const stepLabel = (index: number, channel: string) =>
	`Failover Step ${index + 1} (${channelLabel(channel)})`;

/** The channel of a Channel field, refused when the Messages API does not send on it. */
export function checkMessagesChannel(field: string, raw: unknown): string {
	const channel = asTrimmedText(field, raw);
	if (!isMessagesChannel(channel)) {
		throw new ParameterError(
			field,
			channel ? `${quote(channel)} is not a Messages API channel` : 'no channel is given',
			`Use one of ${MESSAGES_CHANNELS.join(', ')}.`,
		);
	}
	return channel;
}

/** Addresses of one To field: phone numbers normalised as the OMNI node does, IDs as given. */
export function addressesOf(field: string, raw: unknown, channel: string): string[] {
	const addresses = splitList(raw, field);
	if (channelInfo(channel)?.address !== 'phone') return addresses;
	return addresses.map((address) => {
		let refused: unknown;
		try {
			return normalizePhoneNumber(address);
		} catch (error) {
			refused = error;
		}
		// The OMNI check names its own field ("Phone Numbers"): told again under this one.
		throw isParameterError(refused)
			? new ParameterError(field, refused.problem, refused.fix)
			: refused;
	});
}

/** `{amount, timeUnit}` within the Messages API's 10 seconds to 48 hours. */
export function buildValidityPeriod(
	field: string,
	rawAmount: unknown,
	rawUnit: unknown,
): IDataObject | undefined {
	const amountText =
		typeof rawAmount === 'number' ? String(rawAmount) : asTrimmedText(field, rawAmount);
	if (amountText === '' || amountText === '0') return undefined;
	const amount = Number(amountText);
	const unit = asTrimmedText(`${field} Unit`, rawUnit ?? 'MINUTES') || 'MINUTES';
	const units = LIMITS.messagesApi.validityUnits as Record<string, number>;
	const { minSeconds, maxSeconds } = LIMITS.messagesApi.validity;
	if (!Number.isInteger(amount) || amount < 0 || !units[unit]) {
		throw new ParameterError(
			field,
			`${shorten(amountText)} ${shorten(unit)} is not a validity period`,
			`Give a whole number of ${Object.keys(units).join(', ')}.`,
		);
	}
	const seconds = amount * units[unit];
	if (seconds < minSeconds || seconds > maxSeconds) {
		throw new ParameterError(
			field,
			`${amount} ${unit} is outside Infobip's limits`,
			`Give at least ${minSeconds} seconds and at most ${maxSeconds / 3600} hours.`,
		);
	}
	return { amount, timeUnit: unit };
}

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function timeOfDay(field: string, raw: unknown): IDataObject | undefined {
	const text = asTrimmedText(field, raw);
	if (!text) return undefined;
	const match = /^(\d{1,2}):(\d{2})$/.exec(text);
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
		throw new ParameterError(
			field,
			`${quote(text)} is not a time of day`,
			'Give the time in UTC as HH:MM, e.g. 09:30.',
		);
	}
	return { hour: Number(match[1]), minute: Number(match[2]) };
}

function deliveryTimeWindow(options: MessageOptionParameters): IDataObject | undefined {
	const rawDays = options.deliveryDays;
	const days = (Array.isArray(rawDays) ? rawDays : splitList(rawDays, 'Delivery Days')).map((day) =>
		asTrimmedText('Delivery Days', day).toUpperCase(),
	);
	const from = timeOfDay('Delivery From (UTC)', options.deliveryFrom);
	const to = timeOfDay('Delivery To (UTC)', options.deliveryTo);
	if (days.length === 0) {
		if (from || to) {
			throw new ParameterError(
				'Delivery Days',
				'a delivery time window needs at least one day',
				'Pick the days the window applies to, e.g. Monday to Friday.',
			);
		}
		return undefined;
	}
	const unknown = days.find((day) => !DAYS.includes(day));
	if (unknown) {
		throw new ParameterError(
			'Delivery Days',
			`${quote(unknown)} is not a day`,
			`Use ${DAYS.join(', ')}.`,
		);
	}
	if ((from === undefined) !== (to === undefined)) {
		throw new ParameterError(
			from ? 'Delivery To (UTC)' : 'Delivery From (UTC)',
			'only one end of the window is given',
			'Give both Delivery From and Delivery To, or neither (the whole day).',
		);
	}
	return { days, ...(from ? { from, to } : {}) };
}

function integerOption(field: string, raw: unknown, digits?: number): number | undefined {
	const text = typeof raw === 'number' ? String(raw) : asTrimmedText(field, raw);
	if (text === '') return undefined;
	if (!/^\d+$/.test(text) || (digits !== undefined && text.length !== digits)) {
		throw new ParameterError(
			field,
			`${quote(text)} is not ${digits ? `a ${digits}-digit number` : 'a whole number'}`,
			digits ? `Give the ${digits}-digit code.` : 'Give a whole number.',
		);
	}
	return Number(text);
}

function regional(options: MessageOptionParameters): IDataObject | undefined {
	const text = (field: string, raw: unknown) => asTrimmedText(field, raw);
	const result: IDataObject = {};
	const principalEntityId = text(
		'India DLT Principal Entity ID',
		options.indiaDltPrincipalEntityId,
	);
	const contentTemplateId = text(
		'India DLT Content Template ID',
		options.indiaDltContentTemplateId,
	);
	const telemarketerId = text('India DLT Telemarketer ID', options.indiaDltTelemarketerId);
	if (principalEntityId || contentTemplateId || telemarketerId) {
		if (!principalEntityId) {
			throw new ParameterError(
				'India DLT Principal Entity ID',
				'it is empty while other India DLT fields are given',
				'Give your DLT principal entity ID: Infobip requires it whenever India DLT is used.',
			);
		}
		result.indiaDlt = {
			...(contentTemplateId ? { contentTemplateId } : {}),
			principalEntityId,
			...(telemarketerId ? { telemarketerId } : {}),
		};
	}
	const recipientType = text('Turkey IYS Recipient Type', options.turkeyIysRecipientType);
	const brandCode = integerOption('Turkey IYS Brand Code', options.turkeyIysBrandCode);
	if (recipientType || brandCode !== undefined) {
		if (!['BIREYSEL', 'TACIR'].includes(recipientType)) {
			throw new ParameterError(
				'Turkey IYS Recipient Type',
				recipientType
					? `${quote(recipientType)} is not a recipient type`
					: 'it is empty while a brand code is given',
				'Use BIREYSEL (individual) or TACIR (merchant).',
			);
		}
		result.turkeyIys = { ...(brandCode !== undefined ? { brandCode } : {}), recipientType };
	}
	const resellerCode = integerOption(
		'South Korea Reseller Code',
		options.southKoreaResellerCode,
		9,
	);
	if (resellerCode !== undefined) result.southKorea = { resellerCode };
	return Object.keys(result).length ? result : undefined;
}

function limited(field: string, raw: unknown, max: number): string {
	const value = asTrimmedText(field, raw);
	if (value.length > max) {
		throw new ParameterError(
			field,
			`it has ${value.length} characters, more than Infobip's ${max}`,
			`Shorten it to at most ${max} characters.`,
		);
	}
	return value;
}

/** `options` of one message: validity, delivery window, regional, traffic type, campaign, platform. */
export function buildMessageOptions(options: MessageOptionParameters): IDataObject {
	const result: IDataObject = {};
	const entityId = limited('Entity ID', options.entityId, LIMITS.messagesApi.platformIdMaxLength);
	const applicationId = limited(
		'Application ID',
		options.applicationId,
		LIMITS.messagesApi.platformIdMaxLength,
	);
	if (entityId || applicationId) {
		result.platform = {
			...(entityId ? { entityId } : {}),
			...(applicationId ? { applicationId } : {}),
		};
	}
	const validity = buildValidityPeriod(
		'Validity Period',
		options.validityPeriod,
		options.validityPeriodTimeUnit,
	);
	if (validity) result.validityPeriod = validity;
	const window = deliveryTimeWindow(options);
	if (window) result.deliveryTimeWindow = window;
	const regionalOptions = regional(options);
	if (regionalOptions) result.regional = regionalOptions;
	const campaignReferenceId = asTrimmedText('Campaign Reference ID', options.campaignReferenceId);
	if (campaignReferenceId) result.campaignReferenceId = campaignReferenceId;
	const trafficType = asTrimmedText('Traffic Type', options.trafficType);
	if (trafficType) {
		if (!['PROMOTIONAL', 'TRANSACTIONAL'].includes(trafficType)) {
			throw new ParameterError(
				'Traffic Type',
				`${quote(trafficType)} is not a traffic type`,
				'Use PROMOTIONAL or TRANSACTIONAL.',
			);
		}
		result.trafficType = trafficType;
	}
	return result;
}

const CONTENT_TYPES = ['application/json', 'application/xml'];
const WEBHOOK_FIX =
	"Paste the Production URL of an Infobip OMNI Trigger node (or your own endpoint's URL), e.g. https://n8n.example.com/webhook/….";

/** `webhooks` of one message: delivery and seen URLs, content type, callback data. */
export function buildWebhooks(options: MessageOptionParameters): IDataObject {
	const result: IDataObject = {};
	const delivery: IDataObject = {};
	const deliveryUrl = asTrimmedText('Delivery URL', options.deliveryUrl);
	if (deliveryUrl) delivery.url = checkHttpUrl('Delivery URL', deliveryUrl, WEBHOOK_FIX);
	if (options.intermediateReport === true) delivery.intermediateReport = true;
	if (options.receiveTriggeredFailoverReports === true)
		delivery.receiveTriggeredFailoverReports = true;
	if (Object.keys(delivery).length) result.delivery = delivery;
	const contentType = asTrimmedText('Content Type', options.contentType);
	if (contentType) {
		if (!CONTENT_TYPES.includes(contentType)) {
			throw new ParameterError(
				'Content Type',
				`${quote(contentType)} is not supported`,
				`Use ${CONTENT_TYPES.join(' or ')}.`,
			);
		}
		result.contentType = contentType;
	}
	const raw = options.callbackData;
	if (raw !== undefined && raw !== null && !(typeof raw === 'string' && raw.trim() === '')) {
		const callbackData =
			typeof raw === 'object' ? JSON.stringify(raw) : asText('Callback Data', raw);
		const max = LIMITS.messagesApi.callbackDataMaxLength;
		if (callbackData.length > max) {
			throw new ParameterError(
				'Callback Data',
				`it has ${callbackData.length} characters, more than Infobip's ${max}`,
				'Send a shorter value, e.g. an ID to look the rest up by.',
			);
		}
		result.callbackData = callbackData;
	}
	const seenUrl = asTrimmedText('Seen URL', options.seenUrl);
	if (seenUrl) result.seen = { url: checkHttpUrl('Seen URL', seenUrl, WEBHOOK_FIX) };
	return result;
}

interface BuiltStep {
	channel: string;
	step: IDataObject;
	/** One address per main address. */
	addresses: string[];
}

function buildStep(
	raw: StepParameters,
	index: number,
	main: { channel: string; addresses: string[] },
	seen: Set<string>,
): BuiltStep {
	const channel = checkMessagesChannel(`Failover Step ${index + 1} → Channel`, raw.channel);
	const label = stepLabel(index, channel);
	if (channel === main.channel) {
		throw new ParameterError(
			`${label} → Channel`,
			`it is the main channel (${channelLabel(channel)})`,
			'Fail over to another channel: Infobip takes each channel once, the main one included.',
		);
	}
	if (seen.has(channel)) {
		throw new ParameterError(
			`${label} → Channel`,
			`${channelLabel(channel)} is already an earlier failover step`,
			'Give each channel one step: Infobip takes each channel once.',
		);
	}
	seen.add(channel);
	const info = channelInfo(channel);
	const sender = asTrimmedText(`${label} → Sender`, raw.sender);
	if (!sender && info?.senderRequired) {
		throw new ParameterError(
			`${label} → Sender`,
			'it is empty',
			`Give the step's ${info.sender}, ${info.senderPlaceholder}.`,
		);
	}
	let addresses = addressesOf(`${label} → To`, raw.to, channel);
	if (addresses.length === 0) {
		if (info?.address !== 'phone' || channelInfo(main.channel)?.address !== 'phone') {
			throw new ParameterError(
				`${label} → To`,
				`it is empty, and the main To holds ${channelInfo(main.channel)?.recipient ?? 'addresses'} of ${channelLabel(main.channel)}, not ${info?.recipient ?? 'addresses'} of ${channelLabel(channel)}`,
				`Give the step's recipient, e.g. {{ $json.phone }}; only a step between phone-number channels may leave To empty.`,
			);
		}
		addresses = main.addresses;
	} else if (addresses.length !== main.addresses.length) {
		throw new ParameterError(
			`${label} → To`,
			`it has ${addresses.length} address${addresses.length === 1 ? '' : 'es'}, the main To ${main.addresses.length}`,
			'Give one address per main recipient, in the same order (or leave it empty between phone-number channels).',
		);
	}
	const text = asText(`${label} → Text`, raw.text);
	const templateLocator = raw.templateName;
	const templateName = asTrimmedText(
		`${label} → Template`,
		typeof templateLocator === 'object' && templateLocator !== null
			? (templateLocator as IDataObject).value
			: templateLocator,
	);
	if (text.trim() && templateName) {
		throw new ParameterError(
			`${label} → Template`,
			'both a text and a template are given',
			'Give the step either its own Text or a Template, not both.',
		);
	}
	const step: IDataObject = { channel, ...(sender ? { sender } : {}) };
	if (templateName && !info?.templates) {
		throw new ParameterError(
			`${label} → Template`,
			`${channelLabel(channel)} does not take template messages`,
			'Give the step a Text instead, or use a channel with templates: Apple Messages for Business, RCS, Viber Business Messages or WhatsApp.',
		);
	}
	if (templateName) {
		const built = buildTemplate({ templateName, templateLanguage: raw.templateLanguage }, channel);
		step.template = built.template;
	} else if (text.trim()) {
		step.content = { body: { type: 'TEXT', text } };
	}
	const validity = buildValidityPeriod(
		`${label} → Validity Period`,
		raw.validityPeriod,
		raw.validityPeriodTimeUnit,
	);
	if (validity) step.validityPeriod = validity;
	return { channel, step, addresses };
}

/** Where the prefix of a Template refusal sits when it comes from a failover step (see buildStep). */
function relabel(error: unknown, label: string): never {
	if (isParameterError(error) && !error.field.startsWith('Failover')) {
		throw new ParameterError(`${label} → ${error.field}`, error.problem, error.fix);
	}
	throw error;
}

/**
 * The item's `messages[]` entry: channel, sender, destinations (`{to}` each, or `{byChannel}` with
 * failover), template or content, options, webhooks, failover.
 */
export function buildMessage(
	parameters: MessageParameters,
	messageIdFor: (destinationIndex: number) => string | undefined,
): BuiltMessage {
	const channel = checkMessagesChannel('Channel', parameters.channel ?? 'MESSENGER');
	const info = channelInfo(channel);
	const sender = asTrimmedText('Sender', parameters.sender);
	if (!sender && info?.senderRequired) {
		throw new ParameterError(
			'Sender',
			'it is empty',
			`Give the ${info.sender} you send from, ${info.senderPlaceholder}.`,
		);
	}
	const addresses = addressesOf('To', parameters.to, channel);
	if (addresses.length === 0) {
		throw new ParameterError(
			'To',
			'no recipient is given',
			`Give the ${info?.recipient ?? 'address'} on ${channelLabel(channel)}, e.g. {{ $json.${info?.address === 'phone' ? 'phone' : 'userId'} }}.`,
		);
	}
	const seen = new Set<string>();
	const steps = (parameters.failover?.steps ?? []).map((step, index) => {
		try {
			return buildStep(step, index, { channel, addresses }, seen);
		} catch (error) {
			return relabel(error, stepLabel(index, asTrimmedText('Channel', step.channel)));
		}
	});

	const options = parameters.options ?? {};
	const destinations: MessagesDestination[] = addresses.map((to, index) => {
		const messageId = messageIdFor(index);
		if (messageId !== undefined && messageId.length > LIMITS.messagesApi.messageIdMaxLength) {
			throw new ParameterError(
				'Message ID',
				`"${shorten(messageId)}" has ${messageId.length} characters, more than Infobip's ${LIMITS.messagesApi.messageIdMaxLength}`,
				'Give a shorter Message ID.',
			);
		}
		return messageId === undefined ? { to } : { messageId, to };
	});
	const entryDestinations = destinations.map(({ messageId, to }, index) => {
		const id = messageId === undefined ? {} : { messageId };
		if (steps.length === 0) return { to, ...id };
		return {
			byChannel: [
				{ channel, to },
				...steps.map((step) => ({ channel: step.channel, to: step.addresses[index] })),
			],
			...id,
		};
	});

	const messageType =
		asTrimmedText('Message Type', parameters.messageType ?? 'content') || 'content';
	if (messageType !== 'content' && messageType !== 'template') {
		throw new ParameterError(
			'Message Type',
			`${quote(messageType)} is not a message type`,
			'Use content or template.',
		);
	}
	const body =
		messageType === 'template'
			? buildTemplate({ ...parameters, templateContentJson: options.templateContentJson }, channel)
			: { content: buildContent(parameters, channel) };
	const messageOptions = buildMessageOptions(options);
	const webhooks = buildWebhooks(options);
	const entry: IDataObject = {
		channel,
		...(sender ? { sender } : {}),
		destinations: entryDestinations,
		...body,
		...(Object.keys(messageOptions).length ? { options: messageOptions } : {}),
		...(Object.keys(webhooks).length ? { webhooks } : {}),
		...(steps.length ? { failover: steps.map((step) => step.step) } : {}),
	};
	return { channel, entry, destinations };
}
