import type { INode, INodeParameters, INodeProperties, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { InfobipOmni } from '../../nodes/InfobipOmni/InfobipOmni.node';

const nodeType = new InfobipOmni();
const { description } = nodeType;

const nodeTypes: INodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
};

/** The subtitle as n8n's expression engine renders it on the canvas for these parameters. */
function subtitleFor(parameters: INodeParameters): unknown {
	const node: INode = {
		id: 'n1',
		name: 'Infobip OMNI',
		type: 'n8n-nodes-infobip-omni.infobipOmni',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		description.subtitle as string,
		'internal',
		{},
	);
}

const resource = description.properties.find((p) => p.name === 'resource') as INodeProperties;
const cases = description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) =>
		(p.options as Array<{ name: string; value: string }>).map((option) => {
			const resourceValue = p.displayOptions?.show?.resource?.[0] as string;
			const resourceLabel = (resource.options as Array<{ name: string; value: string }>).find(
				(r) => r.value === resourceValue,
			)?.name;
			return [resourceValue, option.value, `${option.name}: ${resourceLabel}`] as const;
		}),
	);

describe('canvas subtitle', () => {
	it('covers every operation of every resource', () => {
		expect(cases.length).toBe(11);
	});

	it.each(cases)('%s %s reads "%s"', (resourceValue, operation, expected) => {
		expect(subtitleFor({ resource: resourceValue, operation })).toBe(expected);
	});

	it('never shows an internal value', () => {
		for (const [resourceValue, operation] of cases) {
			const subtitle = String(subtitleFor({ resource: resourceValue, operation }));
			expect(subtitle).not.toContain(operation);
			expect(subtitle).not.toContain(resourceValue);
		}
	});
});
