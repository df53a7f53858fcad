import { canStartEffort } from './effort-status';
import { localDate } from './time';

describe('canStartEffort', () => {
  const today = '2026-03-10';

  it('allows an effort that starts today or started earlier', () => {
    expect(canStartEffort('2026-03-10', today)).toBe(true);
    expect(canStartEffort('2026-01-01', today)).toBe(true);
  });

  it('refuses an effort that starts later', () => {
    expect(canStartEffort('2026-03-11', today)).toBe(false);
  });

  it('allows an effort without a start date', () => {
    expect(canStartEffort(null, today)).toBe(true);
    expect(canStartEffort(undefined, today)).toBe(true);
  });

  it('counts days in Copenhagen: 23:30 UTC on 10 March is already the 11th', () => {
    expect(canStartEffort('2026-03-11', localDate(new Date('2026-03-10T23:30:00Z')))).toBe(true);
  });
});
