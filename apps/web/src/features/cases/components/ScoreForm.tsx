import type { IndicatorKey, ScoreIndicators } from '@tvaers/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isHealthConsentRequired } from '../../../shared/lib/errors';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { useScoreIndicators } from '../hooks/useIndicators';

type RatedBy = ScoreIndicators['ratedBy'];
type Scores = Partial<Record<IndicatorKey, string>>;

/**
 * Record one round of scores (1–10), by the citizen or by the caseworker; empty fields are left out.
 * `keys` are the indicators the user may score (health_mastery only where they may see it).
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
  const scoreIndicatorsMutation = useScoreIndicators(caseId);
  const id = useId();
  const [ratedBy, setRatedBy] = useState<RatedBy>('citizen');
  const [scores, setScores] = useState<Scores>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const given: ScoreIndicators['scores'] = {};
    for (const key of keys) {
      const raw = scores[key]?.trim();
      if (!raw) continue;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > 10) {
        setError(t('indicators.form.outOfRange', { label: t(`indicators.keys.${key}`) }));
        return;
      }
      given[key] = value;
    }
    if (Object.keys(given).length === 0) {
      setError(t('indicators.form.atLeastOne'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await scoreIndicatorsMutation.mutateAsync({ ratedBy, scores: given, note: note.trim() || undefined });
      setScores({});
      setNote('');
      setSaved(true);
    } catch (failure) {
      setError(describeError(failure, t, t('indicators.form.failed')));
      if (isHealthConsentRequired(failure)) onHealthRefused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="score-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('indicators.form.title')}</h3>
      <form className="form" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <fieldset className="radio-group">
          <legend>{t('indicators.form.ratedBy')}</legend>
          {(['citizen', 'caseworker'] as const).map((value) => (
            <div key={value} className="radio">
              <input
                id={`${id}-${value}`}
                type="radio"
                name={`${id}-rated-by`}
                value={value}
                checked={ratedBy === value}
                onChange={() => setRatedBy(value)}
              />
              <label htmlFor={`${id}-${value}`}>{t(`indicators.form.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="score-grid">
          <legend>{t('indicators.form.scores')}</legend>
          <p className="hint">{t('indicators.form.scaleHint')}</p>
          {keys.map((key) => (
            <div key={key} className="field field--score">
              <label htmlFor={`${id}-${key}`}>{t(`indicators.keys.${key}`)}</label>
              <input
                id={`${id}-${key}`}
                type="number"
                inputMode="numeric"
                min={1}
                max={10}
                step={1}
                value={scores[key] ?? ''}
                onChange={(event) => setScores((previous) => ({ ...previous, [key]: event.target.value }))}
              />
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
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('indicators.form.submit')}
          </button>
          <p role="status" className="status-text">
            {saved && t('indicators.form.saved')}
          </p>
        </div>
      </form>
    </section>
  );
}
