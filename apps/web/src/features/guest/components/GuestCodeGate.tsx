import { useQueryClient } from '@tanstack/react-query';
import { type GuestCodeGate as Gate, VerifyGuestCode } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendGuestCode, verifyGuestCode } from '@web/api/guest-api';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert, LoadingStatus } from '@web/shared/ui/StatusMessage';

/**
 * Where the municipality requires a one-time code (GUEST_EMAIL_CODE), the guest page shows the meeting and
 * this card instead of health data: send a code to the guest's e-mail, enter it, and the page loads again
 * with everything (the server remembers this browser in a cookie). Without an e-mail no code can come.
 */
export function GuestCodeGate({ token, gate }: { token: string; gate: Gate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useContractForm<{ code: string }, typeof VerifyGuestCode>({
    schema: VerifyGuestCode,
    defaultValues: { code: '' },
  });
  const submit = form.submitWith(
    async ({ code }) => {
      await verifyGuestCode(token, code);
      await queryClient.invalidateQueries({ queryKey: ['guest', token] });
    },
    { failed: t('guestCode.verifyFailed') },
  );
  const send = () => {
    setFailure(null);
    setSending(true);
    sendGuestCode(token)
      .then((r) => setSent(r.emailHint))
      .catch(setFailure)
      .finally(() => setSending(false));
  };

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
