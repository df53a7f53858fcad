import type { WorklistItem } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';

const icons: Record<WorklistItem['status'], string> = { overdue: '!', due_soon: '◷', ok: '✓' };

/** Status in words plus a symbol and a border style, so it never depends on colour alone. */
export function DeadlineBadge({ status }: { status: WorklistItem['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge deadline deadline--${status}`} data-testid="deadline-status">
      <span className="deadline__icon" aria-hidden="true">
        {icons[status]}
      </span>
      {t(`worklist.statuses.${status}`)}
    </span>
  );
}
