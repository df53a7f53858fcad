import { useTranslation } from 'react-i18next';

/**
 * Someone else saved the plan first (412). The newest plan is loaded already; the user's own text
 * stays in the form, so nothing is lost: they compare and save again.
 */
export function PlanConflictAlert({ savedText }: { savedText?: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert--warning" data-testid="plan-conflict">
      <div>
        <p>
          <strong>{t('plan.conflict.title')}</strong>
        </p>
        <p>{t('plan.conflict.text')}</p>
        {savedText !== undefined && (
          <p className="conflict-saved">
            {t('plan.conflict.savedNow')} <span className="prewrap">{savedText || t('plan.conflict.empty')}</span>
          </p>
        )}
      </div>
    </div>
  );
}
