import { UpdatePlan } from '@tvaers/contracts';
import type { ContactPlan } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { PlanPartEditor } from './PlanPartEditor';
import type { PlanPartProps } from './PlanPartEditor';

interface ContactPlanFields {
  contactPlan: { intervalDays: string; reason: string };
}

/** The fields' text as the request; the limits are the contract's (ContactPlan). */
const toRequest = ({ contactPlan }: ContactPlanFields) => ({
  contactPlan: {
    intervalDays: contactPlan.intervalDays.trim() === '' ? undefined : Number(contactPlan.intervalDays),
    reason: contactPlan.reason,
  },
});

/** How often the unit is in touch with the citizen, and why: set by professional judgement, not a fixed rule. */
export function ContactPlanEditor({ contactPlan, ...part }: PlanPartProps & { contactPlan: ContactPlan | null }) {
  const { t } = useTranslation();
  const form = useContractForm<ContactPlanFields, typeof UpdatePlan>({
    schema: UpdatePlan,
    defaultValues: { contactPlan: { intervalDays: '', reason: '' } },
    toRequest,
  });
  const values: ContactPlanFields = {
    contactPlan: {
      intervalDays: contactPlan ? String(contactPlan.intervalDays) : '',
      reason: contactPlan?.reason ?? '',
    },
  };
  const describe = ({ contactPlan: { intervalDays, reason } }: ContactPlanFields) =>
    intervalDays || reason ? `${t('plan.contactPlan.every', { count: Number(intervalDays) })} – ${reason}` : '';

  return (
    <PlanPartEditor
      id="contact-plan"
      title={t('plan.contactPlan.title')}
      form={form}
      values={values}
      describe={describe}
      display={
        <p className={contactPlan ? 'prewrap' : 'muted'} data-testid="contact-plan">
          {describe(values) || t('plan.contactPlan.empty')}
        </p>
      }
      {...part}
    >
      <FormField
        form={form}
        name="contactPlan.intervalDays"
        label={t('plan.contactPlan.intervalLabel')}
        className="field field--short"
      >
        {(field) => <input type="text" inputMode="numeric" {...field} />}
      </FormField>
      <FormField form={form} name="contactPlan.reason" label={t('plan.contactPlan.reasonLabel')}>
        {(field) => <textarea rows={3} {...field} />}
      </FormField>
    </PlanPartEditor>
  );
}
