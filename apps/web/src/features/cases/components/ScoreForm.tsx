import { ScoreIndicators } from '@tvaers/contracts';
import type { IndicatorKey } from '@tvaers/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCounter } from '@web/shared/forms/CharacterCounter';
import { FieldError, fieldAria, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { maxLengthOf } from '@web/shared/forms/schema-limits';
import { fieldError, useContractForm } from '@web/shared/forms/useContractForm';
import { isHealthConsentRequired } from '@web/shared/lib/errors';
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
  const { errors, isSubmitting } = form.formState;

  const submit = form.submitWith(
    async (input) => {
      await scoreIndicators.mutateAsync(input);
    },
    {
      resetTo: ({ ratedBy }) => ({ ...empty, ratedBy }),
      failed: t('indicators.form.failed'),
      onError: (failure) => {
        if (isHealthConsentRequired(failure)) onHealthRefused();
      },
    },
  );

  return (
    <section className="score-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('indicators.form.title')}</h3>
      <form className="form" onSubmit={(event) => void submit(event)} aria-busy={isSubmitting} noValidate>
        <FormStatus control={form.control} saved={t('indicators.form.saved')} />
        <fieldset className="radio-group">
          <legend>{t('indicators.form.ratedBy')}</legend>
          {(['citizen', 'caseworker'] as const).map((value) => (
            <div key={value} className="radio">
              <input id={`${id}-${value}`} type="radio" value={value} {...form.register('ratedBy')} />
              <label htmlFor={`${id}-${value}`}>{t(`indicators.form.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="score-grid">
          <legend>{t('indicators.form.scores')}</legend>
          <p className="hint">{t('indicators.form.scaleHint')}</p>
          <FieldError control={form.control} name="scores" id={`${id}-scores-error`} />
          {keys.map((key) => (
            <div key={key} className="field field--score">
              <label htmlFor={`${id}-${key}`}>{t(`indicators.keys.${key}`)}</label>
              <input
                id={`${id}-${key}`}
                type="text"
                inputMode="numeric"
                {...fieldAria(fieldError(errors, `scores.${key}`) !== undefined, `${id}-${key}-error`)}
                {...form.register(`scores.${key}`)}
              />
              <FieldError control={form.control} name={`scores.${key}`} id={`${id}-${key}-error`} />
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {t('indicators.form.note')} <span className="optional">{t('common.optional')}</span>
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            {...fieldAria(fieldError(errors, 'note') !== undefined, `${id}-note-error`, `${id}-note-count`)}
            {...form.register('note')}
          />
          <CharacterCounter
            control={form.control}
            name="note"
            max={maxLengthOf(ScoreIndicators, 'note')}
            id={`${id}-note-count`}
          />
          <FieldError control={form.control} name="note" id={`${id}-note-error`} />
        </div>
        <div className="button-row">
          <SubmitButton control={form.control}>{t('indicators.form.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
