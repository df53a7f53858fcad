import { UpdatePlan } from '@tvaers/contracts';
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

type GoalField = 'citizenGoal' | 'jobGoal';

export interface GoalEditorProps {
  /** Used for element ids and as the display's data-testid (e.g. `citizen-goal`). */
  id: string;
  /** The plan field edited; its limits are the contract's (UpdatePlan). */
  field: GoalField;
  title: string;
  hint: string;
  fieldLabel: string;
  emptyText: string;
  value: string;
  /** The plan shown now: its version, and who saved it when (for a conflict). */
  stamp: PlanStamp;
  /** Saves on `version`: the one the editor started from, so a save in between is a conflict. */
  onSave: (update: UpdatePlan, version: number) => Promise<void>;
  /** Whether the editor holds text not saved yet (for asking before leaving the page). */
  onUnsavedChange: (unsaved: boolean) => void;
}

/** A plan text edited in place: "Redigér" opens a labelled textarea with "Gem" and "Annullér". */
export function GoalEditor(props: GoalEditorProps) {
  const { id, field, title, hint, fieldLabel, emptyText, value, stamp, onSave, onUnsavedChange } = props;
  const { t } = useTranslation();
  const edit = useInPlaceEdit();
  const { editing, conflict, editButton, formRef, close, onError } = edit;
  const form = useContractForm<Partial<Record<GoalField, string>>, typeof UpdatePlan>({
    schema: UpdatePlan,
    defaultValues: { [field]: value },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const invalid = fieldError(errors, field) !== undefined;
  const unsaved = editing && isDirty;
  useEffect(() => onUnsavedChange(unsaved), [unsaved, onUnsavedChange]);

  function open() {
    form.reset({ [field]: value });
    edit.open(stamp.version);
  }

  const submit = form.submitWith(
    async (update) => {
      await onSave(update, edit.versionFor(stamp.version));
      close();
    },
    { failed: t('plan.saveFailed'), onError: onError },
  );

  return (
    // Not a named region: its heading equals the textarea's label, which must stay unambiguous.
    <section className="plan-part" data-testid={`${id}-editor`}>
      <PlanPartHeading id={id} title={title} editing={editing} editButton={editButton} onEdit={open} />
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
              theirs={value}
              mine={form.watch(field) ?? ''}
              changedBy={stamp.updatedBy}
              changedAt={stamp.updatedAt}
              onTakeTheirs={close}
            />
          )}
          <FormStatus control={form.control} />
          <div className="field">
            <label htmlFor={`${id}-field`}>{fieldLabel}</label>
            <p id={`${id}-hint`} className="hint">
              {hint}
            </p>
            <textarea
              id={`${id}-field`}
              rows={4}
              {...fieldAria(invalid, `${id}-error`, `${id}-hint ${id}-count`)}
              {...form.register(field)}
            />
            <CharacterCounter
              control={form.control}
              name={field}
              max={maxLengthOf(UpdatePlan, field)}
              id={`${id}-count`}
            />
            <FieldError control={form.control} name={field} id={`${id}-error`} />
          </div>
          <div className="button-row">
            <SubmitButton control={form.control}>{t('common.save')}</SubmitButton>
            <button type="button" className="button" onClick={close} disabled={isSubmitting}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted plan-part__hint">{hint}</p>
          <p className={value ? 'prewrap goal-text' : 'muted goal-text'} data-testid={id}>
            {value || emptyText}
          </p>
        </>
      )}
    </section>
  );
}
