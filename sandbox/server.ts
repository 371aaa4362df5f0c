/**
 * The HTTP face of the sandbox: Infobip's OMNI endpoints under /omni/1, the Messages API under
 * /messages-api/1 (messagesApi/routes.ts) and the admin API under /__sandbox.
 */
import Fastify, {
	type FastifyError,
	type FastifyInstance,
	type FastifyReply,
	type FastifyRequest,
} from 'fastify';

import type { SandboxAccount } from './accounts';
import type { LoggedRequest, SandboxCore } from './core';
import { parseInfobipDate } from './dates';
import { type Drill, MALFORMED_JSON } from './drills';
import { envelopeForStatus, gatewayHtml, type ValidationErrors } from './envelopes';
import { apiError, isApiErrorPath, MESSAGES_API_MALFORMED_JSON } from './messagesApi/envelopes';
import { registerMessagesApi, registerMessagesApiAdmin } from './messagesApi/routes';
import { serialiseReports } from './push';
import { findLogs, type LogsQuery, type ReportsQuery, splitList, takeReports } from './reports';
import { sleep } from './realTimers';
import {
	copyScenario,
	createScenario,
	defaultScenario,
	findScenario,
	listScenarios,
	replaceScenario,
	type ScenarioInput,
} from './scenarios';
import { checkSendSemantics, type SendRequest } from './simulation';
import { toXml } from './xml';

export const ADMIN_PREFIX = '/__sandbox';

interface RequestContext {
	entry?: LoggedRequest;
	account?: SandboxAccount;
	rejectIndexes?: Set<number>;
}

const pathOf = (url: string): string => url.split('?')[0];

function sendError(
	reply: FastifyReply,
	statusCode: number,
	text?: string,
	errors?: ValidationErrors,
) {
	const envelope = envelopeForStatus(statusCode, text);
	if (errors) envelope.requestError.serviceException.validationErrors = errors;
	return reply.code(statusCode).type('application/json').send(envelope);
}

const badRequest = (reply: FastifyReply, errors: ValidationErrors) =>
	sendError(reply, 400, undefined, errors);

/** Whether the client asked for XML rather than JSON. */
const wantsXml = (request: FastifyRequest): boolean => {
	const accept = request.headers.accept ?? '';
	return accept.includes('application/xml') && !accept.includes('application/json');
};

