import type { IndicatorKey } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import type { IndicatorTrend } from '@web/api/progress-api';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { ChartFrame } from '@web/shared/ui/ChartFrame';
import { DataTable } from '@web/shared/ui/DataTable';

type Point = { at: string; score: number };

const width = 300;
const height = 150;
const pad = { left: 28, right: 12, top: 10, bottom: 24 };
const minScore = 1;
const maxScore = 10;
const gridScores = [1, 5, 10];

function scale(points: Point[]) {
  const times = points.map((point) => Date.parse(point.at));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  return {
    x: (at: string) =>
      last === first ? pad.left + plotWidth / 2 : pad.left + ((Date.parse(at) - first) / (last - first)) * plotWidth,
    y: (score: number) => pad.top + ((maxScore - score) / (maxScore - minScore)) * plotHeight,
  };
}

const byTime = (a: Point, b: Point) => Date.parse(a.at) - Date.parse(b.at);

/**
 * A small line chart of one indicator: the citizen's scores (solid line, circles) against the
 * caseworker's (dashed line, squares), so the two differ by more than colour. Screen readers get a
 * summary as the image's name and the numbers in a visually hidden table.
 */
export function IndicatorChart({
  indicatorKey,
  citizen,
  caseworker,
  trend,
}: {
  indicatorKey: IndicatorKey;
  citizen: Point[];
  caseworker: Point[];
  trend: IndicatorTrend['trend'];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = t(`indicators.keys.${indicatorKey}`);
  const citizenPoints = [...citizen].sort(byTime);
  const caseworkerPoints = [...caseworker].sort(byTime);
  const all = [...citizenPoints, ...caseworkerPoints].sort(byTime);
  const trendText = t(`indicators.trends.${trend}`);
  const headingId = `indicator-${indicatorKey}`;

  if (all.length === 0) {
    return (
      <section className="indicator" aria-labelledby={headingId} data-testid={`indicator-${indicatorKey}`}>
        <h3 id={headingId}>{label}</h3>
        <p className="muted">{t('indicators.noScores')}</p>
      </section>
    );
  }

  const { x, y } = scale(all);
  const firstDay = all[0]?.at;
  const lastDay = all.at(-1)?.at;
  const path = (points: Point[]) =>
    points.map((point) => `${x(point.at).toFixed(1)},${y(point.score).toFixed(1)}`).join(' ');
  const latest = (points: Point[]) => points.at(-1)?.score;
  const summary = [
    label,
    latest(citizenPoints) === undefined
      ? t('indicators.summaryCitizenNone')
      : t('indicators.summaryCitizen', { score: latest(citizenPoints), count: citizenPoints.length }),
    latest(caseworkerPoints) === undefined
      ? t('indicators.summaryCaseworkerNone')
      : t('indicators.summaryCaseworker', { score: latest(caseworkerPoints), count: caseworkerPoints.length }),
    t('indicators.trend', { trend: trendText }),
  ].join('. ');

  const rows = [...new Set(all.map((point) => point.at))].map((at) => ({
    at,
    citizen: citizenPoints.find((point) => point.at === at)?.score,
    caseworker: caseworkerPoints.find((point) => point.at === at)?.score,
  }));

  return (
    <section className="indicator" aria-labelledby={headingId} data-testid={`indicator-${indicatorKey}`}>
      <h3 id={headingId}>{label}</h3>
      <ChartFrame
        box={{ width, height, pad }}
        summary={summary}
        grid={gridScores.map((score) => ({ y: y(score), label: String(score) }))}
        classNames={{ chart: 'chart', grid: 'chart__grid', label: 'chart__label' }}
      >
        {firstDay && (
          <text x={pad.left} y={height - 6} className="chart__label">
            {format.dayOf(firstDay)}
          </text>
        )}
        {lastDay && all.length > 1 && (
          <text x={width - pad.right} y={height - 6} textAnchor="end" className="chart__label">
            {format.dayOf(lastDay)}
          </text>
        )}
        {citizenPoints.length > 1 && (
          <polyline points={path(citizenPoints)} className="chart__line chart__line--citizen" />
        )}
        {caseworkerPoints.length > 1 && (
          <polyline points={path(caseworkerPoints)} className="chart__line chart__line--caseworker" />
        )}
        {citizenPoints.map((point) => (
          <circle
            key={`c-${point.at}`}
            cx={x(point.at)}
            cy={y(point.score)}
            r={4}
            className="chart__point chart__point--citizen"
          />
        ))}
        {caseworkerPoints.map((point) => (
          <rect
            key={`w-${point.at}`}
            x={x(point.at) - 4}
            y={y(point.score) - 4}
            width={8}
            height={8}
            className="chart__point chart__point--caseworker"
          />
        ))}
      </ChartFrame>
      <p className="indicator__trend">{t('indicators.trend', { trend: trendText })}</p>
      <DataTable
        className="visually-hidden"
        caption={t('indicators.tableCaption', { label })}
        columns={[
          { label: t('indicators.when') },
          { label: t('indicators.citizen') },
          { label: t('indicators.caseworker') },
        ]}
        rows={rows}
        renderRow={(row) => (
          <tr key={row.at}>
            <th scope="row">{format.dateTime(row.at)}</th>
            <td>{row.citizen ?? t('indicators.notScored')}</td>
            <td>{row.caseworker ?? t('indicators.notScored')}</td>
          </tr>
        )}
      />
    </section>
  );
}
