/**
 * The Free Text and Custom Form definitions (from the fields list or JSON in n8n's Form format)
 * and the reading of a submitted form. Each table has accepted and refused rows.
 */
import {
	FORM_FIELD_TYPES,
	FREE_TEXT_FIELDS,
	fieldName,
	formFieldsFromJson,
	formFieldsFromParameter,
	jsonErrorOffset,
	readSubmission,
	type FormField,
} from '../../../nodes/InfobipOmni/wait/forms';
import { LIMITS } from '../../../nodes/InfobipOmni/limits';
import { refusal } from '../../support/refusal';

const options = (...values: string[]) => ({ values: values.map((option) => ({ option })) });

describe('FREE_TEXT_FIELDS and fieldName', () => {
	it('Free Text is one required textarea named Response', () => {
		expect(FREE_TEXT_FIELDS).toEqual([{ label: 'Response', type: 'textarea', required: true }]);
	});

	it.each([
		[0, 'field-0'],
		[7, 'field-7'],
		[49, 'field-49'],
	])('fieldName(%d) is %s', (index, name) => {
		expect(fieldName(index)).toBe(name);
	});
});

describe('formFieldsFromParameter: accepted', () => {
	it.each<[string, unknown, FormField[]]>([
		[
			'a required text field with a placeholder',
			{
				values: [
					{ fieldLabel: 'Name', fieldType: 'text', requiredField: true, placeholder: 'Jane Doe' },
				],
			},
			[{ label: 'Name', type: 'text', required: true, placeholder: 'Jane Doe' }],
		],
		[
			'no type means text, no Required Field means optional, an empty placeholder is none',
			{ values: [{ fieldLabel: 'Note', placeholder: '' }] },
			[{ label: 'Note', type: 'text', required: false }],
		],
		[
			'the label is trimmed',
			{ values: [{ fieldLabel: '  Age  ', fieldType: 'number' }] },
			[{ label: 'Age', type: 'number', required: false }],
		],
		[
			'a dropdown keeps its options in order and says whether it is multiple',
			{
				values: [
					{
						fieldLabel: 'Colour',
						fieldType: 'dropdown',
						fieldOptions: options('Red', 'Green', 'Blue'),
						multiselect: true,
					},
				],
			},
			[
				{
					label: 'Colour',
					type: 'dropdown',
					required: false,
					options: ['Red', 'Green', 'Blue'],
					multiselect: true,
				},
			],
		],
		[
			'a single dropdown: multiselect false',
			{ values: [{ fieldLabel: 'Size', fieldType: 'dropdown', fieldOptions: options('S', 'M') }] },
			[
				{
					label: 'Size',
					type: 'dropdown',
					required: false,
					options: ['S', 'M'],
					multiselect: false,
				},
			],
		],
		[
			'checkbox and radio take options; multiselect is only for dropdowns',
			{
				values: [
					{
						fieldLabel: 'Extras',
						fieldType: 'checkbox',
						fieldOptions: options('A', 'B'),
						multiselect: true,
					},
					{
						fieldLabel: 'Plan',
						fieldType: 'radio',
						fieldOptions: options('Free', 'Pro'),
						requiredField: true,
					},
				],
			},
			[
				{ label: 'Extras', type: 'checkbox', required: false, options: ['A', 'B'] },
				{ label: 'Plan', type: 'radio', required: true, options: ['Free', 'Pro'] },
			],
		],
		[
			'options on a text field are ignored; numeric labels and options become text',
			{
				values: [
					{ fieldLabel: 'Comment', fieldType: 'textarea', fieldOptions: options('x') },
					{
						fieldLabel: 2026,
						fieldType: 'radio',
						fieldOptions: { values: [{ option: 1 }, { option: 2 }] },
					},
				],
			},
			[
				{ label: 'Comment', type: 'textarea', required: false },
				{ label: '2026', type: 'radio', required: false, options: ['1', '2'] },
			],
		],
		[
			'every supported type',
			{
				values: FORM_FIELD_TYPES.map((type) => ({
					fieldLabel: type,
					fieldType: type,
					fieldOptions: options('o'),
				})),
			},
			FORM_FIELD_TYPES.map((type) => ({
				label: type,
				type,
				required: false,
				...(['dropdown', 'checkbox', 'radio'].includes(type) ? { options: ['o'] } : {}),
				...(type === 'dropdown' ? { multiselect: false } : {}),
			})),
		],
		[
			'labels differing only in case are different answers',
			{ values: [{ fieldLabel: 'name' }, { fieldLabel: 'Name' }] },
			[
				{ label: 'name', type: 'text', required: false },
				{ label: 'Name', type: 'text', required: false },
			],
		],
		[
			`exactly ${LIMITS.wait.formFields} fields`,
			{
				values: Array.from({ length: LIMITS.wait.formFields }, (_, i) => ({ fieldLabel: `Q${i}` })),
			},
			Array.from({ length: LIMITS.wait.formFields }, (_, i) => ({
				label: `Q${i}`,
				type: 'text',
				required: false,
			})),
		],
	])('%s', (_what, parameter, expected) => {
		expect(formFieldsFromParameter(parameter)).toEqual(expected);
	});
});

