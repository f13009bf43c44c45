/**
 * Anomaly detection with a Hampel filter: each point is compared with the median of a centred
 * window of its neighbours; it is unusual when it lies more than `threshold` robust standard
 * deviations (1.4826 × the median absolute deviation) from that median. Medians ignore the very
 * outliers they look for, which a mean ± k·σ band does not.
 */
import { median } from 'd3-array';

export interface AnomalyOptions {
  /** Neighbours on each side of a point (window = 2k + 1). */
  halfWindow?: number;
  /** Robust standard deviations beyond which a point is unusual. */
  threshold?: number;
}

export interface Anomaly {
  index: number;
  value: number;
  /** The window median the point was compared with. */
  expected: number;
  /** Signed distance in robust standard deviations. */
  score: number;
}

/** MAD → σ for normally distributed data. */
const MAD_SCALE = 1.4826;
/** Mean absolute deviation → σ, the fallback when more than half the window is identical. */
const MEAN_AD_SCALE = 1.2533;

export function detectAnomalies(values: readonly number[], options: AnomalyOptions = {}): Anomaly[] {
  const halfWindow = options.halfWindow ?? 3;
  const threshold = options.threshold ?? 3;
  const anomalies: Anomaly[] = [];
  // Fewer than five points give no stable median to compare with.
  if (values.length < 5) return anomalies;
  for (let index = 0; index < values.length; index++) {
    // Near the ends the window shifts inwards so it keeps its full size.
    let start = Math.max(0, index - halfWindow);
    let end = Math.min(values.length, start + 2 * halfWindow + 1);
    start = Math.max(0, end - 2 * halfWindow - 1);
    const window = values.slice(start, end);
    const center = median(window)!;
    const deviations = window.map((v) => Math.abs(v - center));
    let sigma = MAD_SCALE * median(deviations)!;
    if (sigma === 0) sigma = (MEAN_AD_SCALE * deviations.reduce((sum, d) => sum + d, 0)) / deviations.length;
    if (sigma === 0) continue;
    const score = (values[index] - center) / sigma;
    if (Math.abs(score) > threshold) anomalies.push({ index, value: values[index], expected: center, score });
  }
  return anomalies;
}
