// The import boundaries that `npm run lint` proves still fire (scripts/lint-boundaries.mjs): each case is a snippet
// linted as if it were the file at `filePath`; `rule` must report it, or `null`: nothing may be reported.

/** A repository writing citizen requests: the requests context's own table, anyone else's foreign one. */
const ownWrites = `import { TransactionalRepository } from '../common/database/transactional-repository';
import { CitizenRequestEntity } from '../requests/citizen-request.entity';

export class Writes extends TransactionalRepository {
  private readonly requests = this.repository(CitizenRequestEntity);

  async reopen(id: string): Promise<void> {
    await this.requests().update({ id }, { decision: null });
    await this.em.query(\`DELETE FROM citizen_request WHERE id = $1\`, [id]);
  }
}
`;

export default [
  {
    name: "a feature folder → another folder's repository",
    filePath: 'apps/api/src/plans/plans.service.ts',
    code: "import { CasesRepository } from '../cases/cases.repository';\nexport const x = CasesRepository;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: "the worklist → the requests' repository",
    filePath: 'apps/api/src/worklist/worklist.service.ts',
    code: "import { RequestsRepository } from '../requests/requests.repository';\nexport const x = RequestsRepository;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'common → a feature',
    filePath: 'apps/api/src/common/problem/problem.ts',
    code: "import { CaseEntity } from '../../cases/case.entity';\nexport const x = CaseEntity;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'web → api',
    filePath: 'apps/web/src/main.tsx',
    code: "import { AppModule } from '@tvaers/api';\nexport const x = AppModule;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'domain → contracts',
    filePath: 'libs/domain/src/time.ts',
    code: "import { Role } from '@tvaers/contracts';\nexport const x = Role;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    name: 'a test climbing two folders into the API',
    filePath: 'tests/support/app.ts',
    code: "import { createApp } from '../../apps/api/src/app.factory';\nexport const x = createApp;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: "a feature folder → another folder's service (allowed)",
    filePath: 'apps/api/src/auth/auth.service.ts',
    code: "import { PeopleService } from '../people/people.service';\nexport const x = PeopleService;\n",
    rule: null,
  },
  {
    name: "SQL writing another context's table",
    filePath: 'apps/api/src/worklist/worklist.repository.ts',
    code: 'export const sql = `UPDATE citizen_request SET decision = NULL WHERE id = $1`;\n',
    rule: 'tvaers/no-foreign-table-write',
  },
  {
    name: "a TypeORM write through another context's entity",
    filePath: 'apps/api/src/worklist/worklist.repository.ts',
    code: ownWrites,
    rule: 'tvaers/no-foreign-table-write',
  },
  {
    name: 'writing its own table, in SQL and through TypeORM (allowed)',
    filePath: 'apps/api/src/requests/requests.repository.ts',
    code: ownWrites.replace("'../requests/citizen-request.entity'", "'./citizen-request.entity'"),
    rule: null,
  },
  {
    name: 'domain → a framework',
    filePath: 'libs/domain/src/time.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'a query key written as a literal in the web',
    filePath: 'apps/web/src/features/cases/hooks/useLiteralKey.ts',
    code: "import { useQuery } from '@tanstack/react-query';\nexport const useX = () => useQuery({ queryKey: ['cases'], queryFn: () => 1 });\n",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'a web component calling the server, not through a hook',
    filePath: 'apps/web/src/features/cases/components/Direct.tsx',
    code: "import { api } from '@web/api/http-client';\nexport const x = api;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    name: 'a hook calling the server (allowed)',
    filePath: 'apps/web/src/features/cases/hooks/useDirect.ts',
    code: "import { api } from '@web/api/http-client';\nexport const x = api;\n",
    rule: null,
  },
];
