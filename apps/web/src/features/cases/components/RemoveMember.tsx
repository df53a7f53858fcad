import type { CaseMember } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@web/shared/lib/errors';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { useRemoveCaseMember } from '../hooks/useCase';

/** "Fjern" next to a member, asked once more: the member loses the case unless their team gives it to them. */
export function RemoveMember({ caseId, member }: { caseId: string; member: CaseMember }) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const remove = useRemoveCaseMember(caseId);
  if (!asking) {
    return (
      <button type="button" className="button button--small" onClick={() => setAsking(true)}>
        {t('casePage.removeMember')}
        <span className="visually-hidden"> {member.name}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={`${id}-q`} className="member-confirm">
      <p id={`${id}-q`}>{t('casePage.removeMemberQuestion', { name: member.name })}</p>
      <p className="button-row">
        <button
          type="button"
          className="button button--small button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(member.staffId)}
        >
          {t('casePage.removeMember')}
        </button>
        <button type="button" className="button button--small" onClick={() => setAsking(false)}>
          {t('casePage.keepMember')}
        </button>
      </p>
      {remove.error && <ErrorAlert>{describeError(remove.error, t, t('casePage.removeMemberFailed'))}</ErrorAlert>}
    </div>
  );
}
