// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Secret hygiene: every operation, under both credential types, against a server that fails in
 * every way the sandbox can: no credential value, nor its base64 form, appears in any output item,
 * error message, description, error context, the execution's run data, or any log line.
 *
 * Captured as log lines: every call to n8n's LoggerProxy (WorkflowExecute logs through it, and
 * logs the whole execution error when a run fails), with its metadata serialised; and every
 * write to process.stdout and process.stderr, and every console call, during the runs.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	Logger,
} from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { DEFAULT_ACCOUNT, type Drill } from '../../sandbox';
import { runNode, type NodeRun } from '../support/harness';
import { apiKeyAuth, basicAuth, useSandbox } from '../support/infobip';
import { DRILL_SCENARIO, phone, scenarioById, startDrillSandbox } from './support';

const sandbox = useSandbox(startDrillSandbox);

const { username, password, apiKey } = DEFAULT_ACCOUNT;
const basicToken = Buffer.from(`${username}:${password}`).toString('base64');
/** Every credential value, and the forms they travel in. */
const SECRETS = [
	password,
	basicToken,
	Buffer.from(password).toString('base64'),
	apiKey,
	Buffer.from(apiKey).toString('base64'),
	encodeURIComponent(password),
];
/** The username is a credential value too, though not a secret: checked all the same. */
const CREDENTIAL_VALUES = [...SECRETS, username];

/** JSON of anything, cycles dropped, errors with their own fields (message, stack, context…). */
function serialise(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, inner: unknown) => {
		if (inner instanceof Error) {
			const fields: IDataObject = {};
			for (const name of Object.getOwnPropertyNames(inner)) {
				fields[name] = (inner as unknown as IDataObject)[name];
			}
			return { ...fields, message: inner.message, stack: inner.stack };
		}
		if (typeof inner === 'object' && inner !== null) {
			if (seen.has(inner)) return '[cycle]';
			seen.add(inner);
		}
		return inner;
	});
}

const logLines: string[] = [];
const capturingLogger = {
	error: (message: string, meta?: object) => logLines.push(`error ${message} ${serialise(meta)}`),
	warn: (message: string, meta?: object) => logLines.push(`warn ${message} ${serialise(meta)}`),
	info: (message: string, meta?: object) => logLines.push(`info ${message} ${serialise(meta)}`),
	debug: (message: string, meta?: object) => logLines.push(`debug ${message} ${serialise(meta)}`),
} as unknown as Logger;

/** Runs with every log line and every write to the console captured. */
async function captured(run: () => Promise<NodeRun>): Promise<{ run: NodeRun; lines: string[] }> {
	LoggerProxy.init(capturingLogger);
	const before = logLines.length;
	const writes: string[] = [];
	const capture = (chunk: unknown) => {
		writes.push(String(chunk));
		return true;
	};
	const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
	const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
	const consoles = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			writes.push(serialise(args));
		}),
	);
	try {
		const result = await run();
		return { run: result, lines: [...logLines.slice(before), ...writes] };
	} finally {
		stdout.mockRestore();
		stderr.mockRestore();
		consoles.forEach((spy) => spy.mockRestore());
	}
}

type Authentication = 'basicAuth' | 'apiKey';

const credentialsFor = (
	authentication: Authentication,
): Record<string, ICredentialDataDecryptedObject> =>
	authentication === 'basicAuth'
		? basicAuth(sandbox, { username, password })
		: apiKeyAuth(sandbox, apiKey);

const OPERATIONS: Array<[string, IDataObject]> = [
	[
		'Scenario → Create',
		{
			resource: 'scenario',
			operation: 'create',
			name: 'Hygiene',
			steps: { step: [{ channel: 'SMS', from: 'InfoSMS' }] },
		},
	],
	['Scenario → Get', { resource: 'scenario', operation: 'get', scenario: scenarioById() }],
	['Scenario → Get Many', { resource: 'scenario', operation: 'getAll', returnAll: true }],
	[
		'Scenario → Update',
		{
			resource: 'scenario',
			operation: 'update',
			scenario: scenarioById(),
			updateFields: { name: 'Renamed' },
		},
	],
	[
		'Message → Send Text',
		{
			resource: 'message',
			operation: 'sendText',
			scenario: scenarioById(),
			phoneNumbers: phone(1),
			facebookText: 'Hello',
			smsText: 'Hello',
		},
	],
	[
		'Message → Send Rich Media',
		{
			resource: 'message',
			operation: 'sendRichMedia',
			scenario: scenarioById(),
			phoneNumbers: phone(2),
			mediaType: 'IMAGE',
			mediaUrl: 'https://example.com/a.png',
			smsText: 'Hello',
		},
	],
	[
		'Message → Send Advanced',
		{
			resource: 'message',
			operation: 'sendAdvanced',
			useDefaultScenario: true,
			phoneNumbers: phone(3),
			channelContents: { SMS: { text: 'Hello' } },
		},
	],
	[
		'Delivery Report → Get Many',
		{ resource: 'deliveryReport', operation: 'getAll', returnAll: true },
	],
	['Log → Get Many', { resource: 'log', operation: 'getAll', limit: 10 }],
];

