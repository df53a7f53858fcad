import { useTranslation } from 'react-i18next';

/** The id of the consent panel on the case page, where the citizen's consent is recorded. */
export const consentPanelId = 'consents';

/** Says, in words, what the health rule keeps from this user and where consent is given. */
export function HealthHiddenNote({ id, text, testId }: { id?: string; text: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="note" data-testid={testId}>
      {text} <a href={`#${consentPanelId}`}>{t('consent.link')}</a>
    </p>
  );
}
