import type { Case } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { benefitLabel } from '../labels';
import { Facts } from './Facts';
import { RemoveMember } from './RemoveMember';
import { RevealCpr } from './RevealCpr';

/** The facts a caseworker needs first: who, which benefit, who is responsible, who else works on the case. */
export function CaseHeader({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  return (
    <section className="card case-facts" aria-label={t('casePage.factsLabel')}>
      <Facts
        className="facts"
        facts={[
          {
            term: t('casePage.cpr'),
            detail: (
              <>
                <span className="nowrap" data-testid="cpr-masked">
                  {caseRecord.cprMasked}
                </span>
                <RevealCpr citizenId={caseRecord.citizenId} />
              </>
            ),
          },
          { term: t('casePage.benefit'), detail: benefitLabel(t, caseRecord.benefit) },
          { term: t('casePage.responsible'), detail: caseRecord.responsibleName },
          {
            term: t('casePage.status'),
            detail: (
              <>
                {t(`caseStatuses.${caseRecord.status}`)}
                {caseRecord.closeOutcome && <> – {t(`outcomes.closeOutcomes.${caseRecord.closeOutcome}`)}</>}
                {caseRecord.closeReason && <span className="muted"> – {caseRecord.closeReason}</span>}
              </>
            ),
          },
          {
            term: t('casePage.team'),
            wide: true,
            detail:
              caseRecord.members.length === 0 ? (
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
                      {member.staffId !== caseRecord.responsibleId && (
                        <RemoveMember caseId={caseRecord.id} member={member} />
                      )}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}
