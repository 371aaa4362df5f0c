import type { INodeProperties } from 'n8n-workflow';

/** Simplify for the operations that return reports (Delivery Report and Log → Get Many). */
export const simplifyReportsField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return each report in the node's one report shape (flat status, ISO dates, to as text; the same as the trigger's) instead of Infobip's raw object",
};