export function buildServer(core: SandboxCore): {
	app: FastifyInstance;
	closeHungConnections(): void;
} {
	// 16 MiB: Infobip states no limit on messages[] per request, so large personalised batches must fit.
	const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 16 * 1024 * 1024 });
	const contexts = new WeakMap<FastifyRequest, RequestContext>();
	const hung = new Set<{ destroy(): void }>();
	const contextOf = (request: FastifyRequest): RequestContext => {
		let context = contexts.get(request);
		if (!context) {
			context = {};
			contexts.set(request, context);
		}
		return context;
	};
	const isAdmin = (request: FastifyRequest) => request.url.startsWith(ADMIN_PREFIX);

	app.addHook('onRequest', async (request) => {
		if (isAdmin(request)) return;
		const entry = core.logRequest({
			method: request.method,
			url: request.url,
			path: pathOf(request.url),
			headers: { ...request.headers },
		});
		if (entry) contextOf(request).entry = entry;
	});

	app.addHook('onResponse', async (request, reply) => {
		const entry = contexts.get(request)?.entry;
		if (entry) entry.status = reply.statusCode;
	});

	// Drills and latency act before authentication, like a gateway in front of Infobip.
	app.addHook('preHandler', async (request, reply) => {
		if (isAdmin(request)) return;
		const context = contextOf(request);
		if (context.entry) context.entry.body = request.body;
		if (core.latencyMs > 0) await sleep(core.latencyMs);
		const drill = core.drills.take(request.method, pathOf(request.url));
		if (!drill) return;
		if (context.entry) context.entry.drill = drill.kind;
		if (drill.headers) reply.headers(drill.headers);
		switch (drill.kind) {
			case 'latency':
				await sleep(drill.ms);
				return;
			case 'status':
				if (drill.retryAfterSeconds !== undefined)
					reply.header('retry-after', String(drill.retryAfterSeconds));
				if (drill.html)
					return reply.code(drill.status).type('text/html').send(gatewayHtml(drill.status));
				return reply
					.code(drill.status)
					.type('application/json')
					.send(
						isApiErrorPath(pathOf(request.url))
							? apiError(drill.status)
							: envelopeForStatus(drill.status),
					);
			case 'malformedJson':
				return reply
					.code(200)
					.type('application/json')
					.send(isApiErrorPath(pathOf(request.url)) ? MESSAGES_API_MALFORMED_JSON : MALFORMED_JSON);
			case 'reset':
				reply.hijack();
				request.raw.socket.destroy();
				return reply;
			case 'hang': {
				reply.hijack();
				const socket = request.raw.socket;
				hung.add(socket);
				socket.once('close', () => hung.delete(socket));
				return reply;
			}
			case 'rejectDestinations':
				context.rejectIndexes = new Set(drill.destinations ?? [0]);
				return;
			case 'headers':
				return;
		}
	});

	app.setErrorHandler((error: FastifyError, request, reply) => {
		const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
		if (isApiErrorPath(pathOf(request.url))) {
			const violations =
				statusCode === 400 ? [{ property: 'request', violation: error.message }] : [];
			return reply.code(statusCode).type('application/json').send(apiError(statusCode, violations));
		}
		const text = statusCode === 400 ? `Bad request: ${error.message}` : undefined;
		return sendError(reply, statusCode, text);
	});

	app.setNotFoundHandler((request, reply) =>
		isApiErrorPath(pathOf(request.url))
			? reply.code(404).type('application/json').send(apiError(404))
			: sendError(reply, 404, 'Resource not found'),
	);

	registerMessagesApi(app, core, {
		setAccount(request, account) {
			const context = contextOf(request);
			context.account = account;
			if (context.entry) context.entry.accountId = account.id;
		},
		accountOf: (request) => contexts.get(request)?.account,
		rejectIndexesOf: (request) => contexts.get(request)?.rejectIndexes,
	});

	app.register(
		async (omni) => {
			omni.addHook('preHandler', async (request, reply) => {
				const account = core.authenticate(request.headers.authorization);
				if (!account) return sendError(reply, 401);
				const context = contextOf(request);
				context.account = account;
				if (context.entry) context.entry.accountId = account.id;
				return undefined;
			});
			const accountOf = (request: FastifyRequest): SandboxAccount => {
				const account = contexts.get(request)?.account;
				// The auth hook guarantees an account; this guards against wiring mistakes only.
				if (!account) throw Object.assign(new Error('no account'), { statusCode: 401 });
				return account;
			};
			const scenarioNotFound = (reply: FastifyReply) => sendError(reply, 404, 'Scenario not found');
			const tooManyRequests = (reply: FastifyReply) => sendError(reply, 429);

			omni.get('/scenarios', async (request, reply) => {
				const account = accountOf(request);
				const query = core.validators.scenariosQuery(request.query);
				if (!query.ok) return badRequest(reply, query.errors);
				return { scenarios: listScenarios(core.stateOf(account.id), query.value) };
			});

			// 200 like the seed (the spec says 201; clients should accept both).
			omni.post('/scenarios', async (request, reply) => {
				const account = accountOf(request);
				if (!core.admit(account.id, 'createScenario')) return tooManyRequests(reply);
				const body = core.validators.scenario(request.body);
				if (!body.ok) return badRequest(reply, body.errors);
				return createScenario(core.stateOf(account.id), body.value as unknown as ScenarioInput);
			});

			omni.get<{ Params: { key: string } }>('/scenarios/:key', async (request, reply) => {
				const scenario = findScenario(core.stateOf(accountOf(request).id), request.params.key);
				return scenario ? copyScenario(scenario) : scenarioNotFound(reply);
			});

			omni.put<{ Params: { key: string } }>('/scenarios/:key', async (request, reply) => {
				const account = accountOf(request);
				if (!core.admit(account.id, 'updateScenario')) return tooManyRequests(reply);
				const state = core.stateOf(account.id);
				if (!findScenario(state, request.params.key)) return scenarioNotFound(reply);
				const body = core.validators.scenario(request.body);
				if (!body.ok) return badRequest(reply, body.errors);
				return replaceScenario(state, request.params.key, body.value as unknown as ScenarioInput);
			});

			omni.post('/advanced', async (request, reply) => {
				const account = accountOf(request);
				const body = core.validators.send(request.body);
				if (!body.ok) return badRequest(reply, body.errors);
				const sendRequest = body.value as SendRequest;
				const semanticErrors = checkSendSemantics(sendRequest, core.clock.now());
				if (Object.keys(semanticErrors).length > 0) return badRequest(reply, semanticErrors);
				const state = core.stateOf(account.id);
				const scenario =
					sendRequest.scenarioKey !== undefined
						? findScenario(state, sendRequest.scenarioKey)
						: defaultScenario(state);
				if (!scenario) {
					return badRequest(reply, {
						scenarioKey: [
							sendRequest.scenarioKey !== undefined
								? 'scenario not found'
								: 'must not be null: the account has no default scenario',
						],
					});
				}
				return core.simulator.accept(account.id, state, scenario, sendRequest, {
					rejectIndexes: contexts.get(request)?.rejectIndexes,
				});
			});

			omni.get('/reports', async (request, reply) => {
				const account = accountOf(request);
				const query = core.validators.reportsQuery(request.query);
				if (!query.ok) return badRequest(reply, query.errors);
				const results = takeReports(core.stateOf(account.id), query.value as ReportsQuery);
				if (wantsXml(request)) {
					return reply.type('application/xml').send(serialiseReports(results, 'application/xml'));
				}
				return { results };
			});

			omni.get('/logs', async (request, reply) => {
				const account = accountOf(request);
				if (!core.admit(account.id, 'getLogs')) return tooManyRequests(reply);
				const query = core.validators.logsQuery(request.query);
				if (!query.ok) return badRequest(reply, query.errors);
				const raw = query.value;
				const logsQuery: LogsQuery = {
					...(raw as Omit<LogsQuery, 'bulkId' | 'messageId' | 'sentSince' | 'sentUntil'>),
					bulkId: splitList(raw.bulkId),
					messageId: splitList(raw.messageId),
					sentSince:
						typeof raw.sentSince === 'string' ? parseInfobipDate(raw.sentSince) : undefined,
					sentUntil:
						typeof raw.sentUntil === 'string' ? parseInfobipDate(raw.sentUntil) : undefined,
				};
				const results = findLogs(core.stateOf(account.id), logsQuery, core.clock.now());
				if (wantsXml(request)) {
					return reply.type('application/xml').send(toXml('omniLogsResponse', { results }));
				}
				return { results };
			});
		},
		{ prefix: '/omni/1' },
	);

	app.register(
		async (admin) => {
			// Admin calls without a JSON body (e.g. `POST /reset` from any client) are fine.
			admin.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
			const clockState = () => ({
				now: core.clock.now(),
				time: new Date(core.clock.now()).toISOString(),
				speed: core.clock.speed,
				manual: core.clock.manual,
				pendingTasks: core.clock.pending(),
			});
			admin.get('/health', async () => ({ status: 'ok' }));
			admin.get('/accounts', async () => ({
				accounts: core.accounts.map((account) => ({
					...account,
					acceptedCount: core.acceptedCount(account.id),
				})),
			}));
			admin.get('/accepted', async () => ({
				total: core.acceptedCount(),
				byAccount: Object.fromEntries(
					core.accounts.map((account) => [account.id, core.acceptedCount(account.id)]),
				),
			}));
			admin.get('/drills', async () => ({ drills: core.drills.list() }));
			admin.post('/drills', async (request, reply) => {
				const body = core.validators.drill(request.body);
				if (!body.ok) return badRequest(reply, body.errors);
				core.drills.add(body.value as unknown as Drill);
				return reply.code(201).send({ drills: core.drills.list() });
			});
			admin.delete('/drills', async (_request, reply) => {
				core.drills.clear();
				return reply.code(204).send();
			});
			admin.get('/requests', async () => ({ requests: core.requests() }));
			admin.delete('/requests', async (_request, reply) => {
				core.clearRequests();
				return reply.code(204).send();
			});
			admin.get('/pushes', async () => ({ pushes: core.pusher.attempts() }));
			admin.get<{ Querystring: { accountId?: string } }>('/messages', async (request) => ({
				messages: core.accounts
					.filter((account) => !request.query.accountId || account.id === request.query.accountId)
					.flatMap((account) => core.stateOf(account.id).messages),
			}));
			admin.get('/clock', async () => clockState());
			admin.post<{ Body: { ms?: number } }>('/clock/advance', async (request, reply) => {
				const ms = request.body?.ms;
				if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
					return badRequest(reply, { ms: ['must be a number of milliseconds, 0 or more'] });
				}
				await core.clock.advance(ms);
				return clockState();
			});
			admin.post('/settle', async () => {
				await core.clock.settle();
				return clockState();
			});
			admin.post('/run-all', async () => {
				await core.clock.runAll();
				return clockState();
			});
			admin.put<{ Body: { ms?: number } }>('/latency', async (request, reply) => {
				const ms = request.body?.ms;
				if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) {
					return badRequest(reply, {
						ms: ['must be an integer number of milliseconds, 0 or more'],
					});
				}
				core.latencyMs = ms;
				return { latencyMs: core.latencyMs };
			});
			registerMessagesApiAdmin(admin, core);
			admin.post('/reset', async (_request, reply) => {
				core.reset();
				return reply.code(204).send();
			});
		},
		{ prefix: ADMIN_PREFIX },
	);

	return {
		app,
		closeHungConnections() {
			for (const socket of hung) socket.destroy();
			hung.clear();
		},
	};
}
