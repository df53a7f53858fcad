import { Injectable } from '@nestjs/common';
import { type NotesAck, rooms } from '@tvaers/contracts';
import type { Actor } from '../common/auth/actor';
import { MeetingNotesService } from '../meeting-notes/meeting-notes.service';
import type { TvaersSocket } from './realtime-server';
import { answering } from './socket-acks';

/** The shared notes over a meeting room's sockets: each edit kept, then relayed; the document for a (re)join. */
@Injectable()
export class NotesRelay {
  constructor(private readonly notes: MeetingNotesService) {}

  /**
   * One client's edit of the shared notes: checked (a guest deletes only its own text; the size cap), kept in
   * the notes' history (the access log: one row per person per meeting), then relayed with the merged text to
   * the others in the room who may read the notes.
   */
  async write(socket: TvaersSocket, actor: Actor, meetingId: string, update: string): Promise<NotesAck> {
    return answering(async () => {
      const { text } = await this.notes.apply(actor, meetingId, update);
      socket.to(rooms.meetingNotes(meetingId)).emit('meeting:notes', { meetingId, update, text });
      return { ok: true as const, update, text };
    });
  }

  /** The whole notes document, for a client (re)joining the room. */
  async sync(actor: Actor, meetingId: string): Promise<NotesAck> {
    return answering(async () => ({ ok: true as const, ...(await this.notes.sync(actor, meetingId)) }));
  }
}
