import { RevealCpr as RevealCprRequest } from '@tvaers/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useRevealCpr } from '../hooks/useRevealCpr';

type RevealState = { step: 'idle' } | { step: 'asking' } | { step: 'shown'; cpr: string };

/**
 * "Vis CPR": the full number only after the user gives a reason (the API logs it). The number
 * lives in this component's state only while it is shown: hiding it or leaving the page forgets it.
 * Focus follows the steps (the reason field, the number, back to "Vis CPR"); Esc cancels.
 */
export function RevealCpr({ citizenId }: { citizenId: string }) {
  const reveal = useRevealCpr(citizenId);
  const { t } = useTranslation();
  const [state, setState] = useState<RevealState>({ step: 'idle' });
  const form = useContractForm<{ reason: string }, typeof RevealCprRequest>({
    schema: RevealCprRequest,
    defaultValues: { reason: '' },
  });
  // The element each step starts on; focused when the step changes (not on the page's first render).
  const stepStart = useRef<HTMLElement | null>(null);
  const stepped = useRef(false);
  useEffect(() => {
    if (stepped.current) stepStart.current?.focus();
    stepped.current = true;
  }, [state.step]);

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
        <button
          ref={(element) => {
            stepStart.current = element;
          }}
          type="button"
          className="button button--small"
          onClick={() => setState({ step: 'asking' })}
        >
          {t('cpr.reveal')}
        </button>
      );
    case 'shown':
      return (
        <span className="cpr-revealed">
          <span className="visually-hidden">{t('cpr.fullNumber')}: </span>
          <strong
            ref={(element) => {
              stepStart.current = element;
            }}
            tabIndex={-1}
            className="nowrap"
            data-testid="cpr-revealed"
          >
            {state.cpr}
          </strong>
          <button type="button" className="button button--small" onClick={close}>
            {t('cpr.hide')}
          </button>
        </span>
      );
    case 'asking':
      return (
        <FormElement control={form.control} onSubmit={submit} onCancel={close} className="inline-form">
          <FormField form={form} name="reason" label={t('cpr.reasonLabel')} hint={t('cpr.reasonHint')}>
            {(field) => (
              // The user just asked for this form: moving focus into it is expected.
              <input type="text" autoFocus {...field} />
            )}
          </FormField>
          <FormStatus control={form.control} />
          <FormActions
            control={form.control}
            submit={t('cpr.reveal')}
            pendingLabel={t('cpr.revealing')}
            small
            onCancel={close}
          />
        </FormElement>
      );
  }
}
