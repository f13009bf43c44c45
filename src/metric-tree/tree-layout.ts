/**
 * `<metric-tree>` geometry: text width estimates, node card sizes, a tidy tree layout for boxes of
 * different sizes (d3-hierarchy's Reingold–Tilford `tree()` with `nodeSize([1, 1])` and a separation
 * in pixels), link paths, culling to a visible rectangle and the transform that fits the tree into a
 * view. Pure and DOM-free; every walk is iterative (d3-hierarchy's `hierarchy()`, `eachBefore` and
 * `eachAfter`, which `tree()` uses, are loops too), so a 20,000-deep chain lays out fine.
 */
import { hierarchy, tree as d3tree, type HierarchyNode, type HierarchyPointNode } from 'd3-hierarchy';
import type { MetricTreeData } from './tree-data.js';

export type Orientation = 'vertical' | 'horizontal';

// ---------------------------------------------------------------------------------------------
// Text width, from character counts (no canvas, no DOM: the same answer in tests and in any page).

const NARROW = new Set([...'ijlI.,:;!|\'`()[]{}ft/\\ ']);
const WIDE = new Set([...'mwMW@%']);

/**
 * The per-character widths below suit Segoe UI / SF; scaled by this, the estimate also covers the
 * widest common UI sans (DejaVu Sans, Linux's usual system-ui, measured 10–19 % wider): a card a
 * little wide beats text spilling out of it.
 */
const LATIN_SCALE = 1.12;
/** Bold text: DejaVu Sans Bold is ~13 % wider than its regular weight (Segoe UI's ~5 %). */
const BOLD_SCALE = 1.14;

/** Approximate width of one character in em, for a system sans-serif. */
function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code > 0xffff) return 1.15; // emoji and other astral characters
  if ((code >= 0x1100 && code <= 0x11ff) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60)) return 1;
  if (code >= 0x0300 && code <= 0x036f) return 0; // combining marks
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0xfe0f) return 0;
  if (NARROW.has(char)) return 0.3 * LATIN_SCALE;
  if (char === 'r') return 0.36 * LATIN_SCALE;
  if (WIDE.has(char)) return 0.86 * LATIN_SCALE;
  if (char >= '0' && char <= '9') return 0.57 * LATIN_SCALE;
  if (char === '▲' || char === '▼' || char === '▬' || char === '★' || char === '⚠') return 0.8 * LATIN_SCALE;
  if (char.toUpperCase() === char && char.toLowerCase() !== char) return 0.67 * LATIN_SCALE;
  return 0.54 * LATIN_SCALE;
}

