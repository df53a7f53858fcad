import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WorklistScope } from '@web/api/worklist-api';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';

import { ScopeToggle } from '@web/shared/ui/ScopeToggle';
import { SelectField } from '@web/shared/ui/SelectField';
import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useWorklist } from '../hooks/useWorklist';
import { WorklistTable } from './WorklistTable';
import './worklist.css';

/** "Arbejdsliste": the deadlines the system keeps for the caseworker (and the team), most urgent first. */
export function WorklistPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  // Caseworkers hold deadlines of their own; anyone else (health staff, a manager) starts on the team's.
  const fallback: WorklistScope = user.roles.includes('caseworker') ? 'mine' : 'team';
  const asked = params.get('scope');
  const scope: WorklistScope = asked === 'team' || asked === 'mine' ? asked : fallback;
  const includeOk = params.get('all') === 'true';
  // Who answers for a deadline: an id, `none` (no one yet), or everyone; the team's list only.
  const responsible = scope === 'team' ? (params.get('responsible') ?? '') : '';
  const { data: items, isFetching: loading, error, refetch } = useWorklist(scope, includeOk);
  usePageTitle(t('worklist.title'));
  const people = useMemo(() => {
    const byId = new Map(
      (items ?? []).flatMap((i) => (i.responsible ? [[i.responsible.id, i.responsible.name] as const] : [])),
    );
    return [...byId].sort(([, a], [, b]) => a.localeCompare(b, 'da'));
  }, [items]);
  const anyWithoutResponsible = (items ?? []).some((i) => i.responsible === null);
  const shown = useMemo(
    () =>
      responsible === ''
        ? items
        : items?.filter((i) => (responsible === 'none' ? i.responsible === null : i.responsible?.id === responsible)),
    [items, responsible],
  );

  function update(name: 'scope' | 'all' | 'responsible', value: string | null) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        if (name === 'scope' && value !== 'team') next.delete('responsible');
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <div className="page-heading">
        <h1>{t('worklist.title')}</h1>
        <ScopeToggle<WorklistScope>
          label={t('worklist.scopeLabel')}
          options={[
            { value: 'mine', label: t('worklist.mine') },
            { value: 'team', label: t('worklist.team') },
          ]}
          value={scope}
          onChange={(value) => update('scope', value)}
        />
      </div>
      <div className="checkbox worklist-options">
        <input
          id={`${id}-all`}
          type="checkbox"
          checked={includeOk}
          onChange={(event) => update('all', event.target.checked ? 'true' : null)}
        />
        <label htmlFor={`${id}-all`}>{t('worklist.includeOk')}</label>
      </div>
      {scope === 'team' && (
        <SelectField
          className="field worklist-filter"
          label={t('worklist.responsibleFilter')}
          value={responsible}
          options={[
            { value: '', label: t('worklist.allResponsible') },
            ...(anyWithoutResponsible || responsible === 'none'
              ? [{ value: 'none', label: t('worklist.noResponsible') }]
              : []),
            ...people.map(([value, label]) => ({ value, label })),
          ]}
          onChange={(value) => update('responsible', value)}
        />
      )}
      <div className="list-feedback">{loading && <LoadingStatus>{t('worklist.loading')}</LoadingStatus>}</div>
      <LoadError error={error} fallback={t('worklist.loadFailed')} onRetry={() => void refetch()} />
      {shown && <WorklistTable items={shown} scope={scope} busy={loading} filtered={responsible !== ''} />}
    </>
  );
}
