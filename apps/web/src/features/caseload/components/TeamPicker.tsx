import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { SelectField } from '@web/shared/ui/SelectField';
import { useTeamNames } from '../hooks/useCaseload';

/** The team shown: `?teamId=` (so a link or reload keeps it), else the manager's first team. */
export function useShownTeam(): [string | undefined, (teamId: string) => void] {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId') ?? user.teamIds[0];
  const choose = (id: string) =>
    setParams((previous) => new URLSearchParams({ ...Object.fromEntries(previous), teamId: id }), { replace: true });
  return [teamId, choose];
}

/** Which of the manager's teams to show; only when there is more than one. */
export function TeamPicker({ teamId, onChange }: { teamId: string; onChange: (teamId: string) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const teams = useTeamNames(user.teamIds);
  if (teams.length < 2) return null;
  return (
    <SelectField
      label={t('dashboard.team')}
      value={teamId}
      options={teams.map((team) => ({ value: team.id, label: team.name }))}
      onChange={onChange}
    />
  );
}
