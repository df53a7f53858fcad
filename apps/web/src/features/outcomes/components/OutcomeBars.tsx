import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** A second series beside the first (e.g. the caseworker's rating beside the citizen's). */
  second?: number;
}

const rowHeight = 28;
const labelWidth = 170;
const width = 520;
const barArea = width - labelWidth - 50;

/**
 * Horizontal bars as SVG: one or two series per row, told apart by pattern as well as colour (the
 * second is hatched). The chart is an image named by its title and summary; the numbers are in the
 * table that always follows it, so nothing is only in the picture.
 */
export function OutcomeBars({
  title,
  summary,
  bars,
  legend,
}: {
  title: string;
  summary: string;
  bars: readonly Bar[];
  legend?: [string, string];
}) {
  const id = useId();
  const max = Math.max(1, ...bars.flatMap((b) => [b.value, b.second ?? 0]));
  const two = bars.some((b) => b.second !== undefined);
  const band = two ? rowHeight * 1.6 : rowHeight;
  const height = bars.length * band + 8;
  const scale = (v: number) => (v / max) * barArea;
  return (
    <figure className="outcome-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="outcome-chart__second-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="outcome-chart__hatch" strokeWidth="3" />
          </pattern>
        </defs>
        {bars.map((bar, i) => {
          const y = i * band + 4;
          const h = two ? rowHeight * 0.7 : rowHeight * 0.75;
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + (two ? h : h / 2 + 5)} textAnchor="end" className="outcome-chart__label">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y} width={scale(bar.value)} height={h} className="outcome-chart__bar" />
              <text x={labelWidth + scale(bar.value) + 6} y={y + h / 2 + 5} className="outcome-chart__value">
                {bar.value}
              </text>
              {bar.second !== undefined && (
                <>
                  <rect
                    x={labelWidth}
                    y={y + h + 2}
                    width={scale(bar.second)}
                    height={h}
                    fill={`url(#${id}-hatch)`}
                    className="outcome-chart__bar--second"
                  />
                  <text x={labelWidth + scale(bar.second) + 6} y={y + h * 1.5 + 7} className="outcome-chart__value">
                    {bar.second}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      {legend && (
        <figcaption className="outcome-chart__legend" aria-hidden="true">
          <span className="outcome-chart__key outcome-chart__key--first" /> {legend[0]}{' '}
          <span className="outcome-chart__key outcome-chart__key--second" /> {legend[1]}
        </figcaption>
      )}
    </figure>
  );
}
