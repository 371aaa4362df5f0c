import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	buildFlow,
	readScenarioName,
	type ScenarioBody,
	type ScenarioParameters,
} from '../../builders/scenario';
import { scenarioLocator } from '../../descriptions/common';
import { infobipApiRequest } from '../../transport';
import { scenarioPath } from '../../transport/endpoints';
import { perItemOperation } from '../items';
import { hintSenders } from '../message/scenarioCheck';
import { readScenarioKey } from '../parameters';
import { defaultScenarioField, scenarioNameField, stepsField } from './fields';

const properties: INodeProperties[] = [
	scenarioLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields set here change; the rest of the scenario stays as it is',
		options: [
			{ ...defaultScenarioField, default: true },
			{ ...scenarioNameField, default: '' },
			{ ...stepsField, required: false },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['scenario'], operation: ['update'] } },
	properties,
);

interface UpdateFields {
	name?: unknown;
	steps?: { step?: ScenarioParameters['steps'] };
	isDefault?: boolean;
}

/**
 * Infobip's PUT replaces the whole scenario, so the current one is read first and only the
 * fields the user set are changed.
 */
export const execute = perItemOperation(async function (itemIndex, { policy, read }) {
	const key = readScenarioKey(read, itemIndex);
	const fields = read('updateFields', itemIndex, {}) as UpdateFields;
	const newFlow = fields.steps === undefined ? undefined : buildFlow(fields.steps.step);
	const newName = readScenarioName(fields.name);
	if (newFlow) hintSenders.call(this, `Scenario '${newName || key}'`, newFlow);

	const current = await infobipApiRequest.call(
		this,
		{ method: 'GET', path: scenarioPath(key), itemIndex },
		policy,
	);
	const name = newName || (current.name as string | undefined);
	const body: ScenarioBody = {
		...(name ? { name } : {}),
		flow: newFlow ?? (current.flow as ScenarioBody['flow']),
		default: fields.isDefault ?? current.default === true,
	};
	return await infobipApiRequest.call(
		this,
		{ method: 'PUT', path: scenarioPath(key), body: body as unknown as IDataObject, itemIndex },
		policy,
	);
});
