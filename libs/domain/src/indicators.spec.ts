import { indicatorTrend } from './indicators';

const s = (...scores: number[]) => scores.map((score) => ({ score }));

describe('indicatorTrend', () => {
  it("follows the citizen's own latest two ratings", () => {
    expect(indicatorTrend(s(2, 5, 4), s(1, 9))).toBe('down');
    expect(indicatorTrend(s(3, 6), s())).toBe('up');
    expect(indicatorTrend(s(4, 4), s(1, 2))).toBe('flat');
  });

  it("falls back to the caseworker's when the citizen rated fewer than twice", () => {
    expect(indicatorTrend(s(8), s(5, 3))).toBe('down');
    expect(indicatorTrend(s(), s(3, 5))).toBe('up');
  });

  it('is unknown with fewer than two ratings on either side', () => {
    expect(indicatorTrend(s(1), s(7))).toBe('unknown');
    expect(indicatorTrend(s(), s())).toBe('unknown');
  });
});
