/**
 * Small linear and UTC-time scales: the subset of d3-scale's `scaleLinear` / `scaleUtc` the elements
 * use (call, domain, range, clamp, nice, ticks, invert), without d3-scale's dependencies
 * (d3-interpolate, d3-color, d3-format, d3-time, d3-time-format: about 36 KB minified, 12 KB gzip of
 * the bundle). Numbers only: ranges are numeric, so no interpolator is needed. Pure, DOM-free.
 *
 * Drop-in for the call sites in the layouts: `scaleLinear().domain([a, b]).range([c, d]).clamp(true)`,
 * `.nice(4)`, `.ticks(5)`; `scaleUtc().domain([t0, t1]).range([c, d]).ticks(6)` (returns `Date`s).
 */
import { tickIncrement, tickStep, ticks as linearTicks } from 'd3-array';

export interface LinearScale {
  (value: number | Date): number;
  domain(): [number, number];
  domain(domain: ReadonlyArray<number | Date>): this;
  range(): [number, number];
  range(range: ReadonlyArray<number>): this;
  clamp(): boolean;
  clamp(clamp: boolean): this;
  invert(value: number): number;
  nice(count?: number): this;
  ticks(count?: number): number[];
  copy(): this;
}

export interface UtcScale {
  (value: number | Date): number;
  domain(): [number, number];
  domain(domain: ReadonlyArray<number | Date>): UtcScale;
  range(): [number, number];
  range(range: ReadonlyArray<number>): UtcScale;
  clamp(): boolean;
  clamp(clamp: boolean): UtcScale;
  invert(value: number): number;
  ticks(count?: number): Date[];
  copy(): UtcScale;
}

function base(): LinearScale {
  let d0 = 0;
  let d1 = 1;
  let r0 = 0;
  let r1 = 1;
  let clamped = false;
  const scale = ((value: number | Date) => {
    let t = d1 === d0 ? 0.5 : (+value - d0) / (d1 - d0);
    if (clamped) t = Math.max(0, Math.min(1, t));
    return r0 + t * (r1 - r0);
  }) as LinearScale;
  scale.domain = ((d?: ReadonlyArray<number | Date>) => {
    if (!d) return [d0, d1];
    d0 = +d[0];
    d1 = +d[d.length - 1];
    return scale;
  }) as LinearScale['domain'];
  scale.range = ((r?: ReadonlyArray<number>) => {
    if (!r) return [r0, r1];
    r0 = +r[0];
    r1 = +r[r.length - 1];
    return scale;
  }) as LinearScale['range'];
  scale.clamp = ((c?: boolean) => {
    if (c === undefined) return clamped;
    clamped = !!c;
    return scale;
  }) as LinearScale['clamp'];
  scale.invert = (value: number) => {
    let t = r1 === r0 ? 0.5 : (value - r0) / (r1 - r0);
    if (clamped) t = Math.max(0, Math.min(1, t));
    return d0 + t * (d1 - d0);
  };
  scale.nice = (count = 10) => {
    // d3-scale's linearish nice(): extend the domain to whole tick steps until the step is stable.
    const reverse = d1 < d0;
    let start = reverse ? d1 : d0;
    let stop = reverse ? d0 : d1;
    let previous: number | undefined;
    for (let i = 0; i < 10; i++) {
      const step = tickIncrement(start, stop, count);
      if (step === previous) {
        // Converged: apply (d3 leaves the domain alone when it does not converge).
        if (reverse) [d1, d0] = [start, stop];
        else [d0, d1] = [start, stop];
        break;
      }
      if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else break;
      previous = step;
    }
    return scale;
  };
  scale.ticks = (count = 10) => linearTicks(d0, d1, count);
  scale.copy = () => base().domain([d0, d1]).range([r0, r1]).clamp(clamped);
  return scale;
}

