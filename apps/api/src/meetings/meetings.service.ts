import { Injectable } from '@nestjs/common';
import type { Meeting, MeetingCore, MeetingList, MeetingListQuery } from '@tvaers/contracts';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { decodeCursor, pageSize } from '../common/database/keyset';
import { notFound } from '../common/problem/problem';
import { toMeeting, toMeetingCore, toOutcome } from './meetings.mapper';
import { type BusySpan, MeetingKey, MeetingsRepository, type MeetingRow } from './meetings.repository';

/** Reading meetings: lists, one meeting, a live room's copy, and busy times. Changes live beside it. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly access: AccessService,
  ) {}

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
    return this.seenBy(actor, id);
  }

  /**
   * The meeting, as the caller sees it, with its outcome once held: only after a check (and access-log row) the
   * route already made, e.g. a change's.
   */
  async seenBy(actor: StaffActor, id: string): Promise<Meeting> {
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

  /** Time these staff members are taken in [from, to) by meetings and open proposals (times only, no case content). */
  busy(staffIds: string[], from: Date, to: Date): Promise<BusySpan[]> {
    return this.meetings.busy(staffIds, from, to);
  }

  /** Retention: their meetings' text and guests' details are blanked (citizens anonymised in the caller's transaction). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.meetings.anonymiseCitizens(citizenIds);
  }
}
