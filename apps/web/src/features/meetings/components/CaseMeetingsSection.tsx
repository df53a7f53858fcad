import type { Meeting } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListLoad } from '@web/shared/ui/QueryLoad';
import { useCaseMeetings } from '../hooks/useCaseMeetings';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import './meetings.css';

/** Held, cancelled, or over: the rest is still to come (a proposal has no time yet). */
function isPast(meeting: Meeting, now: number): boolean {
  if (meeting.status === 'held' || meeting.status === 'cancelled') return true;
  return meeting.end !== null && Date.parse(meeting.end) < now;
}

/** The case page's "Møder": the case's meetings with links to them, and the way to plan one. */
export function CaseMeetingsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const caseMeetings = useCaseMeetings(caseId);
  const meetings = caseMeetings.data;
  const [now] = useState(() => Date.now());
  const upcoming = (meetings ?? []).filter((m) => !isPast(m, now));
  // The list comes oldest first: what is to come in that order, what is over newest first.
  const past = (meetings ?? []).filter((m) => isPast(m, now)).reverse();

  return (
    <section className="card case-meetings" aria-labelledby="case-meetings-title" data-testid="case-meetings">
      <h2 id="case-meetings-title">{t('meetings.caseSection.title')}</h2>
      <p>
        <Link className="button" to={`/cases/${encodeURIComponent(caseId)}/meetings/new`}>
          {t('meetings.caseSection.plan')}
        </Link>
      </p>
      <ListLoad
        load={caseMeetings}
        items={meetings}
        loading={t('meetings.caseSection.loading')}
        failed={t('meetings.caseSection.loadFailed')}
        empty={t('meetings.caseSection.none')}
      >
        {() => (
          <>
            {upcoming.length > 0 && <MeetingList title={t('meetings.caseSection.upcoming')} meetings={upcoming} />}
            {past.length > 0 && <MeetingList title={t('meetings.caseSection.past')} meetings={past} />}
          </>
        )}
      </ListLoad>
    </section>
  );
}

function MeetingList({ title, meetings }: { title: string; meetings: Meeting[] }) {
  const { t } = useTranslation();
  const time = useFormatters();
  return (
    <>
      <h3>{title}</h3>
      <ul className="case-meetings__list">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <Link to={`/meetings/${encodeURIComponent(meeting.id)}`}>{meeting.title}</Link>
            <br />
            <span className="hint">
              {meeting.start && meeting.end
                ? time.timeRange(meeting.start, meeting.end)
                : t('meetings.statusShort.proposed')}{' '}
              ({t(`meetings.statusShort.${meeting.status}`)})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
