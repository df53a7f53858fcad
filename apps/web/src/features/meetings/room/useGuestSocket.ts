import { useMemo } from 'react';
import { createGuestSocket, type TvaersSocket } from '@web/api/socket-client';
import { useConnection } from '@web/shared/realtime/useConnection';

/** A guest link's own live connection while `enabled` (the guest page has no staff session to share). */
export function useGuestSocket(token: string, enabled: boolean): TvaersSocket | null {
  const socket = useMemo(() => (enabled ? createGuestSocket(token) : null), [token, enabled]);
  useConnection(socket);
  return socket;
}
