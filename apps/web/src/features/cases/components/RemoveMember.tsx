import type { Case, CaseMember } from '@tvaers/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeCaseMember } from '@web/api/cases-api';
import { describeError } from '@web/shared/lib/errors';
import { queryKeys } from '@web/shared/query/query-keys';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';

/** "Fjern" next to a member, asked once more: the member loses the case unless their team gives it to them. */
export function RemoveMember({ caseId, member }: { caseId: string; member: CaseMember }) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeCaseMember(caseId, member.staffId),
    onSuccess: (saved: Case) => {
      queryClient.setQueryData(queryKeys.case(caseId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.allCases });
    },
  });
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
          onClick={() => remove.mutate()}
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
