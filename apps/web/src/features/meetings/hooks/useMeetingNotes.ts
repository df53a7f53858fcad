import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '@tvaers/contracts';
import { fetchMeetingNotes, fetchNotesHistory, restoreNotes, shareNotes } from '@web/api/meetings-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** A meeting's notes as text (`GET /api/meetings/:id/notes`): the held meeting's notes, the summary's draft. */
export function useMeetingNotes(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.meetingNotes(meetingId),
    queryFn: ({ signal }) => fetchMeetingNotes(meetingId, signal),
    enabled,
  });
}

/** The notes' earlier versions (`GET /api/meetings/:id/notes/history`), fetched when shown. */
export function useNotesHistory(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.meetingNotesHistory(meetingId),
    queryFn: ({ signal }) => fetchNotesHistory(meetingId, signal),
    enabled,
  });
}

/** Restores an earlier version (`POST …/notes/restore`); the room's editors hear it over the socket. */
export function useRestoreNotes(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) => restoreNotes(meetingId, seq),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.meetingNotes(meetingId) }),
  });
}

/** Shares the notes with another guest or stops (`PUT …/notes-sharing`); the answer is the meeting. */
export function useShareNotes(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ participantId, shared }: { participantId: string; shared: boolean }) =>
      shareNotes(meetingId, participantId, shared),
    onSuccess: (meeting: Meeting) => queryClient.setQueryData(queryKeys.meeting(meetingId), meeting),
  });
}
