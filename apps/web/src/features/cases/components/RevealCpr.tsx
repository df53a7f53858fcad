import { RevealCpr as RevealCprRequest } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, fieldAria, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { fieldError, useContractForm } from '@web/shared/forms/useContractForm';
import { useRevealCpr } from '../hooks/useRevealCpr';

type RevealState = { step: 'idle' } | { step: 'asking' } | { step: 'shown'; cpr: string };

/**
 * "Vis CPR": the full number only after the user gives a reason (the API logs it). The number
 * lives in this component's state only while it is shown: hiding it or leaving the page forgets it.
 */
export function RevealCpr({ citizenId }: { citizenId: string }) {
  const reveal = useRevealCpr(citizenId);
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<RevealState>({ step: 'idle' });
  const form = useContractForm<{ reason: string }, typeof RevealCprRequest>({
    schema: RevealCprRequest,
    defaultValues: { reason: '' },
  });
  const invalid = fieldError(form.formState.errors, 'reason') !== undefined;

  const submit = form.submitWith(
    async (input) => {
      const cpr = await reveal.mutateAsync(input);
      setState({ step: 'shown', cpr });
    },
    { failed: t('cpr.failed'), resetTo: () => ({ reason: '' }) },
  );

  function close() {
    form.reset({ reason: '' });
    setState({ step: 'idle' });
  }

  switch (state.step) {
    case 'idle':
      return (
        <button type="button" className="button button--small" onClick={() => setState({ step: 'asking' })}>
          {t('cpr.reveal')}
        </button>
      );
    case 'shown':
      return (
        <span className="cpr-revealed">
          <span className="visually-hidden">{t('cpr.fullNumber')}: </span>
          <strong className="nowrap" data-testid="cpr-revealed">
            {state.cpr}
          </strong>
          <button type="button" className="button button--small" onClick={close}>
            {t('cpr.hide')}
          </button>
        </span>
      );
    case 'asking':
      return (
        <form
          className="inline-form"
          onSubmit={(event) => void submit(event)}
          aria-busy={form.formState.isSubmitting}
          noValidate
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('cpr.reasonLabel')}</label>
            <input
              id={`${id}-reason`}
              type="text"
              // The user just asked for this form: moving focus into it is expected.
              autoFocus
              {...fieldAria(invalid, `${id}-error`, `${id}-hint`)}
              {...form.register('reason')}
            />
            <p id={`${id}-hint`} className="hint">
              {t('cpr.reasonHint')}
            </p>
            <FieldError control={form.control} name="reason" id={`${id}-error`} />
          </div>
          <FormStatus control={form.control} />
          <div className="button-row">
            <SubmitButton
              control={form.control}
              pendingLabel={t('cpr.revealing')}
              className="button button--primary button--small"
            >
              {t('cpr.reveal')}
            </SubmitButton>
            <button type="button" className="button button--small" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      );
  }
}
