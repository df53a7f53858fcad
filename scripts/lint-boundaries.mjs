#!/usr/bin/env node
// The architecture's boundaries are lint rules (eslint.config.mjs). This proves they still fire: each case of
// scripts/boundary-cases.mjs is linted as the file it names, and must be reported by its rule (or by none).
import path from 'node:path';
import { ESLint } from 'eslint';
import { createProjectGraphAsync } from 'nx/src/devkit-exports.js';
import cases from './boundary-cases.mjs';

const root = path.resolve(import.meta.dirname, '..');
// Nx's boundary rule reads the project graph Nx caches, and is skipped (a warning only) without one: in a fresh
// clone no nx command has made it yet.
await createProjectGraphAsync({ exitOnError: true });
// Only the rules the cases name, without type information: the TypeScript project service takes most of a lint's time.
const boundaryRules = new Set(cases.map((c) => c.rule).filter(Boolean));
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => boundaryRules.has(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});
let failed = 0;
for (const c of cases) {
  const [result] = await eslint.lintText(c.code, { filePath: path.join(root, c.filePath) });
  const rules = result.messages.map((m) => m.ruleId ?? m.message);
  const ok = c.rule ? rules.includes(c.rule) : rules.length === 0;
  if (!ok) failed += 1;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${c.name}${ok ? '' : `: expected ${c.rule ?? 'nothing'}, got [${rules.join(', ')}]`}`,
  );
}
console.log(`${cases.length - failed} of ${cases.length} boundary cases as expected`);
process.exit(failed ? 1 : 0);
