import type { CaseColleague, CaseMember, Me } from '@tvaers/contracts';
import { useMemo } from 'react';
import { useSession } from '@web/features/auth/hooks/useSession';
import { useCase } from './useCase';
import { useCaseColleagues } from './useCaseColleagues';

/**
 * Who can own an effort: the case's members and the case team's colleagues (caseworkers and health staff);
 * naming a colleague who is not yet on the case makes them a member (the API's rule). An owner picker
 * offers those of the effort's discipline. Used by the case page's effort forms and a meeting's decisions.
 */
export function useEffortOwners(caseId: string): CaseMember[] {
  const { state } = useSession();
  const me = state.status === 'signedIn' ? state.user : undefined;
  const { data: caseRecord } = useCase(caseId);
  const { data: colleagues } = useCaseColleagues(caseId);
  return useMemo(() => effortOwners(caseRecord?.members ?? [], colleagues, me), [caseRecord, colleagues, me]);
}

function effortOwners(
  members: CaseMember[],
  colleagues: CaseColleague[] | undefined,
  me: Me | undefined,
): CaseMember[] {
  const others = (colleagues ?? [])
    .filter((c) => !members.some((member) => member.staffId === c.staffId))
    .map((c) => ({ staffId: c.staffId, name: c.name, discipline: c.discipline, role: '' }));
  const all = [...members, ...others];
  if (!me || all.some((member) => member.staffId === me.id)) return all;
  return [...all, { staffId: me.id, name: me.name, discipline: me.discipline, role: '' }];
}
