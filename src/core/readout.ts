/**
 * Reading a chart's points by keyboard and pointer — shared by the card's sparkline and the goal's
 * burn-up chart, so both answer the same keys the same way.
 */
import { bisector } from 'd3-array';

const byX = bisector<{ x: number }, number>((point) => point.x);

/** Index of the point whose `x` is nearest to `x` (points sorted by `x`; a tie goes to the later point); -1 when there are none. */
export function nearestPointIndex(points: ReadonlyArray<{ x: number }>, x: number): number {
  return points.length === 0 ? -1 : byX.center(points, x);
}

/**
 * The point to read out after `key`, given the one read out now (`null`: none) and how many there are.
 * Right/Up move forward and Left/Down back by one point, PageUp/PageDown by a tenth of the series
 * (a long series is not read point by point); the first press starts at the first or last point.
 * Home and End jump to the ends; Escape hides the readout (as the ARIA slider pattern). Returns `undefined` for a key the chart
 * does not handle (including Escape with nothing shown), so the event can go on to the page.
 */
export function readoutIndex(key: string, active: number | null, count: number): number | null | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  const page = Math.max(1, Math.round(count / 10));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return active === null ? 0 : Math.min(last, active + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return active === null ? last : Math.max(0, active - 1);
    case 'PageUp':
      return active === null ? 0 : Math.min(last, active + page);
    case 'PageDown':
      return active === null ? last : Math.max(0, active - page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'Escape':
      return active === null ? undefined : null;
    default:
      return undefined;
  }
}
