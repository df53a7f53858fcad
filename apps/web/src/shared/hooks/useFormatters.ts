import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { createFormatters } from '../lib/format';
import type { Formatters } from '../lib/format';

/** Date and number formatting in the user's language, in Copenhagen time. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => createFormatters(language), [language]);
}
