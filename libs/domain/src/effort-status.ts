/**
 * An effort can be "active" from its start date on. `today` is the Copenhagen calendar date
 * (`localDate(now)`, TIME_ZONE), so API and web agree. One without a start date is not yet fixed in
 * time, so nothing holds it back.
 */
export function canStartEffort(startDate: string | null | undefined, today: string): boolean {
  return !startDate || startDate <= today;
}
