import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The node as an AI agent's tool. n8n generates the `infobipOmniTool` variant from
 * `usableAsTool` and gives the model a tool description and one schema key per field the user
 * set to `$fromAI()`. Left to n8n, the description is the operation's action ("Send a text
 * message in Infobip OMNI") and the keys come without descriptions, so the model does not know
 * the number format or which text goes where. A node property named `toolDescription` replaces
 * n8n's own (it adds one only when the node has none); `'@tool': [true]` shows it in the tool
 * variant alone (its type name ends in Tool), one per operation, so that its default fits it.
 */

/**
 * The `$fromAI()` key n8n's editor gives a top-level field (its ✨ button): the display name with
 * every character but letters, digits and `-` made `_`, at most 63 characters.
 */
export function fromAiKey(displayName: string): string {
	return displayName.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);
}

/** Field types whose values a model can give as one `$fromAI()` value. */
const MODEL_TYPES = new Set<INodeProperties['type']>(['string', 'number']);

/** What a model needs to know to fill a field, by field name. */
export const FIELD_HINTS: Record<string, string> = {
	phoneNumbers:
		'the phone numbers in international format, digits with the country code and nothing else, e.g. 41793026727; several separated by commas',
	facebookUserKey:
		"optional: the person's Facebook user key, only when you were given one; then give one phone number",
	facebookText: 'the text sent by Facebook Messenger',
	smsText: 'the text sent by SMS when the steps before it fail',
	mediaUrl: 'a public https URL of the image, audio, video or file',
	name: 'the name of the new scenario',
	limit: 'how many to return at most, a whole number',
	// Infobip Messages API node (nodes/InfobipMessages).
	sender:
		"the sender on the main channel (Messenger Page ID, SMS sender name, WhatsApp number…); keep the workflow's value unless told otherwise",
	to: 'the recipient on the main channel: a phone number in international format (digits with the country code) or the platform user ID; several separated by commas',
	text: 'the text of the message (for media: its caption)',
	thumbnailUrl: 'a public https URL of the video thumbnail (needed for Viber)',
	filename: 'the file name shown for the document, e.g. invoice.pdf',
	latitude: 'latitude in decimal degrees, -90 to 90',
	longitude: 'longitude in decimal degrees, -180 to 180',
	locationName: 'optional: the name of the location',
	locationAddress: 'optional: the address of the location',
	templateLanguage: 'the language code of the template, e.g. en',
	// Send and Wait (wait/descriptions.ts).
	message: 'the question the recipient answers; the links to answer are added after it',
	resumeAmount:
		'how long to wait at most, in the unit the workflow sets (keep its value unless told)',
	jsonOutput:
		'optional: the form fields as a JSON array in n8n Form format, e.g. [{"fieldLabel":"Name","fieldType":"text","requiredField":true}]',
};

/** The field of `properties` shown for one operation, as n8n shows top-level fields. */
const shownFor = (property: INodeProperties, resource: string, operation: string): boolean => {
	const show = property.displayOptions?.show ?? {};
	return (
		(show.resource?.includes(resource) ?? false) && (show.operation?.includes(operation) ?? false)
	);
};

/** The fields of one operation a model can fill, with their `$fromAI()` keys. */
export function modelFields(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): Array<{ field: INodeProperties; key: string }> {
	return properties
		.filter(
			(property) =>
				MODEL_TYPES.has(property.type) &&
				!property.noDataExpression &&
				shownFor(property, resource, operation),
		)
		.map((field) => ({ field, key: fromAiKey(field.displayName) }));
}

const sentence = (text: string) => {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * The tool description of one operation, from the node's own text: what the operation does
 * (its option's description), its notices, and each field a model can fill, named by the key
 * the model sees.
 */
export function toolDescriptionText(
	properties: INodeProperties[],
	resource: string,
	option: INodePropertyOptions,
	product = 'Infobip OMNI',
): string {
	const operation = String(option.value);
	const notices = properties
		.filter((property) => property.type === 'notice' && shownFor(property, resource, operation))
		.map((property) => sentence(property.displayName));
	const fields = modelFields(properties, resource, operation).map(({ field, key }) => {
		const hint = FIELD_HINTS[field.name];
		if (!hint) {
			throw new TypeError(
				`descriptions/tool.ts: no FIELD_HINTS entry for the field ${field.name} (${resource} → ${operation})`,
			);
		}
		return `\`${key}\`: ${hint}`;
	});
	return [
		`${product}: ${sentence(option.description ?? option.name)}`,
		...notices,
		fields.length
			? `Parameters (only those in this tool's schema are asked for; the workflow sets the rest): ${fields.join('; ')}.`
			: 'The workflow sets all its parameters.',
	].join(' ');
}

/** One `toolDescription` per operation, shown in the tool variant only. */
export function toolDescriptionProperties(
	properties: INodeProperties[],
	product?: string,
): INodeProperties[] {
	const resources = properties.find((property) => property.name === 'resource');
	const result: INodeProperties[] = [];
	for (const resource of (resources?.options ?? []) as INodePropertyOptions[]) {
		const resourceValue = String(resource.value);
		const operations = properties.find(
			(property) =>
				property.name === 'operation' &&
				(property.displayOptions?.show?.resource?.includes(resourceValue) ?? false),
		);
		for (const option of (operations?.options ?? []) as INodePropertyOptions[]) {
			result.push({
				displayName: 'Tool Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 4 },
				default: toolDescriptionText(properties, resourceValue, option, product),
				description:
					'What the AI agent reads about this tool: what it does and what each parameter needs. Add your own rules to it, e.g. which numbers it may send to.',
				displayOptions: {
					show: { '@tool': [true], resource: [resourceValue], operation: [String(option.value)] },
				},
			});
		}
	}
	return result;
}

/** The node's properties with the tool descriptions first, where n8n puts its own. */
export const withToolDescriptions = (
	properties: INodeProperties[],
	/** How the tool description names the node's API (default "Infobip OMNI"). */
	product?: string,
): INodeProperties[] => [...toolDescriptionProperties(properties, product), ...properties];
