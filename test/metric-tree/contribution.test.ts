import { expect } from '@open-wc/testing';
import { normalizeTree } from '../../src/metric-tree/tree-data.js';
import { checkFormula, computeContributions, driversOf, evaluateFormula } from '../../src/metric-tree/contribution.js';

const northStar = () =>
  normalizeTree({
    name: 'Weekly active teams', value: 12840, previous: 11900, formula: 'sum',
    children: [
      { name: 'New teams', value: 1420, previous: 1000, formula: 'product', children: [
        { name: 'Signups', value: 3380, previous: 2500 },
        { name: 'Activation rate', value: 0.42, previous: 0.4, format: { style: 'percent' } },
      ] },
      { name: 'Retained teams', value: 11710, previous: 11100 },
      { name: 'Churned teams', value: 290, previous: 200, relation: 'negative', direction: 'decrease' },
    ],
  }).value!;

describe('metric-tree/contribution', () => {
  it('sum: each child contributes its own change, a negative child subtracted', () => {
    const tree = northStar();
    const result = computeContributions(tree);
    expect(result.contributions.get('new-teams')!.amount).to.equal(420);
    expect(result.contributions.get('retained-teams')!.amount).to.equal(610);
    expect(result.contributions.get('churned-teams')!.amount).to.equal(-90);
    // The contributions add up to the parent's change: 420 + 610 − 90 = 940 = 12,840 − 11,900.
    expect(result.contributions.get('retained-teams')!.share).to.be.closeTo(610 / 940, 1e-12);
    expect(result.topDriver.get('weekly-active-teams')).to.equal('retained-teams');
    expect(driversOf(tree, result, 'weekly-active-teams').map((c) => c.childId)).to.deep.equal(['retained-teams', 'new-teams']);
  });

  it('product: log shares of the parent change', () => {
    const result = computeContributions(northStar());
    const parentLog = Math.log(1420 / 1000);
    const signups = result.contributions.get('signups')!;
    const rate = result.contributions.get('activation-rate')!;
    // By hand: ln(3380/2500) = 0.301585, ln(0.42/0.40) = 0.048790, ln(1.42) = 0.350657.
    expect(signups.share).to.be.closeTo(0.301585 / 0.350657, 1e-5);
    expect(signups.amount).to.be.closeTo(361.22, 0.01);
    expect(rate.amount).to.be.closeTo((Math.log(1.05) / parentLog) * 420, 1e-9);
    expect(rate.amount).to.be.closeTo(58.44, 0.01);
    expect(result.topDriver.get('new-teams')).to.equal('signups');
    // 3,380 × 0.42 = 1,419.6: within 1 % of 1,420, not flagged.
    expect(result.checks.get('new-teams')!.mismatch).to.equal(false);
    expect(result.checks.get('weekly-active-teams')!.expected).to.equal(12840);
  });

  it('product: a negative child divides', () => {
    const tree = normalizeTree({
      name: 'Revenue per seat', value: 50, previous: 40, formula: 'product',
      children: [{ name: 'Revenue', value: 5000, previous: 4000 }, { name: 'Seats', value: 100, previous: 100, relation: 'negative' }],
    }).value!;
    const result = computeContributions(tree);
    expect(result.checks.get('revenue-per-seat')!.expected).to.equal(50);
    expect(result.contributions.get('revenue')!.amount).to.be.closeTo(10, 1e-9);
    expect(result.contributions.get('seats')!.amount).to.equal(0);
  });

  it('flags a parent more than 1 % off its formula, in either period', () => {
    const off = normalizeTree({ name: 'P', value: 110, previous: 100, formula: 'sum', children: [{ name: 'A', value: 50, previous: 50 }, { name: 'B', value: 50, previous: 50 }] }).value!;
    const check = checkFormula(off.nodes.get('p')!, [off.nodes.get('a')!, off.nodes.get('b')!])!;
    expect(check.expected).to.equal(100);
    expect(check.deviation).to.be.closeTo(0.1, 1e-12);
    expect(check.mismatch).to.equal(true);
    const close = normalizeTree({ name: 'P', value: 100.9, previous: 100, formula: 'sum', children: [{ name: 'A', value: 50, previous: 50 }, { name: 'B', value: 50, previous: 50 }] }).value!;
    expect(computeContributions(close).checks.get('p')!.mismatch).to.equal(false);
    const previousOff = normalizeTree({ name: 'P', value: 100, previous: 90, formula: 'sum', children: [{ name: 'A', value: 50, previous: 50 }, { name: 'B', value: 50, previous: 50 }] }).value!;
    expect(computeContributions(previousOff).checks.get('p')!.mismatch).to.equal(true);
  });

  it('computes nothing it cannot: missing values, zero or negative values in a product, a parent that did not move', () => {
    expect(evaluateFormula('sum', [{ value: 1, relation: 'positive' }, { relation: 'positive' }])).to.equal(null);
    expect(evaluateFormula('product', [{ value: 2, relation: 'positive' }, { value: 0, relation: 'negative' }])).to.equal(null);
    const tree = normalizeTree({
      name: 'P', value: 100, previous: 100, formula: 'product',
      children: [{ name: 'A', value: 10, previous: 5 }, { name: 'B', value: 10, previous: 20 }],
    }).value!;
    const result = computeContributions(tree);
    expect(result.contributions.size).to.equal(0);
    expect(result.topDriver.size).to.equal(0);
    const partial = normalizeTree({ name: 'P', value: 10, previous: 5, formula: 'sum', children: [{ name: 'A', value: 10, previous: 5 }, { name: 'B', value: 1 }] }).value!;
    const r2 = computeContributions(partial);
    expect(r2.contributions.get('a')!.amount).to.equal(5);
    expect(r2.contributions.has('b')).to.equal(false);
    expect(r2.checks.get('p')!.expected).to.equal(11);
  });

  it('hypothesised links (no formula) have no contributions', () => {
    const tree = normalizeTree({ name: 'P', value: 10, previous: 5, children: [{ name: 'A', value: 10, previous: 5, weight: 0.5 }] }).value!;
    const result = computeContributions(tree);
    expect(result.contributions.size).to.equal(0);
    expect(result.checks.size).to.equal(0);
  });

  it('top driver: the largest contribution in the direction of the change', () => {
    const tree = normalizeTree({
      name: 'P', value: 90, previous: 100, formula: 'sum',
      children: [{ name: 'Up', value: 80, previous: 50 }, { name: 'Down', value: 10, previous: 50 }],
    }).value!;
    // Up +30, Down −40: P fell by 10, so "Down" explains the fall.
    expect(computeContributions(tree).topDriver.get('p')).to.equal('down');
  });
});
