/**
 * Funnel maths, DOM-free. Every rate is a fraction of one; `null` wherever a figure is undefined
 * (a zero denominator, a first step's "conversion from previous", a missing comparison), so no
 * `NaN` or `Infinity` can ever reach the screen.
 *
 * Choices (documented in docs/funnel-chart.md):
 * - Conversion of step i is judged on the users who *entered* it, i.e. reached step i − 1.
 *   `smallSample` therefore flags a step whose denominator (step i − 1; for the first step its
 *   own count) is below 30 — that is what makes its rate and interval unreliable.
 * - The biggest drop-off is the step with the highest drop-off *rate* (ties: the earlier step);
 *   a growing step (more users than the step before) never counts as a drop-off.
 * - A growing step is not a binomial proportion: its interval and significance are `null`,
 *   its `dropOff` and `dropOffRate` are negative, and it is flagged.
 */

/** z for a two-sided 95 % interval / test. */
export const Z_95 = 1.959963984540054;

/** Fewer users than this entering a step make its conversion a small sample. */
export const SMALL_SAMPLE = 30;

/** The input the maths needs from one step (the normalised step fits it). */
export interface FunnelStepInput {
  name: string;
  value: number;
  previous?: number;
  segments?: Readonly<Record<string, number>>;
}

/** One entry of the `stats` property — exactly the fields SPEC lists. */
export interface FunnelStepStats {
  name: string;
  value: number;
  /** value / previous step's value; `null` for the first step or after a zero step. */
  fromPrevious: number | null;
  /** value / first step's value; 1 for the first step; `null` when the first step is 0. */
  fromFirst: number | null;
  /** Users lost since the previous step (negative for a growing step); `null` for the first step. */
  dropOff: number | null;
  /** dropOff / previous step's value; `null` for the first step or after a zero step. */
  dropOffRate: number | null;
  /** 95 % Wilson interval of `fromPrevious`; `null` when that is undefined or above 1. */
  interval: [number, number] | null;
  /** Fewer than 30 users entered the step (see module note). */
  smallSample: boolean;
  /** The same conversion in the comparison period; `null` without both `previous` counts. */
  previousFromPrevious: number | null;
  /** fromPrevious − previousFromPrevious, in fractions of one (0.05 = +5 pp). */
  change: number | null;
  /** Two-proportion z-test at 95 %; `null` when `change` is null or a rate exceeds 1. */
  significant: boolean | null;
}

/** Per-segment figures of one step. */
export interface SegmentStats {
  key: string;
  /** Count of the segment at this step; `null` when the step does not break it down. */
  value: number | null;
  fromPrevious: number | null;
  fromFirst: number | null;
}

/** Everything else the view needs about a step (beyond `stats`). */
export interface FunnelStepDetail {
  index: number;
  /** More users than the step before: shown and flagged, never hidden. */
  growing: boolean;
  /** This step has the biggest drop-off rate. */
  biggestDropOff: boolean;
  /** The denominator of `fromPrevious` (users who entered the step). */
  entered: number;
  /** z statistic of the comparison test; `null` when not computed. */
  zScore: number | null;
  /** Two-sided p-value of the comparison test; `null` when not computed. */
  pValue: number | null;
  /** Per-segment figures in `segmentKeys` order; empty when the funnel has no segments. */
  segments: SegmentStats[];
  /** Users in no listed segment (value − sum of segments); `null` without a breakdown. */
  unsegmented: number | null;
}

export interface FunnelAnalysis {
  stats: FunnelStepStats[];
  details: FunnelStepDetail[];
  /** Index of the step with the biggest drop-off rate; `null` when nothing drops. */
  biggestDropOff: number | null;
  /** last / first; `null` when the first step is 0. */
  overall: number | null;
  /** The same in the comparison period; `null` without `previous` on the first and last steps. */
  previousOverall: number | null;
  overallChange: number | null;
  overallSignificant: boolean | null;
  /** Segment names in order of first appearance. */
  segmentKeys: string[];
  /** Largest count to draw, current or previous (for the bar scale). */
  maxValue: number;
}

