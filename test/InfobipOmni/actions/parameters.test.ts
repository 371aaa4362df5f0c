/**
 * The node's parameter reader (nodes/InfobipOmni/actions/parameters.ts) against n8n's own
 * getNodeParameter, through n8n-core's engine: a probe node reads the same parameter both ways
 * for every input item, over a table of expressions (paths, missing fields, other nodes, $item,
 * functions, arrays, collections), and every value or error must be the same.
 * The app's `vm` engine is compared the same way in the real app by `npm run test:e2e`.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { InfobipOmni } from '../../../nodes/InfobipOmni/InfobipOmni.node';
import { itemParameters, type ReadStrategy } from '../../../nodes/InfobipOmni/actions/parameters';
import { runNode } from '../../support/harness';

type Outcome = { value: unknown } | { error: string };

function attempt(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

class ParameterProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Parameter Probe',
		name: 'parameterProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads one parameter both ways',
		usableAsTool: true,
		defaults: { name: 'Parameter Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Name',
				name: 'probe',
				type: 'string',
				default: 'value',
				noDataExpression: true,
			},
			{
				displayName: 'Extract',
				name: 'extract',
				type: 'boolean',
				default: false,
				noDataExpression: true,
			},
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			{ displayName: 'Other', name: 'other', type: 'string', default: 'sibling' },
			{
				displayName: 'Collection',
				name: 'collection',
				type: 'collection',
				default: {},
				options: [
					{ displayName: 'A', name: 'a', type: 'string', default: '' },
					{ displayName: 'B', name: 'b', type: 'string', default: '' },
					{ displayName: 'N', name: 'n', type: 'number', default: 0 },
					{
						displayName: 'List',
						name: 'list',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						default: {},
						options: [
							{
								displayName: 'Entry',
								name: 'entry',
								values: [{ displayName: 'X', name: 'x', type: 'string', default: '' }],
							},
						],
					},
				],
			},
			{
				displayName: 'Locator',
				name: 'locator',
				type: 'resourceLocator',
				default: { mode: 'key', value: '' },
				modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const name = this.getNodeParameter('probe', 0) as string;
		const options = this.getNodeParameter('extract', 0) ? { extractValue: true } : undefined;
		const { read, strategyOf, n8nReads } = itemParameters(this, items);
		return [
			items.map((_, itemIndex) => ({
				json: {
					fast: attempt(() => read(name, itemIndex, undefined, options)),
					n8n: attempt(() => this.getNodeParameter(name, itemIndex, undefined, options)),
					// Read again: a cached value must not carry a change made by the caller.
					again: attempt(() => {
						const first = read(name, itemIndex, undefined, options);
						if (first && typeof first === 'object') (first as IDataObject).changed = true;
						return read(name, itemIndex, undefined, options);
					}),
					strategy: strategyOf(name, options) ?? null,
					n8nReads: n8nReads(),
				} as unknown as IDataObject,
				pairedItem: { item: itemIndex },
			})),
		];
	}
}

const ITEMS: IDataObject[] = [
	{
		phone: '41793026727',
		n: 7,
		flag: true,
		nested: { a: { b: 'deep' } },
		list: ['first', 'second'],
		'first name': 'Ana',
		näme: 'ü',
		$dollar: 'd',
		_id: 'mongo',
		empty: '',
		zero: 0,
		nothing: null,
		object: { x: 1 },
		text: 'Hello {{ not an expression }}',
		formula: '=1+1',
	},
	{ phone: 41793026731, n: -2.5, flag: false, nested: { a: 'flat' }, list: [], text: '' },
	{},
	{ nested: null, list: 'not a list', phone: ['41793026727', '41793026731'] },
];

async function probe(parameters: INodeParameters, items: IDataObject[] = ITEMS) {
	const { output, error } = await runNode({
		type: 'parameterProbe',
		parameters,
		credentials: {},
		input: items.map((json) => ({ json })),
		extraNodeTypes: [new ParameterProbe()],
	});
	expect(error).toBeUndefined();
	return output.map(
		(item) =>
			item.json as unknown as {
				fast: Outcome;
				n8n: Outcome;
				again: Outcome;
				strategy: ReadStrategy | null;
				n8nReads: number;
			},
	);
}

const VALUES: Array<[string, unknown, ReadStrategy]> = [
	['a typed-in text', 'Our spring sale starts today.', 'constant'],
	['an empty text', '', 'constant'],
	['a text with braces but no =', 'Hi {{ $json.phone }}', 'constant'],
	['a number', 42, 'constant'],
	['$json.phone', '={{ $json.phone }}', 'perLeaf'],
	['$json.phone without spaces', '={{$json.phone}}', 'perLeaf'],
	['$json.phone with new lines', '={{\n  $json.phone\n}}', 'perLeaf'],
	['a number field', '={{ $json.n }}', 'perLeaf'],
	['a boolean field', '={{ $json.flag }}', 'perLeaf'],
	['a missing field', '={{ $json.missing }}', 'perLeaf'],
	['an empty text field', '={{ $json.empty }}', 'perLeaf'],
	['zero', '={{ $json.zero }}', 'perLeaf'],
	['null', '={{ $json.nothing }}', 'perLeaf'],
	['an object field', '={{ $json.object }}', 'perLeaf'],
	['an array field', '={{ $json.list }}', 'perLeaf'],
	['a nested path', '={{ $json.nested.a.b }}', 'perLeaf'],
	['a path through a missing field', '={{ $json.missing.deeper }}', 'perLeaf'],
	['an index', '={{ $json.list[1] }}', 'perLeaf'],
	['an index out of range', '={{ $json.list[5] }}', 'perLeaf'],
	['a quoted key with a space', '={{ $json["first name"] }}', 'perLeaf'],
	['a single-quoted key', "={{ $json['first name'] }}", 'perLeaf'],
	['a non-ASCII key', '={{ $json["näme"] }}', 'perLeaf'],
	['a $ key', '={{ $json.$dollar }}', 'perLeaf'],
	['an _ key', '={{ $json._id }}', 'perLeaf'],
	['a field holding braces', '={{ $json.text }}', 'perLeaf'],
	['a field holding =…', '={{ $json.formula }}', 'perLeaf'],
	['length of a text', '={{ $json.phone.length }}', 'perLeaf'],
	['an inherited method', '={{ $json.toString }}', 'perLeaf'],
	['hasOwnProperty', '={{ $json.hasOwnProperty }}', 'perLeaf'],
	['constructor', '={{ $json.constructor }}', 'perLeaf'],
	['__proto__', '={{ $json.__proto__ }}', 'perLeaf'],
	['a method call', '={{ $json.phone.toUpperCase() }}', 'perLeaf'],
	['an n8n extension', '={{ $json.phone.isEmpty() }}', 'perLeaf'],
	['arithmetic', '={{ $json.n + 1 }}', 'perLeaf'],
	['text around', '=+{{ $json.phone }}', 'perLeaf'],
	['two expressions', '={{ $json.phone }} / {{ $json.n }}', 'perLeaf'],
	['an array expression', '={{ [$json.phone, $json.n] }}', 'perLeaf'],
	['$input.item', '={{ $input.item.json.phone }}', 'perLeaf'],
	['$item', '={{ $item(0).$json.phone }}', 'perLeaf'],
	['$itemIndex', '={{ $itemIndex }}', 'perLeaf'],
	['another node', '={{ $("Nowhere").item.json.phone }}', 'perLeaf'],
	['$node', '={{ $node["Parameter Probe"].name }}', 'perLeaf'],
	['$parameter', '={{ $parameter.other }}', 'n8n'],
	['a function', '={{ $json.phone.toUpperCase }}', 'perLeaf'],
	['a syntax error', '={{ $json.phone + }}', 'perLeaf'],
	['$now', '={{ typeof $now }}', 'perLeaf'],
];

describe('itemParameters gives what getNodeParameter gives', () => {
	it.each(VALUES)('Value: %s', async (_, value, strategy) => {
		const rows = await probe({ probe: 'value', value } as INodeParameters);
		for (const row of rows) {
			expect(row.fast).toStrictEqual(row.n8n);
			expect(row.again).toStrictEqual(row.n8n);
			expect(row.strategy).toBe(strategy);
		}
	});

	it.each<[string, IDataObject, ReadStrategy]>([
		['a collection of typed-in values', { a: 'fixed', n: 3 }, 'constant'],
		[
			'a collection with expressions among typed-in values',
			{ a: '={{ $json.phone }}', b: 'fixed', n: '={{ $json.n * 2 }}' },
			'perLeaf',
		],
		[
			'a fixed collection list with expressions',
			{
				list: {
					entry: [{ x: '={{ $json.phone }}' }, { x: 'typed' }, { x: '={{ $json.list[0] }}' }],
				},
			},
			'perLeaf',
		],
		['a collection using $parameter', { a: '={{ $parameter.other }}', b: 'fixed' }, 'n8n'],
	])('Collection: %s', async (_, collection, strategy) => {
		const rows = await probe({ probe: 'collection', collection } as INodeParameters);
		for (const row of rows) {
			expect(row.fast).toStrictEqual(row.n8n);
			expect(row.again).toStrictEqual(row.n8n);
			expect(row.strategy).toBe(strategy);
		}
	});

	it.each<[string, string, IDataObject, boolean, ReadStrategy]>([
		[
			'a typed-in resource locator, extracted',
			'locator',
			{ __rl: true, mode: 'key', value: 'KEY' },
			true,
			'constant',
		],
		[
			'an expression resource locator, extracted',
			'locator',
			{ __rl: true, mode: 'key', value: '={{ $json.phone }}' },
			true,
			'n8n',
		],
		[
			'an expression resource locator, raw',
			'locator',
			{ __rl: true, mode: 'key', value: '={{ $json.phone }}' },
			false,
			'perLeaf',
		],
		['one field of a collection', 'collection.a', { a: '={{ $json.phone }}' }, false, 'perLeaf'],
	])('Path: %s', async (_, name, value, extract, strategy) => {
		const parameters = {
			probe: name,
			extract,
			[name.split('.')[0]]: value,
		} as INodeParameters;
		const rows = await probe(parameters);
		for (const row of rows) {
			expect(row.fast).toStrictEqual(row.n8n);
			expect(row.strategy).toBe(strategy);
		}
	});

	it('reads $json paths without n8n, and a typed-in value once', async () => {
		// Items 0 and 1 hold a text and a number; item 2 lacks the field, item 3 holds an array:
		// those two go to n8n, three times each (fast, again twice).
		const paths = await probe({ probe: 'value', value: '={{ $json.phone }}' } as INodeParameters);
		expect(paths.map((row) => row.n8nReads)).toEqual([0, 0, 3, 6]);
		const typed = await probe({ probe: 'value', value: 'Our spring sale' } as INodeParameters);
		expect(typed.map((row) => row.n8nReads)).toEqual([1, 1, 1, 1]);
	});

	it('a parameter n8n cannot find is refused the same way', async () => {
		const rows = await probe({ probe: 'collection.missing.deeper' } as INodeParameters);
		expect(rows[0].n8n).toStrictEqual({
			error: 'Could not get parameter "collection.missing.deeper"',
		});
		for (const row of rows) expect(row.fast).toStrictEqual(row.n8n);
	});
});

describe('the shortcut is exact for this node', () => {
	/** n8n checks `validateType` after a read; the reader skips that check, so none may exist. */
	function withValidateType(properties: INodeProperties[], path = ''): string[] {
		const found: string[] = [];
		for (const property of properties) {
			const here = `${path}${property.name}`;
			if (property.validateType) found.push(here);
			for (const option of property.options ?? []) {
				if ('values' in option) found.push(...withValidateType(option.values, `${here}.`));
				else if ('type' in option)
					found.push(...withValidateType([option as INodeProperties], `${here}.`));
			}
		}
		return found;
	}

	it('no parameter of the Infobip OMNI node declares validateType', () => {
		expect(withValidateType(new InfobipOmni().description.properties)).toEqual([]);
	});
});
