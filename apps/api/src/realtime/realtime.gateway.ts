import { Inject, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  type ClientToServerEvents,
  type JoinAck,
  type NotesAck,
  type PresentPerson,
  rooms,
  type ServerToClientEvents,
} from '@tvaers/contracts';
import { parse as parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { type Actor, forNewRequest, type GuestActor, hasRole, type StaffActor } from '../common/auth/actor';
import { ProblemError } from '../common/problem/problem';
import { clientAddress } from '../common/http/client-address';
import { isForeignOrigin } from '../common/http/request-rules';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { GUEST_VERIFIED_COOKIE } from '../guests/guest-codes';
import { GuestsService } from '../guests/guests.service';
import { MeetingNotesService } from '../meeting-notes/meeting-notes.service';

export interface SocketData {
  /** A staff member's session; a guest's socket has `guest` instead. */
  actor?: StaffActor;
  /** A guest link's holder (`auth: {token}`): one participant of one meeting. */
  guest?: GuestActor;
}
/** Between API processes (through the Redis adapter): re-check your sockets' sessions now. */
interface InterServerEvents {
  revalidate: () => void;
}
export type TvaersServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type TvaersSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** How often this process re-checks the sessions of its open sockets. */
const REVALIDATE_EVERY_MS = 30_000;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = { ok: false, code: 'NOT_FOUND' } as const;

/** The meeting id of an event's payload, if it is one. */
const meetingIdOf = (body: unknown): string | null => {
  const id = (body as { meetingId?: unknown } | null)?.meetingId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
};

/** Who a socket acts for, fresh for this event (its own audit scope). */
const actorOf = (data: SocketData): Actor | null =>
  data.actor ? forNewRequest(data.actor) : data.guest ? forNewRequest(data.guest) : null;

/** Refusals answer with their code; anything else is a fault, not a "not found". */
async function answering<T>(work: () => Promise<T>): Promise<T | { ok: false; code: string }> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ProblemError) return { ok: false, code: err.code };
    throw err;
  }
}

/** The one socket.io gateway: authenticates by the session cookie and places sockets in their rooms. */
@WebSocketGateway({
  path: '/socket.io',
  serveClient: false,
  cors: { origin: false },
})
export class RealtimeGateway implements OnGatewayInit {
  private readonly log = new Logger('realtime');
  @WebSocketServer() server: TvaersServer;
  private revalidating?: Promise<void>;

