import { Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type ClientToServerEvents, type JoinAck, rooms, type ServerToClientEvents } from '@tvaers/contracts';
import { parse as parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { forNewRequest, hasRole, type StaffActor } from '../common/auth/actor';
import { SESSION_COOKIE } from '../common/auth/session-cookie';
import { ProblemError } from '../common/problem/problem';
import { isForeignOrigin } from '../common/http/request-rules';

export interface SocketData {
  actor?: StaffActor;
}
export type TvaersServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TvaersSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** How often this process re-checks the sessions of its open sockets. */
const REVALIDATE_EVERY_MS = 30_000;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

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
  ) {}

  /** Staff viewing a plan follow its changes; only a case they may see (same rule as the REST routes). */
  @SubscribeMessage('plan:join')
  async joinPlan(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const caseId = (body as { caseId?: unknown } | null)?.caseId;
    const actor = socket.data.actor;
    if (!actor || typeof caseId !== 'string' || !/^[0-9a-f-]{36}$/i.test(caseId)) {
      return { ok: false, code: 'NOT_FOUND' };
    }
    try {
      await this.access.require(forNewRequest(actor), Permission.PlanFollow, caseId);
    } catch (err) {
      // Refusals answer with their code; anything else is a fault, not a "not found".
      if (err instanceof ProblemError) return { ok: false, code: err.code };
      throw err;
    }
    await socket.join(rooms.plan(caseId));
    return { ok: true };
  }

  @SubscribeMessage('plan:leave')
  async leavePlan(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<void> {
    const caseId = (body as { caseId?: unknown } | null)?.caseId;
    if (typeof caseId === 'string') await socket.leave(rooms.plan(caseId));
  }

  afterInit(server: TvaersServer): void {
    server.use((socket, next) => {
      // Same rule as mutating HTTP requests: a browser page of another origin (or `null`) may not connect.
      const { origin, host } = socket.handshake.headers;
      if (isForeignOrigin(origin, host)) return next(new Error('CROSS_SITE_REQUEST'));
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
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

  @Interval('socket-revalidate', REVALIDATE_EVERY_MS)
  async revalidateOnSchedule(): Promise<void> {
    if (!this.revalidating) await this.revalidate();
  }

  /**
   * Sessions also end without a logout: expiry, deactivation, a change of teams or roles (no event for
   * those yet). Re-resolves the sessions of this process's sockets in one query and disconnects each
   * socket whose session is gone or no longer carries what the socket was authorised with.
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
    const open = [...this.server.sockets.sockets.values()].flatMap((socket) =>
      socket.data.actor ? [{ socket, then: socket.data.actor }] : [],
    );
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
