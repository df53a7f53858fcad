import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, languages } from './i18n';

/** Danish / English; the choice is kept in localStorage and set as <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const next = event.target.value;
          if (isLanguage(next)) void i18n.changeLanguage(next);
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
