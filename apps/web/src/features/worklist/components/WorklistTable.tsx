import type { WorklistItem } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorklistScope } from '@web/api/worklist-api';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { DeadlineBadge } from './DeadlineBadge';

/** The API's link is a path inside the app; anything else falls back to the case page. */
function caseLink(item: WorklistItem): string {
  return item.link.startsWith('/') && !item.link.startsWith('//') ? item.link : `/cases/${item.caseId}`;
}

export function WorklistTable({ items, scope, busy }: { items: WorklistItem[]; scope: WorklistScope; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();

  return (
    <div className="table-wrap">
      <table className="table table--stacked worklist-table" data-testid="worklist" aria-busy={busy}>
        <caption>
          {scope === 'team'
            ? t('worklist.captionTeam', { count: items.length })
            : t('worklist.captionMine', { count: items.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('worklist.columns.status')}</th>
            <th scope="col">{t('worklist.columns.due')}</th>
            <th scope="col">{t('worklist.columns.task')}</th>
            <th scope="col">{t('worklist.columns.citizen')}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                {t('worklist.empty')}
              </td>
            </tr>
          ) : (
            items.map((item, index) => (
              <tr
                key={`${item.kind}-${item.caseId}-${item.dueDate}-${index}`}
                data-testid="worklist-item"
                data-status={item.status}
              >
                <td>
                  <DeadlineBadge status={item.status} />
                </td>
                <td className="nowrap" data-label={t('worklist.columns.due')}>
                  <time dateTime={item.dueDate}>{format.date(item.dueDate)}</time>
                </td>
                <td data-label={t('worklist.columns.task')}>{t(`worklist.kinds.${item.kind}`)}</td>
                <td data-label={t('worklist.columns.citizen')}>
                  <Link to={caseLink(item)}>{item.citizenName}</Link>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
