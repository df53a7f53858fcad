import type { UseQueryResult } from '@tanstack/react-query';
import type { CaseMember, Plan, UpdatePlan } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';

import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useAddEffort, useChangeEffort, useRecordReview, useSavePlan } from '../hooks/usePlan';
import { AddEffortForm } from './AddEffortForm';
import { ContactPlanEditor } from './ContactPlanEditor';
import { EffortGroups } from './EffortGroups';
import { GoalEditor } from './GoalEditor';
import { PlanReview } from './PlanReview';

/** The one shared plan: the citizen's own goal, the job goal, contact plan and efforts per discipline. */
export function PlanSection({
  caseId,
  planQuery,
  members,
  healthVisible,
  onHealthRefused,
}: {
  caseId: string;
  planQuery: UseQueryResult<Plan>;
  members: CaseMember[];
  /** Whether the user may see health data (undefined: not known yet). */
  healthVisible: boolean | undefined;
  /** The API refused health data: the consents shown may be out of date. */
  onHealthRefused: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { data: plan, error, refetch } = planQuery;
  const savePlan = useSavePlan(caseId);
  const recordReview = useRecordReview(caseId);
  const addEffort = useAddEffort(caseId);
  const changeEffort = useChangeEffort(caseId);
  // Saved on the version shown now; a 412 rejects and the editor keeps the user's text.
  const save = async (update: UpdatePlan) => {
    if (plan) await savePlan.mutateAsync({ version: plan.version, update });
  };

  return (
    <section className="card plan" aria-labelledby="plan-title">
      <div className="section-heading">
        <h2 id="plan-title">{t('plan.title')}</h2>
        {plan && (
          <p className="plan__version">
            <span className="badge badge--neutral" data-testid="plan-version">
              {t('plan.version', { version: plan.version })}
            </span>{' '}
            <span className="muted">
              {plan.updatedBy
                ? t('plan.updatedBy', { when: format.dateTime(plan.updatedAt), name: plan.updatedBy.name })
                : t('plan.updatedAt', { when: format.dateTime(plan.updatedAt) })}
            </span>
          </p>
        )}
      </div>
      <LoadError error={error} fallback={t('plan.loadFailed')} onRetry={() => void refetch()} />
      {!plan && error === null && <LoadingStatus>{t('plan.loading')}</LoadingStatus>}
      {plan && (
        <>
          <GoalEditor
            id="citizen-goal"
            title={t('plan.citizenGoal.title')}
            hint={t('plan.citizenGoal.hint')}
            fieldLabel={t('plan.citizenGoal.field')}
            emptyText={t('plan.citizenGoal.empty')}
            field="citizenGoal"
            value={plan.citizenGoal}
            onSave={save}
          />
          <GoalEditor
            id="job-goal"
            title={t('plan.jobGoal.title')}
            hint={t('plan.jobGoal.hint')}
            fieldLabel={t('plan.jobGoal.field')}
            emptyText={t('plan.jobGoal.empty')}
            field="jobGoal"
            value={plan.jobGoal}
            onSave={save}
          />
          <ContactPlanEditor contactPlan={plan.contactPlan} onSave={save} />
          <PlanReview
            plan={plan}
            onRecord={async (assessed) => {
              await recordReview.mutateAsync(assessed);
            }}
          />
          <EffortGroups
            plan={plan}
            members={members}
            onChange={async (effortId, input) => {
              await changeEffort.mutateAsync({ effortId, input });
            }}
          />
          <AddEffortForm
            members={members}
            healthHidden={plan.healthHidden || healthVisible === false}
            onAdd={async (input) => {
              await addEffort.mutateAsync(input);
            }}
            onHealthRefused={onHealthRefused}
          />
        </>
      )}
    </section>
  );
}
