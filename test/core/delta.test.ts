import { expect } from '@open-wc/testing';
import { ARROWS, MOVEMENT_WORDS, computeDelta, judge } from '../../src/core/delta.js';

describe('core/delta', () => {
  // direction × movement → judgement
  const table: Array<[number, number, 'increase' | 'decrease' | 'neutral', 'up' | 'down' | 'flat', 'good' | 'bad' | 'neutral']> = [
    [110, 100, 'increase', 'up', 'good'],
    [90, 100, 'increase', 'down', 'bad'],
    [100, 100, 'increase', 'flat', 'neutral'],
    [110, 100, 'decrease', 'up', 'bad'],
    [90, 100, 'decrease', 'down', 'good'],
    [100, 100, 'decrease', 'flat', 'neutral'],
    [110, 100, 'neutral', 'up', 'neutral'],
    [90, 100, 'neutral', 'down', 'neutral'],
    [100, 100, 'neutral', 'flat', 'neutral'],
  ];
  for (const [value, previous, direction, movement, judgement] of table) {
    it(`${direction}: ${previous} → ${value} is ${movement}, ${judgement}`, () => {
      const delta = computeDelta(value, previous, direction);
      expect(delta.movement).to.equal(movement);
      expect(delta.judgement).to.equal(judgement);
      expect(judge(movement, direction)).to.equal(judgement);
    });
  }
  it('computes absolute and relative change', () => {
    const delta = computeDelta(12840, 11900, 'increase');
    expect(delta.absolute).to.equal(940);
    expect(delta.relative).to.be.closeTo(0.078992, 1e-6);
  });
  it('uses |previous| for the relative change of negative values', () => {
    expect(computeDelta(-50, -100, 'increase').relative).to.equal(0.5);
  });
  it('gives no relative change against 0', () => {
    const delta = computeDelta(5, 0, 'increase');
    expect(delta.relative).to.equal(null);
    expect(delta.movement).to.equal('up');
  });
  it('treats floating noise as flat', () => {
    const delta = computeDelta(0.1 + 0.2, 0.3, 'increase');
    expect(delta.movement).to.equal('flat');
    expect(delta.absolute).to.equal(0);
    expect(delta.relative).to.equal(0);
  });
  it('has arrows and words for every movement', () => {
    expect(ARROWS).to.deep.equal({ up: '▲', down: '▼', flat: '▬' });
    expect(MOVEMENT_WORDS).to.deep.equal({ up: 'up', down: 'down', flat: 'unchanged' });
  });
});
