import { AssignCase } from '@tvaers/contracts';
import type { AssignmentSuggestion, CaseloadRow, CeilingSuggestion } from '@tvaers/contracts';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { ceilingSuggestions } from '@web/shared/lib/errors';
import { type Load, LoadProgress } from '@web/shared/ui/QueryLoad';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { othersByRoom } from './caseload-order';
import { useLoadText, useStatusText } from './LoadBars';

interface AssignFields {
  staffId: string;
  override: { reason: string };
}

/** The person a choice would take past the ceiling, with the colleagues who have room (from the 409's problem). */
interface Refusal {
  staffId: string;
  name: string;
  suggestions: CeilingSuggestion[];
}

interface ChoiceProps {
  legend: ReactNode;
  suggestions: readonly AssignmentSuggestion[];
  /** The team's people: those not suggested (e.g. at their ceiling) can still be chosen, past it only by override. */
  team: readonly CaseloadRow[];
  /** Who holds the cases now: not offered. */
  holderIds: readonly string[];
  /** The cases' discipline (null: none yet), to order those not suggested as the suggestions are. */
  discipline: string | null;
  /** What a refusal says (one case or several). */
  refusedText: string;
  submitLabel: string;
  overrideLabel: string;
  failed: string;
  /** Sends the choice; a CASELOAD_CEILING_EXCEEDED refusal is shown here, other failures in the form. */
  onSubmit: (request: AssignCase) => Promise<void>;
  onCancel: () => void;
}

/** The suggestions to choose from once loaded (their progress or failure until then), then the form. */
export function AssignForm({
  suggestions,
  ...props
}: Omit<ChoiceProps, 'suggestions'> & { suggestions: Load<readonly AssignmentSuggestion[]> }) {
  const { t } = useTranslation();
  // A failed refetch shows its failure rather than the suggestions it could not renew.
  if (suggestions.error !== null || suggestions.data === undefined) {
    return (
      <LoadProgress load={suggestions} loading={t('queue.loadingSuggestions')} failed={t('queue.suggestionsFailed')} />
    );
  }
  return <ChoiceForm suggestions={suggestions.data} {...props} />;
}

/**
 * Chooses who gets a case (or several): the suggestions first (same discipline, knows the citizen, room), then the
 * rest of the team in the same order. A choice past the ceiling is refused: then the colleagues with room are the
 * choices, or the refused person past the ceiling, which a manager may choose with a reason. The queue's "Tildel"
 * and the dashboard's "Flyt" both choose here.
 */
function ChoiceForm({
  legend,
  suggestions,
  team,
  holderIds,
  discipline,
  refusedText,
  submitLabel,
  overrideLabel,
  failed,
  onSubmit,
  onCancel,
}: ChoiceProps) {
  const { t } = useTranslation();
  const loadText = useLoadText();
  const statusText = useStatusText();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useContractForm<AssignFields, typeof AssignCase>({
    schema: AssignCase,
    defaultValues: { staffId: '', override: { reason: '' } },
    toRequest: (v) => ({
      staffId: v.staffId,
      override: refusal?.staffId === v.staffId ? { reason: v.override.reason } : undefined,
    }),
  });
  const overriding = refusal !== null && refusal.staffId === form.watch('staffId');
  const submit = form.submitWith((request) => onSubmit(request), {
    failed,
    onError: (error) => {
      const withRoom = ceilingSuggestions(error);
      if (withRoom) {
        const staffId = form.getValues('staffId');
        const name = team.find((r) => r.staffId === staffId)?.name ?? '';
        setRefusal({ staffId, name, suggestions: withRoom });
        return true;
      }
      return false;
    },
  });

  const leaveOut = new Set([...holderIds, ...suggestions.map((s) => s.staffId)]);
  const others = othersByRoom(team, leaveOut, discipline);
  const refused = refusal && team.find((r) => r.staffId === refusal.staffId);

  return (
    <FormElement control={form.control} onSubmit={submit} onCancel={onCancel} className="form assign-panel">
      <FormStatus control={form.control} />
      {refusal ? (
        <div data-testid="ceiling-refusal">
          <ErrorAlert>
            {refusedText}{' '}
            {refusal.suggestions.length > 0 ? t('queue.withRoomOr', { name: refusal.name }) : t('queue.noneWithRoom')}
          </ErrorAlert>
          <RadioField
            form={form}
            name="staffId"
            legend={t('queue.chooseAfterRefusal')}
            choices={[
              ...refusal.suggestions.map((s) => ({
                value: s.staffId,
                label: (
                  <>
                    {s.name} ·{' '}
                    {loadText({ load: s.load, ceiling: s.ceiling, utilization: s.ceiling ? s.load / s.ceiling : null })}
                  </>
                ),
              })),
              {
                value: refusal.staffId,
                label: (
                  <>
                    {refusal.name} · {refused ? `${loadText(refused)} · ` : ''}
                    {t('queue.pastCeiling')}
                  </>
                ),
              },
            ]}
          />
          {overriding && (
            <FormField
              form={form}
              name="override.reason"
              label={t('queue.overrideReason')}
              hint={t('queue.overrideHint')}
            >
              {(field) => <textarea {...field} rows={2} data-testid="override-reason" />}
            </FormField>
          )}
          <button type="button" className="button button--quiet button--small" onClick={() => setRefusal(null)}>
            {t('queue.chooseAnyone')}
          </button>
        </div>
      ) : (
        <>
          <RadioField
            form={form}
            name="staffId"
            legend={legend}
            choices={[
              ...suggestions.map((s) => ({
                value: s.staffId,
                label: (
                  <>
                    {s.name} · {t(`disciplines.${s.discipline}`)} · {loadText(s)}
                    {s.knowsCitizen && <> · {t('queue.knowsCitizen')}</>}
                  </>
                ),
              })),
              ...others.map((r) => ({
                value: r.staffId,
                label: (
                  <>
                    {r.name} · {t(`disciplines.${r.discipline}`)} · {loadText(r)} · {statusText(r)}
                  </>
                ),
              })),
            ]}
          />
          {suggestions.length === 0 && <p>{t('queue.noSuggestions')}</p>}
        </>
      )}
      <FormActions
        control={form.control}
        submit={overriding ? overrideLabel : submitLabel}
        small
        testId="assign-submit"
        onCancel={onCancel}
      />
    </FormElement>
  );
}
