import type { ClientToServerEvents, ServerToClientEvents } from '@tvaers/contracts';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

export type TvaersSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const path = '/socket.io';

/** A staff connection: the server authenticates it with the session cookie. Not connected yet. */
export function createStaffSocket(): TvaersSocket {
  return io({ path, withCredentials: true, autoConnect: false });
}

/**
 * A guest link's connection: the server authenticates it with the link's token (in the handshake, never
 * in a URL that a log could keep). Not connected yet.
 */
export function createGuestSocket(token: string): TvaersSocket {
  return io({ path, auth: { token }, autoConnect: false });
}
