import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { HealthRecords } from '@web/features/cases/components/HealthRecords';
import { useHealthStatements } from '@web/features/cases/hooks/useHealthStatements';
import { useOwnAssessments } from '@web/features/cases/hooks/useOwnAssessments';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';

/**
 * The meeting page's "Helbred fra mødet": the statement and own assessment given through this meeting's links,
 * under the same health rule as the case page (the API leaves out what the user may not see, and says so).
 */
export function MeetingHealthStatements({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const statements = useHealthStatements(meeting.caseId, meeting.id);
  const assessments = useOwnAssessments(meeting.caseId, meeting.id);
  const hidden = statements.data?.healthHidden === true || assessments.data?.healthHidden === true;
  const error = statements.error ?? assessments.error;
  // Only a meeting with a doctor or the citizen takes these; others show the section once something came.
  const asks = meeting.participants.some((p) => p.kind === 'doctor' || p.kind === 'citizen');
  const given = (statements.data?.items.length ?? 0) + (assessments.data?.items.length ?? 0) > 0;
  if (!asks && !given && !hidden && error === null) return null;

  return (
    <section className="card health-section" aria-labelledby="meeting-health-title" data-testid="meeting-health">
      <h2 id="meeting-health-title">{t('healthData.meetingTitle')}</h2>
      {hidden && <p className="note">{t('healthData.hidden')}</p>}
      <LoadError
        error={error}
        fallback={t('healthData.loadFailed')}
        onRetry={() => void Promise.all([statements.refetch(), assessments.refetch()])}
      />
      {statements.data && assessments.data ? (
        <HealthRecords
          statements={statements.data.items}
          assessments={assessments.data.items}
          meetings={[meeting]}
          level={3}
        />
      ) : (
        error === null && <LoadingStatus>{t('healthData.loading')}</LoadingStatus>
      )}
    </section>
  );
}
