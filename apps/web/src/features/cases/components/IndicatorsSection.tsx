import { indicatorKeys } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';

import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useIndicators } from '../hooks/useIndicators';
import { HealthHiddenNote } from './HealthHiddenNote';
import { IndicatorChart } from './IndicatorChart';
import { ScoreForm } from './ScoreForm';

/**
 * Progress toward work or education: each indicator as scored by the citizen and by the caseworker.
 * health_mastery is health data: where the API leaves it out, or the user may not see it, it is neither
 * shown as an empty chart nor offered for scoring, and a note says why.
 */
export function IndicatorsSection({
  caseId,
  healthVisible,
  onHealthRefused,
}: {
  caseId: string;
  /** Whether the user may see health data (undefined: not known yet). */
  healthVisible: boolean | undefined;
  onHealthRefused: () => void;
}) {
  const { t } = useTranslation();
  const { data: indicators, error, refetch } = useIndicators(caseId);
  const trends = indicators?.items;
  const healthHidden = indicators?.healthHidden === true || healthVisible === false;
  const keys = indicatorKeys.filter((key) => !(healthHidden && key === 'health_mastery'));

  return (
    <section className="card" aria-labelledby="indicators-title" data-testid="indicators">
      <h2 id="indicators-title">{t('indicators.title')}</h2>
      <p className="muted">{t('indicators.intro')}</p>
      {healthHidden && <HealthHiddenNote testId="indicators-health-hidden" text={t('indicators.healthHidden')} />}
      <LoadError error={error} fallback={t('indicators.loadFailed')} onRetry={() => void refetch()} />
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
            {keys.map((key) => {
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
      <ScoreForm caseId={caseId} keys={keys} onHealthRefused={onHealthRefused} />
    </section>
  );
}
