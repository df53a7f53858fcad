import { AssignCase } from '@tvaers/contracts';
import type { CaseloadRow, CeilingSuggestion, QueuedCase } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@web/api/http-client';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { ErrorAlert, LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useAssignCase, useAssignmentSuggestions } from '../hooks/useCaseload';
import { useLoadText, useStatusText } from './LoadBars';

interface AssignFields {
  staffId: string;
  override: { reason: string };
}

/** The ceiling a choice would pass, with the colleagues who have room (from the 409's problem). */
interface Refusal {
  staffId: string;
  suggestions: CeilingSuggestion[];
}

/**
 * Gives a queued case to someone: the suggestions (same discipline, knows the citizen, room) to choose
 * from; a choice past the ceiling is refused with who has room, and a manager may then override with a reason.
 */
export function AssignPanel({
  teamId,
  queued,
  team,
  onCancel,
  onAssigned,
}: {
  teamId: string;
  queued: QueuedCase;
  /** The team's people: those not suggested (e.g. at their ceiling) can still be chosen, past it only by override. */
  team: readonly CaseloadRow[];
  onCancel: () => void;
  onAssigned: (name: string) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useAssignmentSuggestions(queued.caseId);
  const assign = useAssignCase(teamId);
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
  // Shown while the refused person is still the choice; another choice is an ordinary assignment.
  const shown = refusal?.staffId === form.watch('staffId') ? refusal : null;
  const submit = form.submitWith(
    async (request) => {
      await assign.mutateAsync({ caseId: queued.caseId, body: request });
      const name = team.find((r) => r.staffId === request.staffId)?.name ?? '';
      onAssigned(name);
    },
    {
      failed: t('queue.assignFailed'),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'CASELOAD_CEILING_EXCEEDED') {
          setRefusal({ staffId: form.getValues('staffId'), suggestions: error.problem.suggestions ?? [] });
          return true;
        }
        return false;
      },
    },
  );

  const others = team.filter((r) => !suggestions.data?.some((s) => s.staffId === r.staffId));

  if (suggestions.isPending) return <LoadingStatus>{t('queue.loadingSuggestions')}</LoadingStatus>;
  if (suggestions.error) {
    return (
      <LoadError
        error={suggestions.error}
        fallback={t('queue.suggestionsFailed')}
        onRetry={() => void suggestions.refetch()}
      />
    );
  }

  return (
    <FormElement control={form.control} onSubmit={submit} onCancel={onCancel} className="form assign-panel">
      <FormStatus control={form.control} />
      <RadioField
        form={form}
        name="staffId"
        legend={t('queue.who', { name: queued.citizenName })}
        choices={[
          ...suggestions.data.map((s) => ({
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
      {suggestions.data.length === 0 && <p>{t('queue.noSuggestions')}</p>}
      {shown && (
        <div data-testid="ceiling-refusal">
          <ErrorAlert>
            <p>{t('queue.ceilingExceeded')}</p>
            {shown.suggestions.length > 0 ? (
              <>
                <p>{t('queue.withRoom')}</p>
                <ul>
                  {shown.suggestions.map((s) => (
                    <li key={s.staffId}>
                      {s.name} ·{' '}
                      {loadText({
                        load: s.load,
                        ceiling: s.ceiling,
                        utilization: s.ceiling ? s.load / s.ceiling : null,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('queue.noneWithRoom')}</p>
            )}
          </ErrorAlert>
          <FormField
            form={form}
            name="override.reason"
            label={t('queue.overrideReason')}
            hint={t('queue.overrideHint')}
          >
            {(field) => <textarea {...field} rows={2} data-testid="override-reason" />}
          </FormField>
        </div>
      )}
      <FormActions
        control={form.control}
        submit={shown ? t('queue.assignOverride') : t('queue.assign')}
        small
        testId="assign-submit"
        onCancel={onCancel}
      />
    </FormElement>
  );
}
