import { Injectable, Logger } from '@nestjs/common';
import { type JoinAck, type PresentPerson, rooms } from '@tvaers/contracts';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { type Actor, forNewRequest, type StaffActor } from '../common/auth/actor';
import { MeetingNotesService } from '../meeting-notes/meeting-notes.service';
import { RealtimeServer, type TvaersSocket } from './realtime-server';
import { answering } from './socket-acks';

/** Who may be in which room (plan, meeting), and who is present in a meeting's room. */
@Injectable()
export class RealtimeRooms {
  private readonly log = new Logger('realtime');

  constructor(
    private readonly io: RealtimeServer,
    private readonly access: AccessService,
    private readonly notes: MeetingNotesService,
  ) {}

  /** Staff viewing a plan follow its changes; only a case they may see (same rule as the REST routes). */
  async joinPlan(socket: TvaersSocket, actor: StaffActor, caseId: string): Promise<JoinAck> {
    return answering(async () => {
      await this.access.require(forNewRequest(actor), Permission.PlanFollow, caseId);
      await socket.join(rooms.plan(caseId));
      return { ok: true as const };
    });
  }

  /**
   * The live room of a meeting: staff who may read the meeting, a guest only its own (read and logged like
   * GET /api/meetings/:id and the guest page). Everyone in the room then hears the new presence.
   */
  async joinMeeting(socket: TvaersSocket, actor: Actor, meetingId: string): Promise<JoinAck> {
    const ack = await answering(async () => {
      if (actor.kind === 'staff') await this.access.require(actor, Permission.MeetingRead, meetingId);
      else await this.access.require(actor, Permission.GuestRead, meetingId);
      // The notes' relays reach only those who may read the notes (not a guest they are not shared with).
      const readsNotes = actor.kind === 'staff' || (await this.notes.mayRead(actor, meetingId));
      await socket.join([
        rooms.meeting(meetingId),
        actor.kind === 'staff' ? rooms.meetingStaff(meetingId) : rooms.meetingGuests(meetingId),
        ...(readsNotes ? [rooms.meetingNotes(meetingId)] : []),
      ]);
      return { ok: true as const };
    });
    if (ack.ok) await this.emitPresence(meetingId);
    return ack;
  }

  async leaveMeeting(socket: TvaersSocket, meetingId: string): Promise<void> {
    if (!socket.rooms.has(rooms.meeting(meetingId))) return;
    await socket.leave(rooms.meeting(meetingId));
    await socket.leave(rooms.meetingStaff(meetingId));
    await socket.leave(rooms.meetingGuests(meetingId));
    await socket.leave(rooms.meetingNotes(meetingId));
    await this.emitPresence(meetingId);
  }

  /** A leaving socket's meeting rooms hear the new presence once it has left them. */
  presenceOnLeave(socket: TvaersSocket): void {
    socket.on('disconnecting', () => {
      const left = [...socket.rooms].filter((r) => r.startsWith(rooms.meeting('')));
      socket.once('disconnect', () => {
        for (const room of left) {
          this.emitPresence(room.slice(rooms.meeting('').length)).catch((err: unknown) => this.log.error(err));
        }
      });
    });
  }

  /** Who is in a meeting's room, from the room's sockets on every process; one entry per person. */
  async emitPresence(meetingId: string): Promise<void> {
    const sockets = await this.io.server.in(rooms.meeting(meetingId)).fetchSockets();
    const present = new Map<string, PresentPerson>();
    for (const { data } of sockets) {
      if (data.actor) present.set(`s:${data.actor.id}`, { staffId: data.actor.id, name: data.actor.name });
      else if (data.guest) {
        present.set(`p:${data.guest.participantId}`, {
          participantId: data.guest.participantId,
          name: data.guest.name,
        });
      }
    }
    this.io.emitTo(rooms.meeting(meetingId), 'meeting:presence', { meetingId, present: [...present.values()] });
  }

  /** Puts a guest's sockets in (or out of) a meeting's notes room, on every process. */
  followNotes(meetingId: string, participantId: string, follow: boolean): void {
    const sockets = this.io.server.in(rooms.participant(participantId));
    if (follow) sockets.socketsJoin(rooms.meetingNotes(meetingId));
    else sockets.socketsLeave(rooms.meetingNotes(meetingId));
  }
}
