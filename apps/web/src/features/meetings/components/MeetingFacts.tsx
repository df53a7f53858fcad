import type { GuestMeeting, Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Facts, type Fact } from '@web/features/cases/components/Facts';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import './meetings.css';

/** Only web addresses become a video button: a stored `javascript:` URL must never be clickable. */
export function safeVideoUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The facts of a meeting (status, time or proposals, place and video) as staff and guests both see them;
 * `extra` adds what only one of them has (the case link, the guest's own answer).
 */
export function MeetingFacts({
  meeting,
  extra = [],
}: {
  meeting: Meeting | GuestMeeting;
  extra?: readonly (Fact | false)[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const videoUrl = safeVideoUrl(meeting.videoUrl);
  const showProposals = meeting.status === 'proposed' && meeting.proposals.length > 0;
  return (
    <div data-testid="meeting-facts">
      <Facts
        className="meeting-facts"
        facts={[
          {
            term: t('meetings.statusLabel'),
            detail: (
              <span className={`meeting-status meeting-status--${meeting.status}`}>
                {t(`meetings.status.${meeting.status}`)}
              </span>
            ),
          },
          {
            term: showProposals ? t('meetings.proposals') : t('meetings.time'),
            detail: showProposals ? (
              <ul className="meeting-proposals">
                {meeting.proposals.map((proposal) => (
                  <li key={proposal.start}>{format.timeRange(proposal.start, proposal.end)}</li>
                ))}
              </ul>
            ) : meeting.start && meeting.end ? (
              <span data-testid="meeting-time">{format.timeRange(meeting.start, meeting.end)}</span>
            ) : (
              t('meetings.noTime')
            ),
          },
          {
            term: t('meetings.place'),
            detail: (
              <>
                {meeting.location ?? (videoUrl ? null : t('meetings.noPlace'))}
                {videoUrl && (
                  <p className="meeting-video">
                    <a className="button" href={videoUrl} target="_blank" rel="noopener noreferrer">
                      {t('meetings.video')} <span className="visually-hidden">{t('meetings.videoNewWindow')}</span>
                    </a>
                  </p>
                )}
              </>
            ),
          },
          ...extra,
        ]}
      />
    </div>
  );
}
