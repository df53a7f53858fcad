// A change's events go out after its transaction commits (access.change), never after a rollback, and the same
// news once per commit: on the real database, through the services, without HTTP.
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AccessService } from '@tvaers/api/src/access/access.service';
import { CasesService } from '@tvaers/api/src/cases/cases.service';
import { CitizensService } from '@tvaers/api/src/citizens/citizens.service';
import type { StaffActor } from '@tvaers/api/src/common/auth/actor';
import { DataSource } from 'typeorm';
import { createTeam, insertStaff, type Team, uniqueCpr } from '../support/factories';
import { type ServiceContext, startServiceContext } from '../support/service';

let s: ServiceContext;
let cases: CasesService;
let citizens: CitizensService;
/** Each `caseload.changed` heard, with the team's active cases per person as a reader outside the change saw them. */
let heard: { teamId: string; visible: Promise<Record<string, number>> }[];
beforeAll(async () => {
  s = await startServiceContext();
  cases = s.app.get(CasesService);
  citizens = s.app.get(CitizensService);
  const db = s.app.get(DataSource);
  s.app.get(EventEmitter2).on('caseload.changed', ({ teamId }: { teamId: string }) => {
    const rows = db.query<{ id: string; n: number }[]>(
      `SELECT responsible_id AS id, count(*)::int AS n FROM "case" WHERE team_id = $1 AND status = 'active'
        GROUP BY responsible_id`,
      [teamId],
    );
    heard.push({ teamId, visible: rows.then((r) => Object.fromEntries(r.map((x) => [x.id, x.n]))) });
  });
});
beforeEach(() => {
  heard = [];
});
afterAll(() => s?.close());

const openCase = async (actor: StaffActor, responsibleId: string) => {
  const citizen = await citizens.create(actor, {
    cpr: uniqueCpr(),
    name: 'Test Borger',
    benefit: 'kontanthjaelp',
    benefitStart: '2026-01-15',
  });
  return cases.create(actor, { citizenId: citizen.id, responsibleId, weight: 1 });
};

const heardFor = (team: Team) => heard.filter((h) => h.teamId === team.id);

describe('events of a change', () => {
  it('go out once the change has committed: a listener reads what it announces', async () => {
    const team = await createTeam(s);
    const worker = await insertStaff(s, { teams: [team] });
    await openCase(await s.actorOf(worker.email), worker.id);
    const news = heardFor(team);
    expect(news).toHaveLength(1);
    expect(await news[0].visible).toEqual({ [worker.id]: 1 });
  });

  it('never go out when the transaction they belong to rolls back', async () => {
    const team = await createTeam(s);
    const worker = await insertStaff(s, { teams: [team] });
    const actor = await s.actorOf(worker.email);
    const failed = await s.app
      .get(AccessService)
      .together(async () => {
        await openCase(actor, worker.id);
        throw new Error('a later step of the same change failed');
      })
      .catch((err: Error) => err.message);
    expect(failed).toBe('a later step of the same change failed');
    expect(heardFor(team)).toEqual([]);
  });

  it('tell the same news once per commit: several cases moved in one team', async () => {
    const team = await createTeam(s);
    const [from, to] = [await insertStaff(s, { teams: [team] }), await insertStaff(s, { teams: [team] })];
    const manager = await insertStaff(s, { kind: 'manager', teams: [team] });
    const fromActor = await s.actorOf(from.email);
    const caseIds = [(await openCase(fromActor, from.id)).id, (await openCase(fromActor, from.id)).id];
    heard = [];
    await cases.move(await s.actorOf(manager.email), { caseIds, staffId: to.id });
    const news = heardFor(team);
    expect(news).toHaveLength(1);
    expect(await news[0].visible).toEqual({ [to.id]: 2 });
  });
});
