/**
 * Validation of Messages API requests: ajv against the hand-written schemas, then the rules the
 * schemas cannot express (Infobip's descriptions of failover, destinations, validity, schedule),
 * as `violations: [{property, violation}]` with paths like `messages[2].destinations[0].byChannel`.
 */
import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';

import { isInfobipDate, parseInfobipDate } from '../dates';
import { isRefusedDestination, REFUSED_DESTINATIONS } from '../numberRules';
import { toValidationErrors, fieldPath } from '../validation';
import {
	inboundInjectionSchema,
	type MessagesApiChannel,
	messagesApiEventRequestSchema,
	messagesApiInboundQuerySchema,
	messagesApiReportsQuerySchema,
	messagesApiRequestSchema,
	TEMPLATE_CHANNELS,
	type ValidityTimeUnit,
} from './schemas';
import type { TemplateCatalogue } from './templates';

export interface Violation {
	property: string;
	violation: string;
}

/** Unknown fields: Infobip's wording on `/validate` (spec example of its 200 answer). */
export const UNKNOWN_PROPERTY = 'Unknown property';

export const MIN_VALIDITY_MS = 10_000;
export const MAX_VALIDITY_MS = 48 * 3_600_000;
export const MAX_SCHEDULE_MS = 180 * 86_400_000;
export const MAX_MESSAGE_ID_LENGTH = 200;

const UNIT_MS: Record<ValidityTimeUnit, number> = {
	SECONDS: 1_000,
	MINUTES: 60_000,
	HOURS: 3_600_000,
};

export interface ValidityPeriod {
	amount: number;
	timeUnit?: ValidityTimeUnit;
}

/** Milliseconds of a validity period (time unit defaults to MINUTES, as the spec says). */
export const validityMsOf = (period: ValidityPeriod | undefined): number | undefined =>
	period === undefined ? undefined : period.amount * UNIT_MS[period.timeUnit ?? 'MINUTES'];

export interface ChannelDestination {
	channel: MessagesApiChannel;
	to: string;
	messageId?: string;
}
export interface Destination {
	to?: string;
	messageId?: string;
	byChannel?: ChannelDestination[];
}
export interface FailoverStep {
	channel: MessagesApiChannel;
	sender?: string;
	content?: Record<string, unknown>;
	template?: { templateName: string; language?: string };
	validityPeriod?: ValidityPeriod;
}
export interface MessagesApiMessage {
	channel: MessagesApiChannel;
	sender?: string;
	destinations: Destination[];
	content?: Record<string, unknown>;
	template?: { templateName: string; language?: string };
	options?: {
		validityPeriod?: ValidityPeriod;
		platform?: { entityId?: string; applicationId?: string };
		campaignReferenceId?: string;
	};
	webhooks?: {
		delivery?: {
			url?: string;
			intermediateReport?: boolean;
			receiveTriggeredFailoverReports?: boolean;
		};
		contentType?: string;
		callbackData?: string;
		seen?: { url?: string };
	};
	failover?: FailoverStep[];
}
export interface MessagesApiRequest {
	messages: MessagesApiMessage[];
	options?: {
		schedule?: { bulkId?: string; sendAt?: string };
		messageOrdering?: { respectOrder?: boolean; stopOnFailure?: boolean };
	};
}

export interface RequestCheck {
	/** Violations that refuse the request. */
	violations: Violation[];
	/** Unknown fields: reported by /validate, ignored by /messages (like Infobip). */
	skippableViolations: Violation[];
}

const HTTP_URL = /^https?:\/\/[^\s/]+\S*$/i;
const WEBHOOK_CONTENT_TYPES = ['application/json', 'application/xml'];

function newAjv(coerceTypes: boolean): Ajv {
	const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes, inlineRefs: false });
	ajv.addFormat('infobip-date-time', { type: 'string', validate: isInfobipDate });
	return ajv;
}

