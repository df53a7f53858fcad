import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { PublicLayout } from '@web/shared/ui/PublicLayout';

/**
 * Public page behind a guest link (doctor, citizen, other guests): no login. The API has no guest
 * routes yet (the meetings issue brings them), so every link is answered as not valid.
 */
export function GuestMeetingPage() {
  const { t } = useTranslation();
  usePageTitle(t('guest.invalidTitle'));

  return (
    <PublicLayout narrow>
      <div className="card" data-testid="guest-invalid">
        <h1>{t('guest.invalidTitle')}</h1>
        <p>{t('guest.invalidText')}</p>
      </div>
    </PublicLayout>
  );
}
