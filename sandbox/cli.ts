// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run sandbox -- --port 8080 --latency 20 [--throttling] [--speed 60] [--fixtures file.json]`
 */
import { readFileSync } from 'node:fs';

import {
	authorizationFor,
	MESSENGER_USER_PSIDS,
	NO_CHAT_APP_NUMBERS,
	NUMBER_RULES,
	type SandboxOptions,
	startSandbox,
} from './index';

const USAGE = `Usage: npm run sandbox -- [options]
  --port <n>          port to listen on (default 8080; 0 = any free port)
  --host <ip>         interface to bind (default 127.0.0.1)
  --latency <ms>      delay added to every /omni and /messages-api request (default 0)
  --throttling        apply Infobip's rate limits to scenario create/update and logs
  --speed <factor>    virtual clock speed, e.g. 60 = one virtual minute per second (default 1)
  --manual-clock      the clock only moves through POST /__sandbox/clock/advance
  --fixtures <file>   JSON with any of { "accounts", "facebookUsers", "messengerUsers", "scenarios" }
  --messages-api-inbound-url <url>  push injected Messages API inbound events there
  --help              this text
`;

type ParsedArgs = { options: SandboxOptions; help: boolean } | { error: string };

function parseArgs(argv: string[]): ParsedArgs {
	const options: SandboxOptions = { port: 8080 };
	const clock: { speed?: number; manual?: boolean } = {};
	for (let index = 0; index < argv.length; index++) {
		const [flag, inlineValue] = argv[index].split('=', 2);
		const value = (): string | undefined => inlineValue ?? argv[++index];
		const number = (): number | undefined => {
			const parsed = Number(value());
			return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
		};
		switch (flag) {
			case '--help':
			case '-h':
				return { options, help: true };
			case '--port':
				options.port = number();
				if (options.port === undefined) return { error: '--port needs a number' };
				break;
			case '--host':
				options.host = value();
				break;
			case '--latency':
				options.latencyMs = number();
				if (options.latencyMs === undefined) return { error: '--latency needs a number of ms' };
				break;
			case '--throttling':
				options.throttling = inlineValue === undefined ? true : inlineValue !== 'false';
				break;
			case '--speed':
				clock.speed = number();
				if (!clock.speed) return { error: '--speed needs a positive number' };
				break;
			case '--manual-clock':
				clock.manual = true;
				break;
			case '--fixtures': {
				const file = value();
				if (!file) return { error: '--fixtures needs a file' };
				const fixtures = JSON.parse(readFileSync(file, 'utf8')) as Pick<
					SandboxOptions,
					'accounts' | 'facebookUsers' | 'messengerUsers' | 'scenarios'
				>;
				Object.assign(options, {
					...(fixtures.accounts ? { accounts: fixtures.accounts } : {}),
					...(fixtures.facebookUsers ? { facebookUsers: fixtures.facebookUsers } : {}),
					...(fixtures.messengerUsers ? { messengerUsers: fixtures.messengerUsers } : {}),
					...(fixtures.scenarios ? { scenarios: fixtures.scenarios } : {}),
				});
				break;
			}
			case '--messages-api-inbound-url':
				options.messagesApiInboundUrl = value();
				if (!options.messagesApiInboundUrl)
					return { error: '--messages-api-inbound-url needs a URL' };
				break;
			default:
				return { error: `unknown option ${argv[index]}` };
		}
	}
	options.clock = clock;
	return { options, help: false };
}

async function main(): Promise<void> {
	const parsed = parseArgs(process.argv.slice(2));
	if ('error' in parsed) {
		process.stderr.write(`${parsed.error}\n\n${USAGE}`);
		process.exitCode = 2;
		return;
	}
	if (parsed.help) {
		process.stdout.write(USAGE);
		return;
	}
	const sandbox = await startSandbox(parsed.options);
	const lines = [
		`Infobip OMNI sandbox listening on ${sandbox.baseUrl}`,
		`  admin API: ${sandbox.baseUrl}/__sandbox/ (clock: speed ${sandbox.clock.speed}${sandbox.clock.manual ? ', manual' : ''})`,
		`  Messages API: ${sandbox.baseUrl}/messages-api/1/ (Messenger users: ${(parsed.options.messengerUsers ?? MESSENGER_USER_PSIDS).join(', ')}; numbers ending ${NO_CHAT_APP_NUMBERS.lastFourDigits.join('-')} have no chat app)`,
		'  accounts:',
		...sandbox.accounts.map(
			(account) =>
				`    ${account.id}: username "${account.username}", password "${account.password}", API key "${account.apiKey}"\n` +
				`      Authorization: ${authorizationFor(account, 'Basic')}\n` +
				`      Authorization: ${authorizationFor(account, 'App')}`,
		),
		'  numbers (last four digits): ' +
			Object.values(NUMBER_RULES)
				.map(
					(rule) =>
						`${rule.lastFourDigits ? rule.lastFourDigits.join('-') : 'other'} → ${rule.outcome}`,
				)
				.join(', '),
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	let closing = false;
	const shutdown = (signal: string) => {
		if (closing) return;
		closing = true;
		process.stdout.write(`\n${signal}: closing the sandbox\n`);
		sandbox.close().then(
			() => process.exit(0),
			(failure: unknown) => {
				process.stderr.write(`close failed: ${String(failure)}\n`);
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', () => shutdown('SIGINT'));
	process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((failure: unknown) => {
	process.stderr.write(
		`sandbox failed to start: ${failure instanceof Error ? failure.message : String(failure)}\n`,
	);
	process.exitCode = 1;
});
