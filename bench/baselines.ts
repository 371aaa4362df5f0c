/**
 * Two dev-only node types the benchmark runs in the same n8n engine as the Infobip OMNI node,
 * with the node's own parameter description, so that n8n hands them exactly the same parameters:
 *
 * - the **floor**: reads the same parameters per item as the node, then sends the same minimal
 *   set of requests with the same concurrency, and nothing else (no checks, no error mapping, no
 *   retries). What any implementation of this work must at least spend.
 * - the **naive way**: one request per item (Get Many: per scenario), one at a time, as most
 *   messaging nodes do. It can stop at a deadline, so that its long runs are bounded.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { InfobipOmni } from '../nodes/InfobipOmni/InfobipOmni.node';
import { SCENARIO_PAGE } from './cases';

const CREDENTIAL_TYPE = 'infobipOmniBasicAuthApi';
const SEND_PATH = '/omni/1/advanced';
const SCENARIOS_PATH = '/omni/1/scenarios';

/** Stops the naive way after this epoch time (ms); 0 means never. */
const DEADLINE_PARAMETER: INodeProperties = {
	displayName: 'Deadline',
	name: 'benchDeadline',
	type: 'hidden',
	default: 0,
};

function description(name: string, displayName: string, summary: string): INodeTypeDescription {
	return {
		displayName,
		name,
		group: ['transform'],
		version: 1,
		description: summary,
		defaults: { name: displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [...new InfobipOmni().description.properties, DEADLINE_PARAMETER],
	};
}

async function request(
	context: IExecuteFunctions,
	options: IHttpRequestOptions,
): Promise<IDataObject> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
		...options,
		json: true,
	})) as IDataObject;
}

interface ItemSend {
	itemIndex: number;
	/** Groups items whose messages are equal but for their recipients. */
	group: string;
	body: IDataObject;
	destination: IDataObject;
}

/** Reads, per item, exactly the parameters the node's Send Text reads, and the minimal body. */
function readSend(context: IExecuteFunctions, itemIndex: number, runPrefix: string): ItemSend {
	const get = (name: string, fallback: unknown, extractValue = false) =>
		context.getNodeParameter(
			name,
			itemIndex,
			fallback,
			extractValue ? { extractValue: true } : undefined,
		);
	get('useDefaultScenario', false);
	const scenarioKey = String(get('scenario', '', true));
	const phoneNumber = String(get('phoneNumbers', ''));
	get('facebookUserKey', '');
	const facebookText = String(get('facebookText', ''));
	const smsText = String(get('smsText', ''));
	get('options.validityPeriods.period', []);
	get('options.messageId', '');
	get('requestSettings.messageIdSource', 'derived');
	get('options', {});
	return {
		itemIndex,
		group: `${scenarioKey}\u0000${facebookText}\u0000${smsText}`,
		body: { scenarioKey, facebook: { text: facebookText }, sms: { text: smsText } },
		destination: { messageId: `${runPrefix}-${itemIndex}-1`, to: { phoneNumber } },
	};
}

/** The settings the node reads once per run. */
function readOnce(context: IExecuteFunctions) {
	const number = (name: string, fallback: number) =>
		Number(context.getNodeParameter(`requestSettings.${name}`, 0, fallback));
	const settings = {
		batchSize: number('batchSize', 100),
		maxInFlight: number('requestsInFlight', 5),
	};
	number('requestsPerSecond', 0);
	number('maxRetries', 5);
	number('maxRetryWaitSeconds', 60);
	number('timeoutSeconds', 30);
	context.getNodeParameter('simplify', 0, true);
	context.getNodeParameter('resource', 0);
	context.getNodeParameter('operation', 0);
	const runIndex = Number(context.getWorkflowDataProxy(0).$runIndex ?? 0);
	const runPrefix = `${context.getExecutionId()}-${context.getNode().id.slice(0, 8)}-${runIndex}`;
	return { ...settings, runPrefix };
}

const withDestinations = (body: IDataObject, destinations: IDataObject[]): IDataObject => {
	const { scenarioKey, ...rest } = body;
	return { scenarioKey, destinations, ...rest };
};

