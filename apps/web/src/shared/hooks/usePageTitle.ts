import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab's title as "<page> – Tværs" (WCAG 2.4.2: pages have titles). */
export function usePageTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} – ${product}` : product;
  }, [page, product]);
}