/** Failures armed on every /omni path for the next request(s). */
const FAILURES: Array<[string, IDataObject | 'wrong credentials']> = [
	['400', { kind: 'status', status: 400 }],
	['401 from the gateway', { kind: 'status', status: 401 }],
	['401 for wrong credentials', 'wrong credentials'],
	['403', { kind: 'status', status: 403 }],
	['404', { kind: 'status', status: 404 }],
	['429 storm', { kind: 'status', status: 429, retryAfterSeconds: 0, times: 10 }],
	['500', { kind: 'status', status: 500 }],
	['502 HTML page', { kind: 'status', status: 502, html: true, times: 10 }],
	['503', { kind: 'status', status: 503, times: 10 }],
	['reset connection', { kind: 'reset', times: 10 }],
	['malformed JSON', { kind: 'malformedJson', times: 10 }],
];

const NODE_OPTIONS = { maxRetries: 1, maxRetryWaitSeconds: 0, timeoutSeconds: 1 };

async function failingRun(
	parameters: IDataObject,
	authentication: Authentication,
	failure: (typeof FAILURES)[number][1],
	onError: 'stop' | 'continueRegularOutput',
) {
	let credentials = credentialsFor(authentication);
	if (failure === 'wrong credentials') {
		// A wrong secret is still a secret: the one sent must not show either.
		credentials =
			authentication === 'basicAuth'
				? basicAuth(sandbox, { username, password: `${password}!` })
				: apiKeyAuth(sandbox, `${apiKey}!`);
	} else {
		sandbox.drill({ ...failure, path: '/omni/1/*' } as unknown as Drill);
	}
	return await captured(
		async () =>
			await runNode({
				parameters: { ...parameters, authentication, requestSettings: NODE_OPTIONS } as INodeParameters,
				credentials,
				...(onError === 'stop' ? {} : { onError }),
			}),
	);
}

function everything(run: NodeRun, lines: string[]): string {
	return [
		serialise(run.output),
		serialise(run.errorOutput),
		serialise(run.error),
		String(run.error?.message ?? ''),
		String(run.error?.description ?? ''),
		serialise(run.error?.context),
		serialise((run.error as { cause?: unknown } | undefined)?.cause),
		serialise(run.run),
		...lines,
	].join('\n');
}

describe.each(['basicAuth', 'apiKey'] as Authentication[])('with %s', (authentication) => {
	describe.each(OPERATIONS)('%s', (_operation, parameters) => {
		it.each(FAILURES)('%s: no credential value anywhere', async (_failure, failure) => {
			for (const onError of ['stop', 'continueRegularOutput'] as const) {
				sandbox.reset();
				const { run, lines } = await failingRun(parameters, authentication, failure, onError);
				// The failure happened, and the capture was live.
				const failed = run.error ?? run.output.find((item) => item.json.error !== undefined);
				expect(failed).toBeDefined();
				expect(lines.some((line) => line.includes('Workflow execution started'))).toBe(true);
				// The server did receive the credential: the check below is not vacuous.
				expect(sandbox.requests().length).toBeGreaterThan(0);
				const text = everything(run, lines);
				for (const value of CREDENTIAL_VALUES) expect(text).not.toContain(value);
			}
		});
	});
});

it('the server received the credentials the checks look for', async () => {
	await failingRun(OPERATIONS[2][1], 'basicAuth', { kind: 'status', status: 500 }, 'stop');
	expect(sandbox.requests()[0].headers.authorization).toBe(`Basic ${basicToken}`);
	sandbox.reset();
	await failingRun(OPERATIONS[2][1], 'apiKey', { kind: 'status', status: 500 }, 'stop');
	expect(sandbox.requests()[0].headers.authorization).toBe(`App ${apiKey}`);
	expect(DRILL_SCENARIO).toHaveLength(32);
});
