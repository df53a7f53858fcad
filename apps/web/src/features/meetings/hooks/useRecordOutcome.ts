import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting, RecordOutcome } from '@tvaers/contracts';
import { recordMeetingOutcome } from '@web/api/meetings-api';
import { meetingChanged } from '@web/shared/query/meeting-changed';
import { queryKeys } from '@web/shared/query/query-keys';

/** Records what a meeting decided: the meeting is held, and its decisions may have added efforts to the plan. */
export function useRecordOutcome(meeting: Pick<Meeting, 'id' | 'caseId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (outcome: RecordOutcome) => recordMeetingOutcome(meeting.id, outcome),
    onSuccess: (held) => {
      void meetingChanged(queryClient, meeting.id, held);
      void queryClient.invalidateQueries({ queryKey: queryKeys.plan(meeting.caseId) });
    },
  });
}
