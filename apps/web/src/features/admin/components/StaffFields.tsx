import { disciplines, roles, type Discipline, type Role } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FormField, type FieldForm } from '@web/shared/forms/FormField';

/** What the create and edit forms hold (the e-mail only when creating). */
export interface StaffFormValues {
  email: string;
  name: string;
  roles: Role[];
  discipline: Discipline;
  /** The work phone guests are given in meeting invitations; empty: none. */
  phone: string;
  teamIds: string[];
}

/** Name, roles, discipline and teams: the same fields when creating and when editing a person. */
export function StaffFields<TForm extends StaffFormValues>({
  form,
  teams,
}: {
  form: FieldForm<TForm>;
  teams: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const f = form as unknown as FieldForm<StaffFormValues>;
  return (
    <>
      <FormField form={f} name="name" label={t('admin.name')} counter={false}>
        {(field) => <input type="text" autoComplete="off" {...field} />}
      </FormField>
      <FormField form={f} name="phone" label={t('admin.phone')} hint={t('admin.phoneHint')} counter={false}>
        {(field) => <input type="tel" autoComplete="off" inputMode="tel" {...field} />}
      </FormField>
      <CheckboxField
        form={f}
        name="roles"
        legend={t('admin.roles')}
        choices={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <FormField form={f} name="discipline" label={t('admin.discipline')}>
        {(field) => (
          <select {...field}>
            {disciplines.map((d) => (
              <option key={d} value={d}>
                {t(`disciplines.${d}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {teams.length > 0 && (
        <CheckboxField
          form={f}
          name="teamIds"
          legend={t('admin.teams')}
          choices={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      )}
    </>
  );
}
