import type { Meeting } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { HealthDataBody } from '@web/features/cases/components/HealthRecords';
import { useHealthData } from '@web/features/cases/hooks/useHealthData';

/**
 * The meeting page's "Helbred fra mødet": the statement and own assessment given through this meeting's links,
 * under the same health rule as the case page (the API leaves out what the user may not see, and says so).
 */
export function MeetingHealthStatements({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const health = useHealthData(meeting.caseId, meeting.id);
  // Only a meeting with a doctor or the citizen takes these; others show the section once something came.
  const asks = meeting.participants.some((p) => p.kind === 'doctor' || p.kind === 'citizen');
  const given = (health.records?.statements.length ?? 0) + (health.records?.assessments.length ?? 0) > 0;
  if (!asks && !given && !health.hidden && health.error === null) return null;

  return (
    <section className="card health-section" aria-labelledby="meeting-health-title" data-testid="meeting-health">
      <h2 id="meeting-health-title">{t('healthData.meetingTitle')}</h2>
      {health.hidden && <p className="note">{t('healthData.hidden')}</p>}
      <HealthDataBody health={health} meetings={[meeting]} />
    </section>
  );
}
