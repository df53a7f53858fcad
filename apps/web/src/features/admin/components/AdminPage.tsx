import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { QueryLoad } from '@web/shared/ui/QueryLoad';
import { useAdminTeams, useStaffAccounts } from '../hooks/useAdmin';
import { CreateStaffForm } from './CreateStaffForm';
import { StaffTable } from './StaffTable';
import { TeamsSection } from './TeamsSection';
import './admin.css';

/** `/admin`: the administrator's start page: staff, their roles and teams, password links, teams. */
export function AdminPage() {
  const { t } = useTranslation();
  const id = useId();
  const staff = useStaffAccounts();
  const teams = useAdminTeams();
  usePageTitle(t('admin.title'));
  const teamRefs = (teams.data?.items ?? []).map(({ id: teamId, name }) => ({ id: teamId, name }));
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      <section aria-labelledby={`${id}-staff`} className="admin-section">
        <h2 id={`${id}-staff`}>{t('admin.staffTitle')}</h2>
        <QueryLoad load={staff} loading={t('admin.loading')} failed={t('admin.loadFailed')}>
          {(data) => <StaffTable accounts={data.items} teams={teamRefs} busy={staff.isFetching} />}
        </QueryLoad>
      </section>
      {teams.data !== undefined && <CreateStaffForm teams={teamRefs} />}
      <QueryLoad load={teams} loading={t('admin.loading')} failed={t('admin.teamsLoadFailed')}>
        {(data) => <TeamsSection teams={data.items} busy={teams.isFetching} />}
      </QueryLoad>
    </>
  );
}