/** a / b, or `null` when b is 0 (or either is missing). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a / b;
}

/**
 * 95 % Wilson score interval of `successes` out of `trials`:
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n).
 * `null` when `trials` is 0 or `successes` is outside 0..trials (not a proportion).
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): [number, number] | null {
  if (!(trials > 0) || successes < 0 || successes > trials || !Number.isFinite(successes) || !Number.isFinite(trials)) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // Clamp floating noise at the ends (p̂ = 0 or 1 gives exactly 0 or 1 in exact arithmetic).
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === trials ? 1 : Math.min(1, centre + half);
  return [low, high];
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface ProportionTest {
  z: number;
  pValue: number;
  significant: boolean;
}

/**
 * Two-proportion z-test with pooled variance, two-sided, 95 %:
 *   p = (x1 + x2) / (n1 + n2),  z = (x1/n1 − x2/n2) / √(p(1 − p)(1/n1 + 1/n2)).
 * `null` when a proportion is undefined or above 1. Equal proportions at 0 or 1 (zero variance)
 * give z = 0, not significant.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number, z = Z_95): ProportionTest | null {
  if (!(n1 > 0) || !(n2 > 0) || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, pValue: 1, significant: false };
  const statistic = (p1 - p2) / se;
  const pValue = Math.min(1, Math.max(0, 2 * (1 - normalCdf(Math.abs(statistic)))));
  return { z: statistic, pValue, significant: Math.abs(statistic) > z };
}

/** A step's count for one segment; own keys only (a segment may be called "toString"). */
function segmentCount(step: FunnelStepInput, key: string): number | null {
  return step.segments && Object.prototype.hasOwnProperty.call(step.segments, key) ? step.segments[key] : null;
}

/** All funnel figures for steps in order. Never throws on valid input; O(steps × segments). */
export function analyzeFunnel(steps: readonly FunnelStepInput[]): FunnelAnalysis {
  const first = steps.length ? steps[0].value : 0;
  const segmentKeys: string[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    if (!step.segments) continue;
    for (const key of Object.keys(step.segments)) {
      if (!seen.has(key)) {
        seen.add(key);
        segmentKeys.push(key);
      }
    }
  }

  const stats: FunnelStepStats[] = [];
  const details: FunnelStepDetail[] = [];
  let maxValue = 0;

  steps.forEach((step, index) => {
    const before = index > 0 ? steps[index - 1] : undefined;
    maxValue = Math.max(maxValue, step.value, step.previous ?? 0);
    const entered = before ? before.value : step.value;
    const fromPrevious = before ? ratio(step.value, before.value) : null;
    const fromFirst = ratio(step.value, first);
    const dropOff = before ? before.value - step.value : null;
    const dropOffRate = before ? ratio(dropOff, before.value) : null;
    const interval = before ? wilsonInterval(step.value, before.value) : null;

    const previousFromPrevious = before ? ratio(step.previous, before.previous) : null;
    const change = fromPrevious !== null && previousFromPrevious !== null ? fromPrevious - previousFromPrevious : null;
    const test =
      change !== null && before && before.previous !== undefined && step.previous !== undefined
        ? twoProportionTest(step.value, before.value, step.previous, before.previous)
        : null;

    stats.push({
      name: step.name,
      value: step.value,
      fromPrevious,
      fromFirst,
      dropOff,
      dropOffRate,
      interval,
      smallSample: entered < SMALL_SAMPLE,
      previousFromPrevious,
      change,
      significant: test ? test.significant : null,
    });

    const segments: SegmentStats[] = segmentKeys.map((key) => {
      const value = segmentCount(step, key);
      const beforeValue = before ? segmentCount(before, key) : null;
      const firstValue = segmentCount(steps[0], key);
      return { key, value, fromPrevious: before ? ratio(value, beforeValue) : null, fromFirst: ratio(value, firstValue) };
    });
    let unsegmented: number | null = null;
    if (step.segments) {
      let sum = 0;
      for (const key of Object.keys(step.segments)) sum += step.segments[key];
      unsegmented = Math.max(0, step.value - sum);
    }

    details.push({
      index,
      growing: before !== undefined && step.value > before.value,
      biggestDropOff: false,
      entered,
      zScore: test ? test.z : null,
      pValue: test ? test.pValue : null,
      segments,
      unsegmented,
    });
  });

  let biggestDropOff: number | null = null;
  for (let i = 1; i < stats.length; i++) {
    const rate = stats[i].dropOffRate;
    if (rate === null || rate <= 0) continue;
    if (biggestDropOff === null || rate > (stats[biggestDropOff].dropOffRate as number)) biggestDropOff = i;
  }
  if (biggestDropOff !== null) details[biggestDropOff].biggestDropOff = true;

  const last = steps.length ? steps[steps.length - 1] : undefined;
  const overall = last ? ratio(last.value, first) : null;
  const previousOverall = last && steps.length > 1 ? ratio(last.previous, steps[0].previous) : null;
  const overallChange = overall !== null && previousOverall !== null ? overall - previousOverall : null;
  const overallTest =
    overallChange !== null && last && last.previous !== undefined && steps[0].previous !== undefined
      ? twoProportionTest(last.value, first, last.previous, steps[0].previous)
      : null;

  return {
    stats,
    details,
    biggestDropOff,
    overall,
    previousOverall,
    overallChange,
    overallSignificant: overallTest ? overallTest.significant : null,
    segmentKeys,
    maxValue,
  };
}
