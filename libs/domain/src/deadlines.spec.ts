import {
  DEFAULT_DECISION_DAYS,
  classifyDue,
  compareWorklistKeys,
  clarificationGuaranteeDue,
  decisionDeadline,
  exemptionPeriod,
  healthStatementReadDue,
  nextPlanReviewDue,
  worklistItem,
} from './deadlines';
import { endOfLocalDate } from './time';

const iso = (d: Date) => d.toISOString();

describe('decisionDeadline', () => {
  it('defaults to one week', () => {
    expect(DEFAULT_DECISION_DAYS).toBe(7);
    expect(decisionDeadline(new Date('2026-01-05T09:00:00Z')).dueDate).toBe('2026-01-12');
  });

  it('crosses the spring DST change (29 March 2026) by calendar days', () => {
    const d = decisionDeadline(new Date('2026-03-25T10:00:00Z'), 7);
    expect(d.dueDate).toBe('2026-04-01');
    // ends at local midnight starting 2 April, which is CEST (+02:00)
    expect(iso(d.dueAt)).toBe('2026-04-01T22:00:00.000Z');
  });

  it('crosses the autumn DST change (25 October 2026) by calendar days', () => {
    const d = decisionDeadline('2026-10-20T08:00:00Z', 7);
    expect(d.dueDate).toBe('2026-10-27');
    expect(iso(d.dueAt)).toBe('2026-10-27T23:00:00.000Z'); // CET (+01:00)
  });

  it('counts from the local day of receipt, not the UTC day', () => {
    // 23:30 UTC on 24 March is 00:30 on 25 March in Copenhagen
    expect(decisionDeadline('2026-03-24T23:30:00Z', 7).dueDate).toBe('2026-04-01');
    // 22:30 UTC on 24 Oct is 00:30 CEST on 25 Oct, the night of the change
    const d = decisionDeadline('2026-10-24T22:30:00Z', 1);
    expect(d.dueDate).toBe('2026-10-26');
    expect(iso(d.dueAt)).toBe('2026-10-26T23:00:00.000Z');
  });

  it('handles the day of the change itself and zero days', () => {
    expect(iso(decisionDeadline('2026-03-28T12:00:00Z', 0).dueAt)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(decisionDeadline('2026-03-28T12:00:00Z', 1).dueAt)).toBe('2026-03-29T22:00:00.000Z');
  });

  it('rejects bad day counts', () => {
    expect(() => decisionDeadline(new Date(), -1)).toThrow(RangeError);
    expect(() => decisionDeadline(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('exemptionPeriod', () => {
  it('allows at most six calendar months, end inclusive', () => {
    expect(exemptionPeriod('2026-01-31', '2026-07-30')).toEqual({ ok: true, latestEndDate: '2026-07-30' });
    expect(exemptionPeriod('2026-01-31', '2026-07-31')).toEqual({
      ok: false,
      code: 'EXEMPTION_TOO_LONG',
      latestEndDate: '2026-07-30',
    });
    expect(exemptionPeriod('2026-03-01', '2026-08-31').ok).toBe(true);
    expect(exemptionPeriod('2026-03-01', '2026-09-01')).toMatchObject({ code: 'EXEMPTION_TOO_LONG' });
  });

  it('allows a one-day period and rejects an end before the start', () => {
    expect(exemptionPeriod('2026-05-01', '2026-05-01').ok).toBe(true);
    expect(exemptionPeriod('2026-05-02', '2026-05-01')).toMatchObject({ ok: false, code: 'EXEMPTION_INVALID_RANGE' });
  });

  it('treats malformed dates as an invalid range', () => {
    expect(exemptionPeriod('2026-02-30', '2026-03-01')).toEqual({
      ok: false,
      code: 'EXEMPTION_INVALID_RANGE',
      latestEndDate: null,
    });
    expect(exemptionPeriod('2026-02-01', 'soon')).toMatchObject({ code: 'EXEMPTION_INVALID_RANGE' });
  });
});

describe('healthStatementReadDue', () => {
  it('is five days after the Copenhagen date of arrival', () => {
    // 23:30 UTC on 6 March is already 7 March in Copenhagen.
    expect(healthStatementReadDue('2026-03-06T23:30:00Z')).toBe('2026-03-12');
  });
});

describe('nextPlanReviewDue', () => {
  it('is 12 calendar months later', () => {
    expect(nextPlanReviewDue('2026-03-15')).toBe('2027-03-15');
  });

  it('moves a leap-day review to 28 February', () => {
    expect(nextPlanReviewDue('2028-02-29')).toBe('2029-02-28');
    expect(nextPlanReviewDue('2027-02-28')).toBe('2028-02-28');
  });

  it('uses the Copenhagen date of an instant', () => {
    expect(nextPlanReviewDue(new Date('2028-02-28T23:30:00Z'))).toBe('2029-02-28'); // local 29 Feb
  });
});

describe('clarificationGuaranteeDue', () => {
  it('applies to kontanthjaelp only', () => {
    expect(clarificationGuaranteeDue({ benefit: 'kontanthjaelp', benefitStart: '2026-01-15' })).toBe('2027-01-15');
    expect(clarificationGuaranteeDue({ benefit: 'uddannelseshjaelp', benefitStart: '2026-01-15' })).toBeNull();
    expect(clarificationGuaranteeDue({ benefit: 'sygedagpenge', benefitStart: '2026-01-15' })).toBeNull();
    expect(clarificationGuaranteeDue({ benefit: 'kontanthjaelp', benefitStart: null })).toBeNull();
  });

  it('runs yearly from the last assessment', () => {
    expect(
      clarificationGuaranteeDue({
        benefit: 'kontanthjaelp',
        benefitStart: '2024-02-29',
        lastAssessmentDate: '2025-01-10',
      }),
    ).toBe('2026-01-10');
  });

  it('ignores an assessment from before the current benefit period', () => {
    expect(
      clarificationGuaranteeDue({
        benefit: 'kontanthjaelp',
        benefitStart: '2026-01-15',
        lastAssessmentDate: '2025-06-01',
      }),
    ).toBe('2027-01-15');
  });

  it('handles a leap-day benefit start', () => {
    expect(clarificationGuaranteeDue({ benefit: 'kontanthjaelp', benefitStart: '2024-02-29' })).toBe('2025-02-28');
  });
});

describe('classifyDue', () => {
  const due = new Date('2026-04-01T22:00:00Z');

  it('is overdue from the due instant on', () => {
    expect(classifyDue(due, new Date('2026-04-01T22:00:00Z'))).toBe('overdue');
    expect(classifyDue(due, new Date('2026-04-01T21:59:59Z'))).toBe('due_soon');
  });

  it('is due soon within soonDays calendar days, across DST', () => {
    // 14 local days before 2 April 00:00 CEST is 19 March 00:00 CET = 18 March 23:00Z
    expect(classifyDue(due, new Date('2026-03-18T23:00:00Z'))).toBe('due_soon');
    expect(classifyDue(due, new Date('2026-03-18T22:59:59Z'))).toBe('ok');
    expect(classifyDue(due, '2026-03-30T00:00:00Z', 1)).toBe('ok');
  });
});

describe('worklist', () => {
  const now = new Date('2026-05-10T10:00:00Z');
  const items = [
    { id: 'later', dueAt: new Date('2026-09-01T00:00:00Z') },
    { id: 'soon', dueAt: new Date('2026-05-12T00:00:00Z') },
    { id: 'late2', dueAt: new Date('2026-05-09T00:00:00Z') },
    { id: 'late1', dueAt: '2026-05-01T00:00:00Z' },
  ];

  it('adds the status to an item', () => {
    expect(worklistItem(items[1], now)).toEqual({ ...items[1], status: 'due_soon' });
  });

  it('sorts overdue first, then due soon, then the rest, by due date', () => {
    const keyed = [
      { id: 'later', dueDate: '2026-09-01' },
      { id: 'soon', dueDate: '2026-05-12' },
      { id: 'late2', dueDate: '2026-05-09' },
      { id: 'late1', dueDate: '2026-05-01' },
    ].map((i) => ({ ...i, key: [i.dueDate, 'Ane', 'case', 'plan_review', ''] as const }));
    const sorted = keyed.sort((a, b) => compareWorklistKeys(a.key, b.key));
    expect(sorted.map((i) => [i.id, classifyDue(endOfLocalDate(i.dueDate), now)])).toEqual([
      ['late1', 'overdue'],
      ['late2', 'overdue'],
      ['soon', 'due_soon'],
      ['later', 'ok'],
    ]);
  });

  it('breaks ties by name in Danish order, then by case, kind and row, so no two items tie', () => {
    const keys = [
      ['2026-05-01', 'Åse', 'a', 'plan_review', ''],
      ['2026-05-01', 'Zenia', 'b', 'plan_review', ''],
      ['2026-05-01', 'Ane', 'c', 'request_decision', 'r2'],
      ['2026-05-01', 'Ane', 'c', 'request_decision', 'r1'],
      ['2026-05-01', 'Ane', 'c', 'plan_review', ''],
    ] as const;
    expect([...keys].sort(compareWorklistKeys).map((k) => `${k[1]}:${k[3]}:${k[4]}`)).toEqual([
      'Ane:plan_review:',
      'Ane:request_decision:r1',
      'Ane:request_decision:r2',
      'Zenia:plan_review:',
      'Åse:plan_review:',
    ]);
  });
});
