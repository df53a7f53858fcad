import path from 'node:path';

// Where the workspace's packages and committed files are, found through npm's workspace links.
export const apiDir = path.dirname(require.resolve('@tvaers/api/package.json'));
export const repoRoot = path.dirname(path.dirname(apiDir));
export const openApiPath = path.join(repoRoot, 'docs', 'openapi.json');
