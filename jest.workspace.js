// Tests import the libraries' sources, so no build is needed to run them.
module.exports.workspaceMapper = {
  '^@tvaers/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@tvaers/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@tvaers/migrations$': '<rootDir>/migrations/src/index.ts',
};

/** jest's transform for TypeScript and for the ESM-only packages the API imports (Node loads those with require(esm); jest does not). */
module.exports.transformsWith = (transform) => {
  const esmOnly = ['openid-client', 'oauth4webapi', 'jose'];
  return {
    transform: { '^.+\\.tsx?$': transform, [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: transform },
    transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  };
};
