import {
  type AssignmentEvent,
  capacityForecast,
  caseLoad,
  caseloadStatus,
  caseworkerChanges,
  ceilingAt,
  ceilingSteps,
  daysOverCeiling,
  effectiveCeiling,
  loadHistory,
  hasRoom,
  takesCasesOf,
  utilization,
  worstFirst,
  wouldExceedCeiling,
} from './caseload';

describe('caseload', () => {
  it('sums the weights of active cases without float drift', () => {
    expect(caseLoad([{ weight: 0.1 }, { weight: 0.2 }])).toBe(0.3);
    expect(
      caseLoad([{ weight: 1.5 }, { weight: 0.5 }, { weight: 1, status: 'closed' }, { weight: 1, status: 'active' }]),
    ).toBe(3);
    expect(caseLoad(Array.from({ length: 10 }, () => ({ weight: 0.1 })))).toBe(1);
    expect(caseLoad([])).toBe(0);
  });

  it('allows reaching the ceiling but not passing it', () => {
    expect(wouldExceedCeiling(0.1 + 0.2 + 23.7, 1, 25)).toBe(false); // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(wouldExceedCeiling(24.5, 0.5, 25)).toBe(false);
    expect(wouldExceedCeiling(24.5, 1, 25)).toBe(true);
  });

  it('is ok below 90 %, near from 90 % to 100 % inclusive, over above', () => {
    expect(caseloadStatus(8.99, 10)).toBe('ok');
    expect(caseloadStatus(9, 10)).toBe('near');
    expect(caseloadStatus(27, 30)).toBe('near');
    expect(caseloadStatus(10, 10)).toBe('near');
    expect(caseloadStatus(10.01, 10)).toBe('over');
    expect(caseloadStatus(0, 10)).toBe('ok');
    expect(caseloadStatus(50, null)).toBe('ok');
    expect(caseloadStatus(0.1 + 0.2 + 8.7, 10)).toBe('near'); // 8.999999999999998 in floats
    expect(caseloadStatus(1, 0)).toBe('over');
  });

  it('computes utilisation against the ceiling', () => {
    expect(utilization(9, 10)).toBe(0.9);
    expect(utilization(32, 32)).toBe(1);
    expect(utilization(1, 3)).toBe(0.3333);
    expect(utilization(5, null)).toBeNull();
    expect(utilization(5, 0)).toBeNull();
  });

  it('takes the person override, then the team default, then the target group default (lowest team)', () => {
    const groupOnly = { ceiling: null, targetGroupCeiling: 32 };
    expect(effectiveCeiling({ person: 20, teams: [{ ceiling: 30, targetGroupCeiling: 45 }] })).toBe(20);
    expect(effectiveCeiling({ person: null, teams: [{ ceiling: 30, targetGroupCeiling: 45 }] })).toBe(30);
    expect(effectiveCeiling({ person: null, teams: [groupOnly] })).toBe(32);
    expect(effectiveCeiling({ person: null, teams: [groupOnly, { ceiling: 25, targetGroupCeiling: null }] })).toBe(25);
    expect(effectiveCeiling({ person: null, teams: [{ ceiling: null, targetGroupCeiling: null }] })).toBeNull();
    expect(effectiveCeiling({ person: null, teams: [] })).toBeNull();
  });

  it('has room while the case fits within the ceiling', () => {
    expect(hasRoom(2, 3, 1)).toBe(true);
    expect(hasRoom(3, 3, 0.5)).toBe(false);
    expect(hasRoom(300, null, 1)).toBe(true);
  });

  it('counts health staff as room for health cases only; a case no discipline has held is not one', () => {
    expect(takesCasesOf('health', null)).toBe(false);
    expect(takesCasesOf('health', 'employment')).toBe(false);
    expect(takesCasesOf('health', 'health')).toBe(true);
    expect(takesCasesOf('social', null)).toBe(true);
    expect(takesCasesOf('employment', 'social')).toBe(true);
  });
});

const at = (iso: string) => new Date(iso);
const ev = (
  caseId: string,
  fromStaffId: string | null,
  toStaffId: string | null,
  iso: string,
  weight = 1,
  citizenId = `citizen-${caseId}`,
): AssignmentEvent => ({ caseId, citizenId, fromStaffId, toStaffId, at: at(iso), weight });

