import { Worklist } from '@tvaers/contracts';
import type { WorklistItem } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

export type WorklistScope = 'mine' | 'team';

/** Deadlines on the caller's own cases (`mine`) or their teams' cases (`team`). */
export async function fetchWorklist(
  scope: WorklistScope,
  includeOk: boolean,
  signal?: AbortSignal,
): Promise<WorklistItem[]> {
  const { items } = await unwrap(
    api.GET('/api/worklist', { params: { query: { scope, includeOk: includeOk ? 'true' : undefined } }, signal }),
    Worklist,
  );
  return items;
}
