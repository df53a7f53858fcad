// Staff read what guests gave: the doctor's statements and the citizen's own assessments
// under the health rule, per case and per meeting, audited; an unread statement is on the worklist of the
// case's responsible person until they have read it.
import type { CreateHealthStatement } from '@tvaers/contracts';
import { apiClient, problem } from '../support/client';
import { createMeeting, createStaff, staffSuite, type Staff } from '../support/factories';
import { linkedGuest, meetingWithDoctorLink } from '../support/meeting-fixtures';
import { auditCount } from '../support/audit';

let colleague: Staff;

const s = staffSuite({}, 'health');

beforeAll(async () => {
  colleague = await createStaff(s.t, { teams: s.sw.teams });
});

const statement: CreateHealthStatement = {
  workCapacity: 'partial',
  assessment: 'Kan arbejde 15 timer om ugen',
  recommendations: 'Gradvis opstart',
  restrictions: 'Ingen tunge løft',
};

/** A case of `sw` with a meeting whose doctor sent a statement and whose citizen sent an own assessment. */
async function caseWithStatement() {
  const { citizen, kase, meeting, doctor } = await meetingWithDoctorLink(s.t, s.sw);
  const self = await linkedGuest(s.t, s.sw, meeting.id, 'citizen', citizen.name);
  const guest = apiClient(s.t).guests;
  const sent = await guest.giveHealthStatement(doctor.token, statement);
  const own = await guest.giveOwnAssessment(self.token, { text: 'Jeg sover bedre', wellbeing: 6 });
  return { citizen, kase, meeting, doctor, statementId: sent.id, assessmentId: own.id };
}

/** What `who` reads of a case's health statements or own assessments (of one meeting, if given). */
const read = (who: Staff, caseId: string, what: 'healthStatements' | 'ownAssessments', meetingId?: string) =>
  who.api.guests[what](caseId, meetingId ? { meetingId } : {});

const auditRows = (citizenId: string, actorId: string, action: string) =>
  auditCount(s.ds, { citizenId, actorId, action });

describe('the health statements and own assessments of a case', () => {
  it('health staff read them in full, newest first, and each read is in the access log', async () => {
    const seeded = await caseWithStatement();
    const statements = await read(s.health, seeded.kase.id, 'healthStatements');
    expect(statements).toEqual({
      healthHidden: false,
      items: [expect.objectContaining({ id: seeded.statementId, doctorName: seeded.doctor.name, ...statement })],
    });
    const assessments = await read(s.health, seeded.kase.id, 'ownAssessments');
    expect(assessments.items).toEqual([expect.objectContaining({ id: seeded.assessmentId, wellbeing: 6 })]);
    expect(await auditRows(seeded.citizen.id, s.health.id, 'health_statement.list')).toBe(1);
    expect(await auditRows(seeded.citizen.id, s.health.id, 'own_assessment.list')).toBe(1);
  });

  it("are hidden from a caseworker without the citizen's health_in_unit consent, and shown with it", async () => {
    const seeded = await caseWithStatement();
    expect(await read(colleague, seeded.kase.id, 'healthStatements')).toEqual({ items: [], healthHidden: true });
    expect(await read(colleague, seeded.kase.id, 'ownAssessments')).toEqual({ items: [], healthHidden: true });
    // The refused read is logged too: the caseworker asked for health data.
    expect(await auditRows(seeded.citizen.id, colleague.id, 'health_statement.list')).toBe(1);
    await s.sw.api.citizens.setConsent(seeded.citizen.id, 'health_in_unit', { given: true });
    expect((await read(colleague, seeded.kase.id, 'healthStatements')).items.map((i) => i.id)).toEqual([
      seeded.statementId,
    ]);
    expect((await read(colleague, seeded.kase.id, 'ownAssessments')).items.map((i) => i.id)).toEqual([
      seeded.assessmentId,
    ]);
  });

  it('?meetingId= answers what was given for that meeting only, under the same rule', async () => {
    const seeded = await caseWithStatement();
    const other = await createMeeting(s.t, seeded.kase.id, s.sw);
    expect((await read(s.health, seeded.kase.id, 'healthStatements', seeded.meeting.id)).items).toEqual([
      expect.objectContaining({ id: seeded.statementId, meetingId: seeded.meeting.id }),
    ]);
    expect((await read(s.health, seeded.kase.id, 'ownAssessments', seeded.meeting.id)).items).toHaveLength(1);
    expect(await read(s.health, seeded.kase.id, 'healthStatements', other.id)).toEqual({
      items: [],
      healthHidden: false,
    });
    expect(await read(colleague, seeded.kase.id, 'healthStatements', seeded.meeting.id)).toEqual({
      items: [],
      healthHidden: true,
    });
    const malformed = await problem(s.health.api.guests.healthStatements(seeded.kase.id, { meetingId: 'nope' }));
    expect(malformed).toMatchObject({ status: 400, paths: ['meetingId'] });
  });

  it("is 404 for another team's staff", async () => {
    const seeded = await caseWithStatement();
    const stranger = await createStaff(s.t, { kind: 'health' });
    expect((await problem(stranger.api.guests.healthStatements(seeded.kase.id))).status).toBe(404);
    expect((await problem(stranger.api.guests.ownAssessments(seeded.kase.id))).status).toBe(404);
  });
});

