import { useId } from 'react';
import type { ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import type {
  Control,
  FieldValues,
  Path,
  RegisterOptions,
  UseFormRegister,
  UseFormRegisterReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CharacterCounter } from './CharacterCounter';
import { FieldError, fieldAria } from './FormParts';
import { fieldError } from './useContractForm';

/** What a field's control gets from its FormField: id, descriptions and its registration in the form. */
export type FieldControlProps<TName extends string = string> = UseFormRegisterReturn<TName> & {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/** The parts of a contract form (useContractForm) a field needs. */
export interface FieldForm<TForm extends FieldValues> {
  control: Control<TForm, unknown, unknown>;
  register: UseFormRegister<TForm>;
  maxLength: (name: Path<TForm>) => number | undefined;
}

/**
 * One labelled field of a contract form, the same in every form: label ("valgfri" when optional),
 * hint, the control, a character counter wherever the contract limits the text, and the field's
 * error, with aria-invalid and aria-describedby wired to them. The control is the caller's:
 * `children` gets the props to spread on it (id, aria, the form's registration).
 */
export function FormField<TForm extends FieldValues, TName extends Path<TForm>>({
  form,
  name,
  label,
  optional = false,
  hint,
  describedBy,
  options,
  counter = true,
  id: givenId,
  className = 'field',
  children,
}: {
  form: FieldForm<TForm>;
  name: TName;
  label: ReactNode;
  optional?: boolean;
  /** Shown between the label and the control. */
  hint?: ReactNode;
  /** Ids of descriptions elsewhere on the page (e.g. the item the field belongs to). */
  describedBy?: string;
  options?: RegisterOptions<TForm, TName>;
  /** False where counting would only be noise (e.g. credentials); otherwise the contract's limit decides. */
  counter?: boolean;
  id?: string;
  className?: string;
  children: (props: FieldControlProps<TName>) => ReactNode;
}) {
  const { t } = useTranslation();
  const generatedId = useId();
  const id = givenId ?? `${generatedId}-field`;
  const { errors } = useFormState({ control: form.control, name });
  const invalid = fieldError(errors, name) !== undefined;
  const max = counter ? form.maxLength(name) : undefined;
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const countId = max === undefined ? undefined : `${id}-count`;
  const described = [describedBy, hintId, countId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="optional">{t('common.optional')}</span>
          </>
        )}
      </label>
      {hintId && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({ id, ...fieldAria(invalid, `${id}-error`, described), ...form.register(name, options) })}
      {countId && <CharacterCounter control={form.control} name={name} max={max} id={countId} />}
      <FieldError control={form.control} name={name} id={`${id}-error`} />
    </div>
  );
}

interface ChoiceProps<TForm extends FieldValues, TName extends Path<TForm>> {
  form: FieldForm<TForm>;
  name: TName;
  legend: ReactNode;
  choices: readonly { value: string; label: ReactNode }[];
}

/** A fieldset whose legend asks the question, one input per choice, and the group's error under them. */
function ChoiceGroup<TForm extends FieldValues, TName extends Path<TForm>>({
  form,
  name,
  legend,
  choices,
  type,
}: ChoiceProps<TForm, TName> & { type: 'radio' | 'checkbox' }) {
  const id = useId();
  const { errors } = useFormState({ control: form.control, name });
  return (
    <fieldset className="radio-group" {...fieldAria(fieldError(errors, name) !== undefined, `${id}-error`)}>
      <legend>{legend}</legend>
      {choices.map(({ value, label }) => (
        <div key={value} className={type}>
          <input id={`${id}-${value}`} type={type} value={value} {...form.register(name)} />
          <label htmlFor={`${id}-${value}`}>{label}</label>
        </div>
      ))}
      <FieldError control={form.control} name={name} id={`${id}-error`} />
    </fieldset>
  );
}

/**
 * One choice among a few, as radio buttons; its error (e.g. nothing chosen) is under the choices and the error
 * summary links to the first one.
 */
export function RadioField<TForm extends FieldValues, TName extends Path<TForm>>(props: ChoiceProps<TForm, TName>) {
  return <ChoiceGroup {...props} type="radio" />;
}

/** Several of a few choices, as checkboxes; the value is an array (read it with `asArray`). */
export function CheckboxField<TForm extends FieldValues, TName extends Path<TForm>>(props: ChoiceProps<TForm, TName>) {
  return <ChoiceGroup {...props} type="checkbox" />;
}

/** A checkbox group's value: with one box react-hook-form may give a single value, or false for none. */
export const asArray = <T,>(value: T[] | T | false | undefined): T[] =>
  Array.isArray(value) ? value : value ? [value] : [];
