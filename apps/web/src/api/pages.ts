import { pageMax } from '@tvaers/contracts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every page of a paged list, the largest pages first asked for: for views that show a whole list bounded by
 * what they ask (a calendar period, a case's meetings). Lists that grow with the municipality show a page at a
 * time instead ("Vis flere").
 */
export async function allPages<T>(
  fetchPage: (page: { limit: number; cursor?: string }) => Promise<Page<T>>,
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
