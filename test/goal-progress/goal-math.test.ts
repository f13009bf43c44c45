import { expect } from '@open-wc/testing';
import {
  BOUNDARY_EPSILON,
  DAY_MS,
  WEEK_MS,
  applyRelativeTarget,
  computeGoalStats,
  computeObjectiveStats,
  daysLeft,
  estimateEta,
  expectedProgress,
  goalProgress,
  goalStatus,
  linearTrend,
  parseRelativeTarget,
  requiredRatePerWeek,
  trendAt,
  weightedMean,
} from '../../src/goal-progress/goal-math.js';

const t = (iso: string) => Date.parse(iso);
const START = t('2026-10-01');
const DEADLINE = t('2026-12-31');

describe('goal-math: progress', () => {
  it('is (value − baseline) / (target − baseline)', () => {
    expect(goalProgress(12_500, 10_000, 15_000)).to.equal(0.5);
    expect(goalProgress(10_000, 10_000, 15_000)).to.equal(0);
    expect(goalProgress(15_000, 10_000, 15_000)).to.equal(1);
  });
  it('is unclamped: overshoot above 1, going backwards below 0', () => {
    expect(goalProgress(16_500, 10_000, 15_000)).to.equal(1.3);
    expect(goalProgress(9_000, 10_000, 15_000)).to.equal(-0.2);
  });
  it('works for a decreasing goal (target below baseline)', () => {
    expect(goalProgress(8, 9, 6.5)).to.be.closeTo(0.4, 1e-12);
    expect(goalProgress(6.5, 9, 6.5)).to.equal(1);
    expect(goalProgress(10, 9, 6.5)).to.be.closeTo(-0.4, 1e-12);
  });
  it('target === baseline: 1 when reached in the good direction, else 0 — never Infinity or NaN', () => {
    expect(goalProgress(100, 100, 100)).to.equal(1);
    expect(goalProgress(101, 100, 100, 'increase')).to.equal(1);
    expect(goalProgress(99, 100, 100, 'increase')).to.equal(0);
    expect(goalProgress(99, 100, 100, 'decrease')).to.equal(1);
    expect(goalProgress(101, 100, 100, 'decrease')).to.equal(0);
    expect(goalProgress(100, 100, 100, 'neutral')).to.equal(1);
    expect(goalProgress(100.5, 100, 100, 'neutral')).to.equal(0);
    for (const v of [0, -5, 1e9]) expect(Number.isFinite(goalProgress(v, 7, 7))).to.be.true;
  });
  it('extreme values are capped at ±1e9 instead of overflowing to Infinity', () => {
    expect(goalProgress(-1e308, 10000, 15000)).to.equal(-1e9);
    expect(goalProgress(1e308, -1e308, 1e308)).to.be.closeTo(1, 1e-12);
    expect(goalProgress(1e308, 0, 1e-300)).to.equal(1e9);
    expect(requiredRatePerWeek(-1e308, 1e308, 1 + WEEK_MS, 1)).to.equal(null);
  });
});

describe('goal-math: expected progress', () => {
  it('is the elapsed share of [start, deadline], clamped to 0..1', () => {
    expect(expectedProgress(0, 100, 25)).to.equal(0.25);
    expect(expectedProgress(0, 100, -10)).to.equal(0);
    expect(expectedProgress(0, 100, 150)).to.equal(1);
    expect(expectedProgress(0, 100, 0)).to.equal(0);
    expect(expectedProgress(0, 100, 100)).to.equal(1);
  });
  it('uses midnight-UTC dates: Nov 23 is 53 of 91 days into Q4', () => {
    expect(expectedProgress(START, DEADLINE, t('2026-11-23'))).to.be.closeTo(53 / 91, 1e-12);
  });
});

