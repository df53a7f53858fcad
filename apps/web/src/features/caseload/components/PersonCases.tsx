import type { Case, CaseloadRow } from '@tvaers/contracts';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePersonWorklist } from '@web/features/worklist/hooks/useWorklist';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { usePersonCases } from '../hooks/useCaseload';
import { MovePanel } from './MovePanel';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One person's active cases in the team, oldest first (weight, age, next deadline), to move from: "Flyt sag" for
 * one, or tick several and "Flyt valgte". Someone else's move shows here too (the list follows the team's loads).
 */
export function PersonCases({
  teamId,
  row,
  team,
  focusKey,
}: {
  teamId: string;
  row: CaseloadRow;
  team: readonly CaseloadRow[];
  /** Set (and changed) when opened from elsewhere on the page: the list's heading takes the focus. */
  focusKey?: number;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const cases = usePersonCases(teamId, row.staffId);
  // The deadlines of this person's cases: every active case has at least its follow-up.
  const worklist = usePersonWorklist(row.staffId);
  const [now] = useState(() => Date.now());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [moving, setMoving] = useState<readonly Case[] | null>(null);
  const [moved, setMoved] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) heading.current?.focus();
  }, [focusKey]);

  const nextDeadline = useMemo(() => {
    const earliest = new Map<string, string>();
    for (const item of worklist.items ?? []) {
      const known = earliest.get(item.caseId);
      if (!known || item.dueDate < known) earliest.set(item.caseId, item.dueDate);
    }
    return earliest;
  }, [worklist.items]);

  const items = cases.data ?? [];
  // A case moved away meanwhile (here or by a colleague) is no longer one to choose.
  const chosen = items.filter((k) => selected.has(k.id));
  const toggle = (caseId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(caseId);
    else next.delete(caseId);
    setSelected(next);
  };

  return (
    <div className="person-cases" data-testid={`person-cases-${row.staffId}`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('moves.title', { name: row.name })}
      </h3>
      <p role="status" data-testid="move-status">
        {moved}
      </p>
      {cases.isPending && <LoadingStatus>{t('moves.loading')}</LoadingStatus>}
      <LoadError error={cases.error} fallback={t('moves.loadFailed')} onRetry={() => void cases.refetch()} />
      {cases.data &&
        (items.length === 0 ? (
          <p>{t('moves.empty', { name: row.name })}</p>
        ) : (
          <>
            <ul className="person-cases__list" aria-labelledby={`${id}-title`} aria-busy={cases.isFetching}>
              {items.map((k) => {
                const deadline = nextDeadline.get(k.id);
                return (
                  <li key={k.id} className="person-case" data-testid={`person-case-${k.id}`}>
                    <div className="checkbox">
                      <input
                        id={`${id}-${k.id}`}
                        type="checkbox"
                        checked={selected.has(k.id)}
                        onChange={(event) => toggle(k.id, event.target.checked)}
                      />
                      <label htmlFor={`${id}-${k.id}`}>
                        {t('moves.select')}
                        <span className="visually-hidden"> {t('moves.selectCase', { name: k.citizenName })}</span>
                      </label>
                    </div>
                    <p className="person-case__text">
                      <Link to={`/cases/${k.id}`}>{k.citizenName}</Link>
                      <span className="muted">
                        {' · '}
                        {t('moves.weight', { weight: format.number(k.weight) })}
                        {' · '}
                        {t('moves.age', { count: Math.max(0, Math.floor((now - Date.parse(k.openedAt)) / DAY_MS)) })}
                        {deadline && (
                          <>
                            {' · '}
                            {t('moves.deadline', { date: format.dayOf(deadline) })}
                          </>
                        )}
                      </span>
                    </p>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('moves.moveOneFor', { name: k.citizenName })}
                      data-testid={`move-${k.id}`}
                      onClick={() => setMoving([k])}
                    >
                      {t('moves.moveOne')}
                    </button>
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="button"
              disabled={chosen.length === 0}
              data-testid={`move-selected-${row.staffId}`}
              onClick={() => setMoving(chosen)}
            >
              {t('moves.moveSelected', { count: chosen.length })}
            </button>
          </>
        ))}
      {moving && (
        <MovePanel
          teamId={teamId}
          holder={row}
          cases={moving}
          team={team}
          onCancel={() => setMoving(null)}
          onMoved={(name) => {
            setMoved(
              moving.length === 1
                ? t('moves.movedOne', { citizen: moving[0].citizenName, name })
                : t('moves.movedMany', { count: moving.length, from: row.name, name }),
            );
            setMoving(null);
            setSelected(new Set());
          }}
        />
      )}
    </div>
  );
}
