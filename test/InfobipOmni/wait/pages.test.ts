/**
 * The response pages: complete documents without scripts or outside resources, every text
 * escaped, each field type as the right control with the right name, required marks, problems
 * and refilled values.
 */
import { formFieldsFromJson, type FormField } from '../../../nodes/InfobipOmni/wait/forms';
import {
	PAGE_CSP,
	escapeHtml,
	formPage,
	messagePage,
	type FormPageOptions,
} from '../../../nodes/InfobipOmni/wait/pages';

interface Tag {
	name: string;
	attributes: Record<string, string>;
	/** Where the tag starts in the page. */
	at: number;
}

const VOID = new Set(['meta', 'input', 'br', 'link', 'img', 'hr']);

/** The page's tags with their attributes (values unescaped); enough HTML for these pages. */
function tags(html: string): Tag[] {
	const found: Tag[] = [];
	for (const match of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)) {
		const attributes: Record<string, string> = {};
		for (const attribute of match[2].matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
			attributes[attribute[1]] = unescape(attribute[2] ?? '');
		}
		found.push({ name: match[1], attributes, at: match.index });
	}
	return found;
}

const unescape = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

/** Every element closed, in order: the page is one well-formed document. */
function checkNesting(html: string) {
	const open: string[] = [];
	const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
	for (const match of body.matchAll(/<(\/?)([a-z][a-z0-9]*)[^>]*>/g)) {
		const [, closing, name] = match;
		if (VOID.has(name)) continue;
		if (closing) expect(open.pop()).toBe(name);
		else open.push(name);
	}
	expect(open).toEqual([]);
}

/** The text between an element's tags, e.g. of the first <h1>. */
const inner = (html: string, name: string) =>
	new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(html)?.[1];

const named = (html: string, name: string) =>
	tags(html).filter((tag) => tag.attributes.name === name);

const FIELDS: FormField[] = formFieldsFromJson([
	{ fieldLabel: 'Name', fieldType: 'text', requiredField: true, placeholder: 'Jane Doe' },
	{ fieldLabel: 'Comment', fieldType: 'textarea', placeholder: 'Anything else?' },
	{ fieldLabel: 'Age', fieldType: 'number' },
	{ fieldLabel: 'Email', fieldType: 'email', requiredField: true },
	{ fieldLabel: 'PIN', fieldType: 'password' },
	{ fieldLabel: 'Start', fieldType: 'date' },
	{
		fieldLabel: 'Colour',
		fieldType: 'dropdown',
		requiredField: true,
		fieldOptions: { values: [{ option: 'Red' }, { option: 'Blue' }] },
	},
	{
		fieldLabel: 'Toppings',
		fieldType: 'dropdown',
		multiselect: true,
		fieldOptions: { values: [{ option: 'Cheese' }, { option: 'Ham' }, { option: 'Olives' }] },
	},
	{
		fieldLabel: 'Extras',
		fieldType: 'checkbox',
		requiredField: true,
		fieldOptions: { values: [{ option: 'Bag' }, { option: 'Card' }] },
	},
	{
		fieldLabel: 'Plan',
		fieldType: 'radio',
		requiredField: true,
		fieldOptions: { values: [{ option: 'Free' }, { option: 'Pro' }] },
	},
]);

const OPTIONS: FormPageOptions = {
	title: 'Your order',
	description: 'Tell us what you need.\nWe answer within a day.',
	fields: FIELDS,
	buttonLabel: 'Send',
};

