// Case members by hand: the same rule as joining (an active caseworker or health worker of the case's team,
// never an administrator); anyone else is a 400 naming staffId. Members can be removed, audited.
import { problem } from '../support/client';
import { createCase, createStaff, createTeam, type Staff, staffSuite } from '../support/factories';

const s = staffSuite({}, 'admin');

const memberIds = async (caseId: string) => (await s.api.cases.get(caseId)).members.map((m) => m.staffId);

const audit = (citizenId: string, action: string) =>
  s.ds.query<{ actor_id: string; details: Record<string, unknown> }[]>(
    `SELECT actor_id, details FROM audit_entry WHERE citizen_id = $1 AND action = $2 ORDER BY at, id`,
    [citizenId, action],
  );

describe('PUT /api/cases/:id/members', () => {
  it("refuses another team's caseworker with 400 naming staffId; they still cannot read the case", async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const outsider = await createStaff(s.t, { teams: [await createTeam(s.t)] });
    const refused = await problem(s.api.cases.setMember(kase.id, { staffId: outsider.id, role: 'mentor' }));
    expect(refused).toMatchObject({ status: 400, paths: ['staffId'] });
    expect(await memberIds(kase.id)).not.toContain(outsider.id);
    expect((await problem(outsider.api.cases.get(kase.id))).status).toBe(404);
  });

  it('refuses an administrator, also one who is in the case’s team and also a caseworker', async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    expect(await problem(s.api.cases.setMember(kase.id, { staffId: s.admin.id, role: 'admin' }))).toMatchObject({
      status: 400,
      paths: ['staffId'],
    });
    const both = await createStaff(s.t, { teams: s.sw.teams });
    await s.ds.query(`UPDATE staff SET roles = ARRAY['caseworker','admin'] WHERE id = $1`, [both.id]);
    expect(await problem(s.api.cases.setMember(kase.id, { staffId: both.id, role: 'mentor' }))).toMatchObject({
      status: 400,
      paths: ['staffId'],
    });
    expect(await memberIds(kase.id)).not.toContain(s.admin.id);
  });
});

describe('DELETE /api/cases/:id/members/:staffId', () => {
  it('removes a member (204, audited); one who has left the team then gets 404 on the case', async () => {
    const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const otherTeam = await createTeam(s.t);
    const member = await createStaff(s.t, { kind: 'health', teams: [...s.sw.teams, otherTeam] });
    await s.api.cases.setMember(kase.id, { staffId: member.id, role: 'sundhedskoordinator' });
    // Moved to the other team only: membership alone keeps the case within reach.
    const realAdmin = await createStaff(s.t, { kind: 'admin' });
    await realAdmin.api.admin.updateStaff(member.id, { teamIds: [otherTeam.id] });
    await member.api.cases.get(kase.id);

    await s.api.cases.removeMember(kase.id, member.id);
    expect(await memberIds(kase.id)).not.toContain(member.id);
    expect((await problem(member.api.cases.get(kase.id))).status).toBe(404);
    expect(await audit(citizen.id, 'case.member.remove')).toEqual([
      expect.objectContaining({ actor_id: s.sw.id, details: { staffId: member.id } }),
    ]);
  });

  it('is 404 for someone not a member (the responsible person included) and for a case out of reach', async () => {
    const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const colleague = await createStaff(s.t, { teams: s.sw.teams });
    const removal = async (by: Staff, staffId: string) =>
      (await problem(by.api.cases.removeMember(kase.id, staffId))).status;
    for (const staffId of [colleague.id, s.sw.id, 'not-a-uuid']) expect(await removal(s.sw, staffId)).toBe(404);
    await s.api.cases.setMember(kase.id, { staffId: colleague.id, role: 'mentor' });
    const outsider = await createStaff(s.t);
    for (const by of [outsider, s.admin]) expect(await removal(by, colleague.id)).toBe(404);
    expect(await memberIds(kase.id)).toContain(colleague.id);
    expect(await audit(citizen.id, 'case.member.remove')).toEqual([]);
  });
});
