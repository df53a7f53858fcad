import type { ReactNode } from 'react';

/** A table row's button that opens the panel under the row (`RowPanel`), or closes it. */
export function RowToggle({
  open,
  onToggle,
  label,
  testId,
  children,
}: {
  open: boolean;
  onToggle: () => void;
  /** The accessible name where the visible text alone does not say which row. */
  label?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="button button--small"
      aria-expanded={open}
      aria-label={label}
      data-testid={testId}
      onClick={onToggle}
    >
      {children}
    </button>
  );
}

/** What a row's toggle opened: a row of its own across the table's `columns`. */
export function RowPanel({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}
