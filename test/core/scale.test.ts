import { expect } from '@open-wc/testing';
import * as d3 from 'd3-scale';
import { scaleLinear, scaleUtc, utcTicks } from '../../src/core/scale.js';

/** A small deterministic generator, so failures are reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

describe('core/scale (the d3-scale subset the layouts use)', () => {
  it('maps, clamps and inverts like scaleLinear', () => {
    const s = scaleLinear().domain([0, 200]).range([10, 110]);
    expect(s(50)).to.equal(35);
    expect(s(-100)).to.equal(-40);
    expect(s.invert(35)).to.equal(50);
    s.clamp(true);
    expect(s(-100)).to.equal(10);
    expect(s(1000)).to.equal(110);
    expect(s.clamp()).to.equal(true);
    expect(s.domain()).to.deep.equal([0, 200]);
    expect(s.range()).to.deep.equal([10, 110]);
    expect(scaleLinear()(0.25)).to.equal(0.25);
  });

  it('gives a collapsed domain the middle of the range instead of NaN', () => {
    expect(scaleLinear().domain([5, 5]).range([0, 100])(5)).to.equal(50);
  });

  it('agrees with d3-scale on nice() and ticks() for 3,000 random domains', () => {
    const next = random(7);
    for (let i = 0; i < 3000; i++) {
      const a = (next() - 0.3) * 10 ** Math.floor(next() * 7);
      const b = a + next() * 10 ** Math.floor(next() * 7);
      const count = 1 + Math.floor(next() * 8);
      const mine = scaleLinear().domain([a, b]).nice(count);
      const theirs = d3.scaleLinear().domain([a, b]).nice(count);
      expect(mine.domain(), `nice(${count}) of [${a}, ${b}]`).to.deep.equal(theirs.domain());
      expect(mine.ticks(count), `ticks(${count}) of [${a}, ${b}]`).to.deep.equal(theirs.ticks(count));
      const reversed = scaleLinear().domain([b, a]).nice(count);
      expect(reversed.domain()).to.deep.equal(d3.scaleLinear().domain([b, a]).nice(count).domain());
    }
  });

  it('agrees with d3-scale scaleUtc().ticks() from seconds to years', () => {
    const next = random(11);
    const start = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 3000; i++) {
      const t0 = start + next() * 3 * 365 * 864e5;
      const t1 = t0 + next() * 10 ** (4 + next() * 6.5) * 1000;
      const count = 2 + Math.floor(next() * 6);
      const mine = scaleUtc().domain([t0, t1]).ticks(count).map(Number);
      const theirs = d3.scaleUtc().domain([t0, t1]).ticks(count).map(Number);
      expect(mine, `${new Date(t0).toISOString()} – ${new Date(t1).toISOString()}, ${count}`).to.deep.equal(theirs);
    }
  });

  it('maps dates and returns Date ticks at UTC boundaries', () => {
    const s = scaleUtc().domain([new Date('2026-08-28T00:00:00Z'), new Date('2027-02-26T00:00:00Z')]).range([0, 600]);
    expect(s(new Date('2026-08-28T00:00:00Z'))).to.equal(0);
    expect(s(Date.parse('2027-02-26T00:00:00Z'))).to.equal(600);
    const ticks = s.ticks(6);
    expect(ticks.every((d) => d instanceof Date)).to.be.true;
    expect(ticks.map((d) => d.toISOString().slice(0, 10))).to.deep.equal(['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
  });

  it('returns no ticks for an empty or inverted request', () => {
    expect(utcTicks(10, 5, 4)).to.deep.equal([]);
    expect(utcTicks(0, 1000, 0)).to.deep.equal([]);
    expect(scaleLinear().domain([0, 1]).ticks(0)).to.deep.equal([]);
  });
});
