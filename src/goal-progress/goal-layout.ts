/**
 * Geometry for `<goal-progress>`: the progress bar (in percent of its width, so it needs no
 * measured width) and the burn-up chart (in pixels). Pure: d3 computes, Lit renders.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { formatCompact, formatNumber } from '../core/format.js';
import type { KeyResult } from './goal-data.js';
import type { GoalStats } from './goal-math.js';
import { trendAt } from './goal-math.js';
import { formatGoalDate, formatGoalValue, paceAt } from './goal-text.js';

/** Bar geometry as percentages of the bar's width. */
export interface BarLayout {
  /** Fill width in % (0 when progress ≤ 0; a fixed sliver is drawn anyway). */
  fill: number;
  /** Expected-pace marker position in %. */
  pace: number;
  /** Target (100 % progress) position in %; below 100 when the goal overshoots. */
  target: number;
  /** Progress beyond the target is drawn from `target` to `fill`. */
  overshoot: boolean;
}

/**
 * The bar's scale runs from 0 to max(1, progress, expected): 130 % progress compresses the target
 * to 77 % of the width instead of overflowing the layout. Negative progress shows only the sliver.
 */
export function barLayout(progress: number, expected: number): BarLayout {
  const max = Math.max(1, progress, expected);
  const pct = (v: number) => Math.round((Math.max(0, Math.min(v, max)) / max) * 10000) / 100;
  return { fill: pct(progress), pace: pct(expected), target: pct(1), overshoot: progress > 1 };
}

export interface ChartPoint {
  x: number;
  y: number;
  date: number;
  value: number;
  kind: 'actual' | 'forecast';
}

/**
 * One line for the tooltip and the live region, e.g. "Nov 16, 2026: 12,400 teams (on pace: 12,100
 * teams)". Computed only for the point shown, so long series cost no formatting up front.
 */
export function chartPointLabel(goal: KeyResult, point: ChartPoint, locale: string): string {
  const value = (v: number) => formatGoalValue(v, goal, locale);
  return point.kind === 'forecast'
    ? `${formatGoalDate(point.date, locale)}: forecast ${value(point.value)} (target ${value(goal.target)})`
    : `${formatGoalDate(point.date, locale)}: ${value(point.value)} (on pace: ${value(paceAt(goal, point.date))})`;
}

export interface Tick {
  position: number;
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  seriesPath: string | null;
  pacePath: string;
  forecastPath: string | null;
  targetY: number;
  /** "Today" (or "As of") line; `null` when `as` is outside the chart. */
  asX: number | null;
  deadlineX: number;
  points: ChartPoint[];
  /** Whether each point gets a dot (not for long series, where dots would merge into a band). */
  dots: boolean;
}

/** Above this many points the series is drawn as a line only. */
export const MAX_DOTS = 120;

/**
 * A long series (10,000 points on a 600 px chart) is thinned for the path: per pixel column the
 * first, lowest, highest and last point are kept, so the drawn shape — spikes included — is the same.
 */
export function thinForPath(points: ReadonlyArray<{ x: number; y: number }>, pixels: number): Array<[number, number]> {
  if (points.length <= Math.max(2, pixels * 2)) return points.map((p) => [p.x, p.y]);
  const out: Array<[number, number]> = [];
  let column = Math.floor(points[0].x);
  let bucket: Array<{ x: number; y: number }> = [];
  const flush = () => {
    if (!bucket.length) return;
    let lo = bucket[0];
    let hi = bucket[0];
    for (const p of bucket) {
      if (p.y < lo.y) lo = p;
      if (p.y > hi.y) hi = p;
    }
    const keep = [bucket[0], lo, hi, bucket[bucket.length - 1]].filter((p, i, all) => all.indexOf(p) === i);
    keep.sort((a, b) => a.x - b.x);
    for (const p of keep) out.push([p.x, p.y]);
    bucket = [];
  };
  for (const p of points) {
    const c = Math.floor(p.x);
    if (c !== column) {
      flush();
      column = c;
    }
    bucket.push(p);
  }
  flush();
  return out;
}

