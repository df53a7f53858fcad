import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateMeeting,
  type Meeting,
  MeetingTime,
  type ParticipantInput,
  type UpdateMeeting,
} from '@tvaers/contracts';
import { Permission } from '../access/permission';
import { CaseMembersService } from '../cases/case-members.service';
import type { StaffActor } from '../common/auth/actor';
import { type FieldError, notFound, validationFailed } from '../common/problem/problem';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MeetingChanges } from './meeting-changes';
import { assertAhead, MeetingClashes } from './meeting-clashes';
import type { MeetingChange } from './meeting-mail-jobs';
import type { MeetingParticipantEntity } from './meeting-participant.entity';
import type { MeetingProposalEntity } from './meeting-proposal.entity';
import { meetingClosed } from './meetings.errors';
import { MeetingsRepository, type TimeSpan } from './meetings.repository';
import { MeetingsService } from './meetings.service';

const DEFAULT_TITLE = 'Rundbordsmøde';

/** Planning a meeting (at a time, or with times to choose from), moving, changing and cancelling it. */
@Injectable()
export class MeetingScheduleService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly changes: MeetingChanges,
    private readonly clashes: MeetingClashes,
    private readonly reads: MeetingsService,
    private readonly members: CaseMembersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: StaffActor, input: CreateMeeting): Promise<Meeting> {
    const fixed = input.start !== undefined && input.end !== undefined;
    const times: TimeSpan[] = fixed
      ? [{ start: new Date(input.start!), end: new Date(input.end!) }]
      : input.proposals!.map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
    const paths = fixed ? ['start'] : times.map((_, i) => `proposals.${i}`);
    const id = await this.changes.commit(actor, Permission.MeetingCreate, input.caseId, async (grant) => {
      assertAhead(times, paths);
      const staff = await this.lockParticipants(actor, input.participants);
      await this.clashes.assertFree(
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
    return this.reads.seenBy(actor, id);
  }

  /**
   * Locks the staff members' rows (the clash check then runs one at a time per person). Staff listed must be
   * active colleagues (sharing a team with the caller); the caller takes part too.
   */
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

  /** Reschedule (same clash rule, the meeting itself aside), change details, or cancel. */
  async update(actor: StaffActor, id: string, input: UpdateMeeting): Promise<Meeting> {
    await this.changes.commit(actor, Permission.MeetingWrite, id, async () => {
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
        if (span.start.getTime() !== m.startAt?.getTime()) assertAhead([span], ['start']);
        await this.clashes.assertStaffFree(
          m.participants,
          actor.teamIds,
          span,
          input.start !== undefined ? 'start' : 'end',
          id,
        );
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
    return this.reads.seenBy(actor, id);
  }

  /** A video room of its own on the configured server (VIDEO_BASE_URL): 128 random bits, so nobody guesses it. */
  private videoRoom(): string | null {
    return this.config.videoBaseUrl ? `${this.config.videoBaseUrl}/${randomBytes(16).toString('base64url')}` : null;
  }
}
