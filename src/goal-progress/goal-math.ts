/**
 * Goal maths for `<goal-progress>` (SPEC "<goal-progress>"). Pure and DOM-free: numbers in,
 * numbers out. Times are epoch milliseconds; a date without a time is midnight UTC (that is how
 * `readDate` reads `"2026-12-31"`, so a deadline of `"2026-12-31"` is the *start* of that day).
 */

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/**
 * Status boundaries are compared with an absolute tolerance of 1e-9 progress points. Progress and
 * expected progress are fractions of order 1, so binary rounding is ~1e-16 there, far below 1e-9,
 * while no real goal distinguishes 62.0000001 % from 62 %. Without it, `0.7 - 2 * 0.1` is
 * `0.49999999999999994` and a goal exactly at the at-risk boundary would read as on the wrong side.
 */
export const BOUNDARY_EPSILON = 1e-9;

export const GOAL_STATUSES = ['achieved', 'not-started', 'missed', 'on-track', 'at-risk', 'off-track'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export type GoalDirection = 'increase' | 'decrease' | 'neutral';

/** A least-squares line `value = intercept + slope × (time − origin)`; slope per millisecond. */
export interface Trend {
  slope: number;
  intercept: number;
  /** The time the intercept refers to (the mean time of the points, for numerical stability). */
  origin: number;
  /** How many points it was fitted to. */
  count: number;
}

export interface TimedValue {
  date: number;
  value: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Progress is unclamped, but data such as a value of −1e308 would overflow to −Infinity. Beyond
 * ±1e9 (a hundred million per cent) nothing more can be read, so progress is capped there and no
 * Infinity or NaN ever reaches the page.
 */
export const PROGRESS_LIMIT = 1e9;

function capProgress(progress: number): number {
  if (Number.isNaN(progress)) return 0;
  return clamp(progress, -PROGRESS_LIMIT, PROGRESS_LIMIT);
}

/** A finite number or `null` (sums and differences of extreme values overflow). */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** `target` is reached from the good side: ≥ for an increase, ≤ for a decrease, equal for neutral. */
export function hasReached(value: number, target: number, direction: GoalDirection): boolean {
  const scale = Math.max(Math.abs(value), Math.abs(target), 1) * BOUNDARY_EPSILON;
  if (direction === 'decrease') return value <= target + scale;
  if (direction === 'neutral') return Math.abs(value - target) <= scale;
  return value >= target - scale;
}

/**
 * Progress = (value − baseline) / (target − baseline), unclamped (130 % is overshoot, −5 % went
 * backwards). When `target === baseline` there is no distance to travel: progress is 1 if the value
 * is at or beyond the target in the good direction (`direction`), else 0 — never Infinity or NaN.
 */
export function goalProgress(value: number, baseline: number, target: number, direction: GoalDirection = 'increase'): number {
  const span = target - baseline;
  if (span === 0) return hasReached(value, target, direction) ? 1 : 0;
  // Differences of extreme inputs (±1e308) overflow; halving every term first does not.
  const progress =
    Number.isFinite(span) && Number.isFinite(value - baseline)
      ? (value - baseline) / span
      : (value / 2 - baseline / 2) / (target / 2 - baseline / 2);
  return capProgress(progress);
}

/** Elapsed share of [start, deadline] at `as`, clamped to 0..1. A zero-length box counts as over once `as ≥ deadline`. */
export function expectedProgress(start: number, deadline: number, as: number): number {
  const length = deadline - start;
  if (!(length > 0)) return as >= deadline ? 1 : 0;
  return clamp((as - start) / length, 0, 1);
}

/**
 * Status by SPEC's rule, in order: achieved (progress ≥ 1), not-started (as < start), missed
 * (as > deadline), on-track (progress ≥ expected − tolerance), at-risk (≥ expected − 2 × tolerance),
 * else off-track. Every "≥" is taken with `BOUNDARY_EPSILON`, so a goal exactly on a boundary
 * gets the better status whatever the floating-point rounding of the subtraction.
 */
export function goalStatus(progress: number, expected: number, tolerance: number, start: number, deadline: number, as: number): GoalStatus {
  const atLeast = (a: number, b: number) => a >= b - BOUNDARY_EPSILON;
  if (atLeast(progress, 1)) return 'achieved';
  if (as < start) return 'not-started';
  if (as > deadline) return 'missed';
  if (atLeast(progress, expected - tolerance)) return 'on-track';
  if (atLeast(progress, expected - 2 * tolerance)) return 'at-risk';
  return 'off-track';
}

/**
 * Least-squares linear trend of the points within [from, to] (both inclusive); `null` with fewer
 * than 3 points or when they all share one date (no slope can be fitted). Times are centred on
 * their mean first, so squares of epoch milliseconds (~1e24) never lose precision.
 */
export function linearTrend(points: readonly TimedValue[], from: number, to: number): Trend | null {
  const inside = points.filter((p) => p.date >= from && p.date <= to && Number.isFinite(p.value));
  if (inside.length < 3) return null;
  const n = inside.length;
  let meanX = 0;
  let meanY = 0;
  for (const p of inside) {
    meanX += p.date / n;
    meanY += p.value / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (const p of inside) {
    const dx = p.date - meanX;
    sxx += dx * dx;
    sxy += dx * (p.value - meanY);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  if (!Number.isFinite(slope)) return null;
  return { slope, intercept: meanY, origin: meanX, count: n };
}

/** The trend's value at `time`. */
export function trendAt(trend: Trend, time: number): number {
  return trend.intercept + trend.slope * (time - trend.origin);
}

/** Largest time a `Date` can hold; an ETA beyond it is "never". */
const MAX_TIME = 8.64e15;

/**
 * When the trend reaches `target`: `null` if it never does — a flat trend, a trend heading away
 * from the target (its slope has the wrong sign for target − baseline), no distance to travel
 * (`target === baseline`), or a date beyond what `Date` holds. The date may lie before `as` when
 * the fitted line crossed the target already, or after the deadline (the target is hit late).
 */
export function estimateEta(trend: Trend | null, baseline: number, target: number): number | null {
  if (!trend || trend.slope === 0) return null;
  const span = target - baseline;
  if (span === 0 || Math.sign(span) !== Math.sign(trend.slope)) return null;
  const time = trend.origin + (target - trend.intercept) / trend.slope;
  return Number.isFinite(time) && Math.abs(time) <= MAX_TIME ? time : null;
}

/**
 * What it takes: (target − value) per week over the time left, deadline − max(as, start) (before the
 * start the whole box is left). `null` when no time is left (as ≥ deadline). Negative when the value
 * is already beyond the target of an increase.
 */
export function requiredRatePerWeek(value: number, target: number, deadline: number, as: number, start = as): number | null {
  const left = deadline - Math.max(as, start);
  if (!(left > 0)) return null;
  return finiteOrNull(((target - value) / left) * WEEK_MS);
}

/** Whole days left until the deadline (rounded up), 0 once it has passed. */
export function daysLeft(deadline: number, as: number): number {
  return Math.max(0, Math.ceil((deadline - as) / DAY_MS - BOUNDARY_EPSILON));
}

/** Weighted mean; weights default to 1; `null` for no items or zero total weight. */
export function weightedMean(items: ReadonlyArray<{ value: number; weight?: number }>): number | null {
  let total = 0;
  let sum = 0;
  for (const item of items) {
    const weight = item.weight ?? 1;
    total += weight;
    sum += weight * item.value;
  }
  if (!(total > 0) || !Number.isFinite(total)) return null;
  return Number.isFinite(sum) ? sum / total : capProgress(items.reduce((acc, item) => acc + ((item.weight ?? 1) / total) * item.value, 0));
}

/** The numbers of one key result or SMART goal. */
export interface GoalFigures {
  baseline: number;
  target: number;
  value: number;
  start: number;
  deadline: number;
  tolerance: number;
  direction: GoalDirection;
  series: readonly TimedValue[];
}

/** Everything computed for a goal at `as` (SPEC's read-only properties, plus helpers for the views). */
export interface GoalStats {
  progress: number;
  expected: number;
  status: GoalStatus;
  /** Trend value at the deadline; `null` with fewer than 3 points in [start, as]. */
  forecast: number | null;
  /** The forecast as progress, (forecast − baseline) / (target − baseline). */
  forecastProgress: number | null;
  /** Per week; `null` when no time is left. */
  requiredRate: number | null;
  /** The trend's slope per week; `null` with fewer than 3 points. */
  actualRate: number | null;
  /** Epoch ms when the trend reaches the target; `null` if never. */
  eta: number | null;
  trend: Trend | null;
  daysLeft: number;
}

export function computeGoalStats(goal: GoalFigures, as: number): GoalStats {
  const progress = goalProgress(goal.value, goal.baseline, goal.target, goal.direction);
  const expected = expectedProgress(goal.start, goal.deadline, as);
  const trend = linearTrend(goal.series, goal.start, as);
  const forecast = trend ? finiteOrNull(trendAt(trend, goal.deadline)) : null;
  return {
    progress,
    expected,
    status: goalStatus(progress, expected, goal.tolerance, goal.start, goal.deadline, as),
    forecast,
    forecastProgress: forecast === null ? null : goalProgress(forecast, goal.baseline, goal.target, goal.direction),
    requiredRate: requiredRatePerWeek(goal.value, goal.target, goal.deadline, as, goal.start),
    actualRate: trend ? finiteOrNull(trend.slope * WEEK_MS) : null,
    eta: estimateEta(trend, goal.baseline, goal.target),
    trend,
    daysLeft: daysLeft(goal.deadline, as),
  };
}

/** An objective: progress is the weighted mean of its key results' progress (weights default 1). */
export interface ObjectiveFigures {
  start: number;
  deadline: number;
  tolerance: number;
  keyResults: ReadonlyArray<{ progress: number; forecastProgress: number | null; weight: number }>;
}

export interface ObjectiveStats {
  progress: number;
  expected: number;
  status: GoalStatus;
  /** Weighted mean of the key results' forecast progress; `null` unless every key result has a forecast. */
  forecastProgress: number | null;
  daysLeft: number;
}

export function computeObjectiveStats(objective: ObjectiveFigures, as: number): ObjectiveStats {
  const progress = weightedMean(objective.keyResults.map((kr) => ({ value: kr.progress, weight: kr.weight }))) ?? 0;
  const expected = expectedProgress(objective.start, objective.deadline, as);
  const forecasts = objective.keyResults.every((kr) => kr.forecastProgress !== null)
    ? weightedMean(objective.keyResults.map((kr) => ({ value: kr.forecastProgress as number, weight: kr.weight })))
    : null;
  return {
    progress,
    expected,
    status: goalStatus(progress, expected, objective.tolerance, objective.start, objective.deadline, as),
    forecastProgress: forecasts,
    daysLeft: daysLeft(objective.deadline, as),
  };
}

/**
 * A relative target such as `"+20%"` or `"-15%"` (also `"−15 %"` with U+2212): the signed
 * fraction (0.2, −0.15), or `undefined` if the text is not one.
 */
export function parseRelativeTarget(text: string): number | undefined {
  const match = /^\s*([+\-\u2212])\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$/.exec(text);
  if (!match) return undefined;
  const fraction = Number(match[2]) / 100;
  return match[1] === '+' ? fraction : -fraction;
}

/**
 * The target a relative change of `baseline` gives: `baseline + |baseline| × fraction`, so "+"
 * always means higher, even for a negative baseline. A baseline of 0 has no relative change; the
 * caller reports that as an error at the `target` path.
 */
export function applyRelativeTarget(baseline: number, fraction: number): number {
  // 12 significant digits drop binary noise (0.38 × 1.2 = 0.45599999999999996 → 0.456).
  return Number((baseline + Math.abs(baseline) * fraction).toPrecision(12));
}
