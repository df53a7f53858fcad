import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateMeeting,
  type DoctorParticipationQuery,
  type Meeting,
  type MeetingListQuery,
  type MeetingStatus,
  MeetingTime,
  type ParticipantInput,
  type RecordOutcome,
  type ParticipantKind,
  type UpdateMeeting,
} from '@tvaers/contracts';
import { TIME_ZONE } from '@tvaers/domain';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { type DomainEventMap, DomainEvents } from '../common/events/domain-events';
import { type FieldError, forbidden, notFound, ProblemError, validationFailed } from '../common/problem/problem';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PlansService } from '../plans/plans.service';
import type { MeetingEntity } from './meeting.entity';
import type { MeetingParticipantEntity } from './meeting-participant.entity';
import type { MeetingProposalEntity } from './meeting-proposal.entity';
import {
  meetingClosed,
  meetingConflict,
  meetingNotProposed,
  meetingNotStarted,
  notAProposedTime,
  outcomeNotYours,
} from './meetings.errors';
import { toMeeting, toOutcome } from './meetings.mapper';
import { type BusySpan, MeetingsRepository, type TimeSpan } from './meetings.repository';

const DEFAULT_TITLE = 'Rundbordsmøde';

type MeetingEvent = Extract<keyof DomainEventMap, `meeting.${string}`>;

/** A participant as a mail about the meeting addresses them. */
export interface MailParticipant {
  id: string;
  kind: ParticipantKind;
  name: string;
  staffId: string | null;
  /** The staff member's work e-mail, or the doctor's or guest's as entered; citizens have none stored. */
  email: string | null;
}

/** What a meeting's mails need: times, place, iCalendar SEQUENCE, organiser and who with which address. */
export interface MailMeeting {
  id: string;
  title: string;
  status: MeetingStatus;
  startAt: Date | null;
  endAt: Date | null;
  location: string | null;
  videoUrl: string | null;
  sequence: number;
  createdBy: string;
  organizer: { name: string; email: string };
  participants: MailParticipant[];
  proposals: { startAt: Date; endAt: Date }[];
  /** A held meeting's summary and its decisions' text (the outcome mail carries these only). */
  outcome: { summary: string; decisions: string[] } | null;
}

