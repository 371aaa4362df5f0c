// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The Messages API contract (../shared/infobip-openapi/messages-api.json), read from disk and
 * never copied into the repository: its example bodies drive the report, inbound, error and
 * trigger tests. Absent on machines without ../shared: those tests skip, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Json = Record<string, unknown>;

export const MESSAGES_SPEC_PATH = resolve(
	__dirname,
	'..',
	'..',
	'..',
	'shared',
	'infobip-openapi',
	'messages-api.json',
);

export const messagesSpec: Json | undefined = existsSync(MESSAGES_SPEC_PATH)
	? (JSON.parse(readFileSync(MESSAGES_SPEC_PATH, 'utf8')) as Json)
	: undefined;

/** `describe`, or `describe.skip` with a title naming the missing file (jest lists it as skipped). */
export function describeWithMessagesSpec(title: string, body: (spec: Json) => void): void {
	if (!messagesSpec) {
		describe.skip(`${title} (SKIPPED: ${MESSAGES_SPEC_PATH} not found)`, () => {
			it('needs the spec', () => undefined);
		});
		return;
	}
	const spec = messagesSpec;
	describe(title, () => body(spec));
}

const at = (value: unknown, ...path: string[]): unknown =>
	path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);

/** Follows `$ref: "#/components/…"` once. */
function deref(spec: Json, node: unknown): unknown {
	const ref = (node as Json | undefined)?.$ref;
	if (typeof ref !== 'string') return node;
	return at(spec, ...ref.replace(/^#\//, '').split('/'));
}

/** Every example of a content type: `{name: value}` (`examples`), or `{example: value}`. */
function examplesOf(content: unknown): Record<string, unknown> {
	const media = content as Json | undefined;
	if (!media) return {};
	if (media.examples) {
		return Object.fromEntries(
			Object.entries(media.examples as Record<string, Json>).map(([name, example]) => [
				name,
				example.value,
			]),
		);
	}
	return 'example' in media ? { example: media.example } : {};
}

/** The examples of an operation's response (`GET /messages-api/1/reports`, 200). */
export function responseExamples(
	spec: Json,
	method: string,
	path: string,
	status: string,
	contentType = 'application/json',
): Record<string, unknown> {
	const response = deref(spec, at(spec, 'paths', path, method.toLowerCase(), 'responses', status));
	return examplesOf(at(response, 'content', contentType));
}

/** The examples of a webhook's request body (`receive-messages-api-seen-reports`). */
export function webhookExamples(
	spec: Json,
	webhook: string,
	contentType = 'application/json',
): Record<string, unknown> {
	return examplesOf(at(spec, 'webhooks', webhook, 'post', 'requestBody', 'content', contentType));
}

/** A schema's enum, by the last part of its component name (`InboundDlrChannel`). */
export function schemaEnum(spec: Json, name: string): string[] {
	const schemas = at(spec, 'components', 'schemas') as Record<string, Json>;
	const key = Object.keys(schemas).find((candidate) => candidate.split('.').pop() === name);
	return ((key && schemas[key].enum) as string[] | undefined) ?? [];
}
