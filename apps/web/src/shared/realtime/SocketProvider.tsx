import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { createStaffSocket } from '../../api/socket-client';
import type { TvaersSocket } from '../../api/socket-client';
import { SocketContext } from './socket-context';

/**
 * One socket.io connection per signed-in browser tab, opened when `enabled` (after login)
 * and closed on logout; features join rooms through useSocket().
 */
export function SocketProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [socket, setSocket] = useState<TvaersSocket | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const connection = createStaffSocket();
    connection.connect();
    setSocket(connection);
    return () => {
      connection.disconnect();
      setSocket(null);
    };
  }, [enabled]);

  return <SocketContext value={socket}>{children}</SocketContext>;
}
