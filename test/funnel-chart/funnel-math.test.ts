import { expect } from '@open-wc/testing';
import { SMALL_SAMPLE, Z_95, analyzeFunnel, normalCdf, ratio, twoProportionTest, wilsonInterval } from '../../src/funnel-chart/funnel-math.js';

const close = (actual: number | null | undefined, expected: number, digits = 4) => expect(actual as number).to.be.closeTo(expected, 10 ** -digits);

describe('funnel-math: Wilson interval', () => {
  it('62 of 100 by hand', () => {
    // z = 1.959964, z² = 3.841459, p̂ = 0.62, n = 100
    // denominator = 1 + 3.841459/100 = 1.03841459
    // centre = (0.62 + 3.841459/200) / 1.03841459 = 0.639207 / 1.038415 = 0.615560
    // half = 1.959964 · √(0.62·0.38/100 + 3.841459/40000) / 1.038415 = 1.959964 · 0.049518 / 1.038415 = 0.093464
    const [low, high] = wilsonInterval(62, 100)!;
    close(low, 0.615560 - 0.093464);
    close(high, 0.615560 + 0.093464);
  });
  it('0 of 10: lower bound exactly 0, upper by hand', () => {
    // p̂ = 0: centre = (z²/20)/(1 + z²/10) = 0.192073/1.384146 = 0.138767; half = z·√(z²/400)/1.384146 = 1.959964·0.097998/1.384146 = 0.138767
    const [low, high] = wilsonInterval(0, 10)!;
    expect(low).to.equal(0);
    close(high, 0.277535);
  });
  it('10 of 10: upper bound 1', () => {
    const [low, high] = wilsonInterval(10, 10)!;
    expect(high).to.equal(1);
    close(low, 1 - 0.277535);
  });
  it('is null when not a proportion', () => {
    expect(wilsonInterval(5, 0)).to.equal(null);
    expect(wilsonInterval(12, 10)).to.equal(null);
    expect(wilsonInterval(-1, 10)).to.equal(null);
  });
  it('stays inside [0, 1] and finite for 1e12 trials', () => {
    const [low, high] = wilsonInterval(4e11, 1e12)!;
    expect(low).to.be.below(0.4).and.above(0.3999);
    expect(high).to.be.above(0.4).and.below(0.4001);
  });
});

describe('funnel-math: two-proportion z-test', () => {
  it('62/100 vs 50/100 by hand: not significant', () => {
    // pooled = 112/200 = 0.56; se = √(0.56·0.44·(1/100 + 1/100)) = √0.004928 = 0.070200; z = 0.12/0.0702 = 1.7094
    const test = twoProportionTest(62, 100, 50, 100)!;
    close(test.z, 1.7094, 3);
    expect(test.significant).to.equal(false);
    close(test.pValue, 0.0874, 3);
  });
  it('620/1000 vs 500/1000 by hand: significant', () => {
    // se = √(0.56·0.44·0.002) = 0.0221992; z = 0.12/0.0221992 = 5.4056
    const test = twoProportionTest(620, 1000, 500, 1000)!;
    close(test.z, 5.4056, 3);
    expect(test.significant).to.equal(true);
  });
  it('zero variance (both 0 %) is not significant; undefined proportions give null', () => {
    expect(twoProportionTest(0, 10, 0, 20)).to.deep.equal({ z: 0, pValue: 1, significant: false });
    expect(twoProportionTest(11, 10, 5, 10)).to.equal(null);
    expect(twoProportionTest(1, 0, 5, 10)).to.equal(null);
  });
  it('normal CDF at known points', () => {
    close(normalCdf(0), 0.5, 6);
    close(normalCdf(Z_95), 0.975, 5);
    close(normalCdf(-1), 0.158655, 5);
  });
  it('ratio is null for a zero denominator', () => {
    expect(ratio(1, 0)).to.equal(null);
    expect(ratio(0, 0)).to.equal(null);
    expect(ratio(3, 4)).to.equal(0.75);
  });
});

