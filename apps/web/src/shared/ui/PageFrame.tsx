import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink, mainContentId } from './SkipLink';

/**
 * Every page's frame: skip link, the header with the product's name and `header` (navigation,
 * language, who is signed in), and the main landmark the skip link leads to.
 */
export function PageFrame({
  header,
  narrow = false,
  children,
}: {
  header: ReactNode;
  narrow?: boolean;
  children: ReactNode;
}) {
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
          {header}
        </div>
      </header>
      <main id={mainContentId} tabIndex={-1} className={narrow ? 'page page--narrow' : 'page'}>
        {children}
      </main>
    </div>
  );
}
