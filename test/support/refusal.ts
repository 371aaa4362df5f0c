import { ParameterError } from '../../nodes/InfobipOmni/builders/parameterError';

/** Runs `build` and returns the ParameterError it threw (fails the test when none). */
export function refusal(build: () => unknown): ParameterError {
	let caught: unknown;
	try {
		build();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof ParameterError) return caught;
	throw new TypeError(`expected a ParameterError, got ${String(caught)}`);
}
