import { ScoreIndicators } from '@tvaers/contracts';
import type { IndicatorKey } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, RadioField } from '@web/shared/forms/FormField';
import { FieldError, FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { whenHealthRefused } from '@web/shared/lib/errors';
import { useScoreIndicators } from '../hooks/useIndicators';

interface ScoreFields {
  ratedBy: ScoreIndicators['ratedBy'];
  scores: Partial<Record<IndicatorKey, string>>;
  note: string;
}

const empty: ScoreFields = { ratedBy: 'citizen', scores: {}, note: '' };

/**
 * Record one round of scores, by the citizen or by the caseworker; empty fields are left out.
 * `keys` are the indicators the user may score (health_mastery only where they may see it).
 * The range (1–10) and "at least one" are the contract's (ScoreIndicators).
 */
export function ScoreForm({
  caseId,
  keys,
  onHealthRefused,
}: {
  caseId: string;
  keys: readonly IndicatorKey[];
  onHealthRefused: () => void;
}) {
  const { t } = useTranslation();
  const scoreIndicators = useScoreIndicators(caseId);
  const id = useId();
  const form = useContractForm<ScoreFields, typeof ScoreIndicators>({
    schema: ScoreIndicators,
    defaultValues: empty,
    toRequest: ({ ratedBy, scores, note }) => ({
      ratedBy,
      scores: Object.fromEntries(
        keys.flatMap((key) => {
          const raw = scores[key]?.trim();
          return raw ? [[key, Number(raw)]] : [];
        }),
      ),
      note: note.trim() || undefined,
    }),
    refinementMessages: { scores: t('indicators.form.atLeastOne') },
  });

  const submit = form.submitWith(
    async (input) => {
      await scoreIndicators.mutateAsync(input);
    },
    {
      resetTo: ({ ratedBy }) => ({ ...empty, ratedBy }),
      failed: t('indicators.form.failed'),
      onError: whenHealthRefused(onHealthRefused),
    },
  );

  return (
    <section className="score-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('indicators.form.title')}</h3>
      <FormElement control={form.control} onSubmit={submit} className="form">
        <FormStatus control={form.control} saved={t('indicators.form.saved')} />
        <RadioField
          form={form}
          name="ratedBy"
          legend={t('indicators.form.ratedBy')}
          choices={(['citizen', 'caseworker'] as const).map((value) => ({
            value,
            label: t(`indicators.form.${value}`),
          }))}
        />
        <fieldset className="score-grid">
          <legend>{t('indicators.form.scores')}</legend>
          <p className="hint">{t('indicators.form.scaleHint')}</p>
          <FieldError control={form.control} name="scores" id={`${id}-scores-error`} />
          {keys.map((key) => (
            <FormField
              key={key}
              form={form}
              name={`scores.${key}`}
              label={t(`indicators.keys.${key}`)}
              className="field field--score"
            >
              {(field) => <input type="text" inputMode="numeric" {...field} />}
            </FormField>
          ))}
        </fieldset>
        <FormField form={form} name="note" label={t('indicators.form.note')} optional>
          {(field) => <textarea rows={2} {...field} />}
        </FormField>
        <FormActions control={form.control} submit={t('indicators.form.submit')} />
      </FormElement>
    </section>
  );
}
