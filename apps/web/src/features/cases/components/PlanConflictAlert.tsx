import { useTranslation } from 'react-i18next';

/** The plan shown now, as an editor needs it: the version to save on and who saved it when. */
export interface PlanStamp {
  version: number;
  updatedBy: string | undefined;
  /** Formatted for the user. */
  updatedAt: string;
}

export interface PlanConflictAlertProps {
  /** The text saved now, from the newest plan. */
  theirs: string;
  /** The user's own text, still in the form. */
  mine: string;
  /** Who saved the newest plan, and when (formatted). */
  changedBy: string | undefined;
  changedAt: string;
  /** Drops the user's text and keeps the saved one. */
  onTakeTheirs: () => void;
}

/**
 * Someone else saved the plan first (412). The newest plan is loaded; both texts are shown side by
 * side and the user chooses: save their own text on the new version, or keep the saved one.
 * Nothing is lost either way: the other text stays in the plan's history.
 */
export function PlanConflictAlert({ theirs, mine, changedBy, changedAt, onTakeTheirs }: PlanConflictAlertProps) {
  const { t } = useTranslation();
  const empty = t('plan.conflict.empty');
  return (
    <div role="alert" className="alert alert--warning" data-testid="plan-conflict">
      <div>
        <p>
          <strong>{t('plan.conflict.title')}</strong>
        </p>
        <p>
          {changedBy
            ? t('plan.conflict.changedBy', { name: changedBy, when: changedAt })
            : t('plan.conflict.changedAt', { when: changedAt })}
        </p>
        <p>{t('plan.conflict.text')}</p>
        <dl className="conflict-texts">
          <dt>{t('plan.conflict.theirs')}</dt>
          <dd className="prewrap conflict-saved" data-testid="conflict-theirs">
            {theirs || empty}
          </dd>
          <dt>{t('plan.conflict.mine')}</dt>
          <dd className="prewrap" data-testid="conflict-mine">
            {mine || empty}
          </dd>
        </dl>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t('plan.conflict.keepMine')}
          </button>
          <button type="button" className="button" onClick={onTakeTheirs}>
            {t('plan.conflict.takeTheirs')}
          </button>
        </div>
      </div>
    </div>
  );
}
