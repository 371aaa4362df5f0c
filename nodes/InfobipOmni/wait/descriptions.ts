import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { LIMITS } from '../limits';
import { FIELD_TYPES_WITH_OPTIONS, FORM_FIELD_TYPES, type FormFieldType } from './forms';

/**
 * The operation values. n8n resumes `sendAndWait` by a signed link (it checks the HMAC of the
 * URL) and generates the AI agent's "human review" tool from it, so that value is n8n's own.
 * Waiting for delivery is resumed by Infobip's pushes, which n8n checks against the execution's
 * resume token instead.
 */
export const WAIT_FOR_RESPONSE = SEND_AND_WAIT_OPERATION;
export const WAIT_FOR_DELIVERY = 'sendAndWaitForDelivery';
export const WAIT_OPERATIONS: string[] = [WAIT_FOR_RESPONSE, WAIT_FOR_DELIVERY];

/**
 * The resume webhooks (n8n's `webhook-waiting/{executionId}/{nodeId}`): GET renders a page or
 * records an approval link, POST records a form or takes a delivery report.
 */
export const waitWebhooks: IWebhookDescription[] = (['GET', 'POST'] as const).map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

/** What the editor shows on a waiting node. */
export const waitingNodeTooltip = `={{ $parameter.operation === "${WAIT_FOR_RESPONSE}" ? "Execution will continue after the recipient's answer" : $parameter.operation === "${WAIT_FOR_DELIVERY}" ? "Execution will continue when every message has its final delivery status" : "" }}`;

const limitTypeValues: INodeProperties[] = [
	{
		displayName: 'Limit Type',
		name: 'limitType',
		type: 'options',
		default: 'afterTimeInterval',
		options: [
			{
				name: 'After Time Interval',
				value: 'afterTimeInterval',
				description: 'Waits for a certain amount of time',
			},
			{
				name: 'At Specified Time',
				value: 'atSpecifiedTime',
				description: 'Waits until the set date and time',
			},
		],
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 1,
		displayOptions: { show: { limitType: ['afterTimeInterval'] } },
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		default: 'hours',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		displayOptions: { show: { limitType: ['afterTimeInterval'] } },
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		default: '',
		description: 'Continue execution after the specified date and time',
		displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
	},
];

/** n8n's "Limit Wait Time" option (its send-and-wait nodes' shape), with this operation's default. */
export function limitWaitTime(
	amount: number,
	unit: 'minutes' | 'hours',
	description: string,
): INodeProperties {
	return {
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'fixedCollection',
		description,
		default: { values: { limitType: 'afterTimeInterval', resumeAmount: amount, resumeUnit: unit } },
		options: [{ displayName: 'Values', name: 'values', values: limitTypeValues }],
	};
}

/**
 * The same as top-level fields, as n8n's Wait node has them (n8n 2.41 cannot resolve the
 * defaults of a top-level fixedCollection whose values show by each other): on by default.
 */
export function limitWaitTimeFields(
	amount: number,
	unit: 'minutes' | 'hours',
	description: string,
): INodeProperties[] {
	const shown = { show: { limitWaitTime: [true] } };
	return [
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'boolean',
			default: true,
			description,
		},
		...limitTypeValues.map((field) => ({
			...field,
			...(field.name === 'resumeAmount' ? { default: amount } : {}),
			...(field.name === 'resumeUnit' ? { default: unit } : {}),
			displayOptions: { show: { ...shown.show, ...(field.displayOptions?.show ?? {}) } },
		})),
	];
}

const fieldTypeNames: Record<FormFieldType, string> = {
	checkbox: 'Checkboxes',
	date: 'Date',
	dropdown: 'Dropdown List',
	email: 'Email',
	number: 'Number',
	password: 'Password',
	radio: 'Radio Buttons',
	text: 'Text',
	textarea: 'Textarea',
};

const withOptions = { show: { fieldType: [...FIELD_TYPES_WITH_OPTIONS] } };

