import type { EventDisplayInfo } from '@fullcalendar/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { entryProps } from '../meeting-events';

/**
 * How an entry reads. The link's text is its accessible name: the day and status are there for screen readers, the
 * time and title for everyone; a proposal and a colleague's meeting say so in words too.
 */
export function useEventContent() {
  const { t } = useTranslation();
  const meetingTime = useFormatters();
  return useCallback(
    (info: EventDisplayInfo) => {
      // A colleague's busy time: their name in the shading (the list under the calendar tells it in words).
      if (info.event.display === 'background') return <span className="tv-busy__name">{info.event.title}</span>;
      const entry = entryProps(info.event.extendedProps);
      const start = info.event.start;
      return (
        <>
          <div className={info.timeClass}>
            {start && <span className="visually-hidden">{meetingTime.weekdayOf(start.toISOString())}, </span>}
            {info.timeText}
            {entry.kind === 'proposed' && <span className="tv-event__tag"> · {t('calendar.proposal')}</span>}
          </div>
          <div className={info.titleClass}>
            {info.event.title}
            {entry.colleague !== undefined && (
              <span className="tv-event__owner">
                <span className="visually-hidden">, {t('calendar.colleagueEntry', { name: entry.colleague })}</span>
                <span aria-hidden="true">{entry.colleague}</span>
              </span>
            )}
            <span className="visually-hidden">, {t(`meetings.statusShort.${entry.kind}`)}</span>
          </div>
        </>
      );
    },
    [t, meetingTime],
  );
}
