import { uuid } from '@tvaers/contracts';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
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
import { compareDanish } from '@tvaers/domain';

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
  const askedResponsible = scope === 'team' ? (params.get('responsible') ?? '') : '';
  const responsible = askedResponsible === 'none' || uuid.safeParse(askedResponsible).success ? askedResponsible : '';
  const worklist = useWorklist({ scope, includeOk, responsible: responsible || undefined });
  const { items, total } = worklist;
  usePageTitle(t('worklist.title'));
  // Whom to filter by: everyone the loaded pages named so far (a filtered list names only its person).
  const [named, setNamed] = useState<ReadonlyMap<string, string>>(() => new Map());
  const unseen = (items ?? []).filter((i) => !named.has(i.responsible?.id ?? 'none'));
  if (unseen.length) {
    setNamed(
      new Map([...named, ...unseen.map((i) => [i.responsible?.id ?? 'none', i.responsible?.name ?? ''] as const)]),
    );
  }
  const people = useMemo(
    () => [...named].filter(([id]) => id !== 'none').sort(([, a], [, b]) => compareDanish(a, b)),
    [named],
  );
  const anyWithoutResponsible = named.has('none');
  const loadingMore = worklist.isFetchingNextPage;
  // After "Vis flere" the keyboard goes on from the first new deadline, not from the top of the page.
  const list = useRef<HTMLDivElement>(null);
  const firstNew = useRef<number | null>(null);
  useEffect(() => {
    const index = firstNew.current;
    if (index === null || !items || items.length <= index) return;
    firstNew.current = null;
    list.current?.querySelectorAll<HTMLElement>('[data-testid="worklist-item"] a')[index]?.focus();
  }, [items]);
  function showMore() {
    if (loadingMore) return;
    firstNew.current = items?.length ?? 0;
    void worklist.fetchNextPage();
  }

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
      <div className="list-feedback">
        {worklist.isFetching && (
          <LoadingStatus>{loadingMore ? t('worklist.loadingMore') : t('worklist.loading')}</LoadingStatus>
        )}
      </div>
      {!worklist.isFetchNextPageError && (
        <LoadError error={worklist.error} fallback={t('worklist.loadFailed')} onRetry={() => void worklist.refetch()} />
      )}
      {items && total !== undefined && (
        <div ref={list}>
          <WorklistTable
            items={items}
            total={total}
            scope={scope}
            busy={worklist.isFetching && !loadingMore}
            filtered={responsible !== ''}
          />
          {items.length > 0 && (
            <p className="hint" data-testid="worklist-count" aria-live="polite">
              {t('worklist.shown', { shown: items.length, count: total })}
            </p>
          )}
          {worklist.isFetchNextPageError && (
            <LoadError
              error={worklist.error}
              fallback={t('worklist.loadFailed')}
              onRetry={() => void worklist.fetchNextPage()}
            />
          )}
          {worklist.hasNextPage && (
            <button
              type="button"
              className="button"
              data-testid="worklist-more"
              aria-disabled={loadingMore}
              onClick={showMore}
            >
              {loadingMore ? t('worklist.loadingMore') : t('worklist.more')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
