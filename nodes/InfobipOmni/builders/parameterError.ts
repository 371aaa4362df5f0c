/**
 * A parameter value that must not reach Infobip. Builders are pure, so they know the field but
 * not the node or the item; actions/items.ts turns this into a NodeOperationError for that item.
 * An Error, so that a stack trace comes with it wherever it ends up.
 */
export class ParameterError extends Error {
	constructor(
		/** The field as the user sees it, e.g. `Steps → Sender (step 2)`. */
		readonly field: string,
		/** What is wrong with the value. */
		readonly problem: string,
		/** How to fix it. */
		readonly fix: string,
	) {
		super(`Invalid ${field}: ${problem}`);
		this.name = 'ParameterError';
	}
}

export const isParameterError = (value: unknown): value is ParameterError =>
	value instanceof ParameterError;
