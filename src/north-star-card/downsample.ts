/**
 * Downsampling of a line chart to what a screen can show: per pixel column, the first, lowest,
 * highest and last point (the "M4" aggregation of Jugel et al., VLDB 2014). A line through those
 * points draws the same pixels as the line through every point, so peaks, dips and single
 * anomalous points stay visible, which averaging or every-n-th-point sampling would lose.
 * The first and last points of the series are always kept exactly. Pure: no DOM.
 */

export interface XY {
  x: number;
  y: number;
}

export interface DownsampleOptions {
  /** Width of one bucket in x units (px); default 1 (one bucket per pixel column). */
  bucket?: number;
  /** Indices that must be kept as well (e.g. points marked as unusual). */
  keep?: Iterable<number>;
}

/**
 * Indices (ascending) of the points to draw. `points` must be in x order (a sorted series).
 * Returns every index when there are no more than four points per bucket on average, since
 * nothing would be saved. Points with a non-finite x or y are skipped.
 */
export function m4Indices(points: readonly XY[], options: DownsampleOptions = {}): number[] {
  const n = points.length;
  const bucket = options.bucket !== undefined && options.bucket > 0 && Number.isFinite(options.bucket) ? options.bucket : 1;
  if (n === 0) return [];
  const span = points[n - 1].x - points[0].x;
  const buckets = Math.max(1, Math.ceil(span / bucket) + 1);
  if (n <= 4 * buckets) return Array.from({ length: n }, (_, i) => i);

  const chosen = new Set<number>(options.keep ? Array.from(options.keep).filter((i) => Number.isInteger(i) && i >= 0 && i < n) : []);
  chosen.add(0);
  chosen.add(n - 1);
  let current = NaN;
  let first = -1;
  let last = -1;
  let low = -1;
  let high = -1;
  const flush = () => {
    if (first < 0) return;
    chosen.add(first).add(low).add(high).add(last);
  };
  for (let i = 0; i < n; i++) {
    const { x, y } = points[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const column = Math.floor((x - points[0].x) / bucket);
    if (column !== current) {
      flush();
      current = column;
      first = last = low = high = i;
      continue;
    }
    last = i;
    if (y < points[low].y) low = i;
    if (y > points[high].y) high = i;
  }
  flush();
  return Array.from(chosen).sort((a, b) => a - b);
}

/** The points to draw (see `m4Indices`), in order. */
export function downsampleM4<T extends XY>(points: readonly T[], options: DownsampleOptions = {}): T[] {
  const indices = m4Indices(points, options);
  return indices.length === points.length ? points.slice() : indices.map((i) => points[i]);
}
