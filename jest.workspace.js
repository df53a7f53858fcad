// Tests import the libraries' sources, so no build is needed to run them.
module.exports.workspaceMapper = {
  '^@tvaers/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@tvaers/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@tvaers/migrations$': '<rootDir>/migrations/src/index.ts',
};
