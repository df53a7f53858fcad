import { CreateStaffAccount, type PasswordLink } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { useCreateStaff, usePasswordLink } from '../hooks/useAdmin';
import { PasswordLinkNotice } from './PasswordLinkNotice';
import { asArray } from '@web/shared/forms/FormField';
import { StaffFields, type StaffFormValues } from './StaffFields';

const empty: StaffFormValues = {
  email: '',
  name: '',
  roles: ['caseworker'],
  discipline: 'employment',
  phone: '',
  teamIds: [],
};

/** A new staff member, and at once the one-time link through which they choose their password. */
export function CreateStaffForm({ teams }: { teams: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateStaff();
  const [createdName, setCreatedName] = useState('');
  const [shown, setShown] = useState<{ name: string; link: PasswordLink } | null>(null);
  const issue = usePasswordLink();
  const form = useContractForm<StaffFormValues, typeof CreateStaffAccount>({
    schema: CreateStaffAccount,
    defaultValues: empty,
    toRequest: (v) => ({
      ...v,
      email: v.email.trim(),
      phone: v.phone.trim() || undefined,
      roles: asArray(v.roles),
      teamIds: asArray(v.teamIds),
    }),
    refinementMessages: { roles: t('admin.rolesRequired') },
  });
  const submit = form.submitWith(
    async (input) => {
      const created = await create.mutateAsync(input);
      setCreatedName(created.name);
      setShown(null);
      // The account exists whatever becomes of the link: a failure is said below, and the table can make one.
      issue.mutate(created.id, { onSuccess: (link) => setShown({ name: created.name, link }) });
    },
    { failed: t('admin.createFailed'), resetTo: () => empty },
  );
  return (
    <section aria-labelledby={`${id}-title`} className="card admin-section">
      <h2 id={`${id}-title`}>{t('admin.createTitle')}</h2>
      <p className="muted">{t('admin.createIntro')}</p>
      <FormElement control={form.control} onSubmit={submit} className="form">
        <FormStatus
          control={form.control}
          saved={createdName ? t('admin.created', { name: createdName }) : undefined}
        />
        <FormField form={form} name="email" label={t('admin.email')} counter={false}>
          {(field) => <input type="email" autoComplete="off" inputMode="email" {...field} />}
        </FormField>
        <StaffFields form={form} teams={teams} />
        <FormActions control={form.control} submit={t('admin.create')} pendingLabel={t('admin.creating')} />
      </FormElement>
      {shown && <PasswordLinkNotice name={shown.name} link={shown.link} onHide={() => setShown(null)} />}
      {issue.error && <ErrorAlert>{describeError(issue.error, t, t('admin.passwordLinkFailed'))}</ErrorAlert>}
    </section>
  );
}
