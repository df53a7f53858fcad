import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { WorklistItem } from '@tvaers/contracts';
import { fetchWorklist } from '@web/api/worklist-api';
import type { WorklistScope } from '@web/api/worklist-api';
import { queryKeys } from '@web/shared/query/query-keys';

const statusOrder: Record<WorklistItem['status'], number> = { overdue: 0, due_soon: 1, ok: 2 };

/** Overdue first, then due soon, then the rest; within each, the earliest deadline first. */
export function byUrgency(a: WorklistItem, b: WorklistItem): number {
  return (
    statusOrder[a.status] - statusOrder[b.status] ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.citizenName.localeCompare(b.citizenName, 'da')
  );
}

export function useWorklist(scope: WorklistScope, includeOk: boolean) {
  return useQuery({
    queryKey: queryKeys.worklist(scope, includeOk),
    queryFn: async ({ signal }) => (await fetchWorklist(scope, includeOk, signal)).sort(byUrgency),
    placeholderData: keepPreviousData,
  });
}
