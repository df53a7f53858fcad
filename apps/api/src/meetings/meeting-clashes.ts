import { Injectable } from '@nestjs/common';
import { validationFailed } from '../common/problem/problem';
import { meetingConflict } from './meetings.errors';
import { MeetingsRepository, type TimeSpan } from './meetings.repository';

/** A meeting is planned, moved or chosen only for a time still ahead (Seen 12: a move into the past went silently). */
export function assertAhead(times: TimeSpan[], paths: string[]): void {
  const now = Date.now();
  const errors = times.flatMap((t, i) =>
    t.start.getTime() < now ? [{ path: paths[i], message: 'must not be in the past' }] : [],
  );
  if (errors.length) throw validationFailed(errors);
}

/** The clash rule planning, moving and a doctor's choice share: nobody is at two meetings at once. */
@Injectable()
export class MeetingClashes {
  constructor(private readonly meetings: MeetingsRepository) {}

  /**
   * Refuses a time any of these staff members already has taken; their rows must be locked first
   * (`MeetingsRepository.lockStaff`): two creations or moves for one person are then checked one after the
   * other, so both cannot pass. `paths` names each time in the request.
   */
  async assertFree(staffIds: string[], times: TimeSpan[], paths: string[], exceptId: string | null): Promise<void> {
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

  /** Locks the rows of the meeting's staff participants, then refuses a time one of them has taken. */
  async assertStaffFree(
    participants: { staffId: string | null }[],
    teamIds: string[],
    span: TimeSpan,
    path: string,
    exceptId: string,
  ): Promise<void> {
    const staffIds = participants.flatMap((p) => (p.staffId ? [p.staffId] : []));
    await this.meetings.lockStaff(staffIds, teamIds);
    await this.assertFree(staffIds, [span], [path], exceptId);
  }
}
