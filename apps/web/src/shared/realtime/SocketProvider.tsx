import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { createStaffSocket } from '@web/api/socket-client';
import { SocketContext } from './socket-context';
import { useConnection } from './useConnection';

/**
 * One socket.io connection per signed-in browser tab, opened when `enabled` (after login)
 * and closed on logout; features join rooms through useSocket().
 */
export function SocketProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const socket = useMemo(() => (enabled ? createStaffSocket() : null), [enabled]);
  useConnection(socket);

  return <SocketContext value={socket}>{children}</SocketContext>;
}
