import type { Case } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { DataTable } from '@web/shared/ui/DataTable';
import type { CaseScope } from '../hooks/useCases';
import { benefitLabel } from '../labels';

const captionKeys = { mine: 'cases.captionMine', member: 'cases.captionMember', team: 'cases.captionTeam' } as const;

export function CaseTable({
  cases,
  total,
  scope,
  busy,
  empty,
}: {
  /** The cases shown (the pages loaded so far). */
  cases: Case[];
  /** How many cases the whole list has. */
  total: number;
  scope: CaseScope;
  busy: boolean;
  /** What an empty list says: it depends on whether the user searched, and on scope and role. */
  empty: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const caption = t(captionKeys[scope], { count: total });

  return (
    <div className="table-wrap">
      <DataTable
        className="table table--stacked case-table"
        testId="case-list"
        busy={busy}
        caption={caption}
        columns={[
          { label: t('cases.columns.citizen') },
          { label: t('cases.columns.cpr') },
          { label: t('cases.columns.benefit') },
          { label: t('cases.columns.responsible') },
          { label: t('cases.columns.status') },
          { label: t('cases.columns.opened') },
          { label: t('cases.columns.weight'), className: 'table__number', describedBy: 'case-weight-hint' },
        ]}
        rows={cases}
        empty={empty}
        renderRow={(item) => (
          <tr key={item.id}>
            <th scope="row">
              <Link to={`/cases/${item.id}`}>{item.citizenName}</Link>
            </th>
            <td className="nowrap" data-label={t('cases.columns.cpr')}>
              {item.cprMasked}
            </td>
            <td data-label={t('cases.columns.benefit')}>{benefitLabel(t, item.benefit)}</td>
            <td data-label={t('cases.columns.responsible')}>
              {/* A queued case waits for someone: flagged, not blank. */}
              {item.responsibleName || <span className="badge badge--warning">{t('cases.noResponsible')}</span>}
            </td>
            <td data-label={t('cases.columns.status')}>{t(`caseStatuses.${item.status}`)}</td>
            <td className="nowrap" data-label={t('cases.columns.opened')}>
              <time dateTime={item.openedAt}>{format.dayOf(item.openedAt)}</time>
            </td>
            <td className="table__number" data-label={t('cases.columns.weight')}>
              {format.number(item.weight)}
            </td>
          </tr>
        )}
      />
      <p className="hint" id="case-weight-hint">
        {t('cases.weightHint')}
      </p>
    </div>
  );
}
