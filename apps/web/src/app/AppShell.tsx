import { Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/useSession';
import { useInvitationOutbox } from '../features/invitations/hooks/useInvitationOutbox';
import { useFormatters } from '../shared/hooks/useFormatters';
import { LanguageSwitch } from '../shared/i18n/LanguageSwitch';
import { PageFrame } from '../shared/ui/PageFrame';
import { PageLoading } from './PageLoading';

interface NavItem {
  to: string;
  key: `nav.${'calendar' | 'cases' | 'worklist' | 'admin' | 'dashboard' | 'queue' | 'outcomes' | 'settings' | 'outbox'}`;
  end?: boolean;
}

/** Calendar, cases and worklist are case work: an administrator without a working role has none of it. */
const caseWorkItems: readonly NavItem[] = [
  { to: '/', key: 'nav.calendar', end: true },
  { to: '/cases', key: 'nav.cases' },
  { to: '/worklist', key: 'nav.worklist' },
];
const adminItems: readonly NavItem[] = [{ to: '/admin', key: 'nav.admin' }];
const managerItems: readonly NavItem[] = [
  { to: '/dashboard', key: 'nav.dashboard' },
  { to: '/queue', key: 'nav.queue' },
  { to: '/outcomes', key: 'nav.outcomes' },
  { to: '/settings', key: 'nav.settings' },
];
// "Udbakke" only while mails are kept instead of sent (no mail server set up: a demo).
const outboxItems: readonly NavItem[] = [{ to: '/outbox', key: 'nav.outbox' }];

/** Frame for signed-in staff: product, navigation, who is signed in, language, log out. */
export function AppShell() {
  const { t } = useTranslation();
  const { state, signOut, passwordNotice, dismissPasswordNotice } = useSession();
  const format = useFormatters();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const outboxActive = useInvitationOutbox().data?.active === true;

  if (state.status !== 'signedIn') return null;
  const { user } = state;
  const roleNames = user.roles.map((role) => t(`roles.${role}`)).join(', ');
  const doesCaseWork = user.roles.some((role) => role !== 'admin');
  const navItems = [
    ...(doesCaseWork ? caseWorkItems : []),
    ...(user.roles.includes('admin') ? adminItems : []),
    ...(user.roles.includes('manager') ? managerItems : []),
    ...(outboxActive ? outboxItems : []),
  ];

  async function logOut() {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      await navigate('/login', { replace: true });
    }
  }

  return (
    <PageFrame
      header={
        <>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="user-bar">
            <p className="user" data-testid="current-user">
              <span className="visually-hidden">{t('session.signedInAs')} </span>
              <span className="user__name">{user.name}</span>
              <span className="user__role">
                {roleNames} · {t(`disciplines.${user.discipline}`)}
              </span>
            </p>
            <LanguageSwitch />
            <Link to="/sessions" className="button button--quiet">
              {t('session.mySessions')}
            </Link>
            <button type="button" className="button button--quiet" onClick={() => void logOut()} disabled={leaving}>
              {leaving ? t('session.loggingOut') : t('session.logout')}
            </button>
          </div>
        </>
      }
    >
      {passwordNotice && (
        <div role="status" className="alert" data-testid="password-notice">
          <p>
            {t('session.passwordNotice', { name: passwordNotice.byName, when: format.dateTime(passwordNotice.at) })}{' '}
            {t('session.passwordNoticeHint')}
          </p>
          <button type="button" className="button button--small" onClick={dismissPasswordNotice}>
            {t('session.passwordNoticeOk')}
          </button>
        </div>
      )}
      <Suspense fallback={<PageLoading framed={false} />}>
        <Outlet />
      </Suspense>
    </PageFrame>
  );
}
