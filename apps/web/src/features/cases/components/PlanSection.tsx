import type { UseQueryResult } from '@tanstack/react-query';
import type { CaseMember, Plan, UpdatePlan } from '@tvaers/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveGuard } from '@web/shared/forms/useLeaveGuard';
import { useFormatters } from '@web/shared/hooks/useFormatters';

import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useAddEffort, useChangeEffort, useRecordReview, useSavePlan } from '../hooks/usePlan';
import { AddEffortForm } from './AddEffortForm';
import { ContactPlanEditor } from './ContactPlanEditor';
import { EffortGroups } from './EffortGroups';
import { GoalEditor } from './GoalEditor';
import type { PlanStamp } from './PlanConflictAlert';
import { PlanReview } from './PlanReview';

/** The plan's two goals, edited the same way: the citizen's own words first. */
const goals = [
  { id: 'citizen-goal', field: 'citizenGoal' },
  { id: 'job-goal', field: 'jobGoal' },
] as const;

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
  // Saved on the version the editor started from; a 412 rejects and the editor keeps the user's text.
  const save = async (update: UpdatePlan, version: number) => {
    await savePlan.mutateAsync({ version, update });
  };
  // Open editors with unsaved text, by editor: leaving the page asks first.
  const [unsavedParts, setUnsavedParts] = useState<Record<string, boolean>>({});
  const unsavedChange = useMemo(() => {
    const reporter = (part: string) => (unsaved: boolean) =>
      setUnsavedParts((parts) => (parts[part] === unsaved ? parts : { ...parts, [part]: unsaved }));
    return { citizenGoal: reporter('citizenGoal'), jobGoal: reporter('jobGoal'), contactPlan: reporter('contactPlan') };
  }, []);
  useLeaveGuard(Object.values(unsavedParts).some(Boolean), t('forms.leaveUnsaved'));
  const stamp: PlanStamp | undefined = plan && {
    version: plan.version,
    updatedBy: plan.updatedBy?.name,
    updatedAt: format.dateTime(plan.updatedAt),
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
      {plan && stamp && (
        <>
          {goals.map(({ id, field }) => (
            <GoalEditor
              key={id}
              id={id}
              field={field}
              title={t(`plan.${field}.title`)}
              hint={t(`plan.${field}.hint`)}
              fieldLabel={t(`plan.${field}.field`)}
              emptyText={t(`plan.${field}.empty`)}
              value={plan[field]}
              stamp={stamp}
              onSave={save}
              onUnsavedChange={unsavedChange[field]}
            />
          ))}
          <ContactPlanEditor
            contactPlan={plan.contactPlan}
            stamp={stamp}
            onSave={save}
            onUnsavedChange={unsavedChange.contactPlan}
          />
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
