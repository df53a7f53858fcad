import { MeetingNotes, NotesHistory, RestoreNotes } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody } from '../common/validation/zod';
import { MeetingNotesService } from './meeting-notes.service';

/** A meeting's shared notes over HTTP: their text (also once held), their history, and restoring a version. */
@StaffController('meetings')
export class MeetingNotesController {
  constructor(private readonly notes: MeetingNotesService) {}

  @Endpoint('GET :id/notes', {
    summary: "Read a meeting's shared notes as text (read-only once the meeting is held or cancelled)",
    response: [200, MeetingNotes],
  })
  getMeetingNotes(@Actor() actor: StaffActor, @UuidParam('id', 'Meeting') id: string): Promise<MeetingNotes> {
    return this.notes.read(actor, id);
  }

  @Endpoint('GET :id/notes/history', {
    summary: "Earlier versions of a meeting's notes, newest first (the text after each run of one person's edits)",
    response: [200, NotesHistory],
  })
  getMeetingNotesHistory(@Actor() actor: StaffActor, @UuidParam('id', 'Meeting') id: string): Promise<NotesHistory> {
    return this.notes.history(actor, id);
  }

  @Endpoint('POST :id/notes/restore', {
    summary: "Put a meeting's notes back to an earlier version (e.g. text a guest deleted); the history keeps all",
    response: [200, MeetingNotes],
    problems: {
      404: 'The meeting, or a version `seq` of its notes, is not within your reach',
      409: 'The meeting is held or cancelled: its notes are read-only (`MEETING_CLOSED`)',
      413: 'The restored notes would pass the size cap (`NOTES_TOO_LARGE`)',
    },
  })
  restoreMeetingNotes(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @ZBody(RestoreNotes) body: RestoreNotes,
  ): Promise<MeetingNotes> {
    return this.notes.restore(actor, id, body.seq);
  }
}
