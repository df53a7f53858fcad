import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StaffSession } from '@tvaers/contracts';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { describeError } from '@web/shared/lib/errors';
import { DataTable } from '@web/shared/ui/DataTable';
import { QueryLoad } from '@web/shared/ui/QueryLoad';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { useEndMySession, useLogoutEverywhere, useMySessions } from '../hooks/useMySessions';
import { useSession } from '../hooks/useSession';

/** `/sessions`: where I am logged in (browser, system, since, last used); end one, or log out everywhere. */
export function MySessionsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const { signOut } = useSession();
  const sessions = useMySessions();
  const end = useEndMySession();
  const everywhere = useLogoutEverywhere();
  const [failed, setFailed] = useState<unknown>(null);
  usePageTitle(t('mySessions.title'));

  const device = (s: StaffSession) =>
    [s.browser ?? t('mySessions.unknownBrowser'), s.system ?? t('mySessions.unknownSystem')].join(', ');

  async function logOutEverywhere() {
    setFailed(null);
    try {
      await everywhere.mutateAsync();
    } catch (err) {
      setFailed(err);
      return;
    }
    // This session ended too: the browser forgets the user.
    await signOut();
    await navigate('/login', { replace: true });
  }

  return (
    <>
      <h1>{t('mySessions.title')}</h1>
      <p>{t('mySessions.intro')}</p>
      <QueryLoad load={sessions} loading={t('mySessions.loading')} failed={t('mySessions.loadFailed')}>
        {(data) => (
          <DataTable
            caption={t('mySessions.caption')}
            columns={[
              { label: t('mySessions.device') },
              { label: t('mySessions.createdAt') },
              { label: t('mySessions.lastSeenAt') },
              { label: t('mySessions.actions') },
            ]}
            rows={data.items}
            busy={sessions.isFetching}
            testId="my-sessions"
            empty={t('mySessions.empty')}
            renderRow={(s) => (
              <tr key={s.id}>
                <td>
                  {device(s)}
                  {s.current && <strong> ({t('mySessions.current')})</strong>}
                </td>
                <td>{format.dateTime(s.createdAt)}</td>
                <td>{format.dateTime(s.lastSeenAt)}</td>
                <td>
                  {!s.current && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={end.isPending}
                      onClick={() => end.mutate(s.id, { onError: setFailed, onSuccess: () => setFailed(null) })}
                    >
                      {t('mySessions.end')}
                      <span className="visually-hidden"> ({device(s)})</span>
                    </button>
                  )}
                </td>
              </tr>
            )}
          />
        )}
      </QueryLoad>
      {failed !== null && <ErrorAlert>{describeError(failed, t, t('mySessions.failed'))}</ErrorAlert>}
      <p>
        <button
          type="button"
          className="button"
          disabled={everywhere.isPending}
          onClick={() => void logOutEverywhere()}
        >
          {t('mySessions.logoutEverywhere')}
        </button>
      </p>
    </>
  );
}
