import { type StaffAccount, UpdateStaffAccount } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useUpdateStaff } from '../hooks/useAdmin';
import { asArray } from '@web/shared/forms/FormField';
import { StaffFields, type StaffFormValues } from './StaffFields';

/** A person's name, roles, discipline and teams; they act with the new ones from their next request. */
export function EditStaffForm({
  account,
  teams,
  onDone,
}: {
  account: StaffAccount;
  teams: readonly { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  const form = useContractForm<StaffFormValues, typeof UpdateStaffAccount>({
    schema: UpdateStaffAccount,
    defaultValues: {
      email: account.email,
      name: account.name,
      roles: account.roles,
      discipline: account.discipline,
      phone: account.phone ?? '',
      teamIds: account.teams.map((team) => team.id),
    },
    toRequest: (v) => ({
      name: v.name,
      roles: asArray(v.roles),
      discipline: v.discipline,
      phone: v.phone.trim() || null,
      teamIds: asArray(v.teamIds),
    }),
    refinementMessages: { roles: t('admin.rolesRequired') },
  });
  const submit = form.submitWith(
    async (input) => {
      await update.mutateAsync({ id: account.id, input });
      onDone();
    },
    { failed: t('admin.editFailed') },
  );
  return (
    <FormElement control={form.control} onSubmit={submit} onCancel={onDone} className="form form--tight">
      <h3>{t('admin.editTitle', { name: account.name })}</h3>
      <FormStatus control={form.control} />
      <StaffFields form={form} teams={teams} />
      <FormActions control={form.control} submit={t('admin.save')} small onCancel={onDone} />
    </FormElement>
  );
}
