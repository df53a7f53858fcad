import { UpdatePlan } from '@tvaers/contracts';
import type { ContactPlan } from '@tvaers/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCounter } from '@web/shared/forms/CharacterCounter';
import { FieldError, fieldAria, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { maxLengthOf } from '@web/shared/forms/schema-limits';
import { fieldError, useContractForm } from '@web/shared/forms/useContractForm';
import { useInPlaceEdit } from '../hooks/useInPlaceEdit';
import { PlanConflictAlert } from './PlanConflictAlert';
import { PlanPartHeading } from './PlanPartHeading';
import type { PlanStamp } from './PlanConflictAlert';

const id = 'contact-plan';

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
export function ContactPlanEditor({
  contactPlan,
  stamp,
  onSave,
  onUnsavedChange,
}: {
  contactPlan: ContactPlan | null;
  /** The plan shown now: its version, and who saved it when (for a conflict). */
  stamp: PlanStamp;
  /** Saves on `version`: the one the editor started from, so a save in between is a conflict. */
  onSave: (update: UpdatePlan, version: number) => Promise<void>;
  onUnsavedChange: (unsaved: boolean) => void;
}) {
  const { t } = useTranslation();
  const edit = useInPlaceEdit();
  const { editing, conflict, editButton, formRef, close, onError } = edit;
  const form = useContractForm<ContactPlanFields, typeof UpdatePlan>({
    schema: UpdatePlan,
    defaultValues: { contactPlan: { intervalDays: '', reason: '' } },
    toRequest,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const unsaved = editing && isDirty;
  useEffect(() => onUnsavedChange(unsaved), [unsaved, onUnsavedChange]);

  function open() {
    form.reset({
      contactPlan: {
        intervalDays: contactPlan ? String(contactPlan.intervalDays) : '',
        reason: contactPlan?.reason ?? '',
      },
    });
    edit.open(stamp.version);
  }

  const submit = form.submitWith(
    async (update) => {
      await onSave(update, edit.versionFor(stamp.version));
      close();
    },
    { failed: t('plan.saveFailed'), onError: onError },
  );

  const describe = (plan: { intervalDays: number | string; reason: string } | null) =>
    plan ? `${t('plan.contactPlan.every', { count: Number(plan.intervalDays) })} – ${plan.reason}` : '';
  const current = describe(contactPlan) || t('plan.contactPlan.empty');
  const intervalInvalid = fieldError(errors, 'contactPlan.intervalDays') !== undefined;
  const reasonInvalid = fieldError(errors, 'contactPlan.reason') !== undefined;

  return (
    <section className="plan-part" aria-labelledby={`${id}-title`} data-testid={`${id}-editor`}>
      <PlanPartHeading
        id={id}
        title={t('plan.contactPlan.title')}
        editing={editing}
        editButton={editButton}
        onEdit={open}
      />
      {editing ? (
        <form
          ref={formRef}
          className="form form--tight"
          onSubmit={(event) => void submit(event)}
          onKeyDown={edit.onKeyDown}
          aria-busy={isSubmitting}
          noValidate
        >
          {conflict && (
            <PlanConflictAlert
              theirs={describe(contactPlan)}
              mine={describe(form.watch('contactPlan'))}
              changedBy={stamp.updatedBy}
              changedAt={stamp.updatedAt}
              onTakeTheirs={close}
            />
          )}
          <FormStatus control={form.control} />
          <div className="field field--short">
            <label htmlFor={`${id}-interval`}>{t('plan.contactPlan.intervalLabel')}</label>
            <input
              id={`${id}-interval`}
              type="text"
              inputMode="numeric"
              {...fieldAria(intervalInvalid, `${id}-interval-error`)}
              {...form.register('contactPlan.intervalDays')}
            />
            <FieldError control={form.control} name="contactPlan.intervalDays" id={`${id}-interval-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('plan.contactPlan.reasonLabel')}</label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              {...fieldAria(reasonInvalid, `${id}-reason-error`, `${id}-reason-count`)}
              {...form.register('contactPlan.reason')}
            />
            <CharacterCounter
              control={form.control}
              name="contactPlan.reason"
              max={maxLengthOf(UpdatePlan, 'contactPlan.reason')}
              id={`${id}-reason-count`}
            />
            <FieldError control={form.control} name="contactPlan.reason" id={`${id}-reason-error`} />
          </div>
          <div className="button-row">
            <SubmitButton control={form.control}>{t('common.save')}</SubmitButton>
            <button type="button" className="button" onClick={close} disabled={isSubmitting}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className={contactPlan ? 'prewrap' : 'muted'} data-testid="contact-plan">
          {current}
        </p>
      )}
    </section>
  );
}
