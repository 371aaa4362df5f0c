/**
 * The pages the resume webhook answers with: complete HTML documents with inline CSS, no script
 * and nothing fetched from elsewhere (n8n serves them sandboxed, see PAGE_CSP), every text from a
 * parameter or a submission escaped.
 */
import { fieldName, type FormField } from './forms';

/** The Content-Security-Policy n8n sends with its own form pages; forms post, nothing else is needed. */
export const PAGE_CSP =
	'sandbox allow-downloads allow-forms allow-modals allow-orientation-lock allow-pointer-lock allow-popups allow-popups-to-escape-sandbox allow-presentation allow-scripts allow-top-navigation-by-user-activation allow-top-navigation-to-custom-protocols';

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
	return String(text).replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

const STYLE = `
:root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; --card: #ffffff; --page: #f3f4f6; --line: #d0d7de; --accent: #2f6f9f; --accent-text: #ffffff; --problem: #b42318; --problem-bg: #fef3f2; }
@media (prefers-color-scheme: dark) { :root { --text: #e6edf3; --muted: #9198a1; --card: #1c2128; --page: #0d1117; --line: #3d444d; --accent: #4c94c8; --accent-text: #0d1117; --problem: #ff8182; --problem-bg: #2d1517; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; align-items: flex-start; justify-content: center; padding: 32px 16px; background: var(--page); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { width: 100%; max-width: 480px; background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 28px 24px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.06); }
h1 { margin: 0 0 8px; font-size: 1.4rem; line-height: 1.3; overflow-wrap: anywhere; }
main > :last-child { margin-bottom: 0; }
.text { margin: 0 0 20px; color: var(--muted); white-space: pre-line; overflow-wrap: anywhere; }
.problems { margin: 0 0 20px; padding: 12px 16px 12px 32px; border-radius: 8px; background: var(--problem-bg); color: var(--problem); }
.field { margin: 0 0 18px; padding: 0; border: 0; min-width: 0; }
.field > label, legend { display: block; margin: 0 0 6px; padding: 0; font-weight: 600; overflow-wrap: anywhere; }
.required { color: var(--problem); }
input[type="text"], input[type="email"], input[type="password"], input[type="number"], input[type="date"], textarea, select { width: 100%; padding: 10px 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--card); color: var(--text); font: inherit; }
textarea { min-height: 120px; resize: vertical; }
select[multiple] { min-height: 120px; }
.field .choice { display: flex; align-items: center; gap: 10px; margin: 6px 0; font-weight: 400; overflow-wrap: anywhere; }
.field .choice input { width: 20px; height: 20px; margin: 0; flex: none; accent-color: var(--accent); }
input:focus, textarea:focus, select:focus, button:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
button { width: 100%; margin-top: 6px; padding: 12px 16px; border: 0; border-radius: 8px; background: var(--accent); color: var(--accent-text); font: inherit; font-weight: 600; cursor: pointer; }
`;

function page(title: string, body: string): string {
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		// The address carries the signed resume link: no search engine, no Referer to elsewhere.
		'<meta name="robots" content="noindex, nofollow">',
		'<meta name="referrer" content="no-referrer">',
		`<title>${escapeHtml(title)}</title>`,
		`<style>${STYLE}</style>`,
		'</head>',
		'<body>',
		'<main>',
		title.trim() === '' ? '' : `<h1>${escapeHtml(title)}</h1>`,
		body,
		'</main>',
		'</body>',
		'</html>',
		'',
	]
		.filter((line, at, lines) => line !== '' || at === lines.length - 1)
		.join('\n');
}

/** Text whose line breaks show (the CSS keeps them: white-space: pre-line). */
const paragraph = (text: string) =>
	text.trim() === '' ? '' : `<p class="text">${escapeHtml(text.replace(/\r\n?/g, '\n'))}</p>`;

export interface FormPageOptions {
	title: string;
	description: string;
	fields: FormField[];
	buttonLabel: string;
	/** Shown above the form, e.g. what readSubmission returned. */
	problems?: string[];
	/** To refill after problems: the submitted body as it came, keyed by fieldName(i). */
	values?: Record<string, unknown>;
}

