import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CHANNEL_OPTIONS } from '../InfobipOmni/channels';
import { channelLabel, DLR_CHANNELS } from '../InfobipMessages/channels';
import { SECRET_HEADER, SECRET_QUERY_PARAMETER } from './secret';

/**
 * What to do to get a first push: the notice and the trigger panel both say it. Plain text:
 * n8n's notice keeps only <a>, <ul> and <li> (its sanitizer), and shows list items as bullets, so
 * the numbers are in the text. n8n 2.41 labels the listen button "Execute step".
 */
const SETUP_STEPS = [
	'Click Execute step on this node: n8n listens for a test event.',
	"Copy this node's Test URL (under Webhook URLs) into an Infobip OMNI send's Options → Notify URL (add ?secret=… if you set a Secret below), and run that node.",
	"Wait for the message's report: Infobip pushes it once the status is known, within seconds to minutes.",
	'For production, use the Production URL as Notify URL and publish this workflow.',
].map((step, index) => `${index + 1}. ${step}`);

/** The texts of n8n's trigger panel (the listening view): what to do, not "create an event". */
export const triggerPanel = {
	header: 'Wait for a report from Infobip OMNI',
	executionsHelp: {
		inactive: `<b>To test</b><br>${SETUP_STEPS.join('<br>')}<br><br>Messages API sends: use the URL as the message's delivery (and seen) webhook URL instead of a Notify URL. Delivery reports, seen reports and inbound messages, of OMNI and of the Messages API, all come to the one URL; the trigger answers 200 at once.`,
		active:
			'This workflow is published: every push to the <b>Production URL</b> starts an execution, shown in the <a data-key="executions">executions list</a>, not in the editor.',
	},
	activationHint:
		"Once it works, put the Production URL in the sends' Notify URL and publish this workflow.",
};

/** A Messages API channel's name in the trigger's list: its label, told apart from OMNI's names. */
function messagesChannelName(value: string): string {
	const label = channelLabel(value);
	// Report-only channels (KAKAO, ZALO…) have no label: "Zalo".
	const name = label === value ? `${value.charAt(0)}${value.slice(1).toLowerCase()}` : label;
	return CHANNEL_OPTIONS.some((option) => option.name === name) ? `${name} (Messages API)` : name;
}

/**
 * OMNI's channels and the Messages API's (every channel its reports may name, which covers its
 * seen and inbound channels too), once each, by name.
 */
export const TRIGGER_CHANNEL_OPTIONS: INodePropertyOptions[] = [
	...CHANNEL_OPTIONS.map(({ name, value }) => ({ name, value })),
	...DLR_CHANNELS.filter((value) => !CHANNEL_OPTIONS.some((option) => option.value === value)).map(
		(value) => ({ name: messagesChannelName(value), value }),
	),
].sort((a, b) => a.name.localeCompare(b.name));

export const triggerProperties: INodeProperties[] = [
	{
		displayName: `Infobip has no webhook registration: each send names its own Notify URL.<ul>${SETUP_STEPS.map((step) => `<li>${step}</li>`).join('')}</ul>`,
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'Delivery Report',
				value: 'deliveryReport',
				description: 'The final (or an intermediate) status of a sent message, per channel',
			},
			{
				name: 'Inbound Message',
				value: 'inboundMessage',
				description:
					'A message a user sent you (WhatsApp, Viber, Messenger, SMS…), or a typing event of the Messages API, when Infobip forwards inbound messages to this URL',
			},
			{
				name: 'Seen Report',
				value: 'seenReport',
				description: 'The recipient opened the message (chat channels that report it)',
			},
		],
		default: ['deliveryReport', 'seenReport', 'inboundMessage'],
		description: 'Which pushes start the workflow. None selected means all.',
	},
	{
		displayName: 'Delivery Statuses',
		name: 'statusFilter',
		type: 'options',
		options: [
			{
				name: 'All Statuses',
				value: 'all',
				description: 'Every delivery report, pending ones included',
			},
			{
				name: 'Final Failures Only',
				value: 'finalFailures',
				description: 'Undeliverable, Expired or Rejected: the message will not be delivered',
			},
			{
				name: 'Selected Status Groups',
				value: 'selected',
				description: 'Choose the status groups below',
			},
		],
		default: 'all',
		description:
			'Which delivery reports start the workflow, by status group. Seen reports and inbound messages have no status and are not affected.',
	},
	{
		displayName: 'Status Groups',
		name: 'statusGroups',
		type: 'multiOptions',
		displayOptions: { show: { statusFilter: ['selected'] } },
		options: [
			{ name: 'Delivered', value: 'DELIVERED', description: 'Delivered to the handset or app' },
			{ name: 'Expired', value: 'EXPIRED', description: 'The validity period ran out' },
			{ name: 'Pending', value: 'PENDING', description: 'Sent on, not final yet' },
			{ name: 'Rejected', value: 'REJECTED', description: 'Rejected by Infobip or the operator' },
			{ name: 'Undeliverable', value: 'UNDELIVERABLE', description: 'Could not be delivered' },
		],
		default: [],
		description: 'Delivery reports in these groups start the workflow. None selected means all.',
	},
	{
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		options: TRIGGER_CHANNEL_OPTIONS,
		default: [],
		description:
			"Only results from these channels (the channel that handled the message), OMNI's or the Messages API's. None selected means all. OMNI's seen reports name no channel, so they are dropped while channels are selected.",
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: `If set, a request must carry it as the <code>${SECRET_QUERY_PARAMETER}</code> query parameter (add <code>?${SECRET_QUERY_PARAMETER}=…</code> to the Notify URL) or the <code>${SECRET_HEADER}</code> header. Other requests get 401 and start nothing.`,
	},
	{
		displayName:
			"Infobip pushes a result again when it got no answer in time, and the trigger emits every push. To act on each result once, add a <b>Remove Duplicates</b> node after this one: <b>Remove Items Processed in Previous Executions</b>, <b>Value to Dedupe On</b> <code>{{ $json.dedupeKey }}</code>. The key is the same for a repeated report and differs for the message's next status.",
		name: 'duplicatesNotice',
		type: 'notice',
		default: '',
	},
];
