import type { CeilingSuggestion } from '@tvaers/contracts';
import { ProblemError } from '../common/problem/problem';

/** Names colleagues of the same discipline with room in `suggestions` (an extension member of the problem). */
export const caseloadCeilingExceeded = (
  c: { name: string; load: number; ceiling: number; weight: number },
  suggestions: CeilingSuggestion[] = [],
) =>
  new ProblemError(
    409,
    'CASELOAD_CEILING_EXCEEDED',
    `${c.name} has a load of ${c.load} of a ceiling of ${c.ceiling}; this case (weight ${c.weight}) would pass it.`,
    undefined,
    { suggestions },
  );
