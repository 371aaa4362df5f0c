import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildScenarioBody, type ScenarioParameters } from '../../builders/scenario';
import { infobipApiRequest } from '../../transport';
import { SCENARIOS_PATH } from '../../transport/endpoints';
import { perItemOperation } from '../items';
import { hintSenders } from '../message/scenarioCheck';
import { defaultScenarioField, scenarioNameField, stepsField } from './fields';

const properties: INodeProperties[] = [
	{ ...scenarioNameField, default: '' },
	stepsField,
	defaultScenarioField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['scenario'], operation: ['create'] } },
	properties,
);

/** `POST /omni/1/scenarios`: one scenario per item, answered with its new key. */
export const execute = perItemOperation(async function (itemIndex, { policy, read }) {
	const body = buildScenarioBody({
		name: read('name', itemIndex, ''),
		steps: (read('steps.step', itemIndex, []) as ScenarioParameters['steps']) ?? [],
		isDefault: read('isDefault', itemIndex, false) as boolean,
	});
	hintSenders.call(
		this,
		body.name ? `Scenario '${body.name}'` : `The scenario of item ${itemIndex}`,
		body.flow,
	);
	return await infobipApiRequest.call(
		this,
		{ method: 'POST', path: SCENARIOS_PATH, body: { ...body }, itemIndex },
		policy,
	);
});
