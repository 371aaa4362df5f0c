import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	API_KEY_TEST_TEXTS,
	baseUrlProperty,
	NO_REDIRECTS,
	normalizeBaseUrl,
	omniCredentialTest,
} from './InfobipOmniShared';

export class InfobipOmniApiKeyApi implements ICredentialType {
	name = 'infobipOmniApiKeyApi';

	// The editor names a new credential after displayName minus every word "API", plus "account":
	// the hyphen keeps "API-Key", so it reads "Infobip OMNI API-Key account".
	displayName = 'Infobip OMNI API-Key API';

	icon: Icon = { light: 'file:../icons/infobip.svg', dark: 'file:../icons/infobip.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-infobip-omni/n8n-nodes-infobip-omni#api-key';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An API key from the Infobip portal (Developer tools > API keys) with the omni-failover scopes the node needs',
		},
		baseUrlProperty,
	];

	/** Authorization: App <key>; base URL normalised and redirects refused, once for every request. */
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		baseURL: normalizeBaseUrl(credentials.baseUrl),
		...NO_REDIRECTS,
		headers: { ...requestOptions.headers, Authorization: `App ${credentials.apiKey}` },
	});

	test: ICredentialTestRequest = omniCredentialTest(API_KEY_TEST_TEXTS);
}
