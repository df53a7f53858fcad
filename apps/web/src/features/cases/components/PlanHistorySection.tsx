import type { CaseMember, Plan } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';

import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { usePlanHistory } from '../hooks/usePlanHistory';
import { describeVersion } from './history-text';
import type { HistoryContext } from './history-text';

const firstShown = 5;

/** Who changed what in the plan, and when: every version, newest first. */
export function PlanHistorySection({ caseId, plan, members }: { caseId: string; plan: Plan; members: CaseMember[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { data: versions, error, refetch } = usePlanHistory(caseId, plan.version);
  const [showAll, setShowAll] = useState(false);

  const context: HistoryContext = {
    t,
    format,
    effortTitles: new Map(plan.efforts.map((effort) => [effort.id, effort.title])),
    staffNames: new Map(members.map((member) => [member.staffId, member.name])),
  };
  const shown = versions && !showAll ? versions.slice(0, firstShown) : versions;

  return (
    <section className="card" aria-labelledby="history-title" data-testid="plan-history">
      <h2 id="history-title">{t('history.title')}</h2>
      <LoadError error={error} fallback={t('history.loadFailed')} onRetry={() => void refetch()} />
      {!versions && error === null && <LoadingStatus>{t('history.loading')}</LoadingStatus>}
      {shown && (
        <ol className="history">
          {shown.map((version) => {
            const { changes, hiddenNote, empty } = describeVersion(version, context);
            return (
              <li key={version.version} className="history__entry" data-testid={`history-version-${version.version}`}>
                <p className="history__meta">
                  <strong>{t('plan.version', { version: version.version })}</strong>{' '}
                  <span className="muted">
                    {version.by
                      ? t('history.by', { when: format.dateTime(version.at), name: version.by.name })
                      : t('history.at', { when: format.dateTime(version.at) })}
                  </span>
                </p>
                {empty && <p>{empty}</p>}
                {changes.length > 0 && (
                  <ul className="history__changes">
                    {changes.map((change) => (
                      <li key={change.key}>{change.text}</li>
                    ))}
                  </ul>
                )}
                {hiddenNote && (
                  <p className="note" data-testid="history-health-hidden">
                    {hiddenNote}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {versions && versions.length > firstShown && (
        <button type="button" className="button button--small" onClick={() => setShowAll((value) => !value)}>
          {showAll ? t('history.showFewer') : t('history.showAll', { count: versions.length })}
        </button>
      )}
    </section>
  );
}
