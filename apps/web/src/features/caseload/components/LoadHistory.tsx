import type { CaseloadFigures, LoadDay } from '@tvaers/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { ChartFrame } from '@web/shared/ui/ChartFrame';
import { DataTable } from '@web/shared/ui/DataTable';
import { SelectField } from '@web/shared/ui/SelectField';
import './load-history.css';

const width = 480;
const height = 200;
const pad = { left: 34, right: 10, top: 16, bottom: 30 };

/** A round top for the y axis just above the highest load or ceiling (at least 1). */
function yTop(days: readonly LoadDay[]): number {
  const max = Math.max(1, ...days.map((d) => Math.max(d.load, d.ceiling ?? 0)));
  const step = max <= 10 ? 2 : max <= 50 ? 10 : 20;
  return Math.ceil((max * 1.05) / step) * step;
}

/**
 * One person's last 90 days: load (solid line) against the ceiling in force each day (dashed line), days over
 * the ceiling marked with a triangle, so the three differ by more than colour. The picture's name says what it
 * shows in words; the same numbers are in a table behind a disclosure.
 */
export function LoadHistoryChart({ name, days }: { name: string; days: readonly LoadDay[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (days.length === 0) return null;
  const top = yTop(days);
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (days.length === 1 ? plotWidth / 2 : (i / (days.length - 1)) * plotWidth);
  const y = (value: number) => pad.top + ((top - value) / top) * plotHeight;
  const load = days.map((d, i) => `${x(i).toFixed(1)},${y(d.load).toFixed(1)}`).join(' ');
  // The ceiling holds for a whole day: drawn as steps, broken where there is none.
  const ceilingRuns: string[] = [];
  let run: string[] = [];
  days.forEach((d, i) => {
    if (d.ceiling === null) {
      if (run.length) ceilingRuns.push(run.join(' '));
      run = [];
      return;
    }
    if (run.length) run.push(`${x(i).toFixed(1)},${y(days[i - 1].ceiling ?? d.ceiling).toFixed(1)}`);
    run.push(`${x(i).toFixed(1)},${y(d.ceiling).toFixed(1)}`);
  });
  if (run.length) ceilingRuns.push(run.join(' '));
  const today = days[days.length - 1];
  const over = days.filter((d) => d.over).length;
  const summary = t('dashboard.history.summary', {
    name,
    from: format.date(days[0].date),
    to: format.date(today.date),
    load: format.number(today.load),
    ceiling: today.ceiling === null ? t('dashboard.history.noCeiling') : format.number(today.ceiling),
    count: over,
  });
  const grid = [0, top / 2, top];

  return (
    <figure className="load-history" data-testid="load-history">
      <ChartFrame
        box={{ width, height, pad }}
        summary={summary}
        grid={grid.map((value) => ({ y: y(value), label: format.number(value) }))}
        classNames={{ chart: 'load-history__chart', grid: 'load-history__grid', label: 'load-history__label' }}
        testId="load-history-chart"
      >
        <text x={pad.left} y={height - 8} className="load-history__label">
          {format.date(days[0].date)}
        </text>
        <text x={width - pad.right} y={height - 8} textAnchor="end" className="load-history__label">
          {format.date(today.date)}
        </text>
        {ceilingRuns.map((points, i) => (
          <polyline key={i} points={points} className="load-history__ceiling" />
        ))}
        <polyline points={load} className="load-history__load" />
        {days.map((d, i) =>
          d.over ? (
            <path
              key={d.date}
              d={`M${x(i).toFixed(1)},${(y(d.load) - 14).toFixed(1)} l5,9 h-10 z`}
              className="load-history__over"
            />
          ) : null,
        )}
      </ChartFrame>
      <figcaption className="load-history__legend">
        <span className="load-history__key load-history__key--load">{t('dashboard.history.load')}</span>
        <span className="load-history__key load-history__key--ceiling">{t('dashboard.history.ceiling')}</span>
        <span className="load-history__key load-history__key--over">{t('dashboard.history.over')}</span>
      </figcaption>
      <details className="load-history__details">
        <summary>{t('dashboard.history.showTable')}</summary>
        <div className="table-wrap">
          <DataTable
            testId="load-history-table"
            caption={t('dashboard.history.caption', { name })}
            columns={[
              { label: t('dashboard.history.date') },
              { label: t('dashboard.history.load'), className: 'table__number' },
              { label: t('dashboard.history.ceiling'), className: 'table__number' },
              { label: t('dashboard.history.overColumn') },
            ]}
            rows={[...days].reverse()}
            renderRow={(d) => (
              <tr key={d.date}>
                <th scope="row">{format.date(d.date)}</th>
                <td className="table__number">{format.number(d.load)}</td>
                <td className="table__number">{d.ceiling === null ? '–' : format.number(d.ceiling)}</td>
                <td>{d.over ? t('dashboard.history.yes') : t('dashboard.history.no')}</td>
              </tr>
            )}
          />
        </div>
      </details>
    </figure>
  );
}

/** "Belastning og loft (90 dage)": one person at a time, chosen from the team (the first one over by default). */
export function LoadHistorySection({ figures }: { figures: CaseloadFigures }) {
  const { t } = useTranslation();
  const people = figures.daysOverCeiling;
  const worst = [...people].sort((a, b) => b.days - a.days)[0];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const staffId = people.some((p) => p.staffId === chosen) ? chosen : worst?.staffId;
  const person = people.find((p) => p.staffId === staffId);
  const days = figures.history.find((h) => h.staffId === staffId)?.days ?? [];
  return (
    <>
      <h3 id="dashboard-history">{t('dashboard.history.title')}</h3>
      <p>{t('dashboard.history.explain')}</p>
      {person ? (
        <>
          <SelectField
            label={t('dashboard.history.person')}
            value={person.staffId}
            options={people.map((p) => ({ value: p.staffId, label: p.name }))}
            onChange={setChosen}
          />
          <LoadHistoryChart key={person.staffId} name={person.name} days={days} />
        </>
      ) : (
        <p className="muted">{t('dashboard.load.empty')}</p>
      )}
    </>
  );
}
