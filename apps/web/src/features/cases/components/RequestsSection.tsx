import type { CitizenRequest } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadingStatus, LoadError } from '@web/shared/ui/StatusMessage';
import { useCitizenRequests } from '../hooks/useCitizenRequests';
import { NewRequestForm } from './NewRequestForm';
import { RequestItem } from './RequestItem';

/** Open requests first (earliest decision deadline first), then decided ones, newest first. */
function byUrgency(a: CitizenRequest, b: CitizenRequest): number {
  if ((a.decision === null) !== (b.decision === null)) return a.decision === null ? -1 : 1;
  if (a.decision === null) return a.decisionDue.localeCompare(b.decisionDue);
  return (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '');
}

/** The citizen's right to an effort: requests, their deadlines, and decisions justified in writing. */
export function RequestsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { data: requests, error, refetch } = useCitizenRequests(caseId);
  const [deciding, setDeciding] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="requests-title" data-testid="requests">
      <h2 id="requests-title">{t('requests.title')}</h2>
      <p className="muted">{t('requests.intro')}</p>
      <LoadError error={error} fallback={t('requests.loadFailed')} onRetry={() => void refetch()} />
      {!requests && error === null && <LoadingStatus>{t('requests.loading')}</LoadingStatus>}
      {requests && requests.length === 0 && <p>{t('requests.empty')}</p>}
      {requests && requests.length > 0 && (
        <ul className="request-list">
          {[...requests].sort(byUrgency).map((item) => (
            <RequestItem
              key={item.id}
              caseId={caseId}
              request={item}
              deciding={deciding === item.id}
              onDecide={() => setDeciding(item.id)}
              onClose={() => setDeciding(null)}
              onDecided={() => setDeciding(null)}
            />
          ))}
        </ul>
      )}
      <NewRequestForm caseId={caseId} />
    </section>
  );
}
