import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateMeeting,
  type DoctorParticipationQuery,
  type Meeting,
  type MeetingCore,
  type MeetingList,
  type MeetingListQuery,
  type MeetingStatus,
  MeetingTime,
  type ParticipantInput,
  type RecordOutcome,
  type RespondToMeeting,
  type ParticipantKind,
  type UpdateMeeting,
} from '@tvaers/contracts';
import { TIME_ZONE } from '@tvaers/domain';
import { DateTime } from 'luxon';
import { type ChangeAudit, AccessService } from '../access/access.service';
import type { Grant } from '../access/grant';
import { CaseMembersService } from '../cases/case-members.service';
import { Permission } from '../access/permission';
import type { GuestActor, StaffActor } from '../common/auth/actor';
import { csvFileName, toCsv, type CsvFile } from '../common/csv/csv';
import { decodeCursor, pageSize } from '../common/database/keyset';
import { type DomainEventMap, DomainEvents } from '../common/events/domain-events';
import { type FieldError, forbidden, notFound, ProblemError, validationFailed } from '../common/problem/problem';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PlansService } from '../plans/plans.service';
import type { MeetingParticipantEntity } from './meeting-participant.entity';
import type { MeetingProposalEntity } from './meeting-proposal.entity';
import { type MeetingChange, MeetingMailJobs } from './meeting-mail-jobs';
import {
  meetingClosed,
  meetingConflict,
  meetingNotProposed,
  meetingNotStarted,
  notAProposedTime,
  outcomeNotYours,
} from './meetings.errors';
import { toMeeting, toMeetingCore, toOutcome } from './meetings.mapper';
import { type BusySpan, MeetingKey, MeetingsRepository, type MeetingRow, type TimeSpan } from './meetings.repository';

const DEFAULT_TITLE = 'Rundbordsmøde';

/** An event that follows a committed change, with its payload. */
type Emitted = { [K in keyof DomainEventMap]: [K, DomainEventMap[K]] }[keyof DomainEventMap];

/** What a change of a meeting did: `change` names the news its participants get (null: nothing to tell). */
interface ChangeDone<T> {
  meetingId: string;
  change: MeetingChange | null;
  result: T;
  audit?: ChangeAudit;
  /** Events of other aggregates the change made (the plan version of a held meeting's decisions). */
  also?: Emitted[];
}

