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
