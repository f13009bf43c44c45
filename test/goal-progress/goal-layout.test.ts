import { expect } from '@open-wc/testing';
import { type KeyResult, normalizeGoal } from '../../src/goal-progress/goal-data.js';
import { MAX_DOTS, barLayout, chartLayout, chartPointLabel, thinForPath } from '../../src/goal-progress/goal-layout.js';
import { computeGoalStats } from '../../src/goal-progress/goal-math.js';

const AS = Date.UTC(2026, 10, 23);
const goalOf = (extra: object = {}) =>
  normalizeGoal({ name: 'g', baseline: 10000, target: 15000, value: 12400, start: '2026-10-01', deadline: '2026-12-31', ...extra }).value as KeyResult;

describe('goal-layout: bar', () => {
  it('places fill, pace and target in percent of a 0..1 scale', () => {
    expect(barLayout(0.48, 0.5824)).to.deep.equal({ fill: 48, pace: 58.24, target: 100, overshoot: false });
  });
  it('overshoot compresses the scale to max(1, progress)', () => {
    expect(barLayout(1.3, 0.5)).to.deep.equal({ fill: 100, pace: 38.46, target: 76.92, overshoot: true });
  });
  it('negative progress draws no fill (the sliver is drawn by the view)', () => {
    expect(barLayout(-0.2, 0.5).fill).to.equal(0);
  });
});

describe('goal-layout: chart', () => {
  const series = [['2026-10-01', 10000], ['2026-10-22', 11000], ['2026-11-12', 12000], ['2026-11-19', 12400]];
  it('maps points into the plot, adds the forecast point and stays finite', () => {
    const goal = goalOf({ series });
    const stats = computeGoalStats(goal, AS);
    const layout = chartLayout(goal, stats, AS, 600, 'en-US');
    expect(layout.points).to.have.length(5);
    expect(layout.points[4].kind).to.equal('forecast');
    expect(layout.points[4].value).to.equal(stats.forecast);
    for (const p of layout.points) {
      expect(p.x).to.be.within(layout.plot.left, layout.plot.right);
      expect(p.y).to.be.within(layout.plot.top, layout.plot.bottom);
    }
    expect(layout.points[0].x).to.equal(layout.plot.left);
    expect(layout.deadlineX).to.equal(layout.plot.right);
    expect(layout.asX).to.be.within(layout.plot.left, layout.plot.right);
    expect(JSON.stringify(layout)).to.not.match(/NaN|null,"pace|Infinity/);
    expect(chartPointLabel(goal, layout.points[3], 'en-US')).to.equal('Nov 19, 2026: 12,400 (on pace: 12,692)');
  });
  it('extreme values stay finite', () => {
    const goal = goalOf({ value: -1e308, series: [['2026-10-01', 1e308], ['2026-10-22', -1e308], ['2026-11-12', 5]] });
    const stats = computeGoalStats(goal, AS);
    expect(Number.isFinite(stats.progress)).to.be.true;
    const layout = chartLayout(goal, stats, AS, 300, 'en-US');
    expect(JSON.stringify(layout)).to.not.match(/NaN|Infinity/);
  });
  it('long series: no dots and a thinned path', () => {
    const start = Date.UTC(2026, 9, 1);
    const long = Array.from({ length: 5000 }, (_, i) => [start + i * 60_000, 10000 + (i % 7)]);
    const goal = goalOf({ series: long });
    const layout = chartLayout(goal, computeGoalStats(goal, AS), AS, 600, 'en-US');
    expect(layout.points.length).to.be.greaterThan(MAX_DOTS);
    expect(layout.dots).to.equal(false);
    expect(layout.seriesPath!.split(/[ML]/).length).to.be.lessThan(5000);
  });
  it('thinForPath keeps first, min, max and last of each pixel column', () => {
    const points = Array.from({ length: 100 }, (_, i) => ({ x: i / 50, y: i === 37 ? -5 : i === 60 ? 9 : 1 }));
    const thin = thinForPath(points, 1);
    expect(thin).to.deep.include([points[37].x, -5]);
    expect(thin).to.deep.include([points[60].x, 9]);
    expect(thin[0]).to.deep.equal([0, 1]);
    expect(thin[thin.length - 1]).to.deep.equal([points[99].x, 1]);
    expect(thin.length).to.be.at.most(8);
  });
});
