import { Logger } from '@nestjs/common';
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
import { CasesService } from '../cases/cases.service';
import { hasRole, type StaffActor } from '../common/auth/actor';
import { SESSION_COOKIE } from '../common/auth/session-cookie';

export interface SocketData {
  actor?: StaffActor;
}
export type TvaersServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TvaersSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The one socket.io gateway: authenticates by the session cookie and places sockets in their rooms. */
@WebSocketGateway({
  path: '/socket.io',
  serveClient: false,
  cors: { origin: false },
})
export class RealtimeGateway implements OnGatewayInit {
  private readonly log = new Logger('realtime');
  @WebSocketServer() server: TvaersServer;

  constructor(
    private readonly auth: AuthService,
    private readonly cases: CasesService,
  ) {}

  /** Staff viewing a plan follow its changes; only a case they may see (same rule as the REST routes). */
  @SubscribeMessage('plan:join')
  async joinPlan(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const caseId = (body as { caseId?: unknown } | null)?.caseId;
    const actor = socket.data.actor;
    if (!actor || typeof caseId !== 'string' || !/^[0-9a-f-]{36}$/i.test(caseId))
      return { ok: false, code: 'NOT_FOUND' };
    try {
      await this.cases.visibleCase(actor, caseId);
    } catch {
      return { ok: false, code: 'NOT_FOUND' };
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
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      this.auth
        .resolve(token)
        .then((actor) => {
          if (!actor) return next(new Error('UNAUTHENTICATED'));
          socket.data.actor = actor;
          void socket.join(rooms.staff(actor.id));
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

  /** Pushes to a room on every process (a Redis adapter carries it across processes when configured). */
  emitTo<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server.to(room).emit(event, ...args);
  }
}
