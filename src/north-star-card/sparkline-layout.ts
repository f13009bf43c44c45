/**
 * Sparkline geometry for `<north-star-card>`: plain numbers and path strings from d3-scale and
 * d3-shape, no DOM. The element maps them to SVG attributes.
 */
import { scaleLinear } from 'd3-scale';
import { area, curveLinear, curveMonotoneX, line } from 'd3-shape';
import type { SeriesPoint } from '../core/read.js';
import { downsampleM4 } from './downsample.js';

export interface SparklineOptions {
  width: number;
  height: number;
  /** Room kept around the line for the markers (px). */
  inset?: number;
  /** Indices of points to mark as unusual. */
  anomalies?: readonly number[];
}

export interface SparklinePoint {
  index: number;
  x: number;
  y: number;
  date: number;
  value: number;
  anomaly: boolean;
}

export interface SparklineLayout {
  width: number;
  height: number;
  /** The line's `d`; empty with no points. */
  line: string;
  /** The filled area under the line down to the bottom edge. */
  area: string;
  points: SparklinePoint[];
  /** The latest point (last by date), marked on the chart. */
  latest: SparklinePoint | null;
  /** Y of the bottom edge (the area's baseline). */
  baseline: number;
  /** Extent of the values shown. */
  min: number;
  max: number;
  /**
   * Number of points the line and area are drawn through: all of them, or, for a series with more
   * than four points per pixel column, the first/lowest/highest/last of each column (`downsampleM4`).
   * `points` always has every point, so the readout reads exact values.
   */
  drawn: number;
}

export function sparklineLayout(series: readonly SeriesPoint[], options: SparklineOptions): SparklineLayout {
  const width = Math.max(1, options.width);
  const height = Math.max(1, options.height);
  const inset = options.inset ?? 4;
  const anomalies = new Set(options.anomalies ?? []);
  const empty: SparklineLayout = { width, height, line: '', area: '', points: [], latest: null, baseline: height, min: 0, max: 0, drawn: 0 };
  if (series.length === 0) return empty;

  let min = Infinity;
  let max = -Infinity;
  for (const point of series) {
    if (point.value < min) min = point.value;
    if (point.value > max) max = point.value;
  }
  const first = series[0].date;
  const last = series[series.length - 1].date;
  // One point (or all on one date): centre it. A flat series sits in the middle, not on an edge.
  const x = scaleLinear().domain(first === last ? [first - 1, first + 1] : [first, last]).range([inset, width - inset]);
  const y = scaleLinear().domain(min === max ? [min - 1, max + 1] : [min, max]).range([height - inset, inset]);

  const points: SparklinePoint[] = series.map((point, index) => ({
    index,
    x: round(x(point.date)),
    y: round(y(point.value)),
    date: point.date,
    value: point.value,
    anomaly: anomalies.has(index),
  }));
  // One bucket per pixel column of the plot (x rounded to 0.01 px moves no point visibly).
  const drawn = downsampleM4(points, { keep: anomalies });
  const downsampled = drawn.length < points.length;
  // Several points share a pixel column once downsampled: a smoothing curve would overshoot
  // between them (and is invisible at that density), so straight segments are drawn.
  const curve = downsampled ? curveLinear : curveMonotoneX;
  const lineGenerator = line<SparklinePoint>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curve);
  const areaGenerator = area<SparklinePoint>()
    .x((p) => p.x)
    .y0(height)
    .y1((p) => p.y)
    .curve(curve);
  return {
    width,
    height,
    line: lineGenerator(drawn) ?? '',
    area: areaGenerator(drawn) ?? '',
    points,
    latest: points[points.length - 1],
    baseline: height,
    min,
    max,
    drawn: drawn.length,
  };
}

/** Two decimals keep SVG paths short and snapshots stable. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
