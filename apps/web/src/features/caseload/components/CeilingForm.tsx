import { SetCeiling } from '@tvaers/contracts';
import type { CaseloadRow } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useSetCeiling } from '../hooks/useCaseload';

interface CeilingFields {
  ceiling: string;
}

/** A person's own ceiling; left empty, the team's default applies again. */
export function CeilingForm({
  teamId,
  row,
  summary,
  onDone,
}: {
  teamId: string;
  row: CaseloadRow;
  summary: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetCeiling(teamId);
  const form = useContractForm<CeilingFields, typeof SetCeiling>({
    schema: SetCeiling,
    defaultValues: { ceiling: row.personalCeiling === null ? '' : String(row.personalCeiling) },
    toRequest: (v) => ({ ceiling: v.ceiling.trim() === '' ? null : Number(v.ceiling.replace(',', '.')) }),
  });
  const submit = form.submitWith(
    async (request) => {
      await save.mutateAsync({ staffId: row.staffId, body: request });
      onDone();
    },
    { failed: t('dashboard.ceiling.failed') },
  );
  return (
    <FormElement control={form.control} onSubmit={submit} onCancel={onDone} className="form form--inline">
      <FormStatus control={form.control} />
      <FormField
        form={form}
        name="ceiling"
        label={t('dashboard.ceiling.label', { name: row.name })}
        optional
        hint={t('dashboard.ceiling.hint', { summary })}
      >
        {(field) => <input {...field} inputMode="decimal" data-testid="ceiling-input" />}
      </FormField>
      <FormActions
        control={form.control}
        submit={t('dashboard.ceiling.save')}
        small
        testId="ceiling-save"
        onCancel={onDone}
      />
    </FormElement>
  );
}
