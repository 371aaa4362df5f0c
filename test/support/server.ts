// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	method: string;
	/** Path and query as sent. */
	url: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	rawBody: string;
	/** The body parsed as JSON, or undefined when there was none. */
	body: unknown;
}

/** How the server answers one request. */
export type Reply =
	| { status: number; body?: unknown; headers?: Record<string, string>; rawBody?: string }
	| { reset: true }
	| { hang: true };

export type Responder = (request: ReceivedRequest) => Reply;

/**
 * A scriptable HTTP server on 127.0.0.1 for transport and credential tests: answers from a
 * queue of replies, then from a default responder, and records every request it saw.
 */
export class ScriptedServer {
	readonly received: ReceivedRequest[] = [];

	private readonly queue: Reply[] = [];

	private readonly hanging = new Set<http.ServerResponse>();

	private server?: http.Server;

	baseUrl = '';

	private fallback: Responder;

	constructor(private readonly initialFallback: Responder = () => ({ status: 200, body: {} })) {
		this.fallback = initialFallback;
	}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	/** Replies for the next requests, in order; afterwards the default responder answers. */
	reply(...replies: Reply[]): this {
		this.queue.push(...replies);
		return this;
	}

	respondWith(responder: Responder): this {
		this.fallback = responder;
		return this;
	}

	/** Forgets requests and queued replies, and restores the default responder. */
	clear(): void {
		this.fallback = this.initialFallback;
		this.received.length = 0;
		this.queue.length = 0;
		this.releaseHanging();
	}

	async stop(): Promise<void> {
		this.releaseHanging();
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	private releaseHanging() {
		for (const res of this.hanging) res.destroy();
		this.hanging.clear();
	}

	private answer(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string) {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let body: unknown;
		try {
			body = rawBody === '' ? undefined : JSON.parse(rawBody);
		} catch {
			body = rawBody;
		}
		const received: ReceivedRequest = {
			method: req.method ?? 'GET',
			url: req.url ?? '/',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams.entries()),
			headers: req.headers,
			rawBody,
			body,
		};
		this.received.push(received);

		const reply = this.queue.shift() ?? this.fallback(received);
		if ('reset' in reply) {
			req.socket.destroy();
			return;
		}
		if ('hang' in reply) {
			this.hanging.add(res);
			return;
		}
		const payload = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
		res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
		res.end(payload);
	}
}
