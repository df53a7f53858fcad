import type { HealthStatement, Meeting, OwnAssessment } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import type { HealthData } from '../hooks/useHealthData';

type Level = 2 | 3;
/** Where a record card stands: the case's meetings (to name the record's) and the lists' heading level. */
interface CardPlace {
  meetings?: readonly Meeting[];
  level: Level;
}
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
      <RecordList
        title={t('healthData.statementsTitle')}
        empty={t('healthData.noStatements')}
        testId="health-statements"
        level={level}
        records={statements}
        render={(statement) => <StatementCard statement={statement} meetings={meetings} level={level} />}
      />
      <RecordList
        title={t('healthData.assessmentsTitle')}
        empty={t('healthData.noAssessments')}
        testId="own-assessments"
        level={level}
        records={assessments}
        render={(assessment) => <AssessmentCard assessment={assessment} meetings={meetings} level={level} />}
      />
    </>
  );
}

function RecordList<T extends { id: string }>({
  title,
  empty,
  testId,
  level,
  records,
  render,
}: {
  title: string;
  empty: string;
  testId: string;
  level: Level;
  records: readonly T[];
  render: (record: T) => React.ReactNode;
}) {
  return (
    <>
      <Heading level={level}>{title}</Heading>
      {records.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="health-records" data-testid={testId}>
          {records.map((record) => (
            <li key={record.id}>{render(record)}</li>
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

/** One record: its heading, when it came and for which meeting, then its own facts (`children`, inside the list). */
function RecordCard({
  testId,
  heading,
  record: { createdAt, meetingId },
  meetings,
  level,
  children,
}: CardPlace & {
  testId: string;
  heading: string;
  record: { createdAt: string; meetingId: string | null };
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <article className="health-record" data-testid={testId}>
      <Heading level={(level + 1) as 3 | 4}>{heading}</Heading>
      <dl className="health-record__facts">
        <div>
          <dt>{t('healthData.received')}</dt>
          <dd>
            <time dateTime={createdAt}>{format.dateTime(createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('healthData.meeting')}</dt>
          <dd>
            <MeetingOf meetingId={meetingId} meetings={meetings} />
          </dd>
        </div>
        {children}
      </dl>
    </article>
  );
}

/** A long free text of a record, kept with its line breaks. */
function TextFact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="health-record__text">
      <dt>{term}</dt>
      <dd className="prewrap">{children}</dd>
    </div>
  );
}

function StatementCard({ statement, ...place }: CardPlace & { statement: HealthStatement }) {
  const { t } = useTranslation();
  return (
    <RecordCard
      testId="health-statement"
      heading={t('healthData.statementHeading', { name: statement.doctorName })}
      record={statement}
      {...place}
    >
      <div>
        <dt>{t('healthData.workCapacity')}</dt>
        <dd data-testid="work-capacity">{t(`healthData.capacities.${statement.workCapacity}`)}</dd>
      </div>
      <TextFact term={t('healthData.assessment')}>{statement.assessment}</TextFact>
      <TextFact term={t('healthData.recommendations')}>{statement.recommendations}</TextFact>
      <TextFact term={t('healthData.restrictions')}>
        {statement.restrictions || t('healthData.noRestrictions')}
      </TextFact>
    </RecordCard>
  );
}

function AssessmentCard({ assessment, ...place }: CardPlace & { assessment: OwnAssessment }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <RecordCard
      testId="own-assessment"
      heading={t('healthData.assessmentHeading', { date: format.dayOf(assessment.createdAt) })}
      record={assessment}
      {...place}
    >
      <div>
        <dt>{t('healthData.wellbeing')}</dt>
        <dd>
          {assessment.wellbeing === null
            ? t('healthData.noWellbeing')
            : t('healthData.wellbeingOf', { score: assessment.wellbeing })}
        </dd>
      </div>
      <TextFact term={t('healthData.ownText')}>{assessment.text}</TextFact>
    </RecordCard>
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
