import { roles, type PasswordLink, type Role, type StaffAccount } from '@tvaers/contracts';
import { Fragment, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@web/shared/lib/errors';
import { DataTable } from '@web/shared/ui/DataTable';
import { RowPanel, RowToggle } from '@web/shared/ui/RowPanel';
import { SelectField } from '@web/shared/ui/SelectField';
import { ConfirmStep } from '@web/shared/ui/ConfirmStep';
import { ErrorAlert } from '@web/shared/ui/StatusMessage';
import { usePasswordLink, useUpdateStaff } from '../hooks/useAdmin';
import { EditStaffForm } from './EditStaffForm';
import { PasswordLinkNotice } from './PasswordLinkNotice';

type StatusFilter = 'active' | 'inactive' | 'all';
interface Filter {
  q: string;
  role: Role | '';
  team: string;
  status: StatusFilter;
}

const NO_TEAM = 'none';

function matches(account: StaffAccount, f: Filter): boolean {
  const q = f.q.trim().toLowerCase();
  if (q && !account.name.toLowerCase().includes(q) && !account.email.includes(q)) return false;
  if (f.role && !account.roles.includes(f.role)) return false;
  if (f.team === NO_TEAM ? account.teams.length > 0 : f.team && !account.teams.some((t) => t.id === f.team)) {
    return false;
  }
  return f.status === 'all' || account.active === (f.status === 'active');
}

/**
 * Deactivate or reactivate, asked once more before it is done; deactivating says how many active cases go to
 * the intake queue, and what was done is said by the table (the row may leave the filtered list).
 */
function ActiveToggle({ account, onDone }: { account: StaffAccount; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  return (
    <ConfirmStep
      label={account.active ? t('admin.deactivate') : t('admin.reactivate')}
      name={account.name}
      question={
        account.active
          ? t('admin.deactivateQuestion', { name: account.name })
          : t('admin.reactivateQuestion', { name: account.name })
      }
      confirmClassName={account.active ? 'button--danger' : 'button--primary'}
      keep={t('admin.keep')}
      pending={update.isPending}
      onConfirm={(close) =>
        update.mutate(
          { id: account.id, input: { active: !account.active } },
          {
            onSuccess: () => {
              close();
              const { name, activeCases: count } = account;
              onDone(
                !account.active
                  ? t('admin.reactivated', { name })
                  : count > 0
                    ? t('admin.deactivatedCases', { name, count })
                    : t('admin.deactivated', { name }),
              );
            },
          },
        )
      }
      failure={update.error && describeError(update.error, t, t('admin.statusFailed'))}
      className="admin-confirm"
    >
      {account.active && account.activeCases > 0 && (
        <p>
          <strong>{t('admin.deactivateCases', { name: account.name, count: account.activeCases })}</strong>
        </p>
      )}
    </ConfirmStep>
  );
}

/** Every staff member with filters; each row edits, makes a password link, or (de)activates. */
export function StaffTable({
  accounts,
  teams,
  busy,
}: {
  accounts: readonly StaffAccount[];
  teams: readonly { id: string; name: string }[];
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState<Filter>({ q: '', role: '', team: '', status: 'active' });
  const [editing, setEditing] = useState<string | null>(null);
  const [shown, setShown] = useState<{ name: string; link: PasswordLink } | null>(null);
  const [done, setDone] = useState('');
  const issue = usePasswordLink();
  const rows = useMemo(() => accounts.filter((a) => matches(a, filter)), [accounts, filter]);
  const change = (c: Partial<Filter>) => setFilter((f) => ({ ...f, ...c }));

  return (
    <>
      <form role="search" aria-label={t('admin.filtersLabel')} className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field admin-filters__search">
          <label htmlFor={`${id}-q`}>{t('admin.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            value={filter.q}
            onChange={(e) => change({ q: e.target.value })}
          />
        </div>
        <SelectField
          label={t('admin.role')}
          value={filter.role}
          options={[
            { value: '', label: t('admin.allRoles') },
            ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
          onChange={(role) => change({ role })}
        />
        <SelectField
          label={t('admin.team')}
          value={filter.team}
          options={[
            { value: '', label: t('admin.allTeams') },
            ...teams.map((team) => ({ value: team.id, label: team.name })),
            { value: NO_TEAM, label: t('admin.noTeam') },
          ]}
          onChange={(team) => change({ team })}
        />
        <SelectField<StatusFilter>
          label={t('admin.status')}
          value={filter.status}
          options={[
            { value: 'active', label: t('admin.active') },
            { value: 'inactive', label: t('admin.inactive') },
            { value: 'all', label: t('admin.allStatuses') },
          ]}
          onChange={(status) => change({ status })}
        />
      </form>
      <p role="status" className="status-text" data-testid="staff-status">
        {done}
      </p>
      {shown && <PasswordLinkNotice name={shown.name} link={shown.link} onHide={() => setShown(null)} />}
      {issue.error && <ErrorAlert>{describeError(issue.error, t, t('admin.passwordLinkFailed'))}</ErrorAlert>}
      <div className="table-wrap">
        <DataTable
          caption={t('admin.staffCaption', { shown: rows.length, total: accounts.length })}
          columns={[
            { label: t('admin.name') },
            { label: t('admin.email') },
            { label: t('admin.roles') },
            { label: t('admin.discipline') },
            { label: t('admin.teams') },
            { label: t('admin.activeCases') },
            { label: t('admin.status') },
            { label: t('admin.actions') },
          ]}
          className="table table--stacked"
          rows={rows}
          busy={busy}
          testId="staff-table"
          empty={t('admin.empty')}
          renderRow={(account) => (
            <Fragment key={account.id}>
              <tr data-testid={`staff-${account.email}`}>
                <th scope="row">{account.name}</th>
                <td data-label={t('admin.email')} className="admin-email">
                  {account.email}
                </td>
                <td data-label={t('admin.roles')}>{account.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td data-label={t('admin.discipline')}>{t(`disciplines.${account.discipline}`)}</td>
                <td data-label={t('admin.teams')}>
                  {account.teams.map((team) => team.name).join(', ') || t('admin.none')}
                </td>
                <td data-label={t('admin.activeCases')}>{account.activeCases}</td>
                <td data-label={t('admin.status')}>{account.active ? t('admin.active') : t('admin.inactive')}</td>
                <td>
                  <div className="button-row">
                    <RowToggle
                      open={editing === account.id}
                      onToggle={() => setEditing(editing === account.id ? null : account.id)}
                    >
                      {t('admin.edit')}
                      <span className="visually-hidden"> {account.name}</span>
                    </RowToggle>
                    {account.active && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={issue.isPending}
                        onClick={() =>
                          issue.mutate(account.id, { onSuccess: (link) => setShown({ name: account.name, link }) })
                        }
                      >
                        {issue.isPending && issue.variables === account.id
                          ? t('admin.passwordLinkPending')
                          : t('admin.passwordLink')}
                        <span className="visually-hidden"> {account.name}</span>
                      </button>
                    )}
                    <ActiveToggle account={account} onDone={setDone} />
                  </div>
                </td>
              </tr>
              {editing === account.id && (
                <RowPanel columns={8}>
                  <EditStaffForm account={account} teams={teams} onDone={() => setEditing(null)} />
                </RowPanel>
              )}
            </Fragment>
          )}
        />
      </div>
    </>
  );
}
