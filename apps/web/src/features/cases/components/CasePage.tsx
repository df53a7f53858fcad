import type { Case } from '@tvaers/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { CaseMeetingsSection } from '@web/features/meetings/components/CaseMeetingsSection';
import { PageLoad } from '@web/shared/ui/PageLoad';
import { useCase } from '../hooks/useCase';
import { useConsentChanged } from '../hooks/useConsents';
import { useEffortOwners } from '../hooks/useEffortOwners';
import { usePlan } from '../hooks/usePlan';
import { usePlanRealtime } from '../hooks/usePlanRealtime';
import { CaseHeader } from './CaseHeader';
import { CloseCaseForm } from './CloseCaseForm';
import { consentPanelId } from './HealthHiddenNote';
import { ConsentPanel } from './ConsentPanel';
import { HealthSection } from './HealthSection';
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
  return (
    <PageLoad
      load={useCase(caseId)}
      title={t('casePage.title')}
      loadedTitle={(caseRecord) => caseRecord.citizenName}
      notFoundTitle={t('casePage.notFoundTitle')}
      notFound={
        <>
          <h1>{t('casePage.notFoundTitle')}</h1>
          <p>{t('casePage.notFoundText')}</p>
          <p>
            <Link to="/cases">{t('casePage.backToList')}</Link>
          </p>
        </>
      }
      loading={t('casePage.loading')}
      failed={t('casePage.loadFailed')}
    >
      {(caseRecord) => <CaseDetails caseRecord={caseRecord} />}
    </PageLoad>
  );
}

/** The page's sections, in reading order; the worklist links to them (`/cases/:id#requests`). */
const sections = [
  'plan',
  'plan-review',
  'requests',
  consentPanelId,
  'indicators',
  'health',
  'history',
  'meetings',
] as const;

/**
 * A link's `#section` is shown once the section is on the page (the plan loads after the case), and
 * focused so keyboard and screen reader users start there too.
 */
function useScrollToSection(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}

function CaseDetails({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const owners = useEffortOwners(caseRecord.id);
  const planQuery = usePlan(caseRecord.id);
  const plan = planQuery.data;
  const [liveVersion, setLiveVersion] = useState<number | null>(null);
  // The API applies the health rule; the page only follows what it says.
  const healthVisible = plan?.healthVisible;
  // A refusal means consent changed elsewhere since this page loaded: consents are fetched again too.
  const consent = useConsentChanged(caseRecord.id, caseRecord.citizenId);
  const onNewerVersion = useCallback((version: number) => setLiveVersion(version), []);
  usePlanRealtime(caseRecord.id, plan?.version, onNewerVersion);
  useScrollToSection(plan !== undefined);

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
      <CloseCaseForm caseRecord={caseRecord} />
      <nav className="case-nav" aria-label={t('casePage.sectionsLabel')}>
        <ul>
          {sections.map((section) => (
            <li key={section}>
              <a href={`#${section}`}>{t(`casePage.sections.${section}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div role="status" className="live-notice">
        {liveVersion !== null &&
          plan &&
          plan.version >= liveVersion &&
          t('plan.liveUpdated', { version: plan.version })}
      </div>
      <div className="case-layout">
        <div className="case-layout__main">
          <div id="plan" className="case-anchor">
            <PlanSection
              caseId={caseRecord.id}
              planQuery={planQuery}
              members={owners}
              healthVisible={healthVisible}
              onHealthRefused={consent.refused}
            />
          </div>
          {plan && (
            <div id="indicators" className="case-anchor">
              <IndicatorsSection
                caseId={caseRecord.id}
                healthVisible={healthVisible}
                onHealthRefused={consent.refused}
              />
            </div>
          )}
          <div id="health" className="case-anchor">
            <HealthSection caseId={caseRecord.id} />
          </div>
          {plan && (
            <div id="history" className="case-anchor">
              <PlanHistorySection caseId={caseRecord.id} plan={plan} members={owners} />
            </div>
          )}
        </div>
        <div className="case-layout__side">
          <ConsentPanel citizenId={caseRecord.citizenId} onChanged={consent.changed} />
          <div id="requests" className="case-anchor">
            <RequestsSection caseId={caseRecord.id} />
          </div>
          <div id="meetings" className="case-anchor">
            <CaseMeetingsSection caseId={caseRecord.id} />
          </div>
        </div>
      </div>
    </>
  );
}
