import { Injectable } from '@nestjs/common';
import type { NotesState } from '@tvaers/contracts';
import * as Y from 'yjs';
import { AccessService } from '../access/access.service';
import { notesPermission } from '../access/permission';
import type { Actor } from '../common/auth/actor';
import { validationFailed } from '../common/problem/problem';
import { MeetingNotesRepository } from './meeting-notes.repository';

/** The Y.Text of a meeting's notes document (api.md "Live events"). */
export const NOTES_TEXT = 'notes';
/** A larger single update is refused: typing sends small ones, and a whole document is sent by sync. */
const MAX_UPDATE_BYTES = 512 * 1024;

const docOf = (state: Uint8Array | null) => {
  const doc = new Y.Doc();
  if (state && state.length > 0) Y.applyUpdate(doc, state);
  return doc;
};

/**
 * A meeting's shared notes, a Yjs document kept as one merged state per meeting. Staff with access to the
 * meeting and the meeting's guests read (audited) and write (audited, in the transaction of the change).
 */
@Injectable()
export class MeetingNotesService {
  constructor(
    private readonly repo: MeetingNotesRepository,
    private readonly access: AccessService,
  ) {}

  /** The whole document, as one update, and its text. */
  async sync(actor: Actor, meetingId: string): Promise<NotesState> {
    await this.access.require(actor, notesPermission(actor, 'read'), meetingId);
    const doc = docOf(await this.repo.state(meetingId));
    return {
      update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
      text: doc.getText(NOTES_TEXT).toJSON(),
    };
  }

  /** Merges one client's update into the stored document under the row's lock; answers the merged text. */
  async apply(actor: Actor, meetingId: string, update: string): Promise<{ text: string }> {
    const bytes = Buffer.from(update, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_UPDATE_BYTES || bytes.toString('base64') !== update) {
      throw validationFailed([{ path: 'update', message: 'a base64 Yjs update of at most 512 KiB' }]);
    }
    return this.access.change(actor, notesPermission(actor, 'write'), meetingId, async () => {
      const doc = docOf(await this.repo.lock(meetingId));
      try {
        Y.applyUpdate(doc, bytes);
      } catch {
        throw validationFailed([{ path: 'update', message: 'not a Yjs update' }]);
      }
      await this.repo.save(meetingId, Y.encodeStateAsUpdate(doc));
      return { result: { text: doc.getText(NOTES_TEXT).toJSON() }, audit: { entityId: meetingId } };
    });
  }
}
