import type { WorklistItem } from '@tvaers/contracts';
import { fetchWorklist } from '../../../api/worklist-api';
import type { WorklistScope } from '../../../api/worklist-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

const statusOrder: Record<WorklistItem['status'], number> = { overdue: 0, due_soon: 1, ok: 2 };

/** Overdue first, then due soon, then the rest; within each, the earliest deadline first. */
export function byUrgency(a: WorklistItem, b: WorklistItem): number {
  return (
    statusOrder[a.status] - statusOrder[b.status] ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.citizenName.localeCompare(b.citizenName, 'da')
  );
}

export function useWorklist(scope: WorklistScope, includeOk: boolean): Resource<WorklistItem[]> {
  return useResource(`worklist:${scope}:${includeOk}`, async (signal) =>
    (await fetchWorklist(scope, includeOk, signal)).sort(byUrgency),
  );
}
