import type { Effort } from '@tvaers/contracts';
import type { TFunction } from 'i18next';
import type { Formatters } from '@web/shared/lib/format';

/** An effort's period in words: "1. februar 2026 – 30. april 2026", "Fra …", "Til …" or "Ikke fastlagt". */
export function effortPeriod(effort: Pick<Effort, 'startDate' | 'endDate'>, t: TFunction, format: Formatters): string {
  const { startDate, endDate } = effort;
  if (startDate && endDate) {
    return t('efforts.periodBoth', { start: format.date(startDate), end: format.date(endDate) });
  }
  if (startDate) return t('efforts.periodFrom', { start: format.date(startDate) });
  if (endDate) return t('efforts.periodUntil', { end: format.date(endDate) });
  return t('efforts.periodNone');
}
