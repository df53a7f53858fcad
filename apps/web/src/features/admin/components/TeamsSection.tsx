import { type AdminTeam, CreateTeam } from '@tvaers/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@web/shared/forms/FormField';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { DataTable } from '@web/shared/ui/DataTable';
import { useCreateTeam } from '../hooks/useAdmin';

interface TeamFields {
  name: string;
  municipality: string;
}

/** The teams with their active members, and a new one (the first names its municipality). */
export function TeamsSection({ teams, busy }: { teams: readonly AdminTeam[]; busy: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateTeam();
  const [createdName, setCreatedName] = useState('');
  const first = teams.length === 0;
  const form = useContractForm<TeamFields, typeof CreateTeam>({
    schema: CreateTeam,
    defaultValues: { name: '', municipality: '' },
    toRequest: ({ name, municipality }) => ({ name, ...(municipality.trim() ? { municipality } : {}) }),
  });
  const submit = form.submitWith(
    async (input) => {
      const team = await create.mutateAsync(input);
      setCreatedName(team.name);
    },
    { failed: t('admin.teamCreateFailed'), resetTo: () => ({ name: '', municipality: '' }) },
  );
  return (
    <section aria-labelledby={`${id}-title`} className="admin-section">
      <h2 id={`${id}-title`}>{t('admin.teamsTitle')}</h2>
      <div className="table-wrap">
        <DataTable
          caption={t('admin.teamsCaption')}
          columns={[{ label: t('admin.teamName') }, { label: t('admin.municipality') }, { label: t('admin.members') }]}
          className="table table--stacked"
          rows={teams}
          busy={busy}
          testId="team-table"
          empty={t('admin.teamsEmpty')}
          renderRow={(team) => (
            <tr key={team.id}>
              <th scope="row">{team.name}</th>
              <td data-label={t('admin.municipality')}>{team.municipality}</td>
              <td data-label={t('admin.members')}>{team.memberCount}</td>
            </tr>
          )}
        />
      </div>
      <div className="card admin-section">
        <h3>{t('admin.createTeamTitle')}</h3>
        <FormElement control={form.control} onSubmit={submit} className="form form--tight">
          <FormStatus
            control={form.control}
            saved={createdName ? t('admin.teamCreated', { name: createdName }) : undefined}
          />
          <FormField form={form} name="name" label={t('admin.teamName')} counter={false}>
            {(field) => <input type="text" autoComplete="off" {...field} />}
          </FormField>
          {first && (
            <FormField
              form={form}
              name="municipality"
              label={t('admin.municipality')}
              hint={t('admin.municipalityHint')}
              counter={false}
            >
              {(field) => <input type="text" autoComplete="off" {...field} />}
            </FormField>
          )}
          <FormActions control={form.control} submit={t('admin.createTeam')} />
        </FormElement>
      </div>
    </section>
  );
}
