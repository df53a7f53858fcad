import { Logger } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { type ClientToServerEvents, rooms, type ServerToClientEvents } from '@tvaers/contracts';
import { parse as parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
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

  constructor(private readonly auth: AuthService) {}

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
