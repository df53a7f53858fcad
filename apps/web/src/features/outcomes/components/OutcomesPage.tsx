import {
  caseIdsMax,
  OutcomeQuery,
  type OutcomeCount,
  type Outcomes,
  outcomeTrends,
  closeOutcomes,
} from '@tvaers/contracts';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { csvUrl } from '@web/api/csv-url';
import { FormActions, FormElement, FormStatus } from '@web/shared/forms/FormParts';
import { dateFieldToIso } from '@web/shared/forms/date-field';
import { type PeriodFields, PeriodInputs } from '@web/shared/forms/PeriodInputs';
import { useContractForm } from '@web/shared/forms/useContractForm';
import { usePageTitle } from '@web/shared/hooks/usePageTitle';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { todayInCopenhagen } from '@web/shared/lib/format';
import { ReportSection } from '@web/shared/ui/TableHeading';
import { DataTable, type TableColumn } from '@web/shared/ui/DataTable';
import { SelectField } from '@web/shared/ui/SelectField';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';
import { useOutcomes } from '../hooks/useOutcomes';
import { OutcomeBars } from './OutcomeBars';
import './outcomes.css';

/** By default the current quarter and the four before it, so a year's quarters compare. */
function defaultPeriod(): { from: string; to: string } {
  const to = todayInCopenhagen();
  const [year, month] = to.split('-').map(Number);
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  return { from: `${year - 1}-${String(quarterStart).padStart(2, '0')}-01`, to };
}

const danishDate = (iso: string) => iso.split('-').reverse().join('-');

/** The case list of the cases behind a figure (as far as the viewer may see them). */
export function casesLink(count: OutcomeCount, title: string): string {
  return `/cases/selection?${new URLSearchParams({ ids: count.caseIds.join(','), title }).toString()}`;
}

/** A figure's table cell, linking to the cases behind it. */
function CountCell({ count, title, testId }: { count: OutcomeCount; title: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <td className="table__number">
      {count.count === 0 || count.count > caseIdsMax ? (
        // More cases than one list request takes: the number alone.
        <span data-testid={testId}>{count.count}</span>
      ) : (
        <Link
          to={casesLink(count, title)}
          data-testid={testId}
          aria-label={t('outcomes.casesBehind', { count: count.count, title })}
        >
          {count.count}
        </Link>
      )}
    </td>
  );
}

/** "Resultater": a manager's outcome figures for a team and period, each linking to the cases behind it. */
export function OutcomesPage() {
  const { t } = useTranslation();
  usePageTitle(t('outcomes.title'));
  const [params, setParams] = useSearchParams();
  const fallback = useMemo(() => defaultPeriod(), []);
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;
  const teamId = params.get('teamId') ?? undefined;
  const { data, error, isFetching, refetch } = useOutcomes(teamId, from, to);

  const show = (change: Record<string, string>) =>
    setParams((previous) => new URLSearchParams({ ...Object.fromEntries(previous), ...change }), { replace: true });

  return (
    <>
      <h1>{t('outcomes.title')}</h1>
      <p>{t('outcomes.intro')}</p>
      {data && data.teams.length > 1 && (
        <SelectField
          label={t('outcomes.team')}
          value={data.teamId}
          options={data.teams.map((team) => ({ value: team.id, label: team.name }))}
          onChange={(id) => show({ teamId: id })}
        />
      )}
      <PeriodForm from={from} to={to} onChange={(period) => show({ ...period })} />
      <div className="list-feedback">{isFetching && <LoadingStatus>{t('outcomes.loading')}</LoadingStatus>}</div>
      <LoadError error={error} fallback={t('outcomes.loadFailed')} onRetry={() => void refetch()} />
      {data && <Figures outcomes={data} />}
    </>
  );
}

function PeriodForm({ from, to, onChange }: PeriodFields & { onChange: (period: PeriodFields) => void }) {
  const { t } = useTranslation();
  const form = useContractForm<PeriodFields, typeof OutcomeQuery>({
    schema: OutcomeQuery,
    defaultValues: { from: danishDate(from), to: danishDate(to) },
    toRequest: (v) => ({ from: dateFieldToIso(v.from), to: dateFieldToIso(v.to) }),
    refinementMessages: { to: t('outcomes.toBeforeFrom') },
  });
  const { reset } = form;
  useEffect(() => reset({ from: danishDate(from), to: danishDate(to) }), [from, to, reset]);
  const submit = form.submitWith(
    (request) => {
      onChange({ from: request.from, to: request.to });
      return Promise.resolve();
    },
    { failed: t('forms.invalid') },
  );
  return (
    <FormElement control={form.control} onSubmit={submit} className="form form--grid">
      <FormStatus control={form.control} />
      <PeriodInputs form={form} fromLabel={t('outcomes.from')} toLabel={t('outcomes.to')} />
      <FormActions control={form.control} submit={t('outcomes.show')} testId="outcomes-show" />
    </FormElement>
  );
}

/** One figure's card: its heading with the CSV of the same table, what it shows (`children`), then the table. */
function OutcomeSection<T>({
  report,
  shown,
  children,
  ...table
}: {
  report: 'progress' | 'closures' | 'contact';
  shown: { teamId: string; from: string; to: string };
  children: ReactNode;
  columns: readonly TableColumn[];
  rows: readonly T[];
  renderRow: (row: T) => ReactNode;
  empty?: string;
}) {
  const { t } = useTranslation();
  return (
    <ReportSection
      id={`outcomes-${report}`}
      title={t(`outcomes.${report}.title`)}
      csv={csvUrl(`/api/outcomes/${report}.csv`, shown)}
    >
      {children}
      <div className="table-wrap">
        <DataTable testId={`outcomes-${report}-table`} caption={t(`outcomes.${report}.caption`)} {...table} />
      </div>
    </ReportSection>
  );
}

