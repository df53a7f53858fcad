import { disciplines, effortTypes } from '@tvaers/contracts';
import type { CaseMember, CreateEffort, EffortType } from '@tvaers/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isHealthConsentRequired } from '../../../shared/lib/errors';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';
import { effortTypesByDiscipline, isEffortType } from '../labels';
import { HealthHiddenNote } from './HealthHiddenNote';

interface Draft {
  type: EffortType | '';
  title: string;
  purpose: string;
  ownerId: string;
  startDate: string;
  endDate: string;
}

const empty: Draft = { type: '', title: '', purpose: '', ownerId: '', startDate: '', endDate: '' };

/**
 * "Tilføj indsats": the discipline follows from the chosen type, so the two always match. Health types
 * are not offered to a user who could not see the effort afterwards (`healthHidden`); the form says why.
 */
export function AddEffortForm({
  members,
  healthHidden,
  onAdd,
  onHealthRefused,
}: {
  members: CaseMember[];
  healthHidden: boolean;
  onAdd: (input: CreateEffort) => Promise<void>;
  onHealthRefused: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const offered = disciplines.filter((group) => !(healthHidden && group === 'health'));
  // A health type chosen before consent was withdrawn is no longer a choice.
  const type = draft.type && offered.includes(effortTypes[draft.type]) ? draft.type : '';
  const discipline = type ? effortTypes[type] : null;

  function set<K extends keyof Draft>(name: K, value: Draft[K]) {
    setDraft((previous) => ({ ...previous, [name]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    if (!type || !draft.title.trim()) {
      setError(t('addEffort.missing'));
      return;
    }
    if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) {
      setError(t('addEffort.endBeforeStart'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const title = draft.title.trim();
      await onAdd({
        type,
        discipline: effortTypes[type],
        title,
        purpose: draft.purpose.trim() || undefined,
        ownerId: draft.ownerId || undefined,
        startDate: draft.startDate || undefined,
        endDate: draft.endDate || undefined,
      });
      setDraft(empty);
      setAdded(title);
    } catch (failure) {
      setError(describeError(failure, t, t('addEffort.failed')));
      if (isHealthConsentRequired(failure)) onHealthRefused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="plan-part add-effort" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('addEffort.title')}</h3>
      {healthHidden && (
        <HealthHiddenNote
          id={`${id}-health-hidden`}
          testId="add-effort-health-hidden"
          text={t('addEffort.healthHidden')}
        />
      )}
      <form className="form form--grid" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
        {error && (
          <div className="form__full">
            <ErrorAlert>{error}</ErrorAlert>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('addEffort.type')}</label>
          <select
            id={`${id}-type`}
            required
            value={type}
            aria-describedby={healthHidden ? `${id}-discipline ${id}-health-hidden` : `${id}-discipline`}
            onChange={(event) => {
              const value = event.target.value;
              set('type', isEffortType(value) ? value : '');
            }}
          >
            <option value="">{t('addEffort.chooseType')}</option>
            {offered.map((group) => (
              <optgroup key={group} label={t(`efforts.groups.${group}`)}>
                {effortTypesByDiscipline[group].map((type) => (
                  <option key={type} value={type}>
                    {t(`effortTypes.${type}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <p id={`${id}-discipline`} className="hint" data-testid="add-effort-discipline">
            {discipline
              ? t('addEffort.discipline', { discipline: t(`efforts.groups.${discipline}`) })
              : t('addEffort.disciplineHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title-field`}>{t('addEffort.titleField')}</label>
          <input
            id={`${id}-title-field`}
            type="text"
            required
            maxLength={200}
            value={draft.title}
            onChange={(event) => set('title', event.target.value)}
          />
        </div>
        <div className="field form__full">
          <label htmlFor={`${id}-purpose`}>
            {t('addEffort.purpose')} <span className="optional">{t('common.optional')}</span>
          </label>
          <textarea
            id={`${id}-purpose`}
            rows={2}
            maxLength={2000}
            value={draft.purpose}
            onChange={(event) => set('purpose', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>
            {t('addEffort.owner')} <span className="optional">{t('common.optional')}</span>
          </label>
          <select id={`${id}-owner`} value={draft.ownerId} onChange={(event) => set('ownerId', event.target.value)}>
            <option value="">{t('addEffort.noOwner')}</option>
            {members.map((member) => (
              <option key={member.staffId} value={member.staffId}>
                {member.name} ({t(`disciplines.${member.discipline}`)})
              </option>
            ))}
          </select>
        </div>
        <div className="field-pair">
          <div className="field">
            <label htmlFor={`${id}-start`}>
              {t('addEffort.startDate')} <span className="optional">{t('common.optional')}</span>
            </label>
            <input
              id={`${id}-start`}
              type="date"
              value={draft.startDate}
              onChange={(event) => set('startDate', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>
              {t('addEffort.endDate')} <span className="optional">{t('common.optional')}</span>
            </label>
            <input
              id={`${id}-end`}
              type="date"
              min={draft.startDate || undefined}
              value={draft.endDate}
              onChange={(event) => set('endDate', event.target.value)}
            />
          </div>
        </div>
        <div className="form__full button-row">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="add-effort">
            {busy ? t('addEffort.submitting') : t('addEffort.submit')}
          </button>
          <p role="status" className="status-text">
            {added && t('addEffort.added', { title: added })}
          </p>
        </div>
      </form>
    </section>
  );
}
