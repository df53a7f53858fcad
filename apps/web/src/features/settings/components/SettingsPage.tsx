import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useBenefitWeights } from '../hooks/useBenefitWeights';
import { BenefitWeightsForm } from './BenefitWeightsForm';
import './settings.css';

/** "Indstillinger": a manager's settings for the whole unit; now the default weight of new cases per benefit. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const titleId = useId();
  const { data, error, isPending, refetch } = useBenefitWeights();
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      <section aria-labelledby={titleId} className="settings-section">
        <h2 id={titleId}>{t('settings.benefitWeights.title')}</h2>
        <p>{t('settings.benefitWeights.explain')}</p>
        {isPending && <LoadingStatus>{t('settings.benefitWeights.loading')}</LoadingStatus>}
        <LoadError error={error} fallback={t('settings.benefitWeights.loadFailed')} onRetry={() => void refetch()} />
        {data && <BenefitWeightsForm weights={data.items} />}
      </section>
    </>
  );
}