/** Custom Form fields, in the shape of n8n's Form node (so its JSON definitions paste in). */
const formFieldValues: INodeProperties[] = [
	{
		displayName: 'Field Label',
		name: 'fieldLabel',
		type: 'string',
		default: '',
		placeholder: 'e.g. What is your name?',
		description: 'Label that appears above the field; also the key of its answer in the output',
		required: true,
	},
	{
		displayName: 'Element Type',
		name: 'fieldType',
		type: 'options',
		default: 'text',
		options: FORM_FIELD_TYPES.map((value) => ({ name: fieldTypeNames[value], value })).sort(
			(a, b) => a.name.localeCompare(b.name),
		),
	},
	{
		displayName: 'Placeholder',
		name: 'placeholder',
		type: 'string',
		default: '',
		displayOptions: { show: { fieldType: ['text', 'textarea', 'number', 'email', 'password'] } },
	},
	{
		displayName: 'Options',
		name: 'fieldOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Option',
		default: { values: [{ option: '' }] },
		displayOptions: withOptions,
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [{ displayName: 'Option', name: 'option', type: 'string', default: '' }],
			},
		],
	},
	{
		displayName: 'Multiple Choice',
		name: 'multiselect',
		type: 'boolean',
		default: false,
		description: 'Whether to allow more than one option to be chosen',
		displayOptions: { show: { fieldType: ['dropdown'] } },
	},
	{
		displayName: 'Required Field',
		name: 'requiredField',
		type: 'boolean',
		default: false,
		description: 'Whether to require the recipient to fill this field in before submitting',
	},
];

const shownFor = (responseType: string[]) => ({ show: { responseType } });

/**
 * The message and answer of Send and Wait for Response, named as n8n's own nodes name them
 * (`message`, `responseType`, `approvalOptions`, `options`): n8n's human-review tool for AI
 * agents replaces `message` and fixes `responseType` to approval by these names.
 */
export const responseFields: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		// Not `required`: an empty one is refused when the node runs, with the fix, and the new
		// node opens without an issue marker.
		placeholder: 'e.g. Can we deliver your order tomorrow between 9 and 12?',
		description:
			'The text sent to the recipient; the link(s) to answer follow it on their own lines',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'The recipient approves (or declines) by opening a link',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'The recipient writes an answer on a web page',
			},
			{
				name: 'Custom Form',
				value: 'customForm',
				description: 'The recipient fills in a form on a web page',
			},
		],
	},
	{
		displayName: 'Define Form',
		name: 'defineForm',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		displayOptions: shownFor(['customForm']),
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Form Element',
		default: {},
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['fields'] } },
		options: [{ displayName: 'Values', name: 'values', values: formFieldValues }],
	},
	{
		displayName: 'Form Fields (JSON)',
		name: 'jsonOutput',
		type: 'json',
		typeOptions: { rows: 5 },
		default:
			'[\n  {\n    "fieldLabel": "Name",\n    "fieldType": "text",\n    "requiredField": true\n  }\n]',
		description: `The fields in n8n's Form format (fieldLabel, fieldType, requiredField, placeholder, fieldOptions, multiselect); up to ${LIMITS.wait.formFields} fields`,
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['json'] } },
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add option',
		default: {},
		displayOptions: shownFor(['approval']),
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Disapprove', value: 'double' },
						],
					},
					{
						displayName: 'Approve Button Label',
						name: 'approveLabel',
						type: 'string',
						default: 'Approve',
						description: 'The word before the approval link in the message',
					},
					{
						displayName: 'Disapprove Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: 'Decline',
						description: 'The word before the decline link in the message',
						displayOptions: { show: { approvalType: ['double'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				// n8n's nodes say "Append n8n Attribution"; the scanner wants every word capitalised.
				displayName: 'Append Attribution',
				name: 'appendAttribution',
				type: 'boolean',
				default: false,
				description:
					'Whether to end the message with "Sent automatically with n8n" (off by default: on SMS it can cost a second part)',
			},
			limitWaitTime(
				45,
				'minutes',
				'How long to wait for the answer; when it passes, the node outputs its input items as n8n’s own send-and-wait nodes do',
			),
			{
				displayName: 'Message Button Label',
				name: 'messageButtonLabel',
				type: 'string',
				default: 'Respond',
				description: 'The word before the link to the form in the message',
				displayOptions: { show: { '/responseType': ['freeText', 'customForm'] } },
			},
			{
				displayName: 'Response Form Button Label',
				name: 'responseFormButtonLabel',
				type: 'string',
				default: 'Submit',
				displayOptions: { show: { '/responseType': ['freeText', 'customForm'] } },
			},
			{
				displayName: 'Response Form Description',
				name: 'responseFormDescription',
				type: 'string',
				default: '',
				description: 'Text above the form (default: the message)',
				displayOptions: { show: { '/responseType': ['freeText', 'customForm'] } },
			},
			{
				displayName: 'Response Form Title',
				name: 'responseFormTitle',
				type: 'string',
				default: '',
				description: 'Title of the page the recipient answers on',
			},
		],
	},
];
