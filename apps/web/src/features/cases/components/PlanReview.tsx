import type { Plan } from '@tvaers/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/hooks/useFormatters';
import { useToday } from '../../../shared/hooks/useToday';
import { describeError } from '../../../shared/lib/errors';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';

/**
 * The plan is followed up at least every 12 months; recording a work-capacity assessment with it
 * also renews the clarification guarantee (afklaringsgaranti).
 */
export function PlanReview({
  plan,
  onRecord,
}: {
  plan: Plan;
  onRecord: (workCapacityAssessed: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useToday();
  const id = useId();
  const [assessed, setAssessed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const overdue = plan.nextReviewDue < today;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await onRecord(assessed);
      setAssessed(false);
      setSaved(true);
    } catch (failure) {
      setError(describeError(failure, t, t('review.failed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="plan-part" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('review.title')}</h3>
      <dl className="effort__facts">
        <div>
          <dt>{t('review.nextDue')}</dt>
          <dd>
            <time dateTime={plan.nextReviewDue} data-testid="next-review">
              {format.date(plan.nextReviewDue)}
            </time>
            {overdue && <span className="badge badge--overdue review__badge">{t('review.overdue')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('review.lastReviewed')}</dt>
          <dd>{format.date(plan.reviewedOn)}</dd>
        </div>
        <div>
          <dt>{t('review.lastAssessed')}</dt>
          <dd>{plan.assessedOn ? format.date(plan.assessedOn) : t('review.notAssessed')}</dd>
        </div>
      </dl>
      <form className="button-row" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <div className="checkbox">
          <input
            id={`${id}-assessed`}
            type="checkbox"
            checked={assessed}
            onChange={(event) => setAssessed(event.target.checked)}
          />
          <label htmlFor={`${id}-assessed`}>{t('review.workCapacityAssessed')}</label>
        </div>
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? t('common.saving') : t('review.submit')}
        </button>
        <p role="status" className="status-text">
          {saved && t('review.saved')}
        </p>
      </form>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </section>
  );
}
