import { useCallback, useState } from 'react';
import type { DateSelectInfo, DatesSetInfo } from '@fullcalendar/react';
import { useTranslation } from 'react-i18next';
import type { TimeWindow } from '@web/api/meetings-api';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { DoctorParticipationExport } from '@web/features/meetings/components/DoctorParticipationExport';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { ErrorAlert, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useCalendarEntries } from '../hooks/useCalendarEntries';
import { useDragToMove } from '../hooks/useDragToMove';
import { BusyList } from './BusyList';
import { CalendarLegend } from './CalendarLegend';
import { ColleaguePicker } from './ColleaguePicker';
import { NewMeetingDialog } from './NewMeetingDialog';
import type { ChosenTime } from './NewMeetingDialog';
import { PendingInvitations } from './PendingInvitations';
import { WeekCalendar } from './WeekCalendar';
import './calendar.css';

/** `/` (staff's start page): the user's week, colleagues' calendars beside it, new meetings by choosing a time. */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [range, setRange] = useState<TimeWindow | null>(null);
  const entries = useCalendarEntries(range, me.id);
  const { meetings, loading, error, refetch } = entries;
  const { feedback, onEventChange } = useDragToMove(meetings);
  const [newMeeting, setNewMeeting] = useState<{ time: ChosenTime | null } | null>(null);
  usePageTitle(t('calendar.title'));

  const onSelect = useCallback((info: DateSelectInfo) => {
    setNewMeeting({ time: { start: info.start.toISOString(), end: info.end.toISOString() } });
  }, []);

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const next = { from: info.start.toISOString(), to: info.end.toISOString() };
    setRange((previous) => (previous?.from === next.from && previous.to === next.to ? previous : next));
  }, []);

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <div className="calendar-meta">
        <CalendarLegend />
        <div className="calendar-feedback">
          {(loading || entries.colleaguesLoading) && <LoadingStatus>{t('calendar.loading')}</LoadingStatus>}
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
      <ColleaguePicker
        colleagues={entries.colleagues}
        chosen={entries.chosen}
        states={entries.colleagueStates}
        onToggle={entries.toggleColleague}
      />
      <BusyList busy={entries.busy} colleagues={entries.chosenColleagues} />
      {newMeeting && <NewMeetingDialog time={newMeeting.time} onClose={() => setNewMeeting(null)} />}
      <div className="calendar" data-testid="calendar" aria-busy={loading}>
        <WeekCalendar
          events={entries.events}
          onDatesSet={onDatesSet}
          onSelect={onSelect}
          onEventChange={onEventChange}
        />
      </div>
      <DoctorParticipationExport />
    </>
  );
}
