import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { createStaffSocket } from '@web/api/socket-client';
import { SocketContext } from './socket-context';

/**
 * One socket.io connection per signed-in browser tab, opened when `enabled` (after login)
 * and closed on logout; features join rooms through useSocket().
 */
export function SocketProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  // Creating the socket does not connect it (autoConnect is off): the effect connects and disconnects.
  const socket = useMemo(() => (enabled ? createStaffSocket() : null), [enabled]);

  useEffect(() => {
    if (!socket) return;
    socket.connect();
    return () => {
      socket.disconnect();
    };
  }, [socket]);

  return <SocketContext value={socket}>{children}</SocketContext>;
}
