import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/useSession';
import { PublicLayout } from '../shared/ui/PublicLayout';
import { LoadingStatus } from '../shared/ui/StatusMessage';

/** Protected routes: wait for the session check, send visitors without a session to /login. */
export function RequireSession() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  const location = useLocation();

  switch (state.status) {
    case 'signedIn':
      return <Outlet />;
    case 'signedOut':
      return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
    case 'loading':
      return (
        <PublicLayout>
          <h1 className="visually-hidden">{t('app.name')}</h1>
          <LoadingStatus>{t('app.loading')}</LoadingStatus>
        </PublicLayout>
      );
    case 'unavailable':
      return (
        <PublicLayout narrow>
          <h1>{t('session.unavailableTitle')}</h1>
          <div role="alert" className="alert alert--error">
            <p>{t('session.unavailableText')}</p>
          </div>
          <button type="button" className="button" onClick={refresh}>
            {t('session.retry')}
          </button>
        </PublicLayout>
      );
  }
}
