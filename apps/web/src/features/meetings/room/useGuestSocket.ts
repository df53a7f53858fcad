import { useEffect, useMemo } from 'react';
import { createGuestSocket, type TvaersSocket } from '@web/api/socket-client';

/** A guest link's own live connection while `enabled` (the guest page has no staff session to share). */
export function useGuestSocket(token: string, enabled: boolean): TvaersSocket | null {
  // Creating the socket does not connect it (autoConnect is off): the effect connects and disconnects.
  const socket = useMemo(() => (enabled ? createGuestSocket(token) : null), [token, enabled]);
  useEffect(() => {
    if (!socket) return;
    socket.connect();
    return () => {
      socket.disconnect();
    };
  }, [socket]);
  return socket;
}