describe('days over ceiling (from the assignment history)', () => {
  const now = at('2026-11-29T12:00:00Z');

  it('counts each calendar day on which the load was above the ceiling at any moment', () => {
    const events = [
      ev('a', null, 'p', '2026-11-01T08:00:00Z'),
      ev('b', null, 'p', '2026-11-01T09:00:00Z'),
      ev('c', null, 'p', '2026-11-10T09:00:00Z'), // over from the 10th
      ev('c', 'p', 'q', '2026-11-12T09:00:00Z'), // back at the ceiling on the 12th
    ];
    expect(daysOverCeiling('p', events, 2, now)).toBe(3); // 10th, 11th, 12th
    expect(daysOverCeiling('q', events, 2, now)).toBe(0);
    expect(daysOverCeiling('p', events, 3, now)).toBe(0); // reaching the ceiling is not over it
    expect(daysOverCeiling('p', events, null, now)).toBe(0);
  });

  it('counts up to today while still over, and only within the window', () => {
    const events = [ev('a', null, 'p', '2026-01-01T08:00:00Z', 2), ev('b', null, 'p', '2026-11-27T08:00:00Z')];
    expect(daysOverCeiling('p', events, 2, now)).toBe(3); // 27th, 28th, 29th
    expect(daysOverCeiling('p', events, 1, now)).toBe(90); // over the whole window
  });

  it('follows weight changes and closing', () => {
    const events = [
      ev('a', null, 'p', '2026-11-20T08:00:00Z', 1),
      ev('a', 'p', 'p', '2026-11-21T08:00:00Z', 3), // weight raised
      ev('a', 'p', null, '2026-11-22T08:00:00Z', 3), // closed
    ];
    expect(daysOverCeiling('p', events, 2, now)).toBe(2);
  });
});

describe('days over the ceiling in force that day', () => {
  const now = at('2026-11-29T12:00:00Z');
  const events = [ev('a', null, 'p', '2026-11-01T08:00:00Z', 1), ev('b', null, 'p', '2026-11-01T09:00:00Z', 1)];

  it('a ceiling lowered today adds at most one day over, not the whole window', () => {
    const lowered = [
      { at: new Date(0), ceiling: 5 },
      { at: at('2026-11-29T10:00:00Z'), ceiling: 1 },
    ];
    expect(daysOverCeiling('p', events, [{ at: new Date(0), ceiling: 5 }], now)).toBe(0);
    expect(daysOverCeiling('p', events, lowered, now)).toBe(1);
    expect(daysOverCeiling('p', events, 1, now)).toBe(29); // today's ceiling applied to the past: 1st to 29th
  });

  it('a ceiling raised stops the count from the day it was raised', () => {
    const raised = [
      { at: new Date(0), ceiling: 1 },
      { at: at('2026-11-20T10:00:00Z'), ceiling: 5 },
    ];
    expect(daysOverCeiling('p', events, raised, now)).toBe(20); // 1st to 20th (over until 11.00 local time)
    const atMidnight = [
      { at: new Date(0), ceiling: 1 },
      { at: at('2026-11-19T23:00:00Z'), ceiling: 5 }, // 20th 00.00 in Copenhagen
    ];
    expect(daysOverCeiling('p', events, atMidnight, now)).toBe(19);
  });

  it('gives 90 Copenhagen days of load and ceiling at each day’s end, with the change on its day', () => {
    const lowered = [
      { at: new Date(0), ceiling: 5 },
      { at: at('2026-11-28T23:30:00Z'), ceiling: 1 }, // 29th 00.30 in Copenhagen
    ];
    const days = loadHistory('p', events, lowered, now);
    expect(days).toHaveLength(90);
    expect(days[0].date).toBe('2026-09-01');
    expect(days.at(-1)).toEqual({ date: '2026-11-29', load: 2, ceiling: 1, over: true });
    expect(days.at(-2)).toEqual({ date: '2026-11-28', load: 2, ceiling: 5, over: false });
    expect(days.find((d) => d.date === '2026-10-31')).toEqual({ date: '2026-10-31', load: 0, ceiling: 5, over: false });
    expect(days.find((d) => d.date === '2026-11-01')?.load).toBe(2);
  });

  it('applies the effective ceiling rule to the values in force at each moment', () => {
    const history = {
      person: [
        { at: at('2026-01-01T00:00:00Z'), ceiling: null },
        { at: at('2026-11-10T00:00:00Z'), ceiling: 3 },
      ],
      teams: [
        [
          { at: at('2026-01-01T00:00:00Z'), ceiling: null, targetGroupId: 'job_ready' },
          { at: at('2026-06-01T00:00:00Z'), ceiling: 40, targetGroupId: 'job_ready' },
        ],
      ],
      targetGroups: {
        job_ready: [
          { at: new Date(0), ceiling: 45 },
          { at: at('2026-03-01T00:00:00Z'), ceiling: 50 },
        ],
      },
    };
    expect(ceilingAt(history, at('2025-06-01T00:00:00Z'))).toBe(45); // before any team record: its first value
    expect(ceilingAt(history, at('2026-04-01T00:00:00Z'))).toBe(50);
    expect(ceilingAt(history, at('2026-07-01T00:00:00Z'))).toBe(40);
    expect(ceilingAt(history, at('2026-11-20T00:00:00Z'))).toBe(3);
    expect(ceilingSteps(history).map((s) => s.ceiling)).toEqual([45, 50, 40, 3]);
    expect(ceilingSteps({ person: [], teams: [], targetGroups: {} })).toEqual([{ at: new Date(0), ceiling: null }]);
  });
});

