import { UpdateEffort, EffortStatus as EffortStatusSchema } from '@tvaers/contracts';
import type { Effort, EffortStatus } from '@tvaers/contracts';
import { canStartEffort } from '@tvaers/domain';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, fieldAria, FormStatus } from '@web/shared/forms/FormParts';
import { fieldError, useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useToday } from '@web/shared/hooks/useToday';

const statuses = EffortStatusSchema.options;

function isStatus(value: string): value is EffortStatus {
  return (statuses as readonly string[]).includes(value);
}

/**
 * One status control that saves as soon as a status is chosen; "Afbrudt" (stopped) first asks for the
 * reason the contract requires. "I gang" is not offered before the start date (`canStartEffort`).
 * Every control is described by its effort's title (`titleId`) so a screen reader says which one it is.
 */
export function EffortActions({
  effort,
  titleId,
  onChange,
  onStopped,
}: {
  effort: Effort;
  titleId: string;
  onChange: (input: UpdateEffort) => Promise<void>;
  /** After a stop is saved: the controls go, so the item moves focus to its confirmation. */
  onStopped: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useToday();
  const id = useId();
  const [stopping, setStopping] = useState(false);
  // Cancelling the stop brings focus back to the status control it came from.
  const refocus = useRef(false);
  const canStart = canStartEffort(effort.startDate, today);
  const statusForm = useContractForm<{ status: EffortStatus }, typeof UpdateEffort>({
    schema: UpdateEffort,
    defaultValues: { status: effort.status },
  });
  const stopForm = useContractForm<{ stopReason: string }, typeof UpdateEffort>({
    schema: UpdateEffort,
    defaultValues: { stopReason: '' },
    toRequest: ({ stopReason }) => ({ status: 'stopped', stopReason }),
  });
  const failed = t('efforts.changeFailed');
  const saving = statusForm.formState.isSubmitting;
  // While saving, the select shows the chosen status; otherwise the plan's (also after live updates).
  const shown = saving ? statusForm.getValues('status') : effort.status;

  const saveStatus = statusForm.submitWith(
    async (input) => {
      await onChange(input);
    },
    { failed },
  );

  const stop = stopForm.submitWith(
    async (input) => {
      await onChange(input);
      setStopping(false);
      onStopped();
    },
    { failed },
  );

  const cancelStop = () => {
    refocus.current = true;
    setStopping(false);
    stopForm.reset({ stopReason: '' });
  };

  const hintId = `${id}-status-hint`;
  return (
    <div className="effort__actions">
      {!stopping && (
        <>
          <FormStatus control={statusForm.control} saved={t('efforts.statusSaved')} />
          <div className="inline-controls">
            <label htmlFor={`${id}-status`}>{t('efforts.status')}</label>
            <select
              id={`${id}-status`}
              ref={(element) => {
                if (element && refocus.current) {
                  refocus.current = false;
                  element.focus();
                }
              }}
              aria-describedby={`${titleId} ${hintId}`}
              aria-busy={saving}
              disabled={saving}
              value={shown}
              onChange={(event) => {
                const value = event.target.value;
                if (!isStatus(value) || value === effort.status) return;
                if (value === 'stopped') {
                  setStopping(true);
                  return;
                }
                statusForm.setValue('status', value);
                void saveStatus();
              }}
            >
              {statuses.map((value) => (
                <option key={value} value={value} disabled={value === 'active' && !canStart}>
                  {t(`effortStatuses.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <p className="hint" id={hintId}>
            {!canStart && effort.startDate && effort.status === 'planned' && (
              <>{t('efforts.notStartedYet', { date: format.date(effort.startDate) })} </>
            )}
            {t('efforts.statusHint')}
          </p>
        </>
      )}
      {stopping && (
        <form
          className="form form--tight"
          onSubmit={(event) => void stop(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelStop();
          }}
          aria-busy={stopForm.formState.isSubmitting}
          noValidate
        >
          <FormStatus control={stopForm.control} />
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('efforts.stopReasonLabel')}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              autoFocus
              {...fieldAria(
                fieldError(stopForm.formState.errors, 'stopReason') !== undefined,
                `${id}-reason-error`,
                titleId,
              )}
              {...stopForm.register('stopReason')}
            />
            <FieldError control={stopForm.control} name="stopReason" id={`${id}-reason-error`} />
          </div>
          <div className="button-row">
            <button
              type="submit"
              className="button button--danger-solid button--small"
              disabled={stopForm.formState.isSubmitting}
              aria-describedby={titleId}
            >
              {t('efforts.stopConfirm')}
            </button>
            <button type="button" className="button button--small" onClick={cancelStop}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
