import { pageDefault, pageMax } from '@tvaers/contracts';
import type { z } from 'zod';
import { validationFailed } from '../problem/problem';

/**
 * Keyset paging, the one way lists that grow with the municipality are paged: the cursor holds the sort key of
 * the page's last row, and the next page is the rows strictly after it in the list's order. No row is skipped or
 * repeated when rows are added between pages, and a late page costs what the first one does.
 */

/** One column of a list's order. Its value must not be null and must survive JSON exactly (no Date with µs). */
export interface KeysetColumn {
  expr: string;
  dir: 'ASC' | 'DESC';
}

export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key in a cursor this API gave out, checked against the list's key shape; anything else is a 400. */
export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.output<T> {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the 400 below
  }
  throw validationFailed([{ path: 'cursor', message: 'not a cursor this API gave out' }]);
}

/**
 * The predicate "after `key` in the order of `columns`" for a query builder, with named parameters
 * `:ks0`, `:ks1`, …: (a > x) OR (a = x AND b > y) …, with < for descending columns.
 */
export function keysetAfter(
  columns: readonly KeysetColumn[],
  key: readonly unknown[],
): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  columns.forEach((_, i) => (params[`ks${i}`] = key[i]));
  const terms = columns.map((c, i) => {
    const equal = columns.slice(0, i).map((e, j) => `${e.expr} = :ks${j}`);
    return `(${[...equal, `${c.expr} ${c.dir === 'ASC' ? '>' : '<'} :ks${i}`].join(' AND ')})`;
  });
  // The first column's bound again, on its own: an index on it can start at the cursor instead of the list's start.
  const first = `${columns[0].expr} ${columns[0].dir === 'ASC' ? '>=' : '<='} :ks0`;
  return { sql: `(${first} AND (${terms.join(' OR ')}))`, params };
}

/** `ORDER BY` of the same columns, for the query the predicate pages. */
export const keysetOrder = (columns: readonly KeysetColumn[]): string =>
  columns.map((c) => `${c.expr} ${c.dir}`).join(', ');

/** The page size asked for, within the contract's bounds. */
export const pageSize = (limit: number | undefined): number => Math.min(limit ?? pageDefault, pageMax);

/**
 * One page from rows fetched with `LIMIT size + 1`: the extra row only says that more follow, and the cursor
 * is the key of the page's last row.
 */
export function pageFrom<T>(
  rows: readonly T[],
  size: number,
  keyOf: (row: T) => readonly (string | number)[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > size && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
