// n8n-core's InstanceSettings writes <N8N_USER_FOLDER>/.n8n/config on first use: keep it out of $HOME.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-infobip-omni-test-'));

// n8n-core logs every node error through its console logger; the tests assert on errors instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