const TYPES = 'text, textarea, number, email, password, date, dropdown, checkbox, radio';
const OPTIONS_FIX = 'Add its choices under Field Options, each with a different text.';

describe('formFieldsFromParameter: refused, naming Form Fields', () => {
	it.each<[string, unknown, string, string | ReturnType<typeof expect.stringMatching>]>([
		['nothing', undefined, 'has no fields', expect.stringMatching(/^Add a field/)],
		['an empty list', { values: [] }, 'has no fields', expect.stringMatching(/^Add a field/)],
		['no values key', {}, 'has no fields', expect.stringMatching(/^Add a field/)],
		[
			'not a list',
			'Name',
			'is "Name", not a list of fields',
			expect.stringMatching(/^Add a field/),
		],
		[
			'a field without label',
			{ values: [{ fieldLabel: 'Name' }, { fieldType: 'text' }] },
			'field 2 has no Field Label',
			'Give every field a Field Label: the question the person sees, e.g. "Name".',
		],
		[
			'a blank label',
			{ values: [{ fieldLabel: '   ' }] },
			'field 1 has no Field Label (got "   ")',
			expect.stringMatching(/^Give every field a Field Label/),
		],
		[
			'an object as label',
			{ values: [{ fieldLabel: { a: 1 } }] },
			'field 1 has no Field Label (got {"a":1})',
			expect.stringMatching(/^Give every field a Field Label/),
		],
		[
			'an unknown type, listing the types',
			{ values: [{ fieldLabel: 'CV', fieldType: 'file' }] },
			'field 1 ("CV") has Field Type "file", which a response page cannot show',
			`Use one of: ${TYPES}.`,
		],
		[
			'a hidden field (n8n Form has it; a response page does not)',
			{ values: [{ fieldLabel: 'Source', fieldType: 'hiddenField' }] },
			'field 1 ("Source") has Field Type "hiddenField", which a response page cannot show',
			`Use one of: ${TYPES}.`,
		],
		[
			'a dropdown without options',
			{ values: [{ fieldLabel: 'Colour', fieldType: 'dropdown' }] },
			'field 1 ("Colour") is a dropdown without options',
			OPTIONS_FIX,
		],
		[
			'a radio with an empty options list',
			{ values: [{ fieldLabel: 'Plan', fieldType: 'radio', fieldOptions: { values: [] } }] },
			'field 1 ("Plan") is a radio without options',
			OPTIONS_FIX,
		],
		[
			'a checkbox without options',
			{ values: [{ fieldLabel: 'Extras', fieldType: 'checkbox', fieldOptions: {} }] },
			'field 1 ("Extras") is a checkbox without options',
			OPTIONS_FIX,
		],
		[
			'an empty option',
			{ values: [{ fieldLabel: 'Plan', fieldType: 'radio', fieldOptions: options('A', ' ') }] },
			'field 1 ("Plan") has an empty option',
			OPTIONS_FIX,
		],
		[
			'a repeated option',
			{
				values: [{ fieldLabel: 'Plan', fieldType: 'radio', fieldOptions: options('A', 'B', 'A') }],
			},
			'field 1 ("Plan") has the option "A" twice',
			OPTIONS_FIX,
		],
		[
			'an object as option',
			{
				values: [
					{
						fieldLabel: 'Plan',
						fieldType: 'radio',
						fieldOptions: { values: [{ option: { x: 1 } }] },
					},
				],
			},
			'field 1 ("Plan") has an option {"option":{"x":1}} that is not text',
			OPTIONS_FIX,
		],
		[
			'repeated labels',
			{ values: [{ fieldLabel: 'Name' }, { fieldLabel: 'Age' }, { fieldLabel: ' Name' }] },
			'field 3 ("Name") has the same Field Label as field 1',
			'Give every field its own Field Label: the answer is keyed by it.',
		],
		[
			'the label respondedAt (the output sets it)',
			{ values: [{ fieldLabel: 'respondedAt' }] },
			'field 1 ("respondedAt") has a Field Label the output uses itself (respondedAt, approved)',
			'Choose another Field Label, e.g. "respondedAt (answer)".',
		],
		[
			'the label approved (the output sets it)',
			{ values: [{ fieldLabel: 'Name' }, { fieldLabel: 'approved' }] },
			'field 2 ("approved") has a Field Label the output uses itself (respondedAt, approved)',
			'Choose another Field Label, e.g. "approved (answer)".',
		],
		[
			'Required Field that is not a boolean',
			{ values: [{ fieldLabel: 'Name', requiredField: 'yes' }] },
			'field 1 ("Name") has Required Field "yes", not true or false',
			'Set Required Field to true or false (without quotes).',
		],
		[
			'a placeholder that is an object',
			{ values: [{ fieldLabel: 'Name', placeholder: ['a'] }] },
			'field 1 ("Name") has Placeholder ["a"], not text',
			'Give Placeholder as text, or leave it out.',
		],
		[
			`more than ${LIMITS.wait.formFields} fields`,
			{
				values: Array.from({ length: LIMITS.wait.formFields + 1 }, (_, i) => ({
					fieldLabel: `Q${i}`,
				})),
			},
			`has ${LIMITS.wait.formFields + 1} fields, more than ${LIMITS.wait.formFields}`,
			`Keep to ${LIMITS.wait.formFields} fields: a form a person fills in on a phone.`,
		],
		[
			'a field that is not an object',
			{ values: ['Name'] },
			'field 1 is "Name", not a field',
			expect.stringMatching(/^Add a field/),
		],
	])('%s', (_what, parameter, problem, fix) => {
		expect(refusal(() => formFieldsFromParameter(parameter))).toEqual(
			expect.objectContaining({ field: 'Form Fields', problem, fix }),
		);
	});
});

