import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Facts } from '@web/features/cases/components/Facts';
import { meetingPath } from '@web/features/calendar/meeting-events';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { LoadProgress } from '@web/shared/ui/QueryLoad';
import { useInvitationOutbox } from '../hooks/useInvitationOutbox';
import { icsFileName } from '../invitation-mail';
import './invitations.css';

/** `/outbox/:mailId`: one kept mail as it would have arrived, its text and its calendar attachment. */
export function InvitationMailPage() {
  const { mailId = '' } = useParams<{ mailId: string }>();
  const { t } = useTranslation();
  const format = useFormatters();
  const outbox = useInvitationOutbox();
  const { data } = outbox;
  const mail = data?.items.find((item) => item.id === mailId);
  usePageTitle(mail?.subject ?? t('outbox.title'));
  const back = (
    <p>
      <Link to="/outbox">{t('outbox.back')}</Link>
    </p>
  );
  if (!mail) {
    return (
      <>
        <h1>{data ? t('outbox.notFound') : t('outbox.title')}</h1>
        {data === undefined && (
          <LoadProgress load={outbox} loading={t('outbox.loading')} failed={t('outbox.loadFailed')} />
        )}
        {back}
      </>
    );
  }
  const attachment = mail.ics === null ? null : icsFileName(mail.ics);
  return (
    <>
      <h1>{mail.subject}</h1>
      {back}
      <Facts
        className="facts"
        facts={[
          { term: t('outbox.to'), detail: mail.recipient },
          { term: t('outbox.time'), detail: format.dateTime(mail.createdAt) },
          {
            term: t('outbox.meeting'),
            detail: <Link to={meetingPath(mail.meetingId)}>{t('outbox.openMeeting')}</Link>,
          },
          {
            term: t('outbox.attachment'),
            detail:
              mail.ics === null || attachment === null ? (
                t('outbox.noAttachment')
              ) : (
                <a href={`data:text/calendar;charset=utf-8,${encodeURIComponent(mail.ics)}`} download={attachment}>
                  {attachment}
                </a>
              ),
          },
        ]}
      />
      <section className="card" aria-labelledby="outbox-mail-text">
        <h2 id="outbox-mail-text">{t('outbox.text')}</h2>
        <pre className="outbox-mail__text" data-testid="outbox-mail-text">
          {mail.text}
        </pre>
      </section>
    </>
  );
}
