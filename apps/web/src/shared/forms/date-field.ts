/**
 * A Danish date field's text (dd-mm-åååå; "-", "." or "/" between the parts) as the contract's ISO
 * date. Empty text is no date; text that is no whole, real date is passed on as typed, so the
 * contract's date check fails and the field shows an error instead of the date being dropped.
 */
export function dateFieldToIso(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(trimmed);
  if (!match) return trimmed;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return trimmed;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The contract's ISO date as a Danish date field's text (dd-mm-åååå), to prefill the field; no date is empty. */
export function isoToDateField(iso: string | null): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}-${match[2]}-${match[1]}` : '';
}
