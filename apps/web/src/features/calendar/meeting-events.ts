import type { EventInput } from '@fullcalendar/react';
import type { BusySpan, Meeting } from '@tvaers/contracts';

/** Event colours chosen for WCAG AA: white on #1d4ed8 is 6.7:1, #1e3a8a on #dbeafe is 8.9:1, on #f1f5f9 11.4:1. */
export const eventColours = {
  scheduled: { color: '#1d4ed8', contrastColor: '#ffffff' },
  held: { color: '#475569', contrastColor: '#ffffff' },
  proposed: { color: '#dbeafe', contrastColor: '#1e3a8a' },
  colleague: { color: '#f1f5f9', contrastColor: '#1e3a8a' },
} as const;

export type CalendarEntryKind = 'scheduled' | 'held' | 'proposed';

export interface CalendarEntryProps {
  meetingId: string;
  kind: CalendarEntryKind;
  /** The colleague whose calendar this came from; absent for the signed-in user's own meetings. */
  colleague?: string;
}

/** The meeting's page in the web app: every calendar entry is a link to it. */
export function meetingPath(meetingId: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}`;
}

/**
 * One calendar event per scheduled (or held) meeting, and one tentative event per proposal of
 * a proposed meeting. Cancelled meetings are left out: they take no time. A colleague's meetings
 * carry the colleague's name and their own look (hatched, dotted edge, a name tag: not colour alone).
 */
export function toCalendarEvents(meetings: readonly Meeting[], colleague?: string, myId?: string): EventInput[] {
  const look = (kind: CalendarEntryKind) =>
    colleague === undefined
      ? { ...eventColours[kind], className: `tv-event tv-event--${kind}` }
      : { ...eventColours.colleague, className: `tv-event tv-event--${kind} tv-event--colleague` };
  return meetings.flatMap((meeting): EventInput[] => {
    switch (meeting.status) {
      case 'scheduled':
      case 'held': {
        if (!meeting.start || !meeting.end) return [];
        const extendedProps: CalendarEntryProps = { meetingId: meeting.id, kind: meeting.status, colleague };
        return [
          {
            id: colleague === undefined ? meeting.id : `${meeting.id}:${colleague}`,
            title: meeting.title,
            start: meeting.start,
            end: meeting.end,
            url: meetingPath(meeting.id),
            ...look(meeting.status),
            // Drag and resize reschedule it: only one's own scheduled meeting (see canReschedule).
            editable: colleague === undefined && myId !== undefined && canReschedule(meeting, myId),
            extendedProps,
          },
        ];
      }
      case 'proposed':
        return meeting.proposals.map((proposal, index) => {
          const extendedProps: CalendarEntryProps = { meetingId: meeting.id, kind: 'proposed', colleague };
          return {
            id: `${meeting.id}:proposal:${index}${colleague === undefined ? '' : `:${colleague}`}`,
            groupId: meeting.id,
            title: meeting.title,
            start: proposal.start,
            end: proposal.end,
            url: meetingPath(meeting.id),
            ...look('proposed'),
            extendedProps,
          };
        });
      case 'cancelled':
        return [];
    }
  });
}

/**
 * Whether the user may move this meeting by dragging it: a scheduled meeting (not held, cancelled or still
 * proposed) that the user takes part in as staff and may manage (`canManage`: they may read its case), as "Flyt".
 */
export function canReschedule(meeting: Meeting, myId: string): boolean {
  return (
    meeting.status === 'scheduled' &&
    meeting.canManage &&
    meeting.participants.some((participant) => participant.kind === 'staff' && participant.staffId === myId)
  );
}

/**
 * A colleague's busy time as background shading behind the calendar (times only: what it is stays
 * unknown). The name is shown in the shading, so it is not told by colour alone.
 */
export function toBusyEvents(busy: readonly BusySpan[], names: ReadonlyMap<string, string>): EventInput[] {
  return busy.map((span, index) => ({
    id: `busy:${span.staffId}:${index}`,
    start: span.start,
    end: span.end,
    display: 'background',
    title: names.get(span.staffId) ?? '',
    className: `tv-busy tv-busy--${span.kind}`,
  }));
}

/** A colleague's meetings without those already in the user's own calendar (shared meetings show once). */
export function colleagueOnly(own: readonly Meeting[], theirs: readonly Meeting[]): Meeting[] {
  const mine = new Set(own.map((meeting) => meeting.id));
  return theirs.filter((meeting) => !mine.has(meeting.id));
}

export function entryProps(extendedProps: Record<string, unknown>): CalendarEntryProps {
  const kind = extendedProps['kind'];
  const colleague = extendedProps['colleague'];
  return {
    meetingId: String(extendedProps['meetingId']),
    kind: kind === 'held' || kind === 'proposed' ? kind : 'scheduled',
    colleague: typeof colleague === 'string' ? colleague : undefined,
  };
}

/**
 * The day a calendar opens on: today, or on a Saturday or Sunday the coming Monday (the work week
 * ahead, not the one just past), as a Copenhagen calendar date `YYYY-MM-DD`.
 */
export function initialCalendarDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const ahead = part('weekday') === 'Sat' ? 2 : part('weekday') === 'Sun' ? 1 : 0;
  const day = new Date(Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day')) + ahead));
  return day.toISOString().slice(0, 10);
}
