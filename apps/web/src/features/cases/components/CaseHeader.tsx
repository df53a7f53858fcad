import type { Case } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { benefitLabel } from '../labels';
import { RevealCpr } from './RevealCpr';

/** The facts a caseworker needs first: who, which benefit, who is responsible, who else works on the case. */
export function CaseHeader({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  return (
    <section className="card case-facts" aria-label={t('casePage.factsLabel')}>
      <dl className="facts">
        <div>
          <dt>{t('casePage.cpr')}</dt>
          <dd>
            <span className="nowrap" data-testid="cpr-masked">
              {caseRecord.cprMasked}
            </span>
            <RevealCpr citizenId={caseRecord.citizenId} />
          </dd>
        </div>
        <div>
          <dt>{t('casePage.benefit')}</dt>
          <dd>{benefitLabel(t, caseRecord.benefit)}</dd>
        </div>
        <div>
          <dt>{t('casePage.responsible')}</dt>
          <dd>{caseRecord.responsibleName}</dd>
        </div>
        <div>
          <dt>{t('casePage.status')}</dt>
          <dd>
            {t(`caseStatuses.${caseRecord.status}`)}
            {caseRecord.closeReason && <span className="muted"> – {caseRecord.closeReason}</span>}
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('casePage.team')}</dt>
          <dd>
            {caseRecord.members.length === 0 ? (
              t('casePage.noMembers')
            ) : (
              <ul className="member-list">
                {caseRecord.members.map((member) => (
                  <li key={member.staffId}>
                    {member.name}{' '}
                    <span className="muted">
                      ({t(`disciplines.${member.discipline}`)}
                      {member.role ? `, ${member.role}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
