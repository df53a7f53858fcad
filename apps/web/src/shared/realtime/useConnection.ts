import { useEffect } from 'react';
import type { TvaersSocket } from '@web/api/socket-client';

/** Connects a socket while it is mounted; sockets are made with autoConnect off, so this is what opens them. */
export function useConnection(socket: TvaersSocket | null): void {
  useEffect(() => {
    if (!socket) return;
    socket.connect();
    return () => {
      socket.disconnect();
    };
  }, [socket]);
}