describe('funnel-math: analyzeFunnel', () => {
  it('matches a hand-computed table (comparison, a growing step, nulls)', () => {
    const result = analyzeFunnel([
      { name: 'A', value: 1000, previous: 900 },
      { name: 'B', value: 400, previous: 300 },
      { name: 'C', value: 100, previous: 90 },
      { name: 'D', value: 120 },
    ]);
    const [a, b, c, d] = result.stats;
    expect(a).to.deep.equal({
      name: 'A', value: 1000, fromPrevious: null, fromFirst: 1, dropOff: null, dropOffRate: null, interval: null,
      smallSample: false, previousFromPrevious: null, change: null, significant: null,
    });
    // B: 400/1000; previous 300/900 = 0.3333; change +6.67 pp.
    // pooled = 700/1900 = 0.368421; se = √(0.368421·0.631579·(1/1000 + 1/900)) = 0.022164; z = 0.066667/0.022164 = 3.008 → significant
    expect(b.fromPrevious).to.equal(0.4);
    expect(b.fromFirst).to.equal(0.4);
    expect(b.dropOff).to.equal(600);
    expect(b.dropOffRate).to.equal(0.6);
    close(b.previousFromPrevious, 1 / 3);
    close(b.change, 0.066667);
    expect(b.significant).to.equal(true);
    close(result.details[1].zScore, 3.008, 2);
    // Wilson 400/1000: centre = (0.4 + 0.0019207)/1.0038415 = 0.40038; half = 1.959964·√(0.00024 + 0.00000096)/1.0038415 = 0.030299
    close(b.interval![0], 0.40038 - 0.030299);
    close(b.interval![1], 0.40038 + 0.030299);
    // C: 100/400 = 0.25 vs 90/300 = 0.30 → −5 pp; pooled 190/700 = 0.271429; se = 0.033964; z = −1.472 → not significant
    expect(c.fromPrevious).to.equal(0.25);
    expect(c.fromFirst).to.equal(0.1);
    expect(c.dropOff).to.equal(300);
    expect(c.dropOffRate).to.equal(0.75);
    close(c.change, -0.05);
    expect(c.significant).to.equal(false);
    // D: growing (120 > 100): shown, negative drop-off, no interval, no comparison (no previous).
    expect(d).to.deep.equal({
      name: 'D', value: 120, fromPrevious: 1.2, fromFirst: 0.12, dropOff: -20, dropOffRate: -0.2, interval: null,
      smallSample: false, previousFromPrevious: null, change: null, significant: null,
    });
    expect(result.details.map((x) => x.growing)).to.deep.equal([false, false, false, true]);
    expect(result.biggestDropOff).to.equal(2);
    expect(result.details[2].biggestDropOff).to.equal(true);
    close(result.overall, 0.12);
    expect(result.previousOverall).to.equal(null);
    expect(result.maxValue).to.equal(1000);
  });

  it('a zero first step gives nulls, never NaN', () => {
    const result = analyzeFunnel([{ name: 'A', value: 0 }, { name: 'B', value: 0 }, { name: 'C', value: 0 }]);
    for (const s of result.stats) {
      expect(s.fromFirst).to.equal(null);
      expect(s.fromPrevious).to.equal(null);
      expect(s.dropOffRate).to.equal(null);
      expect(s.interval).to.equal(null);
      expect(s.smallSample).to.equal(true);
    }
    expect(result.stats[1].dropOff).to.equal(0);
    expect(result.biggestDropOff).to.equal(null);
    expect(result.overall).to.equal(null);
    expect(JSON.stringify(result)).not.to.match(/NaN|Infinity/);
  });

  it('flags small samples by the users who entered the step (fewer than 30)', () => {
    expect(SMALL_SAMPLE).to.equal(30);
    const result = analyzeFunnel([{ name: 'A', value: 40 }, { name: 'B', value: 29 }, { name: 'C', value: 10 }, { name: 'D', value: 5 }]);
    // A: its own 40; B: entered by 40; C: entered by 29 (< 30); D: entered by 10.
    expect(result.stats.map((s) => s.smallSample)).to.deep.equal([false, false, true, true]);
  });

  it('a single step', () => {
    const result = analyzeFunnel([{ name: 'Only', value: 12, previous: 10 }]);
    expect(result.stats).to.have.length(1);
    expect(result.stats[0].fromFirst).to.equal(1);
    expect(result.stats[0].change).to.equal(null);
    expect(result.biggestDropOff).to.equal(null);
    expect(result.overall).to.equal(1);
    expect(result.previousOverall).to.equal(null);
  });

  it('50+ steps and counts up to 1e12 stay finite', () => {
    const steps = Array.from({ length: 60 }, (_, i) => ({ name: `S${i}`, value: Math.round(1e12 * 0.9 ** i), previous: Math.round(9e11 * 0.9 ** i) }));
    const result = analyzeFunnel(steps);
    expect(result.stats).to.have.length(60);
    close(result.stats[59].fromPrevious, 0.9, 6);
    expect(JSON.stringify(result)).not.to.match(/NaN|Infinity/);
    expect(result.stats[1].interval![0]).to.be.below(0.9).and.above(0.8999);
  });

  it('previous missing on some steps: null change', () => {
    const result = analyzeFunnel([{ name: 'A', value: 100, previous: 80 }, { name: 'B', value: 50 }, { name: 'C', value: 25, previous: 20 }]);
    expect(result.stats[1].previousFromPrevious).to.equal(null);
    expect(result.stats[2].previousFromPrevious).to.equal(null);
    expect(result.stats[2].change).to.equal(null);
    expect(result.stats[2].significant).to.equal(null);
    close(result.previousOverall, 0.25);
    expect(result.overallChange).to.equal(0);
    expect(result.overallSignificant).to.equal(false);
  });

  it('segment conversions', () => {
    const result = analyzeFunnel([
      { name: 'A', value: 100, segments: { organic: 60, paid: 40 } },
      { name: 'B', value: 50, segments: { organic: 30, paid: 10 } },
      { name: 'C', value: 20, segments: { organic: 15, toString: 5 } },
    ]);
    expect(result.segmentKeys).to.deep.equal(['organic', 'paid', 'toString']);
    expect(result.details[1].segments).to.deep.equal([
      { key: 'organic', value: 30, fromPrevious: 0.5, fromFirst: 0.5 },
      { key: 'paid', value: 10, fromPrevious: 0.25, fromFirst: 0.25 },
      { key: 'toString', value: null, fromPrevious: null, fromFirst: null },
    ]);
    expect(result.details[2].segments[0]).to.deep.equal({ key: 'organic', value: 15, fromPrevious: 0.5, fromFirst: 0.25 });
    expect(result.details[1].unsegmented).to.equal(10);
    expect(result.details[0].unsegmented).to.equal(0);
  });
});
