// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/** Shared helpers of the sandbox tests: HTTP clients, a tiny notifyUrl receiver, the spec on disk. */
import axios, { type AxiosInstance } from 'axios';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

import {
	authorizationFor,
	DEFAULT_ACCOUNT,
	type Sandbox,
	type SandboxAccount,
} from '../../sandbox';

/** The seed's own header (Aladdin / open sesame). */
export const SEED_BASIC_HEADER = 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==';

/** Infobip's OpenAPI spec, next to the repository (absent on machines without ../shared). */
export const SPEC_PATH = resolve(
	__dirname,
	'..',
	'..',
	'..',
	'shared',
	'infobip-openapi',
	'omni-failover.json',
);

export function loadSpec(): Record<string, unknown> | undefined {
	if (!existsSync(SPEC_PATH)) return undefined;
	return JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Record<string, unknown>;
}

/** Infobip's Messages API spec, next to the repository (read only by tests, never copied). */
export const MESSAGES_API_SPEC_PATH = resolve(SPEC_PATH, '..', 'messages-api.json');

export function loadMessagesApiSpec(): Record<string, unknown> | undefined {
	if (!existsSync(MESSAGES_API_SPEC_PATH)) return undefined;
	return JSON.parse(readFileSync(MESSAGES_API_SPEC_PATH, 'utf8')) as Record<string, unknown>;
}

/** An axios client that never throws on HTTP status (tests assert statuses themselves). */
export function clientFor(
	sandbox: Sandbox,
	account: SandboxAccount | null = DEFAULT_ACCOUNT,
	scheme: 'Basic' | 'App' = 'Basic',
): AxiosInstance {
	return axios.create({
		baseURL: sandbox.baseUrl,
		validateStatus: () => true,
		headers: account ? { Authorization: authorizationFor(account, scheme) } : {},
	});
}

export interface ReceivedPush {
	body: string;
	contentType?: string;
	headers: IncomingHttpHeaders;
}

export interface Receiver {
	url: string;
	received: ReceivedPush[];
	/** Statuses to answer, in order; once used up the receiver answers 200. */
	answerWith(...statuses: number[]): void;
	close(): Promise<void>;
}

/** A notifyUrl target on 127.0.0.1. */
export async function startReceiver(): Promise<Receiver> {
	const received: ReceivedPush[] = [];
	let statuses: number[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({
				body: Buffer.concat(chunks).toString('utf8'),
				contentType: request.headers['content-type'],
				headers: request.headers,
			});
			response.statusCode = statuses.shift() ?? 200;
			response.end('ok');
		});
	});
	await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/dlr`,
		received,
		answerWith: (...next) => {
			statuses = next;
		},
		close: () =>
			new Promise<void>((closed) => {
				server.closeAllConnections();
				server.close(() => closed());
			}),
	};
}

/** Polls until the condition holds (for the real-time clock test only); fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs)
			throw new Error(`condition not met within ${timeoutMs} ms`);
		await new Promise((tick) => setTimeout(tick, 10));
	}
}
