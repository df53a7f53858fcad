import { LoginRequest, SsoError } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { PublicLayout } from '@web/shared/ui/PublicLayout';
import { FormField } from '@web/shared/forms/FormField';
import { FormElement, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { SSO_LOGIN_PATH, useAuthConfig } from '../hooks/useAuthConfig';
import { useSession } from '../hooks/useSession';
import { errorKind } from '@web/shared/lib/errors';
import { landingPath } from '@web/app/landing';

/** Where to go after login: the page that sent the user here, if it was inside the app (the start page is no page). */
function returnPath(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (
      typeof from === 'string' &&
      from.startsWith('/') &&
      !from.startsWith('//') &&
      from !== '/login' &&
      from !== '/'
    ) {
      return from;
    }
  }
  return null;
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
  const form = useContractForm<LoginRequest, typeof LoginRequest>({
    schema: LoginRequest,
    defaultValues: { email: '', password: '' },
    toRequest: ({ email, password }) => ({ email: email.trim(), password }),
  });
  const { isSubmitting } = form.formState;
  usePageTitle(t('login.title'));
  // Until it is known (or if it cannot be fetched), the password form is shown: the API refuses it when off.
  const config = useAuthConfig();
  const sso = config.data?.sso ?? false;
  const passwords = config.data?.localPasswords ?? true;
  // Why the municipality's login sent the browser back here (the API's redirect names it).
  const [params] = useSearchParams();
  const ssoError = SsoError.safeParse(params.get('sso')).data;

  const target = returnPath(location.state);
  if (state.status === 'signedIn' && !isSubmitting) return <Navigate to={target ?? landingPath(state.user)} replace />;

  const submit = form.submitWith(
    async (credentials) => {
      const user = await signIn(credentials);
      await navigate(target ?? landingPath(user), { replace: true });
    },
    { failed: t('login.failed'), describe: (failure) => loginErrorMessage(failure, t) },
  );

  return (
    <PublicLayout narrow>
      <div className="card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{passwords ? t('login.intro') : t('login.introSsoOnly')}</p>
        {ssoError && (
          <div role="alert" className="alert alert--error">
            <p>{ssoError === 'unknown-user' ? t('login.ssoUnknownUser') : t('login.ssoFailed')}</p>
          </div>
        )}
        {state.status === 'signedOut' && state.reason === 'access-ended' && (
          <div role="alert" className="alert alert--error">
            <p>{t('login.accessEnded')}</p>
          </div>
        )}
        {sso && (
          <p>
            {/* A full navigation: the identity provider's pages are not part of the app. */}
            <a className={`button${passwords ? '' : ' button--primary'}`} href={SSO_LOGIN_PATH}>
              {t('login.sso')}
            </a>
          </p>
        )}
        {sso && passwords && <p className="muted">{t('login.or')}</p>}
        {passwords && (
          <>
            <FormStatus control={form.control} />
            <FormElement control={form.control} onSubmit={submit} className="form">
              {/* Credentials are typed, not written: a character count would only be noise. */}
              <FormField form={form} name="email" label={t('login.email')} counter={false}>
                {(field) => <input type="email" autoComplete="username" inputMode="email" {...field} />}
              </FormField>
              <FormField form={form} name="password" label={t('login.password')} counter={false}>
                {(field) => <input type="password" autoComplete="current-password" {...field} />}
              </FormField>
              <SubmitButton control={form.control} pendingLabel={t('login.submitting')}>
                {t('login.submit')}
              </SubmitButton>
            </FormElement>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
