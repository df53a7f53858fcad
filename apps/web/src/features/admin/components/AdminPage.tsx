import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
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
        {staff.data === undefined ? (
          staff.error === null ? (
            <LoadingStatus>{t('admin.loading')}</LoadingStatus>
          ) : (
            <LoadError error={staff.error} fallback={t('admin.loadFailed')} onRetry={() => void staff.refetch()} />
          )
        ) : (
          <StaffTable accounts={staff.data.items} teams={teamRefs} busy={staff.isFetching} />
        )}
      </section>
      {teams.data !== undefined && <CreateStaffForm teams={teamRefs} />}
      {teams.data === undefined ? (
        teams.error === null ? (
          <LoadingStatus>{t('admin.loading')}</LoadingStatus>
        ) : (
          <LoadError error={teams.error} fallback={t('admin.teamsLoadFailed')} onRetry={() => void teams.refetch()} />
        )
      ) : (
        <TeamsSection teams={teams.data.items} busy={teams.isFetching} />
      )}
    </>
  );
}
