const { rmSync } = require('node:fs');

module.exports = async () => {
	const folder = process.env.INFOBIP_OMNI_TEST_FOLDER;
	if (folder) rmSync(folder, { recursive: true, force: true });
};
