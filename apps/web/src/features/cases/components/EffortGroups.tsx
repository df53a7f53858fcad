import { disciplines } from '@tvaers/contracts';
import type { CaseMember, Plan, UpdateEffort } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { EffortItem } from './EffortItem';

/** The plan's efforts grouped by discipline: employment, health, social. */
export function EffortGroups({
  plan,
  members,
  onChange,
}: {
  plan: Plan;
  members: CaseMember[];
  onChange: (effortId: string, input: UpdateEffort) => Promise<void>;
}) {
  const { t } = useTranslation();
  const ownerNames = new Map(members.map((member) => [member.staffId, member.name]));

  return (
    <section className="plan-part" aria-labelledby="efforts-title">
      <h3 id="efforts-title">{t('efforts.title')}</h3>
      <div className="effort-groups">
        {disciplines.map((discipline) => {
          const efforts = plan.efforts.filter((effort) => effort.discipline === discipline);
          const hidden = discipline === 'health' && plan.healthHidden;
          return (
            <section
              key={discipline}
              className="effort-group"
              aria-labelledby={`efforts-${discipline}-title`}
              data-testid={`efforts-${discipline}`}
            >
              <h4 id={`efforts-${discipline}-title`}>{t(`efforts.groups.${discipline}`)}</h4>
              {hidden && (
                <p className="note" data-testid="health-hidden">
                  {t('efforts.healthHidden')}
                </p>
              )}
              {efforts.length === 0 && !hidden && <p className="muted">{t('efforts.empty')}</p>}
              {efforts.length > 0 && (
                <ul className="effort-list">
                  {efforts.map((effort) => (
                    <EffortItem
                      key={effort.id}
                      effort={effort}
                      ownerName={effort.ownerId ? ownerNames.get(effort.ownerId) : undefined}
                      onChange={(input) => onChange(effort.id, input)}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
