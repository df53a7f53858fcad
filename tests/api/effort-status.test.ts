import { addDays, localDate } from '@tvaers/domain';
import { problem } from '../support/client';
import { createCase, createEffort, staffSuite } from '../support/factories';

// An effort is "active" from its start date on (canStartEffort in libs/domain).
const s = staffSuite();

const today = () => localDate(new Date());
const newEffort = async (startDate?: string) => {
  const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id);
  const effort = await createEffort(s.t, s.sw.cookie, kase.id, startDate ? { startDate } : {});
  return { caseId: kase.id, effort };
};

describe('effort status and start date', () => {
  it('refuses "active" before the start date with 400 naming status', async () => {
    const { caseId, effort } = await newEffort(addDays(today(), 3));
    const res = await problem(s.sw.api.plan.updateEffort(caseId, effort.id, { status: 'active' }));
    expect(res).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', paths: ['status'] });
    expect((await s.sw.api.plan.get(caseId)).efforts[0].status).toBe('planned');
  });

  it('starts an effort on its start date', async () => {
    const { caseId, effort } = await newEffort(today());
    const updated = await s.sw.api.plan.updateEffort(caseId, effort.id, { status: 'active' });
    expect(updated.status).toBe('active');
  });

  it('starts an effort without a start date', async () => {
    const { caseId, effort } = await newEffort();
    expect((await s.sw.api.plan.updateEffort(caseId, effort.id, { status: 'active' })).status).toBe('active');
  });

  it("refuses moving an active effort's start date into the future, naming startDate", async () => {
    const { caseId, effort } = await newEffort(today());
    await s.sw.api.plan.updateEffort(caseId, effort.id, { status: 'active' });
    const res = await problem(s.sw.api.plan.updateEffort(caseId, effort.id, { startDate: addDays(today(), 7) }));
    expect(res).toMatchObject({ status: 400, paths: ['startDate'] });
  });
});