describe('formFieldsFromJson', () => {
	const nameField = { label: 'Name', type: 'text', required: true, placeholder: 'Jane' };

	it.each<[string, unknown, FormField[]]>([
		[
			'a JSON text in n8n Form format',
			'[{"fieldLabel":"Name","fieldType":"text","requiredField":true,"placeholder":"Jane"},' +
				'{"fieldLabel":"Colour","fieldType":"dropdown","fieldOptions":{"values":[{"option":"A"},{"option":"B"}]},"multiselect":false}]',
			[
				nameField as FormField,
				{
					label: 'Colour',
					type: 'dropdown',
					required: false,
					options: ['A', 'B'],
					multiselect: false,
				},
			],
		],
		[
			'an already parsed array (an expression)',
			[{ fieldLabel: 'Name', fieldType: 'text', requiredField: true, placeholder: 'Jane' }],
			[nameField as FormField],
		],
		[
			'JSON with spaces and line breaks',
			'\n  [\n    { "fieldLabel": "Age", "fieldType": "number" }\n  ]\n',
			[{ label: 'Age', type: 'number', required: false }],
		],
	])('%s', (_what, json, expected) => {
		expect(formFieldsFromJson(json)).toEqual(expected);
	});

	const JSON_FIX =
		'Write valid JSON (keys and texts in double quotes, no comma after the last entry), e.g. [{"fieldLabel": "Name", "fieldType": "text"}].';
	const ARRAY_FIX =
		'Write a JSON array of fields, e.g. [{"fieldLabel": "Name", "fieldType": "text", "requiredField": true}].';

	it.each<[string, unknown, string, string]>([
		[
			'a trailing comma, saying where',
			'[{"fieldLabel": "Name"},]',
			'is not valid JSON: it breaks at line 1, column 25 (at "]")',
			JSON_FIX,
		],
		[
			'a missing value on line 3',
			'[\n  {"fieldLabel": "Name",\n   "fieldType": }\n]',
			'is not valid JSON: it breaks at line 3, column 17 (at "}")',
			JSON_FIX,
		],
		[
			'single quotes',
			"[{'fieldLabel': 'Name'}]",
			'is not valid JSON: it breaks at line 1, column 3 (at "\'fieldLabel\'…")',
			JSON_FIX,
		],
		[
			'cut short',
			'[{"fieldLabel": "Name"}',
			'is not valid JSON: it breaks at line 1, column 24 (where it ends)',
			JSON_FIX,
		],
		['an empty text', '  ', 'has no fields', ARRAY_FIX],
		['an empty array', '[]', 'has no fields', ARRAY_FIX],
		[
			'a JSON object',
			'{"fieldLabel": "Name"}',
			'is a JSON object, not an array of fields',
			ARRAY_FIX,
		],
		['a JSON number', '42', 'is JSON 42, not an array of fields', ARRAY_FIX],
		[
			'an unknown type, naming the JSON key',
			'[{"fieldLabel": "Page", "fieldType": "html"}]',
			'field 1 ("Page") has "fieldType" "html", which a response page cannot show',
			`Use one of: ${TYPES}.`,
		],
		[
			'a field without fieldLabel',
			'[{"fieldType": "text"}]',
			'field 1 has no "fieldLabel"',
			'Give every field a "fieldLabel": the question the person sees, e.g. "Name".',
		],
		[
			'a radio without options, with the JSON to write',
			'[{"fieldLabel": "Plan", "fieldType": "radio"}]',
			'field 1 ("Plan") is a radio without options',
			'Give its choices as "fieldOptions": {"values": [{"option": "A"}, {"option": "B"}]}, each with a different text.',
		],
		[
			'fieldOptions that is a text',
			'[{"fieldLabel": "Plan", "fieldType": "radio", "fieldOptions": "A, B"}]',
			'field 1 ("Plan") has "fieldOptions" "A, B", not a list',
			'Give its choices as "fieldOptions": {"values": [{"option": "A"}, {"option": "B"}]}, each with a different text.',
		],
		[
			'requiredField in quotes',
			'[{"fieldLabel": "Name", "requiredField": "true"}]',
			'field 1 ("Name") has "requiredField" "true", not true or false',
			'Set "requiredField" to true or false (without quotes).',
		],
		[
			'repeated labels',
			'[{"fieldLabel": "Name"}, {"fieldLabel": "Name"}]',
			'field 2 ("Name") has the same "fieldLabel" as field 1',
			'Give every field its own "fieldLabel": the answer is keyed by it.',
		],
		[
			'the reserved label approved',
			'[{"fieldLabel": "approved", "fieldType": "checkbox", "fieldOptions": {"values": [{"option": "yes"}]}}]',
			'field 1 ("approved") has a "fieldLabel" the output uses itself (respondedAt, approved)',
			'Choose another "fieldLabel", e.g. "approved (answer)".',
		],
		[
			'too many fields',
			JSON.stringify(Array.from({ length: 51 }, (_, i) => ({ fieldLabel: `Q${i}` }))),
			'has 51 fields, more than 50',
			'Keep to 50 fields: a form a person fills in on a phone.',
		],
	])('refuses %s', (_what, json, problem, fix) => {
		expect(refusal(() => formFieldsFromJson(json))).toEqual(
			expect.objectContaining({ field: 'Form Fields (JSON)', problem, fix }),
		);
	});
});

