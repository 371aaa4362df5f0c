// One n8n user folder for the whole run (n8n-core's InstanceSettings writes .n8n/config there);
// workers inherit it through the environment, and global-teardown.js removes it.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-infobip-omni-test-'));
	process.env.INFOBIP_OMNI_TEST_FOLDER = process.env.N8N_USER_FOLDER;
};
