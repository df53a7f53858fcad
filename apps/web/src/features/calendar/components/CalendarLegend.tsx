import { useTranslation } from 'react-i18next';

/** What each look of an entry means (told in words, not by colour alone). */
export function CalendarLegend() {
  const { t } = useTranslation();
  const looks = [
    { look: 'scheduled', label: t('calendar.legendScheduled') },
    { look: 'proposed', label: t('calendar.legendProposed') },
    { look: 'colleague', label: t('calendar.legendColleague') },
    { look: 'busy', label: t('calendar.legendBusy') },
  ];
  return (
    <ul className="legend" aria-label={t('calendar.legendLabel')}>
      {looks.map(({ look, label }) => (
        <li key={look}>
          <span className={`legend__swatch legend__swatch--${look}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
