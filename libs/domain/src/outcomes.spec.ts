import {
  caseWindow,
  closuresByQuarter,
  contactIntervalKept,
  daysBetween,
  median,
  quarterOf,
  ratingTrend,
  trendWindowStart,
} from './outcomes';

const d = (iso: string) => new Date(iso);

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});

describe('quarterOf', () => {
  it('buckets by the Copenhagen calendar, not UTC', () => {
    // 22:30 UTC on 31 March is 00:30 on 1 April in Copenhagen (summer time).
    expect(quarterOf(d('2026-03-31T22:30:00Z'))).toBe('2026-Q2');
    expect(quarterOf(d('2026-03-31T21:30:00Z'))).toBe('2026-Q1');
    // 23:30 UTC on 31 December is already New Year in Copenhagen (winter time).
    expect(quarterOf(d('2025-12-31T23:30:00Z'))).toBe('2026-Q1');
    expect(quarterOf('2026-07-01T00:00:00Z')).toBe('2026-Q3');
  });
});

describe('daysBetween', () => {
  it('counts Copenhagen calendar days across a DST change', () => {
    expect(daysBetween(d('2026-03-28T10:00:00Z'), d('2026-03-30T09:00:00Z'))).toBe(2);
    expect(daysBetween(d('2026-01-01T12:00:00Z'), d('2026-01-01T13:00:00Z'))).toBe(0);
  });
});

describe('ratingTrend', () => {
  const end = d('2026-07-01T00:00:00Z');
  it('compares the baseline at the window start with the latest rating', () => {
    // Six Copenhagen calendar months: 02:00 summer time on 1 July is 02:00 winter time on 1 January.
    expect(trendWindowStart(end).toISOString()).toBe('2026-01-01T01:00:00.000Z');
    const ratings = [
      { key: 'job_belief', score: 2, at: d('2025-11-01T00:00:00Z') }, // older than the baseline: ignored
      { key: 'job_belief', score: 3, at: d('2025-12-15T00:00:00Z') }, // baseline
      { key: 'job_belief', score: 9, at: d('2026-03-01T00:00:00Z') },
      { key: 'job_belief', score: 5, at: d('2026-06-01T00:00:00Z') }, // result: +2
      { key: 'cooperation', score: 6, at: d('2026-02-01T00:00:00Z') }, // first in window
      { key: 'cooperation', score: 5, at: d('2026-05-01T00:00:00Z') }, // -1
      { key: 'job_search', score: 4, at: d('2026-08-01T00:00:00Z') }, // after the end: ignored
    ];
    expect(ratingTrend(ratings, end)).toBe('rose');
    expect(ratingTrend([...ratings, { key: 'social_situation', score: 1, at: d('2026-04-01T00:00:00Z') }], end)).toBe(
      'rose',
    );
    expect(
      ratingTrend(
        [
          ...ratings,
          { key: 'job_search', score: 5, at: d('2026-01-02T00:00:00Z') },
          { key: 'job_search', score: 4, at: d('2026-04-02T00:00:00Z') },
        ],
        end,
      ),
    ).toBe('held');
  });
  it('falls, holds, and is unknown without two ratings of one indicator', () => {
    const two = (a: number, b: number) => [
      { key: 'x', score: a, at: d('2026-02-01T00:00:00Z') },
      { key: 'x', score: b, at: d('2026-03-01T00:00:00Z') },
    ];
    expect(ratingTrend(two(5, 3), end)).toBe('fell');
    expect(ratingTrend(two(5, 5), end)).toBe('held');
    expect(ratingTrend(two(5, 5).slice(0, 1), end)).toBe('unknown');
    expect(ratingTrend([], end)).toBe('unknown');
    // A single rating before the window and none inside it: no change to measure.
    expect(ratingTrend([{ key: 'x', score: 5, at: d('2025-01-01T00:00:00Z') }], end)).toBe('unknown');
  });
});

