import { UpdateEffort, EffortStatus as EffortStatusSchema } from '@tvaers/contracts';
import type { Effort, EffortStatus } from '@tvaers/contracts';
import { canStartEffort } from '@tvaers/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useToday } from '@web/shared/hooks/useToday';

const statuses = EffortStatusSchema.options;

interface StatusFields {
  status: EffortStatus;
  stopReason: string;
}

/** The reason goes with a stop only; the contract requires it there. */
const toRequest = ({ status, stopReason }: StatusFields) =>
  status === 'stopped' ? { status, stopReason } : { status };

/**
 * The effort's status: choose one and save it with "Gem status". Arrow keys in the select only
 * choose (a select that saved at once saved every status a keyboard user passed on the way).
 * "Afbrudt" (stopped) asks for the reason the contract requires, in the same form. Esc, like
 * "Annullér", puts back the saved status and keeps focus on the select. "I gang" is not offered
 * before the start date (`canStartEffort`). Every control is described by its effort's title
 * (`titleId`) so a screen reader says which one it is.
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
  const select = useRef<HTMLSelectElement | null>(null);
  const [saved, setSaved] = useState(false);
  const canStart = canStartEffort(effort.startDate, today);
  const form = useContractForm<StatusFields, typeof UpdateEffort>({
    schema: UpdateEffort,
    defaultValues: { status: effort.status, stopReason: '' },
    toRequest,
  });
  const stopping = form.watch('status') === 'stopped';

  // A status saved elsewhere (a live update) is shown, unless the user is choosing one here.
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty && form.getValues('status') !== effort.status) {
      form.reset({ status: effort.status, stopReason: '' }, { keepIsSubmitSuccessful: true });
    }
  }, [effort.status, isDirty, form]);

  const submit = form.submitWith(
    async (input) => {
      setSaved(false);
      if (input.status === effort.status) return;
      await onChange(input);
      if (input.status === 'stopped') onStopped();
      else setSaved(true);
    },
    {
      failed: t('efforts.changeFailed'),
      resetTo: ({ status }) => ({ status: status ?? effort.status, stopReason: '' }),
    },
  );

  function cancel() {
    form.reset({ status: effort.status, stopReason: '' });
    setSaved(false);
    select.current?.focus();
  }

  const hintId = `${id}-status-hint`;
  const { ref: registerRef, ...status } = form.register('status');
  return (
    <FormElement
      control={form.control}
      onSubmit={submit}
      onCancel={cancel}
      className="effort__actions form form--tight"
    >
      {/* After a save focus lands on "Status er gemt.": the button pressed is disabled while saving. */}
      <FormStatus control={form.control} saved={saved ? t('efforts.statusSaved') : undefined} />
      <div className="inline-controls">
        <label htmlFor={`${id}-status`}>{t('efforts.status')}</label>
        <select
          id={`${id}-status`}
          aria-describedby={`${titleId} ${hintId}`}
          {...status}
          ref={(element) => {
            registerRef(element);
            select.current = element;
          }}
        >
          {statuses.map((value) => (
            <option key={value} value={value} disabled={value === 'active' && !canStart}>
              {t(`effortStatuses.${value}`)}
            </option>
          ))}
        </select>
        {!stopping && (
          <SubmitButton control={form.control} className="button button--small" describedBy={titleId}>
            {t('efforts.saveStatus')}
          </SubmitButton>
        )}
      </div>
      <p className="hint" id={hintId}>
        {!canStart && effort.startDate && effort.status === 'planned' && (
          <>{t('efforts.notStartedYet', { date: format.date(effort.startDate) })} </>
        )}
        {t('efforts.statusHint')}
      </p>
      {stopping && (
        <>
          <FormField form={form} name="stopReason" label={t('efforts.stopReasonLabel')} describedBy={titleId}>
            {(field) => <textarea rows={2} {...field} />}
          </FormField>
          <FormActions
            control={form.control}
            submit={t('efforts.stopConfirm')}
            submitClassName="button button--danger-solid"
            small
            describedBy={titleId}
            onCancel={cancel}
          />
        </>
      )}
    </FormElement>
  );
}
