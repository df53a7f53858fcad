import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

/** Placeholder until the cases issue: the caseworker's own cases. */
export function MyCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.title'));
  return (
    <>
      <h1>{t('cases.title')}</h1>
      <p className="muted">{t('cases.placeholder')}</p>
    </>
  );
}