function split(errors: ErrorObject[] | null | undefined): RequestCheck {
	const unknown: Violation[] = [];
	const others: ErrorObject[] = [];
	for (const error of errors ?? []) {
		if (error.keyword === 'additionalProperties') {
			const child = String((error.params as { additionalProperty: string }).additionalProperty);
			unknown.push({ property: fieldPath(error.instancePath, child), violation: UNKNOWN_PROPERTY });
		} else others.push(error);
	}
	const violations = Object.entries(toValidationErrors(others)).flatMap(([property, messages]) =>
		messages.map((violation) => ({ property, violation })),
	);
	return { violations, skippableViolations: unknown };
}

/** The rules of the spec's descriptions that a JSON schema cannot hold. */
export function checkSemantics(
	request: MessagesApiRequest,
	now: number,
	templates: TemplateCatalogue,
	/** Parts with schema violations, which these rules skip: message indexes, and `options`. */
	skip: { messages: ReadonlySet<number>; options: boolean } = {
		messages: new Set(),
		options: false,
	},
): Violation[] {
	const violations: Violation[] = [];
	const add = (property: string, violation: string) => violations.push({ property, violation });
	const seenIds = new Map<string, string>();
	const useId = (id: string | undefined, property: string) => {
		if (id === undefined) return;
		const earlier = seenIds.get(id);
		if (earlier !== undefined)
			add(property, `must be unique within the request (also used at ${earlier})`);
		else seenIds.set(id, property);
	};
	const checkValidity = (period: ValidityPeriod | undefined, property: string) => {
		const ms = validityMsOf(period);
		if (ms !== undefined && ms < MIN_VALIDITY_MS) add(property, 'must be at least 10 seconds');
	};
	const checkTemplate = (
		channel: MessagesApiChannel,
		sender: string | undefined,
		template: { templateName: string; language?: string } | undefined,
		property: string,
	) => {
		if (!template) return;
		if (!TEMPLATE_CHANNELS.includes(channel)) {
			add(
				`${property}.channel`,
				`template messages are supported on ${TEMPLATE_CHANNELS.join(', ')} only`,
			);
		} else if (
			channel === 'WHATSAPP' &&
			sender !== undefined &&
			!templates.knows(sender, template)
		) {
			add(
				`${property}.template.templateName`,
				`no approved WhatsApp template "${template.templateName}"${template.language ? ` (${template.language})` : ''} for sender ${sender}`,
			);
		}
	};

	request.messages.forEach((message, m) => {
		if (skip.messages.has(m)) return;
		const at = `messages[${m}]`;
		const failover = message.failover ?? [];
		const channels = [message.channel, ...failover.map((step) => step.channel)];
		checkTemplate(message.channel, message.sender, message.template, at);
		checkValidity(message.options?.validityPeriod, `${at}.options.validityPeriod`);
		failover.forEach((step, f) => {
			const stepAt = `${at}.failover[${f}]`;
			if (step.channel === message.channel) {
				add(`${stepAt}.channel`, 'must differ from the channel of the message');
			} else if (failover.findIndex((other) => other.channel === step.channel) !== f) {
				add(`${stepAt}.channel`, 'must be unique: one failover step per channel');
			}
			checkTemplate(step.channel, step.sender, step.template, stepAt);
			checkValidity(step.validityPeriod, `${stepAt}.validityPeriod`);
		});
		const webhooks = message.webhooks;
		if (
			webhooks?.contentType !== undefined &&
			!WEBHOOK_CONTENT_TYPES.includes(webhooks.contentType)
		) {
			add(`${at}.webhooks.contentType`, `must be one of: ${WEBHOOK_CONTENT_TYPES.join(', ')}`);
		}
		if (webhooks?.delivery?.url !== undefined && !HTTP_URL.test(webhooks.delivery.url)) {
			add(`${at}.webhooks.delivery.url`, 'must be an http or https URL');
		}
		if (webhooks?.seen?.url !== undefined && !HTTP_URL.test(webhooks.seen.url)) {
			add(`${at}.webhooks.seen.url`, 'must be an http or https URL');
		}
		message.destinations.forEach((destination, d) => {
			const destinationAt = `${at}.destinations[${d}]`;
			useId(destination.messageId, `${destinationAt}.messageId`);
			if (destination.byChannel === undefined) {
				if (failover.length > 0) {
					add(
						`${destinationAt}.byChannel`,
						'must not be null: failover needs a Channels Destination (byChannel)',
					);
				}
				if (isRefusedDestination(destination.to))
					add(`${destinationAt}.to`, REFUSED_DESTINATIONS.message);
				return;
			}
			const byChannel = destination.byChannel;
			for (const channel of channels) {
				const count = byChannel.filter((entry) => entry.channel === channel).length;
				if (count === 0)
					add(`${destinationAt}.byChannel`, `must contain an entry for channel ${channel}`);
				if (count > 1)
					add(
						`${destinationAt}.byChannel`,
						`must contain one entry per channel (${channel} appears ${count} times)`,
					);
			}
			byChannel.forEach((entry, c) => {
				const entryAt = `${destinationAt}.byChannel[${c}]`;
				if (!channels.includes(entry.channel)) {
					add(
						`${entryAt}.channel`,
						'must be the channel of the message or of one of its failover steps',
					);
				}
				// Deprecated per-channel ids: the same id on several entries of one destination is one message.
				const firstWithId = byChannel.findIndex((other) => other.messageId === entry.messageId);
				if (destination.messageId === undefined && firstWithId === c) {
					useId(entry.messageId, `${entryAt}.messageId`);
				}
				if (isRefusedDestination(entry.to)) add(`${entryAt}.to`, REFUSED_DESTINATIONS.message);
			});
		});
	});
	const sendAt = skip.options ? undefined : request.options?.schedule?.sendAt;
	if (sendAt !== undefined) {
		const at = parseInfobipDate(sendAt);
		if (at !== undefined && at - now > MAX_SCHEDULE_MS) {
			add('options.schedule.sendAt', 'must be no later than 180 days from now');
		}
	}
	return violations;
}

