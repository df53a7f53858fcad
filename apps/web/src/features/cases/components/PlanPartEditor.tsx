import type { UpdatePlan } from '@tvaers/contracts';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import type { ContractForm } from '@web/shared/forms/useContractForm';
import { useInPlaceEdit } from '../hooks/useInPlaceEdit';
import { PlanConflictAlert } from './PlanConflictAlert';
import type { PlanStamp } from './PlanConflictAlert';

export interface PlanPartProps {
  /** The plan shown now: its version, and who saved it when (for a conflict). */
  stamp: PlanStamp;
  /** Saves on `version`: the one the editor started from, so a save in between is a conflict. */
  onSave: (update: UpdatePlan, version: number) => Promise<void>;
  /** Whether the editor holds text not saved yet (for asking before leaving the page). */
  onUnsavedChange: (unsaved: boolean) => void;
}

/**
 * A part of the plan edited in place, the same for every part: its title with "Redigér"; the form
 * (opened on the plan shown now, saved on that version, a conflict shown with both texts, "Gem",
 * "Annullér" and Esc) or, while not editing, `display`. The fields are the caller's (`children`).
 */
export function PlanPartEditor<TForm extends FieldValues>({
  id,
  title,
  named = true,
  form,
  values,
  describe,
  display,
  stamp,
  onSave,
  onUnsavedChange,
  children,
}: PlanPartProps & {
  /** For element ids and the section's data-testid (`${id}-editor`). */
  id: string;
  title: string;
  /** A named region; not when the title equals the field's label, which must stay unambiguous. */
  named?: boolean;
  form: ContractForm<TForm, UpdatePlan>;
  /** The fields' values from the plan shown now. */
  values: TForm;
  /** Fields in words, for the two texts of a conflict. */
  describe: (values: TForm) => string;
  display: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const edit = useInPlaceEdit();
  const { editing, conflict, editButton, formRef, close, onError } = edit;
  const { isDirty } = form.formState;
  const unsaved = editing && isDirty;
  useEffect(() => onUnsavedChange(unsaved), [unsaved, onUnsavedChange]);

  function open() {
    form.reset(values);
    edit.open(stamp.version);
  }

  const submit = form.submitWith(
    async (update) => {
      await onSave(update, edit.versionFor(stamp.version));
      close();
    },
    { failed: t('plan.saveFailed'), onError },
  );

  return (
    <section className="plan-part" aria-labelledby={named ? `${id}-title` : undefined} data-testid={`${id}-editor`}>
      <div className="plan-part__heading">
        <h3 id={`${id}-title`}>{title}</h3>
        {!editing && (
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            aria-describedby={`${id}-title`}
            onClick={open}
          >
            {t('common.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <FormElement
          ref={formRef}
          control={form.control}
          onSubmit={submit}
          onCancel={close}
          className="form form--tight"
        >
          {conflict && (
            <PlanConflictAlert
              theirs={describe(values)}
              mine={describe(form.watch())}
              changedBy={stamp.updatedBy}
              changedAt={stamp.updatedAt}
              onTakeTheirs={close}
            />
          )}
          <FormStatus control={form.control} />
          {children}
          <FormActions control={form.control} submit={t('common.save')} onCancel={close} />
        </FormElement>
      ) : (
        display
      )}
    </section>
  );
}
