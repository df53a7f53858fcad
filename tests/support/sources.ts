// jest's moduleNameMapper does not apply to the global setup: this maps the workspace's libraries to their sources
// there too (the tests' mapping, jest.workspace.js), so no build is needed. Imported first.
import Module from 'node:module';
import path from 'node:path';
import { repoRoot } from './paths';

const { workspaceMapper } = Module.createRequire(__filename)(path.join(repoRoot, 'jest.workspace.js')) as {
  workspaceMapper: Record<string, string>;
};
const sources = new Map(
  Object.entries(workspaceMapper).map(([pattern, file]) => [pattern.slice(1, -1), file.replace('<rootDir>', repoRoot)]),
);
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = resolver._resolveFilename;
resolver._resolveFilename = (request, ...rest) => resolve(sources.get(request) ?? request, ...rest);
