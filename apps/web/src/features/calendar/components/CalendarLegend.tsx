import { useTranslation } from 'react-i18next';

/** What each look of an entry means (told in words, not by colour alone). */
export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('calendar.legendLabel')}>
      <li>
        <span className="legend__swatch legend__swatch--scheduled" aria-hidden="true" />
        {t('calendar.legendScheduled')}
      </li>
      <li>
        <span className="legend__swatch legend__swatch--proposed" aria-hidden="true" />
        {t('calendar.legendProposed')}
      </li>
      <li>
        <span className="legend__swatch legend__swatch--colleague" aria-hidden="true" />
        {t('calendar.legendColleague')}
      </li>
      <li>
        <span className="legend__swatch legend__swatch--busy" aria-hidden="true" />
        {t('calendar.legendBusy')}
      </li>
    </ul>
  );
}