/** A participant as a mail about the meeting addresses them. */
export interface MailParticipant {
  id: string;
  kind: ParticipantKind;
  name: string;
  staffId: string | null;
  /**
   * The staff member's work e-mail, the doctor's or guest's as entered, the citizen's own from the citizen
   * record (a citizen participant stores none of its own).
   */
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
  organizer: { name: string; email: string; phone: string | null };
  /** Who invites: the case team's municipality and the unit (UNIT_NAME). */
  sender: { municipality: string; unit: string };
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
    private readonly members: CaseMembersService,
    private readonly mail: MeetingMailJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The one path every change of a meeting takes (planning, moving, cancelling, a guest's choice, holding it):
   * checked and applied in one transaction with its access-log row (`access.change`); a change its participants
   * are told of raises the iCalendar SEQUENCE and queues its mail jobs in that same transaction, so the mails
   * exist exactly when the change does. Its events (realtime pushes) follow once the transaction has committed.
   */
  private async commit<T>(
    actor: StaffActor | GuestActor,
    permission: Permission,
    target: string,
    work: (grant: Grant) => Promise<ChangeDone<T>>,
  ): Promise<T> {
    const done = await this.access.change(actor, permission, target, async (grant) => {
      const out = await work(grant);
      if (out.change) {
        await this.meetings.raiseSequence(out.meetingId);
        const m = await this.forMail(out.meetingId);
        if (m) await this.mail.queue(m, out.change);
      }
      return { result: out, audit: out.audit };
    });
    for (const [event, payload] of done.also ?? []) this.events.emit(event, payload);
    if (done.change) this.events.emit(`meeting.${done.change}`, { meetingId: done.meetingId });
    return done.result;
  }

  /** A calendar (the caller's own, or a colleague's in one of the caller's teams), or a case's meetings. */
  async list(actor: StaffActor, query: MeetingListQuery): Promise<MeetingList> {
    const staffId = query.staffId ?? (query.caseId ? undefined : actor.id);
    if (staffId && staffId !== actor.id) await this.access.require(actor, Permission.StaffCalendarRead, staffId);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    const page = {
      after: query.cursor ? decodeCursor(query.cursor, MeetingKey) : undefined,
      size: pageSize(query.limit),
    };
    let found: { items: MeetingRow[]; nextCursor: string | null; total: number };
    if (query.caseId) {
      await this.access.require(actor, Permission.CaseMeetingList, query.caseId);
      found = await this.meetings.page({ caseId: query.caseId, staffId, from, to }, page);
    } else {
      found = await this.access.page(
        actor,
        Permission.MeetingList,
        { nextCursor: null, total: 0 },
        (scope) => this.meetings.page({ scope, staffId: staffId!, from: from!, to: to! }, page),
        (m) => ({ citizenId: m.citizenId, entityId: m.id }),
      );
    }
    return { ...found, items: await this.present(actor, found.items) };
  }

  /** Meetings of a list as the caller sees them: which they manage (one check for all), and their links. */
  private async present(actor: StaffActor, rows: MeetingRow[]): Promise<Meeting[]> {
    const managed = await this.access.canEach(
      actor,
      Permission.MeetingManage,
      rows.map((m) => m.id),
    );
    return rows.map((m) => toMeeting(m, { canManage: managed.has(m.id), staffId: actor.id }));
  }

  async get(actor: StaffActor, id: string): Promise<Meeting> {
    await this.access.require(actor, Permission.MeetingRead, id);
    return this.read(actor, id);
  }

  /** The meeting, as the caller (already checked and logged) sees it, with its outcome once held. */
  private async read(actor: StaffActor, id: string): Promise<Meeting> {
    const m = await this.meetings.findById(id);
    if (!m) throw notFound('Meeting');
    const canManage = await this.access.can(actor, Permission.MeetingManage, id);
    const core = await this.withOutcome(m);
    return {
      ...core,
      // The heading names the citizen: read within the check (and access-log row) the route already made.
      citizenName: await this.meetings.citizenName(m.citizenId),
      canManage,
      myParticipantId: m.participants.find((p) => p.staffId === actor.id)?.id ?? null,
    };
  }

  private async withOutcome(m: MeetingRow): Promise<MeetingCore> {
    return toMeetingCore(m, m.heldAt ? toOutcome(m, await this.meetings.findDecisions(m.id)) : null);
  }

  /**
   * The meeting as it now is, without an access check or access-log row: only for pushing to a live room
   * whose members were each checked (and logged) when they joined it. Nothing in it depends on who reads it.
   */
  async current(id: string): Promise<MeetingCore | null> {
    const m = await this.meetings.findById(id);
    return m ? this.withOutcome(m) : null;
  }

  /**
   * A staff participant answers their own invitation; a participant from another team may (participation lets
   * them read the meeting), anyone else of the case who does not take part gets 404.
   */
  async respond(actor: StaffActor, id: string, input: RespondToMeeting): Promise<Meeting> {
    await this.answer(actor, Permission.MeetingRespond, id, () => this.meetings.staffParticipant(id, actor.id), input);
    return this.read(actor, id);
  }

  /**
   * A participant's answer to the invitation (staff on the meeting page, a guest on their link): on the one
   * change path with its access-log row; no mail, but the room hears of it (`meeting.answered`).
   */
  async answer(
    actor: StaffActor | GuestActor,
    permission: Permission.MeetingRespond | Permission.GuestRespond,
    meetingId: string,
    participant: () => Promise<string | null>,
    input: RespondToMeeting,
  ): Promise<void> {
    await this.commit(actor, permission, meetingId, async () => {
      const m = await this.meetings.lockMeeting(meetingId);
      const participantId = m && (await participant());
      if (!m || !participantId) throw notFound('Meeting');
      if (m.status === 'cancelled' || m.status === 'held') throw meetingClosed(m.status);
      await this.meetings.setResponse(participantId, input.response);
      return {
        meetingId,
        change: null,
        result: undefined,
        audit: { entityId: participantId, details: { response: input.response } },
        also: [['meeting.answered', { meetingId }]],
      };
    });
  }

  /**
   * Queues the mail of a participant's new link ("Nyt link") in the caller's transaction (the link's change);
   * false when the participant has no address.
   */
  async mailNewLink(meetingId: string, participantId: string, linkId: string): Promise<boolean> {
    const m = await this.forMail(meetingId);
    return m ? this.mail.queueLink(m, participantId, linkId) : false;
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
    const citizenEmail = m.participants.some((p) => p.kind === 'citizen')
      ? await this.meetings.citizenEmail(m.citizenId)
      : null;
    const emailOf = (p: MeetingRow['participants'][number]) =>
      p.kind === 'staff' ? (staff.get(p.staffId ?? '')?.email ?? null) : p.kind === 'citizen' ? citizenEmail : p.email;
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
      sender: { municipality: await this.meetings.municipalityOf(m.caseId), unit: this.config.unitName },
      participants: m.participants
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          name: p.name,
          staffId: p.staffId,
          email: emailOf(p),
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
    const id = await this.commit(actor, Permission.MeetingCreate, input.caseId, async (grant) => {
      this.assertAhead(times, paths);
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
      // Invited colleagues of the case's team join the case (the membership rule); others only attend.
      for (const { id: staffId } of staff) await this.members.join(actor, input.caseId, staffId, 'meeting_invitation');
      return {
        meetingId,
        change: fixed ? 'scheduled' : 'proposed',
        result: meetingId,
        audit: { entityId: meetingId, details: { status: fixed ? 'scheduled' : 'proposed' } },
      };
    });
    return this.read(actor, id);
  }

  /**
   * The doctor's choice on their link: the proposed meeting gets the proposal starting at `start`. Its staff must
   * still be free then (the same clash rule as planning and moving); logged as the guest's change.
   */
  async chooseProposal(actor: GuestActor, start: Date): Promise<void> {
    const meetingId = actor.meetingId;
    await this.commit(actor, Permission.GuestChoose, meetingId, async () => {
      const m = await this.meetings.lockMeeting(meetingId);
      if (!m) throw notFound('Meeting');
      if (m.status !== 'proposed') throw meetingNotProposed();
      const chosen = m.proposals.find((p) => p.startAt.getTime() === start.getTime());
      if (!chosen) throw notAProposedTime();
      this.assertAhead([{ start: chosen.startAt, end: chosen.endAt }], ['start']);
      const staffIds = m.participants.flatMap((p) => (p.staffId ? [p.staffId] : []));
      await this.meetings.lockStaff(staffIds, []);
      await this.assertFree(staffIds, [{ start: chosen.startAt, end: chosen.endAt }], ['start'], meetingId);
      await this.meetings.update(meetingId, { status: 'scheduled', startAt: chosen.startAt, endAt: chosen.endAt });
      // Choosing a time is accepting it (the doctor's page says so at once).
      await this.meetings.setResponse(actor.participantId, 'accepted');
      return { meetingId, change: 'scheduled', result: undefined, audit: { details: { start: start.toISOString() } } };
    });
  }

  /** A meeting is planned, moved or chosen only for a time still ahead (Seen 12: a move into the past went silently). */
  private assertAhead(times: TimeSpan[], paths: string[]): void {
    const now = Date.now();
    const errors = times.flatMap((t, i) =>
      t.start.getTime() < now ? [{ path: paths[i], message: 'must not be in the past' }] : [],
    );
    if (errors.length) throw validationFailed(errors);
  }

  /**
   * Shares the meeting's notes with another guest (employer, companion, coordinator), or stops sharing them:
   * staff who may change the meeting; the doctor and the citizen always see the notes, so only `guest`s.
   */
  async shareNotes(actor: StaffActor, id: string, participantId: string, shared: boolean): Promise<Meeting> {
    await this.commit(actor, Permission.MeetingWrite, id, async () => {
      const kind = await this.meetings.setNotesShared(id, participantId, shared);
      if (kind === null) throw notFound('Participant');
      if (kind !== 'guest') {
        throw validationFailed([
          { path: 'participantId', message: 'only another guest’s access to the notes can be changed' },
        ]);
      }
      return {
        meetingId: id,
        change: null,
        result: undefined,
        audit: { action: 'meeting.notes.share', entityId: id, details: { participantId, shared } },
        also: [['meeting.notes.shared', { meetingId: id, participantId, shared }]],
      };
    });
    return this.read(actor, id);
  }

  /** Reschedule (same clash rule, the meeting itself aside), change details, or cancel. */
  async update(actor: StaffActor, id: string, input: UpdateMeeting): Promise<Meeting> {
    await this.commit(actor, Permission.MeetingWrite, id, async () => {
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
      let news: MeetingChange | null = null;
      if (input.status === 'cancelled') {
        change.status = 'cancelled';
        news = 'cancelled';
      } else if (moving) {
        const start = input.start ?? m.startAt?.toISOString();
        const end = input.end ?? m.endAt?.toISOString();
        if (start === undefined) throw validationFailed([{ path: 'start', message: 'required with end' }]);
        if (end === undefined) throw validationFailed([{ path: 'end', message: 'required with start' }]);
        const time = MeetingTime.safeParse({ start, end });
        if (!time.success) throw validationFailed([{ path: 'end', message: time.error.issues[0].message }]);
        const span = { start: new Date(start), end: new Date(end) };
        // A running meeting may be lengthened; a new start must be ahead.
        if (span.start.getTime() !== m.startAt?.getTime()) this.assertAhead([span], ['start']);
        const staffIds = m.participants.flatMap((p) => (p.staffId ? [p.staffId] : []));
        await this.meetings.lockStaff(staffIds, actor.teamIds);
        await this.assertFree(staffIds, [span], [input.start !== undefined ? 'start' : 'end'], id);
        Object.assign(change, { startAt: span.start, endAt: span.end });
        if (m.status === 'proposed') {
          change.status = 'scheduled';
          news = 'scheduled';
        } else if (span.start.getTime() !== m.startAt!.getTime() || span.end.getTime() !== m.endAt!.getTime()) {
          news = 'moved';
        }
      }
      // A new title, place or video link is news to the participants' calendars too (a new SEQUENCE).
      const shown = (['title', 'location', 'videoUrl'] as const).some((k) => k in change && change[k] !== m[k]);
      if (news === null && shown) news = 'changed';
      if (Object.keys(change).length) await this.meetings.update(id, change);
      return { meetingId: id, change: news, result: undefined, audit: { details: { ...input } } };
    });
    return this.read(actor, id);
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
    await this.commit(actor, Permission.MeetingOutcomeWrite, id, async () => {
      const m = await this.meetings.lockMeeting(id);
      if (!m) throw notFound('Meeting');
      const mine = m.participants.some((p) => p.staffId === actor.id) || m.caseResponsibleId === actor.id;
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
        meetingId: id,
        change: 'held',
        result: undefined,
        audit: { details: { decisions: input.decisions.length, planVersion: applied.version } },
        also: applied.version !== null ? [['plan.changed', { caseId: m.caseId, version: applied.version }]] : [],
      };
    });
    return this.read(actor, id);
  }

