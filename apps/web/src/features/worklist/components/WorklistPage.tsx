import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WorklistScope } from '@web/api/worklist-api';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';

import { ScopeToggle } from '@web/shared/ui/ScopeToggle';
import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useWorklist } from '../hooks/useWorklist';
import { WorklistTable } from './WorklistTable';
import './worklist.css';

/** "Arbejdsliste": the deadlines the system keeps for the caseworker (and the team), most urgent first. */
export function WorklistPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const scope: WorklistScope = params.get('scope') === 'team' ? 'team' : 'mine';
  const includeOk = params.get('all') === 'true';
  const { data: items, isFetching: loading, error, refetch } = useWorklist(scope, includeOk);
  usePageTitle(t('worklist.title'));

  function update(name: 'scope' | 'all', value: string | null) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(name);
        else next.set(name, value);
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
          onChange={(value) => update('scope', value === 'team' ? 'team' : null)}
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
      <div className="list-feedback">{loading && <LoadingStatus>{t('worklist.loading')}</LoadingStatus>}</div>
      <LoadError error={error} fallback={t('worklist.loadFailed')} onRetry={() => void refetch()} />
      {items && <WorklistTable items={items} scope={scope} busy={loading} />}
    </>
  );
}