describe('a new health statement on the worklist', () => {
  const statementItems = async (who: Staff, caseId: string, scope: 'mine' | 'team' = 'mine') =>
    (await who.api.worklistAll({ scope, includeOk: 'true' })).items.filter(
      (i) => i.caseId === caseId && i.kind === 'health_statement_received',
    );

  it('stays on the responsible person’s worklist until they have read it, without its content', async () => {
    const seeded = await caseWithStatement();
    const [item] = await statementItems(s.sw, seeded.kase.id);
    expect(item).toMatchObject({
      kind: 'health_statement_received',
      responsible: { id: s.sw.id },
      link: `/cases/${seeded.kase.id}#health`,
      // The responsible caseworker has no consent: the item says so and holds no health content.
      healthHidden: true,
    });
    expect(JSON.stringify(item)).not.toContain(statement.assessment);
    // The team's health worker sees the same item, readable for her; her reading does not take it off.
    expect(await statementItems(s.health, seeded.kase.id, 'team')).toEqual([
      expect.objectContaining({ healthHidden: false }),
    ]);
    await read(s.health, seeded.kase.id, 'healthStatements');
    expect(await statementItems(s.sw, seeded.kase.id)).toHaveLength(1);
    // Hidden from the responsible person, it is not read: it stays.
    await read(s.sw, seeded.kase.id, 'healthStatements');
    expect(await statementItems(s.sw, seeded.kase.id)).toHaveLength(1);
    await s.sw.api.citizens.setConsent(seeded.citizen.id, 'health_in_unit', { given: true });
    expect(await statementItems(s.sw, seeded.kase.id)).toEqual([expect.objectContaining({ healthHidden: false })]);
    await read(s.sw, seeded.kase.id, 'healthStatements');
    expect(await statementItems(s.sw, seeded.kase.id)).toEqual([]);
    expect(await statementItems(s.health, seeded.kase.id, 'team')).toEqual([]);
  });
});

describe('live arrival', () => {
  it("signals the case's plan room when a statement arrives, with no content", async () => {
    const { kase, doctor } = await meetingWithDoctorLink(s.t, s.sw);
    const socket = await s.t.connect({ cookie: s.sw.cookie });
    try {
      expect(await socket.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: true });
      const arrived = new Promise((resolve) => socket.once('case:health-data', resolve));
      await apiClient(s.t).guests.giveHealthStatement(doctor.token, statement);
      expect(await arrived).toEqual({ caseId: kase.id });
    } finally {
      socket.close();
    }
  });
});
