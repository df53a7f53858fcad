import { addMonths, endOfLocalDate, isDateString, localDate, startOfLocalDate, toLocalDate } from './time';

describe('time helpers', () => {
  it('recognises real YYYY-MM-DD dates only', () => {
    expect(isDateString('2028-02-29')).toBe(true);
    expect(isDateString('2027-02-29')).toBe(false);
    expect(isDateString('2026-1-05')).toBe(false);
    expect(isDateString('2026-01-05T00:00:00Z')).toBe(false);
  });

  it('gives the Copenhagen date of an instant', () => {
    expect(localDate('2026-03-24T23:30:00Z')).toBe('2026-03-25'); // 00:30 CET
    expect(localDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 CEST
    expect(toLocalDate('2026-06-30')).toBe('2026-06-30');
  });

  it('maps local day boundaries to UTC in winter and summer', () => {
    expect(startOfLocalDate('2026-01-10').toISOString()).toBe('2026-01-09T23:00:00.000Z');
    expect(endOfLocalDate('2026-07-10').toISOString()).toBe('2026-07-10T22:00:00.000Z');
    expect(endOfLocalDate('2026-03-28').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // day before spring change
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('rejects malformed input', () => {
    expect(() => localDate('not a date')).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});
