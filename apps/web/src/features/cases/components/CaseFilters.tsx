import { benefits } from '@tvaers/contracts';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@web/shared/ui/SelectField';
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
    </form>
  );
}
