import type { ContactPlan } from '@tvaers/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { useInPlaceEdit } from '../hooks/useInPlaceEdit';
import { PlanConflictAlert } from './PlanConflictAlert';

const id = 'contact-plan';

/** How often the unit is in touch with the citizen, and why: set by professional judgement, not a fixed rule. */
export function ContactPlanEditor({
  contactPlan,
  onSave,
}: {
  contactPlan: ContactPlan | null;
  onSave: (contactPlan: ContactPlan) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [interval, setIntervalDays] = useState('');
  const [reason, setReason] = useState('');
  const {
    editing,
    saving,
    conflict,
    error,
    setError,
    editButton,
    firstField,
    open: startEditing,
    close,
    save,
  } = useInPlaceEdit<HTMLInputElement>();

  function open() {
    setIntervalDays(contactPlan ? String(contactPlan.intervalDays) : '');
    setReason(contactPlan?.reason ?? '');
    startEditing();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const intervalDays = Number(interval);
    if (!Number.isInteger(intervalDays) || intervalDays < 1 || intervalDays > 365) {
      setError(t('plan.contactPlan.invalidInterval'));
      return;
    }
    if (reason.trim().length < 3) {
      setError(t('plan.contactPlan.reasonTooShort'));
      return;
    }
    return save(() => onSave({ intervalDays, reason: reason.trim() }));
  }

  const current = contactPlan
    ? `${t('plan.contactPlan.every', { count: contactPlan.intervalDays })} – ${contactPlan.reason}`
    : t('plan.contactPlan.empty');

  return (
    <section className="plan-part" aria-labelledby={`${id}-title`} data-testid={`${id}-editor`}>
      <div className="plan-part__heading">
        <h3 id={`${id}-title`}>{t('plan.contactPlan.title')}</h3>
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
          {conflict && <PlanConflictAlert savedText={current} />}
          {error && <ErrorAlert>{error}</ErrorAlert>}
          <div className="field field--short">
            <label htmlFor={`${id}-interval`}>{t('plan.contactPlan.intervalLabel')}</label>
            <input
              ref={firstField}
              id={`${id}-interval`}
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              step={1}
              required
              value={interval}
              onChange={(event) => setIntervalDays(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('plan.contactPlan.reasonLabel')}</label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              required
              minLength={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
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
        <p className={contactPlan ? 'prewrap' : 'muted'} data-testid="contact-plan">
          {current}
        </p>
      )}
    </section>
  );
}
