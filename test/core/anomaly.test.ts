import { expect } from '@open-wc/testing';
import { detectAnomalies } from '../../src/core/anomaly.js';

describe('core/anomaly (Hampel filter)', () => {
  it('finds a known dip and a known spike', () => {
    const values = [100, 102, 101, 103, 102, 104, 60, 103, 105, 104, 106, 150, 105, 107, 106];
    const found = detectAnomalies(values);
    expect(found.map((a) => a.index)).to.deep.equal([6, 11]);
    expect(found[0].value).to.equal(60);
    expect(found[0].score).to.be.below(-3);
    expect(found[1].score).to.be.above(3);
    expect(found[0].expected).to.be.within(101, 105);
  });
  it('finds an outlier at the very start and the very end', () => {
    const values = [300, 100, 101, 99, 100, 102, 101, 100, 99, 101, 100, 5];
    expect(detectAnomalies(values).map((a) => a.index)).to.deep.equal([0, 11]);
  });
  it('finds nothing in a clean noisy series', () => {
    const values = [100, 102, 99, 101, 103, 100, 98, 101, 102, 100, 99, 101, 100, 102];
    expect(detectAnomalies(values)).to.deep.equal([]);
  });
  it('finds nothing in a linear or a constant series', () => {
    expect(detectAnomalies(Array.from({ length: 30 }, (_, i) => 1000 + 37 * i))).to.deep.equal([]);
    expect(detectAnomalies(Array.from({ length: 30 }, (_, i) => -5 - 0.5 * i))).to.deep.equal([]);
    expect(detectAnomalies(Array.from({ length: 12 }, () => 7))).to.deep.equal([]);
  });
  it('falls back to the mean absolute deviation when most of the window is identical', () => {
    const values = [5, 5, 5, 5, 5, 5, 50, 5, 5, 5, 5];
    expect(detectAnomalies(values).map((a) => a.index)).to.deep.equal([6]);
  });
  it('needs at least five points', () => {
    expect(detectAnomalies([1, 1, 100, 1])).to.deep.equal([]);
    expect(detectAnomalies([])).to.deep.equal([]);
  });
  it('honours the threshold and window options', () => {
    const values = [10, 11, 10, 12, 10, 11, 16, 10, 11, 10, 12, 11];
    expect(detectAnomalies(values, { threshold: 3 }).map((a) => a.index)).to.include(6);
    expect(detectAnomalies(values, { threshold: 100 })).to.deep.equal([]);
    expect(detectAnomalies(values, { halfWindow: 2 }).map((a) => a.index)).to.include(6);
  });
});
