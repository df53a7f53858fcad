// FullCalendar 7 needs the Temporal API: the polyfill comes first, and with the calendar's chunk only.
import 'temporal-polyfill/global';
import FullCalendar from '@fullcalendar/react';
import type {
  DateSelectInfo,
  DateSpanApi,
  DatesSetInfo,
  EventClickInfo,
  EventDisplayInfo,
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
import { useCallback, useMemo, useState } from 'react';
import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TimeWindow } from '@web/api/meetings-api';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { DoctorParticipationExport } from '@web/features/meetings/components/DoctorParticipationExport';
import { useUpdateMeeting } from '@web/features/meetings/hooks/useUpdateMeeting';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { currentLanguage } from '@web/shared/i18n/i18n';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { describeError, isMeetingConflict, isNotFound, meetingConflictNames } from '@web/shared/lib/errors';
import { ErrorAlert, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useBusy, useColleagueMeetings, useMeetings } from '../hooks/useMeetings';
import { colleagueOnly, entryProps, initialCalendarDate, toBusyEvents, toCalendarEvents } from '../meeting-events';
import { BusyList } from './BusyList';
import { PendingInvitations } from './PendingInvitations';
import { ColleaguePicker } from './ColleaguePicker';
import type { Colleague, ColleagueState } from './ColleaguePicker';
import { NewMeetingDialog } from './NewMeetingDialog';
import type { ChosenTime } from './NewMeetingDialog';
import './calendar.css';
import { compareDanish, TIME_ZONE as timeZone } from '@tvaers/domain';

const clock = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const plugins = [timeGridPlugin, dayGridPlugin, interactionPlugin, classicTheme];
const locales = [daLocale, enGbLocale];
/** Working hours (Mon–Fri 08–16) are shaded; the rest of the day is still shown. */
const businessHours = { daysOfWeek: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '16:00' };

const noMeetings: Meeting[] = [];
const copenhagenDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
/** A new meeting is chosen within one day (a drag across days in the week view would span the nights). */
const withinOneDay = (span: DateSpanApi) =>
  copenhagenDay.format(span.start) === copenhagenDay.format(new Date(span.end.getTime() - 1));

/** What the user is told after dragging a meeting: done, or why not (the event went back). */
type MoveFeedback = { kind: 'moved' | 'problem'; text: string } | null;

/** The meeting's staff by id, to name who is not free in a clash as the page names them. */
const staffNames = (meeting: Meeting | undefined) =>
  new Map((meeting?.participants ?? []).map((p) => [p.staffId ?? '', p.name]));

/**
 * Colleagues the user shares meetings with, collected from every window seen. The API has no list of
 * a team's members (GET /api/me gives only team ids), so this is the only source today.
 */
