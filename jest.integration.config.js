// Service, API and browser tests against real PostgreSQL (browser ones in Chromium); one fresh database per run.
const transform = require('./jest.swc.js');
const { transformsWith, workspaceMapper } = require('./jest.workspace.js');

module.exports = {
  rootDir: __dirname,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    // The API's services in its application context, without HTTP.
    {
      displayName: 'service',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/service/**/*.test.ts'],
      ...transformsWith(transform),
      moduleNameMapper: workspaceMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'api',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      ...transformsWith(transform),
      moduleNameMapper: workspaceMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'browser',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      ...transformsWith(transform),
      moduleNameMapper: workspaceMapper,
      testEnvironment: 'node',
    },
  ],
};
