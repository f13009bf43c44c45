import { expect } from '@open-wc/testing';
import { type KeyResult, type Objective, normalizeGoal } from '../../src/goal-progress/goal-data.js';
import { computeGoalStats } from '../../src/goal-progress/goal-math.js';
import { formatRate, goalSummary, goalTexts, objectiveSummary } from '../../src/goal-progress/goal-text.js';

const base = { name: 'Grow weekly active teams', baseline: 10000, target: 15000, value: 12000, start: '2026-10-01', deadline: '2026-12-31' };

describe('goal-data: normalizeGoal', () => {
  it('reads a SMART goal; dates without a time are midnight UTC', () => {
    const { value, issues } = normalizeGoal(base);
    expect(issues).to.deep.equal([]);
    const goal = value as KeyResult;
    expect(goal.kind).to.equal('goal');
    expect(goal.id).to.equal('grow-weekly-active-teams');
    expect(goal.start).to.equal(Date.UTC(2026, 9, 1));
    expect(goal.deadline).to.equal(Date.UTC(2026, 11, 31));
    expect(goal.tolerance).to.equal(0.1);
    expect(goal.direction).to.equal('increase');
  });
  it('accepts numeric strings and epoch milliseconds', () => {
    const { value } = normalizeGoal({ ...base, baseline: '10000', target: '15000.5', start: Date.UTC(2026, 9, 1) });
    expect((value as KeyResult).target).to.equal(15000.5);
  });
  it('relative targets "+20%" and "-15%" are relative to the baseline', () => {
    expect((normalizeGoal({ ...base, target: '+20%' }).value as KeyResult).target).to.equal(12000);
    const down = normalizeGoal({ ...base, baseline: 9, value: 8, target: '-15%' }).value as KeyResult;
    expect(down.target).to.equal(7.65);
    expect(down.direction).to.equal('decrease');
    expect(down.relativeTarget).to.equal('-15%');
  });
  it('relative target with baseline 0 is an error at target', () => {
    const { value, issues } = normalizeGoal({ ...base, baseline: 0, target: '+20%' });
    expect(value).to.equal(null);
    expect(issues[0].path).to.equal('target');
    expect(issues[0].message).to.match(/non-zero baseline/);
  });
  it('bad relative text is an error at target', () => {
    const { value, issues } = normalizeGoal({ ...base, target: '20 percent%' });
    expect(value).to.equal(null);
    expect(issues[0].path).to.equal('target');
  });
  it('deadline before (or at) start is an error with the path', () => {
    const { value, issues } = normalizeGoal({ ...base, deadline: '2026-09-01' });
    expect(value).to.equal(null);
    expect(issues).to.have.length(1);
    expect(issues[0].path).to.equal('deadline');
    expect(issues[0].message).to.match(/^must be after start \(2026-10-01\)/);
    expect(normalizeGoal({ ...base, deadline: base.start }).issues[0].path).to.equal('deadline');
  });
  it('non-numbers are errors at their paths', () => {
    for (const bad of ['abc', NaN, Infinity, null, '0x10', '1,234']) {
      const { value, issues } = normalizeGoal({ ...base, value: bad });
      expect(value, String(bad)).to.equal(null);
      expect(issues.map((i) => i.path)).to.include('value');
    }
    expect(normalizeGoal({ ...base, start: 'soon' }).issues[0].path).to.equal('start');
  });
  it('value and baseline may come from the series', () => {
    const { value } = normalizeGoal({
      name: 'x', target: 20, start: '2026-10-01', deadline: '2026-12-31',
      series: [['2026-09-20', 9], ['2026-10-01', 10], ['2026-11-01', 14]],
    });
    const goal = value as KeyResult;
    expect(goal.value).to.equal(14);
    expect(goal.baseline).to.equal(10);
  });
  it('a bad series point is dropped with its path; the goal is kept', () => {
    const { value, issues } = normalizeGoal({ ...base, series: [['2026-10-01', 1], ['2026-10-08', 'abc'], ['2026-10-15', 3]] });
    expect((value as KeyResult).series).to.have.length(2);
    expect(issues[0].path).to.equal('series[1][1]');
    expect(issues[0].message).to.match(/point dropped/);
  });
  it('a contradicting direction is reported and the sign of target − baseline wins', () => {
    const { value, issues } = normalizeGoal({ ...base, direction: 'decrease' });
    expect((value as KeyResult).direction).to.equal('increase');
    expect(issues[0].path).to.equal('direction');
  });
  it('tolerance and weight are checked, with defaults', () => {
    const { value, issues } = normalizeGoal({ ...base, tolerance: 5, weight: -1 });
    expect((value as KeyResult).tolerance).to.equal(0.1);
    expect((value as KeyResult).weight).to.equal(1);
    expect(issues.map((i) => i.path)).to.deep.equal(['weight', 'tolerance']);
  });
  it('ignores __proto__ and unknown fields', () => {
    const raw = JSON.parse('{"__proto__":{"polluted":1},"extra":1,"name":"x","baseline":0,"target":1,"value":0,"start":"2026-10-01","deadline":"2026-12-31"}');
    expect(normalizeGoal(raw).value).to.not.equal(null);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
  it('rejects what is not a goal', () => {
    expect(normalizeGoal([]).issues[0].path).to.equal('data');
    expect(normalizeGoal('x').value).to.equal(null);
    expect(normalizeGoal({ ...base, keyResults: 'no' }).issues[0].path).to.equal('keyResults');
  });
});

describe('goal-data: objectives', () => {
  const okr = {
    name: 'Make Teamwork the place teams collaborate',
    start: '2026-10-01',
    deadline: '2026-12-31',
    tolerance: 0.05,
    keyResults: [
      { name: 'WAT', baseline: 11000, target: 15000, value: 12840 },
      { name: 'Retention', baseline: 0.38, target: 0.45, value: 0.42, format: { style: 'percent' }, weight: 2 },
      { name: 'Tickets', baseline: 9, target: 6.5, value: 8.2, direction: 'decrease' },
    ],
  };
  it('key results inherit start, deadline and tolerance', () => {
    const { value, issues } = normalizeGoal(okr);
    expect(issues).to.deep.equal([]);
    const o = value as Objective;
    expect(o.kind).to.equal('objective');
    expect(o.keyResults).to.have.length(3);
    expect(o.keyResults[0].start).to.equal(o.start);
    expect(o.keyResults[2].tolerance).to.equal(0.05);
    expect(o.keyResults[1].weight).to.equal(2);
  });
  it('a bad key result is dropped with its path; the rest is shown', () => {
    const raw = { ...okr, keyResults: [okr.keyResults[0], { name: 'Bad', baseline: 0, target: '+20%', value: 1 }, okr.keyResults[2]] };
    const { value, issues } = normalizeGoal(raw);
    expect((value as Objective).keyResults.map((k) => k.name)).to.deep.equal(['WAT', 'Tickets']);
    expect(issues[0].path).to.equal('keyResults[1].target');
    expect(issues[0].message).to.match(/key result dropped$/);
  });
  it('an objective without a time box takes the key results’ earliest start and latest deadline', () => {
    const raw = {
      name: 'O',
      keyResults: [
        { name: 'a', baseline: 0, target: 1, value: 0, start: '2026-10-01', deadline: '2026-11-30' },
        { name: 'b', baseline: 0, target: 1, value: 0, start: '2026-10-15', deadline: '2026-12-31' },
      ],
    };
    const o = normalizeGoal(raw).value as Objective;
    expect(o.start).to.equal(Date.UTC(2026, 9, 1));
    expect(o.deadline).to.equal(Date.UTC(2026, 11, 31));
  });
  it('missing time box everywhere → errors at each key result path', () => {
    const { value, issues } = normalizeGoal({ name: 'O', keyResults: [{ name: 'a', baseline: 0, target: 1, value: 0 }] });
    expect(value).to.equal(null);
    expect(issues.map((i) => i.path)).to.include.members(['keyResults[0].start', 'keyResults[0].deadline', 'keyResults']);
  });
  it('the objective’s own deadline before its start is fatal at deadline', () => {
    const { value, issues } = normalizeGoal({ ...okr, deadline: '2026-01-01' });
    expect(value).to.equal(null);
    expect(issues[0].path).to.equal('deadline');
  });
});

describe('goal-text', () => {
  const as = Date.UTC(2026, 10, 23);
  it('summary states status, progress, time gone, rates and forecast', () => {
    const goal = normalizeGoal({
      ...base,
      name: 'Grow weekly active teams',
      value: 12500,
      series: [['2026-10-01', 10000], ['2026-10-22', 11000], ['2026-11-12', 12000], ['2026-11-23', 12500]],
    }).value as KeyResult;
    const stats = computeGoalStats(goal, as);
    const text = goalSummary(goal, stats, as, 'en-US');
    expect(text).to.match(/^Grow weekly active teams: (on track|at risk|off track) — 50% of the way from 10,000 to 15,000 with 58% of the time gone; needs \+\d{3}\/week, doing \+\d{3}\/week; forecast 1\d,\d{3} by Dec 31, 2026\.$/);
    // 50% ≥ 58% − 10%: on track
    expect(stats.status).to.equal('on-track');
  });
  it('rates of a percent goal are in percentage points per week', () => {
    expect(formatRate(0.0056, { format: { style: 'percent' } }, 'en-US')).to.equal('+0.6 pp/week');
    expect(formatRate(-0.3, {}, 'en-US')).to.equal('\u22120.3/week');
    expect(formatRate(1234, {}, 'en-US')).to.equal('+1,234/week');
    expect(formatRate(12_345, {}, 'en-US')).to.equal('+12.3K/week');
  });
  it('no pace or projection once achieved or missed; no NaN anywhere for target === baseline', () => {
    const goal = normalizeGoal({ ...base, baseline: 5, target: 5, value: 5 }).value as KeyResult;
    const stats = computeGoalStats(goal, as);
    const texts = goalTexts(goal, stats, as, 'en-US');
    expect(stats.status).to.equal('achieved');
    expect(texts.pace).to.equal(null);
    expect(JSON.stringify(texts)).to.not.match(/NaN|Infinity|∞/);
  });
  it('objective summary lists key results with their statuses', () => {
    const o = normalizeGoal({
      name: 'O', start: '2026-10-01', deadline: '2026-12-31',
      keyResults: [{ name: 'A', baseline: 0, target: 10, value: 6 }, { name: 'B', baseline: 0, target: 10, value: 2 }],
    }).value as Objective;
    const krs = o.keyResults.map((goal) => ({ goal, stats: computeGoalStats(goal, as) }));
    const stats = { progress: 0.4, expected: 53 / 91, status: 'at-risk' as const, forecastProgress: null, daysLeft: 38 };
    expect(objectiveSummary(o, stats, krs, 'en-US')).to.equal(
      'O: at risk — 40% of the way with 58% of the time gone; 2 key results: A 60% (on track), B 20% (off track).',
    );
  });
});
