import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { SkipLink, mainContentId } from './SkipLink';

/** Frame for pages without a staff session: login, guest links, errors. */
export function PublicLayout({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="layout">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <p className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </p>
          <LanguageSwitch />
        </div>
      </header>
      <main id={mainContentId} tabIndex={-1} className={narrow ? 'page page--narrow' : 'page'}>
        {children}
      </main>
    </div>
  );
}