describe('goal-math: status', () => {
  const s = (progress: number, expected: number, tolerance = 0.1, as = 50) => goalStatus(progress, expected, tolerance, 0, 100, as);
  it('achieved wins over everything, even before the start or after the deadline', () => {
    expect(s(1, 0.5)).to.equal('achieved');
    expect(s(1.3, 0.5)).to.equal('achieved');
    expect(goalStatus(1, 0, 0.1, 0, 100, -5)).to.equal('achieved');
    expect(goalStatus(1, 1, 0.1, 0, 100, 500)).to.equal('achieved');
  });
  it('not-started before the start, missed after the deadline', () => {
    expect(goalStatus(0, 0, 0.1, 0, 100, -1)).to.equal('not-started');
    expect(goalStatus(0.99, 1, 0.1, 0, 100, 101)).to.equal('missed');
    // exactly at the start or the deadline is inside the box
    expect(goalStatus(0, 0, 0.1, 0, 100, 0)).to.equal('on-track');
    expect(goalStatus(0.95, 1, 0.1, 0, 100, 100)).to.equal('on-track');
  });
  it('on-track exactly at expected − tolerance (0.7 − 0.1)', () => {
    expect(s(0.6, 0.7)).to.equal('on-track');
    expect(s(0.6 - 1e-6, 0.7)).to.equal('at-risk');
  });
  it('at-risk exactly at expected − 2 × tolerance, although 0.7 − 0.2 is 0.49999999999999994 in floating point', () => {
    expect(0.7 - 2 * 0.1).to.not.equal(0.5);
    expect(s(0.5, 0.7)).to.equal('at-risk');
    expect(s(0.5 - 1e-6, 0.7)).to.equal('off-track');
  });
  it('boundaries with other awkward decimals (0.3 − 2 × 0.1, 0.58 − 0.15)', () => {
    expect(s(0.1, 0.3)).to.equal('at-risk');
    expect(s(0.43, 0.58, 0.15)).to.equal('on-track');
    expect(s(0.28, 0.58, 0.15)).to.equal('at-risk');
    expect(s(0.28 - 1e-7, 0.58, 0.15)).to.equal('off-track');
  });
  it('progress just below 1 within the epsilon counts as achieved; clearly below does not', () => {
    expect(s(1 - BOUNDARY_EPSILON / 2, 0.5)).to.equal('achieved');
    expect(s(0.999, 0.5)).to.equal('on-track');
  });
  it('tolerance 0 makes on-track mean at or ahead of pace', () => {
    expect(s(0.5, 0.5, 0)).to.equal('on-track');
    expect(s(0.49, 0.5, 0)).to.equal('off-track');
  });
});

describe('goal-math: trend, forecast, rates, eta', () => {
  const weekly = (values: number[], from = START) => values.map((value, i) => ({ date: from + i * WEEK_MS, value }));

  it('fits an exact line and returns the slope per week', () => {
    const trend = linearTrend(weekly([100, 110, 120, 130]), START, START + 10 * WEEK_MS)!;
    expect(trend.slope * WEEK_MS).to.be.closeTo(10, 1e-9);
    expect(trendAt(trend, START)).to.be.closeTo(100, 1e-9);
    expect(trendAt(trend, START + 10 * WEEK_MS)).to.be.closeTo(200, 1e-9);
  });
  it('least squares on noisy points (hand-computed: x 0..3, y 1,3,2,4 → slope 0.8, intercept 1.3)', () => {
    const trend = linearTrend(weekly([1, 3, 2, 4]), START, START + 3 * WEEK_MS)!;
    expect(trend.slope * WEEK_MS).to.be.closeTo(0.8, 1e-12);
    expect(trendAt(trend, START)).to.be.closeTo(1.3, 1e-12);
  });
  it('uses only the points within [start, as], both inclusive', () => {
    const points = [
      { date: START - WEEK_MS, value: 1_000_000 },
      ...weekly([100, 110, 120]),
      { date: START + 3 * WEEK_MS + 1, value: -1_000_000 },
    ];
    const trend = linearTrend(points, START, START + 2 * WEEK_MS)!;
    expect(trend.count).to.equal(3);
    expect(trend.slope * WEEK_MS).to.be.closeTo(10, 1e-9);
  });
  it('is null with fewer than 3 points, or when all points share one date', () => {
    expect(linearTrend(weekly([1, 2]), START, DEADLINE)).to.equal(null);
    expect(linearTrend([], START, DEADLINE)).to.equal(null);
    expect(linearTrend([1, 2, 3].map((value) => ({ date: START, value })), START, DEADLINE)).to.equal(null);
  });
  it('forecast is the trend at the deadline; null with < 3 points', () => {
    const goal = { baseline: 100, target: 300, value: 130, start: START, deadline: START + 10 * WEEK_MS, tolerance: 0.1, direction: 'increase' as const };
    const as = START + 3 * WEEK_MS;
    const stats = computeGoalStats({ ...goal, series: weekly([100, 110, 120, 130]) }, as);
    expect(stats.forecast).to.be.closeTo(200, 1e-9);
    expect(stats.forecastProgress).to.be.closeTo(0.5, 1e-9);
    expect(stats.actualRate).to.be.closeTo(10, 1e-9);
    // (300 − 130) over 7 weeks left
    expect(stats.requiredRate).to.be.closeTo(170 / 7, 1e-9);
    // 100 + 10/week reaches 300 after 20 weeks
    expect(stats.eta).to.be.closeTo(START + 20 * WEEK_MS, 1);
    const few = computeGoalStats({ ...goal, series: weekly([100, 110]) }, as);
    expect(few.forecast).to.equal(null);
    expect(few.actualRate).to.equal(null);
    expect(few.eta).to.equal(null);
  });
  it('requiredRate: null once no time is left; counted from the start before the start; negative past the target', () => {
    expect(requiredRatePerWeek(100, 200, START, START)).to.equal(null);
    expect(requiredRatePerWeek(100, 200, START, START + DAY_MS)).to.equal(null);
    expect(requiredRatePerWeek(100, 200, START + 10 * WEEK_MS, START - 5 * WEEK_MS, START)).to.be.closeTo(10, 1e-9);
    expect(requiredRatePerWeek(250, 200, START + 10 * WEEK_MS, START)).to.be.closeTo(-5, 1e-9);
  });
  it('eta is null for a flat trend, a trend heading away from the target, or target === baseline', () => {
    const flat = linearTrend(weekly([5, 5, 5]), START, DEADLINE);
    expect(estimateEta(flat, 5, 10)).to.equal(null);
    const down = linearTrend(weekly([5, 4, 3]), START, DEADLINE);
    expect(estimateEta(down, 5, 10)).to.equal(null);
    expect(estimateEta(down, 5, 5)).to.equal(null);
    // …and a date for a decreasing goal heading down: 5 → 1 at −1/week is 4 weeks after START
    expect(estimateEta(down, 5, 1)).to.be.closeTo(START + 4 * WEEK_MS, 1);
  });
  it('eta is null when the date would be beyond what Date holds', () => {
    const crawl = linearTrend(weekly([0, 1e-12, 2e-12]), START, DEADLINE);
    expect(estimateEta(crawl, 0, 1e12)).to.equal(null);
  });
  it('days left rounds up and stops at 0', () => {
    expect(daysLeft(DEADLINE, t('2026-11-23'))).to.equal(38);
    expect(daysLeft(DEADLINE, t('2026-11-23T12:00:00Z'))).to.equal(38);
    expect(daysLeft(DEADLINE, DEADLINE)).to.equal(0);
    expect(daysLeft(DEADLINE, DEADLINE + DAY_MS)).to.equal(0);
  });
});

