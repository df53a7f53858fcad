import type { QueuedCase } from '@tvaers/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { csvUrl } from '@web/api/csv-url';
import { benefitLabel } from '@web/features/cases/labels';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { ReportSection } from '@web/shared/ui/TableHeading';
import { DataTable } from '@web/shared/ui/DataTable';
import { RowPanel, RowToggle } from '@web/shared/ui/RowPanel';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useCaseload } from '../hooks/useCaseload';
import { useCaseloadRealtime } from '../hooks/useCaseloadRealtime';
import { AssignPanel } from './AssignPanel';
import { TeamPicker, useShownTeam } from './TeamPicker';
import './caseload.css';

const noStatusChange = () => undefined;

/** "Visitering": the team's cases waiting for a responsible person, oldest first; "Tildel" gives one to someone. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  const format = useFormatters();
  const [teamId, chooseTeam] = useShownTeam();
  const caseload = useCaseload(teamId);
  useCaseloadRealtime(teamId, noStatusChange);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [assigned, setAssigned] = useState('');
  const data = caseload.data?.teamId === teamId ? caseload.data : undefined;
  const columns = [
    t('queue.citizen'),
    t('queue.benefit'),
    t('queue.weight'),
    t('queue.waitingSince'),
    t('queue.waitingDays'),
  ];

  return (
    <>
      <h1>{t('queue.title')}</h1>
      <p>{t('queue.intro')}</p>
      {teamId && <TeamPicker teamId={teamId} onChange={chooseTeam} />}
      <p role="status" data-testid="queue-status">
        {assigned}
      </p>
      <div className="list-feedback">
        {caseload.isFetching && !data && <LoadingStatus>{t('dashboard.loading')}</LoadingStatus>}
      </div>
      <LoadError error={caseload.error} fallback={t('dashboard.loadFailed')} onRetry={() => void caseload.refetch()} />
      {data && (
        <ReportSection
          id="queue-cases"
          title={t('queue.cases', { team: data.team.name })}
          csv={csvUrl('/api/caseload/queue.csv', { teamId: data.teamId })}
          className="card report-section dashboard-section"
        >
          <div className="table-wrap">
            <DataTable
              testId="queue-table"
              className="table table--stacked queue-table"
              caption={t('queue.caption', { count: data.queue.length })}
              columns={[
                { label: columns[0] },
                { label: columns[1] },
                { label: columns[2], className: 'table__number' },
                { label: columns[3] },
                { label: columns[4], className: 'table__number' },
                { label: t('queue.actions') },
              ]}
              rows={data.queue}
              empty={t('queue.empty')}
              renderRow={(q: QueuedCase) => (
                <Fragment key={q.caseId}>
                  <tr data-testid={`queued-${q.caseId}`}>
                    <th scope="row">
                      <Link to={`/cases/${q.caseId}`}>{q.citizenName}</Link>
                    </th>
                    <td data-label={columns[1]}>{benefitLabel(t, q.benefit)}</td>
                    <td className="table__number" data-label={columns[2]}>
                      {format.number(q.weight)}
                    </td>
                    <td data-label={columns[3]}>{format.dayOf(q.waitingSince)}</td>
                    <td className="table__number" data-label={columns[4]}>
                      {format.number(q.waitingDays)}
                    </td>
                    <td>
                      <RowToggle
                        open={assigning === q.caseId}
                        label={t('queue.assignFor', { name: q.citizenName })}
                        testId={`assign-${q.caseId}`}
                        onToggle={() => setAssigning(assigning === q.caseId ? null : q.caseId)}
                      >
                        {t('queue.assign')}
                      </RowToggle>
                    </td>
                  </tr>
                  {assigning === q.caseId && (
                    <RowPanel columns={6}>
                      <AssignPanel
                        teamId={data.teamId}
                        queued={q}
                        team={data.rows}
                        onCancel={() => setAssigning(null)}
                        onAssigned={(name) => {
                          setAssigning(null);
                          setAssigned(t('queue.assigned', { citizen: q.citizenName, name }));
                        }}
                      />
                    </RowPanel>
                  )}
                </Fragment>
              )}
            />
          </div>
        </ReportSection>
      )}
    </>
  );
}
