import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCaseMeetings } from '@web/features/meetings/hooks/useCaseMeetings';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { useToday } from '@web/shared/hooks/useToday';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useCase } from '../hooks/useCase';
import { useHealthData } from '../hooks/useHealthData';
import { HealthRecords } from './HealthRecords';
import { PrintToolbar, PrintWaiting } from './PrintParts';
import './cases.css';

/**
 * `/cases/:caseId/health/print`: the case's health section for the case file, printed from the browser the way
 * the plan is (`PrintPlanPage`): a toolbar for the screen only, each statement kept whole on a page.
 */
export function PrintHealthPage() {
  const { caseId = '' } = useParams<{ caseId: string }>();
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useToday();
  const caseState = useCase(caseId);
  const health = useHealthData(caseId);
  const { data: meetings } = useCaseMeetings(caseId);
  usePageTitle(t('healthData.printTitle'));

  const failure = caseState.error ?? health.error;
  const caseRecord = caseState.data;
  const records = health.records;
  const ready = caseRecord !== undefined && records !== undefined;

  return (
    <>
      <PrintToolbar back={`/cases/${encodeURIComponent(caseId)}#health`} ready={ready} />
      {ready ? (
        <article className="printable" data-testid="printable-health">
          <header className="printable__header">
            <p className="printable__sender">{t('print.sender')}</p>
            <h1>{t('healthData.printHeading', { name: caseRecord.citizenName })}</h1>
            <p>{t('healthData.printIntro', { cpr: caseRecord.cprMasked })}</p>
          </header>
          {health.hidden && <p className="note">{t('healthData.printHidden')}</p>}
          <HealthRecords {...records} meetings={meetings} level={2} />
          <footer className="printable__footer">
            <p>{t('healthData.printFooter', { date: format.date(today) })}</p>
          </footer>
        </article>
      ) : (
        <PrintWaiting
          title={t('healthData.printTitle')}
          failure={failure}
          loading={t('healthData.loading')}
          failed={t('healthData.loadFailed')}
        />
      )}
    </>
  );
}
