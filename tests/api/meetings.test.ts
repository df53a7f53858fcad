// Roundtable meetings (docs/api.md "Roundtable meetings"): planning fixed or proposed, the staff clash rule,
// rescheduling and cancelling, working hours, absences and common free time.
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { CreateMeeting } from '@tvaers/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { apiClient, invalid, problem } from '../support/client';
import { createCase, createMeeting, createStaff, createTeamOf, issueGuestLink, type Staff } from '../support/factories';
import { auditCount } from '../support/audit';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A caseworker and a health colleague in a new team, and a case of the caseworker's. */
async function team() {
  const { caseworker, health, manager } = await createTeamOf(t, 'caseworker', 'health', 'manager');
  const { kase, citizen } = await createCase(t, caseworker.cookie, caseworker.id);
  return { caseworker, health, manager, kase, citizen };
}

/** The week after the spring DST change of 2027 (Sunday 28 March): 08:00 local is 06:00Z. */
const cest = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2027, 2, day, h - 2, m)).toISOString();
};
/** From `from` to `to` local on `day` March. */
const slot = (day: number, from: string, to: string) => ({ start: cest(day, from), end: cest(day, to) });
const fixed = (caseId: string, day: number, from: string, to: string, extra: Partial<CreateMeeting> = {}) =>
  ({ caseId, ...slot(day, from, to), participants: [], ...extra }) as CreateMeeting;
/** A meeting proposed at these times. */
const proposed = (caseId: string, ...proposals: { start: string; end: string }[]): CreateMeeting => ({
  caseId,
  participants: [],
  proposals,
});

const auditRows = (citizenId: string, action: string) => auditCount(t.app.get(DataSource), { citizenId, action });

