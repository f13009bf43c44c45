import { expect } from '@open-wc/testing';
import {
  anomalyText, ageText, cardFromCsv, cardSummary, computeCard, deltaTexts, guardrailStatus, normalizeCard, targetResult, targetText,
  valueText,
} from '../../src/north-star-card/card-model.js';
import { sparklineLayout } from '../../src/north-star-card/sparkline-layout.js';
import { nearestPointIndex as nearestIndex } from '../../src/core/readout.js';

const NOW = Date.UTC(2026, 10, 23, 9);
const series = Array.from({ length: 26 }, (_, i) => ({ date: Date.UTC(2026, 4, 25 + 7 * i), value: 8000 + 150 * i }));

export const wat = {
  name: 'Weekly active teams', value: 12840, previous: 11900, target: 15000, unit: 'teams', comparison: 'vs last week',
  series,
  guardrails: [
    { name: 'Support tickets per team', value: 4.6, previous: 4.1, direction: 'decrease', threshold: 4.5 },
    { name: 'p95 page load', value: 1.8, previous: 1.9, direction: 'decrease', threshold: 2.5, unit: 's' },
    { name: 'Weekly churned teams', value: 212, previous: 230, direction: 'decrease' },
  ],
  inputs: [
    { name: 'New teams activated', value: 1460, previous: 1310 },
    { name: '4-week team retention', value: 0.812, previous: 0.794, format: { style: 'percent', maximumFractionDigits: 1 } },
  ],
};

