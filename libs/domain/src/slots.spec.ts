import { DEFAULT_WORKING_HOURS, type Interval, type StaffCalendar, findCommonSlots, startTimes } from './slots';

const at = (iso: string) => new Date(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const iso = (slots: Interval[]) => slots.map((s) => [s.start.toISOString(), s.end.toISOString()]);
/** Monday to Friday 08:00–16:00, taken in `busy`. */
const busyIn = (...busy: Interval[]): StaffCalendar => ({ hours: DEFAULT_WORKING_HOURS, busy });
const free = busyIn();
/** The common slots of `calendars` from `from` to `to`, as [start, end] instants. */
const slots = (from: string, to: string, durationMinutes: number, calendars: StaffCalendar[]) =>
  iso(findCommonSlots({ from: at(from), to: at(to), durationMinutes, calendars }));

describe('findCommonSlots', () => {
  it('keeps 08:00–16:00 local across the spring DST week (29 March 2026): 07:00Z before, 06:00Z after', () => {
    expect(slots('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z', 60, [free])).toEqual([
      ['2026-03-27T07:00:00.000Z', '2026-03-27T15:00:00.000Z'], // Friday, CET
      ['2026-03-30T06:00:00.000Z', '2026-03-30T14:00:00.000Z'], // Monday, CEST; no weekend
    ]);
  });

  it('keeps 08:00–16:00 local across the autumn DST week (25 October 2026): 06:00Z before, 07:00Z after', () => {
    expect(slots('2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z', 60, [free])).toEqual([
      ['2026-10-23T06:00:00.000Z', '2026-10-23T14:00:00.000Z'], // Friday, CEST
      ['2026-10-26T07:00:00.000Z', '2026-10-26T15:00:00.000Z'], // Monday, CET
    ]);
  });

  it('leaves out an absence (here a whole day and a morning)', () => {
    expect(
      slots('2026-10-26T00:00:00Z', '2026-10-29T00:00:00Z', 30, [
        busyIn(
          span('2026-10-26T00:00:00Z', '2026-10-27T00:00:00Z'),
          span('2026-10-27T06:00:00Z', '2026-10-27T11:00:00Z'),
        ),
      ]),
    ).toEqual([
      ['2026-10-27T11:00:00.000Z', '2026-10-27T15:00:00.000Z'],
      ['2026-10-28T07:00:00.000Z', '2026-10-28T15:00:00.000Z'],
    ]);
  });

  it("splits a day around one person's meeting and intersects with another's hours", () => {
    expect(
      slots('2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z', 30, [
        busyIn(span('2026-03-30T08:00:00Z', '2026-03-30T09:30:00Z')),
        // Works 09:00–13:00 on Mondays only.
        { hours: [{ weekday: 1, start: '09:00', end: '13:00' }], busy: [] },
      ]),
    ).toEqual([
      ['2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z'],
      ['2026-03-30T09:30:00.000Z', '2026-03-30T11:00:00.000Z'],
    ]);
  });

  it('drops windows shorter than the duration', () => {
    // 06:00–07:00 (60 min) and 10:00–11:00 (60 min) are too short; 13:00–14:00 too.
    expect(
      slots('2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z', 90, [
        busyIn(
          span('2026-03-30T07:00:00Z', '2026-03-30T10:00:00Z'),
          span('2026-03-30T11:00:00Z', '2026-03-30T13:00:00Z'),
        ),
      ]),
    ).toEqual([]);
  });

  it('clips windows to [from, to] and joins split working hours that touch', () => {
    expect(
      slots('2026-03-30T07:15:00Z', '2026-03-30T12:45:00Z', 15, [
        {
          hours: [
            { weekday: 1, start: '08:00', end: '12:00' },
            { weekday: 1, start: '12:00', end: '16:00' },
          ],
          busy: [],
        },
      ]),
    ).toEqual([['2026-03-30T07:15:00.000Z', '2026-03-30T12:45:00.000Z']]);
  });

  it('is empty when nobody is named, over a weekend, or for an empty range', () => {
    const weekend = { from: at('2026-03-28T00:00:00Z'), to: at('2026-03-29T22:00:00Z'), durationMinutes: 15 };
    expect(findCommonSlots({ ...weekend, calendars: [] })).toEqual([]);
    expect(findCommonSlots({ ...weekend, calendars: [free] })).toEqual([]);
    expect(findCommonSlots({ ...weekend, to: weekend.from, calendars: [free] })).toEqual([]);
  });

  it('is empty when one of two people is busy all the common time', () => {
    expect(
      slots('2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z', 15, [
        free,
        busyIn(span('2026-03-30T05:00:00Z', '2026-03-30T15:00:00Z')),
      ]),
    ).toEqual([]);
  });
});

describe('startTimes', () => {
  it('offers every half hour of a window that still leaves room for the whole meeting', () => {
    expect(iso(startTimes(span('2026-12-07T08:00:00Z', '2026-12-07T10:00:00Z'), 60))).toEqual([
      ['2026-12-07T08:00:00.000Z', '2026-12-07T09:00:00.000Z'],
      ['2026-12-07T08:30:00.000Z', '2026-12-07T09:30:00.000Z'],
      ['2026-12-07T09:00:00.000Z', '2026-12-07T10:00:00.000Z'],
    ]);
  });

  it('starts at the first quarter hour of a window that begins between (after a meeting at 10.40)', () => {
    expect(iso(startTimes(span('2026-12-07T09:40:00Z', '2026-12-07T11:00:00Z'), 45))).toEqual([
      ['2026-12-07T09:45:00.000Z', '2026-12-07T10:30:00.000Z'],
      ['2026-12-07T10:15:00.000Z', '2026-12-07T11:00:00.000Z'],
    ]);
  });

  it('offers nothing when the window is shorter than the meeting', () => {
    expect(startTimes(span('2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z'), 90)).toEqual([]);
  });
});
