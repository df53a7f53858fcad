import { benefits } from '@tvaers/contracts';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFilter } from '../hooks/useCases';

const searchDelayMs = 300;

/** Search (name or CPR) and filters for the case list; typing searches after a short pause. */
export function CaseFilters({
  filter,
  onChange,
}: {
  filter: CaseFilter;
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
      <div className="field">
        <label htmlFor={`${id}-benefit`}>{t('cases.benefit')}</label>
        <select
          id={`${id}-benefit`}
          value={filter.benefit}
          onChange={(event) => onChange({ benefit: event.target.value })}
        >
          <option value="">{t('cases.allBenefits')}</option>
          {benefits.map((benefit) => (
            <option key={benefit} value={benefit}>
              {t(`benefits.${benefit}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('cases.status')}</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ status: value === 'closed' || value === 'all' ? value : 'active' });
          }}
        >
          <option value="active">{t('caseStatuses.active')}</option>
          <option value="closed">{t('caseStatuses.closed')}</option>
          <option value="all">{t('cases.allStatuses')}</option>
        </select>
      </div>
    </form>
  );
}