async function floorSend(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const { batchSize, maxInFlight, runPrefix } = readOnce(context);
	const chunks: ItemSend[][] = [];
	const open = new Map<string, ItemSend[]>();
	for (let i = 0; i < items.length; i++) {
		const send = readSend(context, i, runPrefix);
		let chunk = open.get(send.group);
		if (!chunk || chunk.length >= batchSize) {
			chunk = [];
			open.set(send.group, chunk);
			chunks.push(chunk);
		}
		chunk.push(send);
	}
	const perItem: INodeExecutionData[][] = Array.from({ length: items.length }, () => []);
	let next = 0;
	const worker = async () => {
		for (let c = next++; c < chunks.length; c = next++) {
			const chunk = chunks[c];
			const response = await request(context, {
				method: 'POST',
				url: SEND_PATH,
				body: withDestinations(
					chunk[0].body,
					chunk.map((send) => send.destination),
				),
			});
			const messages = (response.messages ?? []) as IDataObject[];
			chunk.forEach((send, position) =>
				perItem[send.itemIndex].push({
					json: messages[position] ?? {},
					pairedItem: { item: send.itemIndex },
				}),
			);
		}
	};
	await Promise.all(Array.from({ length: Math.min(maxInFlight, chunks.length) }, worker));
	return perItem.flat();
}

async function floorGetMany(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	context.getNodeParameter('returnAll', 0, false);
	context.getNodeParameter('filters', 0, {});
	context.getNodeParameter('resource', 0);
	context.getNodeParameter('operation', 0);
	const output: INodeExecutionData[] = [];
	for (let page = 0; ; page++) {
		const response = await request(context, {
			method: 'GET',
			url: SCENARIOS_PATH,
			qs: { page, limit: SCENARIO_PAGE },
		});
		const scenarios = (response.scenarios ?? []) as IDataObject[];
		for (const json of scenarios) output.push({ json, pairedItem: { item: 0 } });
		if (scenarios.length < SCENARIO_PAGE) return output;
	}
}

const pastDeadline = (context: IExecuteFunctions) => {
	const deadline = Number(context.getNodeParameter('benchDeadline', 0, 0));
	return () => deadline > 0 && Date.now() > deadline;
};

async function naiveSend(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const { runPrefix } = readOnce(context);
	const stop = pastDeadline(context);
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length && !stop(); i++) {
		const send = readSend(context, i, runPrefix);
		const response = await request(context, {
			method: 'POST',
			url: SEND_PATH,
			body: withDestinations(send.body, [send.destination]),
		});
		for (const json of (response.messages ?? []) as IDataObject[]) {
			output.push({ json, pairedItem: { item: i } });
		}
	}
	return output;
}

async function naiveGetMany(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	context.getNodeParameter('returnAll', 0, false);
	context.getNodeParameter('filters', 0, {});
	const stop = pastDeadline(context);
	const output: INodeExecutionData[] = [];
	for (let page = 0; !stop(); page++) {
		const response = await request(context, {
			method: 'GET',
			url: SCENARIOS_PATH,
			qs: { page, limit: 1 },
		});
		const scenarios = (response.scenarios ?? []) as IDataObject[];
		if (scenarios.length === 0) break;
		output.push({ json: scenarios[0], pairedItem: { item: 0 } });
	}
	return output;
}

const isGetMany = (context: IExecuteFunctions) =>
	context.getNodeParameter('resource', 0) === 'scenario';

export class BenchFloor implements INodeType {
	description = description(
		'benchFloor',
		'Bench Floor',
		'Reads the same parameters and sends the same minimal requests as the node, nothing more',
	);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [isGetMany(this) ? await floorGetMany(this) : await floorSend(this)];
	}
}

export class BenchNaive implements INodeType {
	description = description(
		'benchNaive',
		'Bench Naive',
		'One request per item, one at a time, as most messaging nodes do',
	);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [isGetMany(this) ? await naiveGetMany(this) : await naiveSend(this)];
	}
}