/**
 * Estimated rendered width of `text` in px. Deliberately a little generous (the cards must never
 * be too narrow for their text); bold text is taken as 14 % wider. Long strings are measured up to `limit` px.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false, limit = Infinity): number {
  const factor = fontSize * (bold ? BOLD_SCALE : 1);
  let width = 0;
  for (const char of text) {
    width += charWidth(char) * factor;
    if (width > limit) break;
  }
  return width;
}

/** Measures text in px; the element passes the browser's own measurement, tests the estimate. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

const estimate: MeasureText = (text, fontSize, bold) => estimateTextWidth(text, fontSize, bold);

/** `text` cut to fit `maxWidth` px, with an ellipsis when cut (binary search on the prefix length). */
export function truncateText(text: string, maxWidth: number, fontSize: number, bold = false, measure: MeasureText = estimate): string {
  if (measure === estimate ? estimateTextWidth(text, fontSize, bold, maxWidth + 1) <= maxWidth : measure(text, fontSize, bold) <= maxWidth) return text;
  // Nothing longer than ~2 px per character can fit, so long strings are cut before measuring.
  const chars = Array.from(text.slice(0, Math.max(8, Math.ceil(maxWidth / 2)) * 2)).slice(0, Math.max(8, Math.ceil(maxWidth / 2)));
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Node cards.

/** The texts a card shows; the element formats them (locale) and passes them in. */
export interface CardText {
  name: string;
  value: string;
  change: string;
  kind?: string;
  hasSparkline: boolean;
  /** A ⚠ for a formula mismatch is drawn beside the name. */
  flagged?: boolean;
}

export interface CardGeometry {
  width: number;
  height: number;
  /** The name as shown (maybe truncated). */
  name: string;
  kind?: string;
  /** Width of the kind pill (0 without a kind). */
  kindWidth: number;
  /** The pill sits beside the name, or on the value line when beside the name it would cut the name. */
  kindRow: 'name' | 'value';
}

export const CARD = {
  minWidth: 148,
  maxWidth: 288,
  padding: 10,
  nameSize: 13,
  valueSize: 16,
  changeSize: 12,
  kindSize: 10.5,
  heightPlain: 60,
  heightSparkline: 82,
} as const;

/** Card size for its content: wide enough for name (+ tag) and value + change, within bounds. */
export function measureCard(text: CardText, measure: MeasureText = estimate): CardGeometry {
  const pad = CARD.padding;
  const kind = text.kind ? truncateText(text.kind, 80, CARD.kindSize, false, measure) : undefined;
  const kindWidth = kind ? Math.ceil(measure(kind, CARD.kindSize, false) + 14) : 0;
  // Room between the name and what follows it on its line.
  const gap = kind || text.flagged ? 8 : 0;
  const flagWidth = text.flagged ? 18 : 0;
  const nameWidth = measure === estimate ? estimateTextWidth(text.name, CARD.nameSize, true, CARD.maxWidth) : measure(text.name.slice(0, 200), CARD.nameSize, true);
  const valueLine = measure(text.value, CARD.valueSize, true) + 8 + measure(text.change, CARD.changeSize, true);
  let kindRow: CardGeometry['kindRow'] = 'name';
  let wanted = Math.max(nameWidth + gap + kindWidth + flagWidth, valueLine) + 2 * pad;
  if (kind && wanted > CARD.maxWidth) {
    // The name would be cut beside its pill: the pill moves to the end of the value line when it fits there.
    const onValueLine = Math.max(nameWidth + (text.flagged ? 8 + flagWidth : 0), valueLine + 12 + kindWidth) + 2 * pad;
    if (valueLine + 12 + kindWidth + 2 * pad <= CARD.maxWidth) {
      kindRow = 'value';
      wanted = onValueLine;
    }
  }
  const width = Math.ceil(Math.min(CARD.maxWidth, Math.max(CARD.minWidth, wanted)));
  const beside = kindRow === 'name' ? gap + kindWidth : text.flagged ? 8 : 0;
  const name = truncateText(text.name, width - 2 * pad - beside - flagWidth, CARD.nameSize, true, measure);
  return { width, height: text.hasSparkline ? CARD.heightSparkline : CARD.heightPlain, name, kind, kindWidth, kindRow };
}

// ---------------------------------------------------------------------------------------------
// Tidy layout.

export interface LayoutOptions {
  orientation: Orientation;
  /** Gap between siblings, px. */
  siblingGap?: number;
  /** Gap between nodes of different parents at the same depth, px. */
  cousinGap?: number;
  /** Gap between levels, px (room for the toggle and the link label). */
  levelGap?: number;
  /**
   * Vertical only: a parent whose shown children are all leaves (or closed) and at least
   * `compactLeaves` many gets them as one indented column instead of a row, like an org chart's
   * compact mode — a far narrower tree. Off when 0 or absent.
   */
  compactLeaves?: number;
}

export interface LayoutNode {
  id: string;
  /** Top-left corner and size of the card, in layout px. */
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
  parentId: string | null;
  /** Position among its siblings (1-based) and their number: aria-posinset / aria-setsize. */
  posinset: number;
  setsize: number;
  /** Shown children (0 when collapsed or a leaf). */
  shownChildren: number;
}

export interface LayoutLink {
  /** The child's id (a link is the child's link to its parent). */
  id: string;
  parentId: string;
  d: string;
  /** Midpoint of the curve (the "−" marker of a negative relation). */
  mid: [number, number];
  /** Where the label goes: beside the child end, on the side away from the incoming curve. */
  label: [number, number];
  labelAnchor: 'start' | 'end';
  bounds: Rect;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TreeLayout {
  orientation: Orientation;
  /** Shown nodes in pre-order (the order of Up/Down). */
  nodes: LayoutNode[];
  byId: Map<string, LayoutNode>;
  links: LayoutLink[];
  bounds: Rect;
}

interface Item {
  id: string;
  children: Item[] | null;
  /** A column of leaves stacked under their parent (compact layout): their ids. */
  stack?: string[];
}

/** Compact layout: the indent of a stacked column (room for the spine and the "−" marker). */
export const STACK_INDENT = 28;
/** Compact layout: the gap between stacked cards (room for a link label). */
export const STACK_GAP = 20;

/**
 * Lays out the shown part of the tree (a node's children are shown when `isExpanded(id)`), each
 * node a box of `size(id)`. Boxes never overlap: along the breadth axis d3's tidy tree keeps
 * neighbours at the same depth at least (half their sizes + gap) apart; along the depth axis each
 * level starts below the tallest box of the level above.
 */
export function layoutTree(
  data: MetricTreeData,
  isExpanded: (id: string) => boolean,
  size: (id: string) => { width: number; height: number },
  options: LayoutOptions,
): TreeLayout {
  const vertical = options.orientation === 'vertical';
  const siblingGap = options.siblingGap ?? 16;
  const cousinGap = options.cousinGap ?? 32;
  const levelGap = options.levelGap ?? (vertical ? 64 : 104);

  const compact = vertical && (options.compactLeaves ?? 0) > 0 ? options.compactLeaves! : Infinity;
  const shownChildren = (id: string) => {
    const node = data.nodes.get(id)!;
    return node.childIds.length && isExpanded(id) ? node.childIds : null;
  };
  const sizes = new Map<string, { width: number; height: number }>();
  const sizeOf = (id: string) => {
    let s = sizes.get(id);
    if (!s) sizes.set(id, (s = size(id)));
    return s;
  };

  // The shown tree as plain items, built iteratively.
  const rootItem: Item = { id: data.rootId, children: null };
  const stack: Item[] = [rootItem];
  while (stack.length) {
    const item = stack.pop()!;
    const childIds = shownChildren(item.id);
    if (!childIds) continue;
    if (childIds.length >= compact && childIds.every((id) => !shownChildren(id))) {
      // One box for the column: its size is the column's.
      const id = `\u0000stack:${item.id}`;
      let width = 0;
      let height = -STACK_GAP;
      for (const child of childIds) {
        width = Math.max(width, sizeOf(child).width);
        height += sizeOf(child).height + STACK_GAP;
      }
      sizes.set(id, { width: width + STACK_INDENT, height });
      item.children = [{ id, children: null, stack: childIds }];
      continue;
    }
    item.children = childIds.map((id) => ({ id, children: null }));
    for (const child of item.children) stack.push(child);
  }
  const breadth = (id: string) => (vertical ? sizeOf(id).width : sizeOf(id).height);
  const extent = (id: string) => (vertical ? sizeOf(id).height : sizeOf(id).width);

  // Depth axis: each level starts after the largest box of the previous level. A column of stacked
  // leaves counts with its first card only: it hangs down into the levels below instead, which
  // hold a chain of empty "phantom" boxes as wide as the column, so that d3's tidy layout keeps
  // every deeper node clear of it (it separates nodes level by level).
  const root = hierarchy<Item>(rootItem, (d) => d.children);
  const isPhantom = (id: string) => id.startsWith('\u0000phantom:');
  const levelExtent: number[] = [];
  const stacks: Array<HierarchyNode<Item>> = [];
  root.each((n) => {
    const h = n.data.stack ? sizeOf(n.data.stack[0]).height : extent(n.data.id);
    levelExtent[n.depth] = Math.max(levelExtent[n.depth] ?? 0, h);
    if (n.data.stack) stacks.push(n);
  });
  const levelStart: number[] = [0];
  const startOf = (depth: number) => {
    for (let i = levelStart.length; i <= depth; i++) levelStart[i] = levelStart[i - 1] + (levelExtent[i - 1] ?? 0) + levelGap;
    return levelStart[depth];
  };
  startOf(levelExtent.length - 1);
  if (stacks.length) {
    for (const stackNode of stacks) {
      const bottom = startOf(stackNode.depth) + sizeOf(stackNode.data.id).height;
      let parentItem = stackNode.data;
      for (let depth = stackNode.depth + 1; startOf(depth) < bottom + STACK_GAP; depth++) {
        const phantom: Item = { id: `\u0000phantom:${depth}:${stackNode.data.id}`, children: null };
        sizes.set(phantom.id, { width: sizeOf(stackNode.data.id).width, height: 0 });
        parentItem.children = [phantom];
        parentItem = phantom;
      }
    }
  }
  const laidOut = d3tree<Item>()
    .nodeSize([1, 1])
    .separation((a, b) => (breadth(a.data.id) + breadth(b.data.id)) / 2 + (a.parent === b.parent ? siblingGap : cousinGap))(
      stacks.length ? hierarchy<Item>(rootItem, (d) => d.children) : root,
    );

  const nodes: LayoutNode[] = [];
  const byId = new Map<string, LayoutNode>();
  const bounds: Rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const add = (node: LayoutNode) => {
    nodes.push(node);
    byId.set(node.id, node);
    bounds.x0 = Math.min(bounds.x0, node.x);
    bounds.y0 = Math.min(bounds.y0, node.y);
    bounds.x1 = Math.max(bounds.x1, node.x + node.width);
    bounds.y1 = Math.max(bounds.y1, node.y + node.height);
  };
  const stacked = new Set<string>();
  laidOut.eachBefore((n: HierarchyPointNode<Item>) => {
    const id = n.data.id;
    if (isPhantom(id)) return;
    const { width, height } = sizeOf(id);
    if (n.data.stack) {
      // The column's cards, top to bottom, indented from the column's left edge.
      const parentId = n.parent!.data.id;
      let y = startOf(n.depth);
      const left = n.x - width / 2 + STACK_INDENT;
      n.data.stack.forEach((childId, index) => {
        const size = sizeOf(childId);
        stacked.add(childId);
        add({ id: childId, x: left, y, width: size.width, height: size.height, depth: n.depth, parentId, posinset: index + 1, setsize: n.data.stack!.length, shownChildren: 0 });
        y += size.height + STACK_GAP;
      });
      return;
    }
    const depthPos = startOf(n.depth);
    // Boxes are centred on the breadth coordinate and start where their level starts on the depth axis.
    const x = vertical ? n.x - width / 2 : depthPos;
    const y = vertical ? depthPos : n.x - height / 2;
    const siblings = n.parent ? n.parent.children! : [n];
    const node: LayoutNode = {
      id,
      x,
      y,
      width,
      height,
      depth: n.depth,
      parentId: n.parent ? n.parent.data.id : null,
      posinset: siblings.indexOf(n) + 1,
      setsize: siblings.length,
      shownChildren: n.children ? (n.children[0].data.stack?.length ?? n.children.length) : 0,
    };
    add(node);
  });

  const links: LayoutLink[] = [];
  let previous: LayoutNode | null = null;
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const parent = byId.get(node.parentId)!;
    if (stacked.has(node.id)) {
      links.push(stackLinkGeometry(parent, node, node.posinset === 1 ? null : previous, levelGap));
      previous = node;
    } else links.push(linkGeometry(parent, node, vertical));
  }
  return { orientation: options.orientation, nodes, byId, links, bounds };
}

/**
 * A link into a stacked column: down from the parent to the column's spine, down the spine and
 * right into the card. Each link draws only its own stretch of the spine (from the card above), so
 * no two links overlap and each keeps its own dash pattern.
 */
function stackLinkGeometry(parent: LayoutNode, child: LayoutNode, above: LayoutNode | null, levelGap: number): LayoutLink {
  const spineX = child.x - STACK_INDENT / 2;
  const cy = child.y + child.height / 2;
  // The first card of a column is reached from the parent's bottom centre; the others from the card above.
  let d: string;
  let top: number;
  let fromX = spineX;
  if (above === null) {
    fromX = parent.x + parent.width / 2;
    top = parent.y + parent.height;
    const turn = top + Math.min(levelGap / 2, child.y - top - 8);
    d = `M${round(fromX)},${round(top)}V${round(turn)}H${round(spineX)}V${round(cy)}H${round(child.x)}`;
  } else {
    top = above.y + above.height / 2;
    d = `M${round(spineX)},${round(top)}V${round(cy)}H${round(child.x)}`;
  }
  return {
    id: child.id,
    parentId: parent.id,
    d,
    mid: [spineX, cy],
    label: [child.x + 2, child.y - 6],
    labelAnchor: 'start',
    bounds: { x0: Math.min(fromX, spineX) - 10, y0: top - 10, x1: Math.max(fromX, child.x + 120), y1: cy + 10 },
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A smooth S-curve from the parent's edge to the child's, with its midpoint and label anchor. */
export function linkGeometry(parent: LayoutNode, child: LayoutNode, vertical: boolean): LayoutLink {
  let x0: number, y0: number, x1: number, y1: number, d: string, label: [number, number];
  let labelAnchor: 'start' | 'end' = 'end';
  if (vertical) {
    x0 = parent.x + parent.width / 2;
    y0 = parent.y + parent.height;
    x1 = child.x + child.width / 2;
    y1 = child.y;
    const ym = (y0 + y1) / 2;
    d = `M${round(x0)},${round(y0)}C${round(x0)},${round(ym)} ${round(x1)},${round(ym)} ${round(x1)},${round(y1)}`;
    // Beside the link's end, on the side the curve does not come from.
    const fromRight = x0 > x1 + 1;
    label = [fromRight ? x1 - 7 : x1 + 7, y1 - 6];
    labelAnchor = fromRight ? 'end' : 'start';
  } else {
    x0 = parent.x + parent.width;
    y0 = parent.y + parent.height / 2;
    x1 = child.x;
    y1 = child.y + child.height / 2;
    const xm = (x0 + x1) / 2;
    d = `M${round(x0)},${round(y0)}C${round(xm)},${round(y0)} ${round(xm)},${round(y1)} ${round(x1)},${round(y1)}`;
    // Left of the child, above the line unless the curve comes down from above.
    label = [x1 - 8, y0 < y1 - 1 ? y1 + 14 : y1 - 6];
  }
  return {
    id: child.id,
    parentId: parent.id,
    d,
    mid: [(x0 + x1) / 2, (y0 + y1) / 2],
    label,
    labelAnchor,
    bounds: { x0: Math.min(x0, x1) - 60, y0: Math.min(y0, y1) - 20, x1: Math.max(x0, x1) + 10, y1: Math.max(y0, y1) + 10 },
  };
}

// ---------------------------------------------------------------------------------------------
// View: culling and fitting.

export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** The part of the layout a view of `width` × `height` px shows under transform `t`, grown by `margin` (fraction of the view). */
export function visibleRect(t: ViewTransform, width: number, height: number, margin = 0): Rect {
  const mx = (width * margin) / t.k;
  const my = (height * margin) / t.k;
  return { x0: -t.x / t.k - mx, y0: -t.y / t.k - my, x1: (width - t.x) / t.k + mx, y1: (height - t.y) / t.k + my };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}

/** Does `outer` contain `inner` entirely? */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;
}

export function nodeRect(node: LayoutNode): Rect {
  return { x0: node.x, y0: node.y, x1: node.x + node.width, y1: node.y + node.height };
}

/** Nodes and links that intersect `rect` (culling for large trees). O(n), allocation-light. */
export function cull(layout: TreeLayout, rect: Rect): { nodes: LayoutNode[]; links: LayoutLink[] } {
  const nodes = layout.nodes.filter((n) => n.x <= rect.x1 && n.x + n.width >= rect.x0 && n.y <= rect.y1 && n.y + n.height >= rect.y0);
  const links = layout.links.filter((l) => intersects(l.bounds, rect));
  return { nodes, links };
}

/** The transform that shows all of `bounds` in a `width` × `height` view with `padding` px around, no larger than `maxScale`. */
export function fitTransform(bounds: Rect, width: number, height: number, padding = 24, maxScale = 1): ViewTransform {
  const bw = Math.max(1, bounds.x1 - bounds.x0);
  const bh = Math.max(1, bounds.y1 - bounds.y0);
  const k = Math.min(maxScale, Math.max(1e-4, (width - 2 * padding) / bw), Math.max(1e-4, (height - 2 * padding) / bh));
  return {
    k,
    x: (width - bw * k) / 2 - bounds.x0 * k,
    y: (height - bh * k) / 2 - bounds.y0 * k,
  };
}

/**
 * The first view of a tree: all of it, unless that needs a scale below `tinyScale` (only specks would
 * show); then its top levels — as many as fit at `minScale` or more (at least the root), starting
 * from the root's edge — so a 1,000-node tree opens readable. `fit()` still shows everything.
 */
export function initialTransform(layout: TreeLayout, width: number, height: number, minScale = 0.4, padding = 24, tinyScale = 0.2): ViewTransform {
  const whole = fitTransform(layout.bounds, width, height, padding, 1);
  if (whole.k >= tinyScale) return whole;
  const byDepth: Rect[] = [];
  for (const n of layout.nodes) {
    const r = byDepth[n.depth] ?? (byDepth[n.depth] = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity });
    r.x0 = Math.min(r.x0, n.x);
    r.y0 = Math.min(r.y0, n.y);
    r.x1 = Math.max(r.x1, n.x + n.width);
    r.y1 = Math.max(r.y1, n.y + n.height);
  }
  let bounds = byDepth[0];
  let best = fitTransform(bounds, width, height, padding, 1);
  for (let d = 1; d < byDepth.length; d++) {
    const grown = { x0: Math.min(bounds.x0, byDepth[d].x0), y0: Math.min(bounds.y0, byDepth[d].y0), x1: Math.max(bounds.x1, byDepth[d].x1), y1: Math.max(bounds.y1, byDepth[d].y1) };
    const t = fitTransform(grown, width, height, padding, 1);
    if (t.k < minScale) break;
    bounds = grown;
    best = t;
  }
  // Only part of the tree is in view: start from the root's edge so the links lead into the view.
  if (layout.orientation === 'vertical') return { ...best, y: padding - bounds.y0 * best.k };
  return { ...best, x: padding - bounds.x0 * best.k };
}

/**
 * The smallest pan that brings `rect` (layout px) into a `width` × `height` view under `t`, keeping
 * `margin` px around it; `t` itself when it is already in view.
 */
export function panIntoView(t: ViewTransform, rect: Rect, width: number, height: number, margin = 16): ViewTransform {
  const sx0 = rect.x0 * t.k + t.x;
  const sx1 = rect.x1 * t.k + t.x;
  const sy0 = rect.y0 * t.k + t.y;
  const sy1 = rect.y1 * t.k + t.y;
  let dx = 0;
  let dy = 0;
  if (sx1 - sx0 > width - 2 * margin) dx = width / 2 - (sx0 + sx1) / 2;
  else if (sx0 < margin) dx = margin - sx0;
  else if (sx1 > width - margin) dx = width - margin - sx1;
  if (sy1 - sy0 > height - 2 * margin) dy = height / 2 - (sy0 + sy1) / 2;
  else if (sy0 < margin) dy = margin - sy0;
  else if (sy1 > height - margin) dy = height - margin - sy1;
  return dx === 0 && dy === 0 ? t : { k: t.k, x: t.x + dx, y: t.y + dy };
}