describe('goal-math: objectives and relative targets', () => {
  it('weighted mean with default weight 1; null for nothing', () => {
    expect(weightedMean([{ value: 0.2 }, { value: 0.6 }])).to.be.closeTo(0.4, 1e-12);
    expect(weightedMean([{ value: 0.2, weight: 3 }, { value: 0.6, weight: 1 }])).to.be.closeTo(0.3, 1e-12);
    expect(weightedMean([])).to.equal(null);
  });
  it('objective progress is the weighted mean of its key results; status by its own box', () => {
    const stats = computeObjectiveStats(
      {
        start: 0,
        deadline: 100,
        tolerance: 0.1,
        keyResults: [
          { progress: 0.5, forecastProgress: 0.9, weight: 2 },
          { progress: 0.2, forecastProgress: 0.6, weight: 1 },
        ],
      },
      60,
    );
    expect(stats.progress).to.be.closeTo(0.4, 1e-12);
    expect(stats.expected).to.equal(0.6);
    expect(stats.status).to.equal('at-risk');
    expect(stats.forecastProgress).to.be.closeTo(0.8, 1e-12);
  });
  it('objective forecast is null unless every key result has one', () => {
    const stats = computeObjectiveStats(
      { start: 0, deadline: 100, tolerance: 0.1, keyResults: [{ progress: 1, forecastProgress: null, weight: 1 }] },
      50,
    );
    expect(stats.forecastProgress).to.equal(null);
    expect(stats.status).to.equal('achieved');
  });
  it('parses relative targets', () => {
    expect(parseRelativeTarget('+20%')).to.equal(0.2);
    expect(parseRelativeTarget('-15%')).to.equal(-0.15);
    expect(parseRelativeTarget('\u221215 %')).to.equal(-0.15);
    expect(parseRelativeTarget('20%')).to.equal(undefined);
    expect(parseRelativeTarget('+x%')).to.equal(undefined);
  });
  it('applies them to the baseline without binary noise; "+" is always up', () => {
    expect(applyRelativeTarget(10_000, 0.2)).to.equal(12_000);
    expect(applyRelativeTarget(9, -0.15)).to.equal(7.65);
    expect(applyRelativeTarget(0.38, 0.2)).to.equal(0.456);
    expect(applyRelativeTarget(-100, 0.2)).to.equal(-80);
  });
});
