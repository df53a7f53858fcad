import { invalid, problem } from '../support/client';
import { staffSuite } from '../support/factories';

const s = staffSuite({ DECISION_DAYS: '10' });

describe('worklist', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86400_000).toISOString();

  it('shows overdue and due-soon decision deadlines of a case, overdue first', async () => {
    const kase = await s.newCase();
    const overdue = await s.api.requests.create(kase.id, {
      kind: 'conversation',
      description: 'Vil tale om praktik',
      receivedAt: daysAgo(20),
    });
    await s.api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker IPS' });
    const mine = (await s.api.worklistAll()).items.filter((i) => i.caseId === kase.id);
    expect(mine.map((i) => `${i.kind}:${i.status}`)).toEqual(['request_decision:overdue', 'request_decision:due_soon']);
    expect(mine[0]).toMatchObject({ dueDate: overdue.decisionDue, link: `/cases/${kase.id}#requests` });
  });

  it('orders the whole list overdue before due soon', async () => {
    const kase = await s.newCase();
    await s.api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker IPS' });
    await s.api.requests.create(kase.id, { kind: 'conversation', description: 'Samtale', receivedAt: daysAgo(20) });
    const statuses = (await s.api.worklist()).items.map((i) => i.status);
    expect(statuses).toContain('overdue');
    expect(statuses).toContain('due_soon');
    expect(statuses.lastIndexOf('overdue')).toBeLessThan(statuses.indexOf('due_soon'));
  });

  it('clears a decided request', async () => {
    const kase = await s.newCase();
    await s.api.requests.create(kase.id, { kind: 'conversation', description: 'Samtale', receivedAt: daysAgo(20) });
    const soon = await s.api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker IPS' });
    await s.api.requests.decide(kase.id, soon.id, { decision: 'refused', reason: 'IPS er ikke relevant nu' });
    const team = await s.api.worklistAll({ scope: 'team' });
    expect(team.items.filter((i) => i.caseId === kase.id).map((i) => i.status)).toEqual(['overdue']);
  });

  it('refuses an unknown scope (400)', async () => {
    expect((await problem(s.api.worklist(invalid({ scope: 'everyone' })))).status).toBe(400);
  });

  it('carries the clarification guarantee for kontanthjælp a year from the benefit start', async () => {
    const kase = await s.newCase();
    const mine = (await s.api.worklistAll({ includeOk: 'true' })).items.filter((i) => i.caseId === kase.id);
    // The factory's citizen is on kontanthjælp since 2026-01-15.
    expect(mine.find((i) => i.kind === 'clarification_guarantee')?.dueDate).toBe('2027-01-15');
  });

  it("carries the yearly review at the plan's next review date", async () => {
    const kase = await s.newCase();
    const mine = (await s.api.worklistAll({ includeOk: 'true' })).items.filter((i) => i.caseId === kase.id);
    const plan = await s.api.plan.get(kase.id);
    expect(mine.find((i) => i.kind === 'plan_review')?.dueDate).toBe(plan.nextReviewDue);
  });

  it('records a work-capacity assessment on the day of the review', async () => {
    const kase = await s.newCase();
    const reviewed = await s.api.plan.review(kase.id, { workCapacityAssessed: true });
    expect(reviewed.assessedOn).toBe(reviewed.reviewedOn);
  });
});
