import type { Caseload, CaseloadFigures, CaseloadRow } from '@tvaers/contracts';
import { worstFirst } from '@tvaers/domain';
import { Fragment, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { csvUrl } from '@web/api/csv-url';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { ReportSection, TableHeading } from '@web/shared/ui/TableHeading';
import { DataTable } from '@web/shared/ui/DataTable';
import { RowPanel, RowToggle } from '@web/shared/ui/RowPanel';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useCaseload, useCaseloadFigures } from '../hooks/useCaseload';
import { useCaseloadRealtime } from '../hooks/useCaseloadRealtime';
import { teamRoom } from './caseload-order';
import { CeilingForm } from './CeilingForm';
import { LoadBars, percent, StatusText, useLoadText } from './LoadBars';
import { LoadHistorySection } from './LoadHistory';
import { NeedsAction } from './NeedsAction';
import { PersonCases } from './PersonCases';
import { TeamPicker, useShownTeam } from './TeamPicker';
import './caseload.css';

/** "Overblik": the manager's start page — the team's load against ceilings, live, with queue and figures. */
export function CaseloadPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const [teamId, chooseTeam] = useShownTeam();
  const caseload = useCaseload(teamId);
  const figures = useCaseloadFigures(teamId);
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback(
    (row: CaseloadRow) => setAnnouncement(t(`dashboard.announce.${row.status}`, { name: row.name })),
    [t],
  );
  useCaseloadRealtime(teamId, announce);

  if (!teamId) return <NoTeam />;
  const data = caseload.data;
  return (
    <div data-testid="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <TeamPicker teamId={teamId} onChange={chooseTeam} />
      <p role="status" className="dashboard__live" data-testid="dashboard-live">
        {announcement}
      </p>
      <div className="list-feedback">
        {(caseload.isFetching || figures.isFetching) && !data && (
          <LoadingStatus>{t('dashboard.loading')}</LoadingStatus>
        )}
      </div>
      <LoadError error={caseload.error} fallback={t('dashboard.loadFailed')} onRetry={() => void caseload.refetch()} />
      {data && data.teamId === teamId && (
        <>
          <LoadSection caseload={data} />
          <Summary caseload={data} figures={figures.data} />
          <OverridesSection caseload={data} />
        </>
      )}
      <LoadError error={figures.error} fallback={t('dashboard.loadFailed')} onRetry={() => void figures.refetch()} />
      {figures.data && figures.data.teamId === teamId && <FiguresSection figures={figures.data} />}
    </div>
  );
}

function NoTeam() {
  const { t } = useTranslation();
  return (
    <div data-testid="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.noTeam')}</p>
    </div>
  );
}

