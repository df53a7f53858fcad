import { RecordReview } from '@tvaers/contracts';
import type { Plan } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormElement, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { useToday } from '@web/shared/hooks/useToday';
import { Facts } from './Facts';

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
  const form = useContractForm<{ workCapacityAssessed: boolean }, typeof RecordReview>({
    schema: RecordReview,
    defaultValues: { workCapacityAssessed: false },
  });
  const overdue = plan.nextReviewDue < today;

  const submit = form.submitWith(
    async ({ workCapacityAssessed }) => {
      await onRecord(workCapacityAssessed);
    },
    { failed: t('review.failed'), resetTo: () => ({ workCapacityAssessed: false }) },
  );

  return (
    <section id="plan-review" className="plan-part" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('review.title')}</h3>
      <Facts
        facts={[
          {
            term: t('review.nextDue'),
            detail: (
              <>
                <time dateTime={plan.nextReviewDue} data-testid="next-review">
                  {format.date(plan.nextReviewDue)}
                </time>
                {overdue && <span className="badge badge--overdue review__badge">{t('review.overdue')}</span>}
              </>
            ),
          },
          { term: t('review.lastReviewed'), detail: format.date(plan.reviewedOn) },
          {
            term: t('review.lastAssessed'),
            detail: plan.assessedOn ? format.date(plan.assessedOn) : t('review.notAssessed'),
          },
        ]}
      />
      <FormElement control={form.control} onSubmit={submit} className="button-row">
        <div className="checkbox">
          <input id={`${id}-assessed`} type="checkbox" {...form.register('workCapacityAssessed')} />
          <label htmlFor={`${id}-assessed`}>{t('review.workCapacityAssessed')}</label>
        </div>
        <SubmitButton control={form.control} className="button button--small">
          {t('review.submit')}
        </SubmitButton>
        <FormStatus control={form.control} saved={t('review.saved')} />
      </FormElement>
    </section>
  );
}
