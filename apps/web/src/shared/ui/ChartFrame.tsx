import type { ReactNode } from 'react';

/** Where a chart's pieces go: its size in SVG units and the margin around the plot. */
export interface ChartBox {
  width: number;
  height: number;
  pad: { left: number; right: number; top: number; bottom: number };
}

/**
 * A line chart's picture, the same for every chart: named in words by `summary` (an image to screen readers), its
 * horizontal grid lines labelled on the left; the lines and points are the caller's (`children`).
 */
export function ChartFrame({
  box: { width, height, pad },
  summary,
  grid,
  classNames,
  testId,
  children,
}: {
  box: ChartBox;
  summary: string;
  /** Each grid line's height in the picture and its label. */
  grid: readonly { y: number; label: string }[];
  classNames: { chart: string; grid: string; label: string };
  testId?: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={classNames.chart}
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      data-testid={testId}
    >
      {grid.map(({ y, label }) => (
        <g key={y}>
          <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} className={classNames.grid} />
          <text x={pad.left - 6} y={y + 4} textAnchor="end" className={classNames.label}>
            {label}
          </text>
        </g>
      ))}
      {children}
    </svg>
  );
}
