import type { HealthStatement, Meeting, OwnAssessment } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import type { HealthData } from '../hooks/useHealthData';

type Level = 2 | 3;
const Heading = ({ level, id, children }: { level: 2 | 3 | 4; id?: string; children: React.ReactNode }) => {
  const Tag = `h${level}` as const;
  return <Tag id={id}>{children}</Tag>;
};

/**
 * What guests gave, as staff read it (case page, meeting page, printout): the doctor's statements and the
 * citizen's own assessments, newest first as the API answers them. Each one is kept whole on a printed
 * page; links are for the screen only.
 */
export function HealthRecords({
  statements,
  assessments,
  meetings,
  level,
}: {
  statements: HealthStatement[];
  assessments: OwnAssessment[];
  /** The case's meetings, to name the one a statement was given for (where known). */
  meetings?: readonly Meeting[];
  /** The heading level of the two lists; each item's heading is one below. */
  level: Level;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={level}>{t('healthData.statementsTitle')}</Heading>
      {statements.length === 0 ? (
        <p>{t('healthData.noStatements')}</p>
      ) : (
        <ul className="health-records" data-testid="health-statements">
          {statements.map((statement) => (
            <li key={statement.id}>
              <StatementCard statement={statement} meetings={meetings} level={level} />
            </li>
          ))}
        </ul>
      )}
      <Heading level={level}>{t('healthData.assessmentsTitle')}</Heading>
      {assessments.length === 0 ? (
        <p>{t('healthData.noAssessments')}</p>
      ) : (
        <ul className="health-records" data-testid="own-assessments">
          {assessments.map((assessment) => (
            <li key={assessment.id}>
              <AssessmentCard assessment={assessment} meetings={meetings} level={level} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MeetingOf({ meetingId, meetings }: { meetingId: string | null; meetings?: readonly Meeting[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!meetingId) return <>{t('healthData.noMeeting')}</>;
  const meeting = meetings?.find((m) => m.id === meetingId);
  const name = meeting
    ? meeting.start
      ? t('healthData.meetingAt', { title: meeting.title, date: format.dayOf(meeting.start) })
      : meeting.title
    : t('healthData.meetingUnknown');
  return (
    <>
      {name}{' '}
      <Link className="no-print" to={`/meetings/${encodeURIComponent(meetingId)}`}>
        {t('healthData.openMeeting')}
      </Link>
    </>
  );
}

function StatementCard({
  statement,
  meetings,
  level,
}: {
  statement: HealthStatement;
  meetings?: readonly Meeting[];
  level: Level;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <article className="health-record" data-testid="health-statement">
      <Heading level={(level + 1) as 3 | 4}>{t('healthData.statementHeading', { name: statement.doctorName })}</Heading>
      <dl className="health-record__facts">
        <div>
          <dt>{t('healthData.received')}</dt>
          <dd>
            <time dateTime={statement.createdAt}>{format.dateTime(statement.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('healthData.meeting')}</dt>
          <dd>
            <MeetingOf meetingId={statement.meetingId} meetings={meetings} />
          </dd>
        </div>
        <div>
          <dt>{t('healthData.workCapacity')}</dt>
          <dd data-testid="work-capacity">{t(`healthData.capacities.${statement.workCapacity}`)}</dd>
        </div>
        <div className="health-record__text">
          <dt>{t('healthData.assessment')}</dt>
          <dd className="prewrap">{statement.assessment}</dd>
        </div>
        <div className="health-record__text">
          <dt>{t('healthData.recommendations')}</dt>
          <dd className="prewrap">{statement.recommendations}</dd>
        </div>
        <div className="health-record__text">
          <dt>{t('healthData.restrictions')}</dt>
          <dd className="prewrap">{statement.restrictions || t('healthData.noRestrictions')}</dd>
        </div>
      </dl>
    </article>
  );
}

function AssessmentCard({
  assessment,
  meetings,
  level,
}: {
  assessment: OwnAssessment;
  meetings?: readonly Meeting[];
  level: Level;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <article className="health-record" data-testid="own-assessment">
      <Heading level={(level + 1) as 3 | 4}>
        {t('healthData.assessmentHeading', { date: format.dayOf(assessment.createdAt) })}
      </Heading>
      <dl className="health-record__facts">
        <div>
          <dt>{t('healthData.received')}</dt>
          <dd>
            <time dateTime={assessment.createdAt}>{format.dateTime(assessment.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('healthData.meeting')}</dt>
          <dd>
            <MeetingOf meetingId={assessment.meetingId} meetings={meetings} />
          </dd>
        </div>
        <div>
          <dt>{t('healthData.wellbeing')}</dt>
          <dd>
            {assessment.wellbeing === null
              ? t('healthData.noWellbeing')
              : t('healthData.wellbeingOf', { score: assessment.wellbeing })}
          </dd>
        </div>
        <div className="health-record__text">
          <dt>{t('healthData.ownText')}</dt>
          <dd className="prewrap">{assessment.text}</dd>
        </div>
      </dl>
    </article>
  );
}

/** A section's body: the records once loaded, meanwhile a loading line, and a failure with "try again". */
export function HealthDataBody({ health, meetings }: { health: HealthData; meetings?: readonly Meeting[] }) {
  const { t } = useTranslation();
  return (
    <>
      <LoadError error={health.error} fallback={t('healthData.loadFailed')} onRetry={health.refetch} />
      {health.records ? (
        <HealthRecords {...health.records} meetings={meetings} level={3} />
      ) : (
        health.error === null && <LoadingStatus>{t('healthData.loading')}</LoadingStatus>
      )}
    </>
  );
}
