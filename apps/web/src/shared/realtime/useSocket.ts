import { useContext } from 'react';
import type { TvaersSocket } from '@web/api/socket-client';
import { SocketContext } from './socket-context';

/** The staff member's live connection (typed with the contract's event maps), or null before login. */
export function useSocket(): TvaersSocket | null {
  return useContext(SocketContext);
}
