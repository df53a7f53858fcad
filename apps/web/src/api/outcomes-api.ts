import { Outcomes } from '@tvaers/contracts';
import type { OutcomeQuery } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

/** A team's outcome figures over a period; managers of the team only (others: 403 or 404). */
export function fetchOutcomes(query: OutcomeQuery, signal?: AbortSignal): Promise<Outcomes> {
  return unwrap(api.GET('/api/outcomes', { params: { query }, signal }), Outcomes);
}
