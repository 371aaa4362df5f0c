const { existsSync, rmSync } = require('node:fs');
const { resolve } = require('node:path');

/** Where test/sandbox/support.ts looks for Infobip's OpenAPI spec (beside the checkout). */
const SPEC_PATH = resolve(__dirname, '..', '..', 'shared', 'infobip-openapi', 'omni-failover.json');

module.exports = async () => {
	const folder = process.env.INFOBIP_OMNI_TEST_FOLDER;
	if (folder) rmSync(folder, { recursive: true, force: true });
	// After jest's summary, once: the contract tests against Infobip's spec did not run.
	if (!existsSync(SPEC_PATH)) {
		process.stderr.write(
			`\n*** The OpenAPI contract tests (test/sandbox/contract.test.ts) were SKIPPED: Infobip's spec is not at ${SPEC_PATH}. Put the infobip-openapi folder there (beside this checkout, as CI has it) to run them. ***\n\n`,
		);
	}
};
