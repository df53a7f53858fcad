import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMeeting } from '@tvaers/contracts';
import { createMeeting, fetchAvailability, fetchCaseMeetings } from '@web/api/meetings-api';
import { meetingChanged } from '@web/shared/query/meeting-changed';
import { queryKeys } from '@web/shared/query/query-keys';

/** A case's meetings (`GET /api/meetings?caseId=`), upcoming and held. */
export function useCaseMeetings(caseId: string) {
  return useQuery({
    queryKey: queryKeys.caseMeetings(caseId),
    queryFn: ({ signal }) => fetchCaseMeetings(caseId, signal),
  });
}

/** Plans a meeting; every calendar and the case's list are fetched again. */
export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMeeting) => createMeeting(input),
    onSuccess: () => meetingChanged(queryClient),
  });
}

/** Times all these staff members are free for `durationMinutes`, from `from` for 14 days. */
export function useAvailability(staffIds: string[], from: string, durationMinutes: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.availability(staffIds, from, durationMinutes),
    queryFn: ({ signal }) =>
      fetchAvailability(
        staffIds,
        { from, to: new Date(Date.parse(from) + 14 * 86_400_000).toISOString() },
        durationMinutes,
        signal,
      ),
    enabled: enabled && staffIds.length > 0,
  });
}
