import { findCommonSlots } from './slots';

const d = (s: string) => new Date(s);
const show = (slots: { start: Date; end: Date }[]) =>
  slots.map((s) => `${s.start.toISOString()}/${s.end.toISOString()}`);

describe('findCommonSlots', () => {
  it('keeps 08:00-16:00 local on both sides of the spring DST change', () => {
    // Fri 27 March (CET, +01) to Tue 31 March (CEST, +02); the weekend is skipped
    const slots = findCommonSlots({
      busy: [],
      from: d('2026-03-27T00:00:00Z'),
      to: d('2026-03-31T00:00:00Z'),
      durationMinutes: 60,
    });
    expect(show(slots)).toEqual([
      '2026-03-27T07:00:00.000Z/2026-03-27T15:00:00.000Z',
      '2026-03-30T06:00:00.000Z/2026-03-30T14:00:00.000Z',
    ]);
  });

  it('keeps working hours on the day of the autumn change itself', () => {
    const slots = findCommonSlots({
      busy: [],
      from: d('2026-10-24T00:00:00Z'),
      to: d('2026-10-27T00:00:00Z'),
      durationMinutes: 30,
      workingHours: { start: '08:00', end: '16:00', days: [6, 7] },
    });
    expect(show(slots)).toEqual([
      '2026-10-24T06:00:00.000Z/2026-10-24T14:00:00.000Z', // Sat, CEST
      '2026-10-25T07:00:00.000Z/2026-10-25T15:00:00.000Z', // Sun, CET from 03:00
    ]);
  });

  it('removes merged busy intervals and drops windows that are too short', () => {
    // Mon 2 Feb 2026 (CET): working hours 07:00Z-15:00Z
    const slots = findCommonSlots({
      busy: [
        { start: d('2026-02-02T08:00:00Z'), end: d('2026-02-02T09:00:00Z') },
        { start: d('2026-02-02T08:30:00Z'), end: d('2026-02-02T10:00:00Z') }, // overlaps the first
        { start: d('2026-02-02T10:00:00Z'), end: d('2026-02-02T10:30:00Z') }, // touches it
        { start: d('2026-02-02T11:00:00Z'), end: d('2026-02-02T12:30:00Z') }, // leaves a 30 min gap
        { start: d('2026-02-02T14:30:00Z'), end: d('2026-02-02T18:00:00Z') }, // runs past closing
        { start: d('2026-02-02T06:00:00Z'), end: d('2026-02-02T05:00:00Z') }, // empty, ignored
      ],
      from: d('2026-02-02T00:00:00Z'),
      to: d('2026-02-03T00:00:00Z'),
      durationMinutes: 45,
    });
    expect(show(slots)).toEqual([
      '2026-02-02T07:00:00.000Z/2026-02-02T08:00:00.000Z',
      '2026-02-02T12:30:00.000Z/2026-02-02T14:30:00.000Z',
    ]);
  });

  it('clips to [from, to] and accepts ISO strings', () => {
    const slots = findCommonSlots({
      busy: [{ start: '2026-02-03T09:00:00Z', end: '2026-02-03T10:00:00Z' }],
      from: '2026-02-03T08:15:00Z',
      to: '2026-02-03T11:00:00Z',
      durationMinutes: 30,
    });
    expect(show(slots)).toEqual([
      '2026-02-03T08:15:00.000Z/2026-02-03T09:00:00.000Z',
      '2026-02-03T10:00:00.000Z/2026-02-03T11:00:00.000Z',
    ]);
  });

  it('a busy interval spanning several days blocks them all', () => {
    const slots = findCommonSlots({
      busy: [{ start: d('2026-02-02T10:00:00Z'), end: d('2026-02-04T09:00:00Z') }],
      from: d('2026-02-02T00:00:00Z'),
      to: d('2026-02-05T00:00:00Z'),
      durationMinutes: 60,
    });
    expect(show(slots)).toEqual([
      '2026-02-02T07:00:00.000Z/2026-02-02T10:00:00.000Z',
      '2026-02-04T09:00:00.000Z/2026-02-04T15:00:00.000Z',
    ]);
  });

  it('joins consecutive days into one window when working hours run round the clock', () => {
    const slots = findCommonSlots({
      busy: [],
      from: d('2026-03-28T12:00:00Z'),
      to: d('2026-03-30T12:00:00Z'),
      durationMinutes: 60,
      workingHours: { start: '00:00', end: '24:00', days: [1, 2, 3, 4, 5, 6, 7] },
    });
    expect(show(slots)).toEqual(['2026-03-28T12:00:00.000Z/2026-03-30T12:00:00.000Z']);
  });

  it('returns nothing for an empty range and rejects bad input', () => {
    const base = { busy: [], from: d('2026-02-02T12:00:00Z'), to: d('2026-02-02T08:00:00Z'), durationMinutes: 30 };
    expect(findCommonSlots(base)).toEqual([]);
    expect(() => findCommonSlots({ ...base, durationMinutes: 0 })).toThrow(RangeError);
    expect(() => findCommonSlots({ ...base, workingHours: { start: '16:00', end: '08:00', days: [1] } })).toThrow(
      RangeError,
    );
    expect(() => findCommonSlots({ ...base, workingHours: { start: '8', end: '16:00', days: [1] } })).toThrow(
      RangeError,
    );
  });
});