  /**
   * The doctors' participation in held meetings from `from` to `to` (whole days, Danish time) as CSV for fee
   * settlement: semicolon-separated with a UTF-8 BOM, as Danish Excel opens it. No CPR numbers.
   */
  async doctorParticipationCsv(actor: StaffActor, query: DoctorParticipationQuery): Promise<CsvFile> {
    const from = DateTime.fromISO(query.from, { zone: TIME_ZONE }).startOf('day');
    const to = DateTime.fromISO(query.to, { zone: TIME_ZONE }).plus({ days: 1 }).startOf('day');
    const rows = await this.access.list(
      actor,
      Permission.DoctorParticipationList,
      (scope) => this.meetings.doctorParticipation(scope, from.toJSDate(), to.toJSDate()),
      (r) => ({ citizenId: r.citizenId, entityId: r.meetingId }),
    );
    const local = (d: Date) => DateTime.fromJSDate(d, { zone: TIME_ZONE });
    const csv = toCsv(
      [
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
      rows.map((r) => ({
        dato: local(r.startAt).toFormat('yyyy-MM-dd'),
        start: local(r.startAt).toFormat('HH:mm'),
        slut: local(r.endAt).toFormat('HH:mm'),
        minutter: Math.round((r.endAt.getTime() - r.startAt.getTime()) / 60_000),
        laege: r.doctorName,
        klinik: r.clinic ?? '',
        udtalelse: r.statementGiven ? 'ja' : 'nej',
        borger: r.citizenName,
        sag: r.caseId,
        moede: r.meetingId,
      })),
    );
    return { fileName: csvFileName('laegedeltagelse', query.from, query.to), csv };
  }
}
