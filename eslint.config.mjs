import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import noForeignTableWrite from './eslint-rules/no-foreign-table-write.mjs';

// Inside the API: a feature folder reaches another only through its service (entities, for relations, are fine),
// and no import climbs two folders, so common/ (one level down) cannot reach a feature either.
const CLIMB = {
  regex: '^\\.\\./\\.\\./',
  message:
    'No import climbs two folders: use the workspace name (@tvaers/…, @web/…); in the API, common/ knows no feature.',
};
const API_IMPORTS = [
  {
    regex: '^\\.\\./[^/]+/[^/]+\\.repository$',
    message: "Another folder's repository: go through its service (only a folder's own service uses its repository).",
  },
  CLIMB,
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/.data/**', 'migrations/src/*-*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
  // Root jest configs are CommonJS.
  {
    files: ['*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Everywhere; the blocks below replace it (flat config: a later block's options win), so each repeats CLIMB.
  { files: ['**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [CLIMB] }] } },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Module boundary: the web app talks to the API only through the contract library.
            {
              group: ['**/apps/api/**', '@tvaers/api', '@tvaers/migrations'],
              message: 'The web uses the API only through @tvaers/contracts.',
            },
            { regex: '^(\\.\\./){2,}', message: 'No import climbs two folders: import from @web/… (apps/web/src).' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      // Module boundary: pure rules, no framework or I/O.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'node:*', 'fs', 'react', '@tvaers/*', '**/apps/**'],
              message: 'libs/domain holds pure rules: no framework, no I/O, no other package.',
            },
            CLIMB,
          ],
        },
      ],
    },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'react', '@tvaers/*', '**/apps/**'],
              message: 'libs/contracts holds the zod contract only.',
            },
            CLIMB,
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: API_IMPORTS }] },
  },
  // No module writes another's tables: a table belongs to the apps/api/src folder its entity file lives in; other
  // contexts read it freely but change it through the owner's service (eslint-rules/no-foreign-table-write.mjs).
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { tvaers: { rules: { 'no-foreign-table-write': noForeignTableWrite } } },
    rules: {
      'tvaers/no-foreign-table-write': [
        'error',
        {
          src: path.join(import.meta.dirname, 'apps/api/src'),
          // The access module writes the access-log row in the same statement as its check, so none is forgotten.
          writers: { audit_entry: ['access'] },
          // The seeds write every context's rows as they are, without audit rows, mail jobs or sequence numbers: a
          // seed through the services would be another seed. File (below apps/api/src) → foreign tables it writes.
          allow: {
            'demo/demo-seed.ts': [
              'audit_entry',
              'benefit_weight',
              'case',
              'case_assignment',
              'case_member',
              'consent',
              'effort',
              'indicator_score',
              'plan',
            ],
            'demo/large-seed.ts': [
              'audit_entry',
              'case',
              'case_assignment',
              'case_member',
              'citizen',
              'consent',
              'effort',
              'meeting',
              'meeting_participant',
              'plan',
              'plan_version',
              'staff',
              'team',
            ],
          },
        },
      ],
    },
  },
  // Nx module boundaries by the tags in each package.json. tests/ (scope:tests) reach into the API's sources on purpose.
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'migrations/**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
    },
  },
  // Web: one way to reach the server. Server state lives in hooks (features/<feature>/hooks/, shared/hooks/) over
  // the typed client in api/; every query key comes from shared/query/query-keys.ts, so a write knows what it
  // changes. Types from the client may be imported anywhere (they fetch nothing).
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    // errors.ts is the one place that reads a failure (ApiError) for the rest of the web.
    ignores: ['apps/web/src/api/**', 'apps/web/src/**/hooks/**', 'apps/web/src/shared/lib/errors.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@web/api/*-api', '**/api/*-api', '@web/api/http-client', '**/api/http-client'],
              allowTypeImports: true,
              message:
                'Reach the server through a hook in a hooks/ folder, not the api client; read a failure with shared/lib/errors.ts.',
            },
            {
              group: ['@tanstack/react-query'],
              importNames: ['useQuery', 'useQueries', 'useInfiniteQuery', 'useMutation', 'useQueryClient'],
              message: 'Server state is read and written in a hook in a hooks/ folder, not in a component.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/shared/query/query-keys.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Property[key.name=/^(queryKey|mutationKey)$/] > ArrayExpression',
          message: 'Query keys come from shared/query/query-keys.ts (queryKeys.…), never a literal array.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(get|set|ensure)Quer(y|ies)Data$/] > ArrayExpression',
          message: 'Query keys come from shared/query/query-keys.ts (queryKeys.…), never a literal array.',
        },
      ],
    },
  },
  { files: ['**/*.spec.ts', 'tests/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  // Generated from the OpenAPI document: a parameter that takes an id or a keyword is `string | 'none'` there.
  {
    files: ['apps/web/src/api/schema.d.ts'],
    rules: { '@typescript-eslint/no-redundant-type-constituents': 'off' },
  },
);