function useKnownColleagues(meetings: readonly Meeting[], myId: string): Colleague[] {
  const [seen, setSeen] = useState<{ from: readonly Meeting[]; known: ReadonlyMap<string, string> }>({
    from: noMeetings,
    known: new Map(),
  });
  // Adjusting state while rendering (React's pattern for "state from the previous props"), not in an effect.
  if (seen.from !== meetings) {
    const known = new Map(seen.known);
    for (const p of meetings.flatMap((meeting) => meeting.participants)) {
      if (p.kind === 'staff' && p.staffId && p.staffId !== myId) known.set(p.staffId, p.name);
    }
    setSeen({ from: meetings, known });
  }
  return useMemo(
    () => [...seen.known].map(([staffId, name]) => ({ staffId, name })).sort((a, b) => compareDanish(a.name, b.name)),
    [seen.known],
  );
}

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const meetingTime = useFormatters();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  const [initialDate] = useState(() => initialCalendarDate(new Date(), timeZone));
  const [range, setRange] = useState<TimeWindow | null>(null);
  const { data: meetings = noMeetings, isFetching: loading, error, refetch } = useMeetings(range);
  const colleagues = useKnownColleagues(meetings, me.id);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const chosenColleagues = useMemo(() => colleagues.filter((c) => chosen.has(c.staffId)), [colleagues, chosen]);
  const colleagueQueries = useColleagueMeetings(
    range,
    chosenColleagues.map((c) => c.staffId),
  );
  const { data: busyData, isFetching: busyLoading } = useBusy(
    range,
    chosenColleagues.map((c) => c.staffId),
  );
  const busy = useMemo(() => (chosenColleagues.length === 0 ? [] : (busyData ?? [])), [busyData, chosenColleagues]);
  const colleagueNames = useMemo(() => new Map(colleagues.map((c) => [c.staffId, c.name])), [colleagues]);
  const { mutateAsync: moveMeeting } = useUpdateMeeting();
  const [newMeeting, setNewMeeting] = useState<{ time: ChosenTime | null } | null>(null);
  const [feedback, setFeedback] = useState<MoveFeedback>(null);
  usePageTitle(t('calendar.title'));

  const events = useMemo(() => {
    const all: EventInput[] = toCalendarEvents(meetings, undefined, me.id);
    chosenColleagues.forEach((colleague, index) => {
      const theirs = colleagueQueries[index]?.data ?? noMeetings;
      all.push(...toCalendarEvents(colleagueOnly(meetings, theirs), colleague.name));
    });
    all.push(...toBusyEvents(busy, colleagueNames));
    return all;
  }, [meetings, chosenColleagues, colleagueQueries, busy, colleagueNames, me.id]);

  // Dragging or resizing one's own scheduled meeting moves it, under the same rule as "Flyt": a clash
  // puts it back and names who is not free; the outcome is read out (live region below).
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

  const onSelect = useCallback((info: DateSelectInfo) => {
    setNewMeeting({ time: { start: info.start.toISOString(), end: info.end.toISOString() } });
  }, []);

  const colleagueStates = useMemo(() => {
    const states = new Map<string, ColleagueState>();
    chosenColleagues.forEach((colleague, index) => {
      const failure = colleagueQueries[index]?.error;
      if (failure) states.set(colleague.staffId, isNotFound(failure) ? 'notVisible' : 'failed');
    });
    return states;
  }, [chosenColleagues, colleagueQueries]);
  const colleaguesLoading = busyLoading || colleagueQueries.some((query) => query.isFetching);

  const onToggleColleague = useCallback((staffId: string, on: boolean) => {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(staffId);
      else next.delete(staffId);
      return next;
    });
  }, []);

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const next = { from: info.start.toISOString(), to: info.end.toISOString() };
    setRange((previous) => (previous?.from === next.from && previous.to === next.to ? previous : next));
  }, []);

  // Every entry is a link to its meeting's page; inside the app it opens without a page load.
  const onEventClick = useCallback(
    (info: EventClickInfo) => {
      if (!info.event.url) return;
      info.jsEvent.preventDefault();
      void navigate(info.event.url);
    },
    [navigate],
  );

  // The link's text is its accessible name: the day and status are there for screen readers, the
  // time and title for everyone; a proposal and a colleague's meeting say so in words too.
  const renderEvent = useCallback(
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
          <li>
            <span className="legend__swatch legend__swatch--colleague" aria-hidden="true" />
            {t('calendar.legendColleague')}
          </li>
          <li>
            <span className="legend__swatch legend__swatch--busy" aria-hidden="true" />
            {t('calendar.legendBusy')}
          </li>
        </ul>
        <div className="calendar-feedback">
          {(loading || colleaguesLoading) && <LoadingStatus>{t('calendar.loading')}</LoadingStatus>}
        </div>
      </div>
      <div className="calendar-actions">
        <p className="calendar-actions__help">{t('calendar.editHelp')}</p>
        <button type="button" className="button button--primary" onClick={() => setNewMeeting({ time: null })}>
          {t('calendar.newMeeting.button')}
        </button>
      </div>
      {/* Always in the page, so a screen reader hears what dragging a meeting did. */}
      <div className="calendar-move-feedback" aria-live="polite" data-testid="calendar-feedback">
        {feedback && (
          <p className={feedback.kind === 'problem' ? 'alert alert--error' : 'alert alert--success'}>{feedback.text}</p>
        )}
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
      <PendingInvitations meetings={meetings} />
      <ColleaguePicker colleagues={colleagues} chosen={chosen} states={colleagueStates} onToggle={onToggleColleague} />
      <BusyList busy={busy} colleagues={chosenColleagues} />
      {newMeeting && <NewMeetingDialog time={newMeeting.time} onClose={() => setNewMeeting(null)} />}
      <div className="calendar" data-testid="calendar" aria-busy={loading}>
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
          eventContent={renderEvent}
          eventClick={onEventClick}
          datesSet={onDatesSet}
          selectable
          selectMirror
          selectAllow={withinOneDay}
          select={onSelect}
          eventDrop={(info: EventDropInfo) => void onEventChange(info)}
          eventResize={(info: EventResizeDoneInfo) => void onEventChange(info)}
        />
      </div>
      <DoctorParticipationExport />
    </>
  );
}
