import type { ResponsibleTotal } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { DataTable } from '@web/shared/ui/DataTable';

/**
 * The team list's summary: active cases and their summed weight per responsible person, everyone of the
 * team (also without cases) and a total; a name shows that person's cases. Cases without anyone are flagged.
 */
export function ResponsibleTotals({
  totals,
  selected,
  busy,
  onSelect,
}: {
  totals: readonly ResponsibleTotal[];
  selected: string;
  busy: boolean;
  onSelect: (responsibleId: string) => void;
}) {
  const { t } = useTranslation();
  const sum = totals.reduce((acc, row) => ({ cases: acc.cases + row.activeCases, weight: acc.weight + row.weight }), {
    cases: 0,
    weight: 0,
  });

  return (
    <div className="table-wrap responsible-totals">
      <DataTable
        className="table table--stacked"
        testId="responsible-totals"
        busy={busy}
        caption={t('cases.totals.caption')}
        columns={[
          { label: t('cases.totals.responsible') },
          { label: t('cases.totals.activeCases'), className: 'table__number' },
          { label: t('cases.totals.weight'), className: 'table__number', describedBy: 'case-weight-hint' },
        ]}
        rows={[...totals, null]}
        renderRow={(row) =>
          row === null ? (
            <tr key="sum" className="table__total" data-testid="totals-sum">
              <th scope="row">{t('cases.totals.sum')}</th>
              <TotalCells cases={sum.cases} weight={sum.weight} />
            </tr>
          ) : (
            <tr key={row.responsibleId ?? 'none'} data-testid="totals-row">
              <th scope="row">
                {row.responsibleId === null ? (
                  <span className="badge badge--warning">{t('cases.noResponsible')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--link"
                    aria-pressed={selected === row.responsibleId}
                    onClick={() => onSelect(selected === row.responsibleId ? '' : (row.responsibleId ?? ''))}
                  >
                    {row.responsibleName}
                  </button>
                )}
              </th>
              <TotalCells cases={row.activeCases} weight={row.weight} />
            </tr>
          )
        }
      />
    </div>
  );
}

/** A row's figures: its active cases and their summed weight. */
function TotalCells({ cases, weight }: { cases: number; weight: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <td className="table__number" data-label={t('cases.totals.activeCases')}>
        {format.number(cases)}
      </td>
      <td className="table__number" data-label={t('cases.totals.weight')}>
        {format.number(weight)}
      </td>
    </>
  );
}
