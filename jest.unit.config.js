// Unit tests: pure domain rules, contracts and API services without I/O. No database.
const transform = require('./jest.swc.js');
const { transformsWith, workspaceMapper } = require('./jest.workspace.js');

module.exports = {
  displayName: 'unit',
  rootDir: __dirname,
  roots: ['<rootDir>/libs', '<rootDir>/apps/api/src', '<rootDir>/migrations/src'],
  testMatch: ['**/*.spec.ts'],
  ...transformsWith(transform),
  moduleNameMapper: workspaceMapper,
  testEnvironment: 'node',
  maxWorkers: 2,
};
