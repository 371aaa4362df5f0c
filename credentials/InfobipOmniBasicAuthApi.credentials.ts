import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	BASIC_AUTH_TEST_TEXTS,
	baseUrlProperty,
	NO_REDIRECTS,
	normalizeBaseUrl,
	omniCredentialTest,
} from './InfobipOmniShared';

export class InfobipOmniBasicAuthApi implements ICredentialType {
	name = 'infobipOmniBasicAuthApi';

	// The editor names a new credential "Infobip OMNI Basic Auth account" (displayName minus "API").
	displayName = 'Infobip OMNI Basic Auth API';

	icon: Icon = { light: 'file:../icons/infobip.svg', dark: 'file:../icons/infobip.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-infobip-omni/n8n-nodes-infobip-omni#basic-auth-username-and-password';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The username you sign in to the Infobip portal with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		baseUrlProperty,
	];

	/** Basic base64(username:password), as in Infobip's docs; base URL normalised, redirects refused. */
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
		return {
			...requestOptions,
			baseURL: normalizeBaseUrl(credentials.baseUrl),
			...NO_REDIRECTS,
			headers: { ...requestOptions.headers, Authorization: `Basic ${token}` },
		};
	};

	test: ICredentialTestRequest = omniCredentialTest(BASIC_AUTH_TEST_TEXTS);
}
