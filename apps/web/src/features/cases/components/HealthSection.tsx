import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseMeetings } from '@web/features/meetings/hooks/useCaseMeetings';
import { useHealthDataRealtime } from '../hooks/useHealthDataRealtime';
import { useHealthData } from '../hooks/useHealthData';
import { HealthHiddenNote } from './HealthHiddenNote';
import { HealthDataBody } from './HealthRecords';

/**
 * The case page's "Helbred": the doctors' health statements and the citizen's own assessments. The API applies
 * the health rule (health staff; others under the citizen's health_in_unit consent); where it left something
 * out, the section says so and why, and offers nothing of it.
 */
export function HealthSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const health = useHealthData(caseId);
  const { data: meetings } = useCaseMeetings(caseId);
  useHealthDataRealtime(caseId);

  return (
    <section className="card health-section" aria-labelledby="health-title" data-testid="health-section">
      <div className="section-heading">
        <h2 id="health-title">{t('healthData.title')}</h2>
        <Link className="button no-print" to={`/cases/${encodeURIComponent(caseId)}/health/print`}>
          {t('healthData.printLink')}
        </Link>
      </div>
      <p className="muted">{t('healthData.intro')}</p>
      {health.hidden && <HealthHiddenNote testId="health-data-hidden" text={t('healthData.hidden')} />}
      <HealthDataBody health={health} meetings={meetings} />
    </section>
  );
}
