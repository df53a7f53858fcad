import { UpdateEffort } from '@tvaers/contracts';
import type { Effort, EffortStatus } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, fieldAria, FormStatus } from '../../../shared/forms/FormParts';
import { fieldError, useContractForm } from '../../../shared/forms/useContractForm';

/** Statuses chosen from the list; "stopped" has its own action because it needs a reason. */
const selectableStatuses = ['planned', 'active', 'completed'] as const satisfies readonly EffortStatus[];

function isSelectable(value: string): value is (typeof selectableStatuses)[number] {
  return (selectableStatuses as readonly string[]).includes(value);
}

/**
 * Change an effort's status, or stop it with a written reason. Every effort has the same controls:
 * each is described by its effort's title (`titleId`) so a screen reader says which one it is.
 */
export function EffortActions({
  effort,
  titleId,
  onChange,
}: {
  effort: Effort;
  titleId: string;
  onChange: (input: UpdateEffort) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A chosen status not yet saved; otherwise the select follows the plan (also after live updates).
  const [chosen, setChosen] = useState<EffortStatus | null>(null);
  const status = chosen ?? effort.status;
  const [stopping, setStopping] = useState(false);
  const statusForm = useContractForm<{ status: EffortStatus }, typeof UpdateEffort>({
    schema: UpdateEffort,
    defaultValues: { status: effort.status },
  });
  const stopForm = useContractForm<{ stopReason: string }, typeof UpdateEffort>({
    schema: UpdateEffort,
    defaultValues: { stopReason: '' },
    toRequest: ({ stopReason }) => ({ status: 'stopped', stopReason }),
  });
  const statusField = statusForm.register('status');
  const failed = t('efforts.changeFailed');

  const saveStatus = statusForm.submitWith(
    async (input) => {
      if (status === effort.status) return;
      await onChange(input);
      setChosen(null);
    },
    { failed },
  );

  const stop = stopForm.submitWith(
    async (input) => {
      await onChange(input);
      setStopping(false);
    },
    { failed },
  );

  return (
    <div className="effort__actions">
      {!stopping && <FormStatus control={statusForm.control} />}
      {!stopping && (
        <div className="button-row">
          <form
            className="inline-controls"
            onSubmit={(event) => void saveStatus(event)}
            aria-busy={statusForm.formState.isSubmitting}
            noValidate
          >
            <label htmlFor={`${id}-status`}>{t('efforts.status')}</label>
            <select
              id={`${id}-status`}
              aria-describedby={titleId}
              {...statusField}
              value={status}
              onChange={(event) => {
                if (!isSelectable(event.target.value)) return;
                setChosen(event.target.value);
                void statusField.onChange(event);
              }}
            >
              {selectableStatuses.map((value) => (
                <option key={value} value={value}>
                  {t(`effortStatuses.${value}`)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button button--small"
              disabled={statusForm.formState.isSubmitting || status === effort.status}
              aria-describedby={titleId}
            >
              {t('efforts.saveStatus')}
            </button>
          </form>
          <button
            type="button"
            className="button button--small button--danger"
            aria-describedby={titleId}
            onClick={() => setStopping(true)}
          >
            {t('efforts.stop')}
          </button>
        </div>
      )}
      {stopping && (
        <form
          className="form form--tight"
          onSubmit={(event) => void stop(event)}
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
            >
              {t('efforts.stopConfirm')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setStopping(false);
                stopForm.reset({ stopReason: '' });
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
