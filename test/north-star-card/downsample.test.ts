import { expect } from '@open-wc/testing';
import { downsampleM4, m4Indices } from '../../src/north-star-card/downsample.js';
import { sparklineLayout } from '../../src/north-star-card/sparkline-layout.js';

/** `n` points spread over `width` px with a gentle wave. */
const wave = (n: number, width: number) =>
  Array.from({ length: n }, (_, i) => ({ x: (i / (n - 1)) * width, y: 50 + Math.sin(i / 300) * 10 }));

describe('north-star-card: downsampleM4', () => {
  it('keeps every point when there are no more than four per pixel column', () => {
    const points = wave(400, 100);
    expect(m4Indices(points)).to.have.length(400);
    expect(downsampleM4(points)).to.deep.equal(points);
    expect(m4Indices([])).to.deep.equal([]);
    expect(m4Indices([{ x: 3, y: 1 }])).to.deep.equal([0]);
  });

  it('reduces 100,000 points to at most four per column, first and last exact', () => {
    const points = wave(100_000, 500);
    const kept = m4Indices(points);
    expect(kept.length).to.be.at.most(4 * 501);
    expect(kept.length).to.be.greaterThan(500);
    expect(kept[0]).to.equal(0);
    expect(kept[kept.length - 1]).to.equal(99_999);
    for (let i = 1; i < kept.length; i++) expect(kept[i]).to.be.greaterThan(kept[i - 1]);
  });

  it('draws the same extremes in every pixel column (peaks and dips are kept)', () => {
    const points = wave(20_000, 200);
    points[7_321].y = 500; // a one-point spike
    points[15_002].y = -400; // a one-point dip
    const kept = new Set(m4Indices(points));
    expect(kept.has(7_321)).to.equal(true);
    expect(kept.has(15_002)).to.equal(true);
    const extent = (indices: Iterable<number>) => {
      const columns = new Map<number, [number, number]>();
      for (const i of indices) {
        const column = Math.floor(points[i].x);
        const [lo, hi] = columns.get(column) ?? [Infinity, -Infinity];
        columns.set(column, [Math.min(lo, points[i].y), Math.max(hi, points[i].y)]);
      }
      return columns;
    };
    expect(extent(kept)).to.deep.equal(extent(points.keys()));
  });

  it('keeps the indices it is asked to keep, and honours a wider bucket', () => {
    const points = wave(10_000, 100);
    expect(m4Indices(points, { keep: [5_000, 5_001, -3, 1e9] })).to.include.members([5_000, 5_001]);
    expect(m4Indices(points, { keep: [-3, 1e9] })).to.not.include.members([-3, 1e9]);
    expect(m4Indices(points, { bucket: 10 }).length).to.be.at.most(4 * 11);
  });

  it('skips points with a non-finite coordinate', () => {
    const points = wave(5_000, 10);
    points[2_500] = { x: points[2_500].x, y: NaN };
    const kept = m4Indices(points);
    expect(kept).to.not.include(2_500);
    expect(kept.length).to.be.at.most(4 * 11);
  });
});

describe('north-star-card: sparklineLayout of a long series', () => {
  const start = Date.UTC(2020, 0, 1);
  const series = Array.from({ length: 100_000 }, (_, i) => ({ date: start + i * 60_000, value: 1000 + Math.sin(i / 500) * 100 + i / 1000 }));

  it('draws a downsampled path but reads every exact point', () => {
    series[42_000] = { ...series[42_000], value: 5000 }; // an outage-sized spike
    const layout = sparklineLayout(series, { width: 600, height: 72, inset: 5, anomalies: [42_000] });
    expect(layout.points).to.have.length(100_000);
    expect(layout.points[42_000].value).to.equal(5000);
    expect(layout.drawn).to.be.at.most(4 * 592);
    expect(layout.line.length).to.be.lessThan(60_000);
    expect(layout.area.length).to.be.lessThan(80_000);
    expect(`${layout.line}${layout.area}`).not.to.match(/NaN|Infinity/);
    // Straight segments (no cubic curves) once downsampled; the first and last points are exact.
    expect(layout.line).to.not.include('C');
    const first = layout.points[0];
    const last = layout.points[99_999];
    expect(layout.line.startsWith(`M${first.x},${first.y}`)).to.equal(true);
    expect(layout.line.endsWith(`L${last.x},${last.y}`)).to.equal(true);
    // The spike is the top of the chart and is drawn.
    const spike = layout.points[42_000];
    expect(spike.y).to.equal(5);
    expect(layout.line).to.include(`L${spike.x},${spike.y}`);
  });

  it('keeps the smooth curve through every point of a short series', () => {
    const layout = sparklineLayout(series.slice(0, 50), { width: 600, height: 72, inset: 5 });
    expect(layout.drawn).to.equal(50);
    expect(layout.line).to.include('C');
  });
});