/** Like d3-scale's `scaleLinear()`: identity on [0, 1] until `domain()` and `range()` are set. */
export function scaleLinear(): LinearScale {
  return base();
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

type Unit = 'ms' | 'week' | 'month' | 'year';
/**
 * Tick intervals as d3-scale's UTC scale picks them: [unit, step, duration]. Up to two days they are
 * multiples of the duration since the epoch (d3's utcSecond … utcHour and unixDay intervals).
 */
const INTERVALS: Array<[Unit, number, number]> = [
  ['ms', 1, SECOND], ['ms', 5, 5 * SECOND], ['ms', 15, 15 * SECOND], ['ms', 30, 30 * SECOND],
  ['ms', 1, MINUTE], ['ms', 5, 5 * MINUTE], ['ms', 15, 15 * MINUTE], ['ms', 30, 30 * MINUTE],
  ['ms', 1, HOUR], ['ms', 3, 3 * HOUR], ['ms', 6, 6 * HOUR], ['ms', 12, 12 * HOUR],
  ['ms', 1, DAY], ['ms', 2, 2 * DAY], ['week', 1, WEEK],
  ['month', 1, MONTH], ['month', 3, 3 * MONTH], ['year', 1, YEAR],
];

/** UTC tick dates in [start, stop], at "nice" boundaries (midnights, Sundays, first of month, 1 January). */
export function utcTicks(start: number, stop: number, count: number): Date[] {
  if (!(count > 0) || !(stop >= start)) return [];
  const target = (stop - start) / count;
  let pick = INTERVALS.findIndex(([, , ms]) => ms > target);
  if (pick > 0 && target / INTERVALS[pick - 1][2] < INTERVALS[pick][2] / target) pick--;
  if (pick === 0) {
    const step = Math.max(1, tickStep(start, stop, count));
    const out: Date[] = [];
    for (let t = Math.ceil(start / step) * step; t <= stop; t += step) out.push(new Date(t));
    return out;
  }
  if (pick < 0) {
    // Years: a "nice" number of years, as d3 does.
    return everyUnit('year', Math.max(1, Math.round(tickStep(start / YEAR, stop / YEAR, count))), start, stop);
  }
  const [unit, step, ms] = INTERVALS[pick];
  if (unit === 'ms') {
    const out: Date[] = [];
    for (let t = Math.ceil(start / ms) * ms; t <= stop; t += ms) out.push(new Date(t));
    return out;
  }
  return everyUnit(unit, step, start, stop);
}

function everyUnit(unit: Unit, step: number, start: number, stop: number): Date[] {
  const out: Date[] = [];
  const d = new Date(start);
  d.setUTCHours(0, 0, 0, 0);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() - d.getUTCDay()); // back to Sunday, like d3's utcWeek
  if (unit === 'month' || unit === 'year') d.setUTCDate(1);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - (d.getUTCMonth() % step));
  if (unit === 'year') {
    d.setUTCMonth(0);
    d.setUTCFullYear(d.getUTCFullYear() - (d.getUTCFullYear() % step));
  }
  for (let guard = 0; guard < 10_000; guard++) {
    const t = d.getTime();
    if (t > stop) break;
    if (t >= start) out.push(new Date(t));
    if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * step);
    else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + step);
    else d.setUTCFullYear(d.getUTCFullYear() + step);
  }
  return out;
}

/** Like d3-scale's `scaleUtc()` for numeric ranges: takes dates or epoch ms, ticks at UTC boundaries. */
export function scaleUtc(): UtcScale {
  const linear = base();
  const scale = ((value: number | Date) => linear(value)) as unknown as UtcScale;
  scale.domain = ((d?: ReadonlyArray<number | Date>) => (d ? (linear.domain(d), scale) : linear.domain())) as UtcScale['domain'];
  scale.range = ((r?: ReadonlyArray<number>) => (r ? (linear.range(r), scale) : linear.range())) as UtcScale['range'];
  scale.clamp = ((c?: boolean) => (c === undefined ? linear.clamp() : (linear.clamp(c), scale))) as UtcScale['clamp'];
  scale.invert = (value: number) => linear.invert(value);
  scale.ticks = (count = 10) => {
    const [a, b] = linear.domain();
    return a <= b ? utcTicks(a, b, count) : utcTicks(b, a, count).reverse();
  };
  scale.copy = () => scaleUtc().domain(linear.domain()).range(linear.range()).clamp(linear.clamp());
  return scale;
}
