import { problem } from '../support/client';
import { staffSuite } from '../support/factories';

const s = staffSuite({ DECISION_DAYS: '10' });

describe('progress indicators', () => {
  it('names a score outside 1-10', async () => {
    const kase = await s.newCase();
    const bad = await problem(s.api.indicators.score(kase.id, { ratedBy: 'citizen', scores: { job_belief: 11 } }));
    expect(bad).toMatchObject({ status: 400, paths: ['scores.job_belief'] });
  });

  it('refuses an empty set of scores', async () => {
    const kase = await s.newCase();
    expect((await problem(s.api.indicators.score(kase.id, { ratedBy: 'citizen', scores: {} }))).status).toBe(400);
  });

  it('keeps citizen and caseworker scores side by side with a trend', async () => {
    const kase = await s.newCase();
    await s.api.indicators.score(kase.id, { ratedBy: 'citizen', scores: { job_belief: 3, everyday_mastery: 5 } });
    await s.api.indicators.score(kase.id, { ratedBy: 'caseworker', scores: { job_belief: 4 } });
    const res = await s.api.indicators.score(kase.id, {
      ratedBy: 'citizen',
      scores: { job_belief: 6, everyday_mastery: 4 },
    });
    const byKey = Object.fromEntries(res.items.map((i) => [i.key, i]));
    expect(byKey.job_belief.citizen.map((p) => p.score)).toEqual([3, 6]);
    expect(byKey.job_belief.caseworker.map((p) => p.score)).toEqual([4]);
    expect(byKey.job_belief.trend).toBe('up');
    expect(byKey.everyday_mastery.trend).toBe('down');
    expect(byKey.cooperation.trend).toBe('unknown');
  });
});
