import type { CaseloadRow } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';

export const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

/** "12 af 15 (80 %)" or "12 (intet loft)". */
export function useLoadText() {
  const { t } = useTranslation();
  const format = useFormatters();
  return (row: Pick<CaseloadRow, 'load' | 'ceiling' | 'utilization'>) =>
    row.ceiling === null
      ? t('dashboard.loadNoCeiling', { load: format.number(row.load) })
      : t('dashboard.loadOf', {
          load: format.number(row.load),
          ceiling: format.number(row.ceiling),
          percent: percent(row.utilization),
        });
}

/** The status in words; without a ceiling there is nothing to be under or over. */
export function useStatusText() {
  const { t } = useTranslation();
  return (row: Pick<CaseloadRow, 'status' | 'ceiling'>) =>
    row.ceiling === null ? t('dashboard.status.none') : t(`dashboard.status.${row.status}`);
}

export function StatusText({ row, testId }: { row: CaseloadRow; testId?: string }) {
  const statusText = useStatusText();
  const kind = row.ceiling === null ? 'none' : row.status;
  return (
    <span className={`caseload-status caseload-status--${kind}`} data-testid={testId}>
      {statusText(row)}
    </span>
  );
}

/**
 * Each person's load as a horizontal bar against a mark at their ceiling. The bars are decoration
 * (aria-hidden): the name, the numbers and the status stand beside them as text, and the status has a
 * word and a pattern of its own, not only a colour.
 */
export function LoadBars({ rows }: { rows: readonly CaseloadRow[] }) {
  const loadText = useLoadText();
  const max = Math.max(1, ...rows.flatMap((r) => [r.load, r.ceiling ?? 0]));
  const width = (v: number) => `${((v / max) * 100).toFixed(1)}%`;
  return (
    <ul className="load-bars" data-testid="load-bars">
      {rows.map((row) => (
        <li key={row.staffId} className={`load-bar load-bar--${row.status}`} data-testid={`load-${row.staffId}`}>
          <span className="load-bar__name">{row.name}</span>
          <span className="load-bar__track" aria-hidden="true">
            <span className="load-bar__fill" style={{ width: width(row.load) }} />
            {row.ceiling !== null && <span className="load-bar__ceiling" style={{ left: width(row.ceiling) }} />}
          </span>
          <span className="load-bar__value">
            {loadText(row)} <StatusText row={row} testId={`status-${row.staffId}`} />
          </span>
        </li>
      ))}
    </ul>
  );
}
