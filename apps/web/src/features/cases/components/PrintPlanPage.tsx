import type { Case, Plan } from '@tvaers/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { useToday } from '@web/shared/hooks/useToday';
import { type Language, loadLanguage } from '@web/shared/i18n/i18n';
import { LanguageSelect } from '@web/shared/i18n/LanguageSwitch';
import { createFormatters } from '@web/shared/lib/format';
import { useCase } from '../hooks/useCase';
import { usePlan } from '../hooks/usePlan';
import { effortPeriod } from './effort-text';
import { PrintToolbar, PrintWaiting } from './PrintParts';
import './cases.css';

/**
 * `/cases/:caseId/print`: the plan in plain words for the citizen, printed from the browser.
 * The printout is Danish by default, whatever language the caseworker uses on screen.
 */
export function PrintPlanPage() {
  const { caseId = '' } = useParams<{ caseId: string }>();
  const { t } = useTranslation();
  const caseState = useCase(caseId);
  const planState = usePlan(caseId);
  const [printLanguage, setPrintLanguage] = useState<Language>('da');
  usePageTitle(t('print.pageTitle'));

  const failure = caseState.error ?? planState.error;
  const caseRecord = caseState.data;
  const plan = planState.data;
  const ready = caseRecord !== undefined && plan !== undefined;

  return (
    <>
      <PrintToolbar back={`/cases/${caseId}`} ready={ready}>
        <LanguageSelect
          label={t('print.language')}
          value={printLanguage}
          onChange={(language) => void loadLanguage(language).then(() => setPrintLanguage(language))}
          className="inline-controls"
        />
      </PrintToolbar>
      {caseRecord && plan ? (
        <PrintablePlan caseRecord={caseRecord} plan={plan} language={printLanguage} />
      ) : (
        <PrintWaiting
          title={t('print.pageTitle')}
          failure={failure}
          loading={t('print.loading')}
          failed={t('print.loadFailed')}
        />
      )}
    </>
  );
}

function PrintablePlan({ caseRecord, plan, language }: { caseRecord: Case; plan: Plan; language: Language }) {
  const { t: screenT, i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT(language), [i18n, language]);
  const format = useMemo(() => createFormatters(language), [language]);
  const today = useToday();
  // Stopped efforts last: the citizen reads first what is going on.
  const efforts = [...plan.efforts].sort((a, b) => Number(a.status === 'stopped') - Number(b.status === 'stopped'));

  return (
    <>
      {plan.healthHidden && <p className="note no-print">{screenT('print.healthHiddenNote')}</p>}
      <article className="printable" lang={language} data-testid="printable-plan">
        <header className="printable__header">
          <p className="printable__sender">{t('print.sender')}</p>
          <h1>{t('print.title', { name: caseRecord.citizenName })}</h1>
          <p>{t('print.intro')}</p>
        </header>

        <section aria-labelledby="print-goal">
          <h2 id="print-goal">{t('print.citizenGoal')}</h2>
          <p className="prewrap">{plan.citizenGoal || t('print.notAgreed')}</p>
        </section>

        <section aria-labelledby="print-job-goal">
          <h2 id="print-job-goal">{t('print.jobGoal')}</h2>
          <p className="prewrap">{plan.jobGoal || t('print.notAgreed')}</p>
        </section>

        <section aria-labelledby="print-efforts">
          <h2 id="print-efforts">{t('print.efforts')}</h2>
          {efforts.length === 0 ? (
            <p>{t('print.noEfforts')}</p>
          ) : (
            <ul className="printable__efforts">
              {efforts.map((effort) => (
                <li key={effort.id}>
                  <h3>{effort.title}</h3>
                  <p>
                    {t('print.effortKind', {
                      type: t(`effortTypes.${effort.type}`),
                      area: t(`efforts.groups.${effort.discipline}`),
                    })}
                  </p>
                  {effort.purpose && <p>{t('print.effortPurpose', { purpose: effort.purpose })}</p>}
                  <p>{t('print.effortWhen', { period: effortPeriod(effort, t, format) })}</p>
                  <p>{t(`print.effortStatus.${effort.status}`)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="print-contact">
          <h2 id="print-contact">{t('print.contact')}</h2>
          <p>
            {plan.contactPlan
              ? t('print.contactEvery', { count: plan.contactPlan.intervalDays })
              : t('print.contactNone')}
          </p>
          {plan.contactPlan && (
            <p className="prewrap">{t('print.contactReason', { reason: plan.contactPlan.reason })}</p>
          )}
          <p>{t('print.contactPerson', { name: caseRecord.responsibleName })}</p>
        </section>

        <section aria-labelledby="print-review">
          <h2 id="print-review">{t('print.review')}</h2>
          <p>{t('print.reviewText', { date: format.date(plan.nextReviewDue) })}</p>
          <p>{t('print.rights')}</p>
        </section>

        <footer className="printable__footer">
          <p>{t('print.footer', { version: plan.version, date: format.date(today) })}</p>
        </footer>
      </article>
    </>
  );
}
