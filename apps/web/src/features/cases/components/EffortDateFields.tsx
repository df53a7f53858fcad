import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FieldForm, FormField } from '@web/shared/forms/FormField';
import { DateInput } from '@web/shared/ui/DateInput';

/** An effort's start and end day, both optional, side by side (adding an effort, or changing it at a meeting). */
export function EffortDateFields<TForm extends FieldValues>({
  form,
  names,
  labels,
}: {
  form: FieldForm<TForm>;
  /** The start's field, then the end's. */
  names: readonly [Path<TForm>, Path<TForm>];
  labels: readonly [string, string];
}) {
  const { t } = useTranslation();
  return (
    <div className="field-pair">
      {names.map((name, i) => (
        <FormField key={name} form={form} name={name} label={labels[i]} optional hint={t('forms.dateHint')}>
          {(field) => <DateInput {...field} />}
        </FormField>
      ))}
    </div>
  );
}
