// Staff read what guests gave: the doctor's statements and the citizen's own assessments
// under the health rule, per case and per meeting, audited; an unread statement is on the worklist of the
// case's responsible person until they have read it.
import type { CreateHealthStatement } from '@tvaers/contracts';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createMeeting, createStaff, startWithStaff, type Staff } from '../support/factories';
import { linkedGuest, meetingWithDoctorLink } from '../support/meeting-fixtures';

let t: TestApp;
let ds: DataSource;
let sw: Staff;
let colleague: Staff;
let health: Staff;

beforeAll(async () => {
  ({ t, sw } = await startWithStaff());
  ds = t.app.get(DataSource);
  colleague = await createStaff(t, { teams: sw.teams });
  health = await createStaff(t, { kind: 'health', teams: sw.teams });
});
afterAll(() => t.close());

const statement: CreateHealthStatement = {
  workCapacity: 'partial',
  assessment: 'Kan arbejde 15 timer om ugen',
  recommendations: 'Gradvis opstart',
  restrictions: 'Ingen tunge løft',
};

/** A case of `sw` with a meeting whose doctor sent a statement and whose citizen sent an own assessment. */
async function caseWithStatement() {
  const { citizen, kase, meeting, doctor } = await meetingWithDoctorLink(t, sw);
  const self = await linkedGuest(t, sw, meeting.id, 'citizen', citizen.name);
  const guest = apiClient(t).guests;
  const sent = await guest.giveHealthStatement(doctor.token, statement);
  const own = await guest.giveOwnAssessment(self.token, { text: 'Jeg sover bedre', wellbeing: 6 });
  return { citizen, kase, meeting, doctor, statementId: sent.id, assessmentId: own.id };
}

/** What `who` reads of a case's health statements or own assessments (of one meeting, if given). */
const read = (who: Staff, caseId: string, what: 'healthStatements' | 'ownAssessments', meetingId?: string) =>
  who.api.guests[what](caseId, meetingId ? { meetingId } : {});

const auditRows = (citizenId: string, actorId: string, action: string) =>
  ds.query<{ n: string }[]>(
    `SELECT count(*) AS n FROM audit_entry WHERE citizen_id = $1 AND actor_id = $2 AND action = $3`,
    [citizenId, actorId, action],
  );

describe('the health statements and own assessments of a case', () => {
  it('health staff read them in full, newest first, and each read is in the access log', async () => {
    const s = await caseWithStatement();
    const statements = await read(health, s.kase.id, 'healthStatements');
    expect(statements).toEqual({
      healthHidden: false,
      items: [expect.objectContaining({ id: s.statementId, doctorName: s.doctor.name, ...statement })],
    });
    const assessments = await read(health, s.kase.id, 'ownAssessments');
    expect(assessments.items).toEqual([expect.objectContaining({ id: s.assessmentId, wellbeing: 6 })]);
    expect(await auditRows(s.citizen.id, health.id, 'health_statement.list')).toEqual([{ n: '1' }]);
    expect(await auditRows(s.citizen.id, health.id, 'own_assessment.list')).toEqual([{ n: '1' }]);
  });

  it("are hidden from a caseworker without the citizen's health_in_unit consent, and shown with it", async () => {
    const s = await caseWithStatement();
    expect(await read(colleague, s.kase.id, 'healthStatements')).toEqual({ items: [], healthHidden: true });
    expect(await read(colleague, s.kase.id, 'ownAssessments')).toEqual({ items: [], healthHidden: true });
    // The refused read is logged too: the caseworker asked for health data.
    expect(await auditRows(s.citizen.id, colleague.id, 'health_statement.list')).toEqual([{ n: '1' }]);
    await sw.api.citizens.setConsent(s.citizen.id, 'health_in_unit', { given: true });
    expect((await read(colleague, s.kase.id, 'healthStatements')).items.map((i) => i.id)).toEqual([s.statementId]);
    expect((await read(colleague, s.kase.id, 'ownAssessments')).items.map((i) => i.id)).toEqual([s.assessmentId]);
  });

  it('?meetingId= answers what was given for that meeting only, under the same rule', async () => {
    const s = await caseWithStatement();
    const other = await createMeeting(t, s.kase.id, sw);
    expect((await read(health, s.kase.id, 'healthStatements', s.meeting.id)).items).toEqual([
      expect.objectContaining({ id: s.statementId, meetingId: s.meeting.id }),
    ]);
    expect((await read(health, s.kase.id, 'ownAssessments', s.meeting.id)).items).toHaveLength(1);
    expect(await read(health, s.kase.id, 'healthStatements', other.id)).toEqual({ items: [], healthHidden: false });
    expect(await read(colleague, s.kase.id, 'healthStatements', s.meeting.id)).toEqual({
      items: [],
      healthHidden: true,
    });
    const malformed = await problem(health.api.guests.healthStatements(s.kase.id, { meetingId: 'nope' }));
    expect(malformed).toMatchObject({ status: 400, paths: ['meetingId'] });
  });

  it("is 404 for another team's staff", async () => {
    const s = await caseWithStatement();
    const stranger = await createStaff(t, { kind: 'health' });
    expect((await problem(stranger.api.guests.healthStatements(s.kase.id))).status).toBe(404);
    expect((await problem(stranger.api.guests.ownAssessments(s.kase.id))).status).toBe(404);
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
    await read(health, s.kase.id, 'healthStatements');
    expect(await statementItems(sw, s.kase.id)).toHaveLength(1);
    // Hidden from the responsible person, it is not read: it stays.
    await read(sw, s.kase.id, 'healthStatements');
    expect(await statementItems(sw, s.kase.id)).toHaveLength(1);
    await sw.api.citizens.setConsent(s.citizen.id, 'health_in_unit', { given: true });
    expect(await statementItems(sw, s.kase.id)).toEqual([expect.objectContaining({ healthHidden: false })]);
    await read(sw, s.kase.id, 'healthStatements');
    expect(await statementItems(sw, s.kase.id)).toEqual([]);
    expect(await statementItems(health, s.kase.id, 'team')).toEqual([]);
  });
});

describe('live arrival', () => {
  it("signals the case's plan room when a statement arrives, with no content", async () => {
    const { kase, doctor } = await meetingWithDoctorLink(t, sw);
    const socket = await t.connect({ cookie: sw.cookie });
    try {
      expect(await socket.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: true });
      const arrived = new Promise((resolve) => socket.once('case:health-data', resolve));
      await apiClient(t).guests.giveHealthStatement(doctor.token, statement);
      expect(await arrived).toEqual({ caseId: kase.id });
    } finally {
      socket.close();
    }
  });
});
