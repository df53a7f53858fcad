// Health colleagues join: staff of the case's team named owner of an effort of their
// discipline, or invited to a meeting of the case, become members; another team's staff stay outside.
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createCase, createEffort, createStaff, createTeamOf, type Staff } from '../support/factories';

let t: TestApp;
let sw: Staff, health: Staff, social: Staff, outsider: Staff;
beforeAll(async () => {
  t = await startTestApp();
  ({ caseworker: sw, health, social } = await createTeamOf(t, 'caseworker', 'health', 'social'));
  outsider = await createStaff(t, { kind: 'health' }); // a team of their own
});
afterAll(() => t.close());

const memberIds = async (caseId: string) => (await sw.api.cases.get(caseId)).members.map((m) => m.staffId);

/** The case's `case.member.set` rows in the access log, oldest first. */
async function memberAudit(citizenId: string): Promise<{ actor_id: string; details: Record<string, unknown> }[]> {
  return t.app
    .get(DataSource)
    .query(
      `SELECT actor_id, details FROM audit_entry WHERE citizen_id = $1 AND action = 'case.member.set' ORDER BY at, id`,
      [citizenId],
    );
}

describe('an effort owner from the case team joins the case', () => {
  it('a health worker adding a health effort with herself as owner gets 201 and becomes a member, audited', async () => {
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    expect(await memberIds(kase.id)).not.toContain(health.id);
    const effort = await createEffort(t, health.cookie, kase.id, {
      type: 'behandling',
      title: 'Samtaleforløb',
      discipline: 'health',
      ownerId: health.id,
    });
    expect(effort.ownerId).toBe(health.id);
    const member = (await sw.api.cases.get(kase.id)).members.find((m) => m.staffId === health.id);
    expect(member).toMatchObject({ discipline: 'health', role: 'indsatsansvarlig' });
    const audit = await memberAudit(citizen.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: health.id, details: { staffId: health.id, reason: 'effort_owner' } });
    // Named again: already a member, nothing changes and no second row.
    await createEffort(t, health.cookie, kase.id, {
      type: 'genoptraening',
      title: 'Genoptræning',
      discipline: 'health',
      ownerId: health.id,
    });
    expect(await memberAudit(citizen.id)).toHaveLength(1);
  });

  it('a caseworker naming a team colleague owner on a change makes them a member', async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const effort = await createEffort(t, sw.cookie, kase.id, {
      type: 'mestringsforloeb',
      title: 'Mestring',
      discipline: 'social',
    });
    await sw.api.plan.updateEffort(kase.id, effort.id, { ownerId: social.id });
    expect(await memberIds(kase.id)).toContain(social.id);
  });

  it("still refuses an owner of another discipline or another team's staff, and adds no member", async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const wrongDiscipline = await problem(
      createEffort(t, sw.cookie, kase.id, { type: 'mentor', discipline: 'employment', ownerId: health.id }),
    );
    expect(wrongDiscipline).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', paths: ['ownerId'] });
    const otherTeam = await problem(
      createEffort(t, health.cookie, kase.id, { type: 'behandling', discipline: 'health', ownerId: outsider.id }),
    );
    expect(otherTeam).toMatchObject({ status: 400, paths: ['ownerId'] });
    const ids = await memberIds(kase.id);
    expect(ids).not.toContain(health.id);
    expect(ids).not.toContain(outsider.id);
  });
});

describe('an invited colleague of the case team joins the case', () => {
  it('inviting a health colleague to a meeting makes her a member; another team’s staff only attends', async () => {
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    // The outsider shares a team with the organiser, not with the case.
    const organiserTeams = [...sw.teams, outsider.teams[0]];
    const organiser = await createStaff(t, { teams: organiserTeams });
    await sw.api.cases.setMember(kase.id, { staffId: organiser.id, role: 'medarbejder' });
    const start = new Date(Date.now() + 9 * 24 * 3600_000);
    await organiser.api.meetings.create({
      caseId: kase.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      participants: [
        { kind: 'staff', staffId: health.id },
        { kind: 'staff', staffId: outsider.id },
      ],
    });
    const members = (await sw.api.cases.get(kase.id)).members;
    expect(members.find((m) => m.staffId === health.id)).toMatchObject({ role: 'inviteret til møde' });
    expect(members.map((m) => m.staffId)).not.toContain(outsider.id);
    const audit = await memberAudit(citizen.id);
    expect(audit.at(-1)).toMatchObject({
      actor_id: organiser.id,
      details: { staffId: health.id, reason: 'meeting_invitation' },
    });
    // The new member finds the case among those she takes part in.
    const mine = await health.api.cases.list({ memberId: health.id });
    expect(mine.items.map((c) => c.id)).toContain(kase.id);
  });
});

describe('GET /api/cases/:id/colleagues', () => {
  it("lists the case team's caseworkers and health staff, saying who is on the case", async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const { items } = await health.api.cases.colleagues(kase.id);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ staffId: sw.id, onCase: true }),
        expect.objectContaining({ staffId: health.id, discipline: 'health', onCase: false }),
        expect.objectContaining({ staffId: social.id, discipline: 'social', onCase: false }),
      ]),
    );
    expect(items.map((i) => i.staffId)).not.toContain(outsider.id);
  });

  it('is 401 without a session and 404 for a case out of reach', async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    expect((await problem(apiClient(t).cases.colleagues(kase.id))).status).toBe(401);
    expect((await problem(outsider.api.cases.colleagues(kase.id))).status).toBe(404);
  });
});
