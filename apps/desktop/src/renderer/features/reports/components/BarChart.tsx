import { layoutBars, niceScale } from '../chart.js';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 48;
const BOTTOM = 36;
const TOP = 10;

/** A plain SVG bar chart: one bar per row, a value axis with round ticks; labels are text nodes. */
export function BarChart({
  labels,
  values,
  title,
  format,
  integer = false,
}: {
  labels: string[];
  values: number[];
  title: string;
  format(value: number): string;
  /** Counts: whole-number ticks. */
  integer?: boolean;
}) {
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - BOTTOM - TOP;
  const scale = niceScale(values, 4, integer);
  const bars = layoutBars(values, scale, plotWidth, plotHeight, 56);
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full max-w-3xl text-slate-500"
      role="img"
      aria-label={title}
      data-testid="report-chart"
    >
      <title>{title}</title>
      <g transform={`translate(${LEFT},${TOP})`}>
        {scale.ticks.map((tick) => {
          const y = plotHeight - (tick / scale.max) * plotHeight;
          return (
            <g key={tick}>
              <line x1={0} x2={plotWidth} y1={y} y2={y} className="stroke-slate-200 dark:stroke-slate-700" />
              <text x={-6} y={y + 4} textAnchor="end" className="fill-current text-[11px]">
                {format(tick)}
              </text>
            </g>
          );
        })}
        {bars.map((bar, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one bar per row, in row order
          <g key={i}>
            <rect
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              rx={2}
              className="fill-indigo-500 dark:fill-indigo-400"
              data-testid="report-bar"
            >
              <title>{`${labels[i] ?? ''}: ${format(bar.value)}`}</title>
            </rect>
            {i % every === 0 && (
              <text
                x={bar.x + bar.width / 2}
                y={plotHeight + 16}
                textAnchor="middle"
                className="fill-current text-[11px]"
              >
                {(labels[i] ?? '').slice(0, 12)}
              </text>
            )}
          </g>
        ))}
      </g>
    </svg>
  );
}
