import type { ReactNode } from 'react';

export interface TableColumn {
  label: ReactNode;
  className?: string;
  /** A hint elsewhere on the page that explains the column (e.g. what "Vægt" means). */
  describedBy?: string;
}

/**
 * A table of rows the same way everywhere: a caption that says what it lists, column headers, and
 * when there are no rows one row saying so (`empty`), so an empty list is never just a blank.
 * Each row is the caller's (`renderRow` returns its <tr>).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  renderRow,
  empty,
  className = 'table',
  testId,
  busy,
}: {
  caption: ReactNode;
  columns: readonly TableColumn[];
  rows: readonly T[];
  renderRow: (row: T, index: number) => ReactNode;
  empty?: ReactNode;
  className?: string;
  testId?: string;
  busy?: boolean;
}) {
  return (
    <table className={className} data-testid={testId} aria-busy={busy}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.className} aria-describedby={column.describedBy}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty !== undefined ? (
          <tr>
            <td colSpan={columns.length} className="muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map(renderRow)
        )}
      </tbody>
    </table>
  );
}