const byKindAndName = (a: MailParticipant, b: MailParticipant) =>
  a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A calendar (the caller's own, or a colleague's in one of the caller's teams), or a case's meetings. */
  async list(actor: StaffActor, query: MeetingListQuery): Promise<Meeting[]> {
    const staffId = query.staffId ?? (query.caseId ? undefined : actor.id);
    if (staffId && staffId !== actor.id) await this.access.require(actor, Permission.StaffCalendarRead, staffId);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (query.caseId) {
      await this.access.require(actor, Permission.CaseMeetingList, query.caseId);
      return (await this.meetings.findForCase(query.caseId, { staffId, from, to })).map((m) => toMeeting(m));
    }
    const rows = await this.access.list(
      actor,
      Permission.MeetingList,
      (scope) => this.meetings.findForStaff(scope, staffId!, from!, to!),
      (m) => ({ citizenId: m.citizenId, entityId: m.id }),
    );
    return rows.map((m) => toMeeting(m));
  }

  async get(actor: StaffActor, id: string): Promise<Meeting> {
    await this.access.require(actor, Permission.MeetingRead, id);
    const m = await this.meetings.findById(id);
    if (!m) throw notFound('Meeting');
    return this.withOutcome(m);
  }

  private async withOutcome(m: MeetingEntity): Promise<Meeting> {
    return toMeeting(m, m.heldAt ? toOutcome(m, await this.meetings.findDecisions(m.id)) : null);
  }

  /**
   * The meeting as it now is, without an access check or access-log row: only for pushing to a live room
   * whose members were each checked (and logged) when they joined it.
   */
  async current(id: string): Promise<Meeting | null> {
    const m = await this.meetings.findById(id);
    return m ? this.withOutcome(m) : null;
  }

  /**
   * The meeting as its mails need it, without an access check or access-log row: for invitations, sent
   * because of a change that was itself checked and logged.
   */
  async forMail(id: string): Promise<MailMeeting | null> {
    const m = await this.meetings.findById(id);
    if (!m) return null;
    const staffIds = m.participants.flatMap((p) => (p.staffId ? [p.staffId] : []));
    const staff = await this.meetings.staffContacts([m.createdBy, ...staffIds]);
    const organizer = staff.get(m.createdBy);
    if (!organizer) return null;
    return {
      id: m.id,
      title: m.title,
      status: m.status,
      startAt: m.startAt,
      endAt: m.endAt,
      location: m.location,
      videoUrl: m.videoUrl,
      sequence: m.sequence,
      createdBy: m.createdBy,
      organizer,
      participants: m.participants
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          name: p.name,
          staffId: p.staffId,
          email: p.kind === 'staff' ? (staff.get(p.staffId ?? '')?.email ?? null) : p.email,
        }))
        .sort(byKindAndName),
      proposals: m.proposals.map((p) => ({ startAt: p.startAt, endAt: p.endAt })),
      outcome:
        m.summary === null
          ? null
          : { summary: m.summary, decisions: (await this.meetings.findDecisions(m.id)).map((d) => d.text) },
    };
  }

  /** Time these staff members are taken in [from, to) by meetings and open proposals (times only, no case content). */
  busy(staffIds: string[], from: Date, to: Date): Promise<BusySpan[]> {
    return this.meetings.busy(staffIds, from, to);
  }

  /**
   * Locks the staff members' rows, then refuses a time any of them already has taken: two creations or moves
   * for one person are checked one after the other, so both cannot pass. `paths` names each time in the request.
   */
  private async assertFree(staffIds: string[], times: TimeSpan[], paths: string[], exceptId: string | null) {
    const clashes = await this.meetings.clashes(staffIds, times, exceptId);
    if (clashes.length === 0) return;
    const names = [...new Set(clashes.map((c) => c.name))];
    throw meetingConflict(
      clashes.map((c) => ({
        path: paths[c.index],
        message: `${c.name} (${c.staffId}) is not free at this time`,
        staffId: c.staffId,
        name: c.name,
      })),
      names,
    );
  }

  /** Staff listed must be active colleagues (sharing a team with the caller); the caller takes part too. */
  private async lockParticipants(actor: StaffActor, participants: ParticipantInput[]) {
    const listed = participants.flatMap((p, i) => (p.kind === 'staff' ? [{ staffId: p.staffId, i }] : []));
    const ids = [...new Set([actor.id, ...listed.map((p) => p.staffId)])];
    const rows = await this.meetings.lockStaff(ids, actor.teamIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const errors: FieldError[] = listed
      .filter((p) => p.staffId !== actor.id && !byId.get(p.staffId)?.colleague)
      .map((p) => ({ path: `participants.${p.i}.staffId`, message: 'not an active colleague in your teams' }));
    if (errors.length) throw validationFailed(errors);
    return ids.map((id) => ({ id, name: id === actor.id ? actor.name : byId.get(id)!.name }));
  }

  async create(actor: StaffActor, input: CreateMeeting): Promise<Meeting> {
    const fixed = input.start !== undefined && input.end !== undefined;
    const times: TimeSpan[] = fixed
      ? [{ start: new Date(input.start!), end: new Date(input.end!) }]
      : input.proposals!.map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
    const paths = fixed ? ['start'] : times.map((_, i) => `proposals.${i}`);
    const id = await this.access.change(actor, Permission.MeetingCreate, input.caseId, async (grant) => {
      const staff = await this.lockParticipants(actor, input.participants);
      await this.assertFree(
        staff.map((s) => s.id),
        times,
        paths,
        null,
      );
      const others = input.participants.filter((p) => p.kind !== 'staff');
      const citizenName = others.some((p) => p.kind === 'citizen')
        ? await this.meetings.citizenName(grant.citizenId)
        : '';
      const participants: Partial<MeetingParticipantEntity>[] = [
        ...staff.map((s) => ({
          kind: 'staff' as const,
          staffId: s.id,
          name: s.name,
          response: s.id === actor.id ? ('accepted' as const) : ('pending' as const),
        })),
        ...others.map((p): Partial<MeetingParticipantEntity> => {
          switch (p.kind) {
            case 'citizen':
              return { kind: 'citizen', name: citizenName };
            case 'doctor':
              return {
                kind: 'doctor',
                name: p.name,
                email: p.email ?? null,
                phone: p.phone ?? null,
                clinic: p.clinic ?? null,
              };
            case 'guest':
              return { kind: 'guest', name: p.name, email: p.email ?? null, role: p.role };
          }
        }),
      ];
      const meetingId = await this.meetings.insert({
        caseId: input.caseId,
        title: input.title ?? DEFAULT_TITLE,
        status: fixed ? 'scheduled' : 'proposed',
        startAt: fixed ? times[0].start : null,
        endAt: fixed ? times[0].end : null,
        location: input.location ?? null,
        videoUrl: input.videoUrl ?? this.videoRoom(),
        agenda: input.agenda ?? [],
        createdBy: actor.id,
        participants: participants as MeetingParticipantEntity[],
        proposals: fixed ? [] : times.map((t) => ({ startAt: t.start, endAt: t.end }) as MeetingProposalEntity),
      });
      return {
        result: meetingId,
        audit: { entityId: meetingId, details: { status: fixed ? 'scheduled' : 'proposed' } },
      };
    });
    this.events.emit(fixed ? 'meeting.scheduled' : 'meeting.proposed', { meetingId: id });
    return this.withOutcome((await this.meetings.findById(id))!);
  }

  /**
   * A proposed meeting gets the proposal starting at `start` (the doctor's choice on their link), in the caller's
   * transaction: its staff must still be free then (the same clash rule as planning and moving).
   */
  async scheduleAtProposal(meetingId: string, start: Date): Promise<void> {
    const m = await this.meetings.lockMeeting(meetingId);
    if (!m) throw notFound('Meeting');
    if (m.status !== 'proposed') throw meetingNotProposed();
    const chosen = m.proposals.find((p) => p.startAt.getTime() === start.getTime());
    if (!chosen) throw notAProposedTime();
    const staffIds = m.participants.flatMap((p) => (p.staffId ? [p.staffId] : []));
    await this.meetings.lockStaff(staffIds, []);
    await this.assertFree(staffIds, [{ start: chosen.startAt, end: chosen.endAt }], ['start'], meetingId);
    await this.meetings.update(meetingId, { status: 'scheduled', startAt: chosen.startAt, endAt: chosen.endAt });
  }

  /** Reschedule (same clash rule, the meeting itself aside), change details, or cancel. */
  /**
   * Shares the meeting's notes with another guest (employer, companion, coordinator), or stops sharing them:
   * staff who may change the meeting; the doctor and the citizen always see the notes, so only `guest`s.
   */
  async shareNotes(actor: StaffActor, id: string, participantId: string, shared: boolean): Promise<Meeting> {
    await this.access.change(actor, Permission.MeetingWrite, id, async () => {
      const kind = await this.meetings.setNotesShared(id, participantId, shared);
      if (kind === null) throw notFound('Participant');
      if (kind !== 'guest') {
        throw validationFailed([
          { path: 'participantId', message: 'only another guest’s access to the notes can be changed' },
        ]);
      }
      return {
        result: null,
        audit: { action: 'meeting.notes.share', entityId: id, details: { participantId, shared } },
      };
    });
    this.events.emit('meeting.notes.shared', { meetingId: id, participantId, shared });
    const m = await this.meetings.findById(id);
    if (!m) throw notFound('Meeting');
    return this.withOutcome(m);
  }

  async update(actor: StaffActor, id: string, input: UpdateMeeting): Promise<Meeting> {
    const event = await this.access.change(actor, Permission.MeetingWrite, id, async () => {
      const m = await this.meetings.lockMeeting(id);
      if (!m) throw notFound('Meeting');
      if (m.status === 'cancelled' || m.status === 'held') throw meetingClosed(m.status);
      const moving = input.start !== undefined || input.end !== undefined;
      if (input.status && moving) {
        throw validationFailed([{ path: 'status', message: 'change the time or the status, not both at once' }]);
      }
      const change: Parameters<MeetingsRepository['update']>[1] = {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.location !== undefined ? { location: input.location } : {}),
        ...(input.videoUrl !== undefined ? { videoUrl: input.videoUrl } : {}),
        ...(input.agenda !== undefined ? { agenda: input.agenda } : {}),
      };
      let event: MeetingEvent | null = null;
      if (input.status === 'cancelled') {
        change.status = 'cancelled';
        event = 'meeting.cancelled';
      } else if (moving) {
        const start = input.start ?? m.startAt?.toISOString();
        const end = input.end ?? m.endAt?.toISOString();
        if (start === undefined) throw validationFailed([{ path: 'start', message: 'required with end' }]);
        if (end === undefined) throw validationFailed([{ path: 'end', message: 'required with start' }]);
        const time = MeetingTime.safeParse({ start, end });
        if (!time.success) throw validationFailed([{ path: 'end', message: time.error.issues[0].message }]);
        const span = { start: new Date(start), end: new Date(end) };
        const staffIds = m.participants.flatMap((p) => (p.staffId ? [p.staffId] : []));
        await this.meetings.lockStaff(staffIds, actor.teamIds);
        await this.assertFree(staffIds, [span], [input.start !== undefined ? 'start' : 'end'], id);
        Object.assign(change, { startAt: span.start, endAt: span.end });
        if (m.status === 'proposed') {
          change.status = 'scheduled';
          event = 'meeting.scheduled';
        } else if (span.start.getTime() !== m.startAt!.getTime() || span.end.getTime() !== m.endAt!.getTime()) {
          event = 'meeting.moved';
        }
      }
      if (Object.keys(change).length) await this.meetings.update(id, change);
      return { result: event, audit: { details: { ...input } } };
    });
    if (event) this.events.emit(event, { meetingId: id });
    return this.withOutcome((await this.meetings.findById(id))!);
  }

  /** A video room of its own on the configured server (VIDEO_BASE_URL): 128 random bits, so nobody guesses it. */
  private videoRoom(): string | null {
    return this.config.videoBaseUrl ? `${this.config.videoBaseUrl}/${randomBytes(16).toString('base64url')}` : null;
  }

  /**
   * Marks a started meeting held with its summary and decisions (issue 13 item 10). The decisions' effort edits
   * make ONE plan version, in the same transaction as the held status: an invalid decision leaves nothing changed.
   */
  async recordOutcome(actor: StaffActor, id: string, input: RecordOutcome): Promise<Meeting> {
    const { caseId, version } = await this.access.change(actor, Permission.MeetingOutcomeWrite, id, async () => {
      const m = await this.meetings.lockMeeting(id);
      if (!m) throw notFound('Meeting');
      const mine = m.participants.some((p) => p.staffId === actor.id) || m.case.responsibleId === actor.id;
      if (!mine) throw outcomeNotYours();
      if (m.status === 'cancelled' || m.status === 'held') throw meetingClosed(m.status);
      if (m.status !== 'scheduled' || m.startAt! > new Date()) throw meetingNotStarted();
      const edits = input.decisions.flatMap((d, i) =>
        d.effort ? [{ path: `decisions.${i}.effort`, edit: d.effort }] : [],
      );
      const applied = edits.length
        ? await this.plans.applyEffortEdits(actor, m.caseId, edits).catch((err: unknown) => {
            // A participant from outside the case's teams may close the meeting, but not change its plan.
            if (err instanceof ProblemError && err.status === 404 && !err.errors) {
              throw forbidden("Decisions that change efforts need access to the case's plan.");
            }
            throw err;
          })
        : { efforts: [], version: null };
      let next = 0;
      await this.meetings.insertDecisions(
        input.decisions.map((d, position) => {
          const effort = d.effort ? applied.efforts[next++] : undefined;
          return {
            meetingId: id,
            position,
            text: d.text,
            effortAction: effort?.action ?? null,
            effortId: effort?.effortId ?? null,
          };
        }),
      );
      await this.meetings.update(id, {
        status: 'held',
        summary: input.summary,
        heldAt: new Date(),
        heldById: actor.id,
        heldByName: actor.name,
        outcomePlanVersion: applied.version,
      });
      return {
        result: { caseId: m.caseId, version: applied.version },
        audit: { details: { decisions: input.decisions.length, planVersion: applied.version } },
      };
    });
    if (version !== null) this.events.emit('plan.changed', { caseId, version });
    this.events.emit('meeting.held', { meetingId: id });
    return this.withOutcome((await this.meetings.findById(id))!);
  }

  /**
   * The doctors' participation in held meetings from `from` to `to` (whole days, Danish time) as CSV for fee
   * settlement: semicolon-separated with a UTF-8 BOM, as Danish Excel opens it. No CPR numbers.
   */
  async doctorParticipationCsv(actor: StaffActor, query: DoctorParticipationQuery): Promise<string> {
    const from = DateTime.fromISO(query.from, { zone: TIME_ZONE }).startOf('day');
    const to = DateTime.fromISO(query.to, { zone: TIME_ZONE }).plus({ days: 1 }).startOf('day');
    const rows = await this.access.list(
      actor,
      Permission.DoctorParticipationList,
      (scope) => this.meetings.doctorParticipation(scope, from.toJSDate(), to.toJSDate()),
      (r) => ({ citizenId: r.citizenId, entityId: r.meetingId }),
    );
    const local = (d: Date) => DateTime.fromJSDate(d, { zone: TIME_ZONE });
    return stringify(
      rows.map((r) => ({
        dato: local(r.startAt).toFormat('yyyy-MM-dd'),
        start: local(r.startAt).toFormat('HH:mm'),
        slut: local(r.endAt).toFormat('HH:mm'),
        minutter: Math.round((r.endAt.getTime() - r.startAt.getTime()) / 60_000),
        laege: cell(r.doctorName),
        klinik: cell(r.clinic ?? ''),
        udtalelse: r.statementGiven ? 'ja' : 'nej',
        borger: cell(r.citizenName),
        sag: r.caseId,
        moede: r.meetingId,
      })),
      {
        bom: true,
        delimiter: ';',
        record_delimiter: 'windows',
        header: true,
        columns: [
          { key: 'dato', header: 'Dato' },
          { key: 'start', header: 'Start' },
          { key: 'slut', header: 'Slut' },
          { key: 'minutter', header: 'Minutter' },
          { key: 'laege', header: 'Læge' },
          { key: 'klinik', header: 'Klinik' },
          { key: 'udtalelse', header: 'Helbredsudtalelse givet' },
          { key: 'borger', header: 'Borger' },
          { key: 'sag', header: 'Sag' },
          { key: 'moede', header: 'Møde' },
        ],
      },
    );
  }
}

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text (OWASP CSV injection). */
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