const LINE = line<[number, number]>();

/** Extreme data (±1e308) would overflow the scale's arithmetic; the chart draws it at ±1e300. */
const LIMIT = 1e300;
const safe = (v: number) => Math.max(-LIMIT, Math.min(LIMIT, v));

export function chartLayout(goal: KeyResult, stats: GoalStats, as: number, width: number, locale: string): ChartLayout {
  const height = width < 420 ? 200 : 260;
  const inRange = goal.series.filter((p) => p.date >= goal.start && p.date <= as);
  const xEnd = Math.max(goal.deadline, Math.min(as, goal.deadline + (goal.deadline - goal.start) * 0.25));
  const trendStart = stats.trend ? trendAt(stats.trend, Math.max(goal.start, Math.min(as, goal.deadline))) : null;
  const values = [goal.baseline, goal.target, goal.value, ...inRange.map((p) => p.value)];
  if (stats.forecast !== null) values.push(stats.forecast);
  if (trendStart !== null && Number.isFinite(trendStart)) values.push(trendStart);
  for (let i = 0; i < values.length; i++) values[i] = safe(values[i]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= Math.abs(lo) * 0.1 || 1;
    hi += Math.abs(hi) * 0.1 || 1;
  }
  const pad = (hi - lo) * 0.06;
  const y0 = scaleLinear().domain([safe(lo - pad), safe(hi + pad)]).nice(4);
  const y = (v: number) => y0(safe(v));
  const yTickValues = y0.ticks(height < 220 ? 4 : 5);
  const yLabels = yTickValues.map((v) => (goal.format?.style === 'percent' ? formatNumber(v, locale, { ...goal.format, maximumFractionDigits: 1 }) : formatCompact(v, locale, goal.format)));
  const left = Math.min(72, Math.max(28, Math.max(...yLabels.map((l) => l.length)) * 7 + 10));
  const plot = { left, right: width - 14, top: 14, bottom: height - 26 };
  y0.range([plot.bottom, plot.top]);
  const x = scaleUtc().domain([goal.start, xEnd]).range([plot.left, plot.right]);
  const xTickDates = x.ticks(width < 420 ? 3 : 6);
  const xTicks = xTickDates.map((d) => ({ position: x(d), label: formatGoalDate(+d, locale, true) }));
  const yTicks = yTickValues.map((v, i) => ({ position: y(v), label: yLabels[i] }));

  const points: ChartPoint[] = inRange.map((p) => ({ x: x(p.date), y: y(p.value), date: p.date, value: p.value, kind: 'actual' }));
  let forecastPath: string | null = null;
  if (stats.trend && stats.forecast !== null && trendStart !== null && as < goal.deadline) {
    // The fitted line is drawn from the first point it was fitted to, so the forecast visibly
    // continues the trend of the data rather than floating apart from the last point.
    const from = Math.max(goal.start, Math.min(as, inRange[0]?.date ?? as));
    forecastPath = LINE([
      [x(from), y(trendAt(stats.trend, from) || 0)],
      [x(goal.deadline), y(stats.forecast)],
    ]);
    points.push({
      x: x(goal.deadline),
      y: y(stats.forecast),
      date: goal.deadline,
      value: stats.forecast,
      kind: 'forecast',
    });
  }
  const actual = points.filter((p) => p.kind === 'actual');
  return {
    dots: actual.length <= MAX_DOTS,
    width,
    height,
    plot,
    xTicks,
    yTicks,
    seriesPath: actual.length >= 2 ? LINE(thinForPath(actual, plot.right - plot.left)) : null,
    pacePath: LINE([
      [x(goal.start), y(goal.baseline)],
      [x(goal.deadline), y(goal.target)],
    ]) ?? '',
    forecastPath,
    targetY: y(goal.target),
    asX: as >= goal.start && as <= xEnd ? x(as) : null,
    deadlineX: x(goal.deadline),
    points,
  };
}
