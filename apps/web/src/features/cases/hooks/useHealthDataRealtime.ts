import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '@web/shared/query/query-keys';
import { useSocket } from '@web/shared/realtime/useSocket';

/**
 * A guest's new statement or own assessment arrives live: `case:health-data` (sent to the case's plan room, which
 * the case page joins) fetches the case's health lists again, under the health rule. The signal carries no content.
 */
export function useHealthDataRealtime(caseId: string): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onHealthData = (payload: { caseId: string }) => {
      if (payload.caseId !== caseId) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.healthStatementsOf(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.ownAssessmentsOf(caseId) });
    };
    socket.on('case:health-data', onHealthData);
    return () => {
      socket.off('case:health-data', onHealthData);
    };
  }, [socket, caseId, queryClient]);
}
