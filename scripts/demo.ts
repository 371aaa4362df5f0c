// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run demo`: the seed's Facebook → SMS flow, run by the Infobip OMNI node through n8n-core's
 * engine against the local sandbox. Creates the seed's scenario, sends a text to four kinds of
 * recipient and a rich-media message, lets the sandbox deliver, fetches the delivery reports and
 * prints who got what over which channel.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use, and logs node errors to the console.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'infobip-omni-demo-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_ACCOUNT, FACEBOOK_USER_NUMBERS, NUMBER_RULES, startSandbox } from '../sandbox';
import { runNode, type NodeRun } from '../test/support/harness';

/** The seed's example Facebook user (a public example value, not a secret). */
const SEED_FACEBOOK_USER = '9c29bd43-054b-4cfe-a1d4-0b37812b4ed3';

const print = (line = '') => process.stdout.write(`${line}\n`);

const RECIPIENTS = [
	{
		who: 'Facebook user by key',
		phone: '41793026740',
		facebookUserKey: SEED_FACEBOOK_USER,
	},
	{ who: 'Facebook user by phone', phone: FACEBOOK_USER_NUMBERS[0] },
	{ who: 'SMS only', phone: '41793026727' },
	{ who: 'Unreachable', phone: NUMBER_RULES.UNDELIVERABLE.example },
];

function table(rows: string[][]): string {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	return rows
		.map((row) =>
			row
				.map((cell, column) => cell.padEnd(widths[column]))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

function succeeded(step: string, run: NodeRun): INodeExecutionData[] {
	if (run.error) {
		print(`${step} failed: ${run.error.message}`);
		process.exit(1);
	}
	return run.output;
}

async function main() {
	const sandbox = await startSandbox({ clock: { manual: true } });
	const credentials = {
		infobipOmniBasicAuthApi: {
			username: DEFAULT_ACCOUNT.username,
			password: DEFAULT_ACCOUNT.password,
			baseUrl: sandbox.baseUrl,
		},
	};
	print(
		`Infobip OMNI sandbox on ${sandbox.baseUrl}; the node runs through n8n-core's WorkflowExecute.`,
	);

	const [scenario] = succeeded(
		'Scenario → Create',
		await runNode({
			parameters: {
				resource: 'scenario',
				operation: 'create',
				name: 'My first Facebook-SMS scenario',
				steps: {
					step: [
						{ channel: 'FACEBOOK', from: 'FacebookApplicationKey' },
						{ channel: 'SMS', from: 'InfoSMS' },
					],
				},
				isDefault: true,
			},
			credentials,
		}),
	);
	const key = scenario.json.key as string;
	print(`1. Scenario → Create: ${key} (FACEBOOK → SMS, default)`);

	const sent = succeeded(
		'Message → Send Text',
		await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendText',
				scenario: { __rl: true, mode: 'id', value: key },
				phoneNumbers: '={{ $json.phone }}',
				facebookUserKey: '={{ $json.facebookUserKey }}',
				facebookText:
					'=Your order has shipped. Track it at https://example.com/t/{{ $json.phone }}',
				smsText: '=Your order has shipped. Track it at https://example.com/t/{{ $json.phone }}',
			},
			credentials,
			input: RECIPIENTS.map((recipient) => ({ json: recipient })),
		}),
	);
	print(
		`2. Message → Send Text: ${sent.length} messages ${[...new Set(sent.map((m) => m.json.status))].join(', ')}`,
	);

	const media = succeeded(
		'Message → Send Rich Media',
		await runNode({
			parameters: {
				resource: 'message',
				operation: 'sendRichMedia',
				useDefaultScenario: true,
				phoneNumbers: FACEBOOK_USER_NUMBERS[1],
				mediaType: 'IMAGE',
				mediaUrl: 'https://example.com/images/parcel.jpg',
				smsText: 'Your parcel: https://example.com/images/parcel.jpg',
			},
			credentials,
		}),
	);
	print(`3. Message → Send Rich Media: ${media.length} message ${media[0].json.status}`);

	await sandbox.advance(120_000);
	const reports = succeeded(
		'Delivery Report → Get Many',
		await runNode({
			parameters: { resource: 'deliveryReport', operation: 'getAll', returnAll: true },
			credentials,
		}),
	).map((item) => item.json);
	print(`4. Delivery Report → Get Many: ${reports.length} reports (each step reports once)`);
	print();

	const whoByMessage = new Map<string, string>();
	sent.forEach((message) =>
		whoByMessage.set(
			message.json.messageId as string,
			RECIPIENTS[(message.pairedItem as { item: number }).item].who,
		),
	);
	whoByMessage.set(media[0].json.messageId as string, 'Facebook user, image');
	const rows = reports
		.map((report) => {
			const status = report.status as IDataObject;
			const price = report.price as IDataObject | undefined;
			return [
				whoByMessage.get(report.messageId as string) ?? '?',
				String(report.to),
				String(report.channel),
				String(status.groupName),
				price ? `${Number(price.pricePerMessage).toFixed(4)} ${price.currency}` : '',
			];
		})
		.sort((a, b) => a[0].localeCompare(b[0])); // stable: each recipient's steps stay in report order;
	print(table([['Recipient', 'To', 'Channel', 'Status', 'Price'], ...rows]));

	const delivered = reports.filter(
		(r) => (r.status as IDataObject).groupName === 'DELIVERED',
	).length;
	print();
	print(
		`${delivered} of ${sent.length + media.length} messages delivered; the failed Facebook steps failed over to SMS.`,
	);
	await sandbox.close();
}

main().catch((error: Error) => {
	print(`demo failed: ${error.message}`);
	process.exit(1);
});
