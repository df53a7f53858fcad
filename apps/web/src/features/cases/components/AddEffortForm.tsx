import { CreateEffort, disciplines, effortTypes } from '@tvaers/contracts';
import type { CaseMember, EffortType } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCounter } from '@web/shared/forms/CharacterCounter';
import { FieldError, fieldAria, FormStatus, SubmitButton } from '@web/shared/forms/FormParts';
import { maxLengthOf } from '@web/shared/forms/schema-limits';
import { dateFieldToIso } from '@web/shared/forms/date-field';
import { fieldError, useContractForm } from '@web/shared/forms/useContractForm';
import { isHealthConsentRequired } from '@web/shared/lib/errors';
import { DateInput } from '@web/shared/ui/DateInput';
import { effortTypesByDiscipline, isEffortType } from '../labels';
import { HealthHiddenNote } from './HealthHiddenNote';

interface EffortFields {
  type: EffortType | '';
  title: string;
  purpose: string;
  ownerId: string;
  startDate: string;
  endDate: string;
}

const empty: EffortFields = { type: '', title: '', purpose: '', ownerId: '', startDate: '', endDate: '' };

/** The fields as the request; the discipline follows from the type, empty optional fields are left out. */
const toRequest = (fields: EffortFields) => ({
  type: fields.type || undefined,
  discipline: fields.type ? effortTypes[fields.type] : undefined,
  title: fields.title,
  purpose: fields.purpose.trim() || undefined,
  ownerId: fields.ownerId || undefined,
  startDate: dateFieldToIso(fields.startDate),
  endDate: dateFieldToIso(fields.endDate),
});

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
  const [added, setAdded] = useState<string | null>(null);
  const form = useContractForm<EffortFields, typeof CreateEffort>({
    schema: CreateEffort,
    defaultValues: empty,
    toRequest,
    refinementMessages: { endDate: t('addEffort.endBeforeStart') },
  });
  const { errors, isSubmitting } = form.formState;
  const offered = disciplines.filter((group) => !(healthHidden && group === 'health'));
  // A health type chosen before consent was withdrawn is no longer a choice.
  const chosen = form.watch('type');
  const type = chosen && offered.includes(effortTypes[chosen]) ? chosen : '';
  const discipline = type ? effortTypes[type] : null;
  const invalid = (name: keyof EffortFields) => fieldError(errors, name) !== undefined;

  const submit = form.submitWith(
    async (input) => {
      setAdded(null);
      await onAdd(input);
      setAdded(input.title);
    },
    {
      resetTo: () => empty,
      failed: t('addEffort.failed'),
      onError: (failure) => {
        if (isHealthConsentRequired(failure)) onHealthRefused();
      },
    },
  );

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
      <form className="form form--grid" onSubmit={(event) => void submit(event)} aria-busy={isSubmitting} noValidate>
        <div className="form__full">
          <FormStatus control={form.control} saved={added ? t('addEffort.added', { title: added }) : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('addEffort.type')}</label>
          <select
            id={`${id}-type`}
            {...fieldAria(
              invalid('type'),
              `${id}-type-error`,
              healthHidden ? `${id}-discipline ${id}-health-hidden` : `${id}-discipline`,
            )}
            {...form.register('type', { setValueAs: (value: string) => (isEffortType(value) ? value : '') })}
            value={type}
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
          <FieldError control={form.control} name="type" id={`${id}-type-error`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-title-field`}>{t('addEffort.titleField')}</label>
          <input
            id={`${id}-title-field`}
            type="text"
            {...fieldAria(invalid('title'), `${id}-title-error`)}
            {...form.register('title')}
          />
          <FieldError control={form.control} name="title" id={`${id}-title-error`} />
        </div>
        <div className="field form__full">
          <label htmlFor={`${id}-purpose`}>
            {t('addEffort.purpose')} <span className="optional">{t('common.optional')}</span>
          </label>
          <textarea
            id={`${id}-purpose`}
            rows={2}
            {...fieldAria(invalid('purpose'), `${id}-purpose-error`, `${id}-purpose-count`)}
            {...form.register('purpose')}
          />
          <CharacterCounter
            control={form.control}
            name="purpose"
            max={maxLengthOf(CreateEffort, 'purpose')}
            id={`${id}-purpose-count`}
          />
          <FieldError control={form.control} name="purpose" id={`${id}-purpose-error`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>
            {t('addEffort.owner')} <span className="optional">{t('common.optional')}</span>
          </label>
          <select
            id={`${id}-owner`}
            {...fieldAria(invalid('ownerId'), `${id}-owner-error`)}
            {...form.register('ownerId')}
          >
            <option value="">{t('addEffort.noOwner')}</option>
            {members.map((member) => (
              <option key={member.staffId} value={member.staffId}>
                {member.name} ({t(`disciplines.${member.discipline}`)})
              </option>
            ))}
          </select>
          <FieldError control={form.control} name="ownerId" id={`${id}-owner-error`} />
        </div>
        <div className="field-pair">
          <div className="field">
            <label htmlFor={`${id}-start`}>
              {t('addEffort.startDate')} <span className="optional">{t('common.optional')}</span>
            </label>
            <DateInput
              id={`${id}-start`}
              hintId={`${id}-start-hint`}
              {...fieldAria(invalid('startDate'), `${id}-start-error`, `${id}-start-hint`)}
              {...form.register('startDate')}
            />
            <FieldError control={form.control} name="startDate" id={`${id}-start-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>
              {t('addEffort.endDate')} <span className="optional">{t('common.optional')}</span>
            </label>
            <DateInput
              id={`${id}-end`}
              hintId={`${id}-end-hint`}
              {...fieldAria(invalid('endDate'), `${id}-end-error`, `${id}-end-hint`)}
              {...form.register('endDate')}
            />
            <FieldError control={form.control} name="endDate" id={`${id}-end-error`} />
          </div>
        </div>
        <div className="form__full button-row">
          <SubmitButton control={form.control} pendingLabel={t('addEffort.submitting')} testId="add-effort">
            {t('addEffort.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
