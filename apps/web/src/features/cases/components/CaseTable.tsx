import type { Case } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import type { CaseScope } from '../hooks/useCases';
import { benefitLabel } from '../labels';

export function CaseTable({
  cases,
  scope,
  busy,
  empty,
}: {
  cases: Case[];
  scope: CaseScope;
  busy: boolean;
  /** What an empty list says: it depends on whether the user searched, and on scope and role. */
  empty: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const caption =
    scope === 'team'
      ? t('cases.captionTeam', { count: cases.length })
      : t('cases.captionMine', { count: cases.length });

  return (
    <div className="table-wrap">
      <table className="table table--stacked case-table" data-testid="case-list" aria-busy={busy}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.columns.citizen')}</th>
            <th scope="col">{t('cases.columns.cpr')}</th>
            <th scope="col">{t('cases.columns.benefit')}</th>
            <th scope="col">{t('cases.columns.responsible')}</th>
            <th scope="col">{t('cases.columns.status')}</th>
            <th scope="col" className="table__number" aria-describedby="case-weight-hint">
              {t('cases.columns.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                {empty}
              </td>
            </tr>
          ) : (
            cases.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={`/cases/${item.id}`}>{item.citizenName}</Link>
                </th>
                <td className="nowrap" data-label={t('cases.columns.cpr')}>
                  {item.cprMasked}
                </td>
                <td data-label={t('cases.columns.benefit')}>{benefitLabel(t, item.benefit)}</td>
                <td data-label={t('cases.columns.responsible')}>{item.responsibleName}</td>
                <td data-label={t('cases.columns.status')}>{t(`caseStatuses.${item.status}`)}</td>
                <td className="table__number" data-label={t('cases.columns.weight')}>
                  {format.number(item.weight)}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="hint" id="case-weight-hint">
        {t('cases.weightHint')}
      </p>
    </div>
  );
}
