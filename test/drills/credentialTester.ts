/**
 * n8n's credential tester, as n8n's CLI runs a declarative `test` (packages/cli/src/services/
 * credentials-tester.service.ts, runRequestTest): the request goes through n8n-core's RoutingNode,
 * and the live error (its axios `cause.response`) is turned into the verdict the editor shows.
 * The CLI is not a dependency of this package, so its verdict logic is mirrored here.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	NodeConnectionTypes,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IExecuteData,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { additionalDataFor, TestCredentialsHelper } from '../support/harness';

export async function testCredentialLikeN8n(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
	extraCredentialTypes: ICredentialType[] = [],
): Promise<INodeCredentialTestResult> {
	const test = type.test;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: 'Credential test',
			defaults: { name: 'Temp' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type.name]: { id: 'cred-id', name: 'cred' } },
	};
	const nodeTypes: INodeTypes = {
		getKnownTypes: () => ({}),
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = additionalDataFor(
		new TestCredentialsHelper({ [type.name]: data }, extraCredentialTypes),
	);
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'cred-id',
		name: 'cred',
		type: type.name,
		data,
	});
	try {
		await workflow.expression.acquireIsolate();
		await routingNode.runNode();
	} catch (error) {
		const response = (error as { cause?: { response?: { status: number; statusText?: string } } })
			.cause?.response;
		const code = (error as { cause?: { code?: string } }).cause?.code;
		if (response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (response.status < 199 || response.status > 299) {
				return {
					status: 'Error',
					message: response.statusText || `Received HTTP status code: ${response.status}`,
				};
			}
		} else if (code) {
			return { status: 'Error', message: code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	} finally {
		await workflow.expression.releaseIsolate();
	}
	return { status: 'OK', message: 'Connection successful!' };
}
