// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { ReceivedRequest, Reply } from '../support/server';

export const SEND_PATH = '/messages-api/1/messages';
export const VALIDATE_PATH = '/messages-api/1/messages/validate';

/** The Messages API spec, where the sandbox tests read theirs (../shared relative to the repo root). */
export const MESSAGES_SPEC_PATH = resolve(
	__dirname,
	'..',
	'..',
	'..',
	'shared',
	'infobip-openapi',
	'messages-api.json',
);

export function loadMessagesSpec(): Record<string, unknown> | undefined {
	if (!existsSync(MESSAGES_SPEC_PATH)) return undefined;
	return JSON.parse(readFileSync(MESSAGES_SPEC_PATH, 'utf8')) as Record<string, unknown>;
}

/** n8n's instance ID as derived message IDs start with it (see test/InfobipOmni/actions/message). */
export function instancePrefix(): string {
	const { encryptionKey } = JSON.parse(
		readFileSync(join(process.env.N8N_USER_FOLDER ?? '', '.n8n/config'), 'utf8'),
	) as { encryptionKey: string };
	return createHash('sha256')
		.update(encryptionKey.slice(Math.round(encryptionKey.length / 2)))
		.digest('hex')
		.slice(0, 12);
}

export const PENDING = {
	groupId: 1,
	groupName: 'PENDING',
	id: 26,
	name: 'MESSAGE_ACCEPTED',
	description: 'Message sent to next instance',
};

export const REJECTED = {
	groupId: 5,
	groupName: 'REJECTED',
	id: 51,
	name: 'MISSING_TO',
	description: 'Message rejected: destination not registered',
	action: 'Check the recipient.',
};

interface Destination {
	to?: string;
	messageId?: string;
	byChannel?: Array<{ channel: string; to: string }>;
}

/** Every destination of a Messages API request body, in order, with its message index. */
export function destinationsOf(
	body: unknown,
): Array<Destination & { message: number; address: string }> {
	const messages = ((body as IDataObject)?.messages ?? []) as IDataObject[];
	return messages.flatMap((message, index) =>
		((message.destinations ?? []) as Destination[]).map((destination) => ({
			...destination,
			message: index,
			address: destination.to ?? destination.byChannel?.[0]?.to ?? '',
		})),
	);
}

export interface FakeOptions {
	/** Answer in reverse order (the node must match by message ID). */
	reverse?: boolean;
	/** Addresses answered REJECTED in a 200. */
	rejected?: string[];
	/** Leave the last answer out. */
	dropLast?: boolean;
}

let generated = 0;

/** A Messages API that accepts every destination, as Infobip answers (spec's 200 example shape). */
export function fakeMessagesApi(options: FakeOptions = {}) {
	return (request: ReceivedRequest): Reply => {
		if (request.path !== SEND_PATH) return { status: 404, body: {} };
		let messages = destinationsOf(request.body).map((destination) => ({
			messageId: destination.messageId ?? `generated-${++generated}`,
			status: options.rejected?.includes(destination.address) ? REJECTED : PENDING,
			destination: destination.address,
		}));
		if (options.reverse) messages = messages.reverse();
		if (options.dropLast) messages = messages.slice(0, -1);
		const bulkId = ((request.body as IDataObject)?.options as IDataObject | undefined)?.schedule as
			| IDataObject
			| undefined;
		return {
			status: 200,
			body: { bulkId: (bulkId?.bulkId as string | undefined) ?? 'bulk-1', messages },
		};
	};
}

/** The messages[] entries of a request body. */
export const entriesOf = (request: ReceivedRequest) =>
	((request.body as IDataObject).messages ?? []) as IDataObject[];
