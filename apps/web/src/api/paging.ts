import { pageMax } from '@tvaers/contracts';

/**
 * Every item of a paged list, following `nextCursor` in the largest pages: only for lists the caller knows are
 * bounded (a person's own cases, the cases behind a figure, a calendar period's meetings); lists that grow with the municipality are shown a
 * page at a time instead.
 */
export async function fetchAllPages<T>(
  fetchPage: (page: { limit: number; cursor?: string }) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ limit: pageMax, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
