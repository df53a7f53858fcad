import type { EventInput } from '@fullcalendar/react';
import type { Meeting } from '@tvaers/contracts';

/** Event colours chosen for WCAG AA: white on #1d4ed8 is 6.7:1, #1e3a8a on #dbeafe is 8.9:1. */
export const eventColours = {
  scheduled: { color: '#1d4ed8', contrastColor: '#ffffff' },
  held: { color: '#475569', contrastColor: '#ffffff' },
  proposed: { color: '#dbeafe', contrastColor: '#1e3a8a' },
} as const;

export type CalendarEntryKind = 'scheduled' | 'held' | 'proposed';

export interface CalendarEntryProps {
  meetingId: string;
  kind: CalendarEntryKind;
}

/**
 * One calendar event per scheduled (or held) meeting, and one tentative event per proposal of
 * a proposed meeting. Cancelled meetings are left out: they take no time.
 */
export function toCalendarEvents(meetings: readonly Meeting[]): EventInput[] {
  return meetings.flatMap((meeting): EventInput[] => {
    switch (meeting.status) {
      case 'scheduled':
      case 'held': {
        if (!meeting.start || !meeting.end) return [];
        const extendedProps: CalendarEntryProps = { meetingId: meeting.id, kind: meeting.status };
        return [
          {
            id: meeting.id,
            title: meeting.title,
            start: meeting.start,
            end: meeting.end,
            ...eventColours[meeting.status],
            className: `tv-event tv-event--${meeting.status}`,
            extendedProps,
          },
        ];
      }
      case 'proposed':
        return meeting.proposals.map((proposal, index) => {
          const extendedProps: CalendarEntryProps = { meetingId: meeting.id, kind: 'proposed' };
          return {
            id: `${meeting.id}:proposal:${index}`,
            groupId: meeting.id,
            title: meeting.title,
            start: proposal.start,
            end: proposal.end,
            ...eventColours.proposed,
            className: 'tv-event tv-event--proposed',
            extendedProps,
          };
        });
      case 'cancelled':
        return [];
    }
  });
}

export function entryKind(extendedProps: Record<string, unknown>): CalendarEntryKind {
  const kind = extendedProps['kind'];
  return kind === 'held' || kind === 'proposed' ? kind : 'scheduled';
}
