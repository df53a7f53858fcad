import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { queryKeys } from '@web/shared/query/query-keys';
import { useSocket } from '@web/shared/realtime/useSocket';

/**
 * Joins the plan's live room while the page shows the plan: `plan:updated` with a version newer
 * than the shown one fetches the plan again and calls `onNewerVersion`; a reconnect (which may have
 * missed events) fetches it again too. Leaves the room on unmount.
 */
export function usePlanRealtime(
  caseId: string,
  shownVersion: number | undefined,
  onNewerVersion: (version: number) => void,
): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const ready = shownVersion !== undefined;

  const refetchPlan = useEffectEvent(() => void queryClient.invalidateQueries({ queryKey: queryKeys.plan(caseId) }));
  const handleUpdate = useEffectEvent((payload: { caseId: string; version: number }) => {
    if (payload.caseId !== caseId || shownVersion === undefined) return;
    if (payload.version > shownVersion) {
      onNewerVersion(payload.version);
      refetchPlan();
    }
  });

  useEffect(() => {
    if (!socket || !ready) return;
    const join = () => {
      socket.emit('plan:join', { caseId }, () => {
        // Nothing to do on the ack: without the room the page still works, only without live updates.
      });
    };
    const onUpdated = (payload: { caseId: string; version: number }) => handleUpdate(payload);
    const onConnect = () => {
      join();
      refetchPlan();
    };
    socket.on('plan:updated', onUpdated);
    socket.on('connect', onConnect);
    if (socket.connected) join();
    return () => {
      socket.off('plan:updated', onUpdated);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('plan:leave', { caseId });
    };
  }, [socket, caseId, ready]);
}
