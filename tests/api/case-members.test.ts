// Case members by hand: the same rule as joining (an active caseworker or health worker of the case's team,
// never an administrator); anyone else is a 400 naming staffId. Members can be removed, audited.
import { DataSource } from 'typeorm';
import { problem } from '../support/client';
import { startTestApp, type TestApp } from '../support/app';
import { createCase, createStaff, createTeam, createTeamOf, type Staff } from '../support/factories';

let t: TestApp;
let sw: Staff, admin: Staff;
beforeAll(async () => {
  t = await startTestApp();
  ({ caseworker: sw, admin } = await createTeamOf(t, 'caseworker', 'admin'));
});
afterAll(() => t.close());

const memberIds = async (caseId: string) => (await sw.api.cases.get(caseId)).members.map((m) => m.staffId);

const audit = (citizenId: string, action: string) =>
  t.app
    .get(DataSource)
    .query<{ actor_id: string; details: Record<string, unknown> }[]>(
      `SELECT actor_id, details FROM audit_entry WHERE citizen_id = $1 AND action = $2 ORDER BY at, id`,
      [citizenId, action],
    );

describe('PUT /api/cases/:id/members', () => {
  it("refuses another team's caseworker with 400 naming staffId; they still cannot read the case", async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const outsider = await createStaff(t, { teams: [await createTeam(t)] });
    const refused = await problem(sw.api.cases.setMember(kase.id, { staffId: outsider.id, role: 'mentor' }));
    expect(refused).toMatchObject({ status: 400, paths: ['staffId'] });
    expect(await memberIds(kase.id)).not.toContain(outsider.id);
    expect((await problem(outsider.api.cases.get(kase.id))).status).toBe(404);
  });

  it('refuses an administrator, also one who is in the case’s team and also a caseworker', async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    expect(await problem(sw.api.cases.setMember(kase.id, { staffId: admin.id, role: 'admin' }))).toMatchObject({
      status: 400,
      paths: ['staffId'],
    });
    const both = await createStaff(t, { teams: sw.teams });
    await t.app.get(DataSource).query(`UPDATE staff SET roles = ARRAY['caseworker','admin'] WHERE id = $1`, [both.id]);
    expect(await problem(sw.api.cases.setMember(kase.id, { staffId: both.id, role: 'mentor' }))).toMatchObject({
      status: 400,
      paths: ['staffId'],
    });
    expect(await memberIds(kase.id)).not.toContain(admin.id);
  });
});

describe('DELETE /api/cases/:id/members/:staffId', () => {
  it('removes a member (204, audited); one who has left the team then gets 404 on the case', async () => {
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const otherTeam = await createTeam(t);
    const member = await createStaff(t, { kind: 'health', teams: [...sw.teams, otherTeam] });
    await sw.api.cases.setMember(kase.id, { staffId: member.id, role: 'sundhedskoordinator' });
    // Moved to the other team only: membership alone keeps the case within reach.
    const realAdmin = await createStaff(t, { kind: 'admin' });
    await realAdmin.api.admin.updateStaff(member.id, { teamIds: [otherTeam.id] });
    await member.api.cases.get(kase.id);

    await sw.api.cases.removeMember(kase.id, member.id);
    expect(await memberIds(kase.id)).not.toContain(member.id);
    expect((await problem(member.api.cases.get(kase.id))).status).toBe(404);
    expect(await audit(citizen.id, 'case.member.remove')).toEqual([
      expect.objectContaining({ actor_id: sw.id, details: { staffId: member.id } }),
    ]);
  });

  it('is 404 for someone not a member (the responsible person included) and for a case out of reach', async () => {
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const colleague = await createStaff(t, { teams: sw.teams });
    const removal = async (by: Staff, staffId: string) =>
      (await problem(by.api.cases.removeMember(kase.id, staffId))).status;
    for (const staffId of [colleague.id, sw.id, 'not-a-uuid']) expect(await removal(sw, staffId)).toBe(404);
    await sw.api.cases.setMember(kase.id, { staffId: colleague.id, role: 'mentor' });
    const outsider = await createStaff(t);
    for (const by of [outsider, admin]) expect(await removal(by, colleague.id)).toBe(404);
    expect(await memberIds(kase.id)).toContain(colleague.id);
    expect(await audit(citizen.id, 'case.member.remove')).toEqual([]);
  });
});
