import { disciplines, roles, type Discipline, type Role } from '@tvaers/contracts';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField, type FieldForm } from '@web/shared/forms/FormField';
import { FieldError, fieldAria } from '@web/shared/forms/FormParts';
import { fieldError } from '@web/shared/forms/useContractForm';

/** What the create and edit forms hold (the e-mail only when creating). */
export interface StaffFormValues {
  email: string;
  name: string;
  roles: Role[];
  discipline: Discipline;
  teamIds: string[];
}

/** A checkbox group holds an array; with one box react-hook-form may give a single value or false. */
export const asArray = <T,>(value: T[] | T | false | undefined): T[] =>
  Array.isArray(value) ? value : value ? [value] : [];

/** Several of a few choices, as checkboxes in a fieldset whose legend asks the question. */
function CheckboxGroup<TForm extends FieldValues, TName extends Path<TForm>>({
  form,
  name,
  legend,
  choices,
}: {
  form: FieldForm<TForm>;
  name: TName;
  legend: ReactNode;
  choices: readonly { value: string; label: ReactNode }[];
}) {
  const id = useId();
  const { errors } = useFormState({ control: form.control, name });
  return (
    <fieldset className="radio-group" {...fieldAria(fieldError(errors, name) !== undefined, `${id}-error`)}>
      <legend>{legend}</legend>
      {choices.map(({ value, label }) => (
        <div key={value} className="checkbox">
          <input id={`${id}-${value}`} type="checkbox" value={value} {...form.register(name)} />
          <label htmlFor={`${id}-${value}`}>{label}</label>
        </div>
      ))}
      <FieldError control={form.control} name={name} id={`${id}-error`} />
    </fieldset>
  );
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
      <CheckboxGroup
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
        <CheckboxGroup
          form={f}
          name="teamIds"
          legend={t('admin.teams')}
          choices={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      )}
    </>
  );
}
