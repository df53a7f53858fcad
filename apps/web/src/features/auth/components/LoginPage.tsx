import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { PublicLayout } from '../../../shared/ui/PublicLayout';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { useSession } from '../hooks/useSession';
import { errorKind } from '../../../shared/lib/errors';

/** Where to go after login: the page that sent the user here, if it was inside the app. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login') return from;
  }
  return '/';
}

function loginErrorMessage(error: unknown, t: TFunction): string {
  // Our own wording in the user's language; the API's detail is English.
  const kind = errorKind(error);
  if (kind === 'invalidCredentials' || kind === 'unauthenticated') return t('login.invalidCredentials');
  if (kind === 'tooManyRequests') return t('login.tooManyAttempts');
  return t('login.failed');
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('login.title'));

  const target = returnPath(location.state);
  if (state.status === 'signedIn' && !submitting) return <Navigate to={target} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn({ email: email.trim(), password });
      await navigate(target, { replace: true });
    } catch (failure) {
      setError(loginErrorMessage(failure, t));
      setSubmitting(false);
    }
  }

  return (
    <PublicLayout narrow>
      <div className="card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <form className="form" onSubmit={(event) => void submit(event)} aria-busy={submitting}>
          <div className="field">
            <label htmlFor="login-email">{t('login.email')}</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </PublicLayout>
  );
}
