import { useId } from 'react';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  /** The option's own language, for a screen reader (e.g. "English" in a Danish page). */
  lang?: string;
}

/**
 * A labelled select outside a contract form: a choice that only changes what the page shows (a
 * filter, a language), applied as soon as it is made.
 */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  className = 'field',
  testId,
}: {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  className?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        data-testid={testId}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
