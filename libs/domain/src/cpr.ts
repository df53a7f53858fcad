import { DateTime } from 'luxon';
import { formatDate, parseDate } from './time';

export type CprResult =
  { ok: true; cpr: string; birthDate: string } | { ok: false; reason: 'format' | 'date' | 'future' };

/**
 * Century from the 7th digit (the first serial digit), as the CPR register defines it.
 * No modulus-11 check: the register has issued numbers without it since 2007.
 */
function birthYear(yy: number, digit7: number): number {
  if (digit7 <= 3) return 1900 + yy;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Accepts 'DDMMYYSSSS' or 'DDMMYY-SSSS'; `today` ('YYYY-MM-DD') rejects birth dates in the future. */
export function validateCpr(input: string, today: string): CprResult {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, dd, mm, yy, serial] = match;
  const birth = DateTime.fromObject(
    { year: birthYear(Number(yy), Number(serial[0])), month: Number(mm), day: Number(dd) },
    { zone: 'utc' },
  );
  if (!birth.isValid) return { ok: false, reason: 'date' };
  const birthDate = formatDate(birth);
  if (birthDate > formatDate(parseDate(today))) return { ok: false, reason: 'future' };
  return { ok: true, cpr: `${dd}${mm}${yy}${serial}`, birthDate };
}

/**
 * 'DDMMYY-XXXX': the birth date stays visible, the serial (which also reveals sex) is hidden. Takes a CPR
 * number or its six birth digits alone, so the full number need not be decrypted to show it; null (anonymised)
 * shows no digit.
 */
export function maskCpr(cpr: string | null): string {
  // An anonymised citizen's CPR is gone (retention): nothing of it to show.
  if (cpr === null) return 'XXXXXX-XXXX';
  const match = /^(\d{6})(?:-?\d{4})?$/.exec(cpr.trim());
  if (!match) throw new RangeError('Not a CPR number');
  return `${match[1]}-XXXX`;
}
