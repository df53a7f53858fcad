import { type GuestCodeGate as Gate, VerifyGuestCode } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useSendGuestCode, useVerifyGuestCode } from '../hooks/useGuestCode';

/**
 * Where the municipality requires a one-time code (GUEST_EMAIL_CODE), the guest page shows the meeting and
 * this card instead of health data: send a code to the guest's e-mail, enter it, and the page loads again
 * with everything (the server remembers this browser in a cookie). Without an e-mail no code can come.
 */
export function GuestCodeGate({ token, gate }: { token: string; gate: Gate }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<string | null>(null);
  const sendCode = useSendGuestCode(token);
  const verify = useVerifyGuestCode(token);
  const sending = sendCode.isPending;
  const failure = sendCode.error;
  const form = useContractForm<{ code: string }, typeof VerifyGuestCode>({
    schema: VerifyGuestCode,
    defaultValues: { code: '' },
  });
  const submit = form.submitWith(
    async ({ code }) => {
      await verify.mutateAsync(code);
    },
    { failed: t('guestCode.verifyFailed') },
  );
  // The hint shown stays until the next code is sent: sending again does not take the form away.
  const send = () => sendCode.mutate(undefined, { onSuccess: (r) => setSent(r.emailHint) });

  return (
    <section className="card" aria-labelledby="guest-code-title" data-testid="guest-code-gate">
      <h2 id="guest-code-title">{t('guestCode.title')}</h2>
      {gate.emailHint === null ? (
        <p>{t('guestCode.noEmail')}</p>
      ) : (
        <>
          <p>{sent ? t('guestCode.sent', { email: sent }) : t('guestCode.text', { email: gate.emailHint })}</p>
          {sent && (
            <FormElement control={form.control} onSubmit={submit} className="form">
              <FormStatus control={form.control} />
              <FormField form={form} name="code" label={t('guestCode.code')} counter={false}>
                {(field) => <input {...field} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />}
              </FormField>
              <FormActions control={form.control} submit={t('guestCode.submit')} testId="guest-code-submit" />
            </FormElement>
          )}
          <p className="button-row">
            <button
              type="button"
              className={sent ? 'button' : 'button button--primary'}
              onClick={send}
              disabled={sending}
              data-testid="guest-code-send"
            >
              {sent ? t('guestCode.sendAgain') : t('guestCode.send')}
            </button>
          </p>
          {sending && <LoadingStatus>{t('guestCode.sending')}</LoadingStatus>}
          {failure !== null && <ErrorAlert>{describeError(failure, t, t('guestCode.sendFailed'))}</ErrorAlert>}
        </>
      )}
    </section>
  );
}
