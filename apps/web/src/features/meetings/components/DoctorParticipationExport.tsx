import { DoctorParticipationQuery } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { csvUrl } from '@web/api/csv-url';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { dateFieldToIso } from '@web/shared/forms/date-field';
import { type PeriodFields, PeriodInputs } from '@web/shared/forms/PeriodInputs';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { todayInCopenhagen } from '@web/shared/lib/format';

/** Last month, as settlement usually runs (typed the Danish way, dd-mm-åååå). */
function lastMonth(): PeriodFields {
  const [year, month] = todayInCopenhagen().split('-').map(Number);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `01-${mm}-${y}`, to: `${days}-${mm}-${y}` };
}

/**
 * "Lægedeltagelse": caseworkers and managers download the doctors' participation in held meetings of a period as
 * CSV for fee settlement (the browser saves it: the answer is an attachment).
 */
export function DoctorParticipationExport() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const form = useContractForm<PeriodFields, typeof DoctorParticipationQuery>({
    schema: DoctorParticipationQuery,
    defaultValues: lastMonth(),
    toRequest: (v) => ({ from: dateFieldToIso(v.from), to: dateFieldToIso(v.to) }),
  });
  const submit = form.submitWith(
    ({ from, to }) => {
      window.location.assign(csvUrl('/api/meetings/doctor-participation.csv', { from, to }));
      return Promise.resolve();
    },
    { failed: t('forms.invalid') },
  );
  if (!me.roles.some((role) => role === 'caseworker' || role === 'manager')) return null;
  return (
    <section className="card doctor-participation" aria-labelledby="doctor-participation-title">
      <h2 id="doctor-participation-title">{t('doctorParticipation.title')}</h2>
      <p>{t('doctorParticipation.intro')}</p>
      <FormElement control={form.control} onSubmit={submit} className="form form--grid">
        <FormStatus control={form.control} />
        <PeriodInputs form={form} fromLabel={t('doctorParticipation.from')} toLabel={t('doctorParticipation.to')} />
        <FormActions control={form.control} submit={t('doctorParticipation.download')} testId="doctor-csv" />
      </FormElement>
    </section>
  );
}
