import type { QueryClient, Updater } from '@tanstack/react-query';
import type { Meeting } from '@tvaers/contracts';
import { queryKeys } from './query-keys';

/**
 * A meeting changed (a write here or a live update): its own entry takes the new reading when there is one, and
 * every list that shows it (calendars, a case's meetings, colleagues' busy times) is fetched again. The one place
 * that knows what a meeting appears in.
 */
export function meetingChanged(
  queryClient: QueryClient,
  meetingId?: string,
  reading?: Updater<Meeting | undefined, Meeting | undefined>,
): Promise<void> {
  if (meetingId !== undefined && reading !== undefined) {
    queryClient.setQueryData<Meeting>(queryKeys.meeting(meetingId), reading);
  }
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.allMeetings }),
    queryClient.invalidateQueries({ queryKey: queryKeys.allBusy }),
  ]).then(() => undefined);
}
