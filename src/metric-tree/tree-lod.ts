/**
 * The overview level of detail of <metric-tree> (bench/RESULTS.md F3): far zoomed out, a card is a
 * few px tall and thousands of them fit the view, so one SVG group per node costs hundreds of ms a
 * frame in paint alone. Below `AGGREGATE_BELOW` the element draws all shown cards as one `<path>` per
 * CSS class (one rectangle sub-path per node) and the links as one `<path>` per link class. Pure.
 */
import type { LayoutLink, LayoutNode, Rect, TreeLayout, ViewTransform } from './tree-layout.js';

/** Below this scale a card (60–82 layout px tall) is under ≈ 3–4 px on screen: draw the overview paths. */
export const AGGREGATE_BELOW = 0.05;

/** One path of the overview: the class list its elements would have, and the joined geometry. */
export interface ClassPath {
  className: string;
  d: string;
}

export interface AggregatePaths {
  /** One entry per distinct card class, in the order the classes first occur in the layout. */
  nodes: ClassPath[];
  /** One entry per distinct link class, likewise. */
  links: ClassPath[];
}

/** One decimal is far below a device pixel at this level, and keeps 10,000 sub-paths short. */
function num(value: number): string {
  // Half away from zero, so a card's left and right edges round alike.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/** The card's rectangle as one closed sub-path: `M x,y h w v h h −w z`. */
export function rectPath(node: Pick<LayoutNode, 'x' | 'y' | 'width' | 'height'>): string {
  return `M${num(node.x)},${num(node.y)}h${num(node.width)}v${num(node.height)}h${num(-node.width)}z`;
}

function group<T>(items: readonly T[], classOf: (item: T) => string, pathOf: (item: T) => string): ClassPath[] {
  const parts = new Map<string, string[]>();
  for (const item of items) {
    const key = classOf(item);
    let list = parts.get(key);
    if (!list) parts.set(key, (list = []));
    list.push(pathOf(item));
  }
  return [...parts].map(([className, list]) => ({ className, d: list.join('') }));
}

/**
 * All shown cards and links of `layout`, grouped by the class each would carry as its own element
 * (`nodeClass` / `linkClass`). A link's `d` already starts with a move-to, so the links join as they are.
 */
export function aggregatePaths(layout: TreeLayout, nodeClass: (node: LayoutNode) => string, linkClass: (link: LayoutLink) => string): AggregatePaths {
  return { nodes: group(layout.nodes, nodeClass, rectPath), links: group(layout.links, linkClass, (l) => l.d) };
}

/** Is a view at scale `k` drawn as the overview paths? */
export function isAggregate(k: number): boolean {
  return k < AGGREGATE_BELOW;
}

/** The transform that centres `rect` (layout px) in a `width` × `height` view at scale `k`. */
export function centreOn(rect: Rect, width: number, height: number, k: number): ViewTransform {
  return { k, x: width / 2 - ((rect.x0 + rect.x1) / 2) * k, y: height / 2 - ((rect.y0 + rect.y1) / 2) * k };
}
