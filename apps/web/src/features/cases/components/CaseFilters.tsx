import { benefits, caseSorts } from '@tvaers/contracts';
import type { ResponsibleTotal } from '@tvaers/contracts';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@web/shared/ui/SelectField';
import type { CaseFilter } from '../hooks/useCases';

const searchDelayMs = 300;

/** A sort select's value: the field and the direction, e.g. `weight:desc`. */
type SortValue = `${CaseFilter['sort']}:${CaseFilter['order']}`;

/**
 * Search (name or CPR) and filters for the case list; typing searches after a short pause. The team list
 * also filters by responsible person: the team's people, as the totals name them.
 */
export function CaseFilters({
  filter,
  totals,
  onChange,
}: {
  filter: CaseFilter;
  totals: readonly ResponsibleTotal[];
  onChange: (change: Partial<CaseFilter>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState(filter.q);
  const applyQuery = useEffectEvent((q: string) => {
    if (q.trim() !== filter.q.trim()) onChange({ q: q.trim() });
  });

  useEffect(() => {
    const timer = window.setTimeout(() => applyQuery(query), searchDelayMs);
    return () => window.clearTimeout(timer);
  }, [query]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (query.trim() !== filter.q.trim()) onChange({ q: query.trim() });
  }

  return (
    <form role="search" aria-label={t('cases.filtersLabel')} className="filters" onSubmit={submit}>
      <div className="field filters__search">
        <label htmlFor={`${id}-q`}>{t('cases.search')}</label>
        <div className="inline-controls">
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit" className="button">
            {t('cases.searchSubmit')}
          </button>
        </div>
      </div>
      <SelectField
        label={t('cases.benefit')}
        value={filter.benefit}
        options={[
          { value: '', label: t('cases.allBenefits') },
          ...benefits.map((benefit) => ({ value: benefit, label: t(`benefits.${benefit}`) })),
        ]}
        onChange={(benefit) => onChange({ benefit })}
      />
      <SelectField<CaseFilter['status']>
        label={t('cases.status')}
        value={filter.status}
        options={[
          { value: 'active', label: t('caseStatuses.active') },
          { value: 'closed', label: t('caseStatuses.closed') },
          { value: 'all', label: t('cases.allStatuses') },
        ]}
        onChange={(status) => onChange({ status })}
      />
      {filter.scope === 'team' && (
        <SelectField
          label={t('cases.responsibleFilter')}
          value={filter.responsible}
          options={[
            { value: '', label: t('cases.allResponsible') },
            ...totals.flatMap((row) =>
              row.responsibleId ? [{ value: row.responsibleId, label: row.responsibleName ?? '' }] : [],
            ),
          ]}
          onChange={(responsible) => onChange({ responsible })}
        />
      )}
      <SelectField<SortValue>
        label={t('cases.sortLabel')}
        value={`${filter.sort}:${filter.order}`}
        options={caseSorts.flatMap((sort) =>
          (['asc', 'desc'] as const).map((order) => ({
            value: `${sort}:${order}` as const,
            label: t(`cases.sorts.${sort}_${order}`),
          })),
        )}
        onChange={(value) => {
          const [sort, order] = value.split(':') as [CaseFilter['sort'], CaseFilter['order']];
          onChange({ sort, order });
        }}
      />
    </form>
  );
}
