import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './locales/da';
import { en } from './locales/en';

export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'tvaers.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'da';
  } catch {
    // Storage can be disabled (private mode, policy): Danish is the default anyway.
    return 'da';
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not being able to remember the choice is no reason to fail.
  }
}

export const resources = { da: { translation: da }, en: { translation: en } } as const;

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'da',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes already
});

/** The current language, narrowed to the ones Tværs ships. */
export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'da';
}

export default i18n;