/** A refilled value as texts (passwords are never sent back). */
function previous(values: Record<string, unknown> | undefined, name: string): string[] {
	const value = values?.[name];
	const parts = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	return parts
		.filter((part) => ['string', 'number', 'boolean'].includes(typeof part))
		.map((part) => String(part));
}

const attribute = (name: string, value: string | undefined) =>
	value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;

const flag = (name: string, on: boolean) => (on ? ` ${name}` : '');

function labelText(field: FormField): string {
	const mark = field.required ? '<span class="required" aria-hidden="true"> *</span>' : '';
	return `${escapeHtml(field.label)}${mark}`;
}

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
	text: 'text',
	number: 'number',
	email: 'email',
	password: 'password',
	date: 'date',
};

function control(field: FormField, index: number, values?: Record<string, unknown>): string {
	const name = fieldName(index);
	const given = field.type === 'password' ? [] : previous(values, name);
	const common = `${attribute('id', name)}${attribute('name', name)}`;
	const placeholder = attribute('placeholder', field.placeholder);
	const options = field.options ?? [];

	if (field.type === 'checkbox' || field.type === 'radio') {
		// One input per option, all with the field's name. `required` on radios asks for one of
		// them; on checkboxes it would ask for every one, so those are checked on submission.
		const choices = options.map(
			(option, at) =>
				`<label class="choice"><input type="${field.type}"${attribute('id', `${name}-${at}`)}${attribute('name', name)}${attribute('value', option)}${flag('checked', given.includes(option))}${flag('required', field.required && field.type === 'radio')}> ${escapeHtml(option)}</label>`,
		);
		return `<fieldset class="field"><legend>${labelText(field)}</legend>\n${choices.join('\n')}\n</fieldset>`;
	}

	const label = `<label for="${name}">${labelText(field)}</label>`;
	const required = flag('required', field.required);
	if (field.type === 'dropdown') {
		const multiple = field.multiselect === true;
		const choices = options.map(
			(option) =>
				`<option${attribute('value', option)}${flag('selected', given.includes(option))}>${escapeHtml(option)}</option>`,
		);
		// A single choice starts on an empty entry, so that `required` asks for a real one.
		if (!multiple) {
			choices.unshift(
				`<option value=""${flag('selected', !options.some((option) => given.includes(option)))}>${escapeHtml(field.placeholder ?? 'Choose…')}</option>`,
			);
		}
		return `<div class="field">${label}\n<select${common}${flag('multiple', multiple)}${required}>\n${choices.join('\n')}\n</select></div>`;
	}
	if (field.type === 'textarea') {
		return `<div class="field">${label}\n<textarea${common} rows="5"${placeholder}${required}>${escapeHtml(given[0] ?? '')}</textarea></div>`;
	}
	const type = INPUT_TYPES[field.type] ?? 'text';
	// Any decimal, as readSubmission accepts.
	const step = field.type === 'number' ? ' step="any"' : '';
	const value = given.length > 0 ? attribute('value', given[0]) : '';
	return `<div class="field">${label}\n<input type="${type}"${common}${step}${value}${placeholder}${required}></div>`;
}

/** A form that posts back to the page's own address (signed query included), urlencoded; inputs named fieldName(i). */
export function formPage(options: FormPageOptions): string {
	const { title, description, fields, buttonLabel, problems = [], values } = options;
	const problemList =
		problems.length === 0
			? ''
			: `<ul class="problems" role="alert">\n${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('\n')}\n</ul>`;
	const controls = fields.map((field, index) => control(field, index, values));
	const form = [
		'<form method="POST" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">',
		...controls,
		`<button type="submit">${escapeHtml(buttonLabel)}</button>`,
		'</form>',
	].join('\n');
	return page(title, [paragraph(description), problemList, form].filter(Boolean).join('\n'));
}

/** A page with a title and a text, e.g. ("Got it, thanks", "Your answer was recorded. You can close this page."). */
export function messagePage(title: string, text: string): string {
	return page(title, paragraph(text));
}
