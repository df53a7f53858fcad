import { CreateEffort, disciplines, effortTypes } from '@tvaers/contracts';
import type { CaseMember, Discipline, EffortType } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { dateFieldToIso } from '@web/shared/forms/date-field';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { whenHealthRefused } from '@web/shared/lib/errors';
import { isEffortType } from '../labels';
import { HealthHiddenNote } from './HealthHiddenNote';
import { EffortDateFields } from './EffortDateFields';
import { EffortOwnerOptions, EffortTypeOptions } from './EffortTypeOptions';

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

const disciplineOf = (type: string): Discipline | null => (isEffortType(type) ? effortTypes[type] : null);

/**
 * "Tilføj indsats": the discipline follows from the chosen type, so the two always match. Health types
 * are not offered to a user who could not see the effort afterwards (`healthHidden`); the form says why.
 * Any staff member on the case can own an effort of their own discipline: the owners offered are the
 * case's staff of the chosen type's discipline (a health effort: the health staff on the case).
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
  const offered = disciplines.filter((group) => !(healthHidden && group === 'health'));
  // A health type chosen before consent was withdrawn is no longer a choice.
  const chosen = form.watch('type');
  const type = chosen && offered.includes(effortTypes[chosen]) ? chosen : '';
  const discipline = type ? effortTypes[type] : null;
  const ownersOf = (of: Discipline | null) => members.filter((member) => member.discipline === of);
  const owners = ownersOf(discipline);
  const disciplineName = discipline ? t(`efforts.groups.${discipline}`) : '';

  const submit = form.submitWith(
    async (input) => {
      setAdded(null);
      await onAdd(input);
      setAdded(input.title);
    },
    {
      resetTo: () => empty,
      failed: t('addEffort.failed'),
      onError: whenHealthRefused(onHealthRefused),
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
      <FormElement control={form.control} onSubmit={submit} className="form form--grid">
        <div className="form__full">
          <FormStatus control={form.control} saved={added ? t('addEffort.added', { title: added }) : undefined} />
        </div>
        <FormField
          form={form}
          name="type"
          label={t('addEffort.type')}
          hint={
            <span data-testid="add-effort-discipline">
              {discipline ? t('addEffort.discipline', { discipline: disciplineName }) : t('addEffort.disciplineHint')}
            </span>
          }
          describedBy={healthHidden ? `${id}-health-hidden` : undefined}
          options={{
            setValueAs: (value: string) => (isEffortType(value) ? value : ''),
            // An owner of another discipline is no longer a choice once the type changes.
            onChange: (event: { target: { value: string } }) => {
              const owner = form.getValues('ownerId');
              const stays = ownersOf(disciplineOf(event.target.value)).some((member) => member.staffId === owner);
              if (owner && !stays) form.setValue('ownerId', '');
            },
          }}
        >
          {(field) => (
            <select {...field} value={type}>
              <EffortTypeOptions offered={offered} placeholder={t('addEffort.chooseType')} />
            </select>
          )}
        </FormField>
        <FormField form={form} name="title" label={t('addEffort.titleField')}>
          {(field) => <input type="text" {...field} />}
        </FormField>
        <FormField form={form} name="purpose" label={t('addEffort.purpose')} optional className="field form__full">
          {(field) => <textarea rows={2} {...field} />}
        </FormField>
        <FormField
          form={form}
          name="ownerId"
          label={t('addEffort.owner')}
          optional
          hint={
            !discipline
              ? t('addEffort.ownerChooseType')
              : owners.length > 0
                ? t('addEffort.ownerHint', { discipline: disciplineName })
                : t('addEffort.noOwners', { discipline: disciplineName })
          }
        >
          {(field) => (
            <select {...field}>
              <EffortOwnerOptions owners={owners} none={t('addEffort.noOwner')} />
            </select>
          )}
        </FormField>
        <EffortDateFields
          form={form}
          names={['startDate', 'endDate']}
          labels={[t('addEffort.startDate'), t('addEffort.endDate')]}
        />
        <FormActions
          control={form.control}
          submit={t('addEffort.submit')}
          pendingLabel={t('addEffort.submitting')}
          testId="add-effort"
          className="form__full button-row"
        />
      </FormElement>
    </section>
  );
}
