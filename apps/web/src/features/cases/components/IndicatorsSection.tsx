import { indicatorKeys } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';

import { LoadingStatus, LoadError } from '../../../shared/ui/StatusMessage';
import { useIndicators } from '../hooks/useIndicators';
import { IndicatorChart } from './IndicatorChart';
import { ScoreForm } from './ScoreForm';

/** Progress toward work or education: each indicator as scored by the citizen and by the caseworker. */
export function IndicatorsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { data: trends, error, reload } = useIndicators(caseId);

  return (
    <section className="card" aria-labelledby="indicators-title" data-testid="indicators">
      <h2 id="indicators-title">{t('indicators.title')}</h2>
      <p className="muted">{t('indicators.intro')}</p>
      <LoadError error={error} fallback={t('indicators.loadFailed')} onRetry={reload} />
      {!trends && error === null && <LoadingStatus>{t('indicators.loading')}</LoadingStatus>}
      {trends && (
        <>
          <ul className="chart-legend" aria-label={t('indicators.legendLabel')}>
            <li>
              <svg width="36" height="12" aria-hidden="true" focusable="false">
                <line x1="2" y1="6" x2="34" y2="6" className="chart__line chart__line--citizen" />
                <circle cx="18" cy="6" r="3.5" className="chart__point chart__point--citizen" />
              </svg>
              {t('indicators.legendCitizen')}
            </li>
            <li>
              <svg width="36" height="12" aria-hidden="true" focusable="false">
                <line x1="2" y1="6" x2="34" y2="6" className="chart__line chart__line--caseworker" />
                <rect x="14.5" y="2.5" width="7" height="7" className="chart__point chart__point--caseworker" />
              </svg>
              {t('indicators.legendCaseworker')}
            </li>
          </ul>
          <div className="indicator-grid">
            {indicatorKeys.map((key) => {
              const trend = trends.find((item) => item.key === key);
              return (
                <IndicatorChart
                  key={key}
                  indicatorKey={key}
                  citizen={trend?.citizen ?? []}
                  caseworker={trend?.caseworker ?? []}
                  trend={trend?.trend ?? 'unknown'}
                />
              );
            })}
          </div>
        </>
      )}
      <ScoreForm caseId={caseId} onSaved={reload} />
    </section>
  );
}
