import { useQueryClient } from '@tanstack/react-query';
import type { Caseload, CaseloadRow } from '@tvaers/contracts';
import { useEffect, useEffectEvent } from 'react';
import { queryKeys } from '@web/shared/query/query-keys';
import { useSocket } from '@web/shared/realtime/useSocket';

/**
 * Keeps the shown team's caseload live: `caseload:updated` (sent to the team's managers, whose sockets
 * join their teams' rooms on connect) writes the new rows into the query cache at once, then fetches the
 * rest (queue, overrides, figures, open case lists) again. `onStatusChange` hears each person whose status changed. A
 * reconnect may have missed events: it fetches again.
 */
export function useCaseloadRealtime(
  teamId: string | undefined,
  onStatusChange: (row: CaseloadRow, before: CaseloadRow) => void,
): void {
  const socket = useSocket();
  const queryClient = useQueryClient();

  const handleUpdate = useEffectEvent((payload: { teamId: string; rows: CaseloadRow[] }) => {
    if (payload.teamId !== teamId) return;
    const key = queryKeys.caseload(teamId);
    const before = queryClient.getQueryData<Caseload>(key);
    if (before) {
      queryClient.setQueryData<Caseload>(key, { ...before, rows: payload.rows });
      for (const row of payload.rows) {
        const old = before.rows.find((r) => r.staffId === row.staffId);
        if (old && old.status !== row.status) onStatusChange(row, old);
      }
    }
    void queryClient.invalidateQueries({ queryKey: key });
    // A person's case list open on the dashboard changes with their load (a colleague moved cases).
    void queryClient.invalidateQueries({ queryKey: queryKeys.allCases });
  });
  const refetch = useEffectEvent(() => {
    if (teamId) void queryClient.invalidateQueries({ queryKey: queryKeys.caseload(teamId) });
  });

  useEffect(() => {
    if (!socket) return;
    const onUpdated = (payload: { teamId: string; rows: CaseloadRow[] }) => handleUpdate(payload);
    const onConnect = () => refetch();
    socket.on('caseload:updated', onUpdated);
    socket.on('connect', onConnect);
    return () => {
      socket.off('caseload:updated', onUpdated);
      socket.off('connect', onConnect);
    };
  }, [socket]);
}
