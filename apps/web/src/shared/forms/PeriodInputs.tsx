import { useTranslation } from 'react-i18next';
import { DateInput } from '../ui/DateInput';
import { type FieldForm, FormField } from './FormField';

/** A period: its first and last day. */
export interface PeriodFields {
  from: string;
  to: string;
}

/** A period's first and last day, each typed the Danish way (dd-mm-åååå). */
export function PeriodInputs({
  form,
  fromLabel,
  toLabel,
}: {
  form: FieldForm<PeriodFields>;
  fromLabel: string;
  toLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormField form={form} name="from" label={fromLabel} hint={t('forms.dateHint')}>
        {(field) => <DateInput {...field} />}
      </FormField>
      <FormField form={form} name="to" label={toLabel} hint={t('forms.dateHint')}>
        {(field) => <DateInput {...field} />}
      </FormField>
    </>
  );
}
