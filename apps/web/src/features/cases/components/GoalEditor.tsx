import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { useInPlaceEdit } from '../hooks/useInPlaceEdit';
import { PlanConflictAlert } from './PlanConflictAlert';

export interface GoalEditorProps {
  /** Used for element ids and as the display's data-testid (e.g. `citizen-goal`). */
  id: string;
  title: string;
  hint: string;
  fieldLabel: string;
  emptyText: string;
  value: string;
  maxLength: number;
  onSave: (text: string) => Promise<void>;
}

/** A plan text edited in place: "Redigér" opens a labelled textarea with "Gem" and "Annullér". */
export function GoalEditor({ id, title, hint, fieldLabel, emptyText, value, maxLength, onSave }: GoalEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const {
    editing,
    saving,
    conflict,
    error,

    editButton,
    firstField,
    open: startEditing,
    close,
    save,
  } = useInPlaceEdit<HTMLTextAreaElement>();

  function open() {
    setDraft(value);
    startEditing();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    return save(() => onSave(draft));
  }

  return (
    // Not a named region: its heading equals the textarea's label, which must stay unambiguous.
    <section className="plan-part" data-testid={`${id}-editor`}>
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
        <form className="form form--tight" onSubmit={(event) => void submit(event)} aria-busy={saving}>
          {conflict && <PlanConflictAlert savedText={value} />}
          {error && <ErrorAlert>{error}</ErrorAlert>}
          <div className="field">
            <label htmlFor={`${id}-field`}>{fieldLabel}</label>
            <p id={`${id}-hint`} className="hint">
              {hint}
            </p>
            <textarea
              ref={firstField}
              id={`${id}-field`}
              rows={4}
              maxLength={maxLength}
              aria-describedby={`${id}-hint`}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('common.saving') : t('common.save')}
            </button>
            <button type="button" className="button" onClick={close} disabled={saving}>
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
