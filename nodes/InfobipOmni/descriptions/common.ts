import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from '../transport';

/** Both nodes' credentials: the one the Authentication choice names. */
export const nodeCredentials: INodeCredentialDescription[] = [
	{
		name: CREDENTIAL_TYPES.basicAuth,
		required: true,
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		name: CREDENTIAL_TYPES.apiKey,
		required: true,
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Basic Auth', value: 'basicAuth', description: 'Username and password' },
		{ name: 'API Key', value: 'apiKey', description: 'Authorization: App &lt;key&gt;' },
	],
	default: 'basicAuth',
};

/** Picks a scenario: from a searchable list of the account's scenarios, or by its key. */
export const scenarioLocator: INodeProperties = {
	displayName: 'Scenario',
	name: 'scenario',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	// Not `required`: n8n would mark the empty picker as an issue before the user has done
	// anything. An empty scenario is refused when the node runs, naming the fix.
	description: 'The OMNI scenario: its ordered channel steps',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a scenario...',
			typeOptions: { searchListMethod: 'searchScenarios', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'key',
			type: 'string',
			placeholder: 'e.g. 12CD1116DC7B451B2B7286412482CCC1',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[0-9A-Za-z-]+$',
						errorMessage: 'A scenario key has letters and digits only',
					},
				},
			],
		},
	],
};

/**
 * Request settings every operation shares: how long to wait and how often to retry. Read once
 * per run (actions/parameters.ts readRetryPolicy).
 * The defaults repeat the transport's DEFAULT_RETRY_POLICY as literals because n8n's lint reads
 * them statically; a description test keeps the two equal.
 */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		noDataExpression: true,
		default: 5,
		description:
			'How many times to retry a request that Infobip rate-limited (429), or a read that met 502, 503, 504 or a lost connection. Sends are never retried after a server or connection failure, so that nothing is sent twice.',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 600 },
		noDataExpression: true,
		default: 60,
		description:
			"Upper bound on the total time one request may spend waiting between retries, including Infobip's Retry-After",
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		noDataExpression: true,
		default: 30,
		description: 'How long to wait for Infobip to answer one request',
	},
];

/** The name of the collection that holds transport tuning, apart from message Options. */
export const REQUEST_SETTINGS = 'requestSettings';

/**
 * Transport tuning (retries, timeout; for sends also batching and pacing) in a collection of its
 * own, so that Options holds only what changes the message.
 */
export function requestSettings(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Request Settings',
		name: REQUEST_SETTINGS,
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description:
			'How the node talks to Infobip: retries and timeout (sends also batching and pacing)',
		options: [...extra, ...requestOptionFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** Return All and Limit, as n8n's Get Many operations have them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Time units of a step's validity period. */
export const validityUnitOptions = [
	{ name: 'Days', value: 'DAYS' },
	{ name: 'Hours', value: 'HOURS' },
	{ name: 'Minutes', value: 'MINUTES' },
	{ name: 'Seconds', value: 'SECONDS' },
];