describe('north-star-card: normalizeCard', () => {
  it('accepts a full card', () => {
    const { value, issues } = normalizeCard(wat);
    expect(issues).to.deep.equal([]);
    expect(value!.metric.value).to.equal(12840);
    expect(value!.comparison).to.equal('vs last week');
    expect(value!.guardrails.map((g) => g.threshold)).to.deep.equal([4.5, 2.5, undefined]);
    expect(value!.inputs).to.have.length(2);
  });
  it('rejects a card whose own value is invalid, with the path', () => {
    expect(normalizeCard({ name: 'X', value: 'abc' })).to.deep.equal({
      value: null, issues: [{ path: 'value', message: 'expected a number, got "abc"' }],
    });
    expect(normalizeCard({ value: 1 }).issues).to.deep.equal([{ path: 'name', message: 'required, expected text' }]);
    expect(normalizeCard([1, 2]).issues).to.deep.equal([{ path: 'data', message: 'expected a metric object, got an array' }]);
    expect(normalizeCard(null).value).to.equal(null);
  });
  it('drops a bad guardrail, input or series point and keeps the rest', () => {
    const { value, issues } = normalizeCard({
      ...wat,
      series: [['2026-11-09', 11900], ['2026-11-16', 'n/a'], ['2026-11-23', 12840]],
      guardrails: [{ name: 'Bad', value: '4,6' }, { name: 'Good', value: 1, threshold: 'x' }],
      inputs: [{ value: 3 }],
    });
    expect(value!.metric.series).to.have.length(2);
    expect(value!.guardrails.map((g) => g.name)).to.deep.equal(['Good']);
    expect(value!.guardrails[0].threshold).to.equal(undefined);
    expect(value!.inputs).to.deep.equal([]);
    expect(issues).to.deep.equal([
      { path: 'series[1][1]', message: 'expected a number, got "n/a"; point dropped' },
      { path: 'guardrails[0].value', message: 'expected a number, got "4,6"; guardrail dropped' },
      { path: 'guardrails[1].threshold', message: 'expected a number, got "x"' },
      { path: 'inputs[0].name', message: 'required, expected text; input dropped' },
    ]);
  });
  it('makes duplicate row ids unique', () => {
    const { value } = normalizeCard({ name: 'X', value: 1, inputs: [{ name: 'A', value: 1 }, { name: 'A', value: 2 }] });
    expect(value!.inputs.map((i) => i.id)).to.deep.equal(['a', 'a-2']);
  });
  it('ignores prototype pollution attempts', () => {
    normalizeCard(JSON.parse('{"__proto__": {"polluted": 1}, "name": "X", "value": 1, "guardrails": [{"__proto__": {"polluted": 1}, "name": "G", "value": 1}]}'));
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('north-star-card: computeCard', () => {
  const model = normalizeCard(wat).value!;
  it('computes change, progress, breached guardrails', () => {
    const c = computeCard(model, NOW);
    expect(c.delta!.absolute).to.equal(940);
    expect(c.delta!.judgement).to.equal('good');
    expect(c.target!.progress).to.be.closeTo(0.856, 1e-9);
    expect(c.target!.reached).to.equal(false);
    expect(c.breached.map((g) => g.metric.name)).to.deep.equal(['Support tickets per team']);
    expect(c.guardrails.map((g) => g.status)).to.deep.equal(['breached', 'ok', null]);
    expect(c.guardrails[2].delta!.judgement).to.equal('good');
    expect(c.staleAge).to.equal(null);
    expect(c.anomalies).to.deep.equal([]);
  });
  it('judges guardrail thresholds by direction', () => {
    expect(guardrailStatus(4.6, 4.5, 'decrease')).to.equal('breached');
    expect(guardrailStatus(4.5, 4.5, 'decrease')).to.equal('near');
    expect(guardrailStatus(3.0, 4.5, 'decrease')).to.equal('ok');
    expect(guardrailStatus(0.79, 0.8, 'increase')).to.equal('breached');
    expect(guardrailStatus(0.81, 0.8, 'increase')).to.equal('near');
    expect(guardrailStatus(0.95, 0.8, 'increase')).to.equal('ok');
    expect(guardrailStatus(99, 1, 'neutral')).to.equal(null);
    expect(guardrailStatus(1, undefined, 'increase')).to.equal(null);
  });
  it('computes target progress for both directions', () => {
    expect(targetResult(12840, 15000, 'increase')).to.deep.equal({ target: 15000, progress: 0.856, ratio: 0.856, reached: false });
    expect(targetResult(18.5, 12, 'decrease').progress).to.be.closeTo(12 / 18.5, 1e-12);
    expect(targetResult(10, 12, 'decrease').reached).to.equal(true);
    expect(targetResult(5, 0, 'increase')).to.deep.equal({ target: 0, progress: null, ratio: null, reached: true });
  });
  it('marks a value stale after stale-after hours', () => {
    const stale = normalizeCard({ name: 'X', value: 1, updated: NOW - 50 * 3_600_000 }).value!;
    expect(computeCard(stale, NOW, { staleAfterHours: 24 }).staleAge).to.equal(50 * 3_600_000);
    expect(computeCard(stale, NOW, { staleAfterHours: 72 }).staleAge).to.equal(null);
    expect(computeCard(stale, NOW).staleAge).to.equal(null);
    expect(ageText(50 * 3_600_000, NOW, 'en-US')).to.equal('2 days ago');
    expect(ageText(7 * 86_400_000, NOW, 'en-US')).to.equal('7 days ago');
    expect(ageText(21 * 86_400_000, NOW, 'en-US')).to.equal('3 weeks ago');
  });
  it('finds anomalies only when asked', () => {
    const values = [100, 102, 101, 103, 102, 104, 60, 103, 105, 104, 106, 105];
    const m = normalizeCard({ name: 'X', series: values.map((v, i) => [Date.UTC(2026, 0, 1 + 7 * i), v]) }).value!;
    expect(computeCard(m, NOW).anomalies).to.deep.equal([]);
    const found = computeCard(m, NOW, { anomalies: true }).anomalies;
    expect(found.map((a) => a.index)).to.deep.equal([6]);
    expect(anomalyText(m, found, 'en-US')).to.match(/^Unusual point: Feb 12, 2026: 60 \(expected about 10\d\)\.$/);
  });
});

describe('north-star-card: text', () => {
  const model = normalizeCard(wat).value!;
  it('writes the summary sentence', () => {
    expect(cardSummary(model, computeCard(model, NOW), 'en-US')).to.equal(
      'Weekly active teams 12,840 teams, up 7.9% (+940) vs last week (good), 86% of target 15,000 teams; ' +
        '1 guardrail breached: Support tickets per team.',
    );
  });
  it('uses percentage points for rates', () => {
    const rate = normalizeCard({ name: 'Activation rate', value: 0.412, previous: 0.394, format: { style: 'percent', maximumFractionDigits: 1 } }).value!;
    const c = computeCard(rate, NOW);
    expect(deltaTexts(rate.metric, c.delta!, 'en-US')).to.deep.equal({ absolute: '+1.8 pp', relative: null, words: 'up 1.8 pp' });
    expect(cardSummary(rate, c, 'en-US')).to.equal('Activation rate 41.2%, up 1.8 pp vs previous period (good).');
  });
  it('says a drop of a decrease-is-good metric is good', () => {
    const m = normalizeCard({ name: 'Time to value', value: 18.5, previous: 22, direction: 'decrease', unit: 'h', target: 12 }).value!;
    const c = computeCard(m, NOW);
    expect(c.delta!.judgement).to.equal('good');
    expect(cardSummary(m, c, 'en-US')).to.equal('Time to value 18.5 h, down 15.9% (−3.5) vs previous period (good), 54% above target 12 h.');
  });
  it('formats target texts', () => {
    const m = model.metric;
    expect(targetText(m, targetResult(15500, 15000, 'increase'), 'en-US')).to.equal('target 15,000 teams reached (103%)');
    expect(targetText({ ...m, direction: 'decrease' }, targetResult(10, 12, 'decrease'), 'en-US')).to.equal('target 12 teams met');
    expect(valueText(m, 12840, 'de-DE')).to.equal('12.840 teams');
  });
  it('handles flat and neutral changes', () => {
    const m = normalizeCard({ name: 'N', value: 5, previous: 5, direction: 'neutral' }).value!;
    expect(cardSummary(m, computeCard(m, NOW), 'en-US')).to.equal('N 5, unchanged vs previous period.');
  });
});

describe('north-star-card: cardFromCsv', () => {
  it('turns date,value rows into a series with name, unit and target columns', () => {
    const rows = [
      { date: '2026-11-16', value: '12840', name: '', unit: '', target: '' },
      { date: '2026-11-09', value: '11900', name: 'Weekly active teams', unit: 'teams', target: '15000' },
    ];
    const { value, issues } = cardFromCsv(rows);
    expect(issues).to.deep.equal([]);
    const card = normalizeCard(value).value!;
    expect(card.metric).to.deep.include({ name: 'Weekly active teams', value: 12840, previous: 11900, unit: 'teams', target: 15000 });
  });
  it('falls back to the given name and drops bad rows', () => {
    const { value, issues } = cardFromCsv([{ date: '2026-11-09', value: '1' }, { date: 'x', value: '2' }], 'Signups');
    expect((value as { name: string }).name).to.equal('Signups');
    expect(issues).to.deep.equal([{ path: 'csv[1].date', message: 'expected an ISO 8601 date or epoch milliseconds, got "x"; point dropped' }]);
  });
  it('rejects CSV without date,value columns', () => {
    expect(cardFromCsv([{ when: '1', n: '2' }]).issues).to.deep.equal([{ path: 'src', message: 'CSV needs the columns date,value; got when,n' }]);
    expect(cardFromCsv([]).value).to.equal(null);
  });
});

describe('north-star-card: sparklineLayout', () => {
  it('maps points to the box with the latest point last', () => {
    const layout = sparklineLayout(
      [{ date: 0, value: 10 }, { date: 1, value: 20 }, { date: 2, value: 15 }],
      { width: 110, height: 50, inset: 5, anomalies: [1] },
    );
    expect(layout.points.map((p) => [p.x, p.y])).to.deep.equal([[5, 45], [55, 5], [105, 25]]);
    expect(layout.latest!.index).to.equal(2);
    expect(layout.points[1].anomaly).to.equal(true);
    expect(layout.line.startsWith('M5,45')).to.equal(true);
    expect(layout.area).to.match(/^M5,45/);
    expect(`${layout.line}${layout.area}`).not.to.match(/NaN|Infinity/);
  });
  it('centres a flat series and a single point without NaN', () => {
    const flat = sparklineLayout([{ date: 0, value: 3 }, { date: 1, value: 3 }], { width: 100, height: 40, inset: 0 });
    expect(flat.points.map((p) => p.y)).to.deep.equal([20, 20]);
    const one = sparklineLayout([{ date: 5, value: 3 }], { width: 100, height: 40, inset: 0 });
    expect(one.points[0]).to.deep.include({ x: 50, y: 20 });
    expect(sparklineLayout([], { width: 100, height: 40 }).line).to.equal('');
  });
  it('finds the nearest point to a pointer x', () => {
    const layout = sparklineLayout(series, { width: 260, height: 40, inset: 5 });
    expect(nearestIndex(layout.points, -20)).to.equal(0);
    expect(nearestIndex(layout.points, 1000)).to.equal(25);
    expect(nearestIndex(layout.points, layout.points[7].x + 1)).to.equal(7);
    expect(nearestIndex([], 3)).to.equal(-1);
  });
});
