import { Injectable } from '@nestjs/common';
import type { ClientToServerEvents, ServerToClientEvents } from '@tvaers/contracts';
import type { Server, Socket } from 'socket.io';
import type { GuestActor, StaffActor } from '../common/auth/actor';

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

/**
 * The gateway's socket.io server, for what pushes to rooms or looks sockets up. With REDIS_URL its adapter
 * (redis-io-adapter.ts) carries every room operation to the sockets of all API processes.
 */
@Injectable()
export class RealtimeServer {
  private io?: TvaersServer;

  attach(server: TvaersServer): void {
    this.io = server;
  }

  get server(): TvaersServer {
    if (!this.io) throw new Error('socket.io has not started');
    return this.io;
  }

  /** Pushes to a room, on every process. */
  emitTo<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server.to(room).emit(event, ...args);
  }

  /** Closes every socket in a room, on every process (e.g. a session's room when it ends). */
  disconnect(room: string): void {
    this.server.in(room).disconnectSockets(true);
  }
}
