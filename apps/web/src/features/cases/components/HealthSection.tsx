import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseMeetings } from '@web/features/meetings/hooks/useCaseMeetings';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useHealthDataRealtime } from '../hooks/useHealthDataRealtime';
import { useHealthStatements } from '../hooks/useHealthStatements';
import { useOwnAssessments } from '../hooks/useOwnAssessments';
import { HealthHiddenNote } from './HealthHiddenNote';
import { HealthRecords } from './HealthRecords';

/**
 * The case page's "Helbred": the doctors' health statements and the citizen's own assessments. The API applies
 * the health rule (health staff; others under the citizen's health_in_unit consent); where it left something
 * out, the section says so and why, and offers nothing of it.
 */
export function HealthSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const statements = useHealthStatements(caseId);
  const assessments = useOwnAssessments(caseId);
  const { data: meetings } = useCaseMeetings(caseId);
  useHealthDataRealtime(caseId);
  const hidden = statements.data?.healthHidden === true || assessments.data?.healthHidden === true;
  const error = statements.error ?? assessments.error;

  return (
    <section className="card health-section" aria-labelledby="health-title" data-testid="health-section">
      <div className="section-heading">
        <h2 id="health-title">{t('healthData.title')}</h2>
        <Link className="button no-print" to={`/cases/${encodeURIComponent(caseId)}/health/print`}>
          {t('healthData.printLink')}
        </Link>
      </div>
      <p className="muted">{t('healthData.intro')}</p>
      {hidden && <HealthHiddenNote testId="health-data-hidden" text={t('healthData.hidden')} />}
      <LoadError
        error={error}
        fallback={t('healthData.loadFailed')}
        onRetry={() => void Promise.all([statements.refetch(), assessments.refetch()])}
      />
      {statements.data && assessments.data ? (
        <HealthRecords
          statements={statements.data.items}
          assessments={assessments.data.items}
          meetings={meetings}
          level={3}
        />
      ) : (
        error === null && <LoadingStatus>{t('healthData.loading')}</LoadingStatus>
      )}
    </section>
  );
}
