import { CaseSort, CaseStatus } from '@tvaers/contracts';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';

import { ScopeToggle } from '@web/shared/ui/ScopeToggle';
import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { caseScopes, caseScopesFor, defaultCaseScope, useCases } from '../hooks/useCases';
import type { CaseFilter, CaseScope } from '../hooks/useCases';
import { CaseFilters } from './CaseFilters';
import { CaseTable } from './CaseTable';
import { ResponsibleTotals } from './ResponsibleTotals';
import './cases.css';

const titleKeys = { mine: 'cases.title', member: 'cases.memberTitle', team: 'cases.teamTitle' } as const;

/** The filter lives in the address, so a reload or a shared link shows the same list. */
function readFilter(params: URLSearchParams, fallbackScope: CaseScope): CaseFilter {
  const status = params.get('status');
  const scope = caseScopes.find((s) => s === params.get('scope')) ?? fallbackScope;
  return {
    scope,
    q: params.get('q') ?? '',
    status: status === 'all' ? 'all' : (CaseStatus.safeParse(status).data ?? 'active'),
    benefit: params.get('benefit') ?? '',
    responsible: scope === 'team' ? (params.get('responsible') ?? '') : '',
    sort: CaseSort.safeParse(params.get('sort')).data ?? 'citizen',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

const isDefault = (name: string, value: string) =>
  value === '' ||
  (name === 'status' && value === 'active') ||
  (name === 'sort' && value === 'citizen') ||
  (name === 'order' && value === 'asc');

/** "Mine sager", "Sager, jeg deltager i" and "Teamets sager": search, filters, sorting and per-person totals. */
export function CaseListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params, defaultCaseScope(user.roles)), [params, user.roles]);
  const format = useFormatters();
  const list = useCases(filter, user);
  // The first page carries the whole list's count and per-person totals; later pages only add rows.
  const first = list.data?.pages[0];
  const cases = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  // Busy (dimmed) while the list itself changes, not while "Vis flere" adds to it.
  const loading = list.isFetching && !list.isFetchingNextPage;
  const countRef = useRef<HTMLParagraphElement>(null);
  const showMore = () => {
    if (list.isFetchingNextPage) return;
    void list.fetchNextPage().then((result) => {
      // The button goes with the last page: focus stays near the list instead of falling to the page's top.
      if (!result.hasNextPage) countRef.current?.focus();
    });
  };
  const title = t(titleKeys[filter.scope]);
  usePageTitle(title);

  const update = useCallback(
    (change: Partial<CaseFilter>) => {
      const next: CaseFilter = { ...filter, ...change };
      // Another list has other people: a responsible filter is the team list's only.
      if (next.scope !== 'team') next.responsible = '';
      // The scope is always written: its default depends on the role, a shared link must not.
      const out = new URLSearchParams();
      for (const [name, value] of Object.entries(next)) {
        if (!isDefault(name, String(value))) out.set(name, String(value));
      }
      setParams(out, { replace: true });
    },
    [filter, setParams],
  );

  const noTeam = filter.scope === 'team' && user.teamIds.length === 0;
  // "Nothing matches" only after a search or filter; otherwise say what the list is and what to do.
  const searched = filter.q !== '' || filter.benefit !== '' || filter.status !== 'active' || filter.responsible !== '';
  const empty = searched
    ? t('cases.emptySearch')
    : filter.scope === 'team'
      ? t('cases.emptyTeam')
      : filter.scope === 'member'
        ? t('cases.emptyMember')
        : user.roles.includes('caseworker')
          ? t('cases.emptyMine')
          : t('cases.emptyMineNotResponsible');
  const scopes = caseScopesFor(user.roles);

  return (
    <>
      <div className="page-heading">
        <h1>{title}</h1>
        {scopes.length > 1 && (
          <ScopeToggle<CaseScope>
            label={t('cases.scopeLabel')}
            options={scopes.map((value) => ({ value, label: t(titleKeys[value]) }))}
            value={filter.scope}
            onChange={(scope) => update({ scope })}
          />
        )}
      </div>
      <CaseFilters filter={filter} totals={first?.totals ?? []} onChange={update} />
      <div className="list-feedback">{loading && <LoadingStatus>{t('cases.loading')}</LoadingStatus>}</div>
      {!list.isFetchNextPageError && (
        <LoadError error={list.error} fallback={t('cases.loadFailed')} onRetry={() => void list.refetch()} />
      )}
      {noTeam ? (
        <p className="muted">{t('cases.noTeam')}</p>
      ) : (
        first && (
          <>
            {filter.scope === 'team' && (
              <ResponsibleTotals
                totals={first.totals}
                selected={filter.responsible}
                busy={loading}
                onSelect={(responsible) => update({ responsible })}
              />
            )}
            <CaseTable cases={cases} total={first.total} scope={filter.scope} busy={loading} empty={empty} />
            {first.total > 0 && (
              <div className="case-list__more">
                <p
                  ref={countRef}
                  tabIndex={-1}
                  className="hint"
                  role="status"
                  aria-live="polite"
                  data-testid="case-count"
                >
                  {t('cases.shown', { shown: format.number(cases.length), total: format.number(first.total) })}
                </p>
                {list.isFetchNextPageError && (
                  <LoadError error={list.error} fallback={t('cases.moreFailed')} onRetry={showMore} />
                )}
                {list.hasNextPage && (
                  <button
                    type="button"
                    className="button"
                    aria-disabled={list.isFetchingNextPage}
                    aria-busy={list.isFetchingNextPage}
                    onClick={showMore}
                  >
                    {list.isFetchingNextPage && <span className="spinner" aria-hidden="true" />}
                    {list.isFetchingNextPage ? t('cases.loadingMore') : t('cases.more')}
                  </button>
                )}
              </div>
            )}
          </>
        )
      )}
    </>
  );
}
