import type { CaseloadRow } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusText, useLoadText } from './LoadBars';

/**
 * Who needs action now (over the ceiling, then near it; `rows` come worst first), at the top of the load section
 * so a phone shows them on its first screen; "Flyt sager" opens the person's cases to move, below.
 */
export function NeedsAction({
  rows,
  onShowCases,
}: {
  rows: readonly CaseloadRow[];
  onShowCases: (staffId: string) => void;
}) {
  const { t } = useTranslation();
  const loadText = useLoadText();
  const pressing = rows.filter((r) => r.ceiling !== null && r.status !== 'ok');
  if (pressing.length === 0) return <p data-testid="needs-action">{t('moves.noneNeedsAction')}</p>;
  return (
    <div className="needs-action" data-testid="needs-action">
      <h3 id="needs-action-title">{t('moves.needsAction')}</h3>
      <ul aria-labelledby="needs-action-title">
        {pressing.map((r) => (
          <li key={r.staffId}>
            <Link to={`/cases?scope=team&responsible=${r.staffId}`}>{r.name}</Link> · {loadText(r)}{' '}
            <StatusText row={r} testId={`action-status-${r.staffId}`} />{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={t('moves.moveFromFor', { name: r.name })}
              onClick={() => onShowCases(r.staffId)}
            >
              {t('moves.moveFrom')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