function Summary({ caseload, figures }: { caseload: Caseload; figures: CaseloadFigures | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const oldest = caseload.queue[0];
  const { load, capacity, utilization } = teamRoom(caseload.rows, false);
  const health = teamRoom(caseload.rows, true);
  return (
    <section className="card report-section dashboard-section" aria-labelledby="dashboard-summary">
      <h2 id="dashboard-summary">{t('dashboard.summary.title', { team: caseload.team.name })}</h2>
      <dl className="dashboard-facts" data-testid="dashboard-summary">
        <div>
          <dt>{t('dashboard.summary.utilization')}</dt>
          <dd data-testid="team-utilization">
            {utilization === null
              ? t('dashboard.summary.noCapacity', { load: format.number(load) })
              : t('dashboard.summary.utilizationValue', {
                  percent: percent(utilization),
                  load: format.number(load),
                  capacity: format.number(capacity ?? 0),
                })}
          </dd>
        </div>
        {health.people > 0 && (
          <div>
            <dt>{t('dashboard.summary.health')}</dt>
            <dd data-testid="health-utilization">
              {health.utilization === null
                ? t('dashboard.summary.noCapacity', { load: format.number(health.load) })
                : t('dashboard.summary.utilizationValue', {
                    percent: percent(health.utilization),
                    load: format.number(health.load),
                    capacity: format.number(health.capacity ?? 0),
                  })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('dashboard.summary.queue')}</dt>
          <dd data-testid="queue-length">
            {t('dashboard.summary.queueValue', { count: caseload.queue.length })}{' '}
            <Link to={`/queue?teamId=${caseload.teamId}`}>{t('dashboard.summary.toQueue')}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.summary.oldestWait')}</dt>
          <dd>
            {oldest
              ? t('dashboard.summary.oldestWaitValue', {
                  count: oldest.waitingDays,
                  since: format.dayOf(oldest.waitingSince),
                })
              : t('dashboard.summary.noWait')}
          </dd>
        </div>
        {figures && (
          <div>
            <dt>{t('dashboard.summary.changes')}</dt>
            <dd>{format.number(figures.continuity.perCitizen)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The people needing action first (worst first); per person their case list to move cases from, and their ceiling. */
function LoadSection({ caseload }: { caseload: Caseload }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const loadText = useLoadText();
  const [editing, setEditing] = useState<string | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  const [focusing, setFocusing] = useState<{ staffId: string; n: number } | null>(null);
  const rows = worstFirst(caseload.rows);
  const columns = [
    t('dashboard.load.name'),
    t('dashboard.load.discipline'),
    t('dashboard.load.activeCases'),
    t('dashboard.load.load'),
    t('dashboard.load.ceiling'),
    t('dashboard.load.personalCeiling'),
    t('dashboard.load.utilization'),
    t('dashboard.load.status'),
  ];
  return (
    <ReportSection
      id="dashboard-load"
      title={t('dashboard.load.title')}
      csv={csvUrl('/api/caseload/load.csv', { teamId: caseload.teamId })}
      csvTestId="csv-load"
      className="card report-section dashboard-section"
    >
      <NeedsAction
        rows={rows}
        onShowCases={(staffId) => {
          setShowing(staffId);
          setFocusing({ staffId, n: (focusing?.n ?? 0) + 1 });
        }}
      />
      <p>{t('dashboard.load.explain')}</p>
      <LoadBars rows={rows} />
      <div className="table-wrap">
        <DataTable
          testId="load-table"
          className="table table--stacked load-table"
          caption={t('dashboard.load.caption')}
          columns={[
            ...columns.map((label, i) => ({ label, className: i >= 2 && i <= 6 ? 'table__number' : undefined })),
            { label: t('dashboard.load.actions') },
          ]}
          rows={rows}
          empty={t('dashboard.load.empty')}
          renderRow={(r) => (
            <Fragment key={r.staffId}>
              <tr data-testid={`load-row-${r.staffId}`}>
                <th scope="row">
                  <Link to={`/cases?scope=team&responsible=${r.staffId}`}>{r.name}</Link>
                </th>
                <td data-label={columns[1]}>{t(`disciplines.${r.discipline}`)}</td>
                <td className="table__number" data-label={columns[2]}>
                  {format.number(r.activeCases)}
                </td>
                <td className="table__number" data-label={columns[3]}>
                  {format.number(r.load)}
                </td>
                <td className="table__number" data-label={columns[4]}>
                  {r.ceiling === null ? '–' : format.number(r.ceiling)}
                </td>
                <td className="table__number" data-label={columns[5]}>
                  {r.personalCeiling === null ? '–' : format.number(r.personalCeiling)}
                </td>
                <td className="table__number" data-label={columns[6]}>
                  {r.utilization === null ? '–' : `${percent(r.utilization)} %`}
                </td>
                <td className="load-table__status" data-label={columns[7]}>
                  <StatusText row={r} testId={`row-status-${r.staffId}`} />
                </td>
                <td>
                  <div className="load-table__actions">
                    <RowToggle
                      open={showing === r.staffId}
                      label={t('moves.showFor', { name: r.name })}
                      testId={`show-cases-${r.staffId}`}
                      onToggle={() => {
                        setShowing(showing === r.staffId ? null : r.staffId);
                        setFocusing(null);
                      }}
                    >
                      {t('moves.show')}
                    </RowToggle>
                    <RowToggle
                      open={editing === r.staffId}
                      label={t('dashboard.ceiling.editFor', { name: r.name })}
                      testId={`edit-ceiling-${r.staffId}`}
                      onToggle={() => setEditing(editing === r.staffId ? null : r.staffId)}
                    >
                      {t('dashboard.ceiling.edit')}
                    </RowToggle>
                  </div>
                </td>
              </tr>
              {editing === r.staffId && (
                <RowPanel columns={columns.length + 1}>
                  <CeilingForm teamId={caseload.teamId} row={r} summary={loadText(r)} onDone={() => setEditing(null)} />
                </RowPanel>
              )}
              {showing === r.staffId && (
                <RowPanel columns={columns.length + 1}>
                  <PersonCases
                    teamId={caseload.teamId}
                    row={r}
                    team={caseload.rows}
                    focusKey={focusing?.staffId === r.staffId ? focusing.n : undefined}
                  />
                </RowPanel>
              )}
            </Fragment>
          )}
        />
      </div>
    </ReportSection>
  );
}

/** What an override let through, by the access log's action. */
const changeKeys = { 'case.create': 'create', 'case.update': 'update', 'case.assign': 'assign' } as const;

function OverridesSection({ caseload }: { caseload: Caseload }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const change = (action: string) =>
    action in changeKeys ? t(`dashboard.overrides.changes.${changeKeys[action as keyof typeof changeKeys]}`) : action;
  const columns = [
    t('dashboard.overrides.at'),
    t('dashboard.overrides.citizen'),
    t('dashboard.overrides.change'),
    t('dashboard.overrides.from'),
    t('dashboard.overrides.to'),
    t('dashboard.overrides.by'),
    t('dashboard.overrides.reason'),
  ];
  const noOne = t('dashboard.overrides.noOne');
  return (
    <ReportSection
      id="dashboard-overrides"
      title={t('dashboard.overrides.title')}
      csv={csvUrl('/api/caseload/overrides.csv', { teamId: caseload.teamId })}
      className="card report-section dashboard-section"
    >
      <p>{t('dashboard.overrides.explain')}</p>
      <div className="table-wrap">
        <DataTable
          testId="overrides-table"
          caption={t('dashboard.overrides.caption')}
          columns={columns.map((label) => ({ label }))}
          rows={caseload.overrides}
          empty={t('dashboard.overrides.empty')}
          renderRow={(o, i) => (
            <tr key={`${o.at}-${i}`}>
              <td>{format.dateTime(o.at)}</td>
              <td>{o.caseId ? <Link to={`/cases/${o.caseId}`}>{o.citizenName}</Link> : o.citizenName}</td>
              <td>{change(o.change)}</td>
              <td>{o.fromName ?? <span className="muted">{noOne}</span>}</td>
              <td>{o.toName ?? '–'}</td>
              <td>{o.byName}</td>
              <td>{o.reason}</td>
            </tr>
          )}
        />
      </div>
    </ReportSection>
  );
}

function FiguresSection({ figures: f }: { figures: CaseloadFigures }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns = [t('dashboard.figures.name'), t('dashboard.figures.days')];
  const forecast = f.forecast.full
    ? t('dashboard.figures.forecastFull')
    : f.forecast.runsOutAt
      ? t('dashboard.figures.forecastRunsOut', { date: format.dayOf(f.forecast.runsOutAt) })
      : f.capacity === null
        ? t('dashboard.figures.forecastNoCapacity')
        : t('dashboard.figures.forecastHolds');
  return (
    <section className="card report-section dashboard-section" aria-labelledby="dashboard-figures">
      <h2 id="dashboard-figures">{t('dashboard.figures.title')}</h2>

      <TableHeading
        id="dashboard-days-over"
        level={3}
        title={t('dashboard.figures.daysOverTitle')}
        csv={csvUrl('/api/caseload/days-over-ceiling.csv', { teamId: f.teamId })}
      />
      <p>{t('dashboard.figures.daysOverExplain')}</p>
      <div className="table-wrap">
        <DataTable
          testId="days-over-table"
          caption={t('dashboard.figures.daysOverCaption')}
          columns={[{ label: columns[0] }, { label: columns[1], className: 'table__number' }]}
          rows={f.daysOverCeiling}
          empty={t('dashboard.load.empty')}
          renderRow={(d) => (
            <tr key={d.staffId}>
              <th scope="row">{d.name}</th>
              <td className="table__number">{format.number(d.days)}</td>
            </tr>
          )}
        />
      </div>

      <LoadHistorySection figures={f} />

      <h3>{t('dashboard.figures.continuityTitle')}</h3>
      <p data-testid="figures-continuity">
        {t('dashboard.figures.continuity', {
          count: f.continuity.citizens,
          changes: format.number(f.continuity.changes),
          perCitizen: format.number(f.continuity.perCitizen),
        })}
      </p>
      <p>{t('dashboard.figures.continuityExplain')}</p>

      <h3>{t('dashboard.figures.forecastTitle')}</h3>
      <p>
        {t('dashboard.figures.forecastRates', {
          intake: format.number(f.forecast.intakePerWeek),
          closures: format.number(f.forecast.closuresPerWeek),
        })}
      </p>
      <p data-testid="figures-forecast">{forecast}</p>
    </section>
  );
}
