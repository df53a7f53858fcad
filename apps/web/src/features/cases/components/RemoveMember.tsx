import type { CaseMember } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { describeError } from '@web/shared/lib/errors';
import { ConfirmStep } from '@web/shared/ui/ConfirmStep';
import { useRemoveCaseMember } from '../hooks/useCase';

/** "Fjern" next to a member, asked once more: the member loses the case unless their team gives it to them. */
export function RemoveMember({ caseId, member }: { caseId: string; member: CaseMember }) {
  const { t } = useTranslation();
  const remove = useRemoveCaseMember(caseId);
  return (
    <ConfirmStep
      label={t('casePage.removeMember')}
      name={member.name}
      question={t('casePage.removeMemberQuestion', { name: member.name })}
      confirmClassName="button--danger"
      keep={t('casePage.keepMember')}
      pending={remove.isPending}
      onConfirm={() => remove.mutate(member.staffId)}
      failure={remove.error && describeError(remove.error, t, t('casePage.removeMemberFailed'))}
      className="member-confirm"
    />
  );
}
