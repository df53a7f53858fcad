import type { TimeRange } from '@tvaers/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { GuestMeetingView } from '../../../api/guest-api';
import { currentLanguage } from '../../../shared/i18n/i18n';
import type { Language } from '../../../shared/i18n/i18n';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { PublicLayout } from '../../../shared/ui/PublicLayout';
import { ErrorAlert, LoadingStatus } from '../../../shared/ui/StatusMessage';
import { useGuestMeeting } from '../hooks/useGuestMeeting';

const timeZone = 'Europe/Copenhagen';
const intlLocale: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

function useTimeRangeFormatter(language: Language): (range: TimeRange) => string {
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocale[language], {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    return (range) => format.formatRange(new Date(range.start), new Date(range.end));
  }, [language]);
}

function MeetingDetails({ view, language }: { view: GuestMeetingView; language: Language }) {
  const { t } = useTranslation();
  const formatRange = useTimeRangeFormatter(language);
  const { meeting, guest } = view;
  const scheduled = meeting.start && meeting.end ? { start: meeting.start, end: meeting.end } : null;

  return (
    <article className="card" aria-labelledby="guest-meeting-title">
      <p className="muted">{t('guest.greeting', { name: guest.name })}</p>
      <h1 id="guest-meeting-title" data-testid="guest-meeting-title">
        {meeting.title}
      </h1>
      <dl className="details">
        <div>
          <dt>{t('guest.status')}</dt>
          <dd>{t(`guest.statuses.${meeting.status}`)}</dd>
        </div>
        <div>
          <dt>{scheduled || meeting.proposals.length === 0 ? t('guest.time') : t('guest.proposedTimes')}</dt>
          <dd>
            {scheduled ? (
              <time dateTime={scheduled.start} data-testid="guest-meeting-time">
                {formatRange(scheduled)}
              </time>
            ) : meeting.proposals.length > 0 ? (
              <ul className="plain-list">
                {meeting.proposals.map((proposal) => (
                  <li key={proposal.start}>
                    <time dateTime={proposal.start}>{formatRange(proposal)}</time>
                  </li>
                ))}
              </ul>
            ) : (
              t('guest.noTimeYet')
            )}
          </dd>
        </div>
        {meeting.location && (
          <div>
            <dt>{t('guest.location')}</dt>
            <dd>{meeting.location}</dd>
          </div>
        )}
        {meeting.videoUrl && (
          <div>
            <dt>{t('guest.video')}</dt>
            <dd>
              <a href={meeting.videoUrl} target="_blank" rel="noopener noreferrer">
                {t('guest.joinVideo')}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

/** Public page behind a guest link (doctor, citizen, other guests): no login. */
export function GuestMeetingPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  const { token } = useParams<{ token: string }>();
  const { state, retry } = useGuestMeeting(token);
  usePageTitle(
    state.status === 'ready'
      ? state.view.meeting.title
      : state.status === 'invalid'
        ? t('guest.invalidTitle')
        : t('guest.pageTitle'),
  );

  return (
    <PublicLayout narrow>
      {state.status === 'loading' && (
        <>
          <h1>{t('guest.pageTitle')}</h1>
          <LoadingStatus>{t('guest.loading')}</LoadingStatus>
        </>
      )}
      {state.status === 'ready' && <MeetingDetails view={state.view} language={language} />}
      {state.status === 'invalid' && (
        <div className="card" data-testid="guest-invalid">
          <h1>{t('guest.invalidTitle')}</h1>
          <p>{t('guest.invalidText')}</p>
        </div>
      )}
      {state.status === 'failed' && (
        <>
          <h1>{t('guest.pageTitle')}</h1>
          <ErrorAlert
            action={
              <button type="button" className="button" onClick={retry}>
                {t('guest.retry')}
              </button>
            }
          >
            {t('guest.loadFailed')}
          </ErrorAlert>
        </>
      )}
    </PublicLayout>
  );
}