describe('contactIntervalKept', () => {
  const window = { start: d('2026-01-01T00:00:00Z'), end: d('2026-01-30T00:00:00Z') }; // 29 days
  it('is kept when no gap between checkpoints exceeds the interval', () => {
    const held = [d('2026-01-10T00:00:00Z'), d('2026-01-20T00:00:00Z')];
    expect(contactIntervalKept(14, window, held)).toBe(true);
    expect(contactIntervalKept(10, window, held)).toBe(true); // gaps of exactly 10 days are kept
    expect(contactIntervalKept(9, window, held)).toBe(false);
  });
  it('counts the gap from the window start and to the window end', () => {
    expect(contactIntervalKept(14, window, [d('2026-01-16T00:00:00Z')])).toBe(false); // 15 days before it
    expect(contactIntervalKept(14, window, [d('2026-01-15T00:00:00Z'), d('2026-01-16T00:00:00Z')])).toBe(true);
    expect(contactIntervalKept(14, window, [d('2026-01-05T00:00:00Z')])).toBe(false); // 25 days after it
    expect(contactIntervalKept(29, window, [])).toBe(true); // a window no longer than the interval
    expect(contactIntervalKept(28, window, [])).toBe(false);
  });
  it('ignores meetings outside the window and is null for an empty window', () => {
    expect(contactIntervalKept(14, window, [d('2025-12-31T00:00:00Z'), d('2026-02-01T00:00:00Z')])).toBe(false);
    expect(contactIntervalKept(14, { start: window.end, end: window.end }, [])).toBeNull();
  });
});

describe('caseWindow', () => {
  it('cuts the period to the case and to now', () => {
    const period = { start: d('2026-01-01T00:00:00Z'), end: d('2026-04-01T00:00:00Z') };
    const w = caseWindow(period, { openedAt: d('2026-02-01T00:00:00Z'), closedAt: null }, d('2026-03-01T00:00:00Z'));
    expect(w).toEqual({ start: d('2026-02-01T00:00:00Z'), end: d('2026-03-01T00:00:00Z') });
    const closed = caseWindow(
      period,
      { openedAt: d('2025-01-01T00:00:00Z'), closedAt: d('2026-03-15T00:00:00Z') },
      d('2027-01-01T00:00:00Z'),
    );
    expect(closed).toEqual({ start: period.start, end: d('2026-03-15T00:00:00Z') });
  });
});

describe('closuresByQuarter', () => {
  it('groups by Copenhagen quarter and outcome with the median days open', () => {
    const c = (caseId: string, outcome: 'job' | 'education' | 'other', opened: string, closed: string) => ({
      caseId,
      outcome,
      openedAt: d(opened),
      closedAt: d(closed),
    });
    const rows = closuresByQuarter([
      c('b', 'job', '2026-01-01T10:00:00Z', '2026-02-01T10:00:00Z'), // 31 days
      c('a', 'job', '2026-01-01T10:00:00Z', '2026-03-01T10:00:00Z'), // 59 days
      c('c', 'other', '2026-01-01T10:00:00Z', '2026-01-11T10:00:00Z'), // 10 days
      c('d', 'job', '2026-03-01T10:00:00Z', '2026-03-31T22:30:00Z'), // Q2 in Copenhagen, 31 days
      c('e', 'education', '2025-10-01T10:00:00Z', '2025-12-01T10:00:00Z'), // 61 days
    ]);
    expect(rows).toEqual([
      { quarter: '2025-Q4', outcome: 'education', count: 1, medianDays: 61, caseIds: ['e'] },
      { quarter: '2026-Q1', outcome: 'job', count: 2, medianDays: 45, caseIds: ['a', 'b'] },
      { quarter: '2026-Q1', outcome: 'other', count: 1, medianDays: 10, caseIds: ['c'] },
      { quarter: '2026-Q2', outcome: 'job', count: 1, medianDays: 31, caseIds: ['d'] },
    ]);
  });
});
