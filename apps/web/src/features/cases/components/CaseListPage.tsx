import { CaseStatus } from '@tvaers/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';

import { ScopeToggle } from '@web/shared/ui/ScopeToggle';
import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useCases } from '../hooks/useCases';
import type { CaseFilter, CaseScope } from '../hooks/useCases';
import { CaseFilters } from './CaseFilters';
import { CaseTable } from './CaseTable';
import './cases.css';

/** The filter lives in the address, so a reload or a shared link shows the same list. */
function readFilter(params: URLSearchParams): CaseFilter {
  const status = params.get('status');
  return {
    scope: params.get('scope') === 'team' ? 'team' : 'mine',
    q: params.get('q') ?? '',
    status: status === 'all' ? 'all' : (CaseStatus.safeParse(status).data ?? 'active'),
    benefit: params.get('benefit') ?? '',
  };
}

/** "Mine sager" and "Teamets sager": the caseworker's cases with search and filters. */
export function CaseListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const { data: cases, isFetching: loading, error, refetch } = useCases(filter, user);
  const title = filter.scope === 'team' ? t('cases.teamTitle') : t('cases.title');
  usePageTitle(title);

  const update = useCallback(
    (change: Partial<CaseFilter>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(change)) {
            const isDefault =
              value === '' || (name === 'scope' && value === 'mine') || (name === 'status' && value === 'active');
            if (isDefault) next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const noTeam = filter.scope === 'team' && user.teamIds.length === 0;
  // "Nothing matches" only after a search or filter; otherwise say what the list is and that it is empty.
  const searched = filter.q !== '' || filter.benefit !== '' || filter.status !== 'active';
  const responsible = user.roles.includes('caseworker');
  const empty = searched
    ? t('cases.emptySearch')
    : filter.scope === 'team'
      ? t('cases.emptyTeam')
      : responsible
        ? t('cases.emptyMine')
        : t('cases.emptyMineNotResponsible');

  return (
    <>
      <div className="page-heading">
        <h1>{title}</h1>
        <ScopeToggle<CaseScope>
          label={t('cases.scopeLabel')}
          options={[
            { value: 'mine', label: t('cases.title') },
            { value: 'team', label: t('cases.teamTitle') },
          ]}
          value={filter.scope}
          onChange={(scope) => update({ scope })}
        />
      </div>
      <CaseFilters filter={filter} onChange={update} />
      <div className="list-feedback">{loading && <LoadingStatus>{t('cases.loading')}</LoadingStatus>}</div>
      <LoadError error={error} fallback={t('cases.loadFailed')} onRetry={() => void refetch()} />
      {noTeam ? (
        <p className="muted">{t('cases.noTeam')}</p>
      ) : (
        cases && <CaseTable cases={cases} scope={filter.scope} busy={loading} empty={empty} />
      )}
    </>
  );
}
