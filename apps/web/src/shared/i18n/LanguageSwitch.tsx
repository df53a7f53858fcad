import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/SelectField';
import { changeLanguage, currentLanguage, languages } from './i18n';
import type { Language } from './i18n';

/** A choice of language, each named in the page's language and marked with its own. */
export function LanguageSelect({
  label,
  value,
  onChange,
  className,
}: {
  label: string;
  value: Language;
  onChange: (language: Language) => void;
  className: string;
}) {
  const { t } = useTranslation();
  const options = languages.map((code) => ({ value: code, label: t(`language.${code}`), lang: code }));
  return <SelectField label={label} value={value} options={options} onChange={onChange} className={className} />;
}

/** Danish / English; the choice is kept in localStorage and set as <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <LanguageSelect
      label={t('language.label')}
      value={currentLanguage(i18n.resolvedLanguage ?? i18n.language)}
      onChange={(language) => void changeLanguage(language)}
      className="language-switch"
    />
  );
}
