import { Worklist } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

export type WorklistScope = 'mine' | 'team';

/** Which worklist: my own cases' deadlines or my teams', the non-urgent ones too, one responsible person's. */
export interface WorklistFilter {
  scope: WorklistScope;
  includeOk: boolean;
  /** The team's list narrowed to one person (an id), or to cases no one answers for yet (`none`). */
  responsible?: string;
}

/** One page of the worklist, most urgent first, in the server's order; `cursor` is the page before's `nextCursor`. */
export function fetchWorklist(
  filter: WorklistFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
  limit?: number,
): Promise<Worklist> {
  const query = {
    scope: filter.scope,
    includeOk: filter.includeOk ? ('true' as const) : undefined,
    responsible: filter.responsible || undefined,
    cursor,
    limit,
  };
  return unwrap(api.GET('/api/worklist', { params: { query }, signal }), Worklist);
}
