import type { TestApp } from '../support/app';
import type { ApiClient } from '../support/client';
import { createCase, createStaff, startWithStaff, type Staff } from '../support/factories';

let t: TestApp;
let sw: Staff;
let api: ApiClient;
beforeAll(async () => {
  ({ t, sw, api } = await startWithStaff());
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('logs every read and write of the citizen, visible to managers', async () => {
    const manager = await createStaff(t, { kind: 'manager', teams: sw.teams });
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id);
    await api.cases.get(kase.id);
    await api.plan.get(kase.id);
    await api.plan.update(kase.id, 1, { jobGoal: 'Butik' });
    const log = await manager.api.citizens.accessLog(citizen.id);
    const actions = log.items.map((e) => e.action);
    for (const a of ['citizen.create', 'case.create', 'case.read', 'plan.read', 'plan.update']) {
      expect(actions).toContain(a);
    }
    expect(log.items[0].actor).toMatchObject({ kind: 'staff' });
  });
});
