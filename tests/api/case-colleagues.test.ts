// Health colleagues join: staff of the case's team named owner of an effort of their
// discipline, or invited to a meeting of the case, become members; another team's staff stay outside.
import { apiClient, problem } from '../support/client';
import { createCase, createEffort, createStaff, type Staff, staffSuite } from '../support/factories';

const s = staffSuite({}, 'health', 'social');
let outsider: Staff;
beforeAll(async () => {
  outsider = await createStaff(s.t, { kind: 'health' }); // a team of their own
});

const memberIds = async (caseId: string) => (await s.api.cases.get(caseId)).members.map((m) => m.staffId);

/** The case's `case.member.set` rows in the access log, oldest first. */
async function memberAudit(citizenId: string): Promise<{ actor_id: string; details: Record<string, unknown> }[]> {
  return s.ds.query(
    `SELECT actor_id, details FROM audit_entry WHERE citizen_id = $1 AND action = 'case.member.set' ORDER BY at, id`,
    [citizenId],
  );
}

describe('an effort owner from the case team joins the case', () => {
  it('a health worker adding a health effort with herself as owner gets 201 and becomes a member, audited', async () => {
    const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    expect(await memberIds(kase.id)).not.toContain(s.health.id);
    const effort = await createEffort(s.t, s.health.cookie, kase.id, {
      type: 'behandling',
      title: 'Samtaleforløb',
      discipline: 'health',
      ownerId: s.health.id,
    });
    expect(effort.ownerId).toBe(s.health.id);
    const member = (await s.api.cases.get(kase.id)).members.find((m) => m.staffId === s.health.id);
    expect(member).toMatchObject({ discipline: 'health', role: 'indsatsansvarlig' });
    const audit = await memberAudit(citizen.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: s.health.id,
      details: { staffId: s.health.id, reason: 'effort_owner' },
    });
    // Named again: already a member, nothing changes and no second row.
    await createEffort(s.t, s.health.cookie, kase.id, {
      type: 'genoptraening',
      title: 'Genoptræning',
      discipline: 'health',
      ownerId: s.health.id,
    });
    expect(await memberAudit(citizen.id)).toHaveLength(1);
  });

  it('a caseworker naming a team colleague owner on a change makes them a member', async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const effort = await createEffort(s.t, s.sw.cookie, kase.id, {
      type: 'mestringsforloeb',
      title: 'Mestring',
      discipline: 'social',
    });
    await s.api.plan.updateEffort(kase.id, effort.id, { ownerId: s.social.id });
    expect(await memberIds(kase.id)).toContain(s.social.id);
  });

  it("still refuses an owner of another discipline or another team's staff, and adds no member", async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const wrongDiscipline = await problem(
      createEffort(s.t, s.sw.cookie, kase.id, { type: 'mentor', discipline: 'employment', ownerId: s.health.id }),
    );
    expect(wrongDiscipline).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', paths: ['ownerId'] });
    const otherTeam = await problem(
      createEffort(s.t, s.health.cookie, kase.id, { type: 'behandling', discipline: 'health', ownerId: outsider.id }),
    );
    expect(otherTeam).toMatchObject({ status: 400, paths: ['ownerId'] });
    const ids = await memberIds(kase.id);
    expect(ids).not.toContain(s.health.id);
    expect(ids).not.toContain(outsider.id);
  });
});

describe('an invited colleague of the case team joins the case', () => {
  it('inviting a health colleague to a meeting makes her a member; another team’s staff only attends', async () => {
    const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    // The outsider shares a team with the organiser, not with the case.
    const organiserTeams = [...s.sw.teams, outsider.teams[0]];
    const organiser = await createStaff(s.t, { teams: organiserTeams });
    await s.api.cases.setMember(kase.id, { staffId: organiser.id, role: 'medarbejder' });
    const start = new Date(Date.now() + 9 * 24 * 3600_000);
    await organiser.api.meetings.create({
      caseId: kase.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      participants: [
        { kind: 'staff', staffId: s.health.id },
        { kind: 'staff', staffId: outsider.id },
      ],
    });
    const members = (await s.api.cases.get(kase.id)).members;
    expect(members.find((m) => m.staffId === s.health.id)).toMatchObject({ role: 'inviteret til møde' });
    expect(members.map((m) => m.staffId)).not.toContain(outsider.id);
    const audit = await memberAudit(citizen.id);
    expect(audit.at(-1)).toMatchObject({
      actor_id: organiser.id,
      details: { staffId: s.health.id, reason: 'meeting_invitation' },
    });
    // The new member finds the case among those she takes part in.
    const mine = await s.health.api.cases.list({ memberId: s.health.id });
    expect(mine.items.map((c) => c.id)).toContain(kase.id);
  });
});

describe('GET /api/cases/:id/colleagues', () => {
  it("lists the case team's caseworkers and health staff, saying who is on the case", async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const { items } = await s.health.api.cases.colleagues(kase.id);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ staffId: s.sw.id, onCase: true }),
        expect.objectContaining({ staffId: s.health.id, discipline: 'health', onCase: false }),
        expect.objectContaining({ staffId: s.social.id, discipline: 'social', onCase: false }),
      ]),
    );
    expect(items.map((i) => i.staffId)).not.toContain(outsider.id);
  });

  it('is 401 without a session and 404 for a case out of reach', async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    expect((await problem(apiClient(s.t).cases.colleagues(kase.id))).status).toBe(401);
    expect((await problem(outsider.api.cases.colleagues(kase.id))).status).toBe(404);
  });
});
