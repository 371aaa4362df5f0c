/**
 * The HTTP face of the Messages API: `/messages-api/1/...`, the WhatsApp template list under
 * `/whatsapp/2/...` and the admin routes under `/__sandbox/messages-api/...`.
 */
import { randomUUID } from 'node:crypto';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { SandboxAccount } from '../accounts';
import type { SandboxCore } from '../core';
import { apiError } from './envelopes';
import type { InboundFilter, InboundInjection, ReportsFilter } from './service';
import { MESSAGES_API_ACCEPTED } from './simulation';
import type { Violation } from './validation';

export interface MessagesApiRouteContext {
	/** Records the authenticated account on the request (request log, handlers). */
	setAccount(request: FastifyRequest, account: SandboxAccount): void;
	accountOf(request: FastifyRequest): SandboxAccount | undefined;
	/** Destination indexes a `rejectDestinations` drill picked for this request. */
	rejectIndexesOf(request: FastifyRequest): ReadonlySet<number> | undefined;
}

const sendApiError = (reply: FastifyReply, status: number, violations: Violation[] = []) =>
	reply.code(status).type('application/json').send(apiError(status, violations));

/** Registers the Messages API and the WhatsApp template list (authenticated like OMNI). */
export function registerMessagesApi(
	app: FastifyInstance,
	core: SandboxCore,
	context: MessagesApiRouteContext,
): void {
	const authenticated = async (api: FastifyInstance) => {
		api.addHook('preHandler', async (request, reply) => {
			const account = core.authenticate(request.headers.authorization);
			if (!account) return sendApiError(reply, 401);
			context.setAccount(request, account);
			return undefined;
		});
	};
	const accountOf = (request: FastifyRequest): SandboxAccount => {
		const account = context.accountOf(request);
		if (!account) throw Object.assign(new Error('no account'), { statusCode: 401 });
		return account;
	};
	const service = core.messagesApi;

	app.register(
		async (api) => {
			await authenticated(api);

			api.post('/messages', async (request, reply) => {
				const account = accountOf(request);
				const check = service.validators.request(request.body, core.clock.now());
				if (check.violations.length > 0 || !check.value)
					return sendApiError(reply, 400, check.violations);
				return service.simulator.accept(account.id, core.stateOf(account.id), check.value, {
					rejectIndexes: context.rejectIndexesOf(request),
				});
			});

			// Shapes of the spec's ValidationOkResponse / ValidationBadResponse examples.
			api.post('/messages/validate', async (request, reply) => {
				const account = accountOf(request);
				if (!core.admit(account.id, 'validateMessages')) return sendApiError(reply, 429);
				const check = service.validators.request(request.body, core.clock.now());
				if (check.violations.length > 0) {
					return reply.code(400).send({
						description: 'Request cannot be processed.',
						action: 'Check the syntax, violations and adjust the request.',
						violations: check.violations,
						skippableViolations: check.skippableViolations,
					});
				}
				return {
					description:
						"Request can be sent through '/messages' endpoint and should be accepted by our platform.",
					action:
						check.skippableViolations.length > 0
							? 'No action is required, but it is recommended to check and address any violations.'
							: 'No action is required.',
					skippableViolations: check.skippableViolations,
				};
			});

			// Typing and seen events: accepted and answered like a send; nothing is simulated.
			api.post('/events', async (request, reply) => {
				const checked = service.validators.events(request.body);
				if (!checked.value) return sendApiError(reply, 400, checked.violations);
				const events = checked.value.events as Array<{
					messageId?: string;
					destinations: Array<{ to: string; messageId?: string }>;
				}>;
				return {
					bulkId: randomUUID(),
					messages: events.flatMap((event) =>
						event.destinations.map((destination) => ({
							messageId: destination.messageId ?? event.messageId ?? randomUUID(),
							status: { ...MESSAGES_API_ACCEPTED },
							destination: destination.to,
						})),
					),
				};
			});

			api.get('/reports', async (request, reply) => {
				const account = accountOf(request);
				const query = service.validators.reportsQuery(request.query);
				if (!query.value) return sendApiError(reply, 400, query.violations);
				return {
					results: service.takeReports(core.stateOf(account.id), query.value as ReportsFilter),
				};
			});

			api.get('/inbound', async (request, reply) => {
				const account = accountOf(request);
				const query = service.validators.inboundQuery(request.query);
				if (!query.value) return sendApiError(reply, 400, query.violations);
				return service.takeInbound(
					core.stateOf(account.id),
					query.value as unknown as InboundFilter,
				);
			});
		},
		{ prefix: '/messages-api/1' },
	);

	// Not in the shared specs: https://www.infobip.com/docs/api/channels/whatsapp/whatsapp-templates-management/get-whatsapp-templates
	app.register(
		async (api) => {
			await authenticated(api);
			api.get<{ Params: { sender: string } }>(
				'/senders/:sender/templates',
				async (request, reply) => {
					const templates = service.templates.list(request.params.sender);
					if (!templates) {
						return sendApiError(reply, 404, [
							{ property: 'sender', violation: `unknown WhatsApp sender ${request.params.sender}` },
						]);
					}
					return { templates };
				},
			);
		},
		{ prefix: '/whatsapp/2' },
	);
}

/** Admin routes (no authorization, never drilled): inbound injection, inbound URL, state. */
export function registerMessagesApiAdmin(admin: FastifyInstance, core: SandboxCore): void {
	const accountIdOf = (id: unknown) =>
		typeof id === 'string' ? id : (core.accounts[0]?.id ?? 'default');
	const badRequest = (reply: FastifyReply, violations: Violation[]) =>
		sendApiError(reply, 400, violations);

	admin.post('/messages-api/inbound', async (request, reply) => {
		const body = (request.body ?? {}) as InboundInjection;
		const accountId = accountIdOf(body.accountId);
		if (!core.accounts.some((account) => account.id === accountId)) {
			return badRequest(reply, [
				{ property: 'accountId', violation: `unknown account ${accountId}` },
			]);
		}
		const result = await core.messagesApi.inject(accountId, core.stateOf(accountId), body);
		if (!result.event) return badRequest(reply, result.violations);
		return reply.code(201).send({ event: result.event });
	});

	admin.put('/messages-api/inbound-url', async (request, reply) => {
		const body = (request.body ?? {}) as { url?: unknown; accountId?: unknown };
		const accountId = accountIdOf(body.accountId);
		if (
			body.url !== null &&
			(typeof body.url !== 'string' || !/^https?:\/\/\S+$/i.test(body.url))
		) {
			return badRequest(reply, [
				{ property: 'url', violation: 'must be an http or https URL, or null' },
			]);
		}
		const state = core.stateOf(accountId).messagesApi;
		state.inboundUrl = body.url === null ? '' : body.url;
		return { accountId, url: core.messagesApi.inboundUrlOf(core.stateOf(accountId)) ?? null };
	});

	admin.get<{ Querystring: { accountId?: string } }>('/messages-api/messages', async (request) => ({
		messages: core.accounts
			.filter((account) => !request.query.accountId || account.id === request.query.accountId)
			.flatMap((account) => core.stateOf(account.id).messagesApi.records),
	}));

	admin.get('/messages-api/accepted', async () => ({
		total: core.messagesApiAcceptedCount(),
		byAccount: Object.fromEntries(
			core.accounts.map((account) => [account.id, core.messagesApiAcceptedCount(account.id)]),
		),
	}));
}
