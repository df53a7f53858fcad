// The caseload ceiling through the service that opens a case, on the real database, without HTTP.
import { CasesService } from '@tvaers/api/src/cases/cases.service';
import { CitizensService } from '@tvaers/api/src/citizens/citizens.service';
import type { StaffActor } from '@tvaers/api/src/common/auth/actor';
import { ProblemError } from '@tvaers/api/src/common/problem/problem';
import { createTeam, insertStaff, uniqueCpr } from '../support/factories';
import { type ServiceContext, startServiceContext } from '../support/service';

let s: ServiceContext;
let cases: CasesService;
let citizens: CitizensService;
beforeAll(async () => {
  s = await startServiceContext();
  cases = s.app.get(CasesService);
  citizens = s.app.get(CitizensService);
});
afterAll(() => s?.close());

const openCase = async (actor: StaffActor, responsibleId: string, weight: number) => {
  const citizen = await citizens.create(actor, {
    cpr: uniqueCpr(),
    name: 'Test Borger',
    benefit: 'kontanthjaelp',
    benefitStart: '2026-01-15',
  });
  return cases.create(actor, { citizenId: citizen.id, responsibleId, weight });
};

describe('caseload ceiling', () => {
  it('opens cases up to the ceiling and refuses the one that would pass it', async () => {
    const team = await createTeam(s);
    const worker = await insertStaff(s, { teams: [team], ceiling: 1 });
    const actor = await s.actorOf(worker.email);
    await openCase(actor, worker.id, 0.5);
    await openCase(actor, worker.id, 0.5);
    const refused = await openCase(actor, worker.id, 0.25).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 409, code: 'CASELOAD_CEILING_EXCEEDED' });
  });
});