describe('escapeHtml', () => {
	it.each([
		['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
		['Tom & Jerry', 'Tom &amp; Jerry'],
		['say "hi"', 'say &quot;hi&quot;'],
		["it's", 'it&#39;s'],
		['&amp;', '&amp;amp;'],
		['plain text, ünïcödé ✓', 'plain text, ünïcödé ✓'],
		['', ''],
	])('%j → %j', (text, escaped) => {
		expect(escapeHtml(text)).toBe(escaped);
	});
});

describe('PAGE_CSP', () => {
	it('is the sandbox policy n8n uses, which allows forms', () => {
		expect(PAGE_CSP.split(' ')[0]).toBe('sandbox');
		expect(PAGE_CSP.split(' ')).toContain('allow-forms');
	});
});

describe.each([
	['formPage', formPage(OPTIONS)],
	[
		'messagePage',
		messagePage('Got it, thanks', 'Your answer was recorded. You can close this page.'),
	],
])('%s is a complete, self-contained page', (_page, html) => {
	it('a whole document with a mobile viewport and a UTF-8 charset', () => {
		expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
		expect(html.trimEnd().endsWith('</html>')).toBe(true);
		const metas = tags(html).filter((tag) => tag.name === 'meta');
		expect(metas).toContainEqual(expect.objectContaining({ attributes: { charset: 'utf-8' } }));
		expect(metas).toContainEqual(
			expect.objectContaining({
				attributes: { name: 'viewport', content: 'width=device-width, initial-scale=1' },
			}),
		);
		checkNesting(html);
	});

	it('no script, no outside resource, only inline CSS', () => {
		expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=|https?:\/\//i);
		expect(html.match(/<style>/g)).toHaveLength(1);
	});

	it('kept out of search engines and Referer headers (the address is a signed link)', () => {
		const metas = tags(html).filter((tag) => tag.name === 'meta');
		expect(metas.map((tag) => tag.attributes)).toEqual(
			expect.arrayContaining([
				{ name: 'robots', content: 'noindex, nofollow' },
				{ name: 'referrer', content: 'no-referrer' },
			]),
		);
	});
});

describe('formPage', () => {
	const html = formPage(OPTIONS);

	it('title in <title> and <h1>; description keeping its line breaks', () => {
		expect(inner(html, 'title')).toBe('Your order');
		expect(inner(html, 'h1')).toBe('Your order');
		expect(inner(html, 'p')).toBe('Tell us what you need.\nWe answer within a day.');
		expect(html).toMatch(/\.text \{[^}]*white-space: pre-line/);
	});

	it('one form that posts back to its own address, urlencoded, with the button', () => {
		const forms = tags(html).filter((tag) => tag.name === 'form');
		expect(forms.map((tag) => tag.attributes)).toEqual([
			{ method: 'POST', enctype: 'application/x-www-form-urlencoded', 'accept-charset': 'utf-8' },
		]);
		expect(forms[0].attributes).not.toHaveProperty('action');
		expect(inner(html, 'button')).toBe('Send');
		expect(tags(html).find((tag) => tag.name === 'button')?.attributes).toEqual({ type: 'submit' });
	});

	it.each<[string, string, Record<string, string>]>([
		[
			'text',
			'field-0',
			{ type: 'text', id: 'field-0', name: 'field-0', placeholder: 'Jane Doe', required: '' },
		],
		['number', 'field-2', { type: 'number', id: 'field-2', name: 'field-2', step: 'any' }],
		['email', 'field-3', { type: 'email', id: 'field-3', name: 'field-3', required: '' }],
		['password', 'field-4', { type: 'password', id: 'field-4', name: 'field-4' }],
		['date', 'field-5', { type: 'date', id: 'field-5', name: 'field-5' }],
	])('%s → <input> named %s', (_type, name, attributes) => {
		expect(named(html, name)).toEqual([expect.objectContaining({ name: 'input', attributes })]);
	});

	it('textarea → <textarea> named field-1 with its placeholder', () => {
		expect(named(html, 'field-1')).toEqual([
			expect.objectContaining({
				name: 'textarea',
				attributes: { id: 'field-1', name: 'field-1', rows: '5', placeholder: 'Anything else?' },
			}),
		]);
	});

	it('dropdown → <select> with an empty first choice, so that required asks for one', () => {
		expect(named(html, 'field-6')).toEqual([
			expect.objectContaining({
				name: 'select',
				attributes: { id: 'field-6', name: 'field-6', required: '' },
			}),
		]);
		const select = inner(html.slice(html.indexOf('<select id="field-6"')), 'select');
		expect(select).toBe(
			'\n<option value="" selected>Choose…</option>\n<option value="Red">Red</option>\n<option value="Blue">Blue</option>\n',
		);
	});

	it('multiselect dropdown → <select multiple> without the empty choice', () => {
		expect(named(html, 'field-7')).toEqual([
			expect.objectContaining({
				name: 'select',
				attributes: { id: 'field-7', name: 'field-7', multiple: '' },
			}),
		]);
		const select = html.slice(html.indexOf('name="field-7"'));
		const options = tags(select.slice(0, select.indexOf('</select>'))).filter(
			(tag) => tag.name === 'option',
		);
		expect(options.map((tag) => tag.attributes.value)).toEqual(['Cheese', 'Ham', 'Olives']);
	});

	it('checkbox → one checkbox per option, same name, no required attribute (it would demand all)', () => {
		expect(named(html, 'field-8').map((tag) => [tag.name, tag.attributes])).toEqual([
			['input', { type: 'checkbox', id: 'field-8-0', name: 'field-8', value: 'Bag' }],
			['input', { type: 'checkbox', id: 'field-8-1', name: 'field-8', value: 'Card' }],
		]);
	});

	it('radio → one radio per option, same name, each required (one of them is asked for)', () => {
		expect(named(html, 'field-9').map((tag) => [tag.name, tag.attributes])).toEqual([
			['input', { type: 'radio', id: 'field-9-0', name: 'field-9', value: 'Free', required: '' }],
			['input', { type: 'radio', id: 'field-9-1', name: 'field-9', value: 'Pro', required: '' }],
		]);
	});

	it('every input is named field-N, in field order, nothing else is an input', () => {
		const inputs = tags(html).filter((tag) => ['input', 'select', 'textarea'].includes(tag.name));
		const names = [...new Set(inputs.map((tag) => tag.attributes.name))];
		expect(names).toEqual(FIELDS.map((_, index) => `field-${index}`));
	});

	it('labels: tied to their control, required ones marked, choices in a fieldset with a legend', () => {
		const labels = tags(html).filter((tag) => tag.name === 'label' && tag.attributes.for);
		expect(labels.map((tag) => tag.attributes.for)).toEqual([
			'field-0',
			'field-1',
			'field-2',
			'field-3',
			'field-4',
			'field-5',
			'field-6',
			'field-7',
		]);
		const marked = [
			...html.matchAll(
				/<(?:label for="[^"]*"|legend)>([^<]*)<span class="required" aria-hidden="true"> \*<\/span>/g,
			),
		].map((match) => match[1]);
		expect(marked).toEqual(['Name', 'Email', 'Colour', 'Extras', 'Plan']);
		expect([...html.matchAll(/<legend>([^<]*)/g)].map((match) => match[1])).toEqual([
			'Extras',
			'Plan',
		]);
	});

	it('no problems: no problem list', () => {
		expect(html).not.toContain('class="problems"');
	});

	it('problems: listed above the form, announced', () => {
		const page = formPage({ ...OPTIONS, problems: ['Name is required', 'Age must be a number'] });
		const list = /<ul class="problems" role="alert">([\s\S]*?)<\/ul>/.exec(page)?.[1];
		expect(list).toBe('\n<li>Name is required</li>\n<li>Age must be a number</li>\n');
		expect(page.indexOf('class="problems"')).toBeLessThan(page.indexOf('<form'));
	});

	it('refilled values: each control shows what was sent, except the password', () => {
		const page = formPage({
			...OPTIONS,
			problems: ['Age must be a number'],
			values: {
				'field-0': 'Jane "JD" <Doe>',
				'field-1': 'line 1\nline 2 </textarea><script>',
				'field-2': 'forty',
				'field-3': 'jane@example.com',
				'field-4': 'secret',
				'field-5': '2026-12-24',
				'field-6': 'Blue',
				'field-7': ['Cheese', 'Olives'],
				'field-8': 'Card',
				'field-9': 'Pro',
			},
		});
		const attributesOf = (name: string) => named(page, name).map((tag) => tag.attributes);
		expect(attributesOf('field-0')[0].value).toBe('Jane "JD" <Doe>');
		expect(inner(page, 'textarea')).toBe('line 1\nline 2 &lt;/textarea&gt;&lt;script&gt;');
		expect(attributesOf('field-2')[0].value).toBe('forty');
		expect(attributesOf('field-3')[0].value).toBe('jane@example.com');
		expect(attributesOf('field-4')[0]).not.toHaveProperty('value');
		expect(page).not.toContain('secret');
		expect(attributesOf('field-5')[0].value).toBe('2026-12-24');
		const selected = tags(page)
			.filter((tag) => tag.name === 'option' && 'selected' in tag.attributes)
			.map((tag) => tag.attributes.value);
		expect(selected).toEqual(['Blue', 'Cheese', 'Olives']);
		const checked = tags(page)
			.filter((tag) => 'checked' in tag.attributes)
			.map((tag) => [tag.attributes.name, tag.attributes.value]);
		expect(checked).toEqual([
			['field-8', 'Card'],
			['field-9', 'Pro'],
		]);
		checkNesting(page);
	});

	it('values that are no text are not refilled', () => {
		const page = formPage({ ...OPTIONS, values: { 'field-0': { a: 1 }, 'field-2': 42 } });
		expect(named(page, 'field-0')[0].attributes).not.toHaveProperty('value');
		expect(named(page, 'field-2')[0].attributes.value).toBe('42');
	});

	it('a dropdown placeholder replaces "Choose…"', () => {
		const [field] = formFieldsFromJson([
			{
				fieldLabel: 'Size',
				fieldType: 'dropdown',
				placeholder: 'Pick a size',
				fieldOptions: { values: [{ option: 'S' }] },
			},
		]);
		expect(formPage({ ...OPTIONS, fields: [field] })).toContain(
			'<option value="" selected>Pick a size</option>',
		);
	});

	it('every interpolated text is escaped', () => {
		const evil = `<script>alert("x")</script> & 'quoted'`;
		const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;';
		const [field] = formFieldsFromJson([
			{
				fieldLabel: evil,
				fieldType: 'radio',
				placeholder: evil,
				fieldOptions: { values: [{ option: evil }] },
			},
		]);
		const [text] = formFieldsFromJson([{ fieldLabel: 'T', placeholder: evil }]);
		const page = formPage({
			title: evil,
			description: evil,
			fields: [field, text],
			buttonLabel: evil,
			problems: [evil],
			values: { 'field-1': evil },
		});
		expect(page).not.toContain('<script');
		expect(page).not.toContain("'quoted'");
		expect(inner(page, 'title')).toBe(escaped);
		expect(inner(page, 'h1')).toBe(escaped);
		expect(inner(page, 'p')).toBe(escaped);
		expect(inner(page, 'button')).toBe(escaped);
		expect(inner(page, 'li')).toBe(escaped);
		expect(inner(page, 'legend')).toBe(escaped);
		expect(named(page, 'field-0')[0].attributes.value).toBe(evil);
		expect(named(page, 'field-1')[0].attributes).toEqual(
			expect.objectContaining({ value: evil, placeholder: evil }),
		);
		checkNesting(page);
	});

	it('an empty description leaves no empty paragraph', () => {
		expect(formPage({ ...OPTIONS, description: '  ' })).not.toContain('<p');
	});
});

describe('messagePage', () => {
	it('title and text, escaped, text keeping its line breaks, no form', () => {
		const page = messagePage(
			'Got it, <thanks>',
			'Your answer was recorded.\r\nYou can close this page.',
		);
		expect(inner(page, 'title')).toBe('Got it, &lt;thanks&gt;');
		expect(inner(page, 'h1')).toBe('Got it, &lt;thanks&gt;');
		expect(inner(page, 'p')).toBe('Your answer was recorded.\nYou can close this page.');
		expect(page).not.toContain('<form');
	});
});
