import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../shared/ui/PublicLayout';
import { LoadingStatus } from '../shared/ui/StatusMessage';

/** While a page's chunk is fetched: "Henter siden…" as a polite status, inside the frame it will fill. */
export function PageLoading({ framed = true }: { framed?: boolean }) {
  const { t } = useTranslation();
  const status = <LoadingStatus>{t('app.loadingPage')}</LoadingStatus>;
  if (!framed) return status;
  return (
    <PublicLayout>
      <h1 className="visually-hidden">{t('app.name')}</h1>
      {status}
    </PublicLayout>
  );
}
