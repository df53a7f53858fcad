import { NewPassword } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { FormField } from '@web/shared/forms/FormField';
import { FormElement, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { PublicLayout } from '@web/shared/ui/PublicLayout';
import { useSetPassword } from '../hooks/useAdmin';

/** The contract's password rule, typed twice so a slip of the finger is caught before the link is used up. */
const SetPasswordFields = z
  .object({ password: NewPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'] });
type SetPasswordFields = z.input<typeof SetPasswordFields>;

/** `/set-password/:token`: public, like a guest link; a one-time link from an administrator sets the password. */
export function SetPasswordPage() {
  const { token = '' } = useParams<{ token: string }>();
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const { mutateAsync: setPassword } = useSetPassword();
  usePageTitle(done ? t('setPassword.doneTitle') : t('setPassword.title'));
  const form = useContractForm<SetPasswordFields, typeof SetPasswordFields>({
    schema: SetPasswordFields,
    defaultValues: { password: '', confirm: '' },
    refinementMessages: { confirm: t('setPassword.mismatch') },
  });
  const submit = form.submitWith(
    async ({ password }) => {
      await setPassword({ token, password });
      setDone(true);
    },
    { failed: t('setPassword.failed') },
  );
  return (
    <PublicLayout narrow>
      <div className="card">
        {done ? (
          <>
            <h1>{t('setPassword.doneTitle')}</h1>
            <p role="status">{t('setPassword.doneText')}</p>
            <p>
              <Link to="/login" className="button button--primary">
                {t('setPassword.login')}
              </Link>
            </p>
          </>
        ) : (
          <>
            <h1>{t('setPassword.title')}</h1>
            <p className="muted">{t('setPassword.intro')}</p>
            <FormStatus control={form.control} />
            <FormElement control={form.control} onSubmit={submit} className="form">
              <FormField form={form} name="password" label={t('setPassword.password')} counter={false}>
                {(field) => <input type="password" autoComplete="new-password" {...field} />}
              </FormField>
              <FormField form={form} name="confirm" label={t('setPassword.confirm')} counter={false}>
                {(field) => <input type="password" autoComplete="new-password" {...field} />}
              </FormField>
              <SubmitButton control={form.control} pendingLabel={t('setPassword.submitting')}>
                {t('setPassword.submit')}
              </SubmitButton>
            </FormElement>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