export interface MessagesApiValidators {
	request(body: unknown, now: number): RequestCheck & { value?: MessagesApiRequest };
	reportsQuery(query: unknown): { value?: Record<string, unknown>; violations: Violation[] };
	inboundQuery(query: unknown): { value?: Record<string, unknown>; violations: Violation[] };
	inboundInjection(body: unknown): { value?: Record<string, unknown>; violations: Violation[] };
	/** POST /messages-api/1/events; unknown fields refuse here (no /validate for events). */
	events(body: unknown): { value?: Record<string, unknown>; violations: Violation[] };
}

function queryValidator(validate: ValidateFunction, copy: boolean) {
	return (data: unknown) => {
		const value = copy && data && typeof data === 'object' ? { ...(data as object) } : data;
		if (validate(value)) return { value: value as Record<string, unknown>, violations: [] };
		const { violations, skippableViolations } = split(validate.errors);
		return { violations: [...violations, ...skippableViolations] };
	};
}

/** Compiles every schema once (at sandbox start). */
export function createMessagesApiValidators(templates: TemplateCatalogue): MessagesApiValidators {
	const bodies = newAjv(false);
	const queries = newAjv(true);
	const compile = (ajv: Ajv, schema: SchemaObject) => ajv.compile(schema);
	const request = compile(bodies, messagesApiRequestSchema);
	return {
		request(body, now) {
			const check: RequestCheck = request(body)
				? { violations: [], skippableViolations: [] }
				: split(request.errors);
			const value = body as MessagesApiRequest;
			// The rules beyond the schema also run, on the messages the schema found sound.
			const skip = { messages: new Set<number>(), options: false };
			for (const { property } of check.violations) {
				const message = /^messages\[(\d+)\]/.exec(property);
				if (message) skip.messages.add(Number(message[1]));
				else if (property.startsWith('options')) skip.options = true;
				else return check;
			}
			const violations = [...check.violations, ...checkSemantics(value, now, templates, skip)];
			return violations.length > 0 ? { ...check, violations } : { ...check, violations, value };
		},
		reportsQuery: queryValidator(compile(queries, messagesApiReportsQuerySchema), true),
		inboundQuery: queryValidator(compile(queries, messagesApiInboundQuerySchema), true),
		inboundInjection: queryValidator(compile(bodies, inboundInjectionSchema), false),
		events: queryValidator(compile(bodies, messagesApiEventRequestSchema), false),
	};
}
