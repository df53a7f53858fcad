import { jsonTooDeep } from './json-depth';

describe('jsonTooDeep', () => {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('allows nesting up to the limit and refuses one level more', () => {
    expect(jsonTooDeep(nested(32))).toBe(false);
    expect(jsonTooDeep(nested(33))).toBe(true);
    expect(jsonTooDeep('{"a":'.repeat(33) + '1' + '}'.repeat(33))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonTooDeep(JSON.stringify({ text: '['.repeat(100) }))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ text: '\\"' + '{'.repeat(100) }))).toBe(false);
  });

  it('counts depth, not size: a long flat body passes', () => {
    expect(jsonTooDeep(JSON.stringify(Array.from({ length: 10_000 }, () => ({ a: [1] }))))).toBe(false);
  });
});
