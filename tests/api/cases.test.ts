import { invalid, problem } from '../support/client';
import { createCase, createCitizen, createStaff, staffSuite } from '../support/factories';

// A team of this file's own: a caseworker, a manager, and colleagues from social and health.
const s = staffSuite({}, 'manager', 'social', 'health');

const unknown = '00000000-0000-4000-8000-000000000000';
const newCitizen = (extra = {}) => createCitizen(s.t, s.sw.cookie, extra);
const newCase = () => createCase(s.t, s.sw.cookie, s.sw.id);

describe('cases', () => {
  it('creates a case with plan version 1', async () => {
    const { citizen, kase } = await newCase();
    expect(kase).toMatchObject({ citizenId: citizen.id, responsibleId: s.sw.id, status: 'active' });
    const plan = await s.api.wire('get', '/api/cases/{id}/plan', { params: { id: kase.id } });
    expect(plan.status).toBe(200);
    expect(plan.headers.get('etag')).toBe('"1"');
    expect(plan.body).toMatchObject({ version: 1, citizenGoal: '', jobGoal: '', efforts: [] });
  });

  it('allows one active case per citizen (409 CASE_EXISTS)', async () => {
    const { citizen } = await newCase();
    const again = await problem(s.api.cases.create({ citizenId: citizen.id, responsibleId: s.sw.id }));
    expect(again).toMatchObject({ status: 409, code: 'CASE_EXISTS' });
  });

  describe('the caseload ceiling', () => {
    /** A colleague with room for half a case, and a new citizen for them. */
    const atCeiling = async () => {
      const colleague = await createStaff(s.t, { teams: s.sw.teams, ceiling: 0.5 });
      const citizen = await newCitizen();
      return { citizenId: citizen.id, responsibleId: colleague.id, weight: 1 };
    };

    it('refuses a case that would pass the responsible’s ceiling (409)', async () => {
      const over = await problem(s.api.cases.create(await atCeiling()));
      expect(over).toMatchObject({ status: 409, code: 'CASELOAD_CEILING_EXCEEDED' });
    });

    it('accepts a case that fills the ceiling exactly', async () => {
      const body = await atCeiling();
      expect(await s.api.cases.create({ ...body, weight: 0.5 })).toMatchObject({ weight: 0.5 });
    });

    it('lets only a manager override it (403 for a caseworker)', async () => {
      const body = await atCeiling();
      expect((await problem(s.api.cases.create({ ...body, override: { reason: 'Akut' } }))).status).toBe(403);
    });

    it('needs a reason for an override', async () => {
      const body = await atCeiling();
      const noReason = await problem(s.manager.api.cases.create({ ...body, override: invalid({}) }));
      expect(noReason).toMatchObject({ status: 400, paths: ['override.reason'] });
    });

    it('records a manager’s override with its reason in the access log', async () => {
      const body = await atCeiling();
      await s.manager.api.cases.create({ ...body, override: { reason: 'Borgeren kender Jonas' } });
      const log = await s.manager.api.citizens.accessLog(body.citizenId);
      expect(log.items).toContainEqual(
        expect.objectContaining({ action: 'caseload.override', purpose: 'Borgeren kender Jonas' }),
      );
    });
  });

  it('lists the active cases of a responsible without their CPR', async () => {
    const { citizen, kase } = await newCase();
    const mine = await s.api.cases.list({ responsibleId: s.sw.id, status: 'active' });
    expect(mine.items.map((k) => k.id)).toContain(kase.id);
    expect(JSON.stringify(mine)).not.toContain(citizen.cpr);
  });

  it('refuses an unknown status filter (400)', async () => {
    expect((await problem(s.api.cases.list(invalid({ status: 'nope' })))).status).toBe(400);
  });

  it('needs a reason to close a case', async () => {
    const { kase } = await newCase();
    const res = await problem(s.api.cases.update(kase.id, { status: 'closed' }));
    expect(res).toMatchObject({ status: 400, paths: ['closeReason'] });
  });

  it('closes without an outcome as docs/api.md allows, counted as "other"', async () => {
    const { kase } = await newCase();
    const closed = await s.api.cases.update(kase.id, { status: 'closed', closeReason: 'Flyttet' });
    expect(closed).toMatchObject({ status: 'closed', closeOutcome: 'other' });
  });

  it('closes a case with a reason and an outcome; reopening clears both', async () => {
    const { kase } = await newCase();
    const closed = await s.api.cases.update(kase.id, { status: 'closed', closeReason: 'I job', closeOutcome: 'job' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'I job', closeOutcome: 'job' });
    const bad = await problem(s.api.cases.update(kase.id, invalid({ closeOutcome: 'lottery' })));
    expect(bad).toMatchObject({ status: 400, paths: ['closeOutcome'] });
    const reopened = await s.api.cases.update(kase.id, { status: 'active' });
    expect(reopened).toMatchObject({ status: 'active', closeReason: null, closeOutcome: null });
  });

  it('refuses an unknown new responsible with 400 naming responsibleId', async () => {
    const { kase } = await newCase();
    const ghost = await problem(s.api.cases.update(kase.id, { responsibleId: unknown }));
    expect(ghost).toMatchObject({ status: 400, paths: ['responsibleId'] });
  });

  it('hands a closed case to a colleague', async () => {
    const { kase } = await newCase();
    await s.api.cases.update(kase.id, { status: 'closed', closeReason: 'I job', closeOutcome: 'job' });
    expect(await s.api.cases.update(kase.id, { responsibleId: s.social.id })).toMatchObject({
      responsibleId: s.social.id,
    });
  });

  it("hides another team's case and plan (404)", async () => {
    const other = await createStaff(s.t);
    const { kase } = await createCase(s.t, other.cookie, other.id);
    expect((await problem(s.api.cases.get(kase.id))).status).toBe(404);
    expect((await problem(s.api.plan.get(kase.id))).status).toBe(404);
  });

  it('answers an unknown case id with 404', async () => {
    expect((await problem(s.api.cases.get(unknown))).status).toBe(404);
  });
});
