import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da, type Translation } from './locales/da';

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

// Danish ships with the first page; other languages are their own chunks, fetched when chosen.
const otherLanguages: Record<Exclude<Language, 'da'>, () => Promise<Translation>> = {
  en: async () => (await import('./locales/en')).en,
};

/** Makes a language's texts available (e.g. for a printout in it) without switching the page to it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'da' || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await otherLanguages[language]());
}

let pageTexts: Promise<void> | undefined;

/** The Danish texts of the pages that load on demand (da-pages.ts): fetched once, with the first such page. */
export function loadPageTexts(): Promise<void> {
  pageTexts ??= import('./locales/da-pages').then(
    ({ daPages }) => {
      i18n.addResourceBundle('da', 'translation', daPages, true, false);
    },
    (error: unknown) => {
      pageTexts = undefined; // the next page tries again
      throw error;
    },
  );
  return pageTexts;
}

/** Switches the page's language once its texts are here. */
export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

const initialLanguage = storedLanguage();

const initialised = i18n.use(initReactI18next).init({
  resources: { da: { translation: da } },
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: 'da',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes already
});

/** Settles when the remembered language's texts are here (at once for Danish); main.tsx renders after it. */
export const languageReady: Promise<void> = initialised
  .then(() => changeLanguage(initialLanguage))
  .catch(async () => {
    // The chunk could not be fetched (offline, a new release): the page shows in Danish rather than not at all.
    await i18n.changeLanguage('da');
  });

/** The current language, narrowed to the ones Tværs ships. */
export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'da';
}

export default i18n;
