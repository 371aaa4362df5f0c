/** Tests run the TypeScript sources through ts-jest; dist/ is never tested. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// n8n-core's InstanceSettings writes <N8N_USER_FOLDER>/.n8n/config on first use.
	globalSetup: '<rootDir>/test/global-setup.js',
	globalTeardown: '<rootDir>/test/global-teardown.js',
	setupFiles: ['<rootDir>/test/setup-env.js'],
	testTimeout: 30000,
};
