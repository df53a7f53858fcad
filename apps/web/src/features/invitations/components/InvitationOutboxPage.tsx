import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingPath } from '@web/features/calendar/meeting-events';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { DataTable } from '@web/shared/ui/DataTable';
import { QueryLoad } from '@web/shared/ui/QueryLoad';
import { useInvitationOutbox } from '../hooks/useInvitationOutbox';
import { mailPath } from '../invitation-mail';

/** `/outbox`: the demo outbox, the mails to the user that Tværs kept because no mail server is set up. */
export function InvitationOutboxPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const outbox = useInvitationOutbox();
  usePageTitle(t('outbox.title'));
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <QueryLoad load={outbox} loading={t('outbox.loading')} failed={t('outbox.loadFailed')}>
        {(data) => (
          <>
            <p>{data.active ? t('outbox.intro') : t('outbox.inactive')}</p>
            <DataTable
              caption={t('outbox.caption')}
              columns={[
                { label: t('outbox.subject') },
                { label: t('outbox.to') },
                { label: t('outbox.time') },
                { label: t('outbox.meeting') },
              ]}
              rows={data.items}
              busy={outbox.isFetching}
              testId="outbox"
              empty={t('outbox.empty')}
              renderRow={(mail) => (
                <tr key={mail.id}>
                  <td>
                    <Link to={mailPath(mail.id)}>{mail.subject}</Link>
                  </td>
                  <td>{mail.recipient}</td>
                  <td>{format.dateTime(mail.createdAt)}</td>
                  <td>
                    <Link to={meetingPath(mail.meetingId)}>
                      {t('outbox.openMeeting')}
                      <span className="visually-hidden"> ({mail.subject})</span>
                    </Link>
                  </td>
                </tr>
              )}
            />
          </>
        )}
      </QueryLoad>
    </>
  );
}
