import { useTranslation } from 'react-i18next';

export const mainContentId = 'main-content';

/** First focusable element on every page: jumps past header and navigation (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${mainContentId}`}>
      {t('app.skipToContent')}
    </a>
  );
}
