// Staff read what guests gave: the doctor's statements and the citizen's own assessments
// under the health rule, per case and per meeting, audited; an unread statement is on the worklist of the
// case's responsible person until they have read it.
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import {
  addGuestParticipant,
  createCase,
  createMeeting,
  createStaff,
  issueGuestLink,
  type Staff,
} from '../support/factories';

let t: TestApp;
let ds: DataSource;
let sw: Staff;
let colleague: Staff;
let health: Staff;

beforeAll(async () => {
  t = await startTestApp();
  ds = t.app.get(DataSource);
  sw = await createStaff(t);
  colleague = await createStaff(t, { teams: sw.teams });
  health = await createStaff(t, { kind: 'health', teams: sw.teams });
});
afterAll(() => t.close());

const statement = {
  workCapacity: 'partial',
  assessment: 'Kan arbejde 15 timer om ugen',
  recommendations: 'Gradvis opstart',
  restrictions: 'Ingen tunge løft',
};

/** A case of `sw` with a meeting whose doctor sent a statement and whose citizen sent an own assessment. */
async function caseWithStatement() {
  const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
  const meeting = await createMeeting(t, kase.id, sw);
  const doctor = await addGuestParticipant(t, meeting.id, 'doctor');
  const self = await addGuestParticipant(t, meeting.id, 'citizen', citizen.name);
  const send = async (participantId: string, path: string, body: object) => {
    const link = await t
      .http()
      .post(`/api/meetings/${meeting.id}/participants/${participantId}/link`)
      .set('cookie', sw.cookie)
      .send({})
      .expect(201);
    const token = (link.body as { url: string }).url.split('/').pop()!;
    return (await t.http().post(`/api/guest/${token}/${path}`).send(body).expect(201)).body as { id: string };
  };
  const sent = await send(doctor.id, 'health-statement', statement);
  const own = await send(self.id, 'own-assessment', { text: 'Jeg sover bedre', wellbeing: 6 });
  return { citizen, kase, meeting, doctor, statementId: sent.id, assessmentId: own.id };
}

const read = (who: Staff, caseId: string, path: 'health-statements' | 'own-assessments', meetingId?: string) =>
  t
    .http()
    .get(`/api/cases/${caseId}/${path}`)
    .query(meetingId ? { meetingId } : {})
    .set('cookie', who.cookie)
    .expect(200)
    .then((r) => r.body as { items: { id: string; meetingId: string | null }[]; healthHidden: boolean });

const auditRows = (citizenId: string, actorId: string, action: string) =>
  ds.query<{ n: string }[]>(
    `SELECT count(*) AS n FROM audit_entry WHERE citizen_id = $1 AND actor_id = $2 AND action = $3`,
    [citizenId, actorId, action],
  );

