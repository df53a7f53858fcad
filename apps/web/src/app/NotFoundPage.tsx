import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { PublicLayout } from '../shared/ui/PublicLayout';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <PublicLayout narrow>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </PublicLayout>
  );
}
