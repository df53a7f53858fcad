import type { Discipline } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { effortTypesByDiscipline } from '../labels';

/** The effort types a plan may get, grouped by discipline, after a "choose" option; inside a <select>. */
export function EffortTypeOptions({ offered, placeholder }: { offered: readonly Discipline[]; placeholder: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{placeholder}</option>
      {offered.map((group) => (
        <optgroup key={group} label={t(`efforts.groups.${group}`)}>
          {effortTypesByDiscipline[group].map((type) => (
            <option key={type} value={type}>
              {t(`effortTypes.${type}`)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** The people an effort may be given to, each with their discipline, after a "nobody" option; inside a <select>. */
export function EffortOwnerOptions({
  owners,
  none,
  unknownOwnerId,
}: {
  owners: readonly { staffId: string; name: string; discipline: Discipline }[];
  none: string;
  /** The owner now, where no longer among `owners`: kept as a choice so the select still shows it. */
  unknownOwnerId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{none}</option>
      {unknownOwnerId && <option value={unknownOwnerId}>{t('efforts.unknownOwner')}</option>}
      {owners.map((member) => (
        <option key={member.staffId} value={member.staffId}>
          {member.name} ({t(`disciplines.${member.discipline}`)})
        </option>
      ))}
    </>
  );
}