describe('the health statements and own assessments of a case', () => {
  it('health staff read them in full, newest first, and each read is in the access log', async () => {
    const s = await caseWithStatement();
    const statements = await read(health, s.kase.id, 'health-statements');
    expect(statements).toEqual({
      healthHidden: false,
      items: [expect.objectContaining({ id: s.statementId, doctorName: s.doctor.name, ...statement })],
    });
    const assessments = await read(health, s.kase.id, 'own-assessments');
    expect(assessments.items).toEqual([expect.objectContaining({ id: s.assessmentId, wellbeing: 6 })]);
    expect(await auditRows(s.citizen.id, health.id, 'health_statement.list')).toEqual([{ n: '1' }]);
    expect(await auditRows(s.citizen.id, health.id, 'own_assessment.list')).toEqual([{ n: '1' }]);
  });

  it("are hidden from a caseworker without the citizen's health_in_unit consent, and shown with it", async () => {
    const s = await caseWithStatement();
    expect(await read(colleague, s.kase.id, 'health-statements')).toEqual({ items: [], healthHidden: true });
    expect(await read(colleague, s.kase.id, 'own-assessments')).toEqual({ items: [], healthHidden: true });
    // The refused read is logged too: the caseworker asked for health data.
    expect(await auditRows(s.citizen.id, colleague.id, 'health_statement.list')).toEqual([{ n: '1' }]);
    await sw.api.citizens.setConsent(s.citizen.id, 'health_in_unit', { given: true });
    expect((await read(colleague, s.kase.id, 'health-statements')).items.map((i) => i.id)).toEqual([s.statementId]);
    expect((await read(colleague, s.kase.id, 'own-assessments')).items.map((i) => i.id)).toEqual([s.assessmentId]);
  });

  it('?meetingId= answers what was given for that meeting only, under the same rule', async () => {
    const s = await caseWithStatement();
    const other = await createMeeting(t, s.kase.id, sw);
    expect((await read(health, s.kase.id, 'health-statements', s.meeting.id)).items).toEqual([
      expect.objectContaining({ id: s.statementId, meetingId: s.meeting.id }),
    ]);
    expect((await read(health, s.kase.id, 'own-assessments', s.meeting.id)).items).toHaveLength(1);
    expect(await read(health, s.kase.id, 'health-statements', other.id)).toEqual({ items: [], healthHidden: false });
    expect(await read(colleague, s.kase.id, 'health-statements', s.meeting.id)).toEqual({
      items: [],
      healthHidden: true,
    });
    await t
      .http()
      .get(`/api/cases/${s.kase.id}/health-statements?meetingId=nope`)
      .set('cookie', health.cookie)
      .expect(400);
  });

  it("is 404 for another team's staff", async () => {
    const s = await caseWithStatement();
    const stranger = await createStaff(t, { kind: 'health' });
    await t.http().get(`/api/cases/${s.kase.id}/health-statements`).set('cookie', stranger.cookie).expect(404);
    await t.http().get(`/api/cases/${s.kase.id}/own-assessments`).set('cookie', stranger.cookie).expect(404);
  });
});

describe('a new health statement on the worklist', () => {
  const statementItems = async (who: Staff, caseId: string, scope: 'mine' | 'team' = 'mine') =>
    (await who.api.worklistAll({ scope, includeOk: 'true' })).items.filter(
      (i) => i.caseId === caseId && i.kind === 'health_statement_received',
    );

  it('stays on the responsible person’s worklist until they have read it, without its content', async () => {
    const s = await caseWithStatement();
    const [item] = await statementItems(sw, s.kase.id);
    expect(item).toMatchObject({
      kind: 'health_statement_received',
      responsible: { id: sw.id },
      link: `/cases/${s.kase.id}#health`,
      // The responsible caseworker has no consent: the item says so and holds no health content.
      healthHidden: true,
    });
    expect(JSON.stringify(item)).not.toContain(statement.assessment);
    // The team's health worker sees the same item, readable for her; her reading does not take it off.
    expect(await statementItems(health, s.kase.id, 'team')).toEqual([expect.objectContaining({ healthHidden: false })]);
    await read(health, s.kase.id, 'health-statements');
    expect(await statementItems(sw, s.kase.id)).toHaveLength(1);
    // Hidden from the responsible person, it is not read: it stays.
    await read(sw, s.kase.id, 'health-statements');
    expect(await statementItems(sw, s.kase.id)).toHaveLength(1);
    await sw.api.citizens.setConsent(s.citizen.id, 'health_in_unit', { given: true });
    expect(await statementItems(sw, s.kase.id)).toEqual([expect.objectContaining({ healthHidden: false })]);
    await read(sw, s.kase.id, 'health-statements');
    expect(await statementItems(sw, s.kase.id)).toEqual([]);
    expect(await statementItems(health, s.kase.id, 'team')).toEqual([]);
  });
});

describe('live arrival', () => {
  it("signals the case's plan room when a statement arrives, with no content", async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const meeting = await createMeeting(t, kase.id, sw);
    const doctor = await addGuestParticipant(t, meeting.id, 'doctor');
    const socket = await t.connect({ cookie: sw.cookie });
    try {
      expect(await socket.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: true });
      const arrived = new Promise((resolve) => socket.once('case:health-data', resolve));
      const token = await issueGuestLink(t, sw.cookie, meeting.id, doctor.id);
      await t.http().post(`/api/guest/${token}/health-statement`).send(statement).expect(201);
      expect(await arrived).toEqual({ caseId: kase.id });
    } finally {
      socket.close();
    }
  });
});
