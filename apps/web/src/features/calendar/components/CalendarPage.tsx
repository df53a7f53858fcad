import FullCalendar from '@fullcalendar/react';
import type { DatesSetInfo, EventDisplayInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import daLocale from '@fullcalendar/react/locales/da';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useCallback, useMemo, useState } from 'react';
import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import type { TimeWindow } from '@web/api/meetings-api';
import { currentLanguage } from '@web/shared/i18n/i18n';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { ErrorAlert, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useMeetings } from '../hooks/useMeetings';
import { entryKind, toCalendarEvents } from '../meeting-events';
import './calendar.css';

/** Times are stored in UTC and always shown in Danish time, whatever the browser's zone. */
const timeZone = 'Europe/Copenhagen';
const clock = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const plugins = [timeGridPlugin, dayGridPlugin, interactionPlugin, classicTheme];
const locales = [daLocale, enGbLocale];

const noMeetings: Meeting[] = [];

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  const [range, setRange] = useState<TimeWindow | null>(null);
  const { data: meetings = noMeetings, isFetching: loading, error, refetch } = useMeetings(range);
  const events = useMemo(() => toCalendarEvents(meetings), [meetings]);
  usePageTitle(t('calendar.title'));

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const next = { from: info.start.toISOString(), to: info.end.toISOString() };
    setRange((previous) => (previous?.from === next.from && previous.to === next.to ? previous : next));
  }, []);

  const renderEvent = useCallback(
    (info: EventDisplayInfo) => {
      const tentative = entryKind(info.event.extendedProps) === 'proposed';
      return (
        <>
          {(info.timeText || tentative) && (
            <div className={info.timeClass}>
              {info.timeText}
              {tentative && <span className="tv-event__tag"> · {t('calendar.proposal')}</span>}
            </div>
          )}
          <div className={info.titleClass}>{info.event.title}</div>
        </>
      );
    },
    [t],
  );

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <div className="calendar-meta">
        <ul className="legend" aria-label={t('calendar.legendLabel')}>
          <li>
            <span className="legend__swatch legend__swatch--scheduled" aria-hidden="true" />
            {t('calendar.legendScheduled')}
          </li>
          <li>
            <span className="legend__swatch legend__swatch--proposed" aria-hidden="true" />
            {t('calendar.legendProposed')}
          </li>
        </ul>
        <div className="calendar-feedback">{loading && <LoadingStatus>{t('calendar.loading')}</LoadingStatus>}</div>
      </div>
      {error !== null && (
        <ErrorAlert
          action={
            <button type="button" className="button" onClick={() => void refetch()}>
              {t('calendar.retry')}
            </button>
          }
        >
          {t('calendar.loadFailed')}
        </ErrorAlert>
      )}
      <div className="calendar" data-testid="calendar" aria-busy={loading}>
        <FullCalendar
          plugins={plugins}
          initialView="timeGridWeek"
          headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridWeek,timeGridDay' }}
          timeZone={timeZone}
          locales={locales}
          locale={language === 'da' ? 'da' : 'en-gb'}
          firstDay={1}
          weekends={false}
          allDaySlot={false}
          slotMinTime="07:00:00"
          slotMaxTime="19:00:00"
          scrollTime="07:00:00"
          height="auto"
          nowIndicator
          eventTimeFormat={clock}
          slotHeaderFormat={clock}
          prevHint={(unit: string) => t('calendar.prevHint', { unit: unit.toLocaleLowerCase(language) })}
          nextHint={(unit: string) => t('calendar.nextHint', { unit: unit.toLocaleLowerCase(language) })}
          todayHint={t('calendar.todayHint')}
          viewHint={(unit: string) => t('calendar.viewHint', { unit: unit.toLocaleLowerCase(language) })}
          viewChangeHint={t('calendar.viewChangeHint')}
          navLinkHint={(date: string) => t('calendar.navLinkHint', { date })}
          // FullCalendar's locales leave these screen-reader texts in English ("Timed", "Close", …).
          timedText={t('calendar.timedText')}
          allDayText={t('calendar.allDayText')}
          closeHint={t('calendar.closeHint')}
          eventsHint={t('calendar.eventsHint')}
          moreLinkHint={(count: number) => t('calendar.moreLinkHint', { count })}
          noEventsText={t('calendar.noEventsText')}
          events={events}
          eventContent={renderEvent}
          datesSet={onDatesSet}
        />
      </div>
    </>
  );
}
