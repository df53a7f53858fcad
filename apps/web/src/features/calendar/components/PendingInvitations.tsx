import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MyResponse } from '@web/features/meetings/components/MyResponse';
import { useFormatters } from '@web/shared/hooks/useFormatters';

/**
 * The calendar's invitations the user has not answered yet (in the weeks shown), each with "Jeg kommer" /
 * "Jeg kan ikke komme" right there, so a colleague's invitation need not be opened to be answered.
 */
export function PendingInvitations({ meetings }: { meetings: readonly Meeting[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const pending = meetings.filter(
    (m) =>
      (m.status === 'proposed' || m.status === 'scheduled') &&
      m.participants.some((p) => p.id === m.myParticipantId && p.response === 'pending'),
  );
  if (pending.length === 0) return null;
  return (
    <section className="card pending-invitations" aria-labelledby="pending-invitations-title">
      <h2 id="pending-invitations-title">{t('pages.meeting.invitations')}</h2>
      <ul data-testid="pending-invitations">
        {pending.map((m) => {
          const when =
            m.start && m.end
              ? format.slot(m.start, m.end)
              : m.proposals[0]
                ? format.slot(m.proposals[0].start, m.proposals[0].end)
                : t('meetings.noTime');
          return (
            <li key={m.id}>
              <Link to={`/meetings/${encodeURIComponent(m.id)}`}>
                {t('pages.meeting.invitationFor', { title: m.title, when })}
              </Link>
              <MyResponse meeting={m} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
