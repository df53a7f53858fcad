import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { isNotFound } from '@web/shared/lib/errors';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useMeeting } from '../hooks/useMeeting';
import { CancelMeeting } from './CancelMeeting';
import { GuestLinkControls } from './GuestLinkControls';
import { MeetingOutcome } from './MeetingOutcome';
import { MoveMeeting } from './MoveMeeting';
import { useMeetingTime } from '../meeting-time';
import './meetings.css';

/** `/meetings/:meetingId`: one roundtable meeting, as the calendar links to it. */
export function MeetingPage() {
  const { meetingId = '' } = useParams<{ meetingId: string }>();
  return <MeetingView key={meetingId} meetingId={meetingId} />;
}

function MeetingView({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { data: meeting, error, refetch } = useMeeting(meetingId);
  usePageTitle(meeting?.title ?? (isNotFound(error) ? t('meetings.notFoundTitle') : t('meetings.title')));

  if (meeting) return <MeetingDetails meeting={meeting} />;
  if (isNotFound(error)) {
    return (
      <>
        <h1>{t('meetings.notFoundTitle')}</h1>
        <p>{t('meetings.notFoundText')}</p>
        <BackToCalendar />
      </>
    );
  }
  return (
    <>
      <h1>{t('meetings.title')}</h1>
      {error === null ? (
        <LoadingStatus>{t('meetings.loading')}</LoadingStatus>
      ) : (
        <LoadError error={error} fallback={t('meetings.loadFailed')} onRetry={() => void refetch()} />
      )}
    </>
  );
}

function BackToCalendar() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/">{t('meetings.backToCalendar')}</Link>
    </p>
  );
}

/** Only web addresses become a video button: a stored `javascript:` URL must never be clickable. */
function safeVideoUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const time = useMeetingTime();
  const videoUrl = safeVideoUrl(meeting.videoUrl);
  const showProposals = meeting.status === 'proposed' && meeting.proposals.length > 0;

  return (
    <>
      <h1>{meeting.title}</h1>
      <dl className="meeting-facts" data-testid="meeting-facts">
        <div>
          <dt>{t('meetings.statusLabel')}</dt>
          <dd>
            <span className={`meeting-status meeting-status--${meeting.status}`}>
              {t(`meetings.status.${meeting.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{showProposals ? t('meetings.proposals') : t('meetings.time')}</dt>
          <dd>
            {showProposals ? (
              <ul className="meeting-proposals">
                {meeting.proposals.map((proposal) => (
                  <li key={proposal.start}>{time.range(proposal.start, proposal.end)}</li>
                ))}
              </ul>
            ) : meeting.start && meeting.end ? (
              time.range(meeting.start, meeting.end)
            ) : (
              t('meetings.noTime')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('meetings.place')}</dt>
          <dd>
            {meeting.location ?? (videoUrl ? null : t('meetings.noPlace'))}
            {videoUrl && (
              <p className="meeting-video">
                <a className="button" href={videoUrl} target="_blank" rel="noopener noreferrer">
                  {t('meetings.video')} <span className="visually-hidden">{t('meetings.videoNewWindow')}</span>
                </a>
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('meetings.caseLabel')}</dt>
          <dd>
            <Link to={`/cases/${encodeURIComponent(meeting.caseId)}`}>{t('meetings.openCase')}</Link>
          </dd>
        </div>
      </dl>

      <section className="card meeting-participants" aria-labelledby="meeting-participants-title">
        <h2 id="meeting-participants-title">{t('meetings.participants')}</h2>
        {meeting.participants.length === 0 ? (
          <p>{t('meetings.noParticipants')}</p>
        ) : (
          <ul data-testid="meeting-participants">
            {meeting.participants.map((participant) => (
              <li key={participant.id}>
                <span className="meeting-participants__name">{participant.name}</span>
                <span className="meeting-participants__kind">
                  {' '}
                  ({t(`meetings.participantKinds.${participant.kind}`)})
                </span>
                <span className="meeting-participants__response">
                  : {t(`meetings.responses.${participant.response}`)}
                </span>
                {participant.kind !== 'staff' && <GuestLinkControls meetingId={meeting.id} participant={participant} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <MeetingOutcome meeting={meeting} />
      <div className="button-row">
        <MoveMeeting meeting={meeting} />
        <CancelMeeting meeting={meeting} />
      </div>
      <BackToCalendar />
    </>
  );
}