  constructor(
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly guests: GuestsService,
    private readonly notes: MeetingNotesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Staff viewing a plan follow its changes; only a case they may see (same rule as the REST routes). */
  @SubscribeMessage('plan:join')
  async joinPlan(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const caseId = (body as { caseId?: unknown } | null)?.caseId;
    const actor = socket.data.actor;
    if (!actor || typeof caseId !== 'string' || !UUID.test(caseId)) return NOT_FOUND;
    return answering(async () => {
      await this.access.require(forNewRequest(actor), Permission.PlanFollow, caseId);
      await socket.join(rooms.plan(caseId));
      return { ok: true as const };
    });
  }

  @SubscribeMessage('plan:leave')
  async leavePlan(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<void> {
    const caseId = (body as { caseId?: unknown } | null)?.caseId;
    if (typeof caseId === 'string') await socket.leave(rooms.plan(caseId));
  }

  /**
   * The live room of a meeting: staff who may read the meeting, a guest only its own (read and logged like
   * GET /api/meetings/:id and the guest page). Everyone in the room then hears the new presence.
   */
  @SubscribeMessage('meeting:join')
  async joinMeeting(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const meetingId = meetingIdOf(body);
    const actor = actorOf(socket.data);
    if (!actor || !meetingId) return NOT_FOUND;
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

  @SubscribeMessage('meeting:leave')
  async leaveMeeting(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<void> {
    const meetingId = meetingIdOf(body);
    if (!meetingId || !socket.rooms.has(rooms.meeting(meetingId))) return;
    await socket.leave(rooms.meeting(meetingId));
    await socket.leave(rooms.meetingStaff(meetingId));
    await socket.leave(rooms.meetingGuests(meetingId));
    await socket.leave(rooms.meetingNotes(meetingId));
    await this.emitPresence(meetingId);
  }

  /**
   * One client's edit of the shared notes: checked (a guest deletes only its own text; the size cap), kept in
   * the notes' history (the access log: one row per person per meeting), then relayed with the merged text to
   * the others in the room who may read the notes. Only from inside the room.
   */
  @SubscribeMessage('meeting:notes')
  async writeNotes(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<NotesAck> {
    const meetingId = meetingIdOf(body);
    const update = (body as { update?: unknown } | null)?.update;
    const actor = actorOf(socket.data);
    if (!actor || !meetingId || !socket.rooms.has(rooms.meeting(meetingId))) return NOT_FOUND;
    if (typeof update !== 'string') return { ok: false, code: 'VALIDATION_FAILED' };
    return answering(async () => {
      const { text } = await this.notes.apply(actor, meetingId, update);
      socket.to(rooms.meetingNotes(meetingId)).emit('meeting:notes', { meetingId, update, text });
      return { ok: true as const, update, text };
    });
  }

  /** The whole notes document, for a client (re)joining the room. */
  @SubscribeMessage('meeting:notes:sync')
  async syncNotes(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<NotesAck> {
    const meetingId = meetingIdOf(body);
    const actor = actorOf(socket.data);
    if (!actor || !meetingId || !socket.rooms.has(rooms.meeting(meetingId))) return NOT_FOUND;
    return answering(async () => ({ ok: true as const, ...(await this.notes.sync(actor, meetingId)) }));
  }

  /** Who is in a meeting's room, from the room's sockets on every process; one entry per person. */
  async emitPresence(meetingId: string): Promise<void> {
    const sockets = await this.server.in(rooms.meeting(meetingId)).fetchSockets();
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
    this.server.to(rooms.meeting(meetingId)).emit('meeting:presence', { meetingId, present: [...present.values()] });
  }

  afterInit(server: TvaersServer): void {
    // Another process changed someone's access: this one's sockets are checked at once too.
    server.on('revalidate', () => void this.revalidate());
    server.use((socket, next) => {
      // Same rule as mutating HTTP requests: a browser page of another origin (or `null`) may not connect.
      const { origin, host } = socket.handshake.headers;
      if (isForeignOrigin(origin, host)) return next(new Error('CROSS_SITE_REQUEST'));
      // A leaving socket's meeting rooms hear the new presence once it has left them.
      socket.on('disconnecting', () => {
        const left = [...socket.rooms].filter((r) => r.startsWith(rooms.meeting('')));
        socket.once('disconnect', () => {
          for (const room of left) {
            this.emitPresence(room.slice(rooms.meeting('').length)).catch((err: unknown) => this.log.error(err));
          }
        });
      });
      const guestToken = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof guestToken === 'string') {
        this.guests
          .socketActor({
            token: guestToken,
            address: clientAddress(socket.request, this.config.trustProxy),
            verification: parseCookie(socket.handshake.headers.cookie ?? '')[GUEST_VERIFIED_COOKIE],
          })
          .then((guest) => {
            if (!guest) return next(new Error('UNAUTHENTICATED'));
            socket.data.guest = guest;
            // The participant's room lets revoking the link close exactly its sockets.
            void socket.join(rooms.participant(guest.participantId));
            next();
          })
          .catch((err: unknown) => {
            if (err instanceof ProblemError) return next(new Error(err.code));
            this.log.error(err);
            next(new Error('UNAVAILABLE'));
          });
        return;
      }
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[this.auth.cookieName];
      this.auth
        .resolve(token)
        .then((actor) => {
          if (!actor) return next(new Error('UNAUTHENTICATED'));
          socket.data.actor = actor;
          // The session room lets ending the session close exactly its sockets.
          void socket.join([rooms.staff(actor.id), rooms.session(actor.sessionId)]);
          // Managers follow their teams' caseload live.
          if (hasRole(actor, 'manager')) for (const t of actor.teamIds) void socket.join(rooms.team(t));
          next();
        })
        .catch((err: unknown) => {
          this.log.error(err);
          next(new Error('UNAVAILABLE'));
        });
    });
  }

  /** Re-checks the open sockets of every API process now: this one's, and the others' told through Redis. */
  async revalidateEverywhere(): Promise<void> {
    if (this.config.redisUrl) this.server.serverSideEmit('revalidate');
    await this.revalidate();
  }

  @Interval('socket-revalidate', REVALIDATE_EVERY_MS)
  async revalidateOnSchedule(): Promise<void> {
    if (!this.revalidating) await this.revalidate();
  }

  /**
   * Sessions also end without a logout: expiry, deactivation, a change of teams or roles (no event for
   * those yet). Re-resolves the sessions of this process's sockets in one query and disconnects each
   * socket whose session is gone or no longer carries what the socket was authorised with; likewise
   * each guest socket whose link has expired.
   */
  async revalidate(): Promise<void> {
    // Runs one after another, so a call made after a change always sees it.
    const run = (this.revalidating ?? Promise.resolve())
      .then(() => this.disconnectStale())
      .catch((err: unknown) => this.log.error(err));
    this.revalidating = run;
    await run;
    if (this.revalidating === run) this.revalidating = undefined;
  }

  private async disconnectStale(): Promise<void> {
    const sockets = [...this.server.sockets.sockets.values()];
    await Promise.all([this.disconnectStaleStaff(sockets), this.disconnectExpiredGuests(sockets)]);
  }

  private async disconnectStaleStaff(sockets: TvaersSocket[]): Promise<void> {
    const open = sockets.flatMap((socket) => (socket.data.actor ? [{ socket, then: socket.data.actor }] : []));
    if (!open.length) return;
    const live = await this.auth.liveSessions([...new Set(open.map((o) => o.then.sessionId))]);
    for (const { socket, then } of open) {
      const now = live.get(then.sessionId);
      const same =
        now !== undefined &&
        now.discipline === then.discipline &&
        sameSet(now.roles, then.roles) &&
        sameSet(now.teamIds, then.teamIds);
      if (!same) socket.disconnect(true);
    }
  }

  /** A link ends without an event too: 7 days after its meeting. Its sockets end with it. */
  private async disconnectExpiredGuests(sockets: TvaersSocket[]): Promise<void> {
    const guests = sockets.flatMap((socket) => (socket.data.guest ? [{ socket, guest: socket.data.guest }] : []));
    if (!guests.length) return;
    const live = await this.guests.liveLinks([...new Set(guests.map((g) => g.guest.participantId))]);
    for (const { socket, guest } of guests) if (!live.has(guest.participantId)) socket.disconnect(true);
  }

  /** Puts a guest's sockets in (or out of) a meeting's notes room, on every process. */
  followNotes(meetingId: string, participantId: string, follow: boolean): void {
    const sockets = this.server.in(rooms.participant(participantId));
    if (follow) sockets.socketsJoin(rooms.meetingNotes(meetingId));
    else sockets.socketsLeave(rooms.meetingNotes(meetingId));
  }

  /** Closes every socket in a room, on every process (e.g. a session's room when it ends). */
  disconnect(room: string): void {
    this.server.in(room).disconnectSockets(true);
  }

  /** Pushes to a room on every process (a Redis adapter carries it across processes when configured). */
  emitTo<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server.to(room).emit(event, ...args);
  }
}
