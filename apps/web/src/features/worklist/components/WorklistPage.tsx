import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

/** Placeholder until the worklist issue: deadlines, follow-ups, meetings awaiting answers. */
export function WorklistPage() {
  const { t } = useTranslation();
  usePageTitle(t('worklist.title'));
  return (
    <>
      <h1>{t('worklist.title')}</h1>
      <p className="muted">{t('worklist.placeholder')}</p>
    </>
  );
}
