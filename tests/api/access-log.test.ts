import { createCase, createStaff, staffSuite } from '../support/factories';

const s = staffSuite();

describe('audit trail', () => {
  it('logs every read and write of the citizen, visible to managers', async () => {
    const manager = await createStaff(s.t, { kind: 'manager', teams: s.sw.teams });
    const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id);
    await s.api.cases.get(kase.id);
    await s.api.plan.get(kase.id);
    await s.api.plan.update(kase.id, 1, { jobGoal: 'Butik' });
    const log = await manager.api.citizens.accessLog(citizen.id);
    const actions = log.items.map((e) => e.action);
    for (const a of ['citizen.create', 'case.create', 'case.read', 'plan.read', 'plan.update']) {
      expect(actions).toContain(a);
    }
    expect(log.items[0].actor).toMatchObject({ kind: 'staff' });
  });
});