describe('planning a meeting', () => {
  it('at a fixed time is scheduled, with the creating caseworker added and every kind of participant', async () => {
    const { caseworker, health, kase, citizen } = await team();
    const m = await caseworker.api.meetings.create(
      fixed(kase.id, 30, '10:00', '11:00', {
        title: 'Rundbordsmøde om helbred',
        location: 'Jobcentret, lokale 2',
        participants: [
          { kind: 'staff', staffId: health.id },
          { kind: 'doctor', name: 'Læge Hansen', email: 'laege@example.dk', clinic: 'Lægehuset' },
          { kind: 'citizen' },
          { kind: 'guest', name: 'Bo Bisidder', role: 'bisidder' },
        ],
      }),
    );
    expect(m).toMatchObject({
      caseId: kase.id,
      title: 'Rundbordsmøde om helbred',
      status: 'scheduled',
      start: '2027-03-30T08:00:00.000Z',
      end: '2027-03-30T09:00:00.000Z',
      proposals: [],
      location: 'Jobcentret, lokale 2',
    });
    const who = m.participants.map((p) => [p.kind, p.staffId ?? p.name]).sort();
    expect(who).toEqual(
      [
        ['citizen', citizen.name],
        ['doctor', 'Læge Hansen'],
        ['guest', 'Bo Bisidder'],
        ['staff', caseworker.id],
        ['staff', health.id],
      ].sort(),
    );
    expect(await caseworker.api.meetings.get(m.id)).toEqual(m);
  });

  it('with 2–5 proposals is proposed, without a time yet', async () => {
    const { caseworker, kase } = await team();
    const proposals = [slot(31, '13:00', '14:00'), slot(30, '09:00', '10:00')];
    const m = await caseworker.api.meetings.create({ caseId: kase.id, proposals, participants: [{ kind: 'citizen' }] });
    expect(m).toMatchObject({ status: 'proposed', start: null, end: null, title: 'Rundbordsmøde' });
    expect(m.proposals.map((p) => p.start)).toEqual(['2027-03-30T07:00:00.000Z', '2027-03-31T11:00:00.000Z']);
  });

  it.each([
    ['end before start', slot(30, '11:00', '10:00'), ['end']],
    ['start without end', { start: cest(30, '11:00') }, ['end']],
    ['no time at all', {}, ['start']],
    ['one proposal', { proposals: [slot(30, '09:00', '10:00')] }, ['proposals']],
    [
      'six proposals',
      { proposals: [1, 2, 3, 4, 5, 6].map((h) => ({ start: cest(30, `0${h}:00`), end: cest(30, `0${h}:30`) })) },
      ['proposals'],
    ],
    [
      'both a time and proposals',
      {
        start: cest(30, '09:00'),
        end: cest(30, '10:00'),
        proposals: [slot(30, '11:00', '12:00'), slot(30, '13:00', '14:00')],
      },
      ['proposals'],
    ],
    [
      'a proposal ending before it starts',
      {
        proposals: [slot(30, '11:00', '10:00'), slot(30, '13:00', '14:00')],
      },
      ['proposals.0.end'],
    ],
  ])('refuses %s (400 naming the field)', async (_what, times, paths) => {
    const { caseworker, kase } = await team();
    const res = await problem(caseworker.api.meetings.create(invalid({ caseId: kase.id, participants: [], ...times })));
    expect(res).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', paths });
  });

  it('refuses a staff participant who is not a colleague (400 on that participant)', async () => {
    const { caseworker, kase } = await team();
    const stranger = await createStaff(t);
    const res = await problem(
      caseworker.api.meetings.create(
        fixed(kase.id, 30, '10:00', '11:00', { participants: [{ kind: 'staff', staffId: stranger.id }] }),
      ),
    );
    expect(res).toMatchObject({ status: 400, paths: ['participants.0.staffId'] });
  });

  it('answers a case of another team with 404, and plans nothing', async () => {
    const { kase } = await team();
    const other = await createStaff(t);
    const res = await problem(other.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00')));
    expect(res.status).toBe(404);
    expect((await other.api.meetings.list({ from: cest(30, '00:00'), to: cest(31, '00:00') })).items).toEqual([]);
  });
});

describe('the clash rule', () => {
  it('refuses a staff participant who already has a meeting then (409 MEETING_CONFLICT naming them)', async () => {
    const { caseworker, health, kase } = await team();
    await health.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    const res = await problem(
      caseworker.api.meetings.create(
        fixed(kase.id, 30, '10:30', '11:30', { participants: [{ kind: 'staff', staffId: health.id }] }),
      ),
    );
    expect(res).toMatchObject({ status: 409, code: 'MEETING_CONFLICT', paths: ['start'] });
    expect(res.problem.errors![0].message).toContain(health.name);
    // Who it is, as data: a client need not read it out of the English message.
    expect(res.problem.errors![0]).toMatchObject({ staffId: health.id, name: health.name });
    expect(res.problem.detail).toContain(health.name);
  });

  it("counts another meeting's open proposal as taken time, also for the creator", async () => {
    const { caseworker, kase } = await team();
    await caseworker.api.meetings.create(proposed(kase.id, slot(30, '09:00', '10:00'), slot(31, '09:00', '10:00')));
    const res = await problem(
      caseworker.api.meetings.create(proposed(kase.id, slot(29, '09:00', '10:00'), slot(31, '09:30', '10:30'))),
    );
    expect(res).toMatchObject({ status: 409, code: 'MEETING_CONFLICT', paths: ['proposals.1'] });
  });

  it('lets meetings that only touch pass', async () => {
    const { caseworker, kase } = await team();
    await caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    await expect(caseworker.api.meetings.create(fixed(kase.id, 30, '11:00', '12:00'))).resolves.toBeDefined();
  });

  it('lets exactly one of two concurrent plans for the same person through', async () => {
    const { caseworker, health, kase } = await team();
    const { kase: kase2 } = await createCase(t, health.cookie, health.id);
    const post = (s: Staff, caseId: string, from: string) =>
      s.api.wire('post', '/api/meetings', {
        body: fixed(caseId, 30, from, '14:00', { participants: [{ kind: 'staff', staffId: health.id }] }),
      });
    const results = await Promise.all([post(caseworker, kase.id, '13:00'), post(health, kase2.id, '13:30')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe('changing a meeting', () => {
  const listen = (event: string) => {
    const got: unknown[] = [];
    t.app.get(EventEmitter2).on(event, (p: unknown) => got.push(p));
    return got;
  };

  it('reschedules to a free time and says so (meeting.moved)', async () => {
    const { caseworker, kase } = await team();
    const moved = listen('meeting.moved');
    const m = await caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    const after = await caseworker.api.meetings.update(m.id, slot(31, '12:00', '13:30'));
    expect(after).toMatchObject({ status: 'scheduled', start: cest(31, '12:00'), end: cest(31, '13:30') });
    expect(moved).toContainEqual({ meetingId: m.id });
  });

  it('keeps the length rule and its own time out of the clash check (a later end only)', async () => {
    const { caseworker, kase } = await team();
    const m = await caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    expect((await caseworker.api.meetings.update(m.id, { end: cest(30, '11:30') })).end).toBe(cest(30, '11:30'));
    expect(await problem(caseworker.api.meetings.update(m.id, { end: cest(30, '09:00') }))).toMatchObject({
      status: 400,
      paths: ['end'],
    });
  });

  it('refuses a move onto a participant’s other meeting (409)', async () => {
    const { caseworker, health, kase } = await team();
    await health.api.meetings.create(fixed(kase.id, 31, '10:00', '11:00'));
    const m = await caseworker.api.meetings.create(
      fixed(kase.id, 30, '10:00', '11:00', { participants: [{ kind: 'staff', staffId: health.id }] }),
    );
    const res = await problem(caseworker.api.meetings.update(m.id, slot(31, '10:30', '11:30')));
    expect(res).toMatchObject({ status: 409, code: 'MEETING_CONFLICT' });
    expect((await caseworker.api.meetings.get(m.id)).start).toBe(cest(30, '10:00'));
  });

  it('gives a proposed meeting its time (meeting.scheduled)', async () => {
    const { caseworker, kase } = await team();
    const scheduled = listen('meeting.scheduled');
    const m = await caseworker.api.meetings.create(
      proposed(kase.id, slot(30, '09:00', '10:00'), slot(31, '09:00', '10:00')),
    );
    const after = await caseworker.api.meetings.update(m.id, slot(31, '09:00', '10:00'));
    expect(after.status).toBe('scheduled');
    expect(scheduled).toContainEqual({ meetingId: m.id });
  });

  it('cancels (meeting.cancelled), frees the time, and a cancelled meeting changes no more', async () => {
    const { caseworker, kase } = await team();
    const cancelled = listen('meeting.cancelled');
    const m = await caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    expect((await caseworker.api.meetings.update(m.id, { status: 'cancelled' })).status).toBe('cancelled');
    expect(cancelled).toContainEqual({ meetingId: m.id });
    await expect(caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'))).resolves.toBeDefined();
    expect(await problem(caseworker.api.meetings.update(m.id, { title: 'Igen' }))).toMatchObject({
      status: 409,
      code: 'MEETING_CLOSED',
    });
  });

  it('refuses a time in the past when planning, proposing or moving, naming the field; a running meeting may run longer', async () => {
    const { caseworker, kase } = await team();
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const halfHourAgo = new Date(Date.now() - 1_800_000).toISOString();
    const pastTime = { start: hourAgo, end: halfHourAgo };
    expect(
      await problem(caseworker.api.meetings.create({ caseId: kase.id, participants: [], ...pastTime })),
    ).toMatchObject({ status: 400, paths: ['start'] });
    expect(
      await problem(caseworker.api.meetings.create(proposed(kase.id, slot(30, '09:00', '10:00'), pastTime))),
    ).toMatchObject({ status: 400, paths: ['proposals.1'] });
    const m = await caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    expect(await problem(caseworker.api.meetings.update(m.id, pastTime))).toMatchObject({
      status: 400,
      paths: ['start'],
    });
    expect((await caseworker.api.meetings.get(m.id)).start).toBe(cest(30, '10:00'));
    // A meeting under way keeps its start and may end later.
    const running = await createMeeting(t, kase.id, caseworker, {
      start: new Date(Date.now() - 1_800_000),
      end: new Date(Date.now() + 1_800_000),
    });
    const later = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000).toISOString();
    expect((await caseworker.api.meetings.update(running.id, { end: later })).end).toBe(later);
  });

  it('marks a meeting held one way only: PATCH cancels, the outcome route marks held', async () => {
    const { caseworker, kase } = await team();
    const past = await caseworker.api.meetings.create(fixed(kase.id, 29, '10:00', '11:00'));
    const patched = await problem(caseworker.api.meetings.update(past.id, { status: 'held' } as never));
    expect(patched).toMatchObject({ status: 400, paths: ['status'] });
    expect((await caseworker.api.meetings.get(past.id)).status).toBe('scheduled');
  });

  it('keeps its own agenda, changed like the other details, and shows it to a guest link', async () => {
    const { caseworker, kase } = await team();
    const agenda = ['Velkomst', 'Lægens vurdering', 'Næste skridt'];
    const m = await caseworker.api.meetings.create(
      fixed(kase.id, 30, '13:00', '14:00', { participants: [{ kind: 'doctor', name: 'Læge Bo' }], agenda }),
    );
    expect(m.agenda).toEqual(agenda);
    expect((await caseworker.api.meetings.create(fixed(kase.id, 31, '13:00', '14:00'))).agenda).toEqual([]);
    const changed = await caseworker.api.meetings.update(m.id, { agenda: ['Kun ét punkt'] });
    expect(changed.agenda).toEqual(['Kun ét punkt']);
    const doctor = m.participants.find((p) => p.kind === 'doctor')!;
    const token = await issueGuestLink(t, caseworker.cookie, m.id, doctor.id);
    const res = await apiClient(t).wire('get', '/api/guest/{token}', { params: { token } });
    expect(res.status).toBe(200);
    const view = res.body as { meeting: Record<string, unknown> };
    expect(view.meeting.agenda).toEqual(['Kun ét punkt']);
    expect(view.meeting).not.toHaveProperty('caseId');
    expect(view.meeting).not.toHaveProperty('outcome');
    const tooMany = Array.from({ length: 16 }, (_, i) => `Punkt ${i + 1}`);
    expect(await problem(caseworker.api.meetings.update(m.id, { agenda: tooMany }))).toMatchObject({
      status: 400,
      paths: ['agenda'],
    });
    expect(await problem(caseworker.api.meetings.update(m.id, { agenda: ['ok', ' '] }))).toMatchObject({
      status: 400,
      paths: ['agenda.1'],
    });
    expect((await caseworker.api.meetings.get(m.id)).agenda).toEqual(['Kun ét punkt']);
  });

  it("lists a case's meetings, every status, for the case page", async () => {
    const { caseworker, kase } = await team();
    const a = await caseworker.api.meetings.create(fixed(kase.id, 31, '10:00', '11:00'));
    const b = await caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    await caseworker.api.meetings.update(a.id, { status: 'cancelled' });
    const { items } = await caseworker.api.meetings.list({ caseId: kase.id });
    expect(items.map((m) => [m.id, m.status])).toEqual([
      [b.id, 'scheduled'],
      [a.id, 'cancelled'],
    ]);
    const other = await createStaff(t);
    expect((await problem(other.api.meetings.list({ caseId: kase.id }))).status).toBe(404);
  });
});

describe('access log', () => {
  it.each([
    ['planning', 'meeting.create'],
    ['changing', 'meeting.update'],
    ['reading', 'meeting.read'],
    ["listing the case's meetings", 'meetings.list'],
  ])('%s a meeting writes exactly one row', async (what, action) => {
    const { caseworker, kase, citizen } = await team();
    const m = what === 'planning' ? null : await caseworker.api.meetings.create(fixed(kase.id, 30, '10:00', '11:00'));
    const before = await auditRows(citizen.id, action);
    if (what === 'planning') await caseworker.api.meetings.create(fixed(kase.id, 31, '10:00', '11:00'));
    if (what === 'changing') await caseworker.api.meetings.update(m!.id, { location: 'Borgerservice' });
    if (what === 'reading') await caseworker.api.meetings.get(m!.id);
    if (what.startsWith('listing')) await caseworker.api.meetings.list({ caseId: kase.id });
    expect((await auditRows(citizen.id, action)) - before).toBe(1);
  });
});

describe('working hours and absences', () => {
  it('default to Monday–Friday 08:00–16:00 and can be set by oneself', async () => {
    const { caseworker } = await team();
    const before = await caseworker.api.staff.workingHours(caseworker.id);
    expect(before).toMatchObject({ isDefault: true, timeZone: 'Europe/Copenhagen' });
    expect(before.hours).toHaveLength(5);
    const hours = [
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 2, start: '12:30', end: '15:00' },
    ];
    expect(await caseworker.api.staff.setWorkingHours(caseworker.id, { hours })).toMatchObject({
      isDefault: false,
      hours,
    });
  });

  it('refuses overlapping hours on one weekday (400 naming the entry)', async () => {
    const { caseworker } = await team();
    const res = await problem(
      caseworker.api.staff.setWorkingHours(caseworker.id, {
        hours: [
          { weekday: 1, start: '08:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '15:00' },
        ],
      }),
    );
    expect(res).toMatchObject({ status: 400, paths: ['hours.1'] });
  });

  it("are a manager's of the team to change, not a colleague's (403), and unknown to another team (404)", async () => {
    const { caseworker, health, manager } = await team();
    const hours = { hours: [{ weekday: 1, start: '07:00', end: '15:00' }] };
    await expect(manager.api.staff.setWorkingHours(caseworker.id, hours)).resolves.toMatchObject(hours);
    expect((await problem(health.api.staff.setWorkingHours(caseworker.id, hours))).status).toBe(403);
    const other = await createStaff(t);
    expect((await problem(other.api.staff.workingHours(caseworker.id))).status).toBe(404);
  });

  it('absences are added, listed while not over, and removed', async () => {
    const { caseworker } = await team();
    const absence = await caseworker.api.staff.addAbsence(caseworker.id, {
      start: cest(29, '00:00'),
      end: cest(30, '00:00'),
      reason: 'Kursus',
    });
    expect((await caseworker.api.staff.workingHours(caseworker.id)).absences).toEqual([absence]);
    await caseworker.api.staff.removeAbsence(caseworker.id, absence.id);
    expect((await caseworker.api.staff.workingHours(caseworker.id)).absences).toEqual([]);
    expect((await problem(caseworker.api.staff.removeAbsence(caseworker.id, absence.id))).status).toBe(404);
  });
});

describe('common free time', () => {
  /** A meeting proposed for 13:00–14:00 local on Monday 29 and Wednesday 31 March. */
  const proposedOn29And31 = (caseId: string) =>
    proposed(caseId, slot(29, '13:00', '14:00'), slot(31, '13:00', '14:00'));

  it('across the spring DST week: working hours in local time, minus a meeting, a proposal and an absence', async () => {
    const { caseworker, health, kase } = await team();
    // Friday 26 March (CET): the health colleague is away all day.
    await health.api.staff.addAbsence(health.id, {
      start: '2027-03-25T23:00:00.000Z',
      end: '2027-03-26T23:00:00.000Z',
    });
    // Monday 29 March (CEST): a meeting 09:00–10:00 and an open proposal 13:00–14:00 local.
    await caseworker.api.meetings.create(fixed(kase.id, 29, '09:00', '10:00'));
    await health.api.meetings.create(proposedOn29And31(kase.id));
    const { slots } = await caseworker.api.availability({
      staffIds: `${caseworker.id},${health.id}`,
      from: '2027-03-25T00:00:00Z',
      to: '2027-03-30T00:00:00Z',
      durationMinutes: 60,
    });
    expect(slots).toEqual([
      // Thursday 25 March, CET: 08:00 local is 07:00Z.
      { start: '2027-03-25T07:00:00.000Z', end: '2027-03-25T15:00:00.000Z' },
      // Monday 29 March, CEST: 08:00 local is 06:00Z.
      { start: '2027-03-29T06:00:00.000Z', end: '2027-03-29T07:00:00.000Z' },
      { start: '2027-03-29T08:00:00.000Z', end: '2027-03-29T11:00:00.000Z' },
      { start: '2027-03-29T12:00:00.000Z', end: '2027-03-29T14:00:00.000Z' },
    ]);
  });

  it('follows stored working hours and the duration asked for', async () => {
    const { caseworker } = await team();
    await caseworker.api.staff.setWorkingHours(caseworker.id, {
      hours: [
        { weekday: 2, start: '09:00', end: '09:45' },
        { weekday: 2, start: '13:00', end: '15:00' },
      ],
    });
    const { slots } = await caseworker.api.availability({
      staffIds: caseworker.id,
      from: cest(30, '00:00'),
      to: cest(31, '00:00'),
      durationMinutes: 60,
    });
    expect(slots).toEqual([{ start: '2027-03-30T11:00:00.000Z', end: '2027-03-30T13:00:00.000Z' }]);
  });

  it("lists a colleague's busy time (meetings, open proposals, absences) without what it is", async () => {
    const { caseworker, health, kase } = await team();
    await health.api.staff.addAbsence(health.id, {
      start: cest(30, '08:00'),
      end: cest(30, '12:00'),
      reason: 'Kursus',
    });
    await health.api.meetings.create(fixed(kase.id, 29, '09:00', '10:00'));
    await health.api.meetings.create(proposedOn29And31(kase.id));
    const { busy } = await caseworker.api.busy({ staffIds: health.id, from: cest(29, '00:00'), to: cest(31, '00:00') });
    expect(busy).toEqual([
      { staffId: health.id, kind: 'meeting', start: '2027-03-29T07:00:00.000Z', end: '2027-03-29T08:00:00.000Z' },
      { staffId: health.id, kind: 'meeting', start: '2027-03-29T11:00:00.000Z', end: '2027-03-29T12:00:00.000Z' },
      { staffId: health.id, kind: 'absence', start: '2027-03-30T06:00:00.000Z', end: '2027-03-30T10:00:00.000Z' },
    ]);
    const other = await createStaff(t);
    expect(
      (await problem(caseworker.api.busy({ staffIds: other.id, from: cest(29, '00:00'), to: cest(31, '00:00') })))
        .status,
    ).toBe(404);
  });

  it('follows a meeting through proposal, time, move and cancellation in busy time', async () => {
    const { caseworker, health, kase } = await team();
    const busyOn29 = async () =>
      (await caseworker.api.busy({ staffIds: health.id, from: cest(29, '00:00'), to: cest(30, '00:00') })).busy.map(
        (b) => [b.start, b.end],
      );
    const m = await health.api.meetings.create(
      proposed(kase.id, slot(29, '09:00', '10:00'), slot(29, '13:00', '14:00')),
    );
    expect(await busyOn29()).toEqual([
      ['2027-03-29T07:00:00.000Z', '2027-03-29T08:00:00.000Z'],
      ['2027-03-29T11:00:00.000Z', '2027-03-29T12:00:00.000Z'],
    ]);
    await health.api.meetings.update(m.id, slot(29, '13:00', '14:00'));
    expect(await busyOn29()).toEqual([['2027-03-29T11:00:00.000Z', '2027-03-29T12:00:00.000Z']]);
    await health.api.meetings.update(m.id, slot(29, '15:00', '15:30'));
    expect(await busyOn29()).toEqual([['2027-03-29T13:00:00.000Z', '2027-03-29T13:30:00.000Z']]);
    await health.api.meetings.update(m.id, { status: 'cancelled' });
    expect(await busyOn29()).toEqual([]);
  });

  it('answers 404 for a staff member of another team', async () => {
    const { caseworker } = await team();
    const other = await createStaff(t);
    const res = await problem(
      caseworker.api.availability({
        staffIds: `${caseworker.id},${other.id}`,
        from: cest(30, '00:00'),
        to: cest(31, '00:00'),
        durationMinutes: 30,
      }),
    );
    expect(res.status).toBe(404);
  });

  it('names each bad query field', async () => {
    const { caseworker } = await team();
    const res = await problem(
      caseworker.api.availability(invalid({ staffIds: 'x', from: cest(30, '00:00'), to: 'i morgen' })),
    );
    expect(res).toMatchObject({ status: 400 });
    expect(res.paths).toEqual(expect.arrayContaining(['durationMinutes', 'to']));
  });
});
