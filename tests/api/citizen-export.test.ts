// A citizen's full export (GDPR art. 15): managers of a team with the citizen's case, one access-log row.
import { problem } from '../support/client';
import { createCase, createEffort, createMeeting, createStaff, staffSuite } from '../support/factories';

const s = staffSuite({}, 'manager');

it('hands a manager everything on the citizen, with the full CPR, as one audited read', async () => {
  const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
  const effort = await createEffort(s.t, s.sw.cookie, kase.id);
  const meeting = await createMeeting(s.t, kase.id, s.sw);
  await s.api.citizens.setConsent(citizen.id, 'health_in_unit', { given: true });
  const body = await s.manager.api.citizens.export(citizen.id);
  expect(body.citizen).toMatchObject({ id: citizen.id, name: citizen.name, cpr: citizen.cpr });
  expect(body.citizen).not.toHaveProperty('cpr_encrypted');
  expect(body.cases.map((c) => c.id)).toEqual([kase.id]);
  expect(body.efforts.map((e) => e.id)).toContain(effort.id);
  expect(body.meetings.map((m) => m.id)).toContain(meeting.id);
  expect(body.planVersions.length).toBeGreaterThan(0);
  expect(body.assignments.length).toBeGreaterThan(0);
  expect(body.consents).toHaveLength(1);
  const actions = body.accessLog.map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(['citizen.create', 'case.create', 'citizen.export']));
  const rows = await s.ds.query<{ actor_id: string; purpose: string }[]>(
    `SELECT actor_id, purpose FROM audit_entry WHERE citizen_id = $1 AND action = 'citizen.export'`,
    [citizen.id],
  );
  const purpose: unknown = expect.stringContaining('art. 15');
  expect(rows).toEqual([{ actor_id: s.manager.id, purpose }]);
});

it('is 403 for a caseworker and 404 for a manager of another team', async () => {
  const { citizen } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
  expect((await problem(s.api.citizens.export(citizen.id))).status).toBe(403);
  const other = await createStaff(s.t, { kind: 'manager' });
  expect((await problem(other.api.citizens.export(citizen.id))).status).toBe(404);
});
