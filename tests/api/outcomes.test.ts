import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { problem } from '../support/client';
import { createCase, createMeeting, createStaff, createTeamOf, type Staff } from '../support/factories';

/**
 * Outcome figures on known data: period 1 January – 30 June 2026 (Copenhagen), all in the past, so every
 * figure is exact. Cases A–G of one team; H of another team.
 */
describe('GET /api/outcomes', () => {
  let t: TestApp;
  let ds: DataSource;
  let team: { manager: Staff; caseworker: Staff; health: Staff };
  let outsider: Staff;
  let otherManager: Staff;
  const ids: Record<string, string> = {};
  const citizens: Record<string, string> = {};
  const query = () => ({ teamId: team.manager.teams[0].id, from: '2026-01-01', to: '2026-06-30' });

  const at = (iso: string) => new Date(iso);
  async function kase(name: string, opened: string, closed?: { at: string; outcome: string }) {
    const { kase, citizen } = await createCase(t, team.caseworker.cookie, team.caseworker.id);
    ids[name] = kase.id;
    citizens[name] = citizen.id;
    if (closed) {
      await team.caseworker.api.cases.update(kase.id, {
        status: 'closed',
        closeReason: 'Afsluttet i testen',
        closeOutcome: closed.outcome as 'job',
      });
    }
    await ds.query(`UPDATE "case" SET opened_at = $2, closed_at = $3 WHERE id = $1`, [
      kase.id,
      at(opened),
      closed ? at(closed.at) : null,
    ]);
  }
  async function scores(name: string, ratedBy: 'citizen' | 'caseworker', rows: [string, number, string][]) {
    for (const [key, score, when] of rows) {
      await ds.query(
        `INSERT INTO indicator_score (case_id, key, rated_by, score, at, recorded_by_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [ids[name], key, ratedBy, score, at(when), team.caseworker.id],
      );
    }
  }
  const plan = (name: string, intervalDays: number) =>
    ds.query(`UPDATE plan SET contact_plan = $2 WHERE case_id = $1`, [
      ids[name],
      JSON.stringify({ intervalDays, reason: 'Aftalt i testen' }),
    ]);
  async function held(name: string, ...when: string[]) {
    for (const w of when) {
      const m = await createMeeting(t, ids[name], team.caseworker, { start: at(w), end: at(w) });
      await ds.query(`UPDATE meeting SET status = 'held', held_at = $2 WHERE id = $1`, [m.id, at(w)]);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    team = await createTeamOf(t, 'manager', 'caseworker', 'health');
    outsider = await createStaff(t);
    otherManager = await createStaff(t, { kind: 'manager' });

    // A: open all period. Citizen 3 (before the window) → 6: rose; caseworker 5 → 4: fell. Every 30 days kept.
    await kase('A', '2025-10-01T10:00:00Z');
    await scores('A', 'citizen', [
      ['job_belief', 2, '2025-11-01T10:00:00Z'],
      ['job_belief', 3, '2025-12-15T10:00:00Z'],
      ['job_belief', 6, '2026-05-01T10:00:00Z'],
    ]);
    await scores('A', 'caseworker', [
      ['job_belief', 5, '2026-02-01T10:00:00Z'],
      ['job_belief', 4, '2026-06-01T10:00:00Z'],
    ]);
    await plan('A', 30);
    await held('A', '2026-01-20T09:00:00Z', '2026-02-15T09:00:00Z', '2026-03-15T09:00:00Z');
    await held('A', '2026-04-10T09:00:00Z', '2026-05-05T09:00:00Z', '2026-06-01T09:00:00Z');

    // B: 1 Feb – 10 Mar (job, 37 days). Citizen 5 → 5: held. Every 14 days: last gap 18 days, not kept
    // (a meeting that was only scheduled does not count).
    await kase('B', '2026-02-01T10:00:00Z', { at: '2026-03-10T10:00:00Z', outcome: 'job' });
    await scores('B', 'citizen', [
      ['cooperation', 5, '2026-02-05T10:00:00Z'],
      ['cooperation', 5, '2026-03-01T10:00:00Z'],
    ]);
    await plan('B', 14);
    await held('B', '2026-02-10T10:00:00Z', '2026-02-20T10:00:00Z');
    await createMeeting(t, ids.B, team.caseworker, { start: at('2026-03-01T10:00:00Z') });

    // C: 10 Jan – 20 May (education, 130 days). Only the health indicator moves for the citizen (2 → 8);
    // the caseworker's health 3 → 2 and job search 4 → 4. No contact plan.
    await kase('C', '2026-01-10T10:00:00Z', { at: '2026-05-20T10:00:00Z', outcome: 'education' });
    await scores('C', 'citizen', [
      ['health_mastery', 2, '2026-02-01T10:00:00Z'],
      ['health_mastery', 8, '2026-05-01T10:00:00Z'],
    ]);
    await scores('C', 'caseworker', [
      ['health_mastery', 3, '2026-02-01T10:00:00Z'],
      ['health_mastery', 2, '2026-05-01T10:00:00Z'],
      ['job_search', 4, '2026-02-01T10:00:00Z'],
      ['job_search', 4, '2026-05-01T10:00:00Z'],
    ]);

    // D: 1 Apr – 30 Jun 23:30 Copenhagen (job, 90 days, Q2); E: 1 Apr – 1 May (job, 30 days), every 40 days
    // kept without a meeting (the window is 30 days).
    await kase('D', '2026-03-31T22:00:00Z', { at: '2026-06-30T21:30:00Z', outcome: 'job' });
    await kase('E', '2026-03-31T22:00:00Z', { at: '2026-04-30T22:00:00Z', outcome: 'job' });
    await plan('E', 40);
    // F: closed before the period; G: closed after it (flexjob), so active in it but no closure.
    await kase('F', '2025-06-01T10:00:00Z', { at: '2025-12-01T10:00:00Z', outcome: 'job' });
    await kase('G', '2025-06-01T10:00:00Z', { at: '2026-07-01T10:00:00Z', outcome: 'flexjob' });
    // H: another team's case in the period.
    const h = await createCase(t, outsider.cookie, outsider.id);
    ids.H = h.kase.id;
  }, 60_000);

  afterAll(() => t.close());

  const sorted = (...names: string[]) => names.map((n) => ids[n]).sort();
  const c = (...names: string[]) => ({ count: names.length, caseIds: sorted(...names) });

  it('counts progress, closures and contact kept exactly, with the cases behind each figure', async () => {
    const o = await team.manager.api.outcomes(query());
    expect(o).toEqual({
      ...query(),
      teams: team.manager.teams,
      cases: 6,
      progress: {
        windowFrom: '2026-01-01',
        windowTo: '2026-06-30',
        citizen: { rose: c('A'), held: c('B'), fell: c(), unknown: c('C', 'D', 'E', 'G') },
        caseworker: { rose: c(), held: c('C'), fell: c('A'), unknown: c('B', 'D', 'E', 'G') },
        healthLeftOut: c('A', 'B', 'C', 'D', 'E', 'G'),
      },
      closures: {
        total: 4,
        rows: [
          { quarter: '2026-Q1', outcome: 'job', count: 1, medianDays: 37, caseIds: sorted('B') },
          { quarter: '2026-Q2', outcome: 'job', count: 2, medianDays: 60, caseIds: sorted('D', 'E') },
          { quarter: '2026-Q2', outcome: 'education', count: 1, medianDays: 130, caseIds: sorted('C') },
        ],
      },
      contact: {
        withPlan: 3,
        kept: c('A', 'E'),
        notKept: c('B'),
        noPlan: c('C', 'D', 'G'),
        share: 2 / 3,
      },
    });
  });

  it('counts the health indicator only for citizens whose health data the manager may see', async () => {
    await team.caseworker.api.citizens.setConsent(citizens.C, 'health_in_unit', { given: true });
    const o = await team.manager.api.outcomes(query());
    expect(o.progress.citizen).toMatchObject({ rose: c('A', 'C'), unknown: c('D', 'E', 'G') });
    expect(o.progress.caseworker).toMatchObject({ held: c(), fell: c('A', 'C') });
    expect(o.progress.healthLeftOut).toEqual(c('A', 'B', 'D', 'E', 'G'));
    await team.caseworker.api.citizens.setConsent(citizens.C, 'health_in_unit', { given: false });
  });

  it('logs one access-log row per citizen counted', async () => {
    const [{ last }] = await ds.query<{ last: string }[]>(`SELECT COALESCE(max(id), 0) AS last FROM audit_entry`);
    await team.manager.api.outcomes(query());
    const rows = await ds.query<{ citizen_id: string }[]>(
      `SELECT citizen_id FROM audit_entry WHERE action = 'outcomes.read' AND actor_id = $1 AND id > $2`,
      [team.manager.id, last],
    );
    expect(rows.map((r) => r.citizen_id).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'G'].map((n) => citizens[n]).sort());
  });

  it('lists the cases behind a figure through the case list, within access rules', async () => {
    const o = await team.manager.api.outcomes(query());
    const behind = o.contact.kept.caseIds;
    const list = await team.manager.api.cases.list({ ids: behind.join(',') });
    expect(list.items.map((k) => k.id).sort()).toEqual(behind);
    expect((await outsider.api.cases.list({ ids: behind.join(',') })).items).toEqual([]);
    expect((await problem(team.manager.api.cases.list({ ids: 'nope' }))).status).toBe(400);
  });

  it('is for managers of the team only', async () => {
    expect((await problem(team.caseworker.api.outcomes(query()))).status).toBe(403);
    expect((await problem(team.health.api.outcomes(query()))).status).toBe(403);
    expect((await problem(outsider.api.outcomes(query()))).status).toBe(403);
    expect((await problem(otherManager.api.outcomes(query()))).status).toBe(404);
    // Without a team: the manager's (only) team.
    const { teamId: _, ...noTeam } = query();
    expect((await team.manager.api.outcomes(noTeam)).teamId).toBe(query().teamId);
    const bad = await problem(team.manager.api.outcomes({ ...query(), from: '2026-07-01' }));
    expect(bad).toMatchObject({ status: 400, paths: ['to'] });
  });
});
