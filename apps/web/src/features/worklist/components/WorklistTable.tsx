import type { WorklistItem } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorklistScope } from '@web/api/worklist-api';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { DataTable } from '@web/shared/ui/DataTable';
import { DeadlineBadge } from './DeadlineBadge';

/** The API's link is a path inside the app; anything else falls back to the case page. */
function caseLink(item: WorklistItem): string {
  return item.link.startsWith('/') && !item.link.startsWith('//') ? item.link : `/cases/${item.caseId}`;
}

export function WorklistTable({
  items,
  total,
  scope,
  busy,
  filtered = false,
}: {
  /** The loaded pages' items, in the server's order. */
  items: WorklistItem[];
  /** How many deadlines the whole list has. */
  total: number;
  scope: WorklistScope;
  busy: boolean;
  /** Narrowed to one responsible person: an empty list then says so. */
  filtered?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();

  return (
    <div className="table-wrap">
      <DataTable
        className="table table--stacked worklist-table"
        testId="worklist"
        busy={busy}
        caption={
          scope === 'team' ? t('worklist.captionTeam', { count: total }) : t('worklist.captionMine', { count: total })
        }
        columns={[
          { label: t('worklist.columns.status') },
          { label: t('worklist.columns.due') },
          { label: t('worklist.columns.task') },
          { label: t('worklist.columns.citizen') },
          { label: t('worklist.columns.responsible') },
        ]}
        rows={items}
        empty={filtered ? t('worklist.emptyFiltered') : t('worklist.empty')}
        renderRow={(item, index) => (
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
            <td data-label={t('worklist.columns.task')}>
              {/* A health item the user may not read says so; it never carries health content. */}
              {item.healthHidden ? t('worklist.healthStatementHidden') : t(`worklist.kinds.${item.kind}`)}
            </td>
            <td data-label={t('worklist.columns.citizen')}>
              <Link to={caseLink(item)}>{item.citizenName}</Link>
            </td>
            <td data-label={t('worklist.columns.responsible')} data-testid="worklist-responsible">
              {/* A deadline no one answers for is flagged, never blank. */}
              {item.responsible ? (
                item.responsible.name
              ) : (
                <span className="badge badge--warning">{t('worklist.noResponsible')}</span>
              )}
            </td>
          </tr>
        )}
      />
    </div>
  );
}
