import type { Case } from '@tvaers/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { describeError, isNotFound } from '../../../shared/lib/errors';
import { ErrorAlert, LoadingStatus } from '../../../shared/ui/StatusMessage';
import { useCase } from '../hooks/useCase';
import { useConsentChanged } from '../hooks/useConsents';
import { usePlan } from '../hooks/usePlan';
import { usePlanRealtime } from '../hooks/usePlanRealtime';
import { CaseHeader } from './CaseHeader';
import { ConsentPanel } from './ConsentPanel';
import { IndicatorsSection } from './IndicatorsSection';
import { PlanHistorySection } from './PlanHistorySection';
import { PlanSection } from './PlanSection';
import { RequestsSection } from './RequestsSection';
import './cases.css';

/** `/cases/:caseId`: one citizen's case with the shared plan. A new id mounts a fresh page. */
export function CasePage() {
  const { caseId = '' } = useParams<{ caseId: string }>();
  return <CaseView key={caseId} caseId={caseId} />;
}

function CaseView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { data: caseRecord, error, refetch } = useCase(caseId);
  usePageTitle(caseRecord?.citizenName ?? (isNotFound(error) ? t('casePage.notFoundTitle') : t('casePage.title')));

  if (caseRecord) return <CaseDetails caseRecord={caseRecord} />;
  if (isNotFound(error)) {
    return (
      <>
        <h1>{t('casePage.notFoundTitle')}</h1>
        <p>{t('casePage.notFoundText')}</p>
        <p>
          <Link to="/cases">{t('casePage.backToList')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('casePage.title')}</h1>
      {error === null ? (
        <LoadingStatus>{t('casePage.loading')}</LoadingStatus>
      ) : (
        <ErrorAlert
          action={
            <button type="button" className="button" onClick={() => void refetch()}>
              {t('common.retry')}
            </button>
          }
        >
          {describeError(error, t, t('casePage.loadFailed'))}
        </ErrorAlert>
      )}
    </>
  );
}

function CaseDetails({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const planQuery = usePlan(caseRecord.id);
  const plan = planQuery.data;
  const [liveVersion, setLiveVersion] = useState<number | null>(null);
  // The API applies the health rule; the page only follows what it says.
  const healthVisible = plan?.healthVisible;
  // A refusal means consent changed elsewhere since this page loaded: consents are fetched again too.
  const consent = useConsentChanged(caseRecord.id, caseRecord.citizenId);
  const onNewerVersion = useCallback((version: number) => setLiveVersion(version), []);
  usePlanRealtime(caseRecord.id, plan?.version, onNewerVersion);

  return (
    <>
      <div className="page-heading">
        <h1>{caseRecord.citizenName}</h1>
        <p className="page-heading__actions">
          <Link to={`/cases/${caseRecord.id}/print`} className="button">
            {t('casePage.printLink')}
          </Link>
        </p>
      </div>
      <CaseHeader caseRecord={caseRecord} />
      <div role="status" className="live-notice">
        {liveVersion !== null &&
          plan &&
          plan.version >= liveVersion &&
          t('plan.liveUpdated', { version: plan.version })}
      </div>
      <div className="case-layout">
        <div className="case-layout__main">
          <PlanSection
            caseId={caseRecord.id}
            planQuery={planQuery}
            members={caseRecord.members}
            healthVisible={healthVisible}
            onHealthRefused={consent.refused}
          />
          {plan && (
            <IndicatorsSection caseId={caseRecord.id} healthVisible={healthVisible} onHealthRefused={consent.refused} />
          )}
          {plan && <PlanHistorySection caseId={caseRecord.id} plan={plan} members={caseRecord.members} />}
        </div>
        <div className="case-layout__side">
          <ConsentPanel citizenId={caseRecord.citizenId} onChanged={consent.changed} />
          <RequestsSection caseId={caseRecord.id} />
        </div>
      </div>
    </>
  );
}