function Figures({ outcomes: o }: { outcomes: Outcomes }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const shown = { teamId: o.teamId, from: o.from, to: o.to };
  const trend = (key: (typeof outcomeTrends)[number]) => t(`outcomes.trends.${key}`);
  const quarter = (q: string) => q.replace('-Q', ` ${t('outcomes.quarterShort')}`);
  const outcomeLabel = (key: (typeof closeOutcomes)[number]) => t(`outcomes.closeOutcomes.${key}`);
  const percent = o.contact.share === null ? null : Math.round(o.contact.share * 100);
  const contactRows = (['kept', 'notKept', 'noPlan'] as const).map((key) => ({ key, count: o.contact[key] }));

  return (
    <>
      <p data-testid="outcomes-period">
        {t('outcomes.period', { from: format.date(o.from), to: format.date(o.to), count: o.cases })}
      </p>

      <OutcomeSection
        report="progress"
        shown={shown}
        columns={[
          { label: t('outcomes.progress.trend') },
          { label: t('outcomes.progress.citizen'), className: 'table__number' },
          { label: t('outcomes.progress.caseworker'), className: 'table__number' },
        ]}
        rows={outcomeTrends}
        renderRow={(k) => (
          <tr key={k}>
            <th scope="row">{trend(k)}</th>
            {(['citizen', 'caseworker'] as const).map((who) => (
              <CountCell
                key={who}
                count={o.progress[who][k]}
                title={`${t(`outcomes.progress.${who}`)}: ${trend(k)}`}
                testId={`progress-${who}-${k}`}
              />
            ))}
          </tr>
        )}
      >
        <p>
          {t('outcomes.progress.explain', {
            from: format.date(o.progress.windowFrom),
            to: format.date(o.progress.windowTo),
          })}
        </p>
        {o.progress.healthLeftOut.count > 0 && (
          <p className="note" data-testid="outcomes-health-left-out">
            {t('outcomes.progress.healthLeftOut', { count: o.progress.healthLeftOut.count })}
          </p>
        )}
        <OutcomeBars
          title={t('outcomes.progress.title')}
          summary={outcomeTrends
            .map((k) =>
              t('outcomes.progress.summary', {
                trend: trend(k),
                citizen: o.progress.citizen[k].count,
                caseworker: o.progress.caseworker[k].count,
              }),
            )
            .join('; ')}
          bars={outcomeTrends.map((k) => ({
            label: trend(k),
            value: o.progress.citizen[k].count,
            second: o.progress.caseworker[k].count,
          }))}
          legend={[t('outcomes.progress.citizen'), t('outcomes.progress.caseworker')]}
        />
      </OutcomeSection>

      <OutcomeSection
        report="closures"
        shown={shown}
        columns={[
          { label: t('outcomes.closures.quarter') },
          { label: t('outcomes.closures.outcome') },
          { label: t('outcomes.closures.count'), className: 'table__number' },
          { label: t('outcomes.closures.medianDays'), className: 'table__number' },
        ]}
        rows={o.closures.rows}
        empty={t('outcomes.closures.empty')}
        renderRow={(r) => (
          <tr key={`${r.quarter}-${r.outcome}`}>
            <th scope="row">{quarter(r.quarter)}</th>
            <td>{outcomeLabel(r.outcome)}</td>
            <CountCell
              count={r}
              title={`${quarter(r.quarter)}: ${outcomeLabel(r.outcome)}`}
              testId={`closures-${r.quarter}-${r.outcome}`}
            />
            <td className="table__number">{r.medianDays === null ? '–' : format.number(r.medianDays)}</td>
          </tr>
        )}
      >
        <p>{t('outcomes.closures.explain', { count: o.closures.total })}</p>
        {o.closures.rows.length > 0 && (
          <OutcomeBars
            title={t('outcomes.closures.title')}
            summary={o.closures.rows
              .map((r) => `${quarter(r.quarter)} ${outcomeLabel(r.outcome)}: ${r.count}`)
              .join('; ')}
            bars={o.closures.rows.map((r) => ({
              label: `${quarter(r.quarter)} · ${outcomeLabel(r.outcome)}`,
              value: r.count,
            }))}
          />
        )}
      </OutcomeSection>

      <OutcomeSection
        report="contact"
        shown={shown}
        columns={[
          { label: t('outcomes.contact.status') },
          { label: t('outcomes.contact.count'), className: 'table__number' },
        ]}
        rows={contactRows}
        renderRow={(r) => (
          <tr key={r.key}>
            <th scope="row">{t(`outcomes.contact.${r.key}`)}</th>
            <CountCell count={r.count} title={t(`outcomes.contact.${r.key}`)} testId={`contact-${r.key}`} />
          </tr>
        )}
      >
        <p>{t('outcomes.contact.explain')}</p>
        <p className="outcome-share" data-testid="outcomes-contact-share">
          {percent === null
            ? t('outcomes.contact.noShare')
            : t('outcomes.contact.share', { percent, kept: o.contact.kept.count, count: o.contact.withPlan })}
        </p>
        <OutcomeBars
          title={t('outcomes.contact.title')}
          summary={contactRows.map((r) => `${t(`outcomes.contact.${r.key}`)}: ${r.count.count}`).join('; ')}
          bars={contactRows.map((r) => ({ label: t(`outcomes.contact.${r.key}`), value: r.count.count }))}
        />
      </OutcomeSection>
    </>
  );
}
