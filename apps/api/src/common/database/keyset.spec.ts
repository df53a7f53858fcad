import { z } from 'zod';
import { decodeCursor, encodeCursor, keysetAfter, pageFrom } from './keyset';

describe('keyset paging', () => {
  it('pages after the last row in a mixed-direction order, bounding the first column on its own for an index', () => {
    const { sql, params } = keysetAfter(
      [
        { expr: 'c.name', dir: 'ASC' },
        { expr: 'k.opened_at', dir: 'DESC' },
        { expr: 'k.id', dir: 'ASC' },
      ],
      ['Ane', '2026-01-01', 'x'],
    );
    expect(sql).toBe(
      '(c.name >= :ks0 AND ((c.name > :ks0) OR (c.name = :ks0 AND k.opened_at < :ks1) OR (c.name = :ks0 AND k.opened_at = :ks1 AND k.id > :ks2)))',
    );
    expect(params).toEqual({ ks0: 'Ane', ks1: '2026-01-01', ks2: 'x' });
    const descending = keysetAfter([{ expr: 'k.weight', dir: 'DESC' }], ['1.50']);
    expect(descending.sql).toBe('(k.weight <= :ks0 AND ((k.weight < :ks0)))');
  });

  it('gives a cursor only when a row beyond the page was fetched', () => {
    expect(pageFrom([1, 2, 3], 3, (n) => [n]).nextCursor).toBeNull();
    const page = pageFrom([1, 2, 3], 2, (n) => [n]);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, z.tuple([z.number()]))).toEqual([2]);
  });

  it('refuses a cursor it did not give out with a 400 naming the cursor', () => {
    const shape = z.tuple([z.string(), z.uuid()]);
    for (const bad of ['nope', encodeCursor(['a']), encodeCursor(['a', 'not-a-uuid']), '%%%']) {
      expect(() => decodeCursor(bad, shape)).toThrow(expect.objectContaining({ status: 400 }) as Error);
    }
  });
});
