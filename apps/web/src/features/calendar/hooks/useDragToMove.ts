import type { EventDropInfo, EventResizeDoneInfo } from '@fullcalendar/react';
import type { Meeting } from '@tvaers/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMeeting } from '@web/features/meetings/hooks/useUpdateMeeting';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { describeError, isMeetingConflict, meetingConflictNames } from '@web/shared/lib/errors';
import { entryProps } from '../meeting-events';

/** What the user is told after dragging a meeting: done, or why not (the event went back). */
export type MoveFeedback = { kind: 'moved' | 'problem'; text: string } | null;

/** The meeting's staff by id, to name who is not free in a clash as the page names them. */
const staffNames = (meeting: Meeting | undefined) =>
  new Map((meeting?.participants ?? []).map((p) => [p.staffId ?? '', p.name]));

/**
 * Dragging or resizing one's own scheduled meeting moves it, under the same rule as "Flyt": a clash puts it back
 * and names who is not free; `feedback` says what happened (the page reads it out).
 */
export function useDragToMove(meetings: readonly Meeting[]) {
  const { t } = useTranslation();
  const meetingTime = useFormatters();
  const { mutateAsync: moveMeeting } = useUpdateMeeting();
  const [feedback, setFeedback] = useState<MoveFeedback>(null);

  const onEventChange = useCallback(
    async (info: EventDropInfo | EventResizeDoneInfo) => {
      const { meetingId } = entryProps(info.event.extendedProps);
      const meeting = meetings.find((m) => m.id === meetingId);
      const [start, end] = [info.event.start, info.event.end];
      if (!start || !end) return info.revert();
      const title = info.event.title;
      setFeedback(null);
      try {
        const updated = await moveMeeting({
          meetingId,
          change: { start: start.toISOString(), end: end.toISOString() },
        });
        const when = meetingTime.slot(updated.start ?? start.toISOString(), updated.end ?? end.toISOString());
        setFeedback({ kind: 'moved', text: t('calendar.moved', { title, when }) });
      } catch (failure) {
        info.revert();
        const text = isMeetingConflict(failure)
          ? t('calendar.moveConflict', { title, names: meetingConflictNames(failure, staffNames(meeting)).join(', ') })
          : t('calendar.moveFailed', { title, reason: describeError(failure, t, t('meetings.move.failed')) });
        setFeedback({ kind: 'problem', text });
      }
    },
    [meetings, meetingTime, moveMeeting, t],
  );
  return { feedback, onEventChange };
}
