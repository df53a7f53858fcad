export interface ScopeOption<V extends string> {
  value: V;
  label: string;
}

/** Two or more mutually exclusive views (e.g. "Mine" / "Teamets"), as toggle buttons with aria-pressed. */
export function ScopeToggle<V extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly ScopeOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <div role="group" aria-label={label} className="scope-toggle">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="scope-toggle__button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
