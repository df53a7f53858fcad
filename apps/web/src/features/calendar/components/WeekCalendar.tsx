// FullCalendar 7 needs the Temporal API: the polyfill comes first, and with the calendar's chunk only.
import 'temporal-polyfill/global';
import FullCalendar from '@fullcalendar/react';
import type {
  DateSelectInfo,
  DateSpanApi,
  DatesSetInfo,
  EventClickInfo,
  EventDropInfo,
  EventInput,
  EventResizeDoneInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import daLocale from '@fullcalendar/react/locales/da';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { TIME_ZONE as timeZone } from '@tvaers/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage } from '@web/shared/i18n/i18n';
import { useEventContent } from '../hooks/useEventContent';
import { initialCalendarDate } from '../meeting-events';

const clock = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const plugins = [timeGridPlugin, dayGridPlugin, interactionPlugin, classicTheme];
const locales = [daLocale, enGbLocale];
/** Working hours (Mon–Fri 08–16) are shaded; the rest of the day is still shown. */
const businessHours = { daysOfWeek: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '16:00' };

const copenhagenDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
/** A new meeting is chosen within one day (a drag across days in the week view would span the nights). */
const withinOneDay = (span: DateSpanApi) =>
  copenhagenDay.format(span.start) === copenhagenDay.format(new Date(span.end.getTime() - 1));

interface WeekCalendarProps {
  events: EventInput[];
  /** The visible window changed (another week or day). */
  onDatesSet: (info: DatesSetInfo) => void;
  /** A time was chosen for a new meeting. */
  onSelect: (info: DateSelectInfo) => void;
  /** An entry was dragged or resized. */
  onEventChange: (info: EventDropInfo | EventResizeDoneInfo) => Promise<void>;
}

/**
 * The work week in Copenhagen time, whatever the browser's zone, in the user's language (FullCalendar's own
 * screen-reader texts too). Every entry is a link to its meeting's page.
 */
export function WeekCalendar({ events, onDatesSet, onSelect, onEventChange }: WeekCalendarProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  const [initialDate] = useState(() => initialCalendarDate(new Date(), timeZone));
  const eventContent = useEventContent();

  // Inside the app a meeting's page opens without a page load.
  const onEventClick = useCallback(
    (info: EventClickInfo) => {
      if (!info.event.url) return;
      info.jsEvent.preventDefault();
      void navigate(info.event.url);
    },
    [navigate],
  );

  return (
    <FullCalendar
      plugins={plugins}
      initialView="timeGridWeek"
      initialDate={initialDate}
      headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridWeek,timeGridDay' }}
      timeZone={timeZone}
      locales={locales}
      locale={language === 'da' ? 'da' : 'en-gb'}
      firstDay={1}
      weekends={false}
      weekNumbers
      weekNumberCalculation="ISO"
      weekNumberFormat={{ week: 'long' }}
      businessHours={businessHours}
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
      eventContent={eventContent}
      eventClick={onEventClick}
      datesSet={onDatesSet}
      selectable
      selectMirror
      selectAllow={withinOneDay}
      select={onSelect}
      eventDrop={(info: EventDropInfo) => void onEventChange(info)}
      eventResize={(info: EventResizeDoneInfo) => void onEventChange(info)}
    />
  );
}
