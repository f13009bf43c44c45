import { expect } from '@open-wc/testing';
import { nearestPointIndex, readoutIndex } from '../../src/core/readout.js';

describe('readout: keyboard and pointer reading of chart points', () => {
  it('moves forward and back, clamped at the ends', () => {
    expect(readoutIndex('ArrowRight', 2, 5)).to.equal(3);
    expect(readoutIndex('ArrowUp', 4, 5)).to.equal(4);
    expect(readoutIndex('ArrowLeft', 2, 5)).to.equal(1);
    expect(readoutIndex('ArrowDown', 0, 5)).to.equal(0);
  });

  it('starts at the first point going right and at the last going left', () => {
    expect(readoutIndex('ArrowRight', null, 5)).to.equal(0);
    expect(readoutIndex('ArrowLeft', null, 5)).to.equal(4);
  });

  it('PageUp and PageDown move by a tenth of the series', () => {
    expect(readoutIndex('PageUp', 10, 100)).to.equal(20);
    expect(readoutIndex('PageDown', 10, 100)).to.equal(0);
    expect(readoutIndex('PageUp', 95, 100)).to.equal(99);
    expect(readoutIndex('PageUp', 1, 5)).to.equal(2);
    expect(readoutIndex('PageDown', null, 5)).to.equal(4);
  });

  it('Home and End jump; Escape hides, and is passed on when nothing is shown', () => {
    expect(readoutIndex('Home', 3, 5)).to.equal(0);
    expect(readoutIndex('End', null, 5)).to.equal(4);
    expect(readoutIndex('Escape', 3, 5)).to.equal(null);
    expect(readoutIndex('Escape', null, 5)).to.equal(undefined);
  });

  it('ignores other keys and empty charts', () => {
    expect(readoutIndex('a', 1, 5)).to.equal(undefined);
    expect(readoutIndex('Tab', 1, 5)).to.equal(undefined);
    expect(readoutIndex('ArrowRight', null, 0)).to.equal(undefined);
  });

  it('finds the nearest point by x, ties to the later one (as d3 bisectCenter)', () => {
    const points = [{ x: 0 }, { x: 10 }, { x: 30 }];
    expect(nearestPointIndex(points, -5)).to.equal(0);
    expect(nearestPointIndex(points, 4)).to.equal(0);
    expect(nearestPointIndex(points, 6)).to.equal(1);
    expect(nearestPointIndex(points, 20)).to.equal(2);
    expect(nearestPointIndex(points, 19)).to.equal(1);
    expect(nearestPointIndex(points, 21)).to.equal(2);
    expect(nearestPointIndex(points, 99)).to.equal(2);
    expect(nearestPointIndex([], 5)).to.equal(-1);
  });
});
