import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { TvaersSocket } from '@web/api/socket-client';
import { SocketContext } from './socket-context';
import { useConnection } from './useConnection';

/**
 * One socket.io connection per signed-in browser tab, opened when `enabled` (after login)
 * and closed on logout; features join rooms through useSocket(). The client is its own chunk, fetched
 * after login: the login page does without it.
 */
export function SocketProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [socket, setSocket] = useState<TvaersSocket | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void import('@web/api/socket-client').then(({ createStaffSocket }) => {
      if (current) setSocket(createStaffSocket());
    });
    return () => {
      current = false;
      setSocket(null);
    };
  }, [enabled]);
  useConnection(socket);

  return <SocketContext value={socket}>{children}</SocketContext>;
}
