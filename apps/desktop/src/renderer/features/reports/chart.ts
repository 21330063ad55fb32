/** A value axis for a chart: a round maximum and evenly spaced ticks from 0 to it. */
export interface Scale {
  max: number;
  ticks: number[];
}

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `value`. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * An axis from 0 covering `values`, with `count` round steps (e.g. 0, 25, 50, 75, 100);
 * `integer` (counts): steps of at least 1.
 */
export function niceScale(values: readonly number[], count = 4, integer = false): Scale {
  const top = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  const raw = niceCeil(top / count);
  const step = integer ? Math.max(1, Math.ceil(raw)) : raw;
  const max = top === 0 ? count : step * count;
  const unit = max / count;
  return { max, ticks: Array.from({ length: count + 1 }, (_, i) => Number((i * unit).toPrecision(12))) };
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/**
 * Bars for `values` in a plot area `width` × `height` (SVG coordinates, y down): equal slots with
 * a gap, each bar's height proportional to its value on `scale`.
 */
export function layoutBars(
  values: readonly number[],
  scale: Scale,
  width: number,
  height: number,
  maxBarWidth = Number.POSITIVE_INFINITY,
): Bar[] {
  if (values.length === 0) return [];
  const slot = width / values.length;
  const barWidth = Math.min(maxBarWidth, Math.max(1, slot * 0.7));
  return values.map((raw, i) => {
    const value = Number.isFinite(raw) ? Math.max(0, raw) : 0;
    const barHeight = (Math.min(value, scale.max) / scale.max) * height;
    return {
      x: i * slot + (slot - barWidth) / 2,
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
      value,
    };
  });
}