describe('jsonErrorOffset agrees with JSON.parse', () => {
	it.each([
		'[]',
		'{}',
		'[1, -2.5e3, "a\\"b\\u00e9", true, false, null, {"k": [{}]}]',
		' { "a" : { "b" : [ ] } } ',
		'[{"fieldLabel": "Name"},]',
		'[01]',
		'{"a" 1}',
		'"unterminated',
		'[1 2]',
		'{"a":1}x',
		'',
		'nul',
		'["tab\there"]',
	])('%j', (text) => {
		let valid = true;
		try {
			JSON.parse(text);
		} catch {
			valid = false;
		}
		const offset = jsonErrorOffset(text);
		expect(offset === undefined).toBe(valid);
	});
});

describe('readSubmission', () => {
	const FIELDS: FormField[] = formFieldsFromJson([
		{ fieldLabel: 'Name', fieldType: 'text', requiredField: true },
		{ fieldLabel: 'Age', fieldType: 'number' },
		{ fieldLabel: 'Email', fieldType: 'email' },
		{ fieldLabel: 'Start', fieldType: 'date' },
		{ fieldLabel: 'Colour', fieldType: 'dropdown', fieldOptions: options('A', 'B') },
		{
			fieldLabel: 'Toppings',
			fieldType: 'dropdown',
			multiselect: true,
			fieldOptions: options('Cheese', 'Ham', 'Olives'),
		},
		{ fieldLabel: 'Extras', fieldType: 'checkbox', fieldOptions: options('Bag', 'Card') },
		{ fieldLabel: 'Plan', fieldType: 'radio', fieldOptions: options('Free', 'Pro') },
		{ fieldLabel: 'Comment', fieldType: 'textarea' },
		{ fieldLabel: 'PIN', fieldType: 'password' },
	]);
	const index = (label: string) => FIELDS.findIndex((field) => field.label === label);
	const body = (values: Record<string, unknown>) =>
		Object.fromEntries(
			Object.entries(values).map(([label, value]) => [fieldName(index(label)), value]),
		);
	const EMPTY_OPTIONAL = {
		Age: null,
		Email: null,
		Start: null,
		Colour: null,
		Toppings: null,
		Extras: null,
		Plan: null,
		Comment: null,
		PIN: null,
	};

	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		[
			'only the required field: the rest is null',
			{ Name: 'Jane' },
			{ Name: 'Jane', ...EMPTY_OPTIONAL },
		],
		[
			'everything filled in, typed',
			{
				Name: 'Jane',
				Age: '42',
				Email: ' jane@example.com ',
				Start: '2026-12-24',
				Colour: 'B',
				Toppings: ['Cheese', 'Olives'],
				Extras: ['Card'],
				Plan: 'Pro',
				Comment: 'line 1\r\nline 2',
				PIN: ' 1234 ',
			},
			{
				Name: 'Jane',
				Age: 42,
				Email: 'jane@example.com',
				Start: '2026-12-24',
				Colour: 'B',
				Toppings: ['Cheese', 'Olives'],
				Extras: ['Card'],
				Plan: 'Pro',
				Comment: 'line 1\nline 2',
				PIN: ' 1234 ',
			},
		],
		[
			'one ticked checkbox arrives as a string: still a list',
			{ Name: 'Jane', Extras: 'Bag', Toppings: 'Ham' },
			{ ...EMPTY_OPTIONAL, Name: 'Jane', Extras: ['Bag'], Toppings: ['Ham'] },
		],
		[
			'decimal, negative and exponent numbers',
			{ Name: 'Jane', Age: '-1.5e2' },
			{ ...EMPTY_OPTIONAL, Name: 'Jane', Age: -150 },
		],
		[
			'empty strings and empty lists are empty',
			{ Name: 'Jane', Age: ' ', Colour: '', Extras: [], Toppings: [''], Comment: '\r\n' },
			{ Name: 'Jane', ...EMPTY_OPTIONAL },
		],
		[
			'a ticked option sent twice counts once',
			{ Name: 'Jane', Extras: ['Bag', 'Bag'] },
			{ ...EMPTY_OPTIONAL, Name: 'Jane', Extras: ['Bag'] },
		],
	])('answer: %s', (_what, values, answer) => {
		expect(readSubmission(FIELDS, body(values))).toEqual({ answer });
	});

	it.each<[string, unknown, string[]]>([
		['nothing submitted', {}, ['Name is required']],
		['no body at all', undefined, ['Name is required']],
		['a blank required text', body({ Name: '   ' }), ['Name is required']],
		[
			'several problems, in field order',
			body({ Name: '', Age: 'forty', Email: 'jane@', Start: '2026-02-30', Colour: 'C' }),
			[
				'Name is required',
				'Age must be a number',
				'Email must be an email address',
				'Start must be a date (YYYY-MM-DD)',
				'Colour must be one of A, B',
			],
		],
		['hex is no number', body({ Name: 'J', Age: '0x10' }), ['Age must be a number']],
		['Infinity is no number', body({ Name: 'J', Age: '1e400' }), ['Age must be a number']],
		[
			'a date in another format',
			body({ Name: 'J', Start: '24.12.2026' }),
			['Start must be a date (YYYY-MM-DD)'],
		],
		[
			'options outside the list',
			body({ Name: 'J', Toppings: ['Ham', 'Pineapple'], Extras: 'Gift', Plan: 'Enterprise' }),
			[
				'Toppings must be one of Cheese, Ham, Olives',
				'Extras must be one of Bag, Card',
				'Plan must be one of Free, Pro',
			],
		],
		['two values for a single answer', body({ Name: ['Jane', 'John'] }), ['Name takes one answer']],
		['an object where text belongs', body({ Name: { first: 'Jane' } }), ['Name must be text']],
	])('problems: %s', (_what, submitted, problems) => {
		expect(readSubmission(FIELDS, submitted)).toEqual({ problems });
	});

	it('keys that are no field (the signature, a field-99) are ignored', () => {
		expect(
			readSubmission(FIELDS, {
				'field-0': 'Jane',
				signature: 'abc',
				'field-99': 'x',
				Name: 'John',
			}),
		).toEqual({ answer: { Name: 'Jane', ...EMPTY_OPTIONAL } });
	});

	it('required choices need at least one', () => {
		const fields = formFieldsFromJson([
			{
				fieldLabel: 'Extras',
				fieldType: 'checkbox',
				requiredField: true,
				fieldOptions: options('Bag'),
			},
			{
				fieldLabel: 'Toppings',
				fieldType: 'dropdown',
				multiselect: true,
				requiredField: true,
				fieldOptions: options('Ham'),
			},
			{
				fieldLabel: 'Plan',
				fieldType: 'radio',
				requiredField: true,
				fieldOptions: options('Free'),
			},
		]);
		expect(readSubmission(fields, {})).toEqual({
			problems: ['Extras is required', 'Toppings is required', 'Plan is required'],
		});
		expect(
			readSubmission(fields, { 'field-0': 'Bag', 'field-1': ['Ham'], 'field-2': 'Free' }),
		).toEqual({ answer: { Extras: ['Bag'], Toppings: ['Ham'], Plan: 'Free' } });
	});

	it('Free Text: the response as written', () => {
		expect(readSubmission(FREE_TEXT_FIELDS, { 'field-0': 'Yes, go ahead.\r\nThanks' })).toEqual({
			answer: { Response: 'Yes, go ahead.\nThanks' },
		});
		expect(readSubmission(FREE_TEXT_FIELDS, { 'field-0': '' })).toEqual({
			problems: ['Response is required'],
		});
	});
});