describe('caseworker changes per citizen', () => {
  const now = at('2026-11-29T12:00:00Z');

  it('counts changes to another person in the last 12 months, not first assignments or same-person reopenings', () => {
    const events = [
      ev('a', null, 'p', '2025-06-01T08:00:00Z', 1, 'x'), // before the window: the baseline
      ev('a', 'p', 'q', '2026-02-01T08:00:00Z', 1, 'x'),
      ev('a', 'q', 'r', '2026-03-01T08:00:00Z', 1, 'x'),
      ev('b', null, 's', '2026-04-01T08:00:00Z', 1, 'y'),
      ev('b', 's', null, '2026-05-01T08:00:00Z', 1, 'y'), // closed
      ev('b', null, 's', '2026-06-01T08:00:00Z', 1, 'y'), // reopened by the same person
      ev('c', null, null, '2026-07-01T08:00:00Z', 1, 'z'), // queued, never assigned
    ];
    const result = caseworkerChanges(events, now);
    expect(result.byCitizen).toEqual({ x: 2, y: 0, z: 0 });
    expect(result).toMatchObject({ citizens: 3, changes: 2, perCitizen: 0.67 });
  });

  it('ignores a change older than the window', () => {
    const events = [ev('a', null, 'p', '2024-01-01T08:00:00Z'), ev('a', 'p', 'q', '2025-01-01T08:00:00Z')];
    expect(caseworkerChanges(events, now)).toMatchObject({ citizens: 0, changes: 0, perCitizen: 0 });
  });
});

describe('capacity forecast', () => {
  const now = at('2026-11-29T12:00:00Z');
  const weekly = (n: number, weight = 1) =>
    Array.from({ length: n }, (_, i) => ({ at: new Date(now.getTime() - (i + 1) * 7 * 86400000 + 1000), weight }));

  it('runs out at the net weekly growth from the last 8 weeks', () => {
    const f = capacityForecast({
      capacity: 100,
      load: 90,
      opened: [...weekly(8), ...weekly(8)],
      closed: weekly(8),
      now,
    });
    expect(f.intakePerWeek).toBe(2);
    expect(f.closuresPerWeek).toBe(1);
    expect(f.runsOutAt?.toISOString()).toBe(new Date(now.getTime() + 10 * 7 * 86400000).toISOString());
    expect(f.full).toBe(false);
  });

  it('does not run out when closures keep up, is full when at capacity, and ignores older intake', () => {
    expect(
      capacityForecast({ capacity: 100, load: 90, opened: weekly(8), closed: weekly(8), now }).runsOutAt,
    ).toBeNull();
    const full = capacityForecast({ capacity: 90, load: 90, opened: [], closed: [], now });
    expect(full).toMatchObject({ full: true, runsOutAt: now });
    const old = capacityForecast({ capacity: 100, load: 0, opened: weekly(20).slice(8), closed: [], now });
    expect(old.intakePerWeek).toBe(0);
    expect(capacityForecast({ capacity: null, load: 5, opened: weekly(8), closed: [], now }).runsOutAt).toBeNull();
  });
});

describe('worstFirst', () => {
  const row = (
    name: string,
    status: 'ok' | 'near' | 'over',
    utilization: number | null,
    ceiling: number | null = 10,
  ) => ({
    name,
    status,
    utilization,
    ceiling,
  });
  it('puts over the ceiling first, then near, each by utilisation, no ceiling last, then by name', () => {
    const rows = [
      row('Åse', 'ok', 0.2),
      row('Bo', 'over', 1.1),
      row('Ida', 'ok', null, null),
      row('Carl', 'near', 0.9),
      row('Anna', 'over', 1.4),
      row('Dan', 'over', 1.1),
    ];
    expect(worstFirst(rows).map((r) => r.name)).toEqual(['Anna', 'Bo', 'Dan', 'Carl', 'Åse', 'Ida']);
  });
});
