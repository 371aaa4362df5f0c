/**
 * Minimal XML serialisation in the shape of the spec's XML examples, e.g.
 * `<omniReportsResponse><results><result><messageId>…</messageId>…</result></results></omniReportsResponse>`.
 */

/** Element name of the items of a list, by the list's element name. */
const ITEM_ELEMENT: Record<string, string> = {
	results: 'result',
	messages: 'message',
	scenarios: 'scenario',
	flow: 'step',
};

const escapeXml = (text: string): string =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');

function element(name: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) {
		const itemName = ITEM_ELEMENT[name] ?? 'item';
		return `<${name}>${value.map((item) => element(itemName, item)).join('')}</${name}>`;
	}
	if (typeof value === 'object') {
		const children = Object.entries(value as Record<string, unknown>)
			.map(([key, child]) => element(key, child))
			.join('');
		return `<${name}>${children}</${name}>`;
	}
	return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function toXml(rootName: string, value: unknown): string {
	return `<?xml version="1.0" encoding="UTF-8"?>${element(rootName, value)}`;
}
