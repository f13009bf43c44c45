import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { NswElement } from '../base/nsw-element.js';
import { sharedStyles } from '../base/shared-styles.js';
import type { NswToggleDetail } from '../base/events.js';
import type { Normalized } from '../core/issues.js';
import { ARROWS, MOVEMENT_WORDS, computeDelta } from '../core/delta.js';
import { formatCompact, formatNumber, formatPercent, formatPercentPoints, formatSigned } from '../core/format.js';
import { isRate } from '../core/metric.js';
import { type MetricTreeData, type TreeNode, normalizeTree, pathToRoot } from './tree-data.js';
import { type TreeContributions, computeContributions, driversOf } from './contribution.js';
import {
  type CardGeometry,
  type LayoutLink,
  type LayoutNode,
  type MeasureText,
  type Orientation,
  type Rect,
  type TreeLayout,
  type ViewTransform,
  CARD,
  contains,
  cull,
  fitTransform,
  initialTransform,
  layoutTree,
  measureCard,
  nodeRect,
  panIntoView,
  visibleRect,
} from './tree-layout.js';
import { type AggregatePaths, aggregatePaths, centreOn, isAggregate } from './tree-lod.js';
import { metricTreeStyles } from './metric-tree.styles.js';

/** Texts of one node, formatted once per model and locale. */
interface NodeView {
  value: string;
  change: string;
  changeClass: 'good' | 'bad' | 'neutral';
  changeWords: string;
  card: CardGeometry;
}

/** Above this many shown nodes, far-zoomed nodes are drawn as plain boxes and the view is culled. */
const LARGE = 300;
/** Below this scale a large tree is drawn without text (it would be unreadable anyway). */
const SIMPLE_BELOW = 0.4;
const MAX_SCALE = 2.5;

/**
 * A contribution in the parent's format, signed, with sensible precision: log shares are rarely
 * whole numbers, and "+361.2228" says no more than "+361".
 */
function formatAmount(amount: number, locale: string, format: Intl.NumberFormatOptions | undefined): string {
  const options: Intl.NumberFormatOptions = { ...format };
  if (options.maximumFractionDigits === undefined && options.maximumSignificantDigits === undefined && options.style !== 'percent') {
    const size = Math.abs(amount);
    options.maximumFractionDigits = size >= 100 ? 0 : size >= 1 ? 1 : 2;
    if (options.minimumFractionDigits !== undefined && options.minimumFractionDigits > options.maximumFractionDigits) delete options.minimumFractionDigits;
  }
  return formatSigned(amount, locale, options, Math.abs(amount) >= 1e5);
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The North Star and the inputs that drive it, as a tree of metric cards. Where a parent has a
 * `formula` (`sum` or `product`), each child's contribution to the parent's change is computed,
 * shown on its link and the top driver marked; a parent that disagrees with its formula by more
 * than 1 % is flagged. Pans and zooms (drag; Ctrl/⌘ + wheel or pinch; buttons), fits itself,
 * expands and collapses, and follows the WAI-ARIA tree pattern from the keyboard. Large trees are
 * culled to the visible part of the view and far-zoomed nodes are simplified.
 *
 * @tag metric-tree
 * @summary A metric tree: the North Star on top, the inputs that drive it below, with contributions.
 *
 * @fires nsw-load - Data was accepted; `detail: { source, dropped }`.
 * @fires nsw-error - Data was rejected or partly dropped; `detail: { message, issues, partial }`.
 * @fires nsw-select - A node was activated (click, Enter, Space); cancelable; `detail: { id, metric }`. Follows the node's safe `href` unless cancelled.
 * @fires nsw-toggle - A node was expanded or collapsed by the user; `detail: { id, expanded }`.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The bar with the title and the buttons.
 * @csspart zoom-in - The zoom-in button.
 * @csspart zoom-out - The zoom-out button.
 * @csspart fit - The fit button.
 * @csspart expand-all - The expand-all button.
 * @csspart collapse-all - The collapse-all button.
 * @csspart viewport - The pannable area (its height: `height` attribute or `--metric-tree-height`).
 * @csspart tree - The SVG group with `role="tree"`.
 * @csspart node - Each node card (`role="treeitem"`).
 * @csspart link - Each link from a parent to a child.
 * @csspart toggle - The expand/collapse pill of a node with children.
 * @csspart tooltip - Details of the hovered or focused node.
 * @csspart legend - The key to the link styles.
 * @csspart error - The error panel (bad data).
 * @csspart notice - The "problems in the data" notice (partly dropped data).
 *
 * @cssprop [--metric-tree-height=480px] - Height of the viewport (the `height` attribute overrides it).
 * @cssprop [--metric-tree-background=var(--nsw-color-surface)] - Background of the viewport.
 * @cssprop [--metric-tree-node-background=var(--nsw-color-background)] - Fill of the node cards.
 * @cssprop [--metric-tree-node-border-color=var(--nsw-color-border)] - Border of the node cards.
 * @cssprop [--metric-tree-link-color=var(--nsw-color-text-muted)] - Colour of the links.
 * @cssprop [--metric-tree-highlight-color=var(--nsw-color-accent)] - The path-to-root highlight.
 */
export class MetricTree extends NswElement<MetricTreeData> {
  static override styles = [sharedStyles, metricTreeStyles];
  protected readonly noun = 'metric tree';

  /** `vertical` (root on top, the default) or `horizontal` (root on the left). */
  @property({ reflect: true, attribute: 'orientation' }) orientation: Orientation = 'vertical';

  /** How many levels are open at first: 1 shows the root's children, 0 only the root. Default 2. */
  @property({ type: Number, attribute: 'expand-depth' }) expandDepth = 2;

  /** Height of the viewport in px; default the CSS property `--metric-tree-height` (480px). */
  @property({ type: Number, attribute: 'height' }) height?: number;

  /** Zoom with the plain mouse wheel too (by default only Ctrl/⌘ + wheel and pinch zoom, so the page still scrolls). */
  @property({ type: Boolean, attribute: 'wheel-zoom' }) wheelZoom = false;

  /**
   * Vertical trees only: `auto` (default) stacks a parent's leaf inputs in a column when that lets
   * the whole tree fit the view at least 25 % larger; `always` or `never` force it.
   */
  @property({ reflect: true, attribute: 'compact' }) compact: 'auto' | 'always' | 'never' = 'auto';

  /** Title shown in the toolbar (default: none; the root names the tree). */
  @property({ attribute: 'label' }) label?: string;

  @state() private focusedId: string | null = null;
  @state() private hoverId: string | null = null;
  @state() private focusWithin = false;
  /** Bumped whenever the open/closed state changes (the set itself is not reactive). */
  @state() private expandVersion = 0;
  /** The rendered part of the layout (culling) and whether nodes are simplified. */
  @state() private renderWindow: Rect | null = null;
  @state() private simple = false;
  /** Far zoomed out: cards and links drawn as a few aggregate paths (tree-lod.ts; bench/RESULTS.md F3). */
  @state() private aggregate = false;
  /** The overview paths of `layout`, built once per layout. */
  private aggregateCache: { layout: TreeLayout; paths: AggregatePaths } | null = null;

  private expanded = new Set<string>();
  /** Nodes the user opened or closed, kept across data refreshes. */
  private userToggled = new Map<string, boolean>();
  private layoutModel: MetricTreeData | null = null;
  private contributions: TreeContributions = { contributions: new Map(), topDriver: new Map(), checks: new Map() };
  private views = new Map<string, NodeView>();
  private sparkCache = new Map<string, string>();
  private layout: TreeLayout | null = null;
  private transform: ViewTransform = { x: 0, y: 0, k: 1 };
  private zoomBehavior?: ZoomBehavior<SVGSVGElement, unknown>;
  private boundSvg?: SVGSVGElement;
  private userMoved = false;
  private needsFit = true;
  /** The pending fit shows the whole tree (after expandAll/collapseAll), not just its readable top. */
  private fitAll = false;
  private anchor: { id: string; x: number; y: number } | null = null;
  private cullFrame = 0;
  private cullTimer?: ReturnType<typeof setTimeout>;
  private animationFrame = 0;
  private viewSize = { width: 600, height: 480 };
  private rendered = new Set<string>();

  protected normalizeData(raw: unknown): Normalized<MetricTreeData> {
    return normalizeTree(raw);
  }

  /** CSV from `src`: one row per node, the flat form (`id,parent,name,value,previous,…`); empty cells are absent fields. */
  protected override fromCsv(rows: Array<Record<string, string>>): Normalized<unknown> {
    return { value: { nodes: rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, cell]) => cell.trim() !== ''))) }, issues: [] };
  }

  // ------------------------------------------------------------------------------------------
  // Public API

  /** Opens every node. Fits the view afterwards. */
  expandAll(): void {
    if (!this.model) return;
    this.userToggled.clear();
    this.expanded = new Set(this.model.order.filter((id) => this.model!.nodes.get(id)!.childIds.length > 0));
    this.expandVersion++;
    this.needsFit = true;
    this.fitAll = true;
  }

  /** Closes every node, leaving the root alone on view. Fits the view afterwards. */
  collapseAll(): void {
    if (!this.model) return;
    this.userToggled.clear();
    this.expanded = new Set();
    this.expandVersion++;
    if (this.focusedId !== null) this.focusedId = this.model.rootId;
    this.needsFit = true;
    this.fitAll = true;
  }

  /** Fits the whole shown tree into the view (never enlarging beyond 100 %). */
  fit(): void {
    if (!this.layout) {
      this.needsFit = true;
      return;
    }
    this.measureView();
    this.userMoved = false;
    this.animateTo(fitTransform(this.layout.bounds, this.viewSize.width, this.viewSize.height, 24, 1));
  }

  /** Opens the node's ancestors, moves keyboard focus to it and pans it into view. False if there is no such node. */
  async focusNode(id: string): Promise<boolean> {
    if (!this.model || !this.model.nodes.has(id)) return false;
    this.revealNode(id);
    this.focusedId = id;
    await this.updateComplete;
    this.focusRendered(id);
    return true;
  }

  /** Is the node open (its children shown)? */
  isExpanded(id: string): boolean {
    return this.expanded.has(id);
  }

  /** Opens or closes a node as the user would (fires `nsw-toggle`). */
  toggle(id: string, expand = !this.expanded.has(id)): void {
    this.setExpanded(id, expand, true);
  }

  /** The computed contributions, top drivers and formula checks (read-only). */
  get contributionData(): TreeContributions {
    return this.contributions;
  }

  /**
   * One plain sentence: the root's value and change, and its top drivers, e.g. "Weekly active teams
   * 12,840, up 7.9% vs last week; top drivers: Retained teams +610, New teams +420".
   */
  get summary(): string {
    const tree = this.model;
    if (!tree) return '';
    const root = tree.nodes.get(tree.rootId)!;
    const view = this.views.get(root.id) ?? this.viewOf(root);
    let text = `${root.name} ${view.value}`;
    if (view.changeWords) text += `, ${view.changeWords}`;
    const drivers = driversOf(tree, this.contributions, root.id).slice(0, 3);
    if (drivers.length) {
      text += `; top drivers: ${drivers
        .map((c) => `${tree.nodes.get(c.childId)!.name} ${formatAmount(c.amount, this.resolvedLocale, root.format)}`)
        .join(', ')}`;
    } else if (root.childIds.length) {
      text += `; ${root.childIds.length} input${root.childIds.length === 1 ? '' : 's'}: ${root.childIds.map((id) => tree.nodes.get(id)!.name).join(', ')}`;
    }
    const flagged = [...this.contributions.checks.values()].filter((c) => c.mismatch).length;
    if (flagged) text += `; ${flagged} formula${flagged === 1 ? '' : 's'} off by more than 1%`;
    return text;
  }

  // ------------------------------------------------------------------------------------------
  // Derived state

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const tree = this.model;
    if (!tree) {
      this.layout = null;
      this.layoutModel = null;
      return;
    }
    const modelChanged = tree !== this.layoutModel;
    if (modelChanged || changed.has('locale')) {
      this.measureText = undefined; // the font may have changed with the theme or the page
      this.contributions = computeContributions(tree);
      this.views = new Map();
      this.sparkCache = new Map();
      // Above LARGE nodes, card sizes come from the character-width estimate: tens of thousands of
      // canvas measureText calls cost more than the whole render (bench/RESULTS.md F4), and the
      // estimate errs wide, so text still fits.
      this.estimateText = tree.order.length > LARGE;
      for (const id of tree.order) this.views.set(id, this.viewOf(tree.nodes.get(id)!));
    }
    if (modelChanged || changed.has('expandDepth')) {
      const expanded = new Set<string>();
      for (const id of tree.order) {
        const node = tree.nodes.get(id)!;
        if (!node.childIds.length) continue;
        const user = this.userToggled.get(id);
        if (user ?? node.depth < this.expandDepth) expanded.add(id);
      }
      this.expanded = expanded;
      if (this.focusedId !== null && !tree.nodes.has(this.focusedId)) this.focusedId = null;
      if (modelChanged && !this.layoutModel) this.needsFit = true;
      this.layoutModel = tree;
    }
    const relayout =
      modelChanged || changed.has('expandVersion' as keyof MetricTree) || changed.has('orientation') || changed.has('locale') ||
      changed.has('expandDepth') || changed.has('compact') || (changed.has('width' as keyof MetricTree) && this.orientation === 'vertical' && this.compact === 'auto');
    if (relayout || !this.layout) {
      const before = this.anchor && this.layout?.byId.get(this.anchor.id);
      const build = (compactLeaves: number) =>
        layoutTree(tree, (id) => this.expanded.has(id), (id) => this.views.get(id)!.card, { orientation: this.orientation, compactLeaves });
      let layout = build(this.compact === 'always' ? 2 : 0);
      // Stack the leaves when that lets the tree fit noticeably larger (25 %) in this view.
      if (this.compact === 'auto' && this.orientation === 'vertical') {
        const width = this.width || this.viewSize.width;
        const height = this.height && this.height > 0 ? this.height : this.viewSize.height;
        const wide = fitTransform(layout.bounds, width, height, 24, 1).k;
        if (wide < 1) {
          const compact = build(2);
          if (fitTransform(compact.bounds, width, height, 24, 1).k > wide * 1.25) layout = compact;
        }
      }
      this.layout = layout;
      if (changed.has('orientation')) this.needsFit = true;
      // Keep the node the user toggled where it was on screen.
      const after = this.anchor && this.layout.byId.get(this.anchor.id);
      if (before && after && !this.needsFit) {
        const t = this.transform;
        this.transform = { k: t.k, x: t.x + (before.x - after.x) * t.k, y: t.y + (before.y - after.y) * t.k };
        this.pendingTransform = this.transform;
      }
      this.anchor = null;
      this.updateWindow(true);
    }
    if (this.focusedId === null || !this.layout.byId.has(this.focusedId)) {
      // The tab stop falls back to the nearest shown ancestor (e.g. after a collapse).
      const id = this.focusedId && tree.nodes.has(this.focusedId) ? pathToRoot(tree, this.focusedId).find((a) => this.layout!.byId.has(a)) : undefined;
      this.focusedId = id ?? tree.rootId;
    }
  }

  private pendingTransform: ViewTransform | null = null;

  private measureText?: MeasureText;
  private estimateText = false;

  /**
   * Text widths from the browser itself (canvas `measureText` with the element's font; no DOM
   * layout, fine under a strict CSP); the character-count estimate where there is no canvas.
   */
  private measurer(): MeasureText | undefined {
    if (this.measureText) return this.measureText;
    const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (!context) return undefined;
    const family = getComputedStyle(this).getPropertyValue('--_font').trim() || 'system-ui, sans-serif';
    const cache = new Map<string, number>();
    this.measureText = (text, size, bold) => {
      const key = `${size}|${bold ? 1 : 0}|${text}`;
      let width = cache.get(key);
      if (width === undefined) {
        context.font = `${bold ? '700 ' : ''}${size}px ${family}`;
        width = Math.ceil(context.measureText(text).width) + 1;
        if (cache.size > 20000) cache.clear();
        cache.set(key, width);
      }
      return width;
    };
    return this.measureText;
  }

  private viewOf(node: TreeNode): NodeView {
    const locale = this.resolvedLocale;
    let value = '—';
    if (node.value !== undefined) {
      value = Math.abs(node.value) >= 1e6 ? formatCompact(node.value, locale, node.format) : formatNumber(node.value, locale, node.format);
      if (node.unit) value += ` ${node.unit}`;
    }
    let change = '';
    let changeWords = '';
    let changeClass: NodeView['changeClass'] = 'neutral';
    if (node.value !== undefined && node.previous !== undefined) {
      const delta = computeDelta(node.value, node.previous, node.direction);
      changeClass = delta.judgement;
      let amount: string;
      if (isRate(node.format)) amount = formatPercentPoints(delta.absolute, locale);
      else if (delta.relative !== null) amount = formatPercent(delta.relative, locale, 1, true);
      else amount = formatSigned(delta.absolute, locale, node.format, Math.abs(delta.absolute) >= 1e6);
      change = `${ARROWS[delta.movement]} ${amount}`;
      const size = isRate(node.format) ? amount.replace(/^[+−-]/, '') : delta.relative !== null ? formatPercent(Math.abs(delta.relative), locale, 1) : amount.replace(/^[+−-]/, '');
      const comparison = this.model?.comparison ?? 'vs previous';
      changeWords = delta.movement === 'flat' ? `unchanged ${comparison}` : `${MOVEMENT_WORDS[delta.movement]} ${size} ${comparison}`;
    }
    const check = this.contributions.checks.get(node.id);
    const card = measureCard({ name: node.name, value, change, kind: node.kind, hasSparkline: node.series.length > 1, flagged: check?.mismatch }, this.estimateText ? undefined : this.measurer());
    return { value, change, changeClass, changeWords, card };
  }

  /** Culling window: recomputed when the view leaves the rendered area or the detail level changes. */
  private updateWindow(force = false): void {
    const layout = this.layout;
    if (!layout) return;
    const large = layout.nodes.length > LARGE;
    const aggregate = isAggregate(this.transform.k);
    if (aggregate !== this.aggregate) {
      this.aggregate = aggregate;
      force = true;
    }
    const simple = aggregate || (large && this.transform.k < SIMPLE_BELOW);
    if (simple !== this.simple) this.simple = simple;
    if (!large) {
      if (this.renderWindow !== null) this.renderWindow = null;
      return;
    }
    // The overview draws every shown node whatever the window; it is recomputed on leaving it.
    if (aggregate) return;
    const { width, height } = this.viewSize;
    const view = visibleRect(this.transform, width, height, 0);
    if (!force && this.renderWindow && contains(this.renderWindow, view)) return;
    this.renderWindow = visibleRect(this.transform, width, height, 0.5);
  }

  // ------------------------------------------------------------------------------------------
  // Zoom

  private measureView(): void {
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport && viewport.clientWidth > 0) this.viewSize = { width: viewport.clientWidth, height: viewport.clientHeight };
    else this.viewSize = { width: this.width || 600, height: this.height ?? 480 };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport) {
      if (this.height !== undefined && Number.isFinite(this.height) && this.height > 0) viewport.style.setProperty('--_height', `${this.height}px`);
      else viewport.style.removeProperty('--_height');
    }
    const svgEl = this.renderRoot.querySelector<SVGSVGElement>('svg.canvas');
    if (!svgEl || !this.layout) {
      this.boundSvg = undefined;
      return;
    }
    if (svgEl !== this.boundSvg) this.bindZoom(svgEl);
    this.measureView();
    if (changed.has('width' as keyof MetricTree) && !this.userMoved) this.needsFit = true;
    if (this.needsFit) {
      this.needsFit = false;
      this.pendingTransform = null;
      const target = this.fitAll
        ? fitTransform(this.layout.bounds, this.viewSize.width, this.viewSize.height, 24, 1)
        : initialTransform(this.layout, this.viewSize.width, this.viewSize.height);
      this.fitAll = false;
      if (this.boundSvg && this.rendered.size) this.animateTo(target);
      else this.applyTransform(target);
    } else if (this.pendingTransform) {
      const t = this.pendingTransform;
      this.pendingTransform = null;
      this.applyTransform(t);
    }
    this.rendered = new Set(this.layout.nodes.length <= LARGE ? this.layout.byId.keys() : []);
  }

  private bindZoom(svgEl: SVGSVGElement): void {
    this.boundSvg = svgEl;
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      // Our own extent: d3's default reads the SVG's width/height SVGLength, which throws while the
      // element is not laid out (hidden, not yet in the page).
      .extent(() => [
        [0, 0],
        [this.viewSize.width, this.viewSize.height],
      ])
      .scaleExtent([0.001, MAX_SCALE])
      .filter((event: Event & { ctrlKey?: boolean; metaKey?: boolean; button?: number }) => {
        if (event.type === 'wheel') return this.wheelZoom || !!event.ctrlKey || !!event.metaKey;
        if (event.type === 'dblclick') return false;
        // Drags start anywhere but on the toggle pills (they are clicked).
        if ((event.target as Element | null)?.closest?.('.toggle')) return false;
        return !event.ctrlKey && !event.button;
      })
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        if (event.sourceEvent) {
          this.userMoved = true;
          this.stopAnimation();
        }
        this.onZoom(event.transform);
      });
    select(svgEl).call(this.zoomBehavior).on('dblclick.zoom', null);
    this.applyTransform(this.transform);
  }

  private onZoom(t: ZoomTransform): void {
    this.transform = { x: t.x, y: t.y, k: t.k };
    const g = this.renderRoot.querySelector('g.zoom');
    // An SVG attribute (not a style), so strict CSP pages are fine; nodes are not re-rendered.
    if (g) select(g).attr('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
    // Re-cull at most once a frame (with a timer as well, for pages that get no frames).
    if (!this.cullFrame) {
      const run = () => {
        cancelAnimationFrame(this.cullFrame);
        clearTimeout(this.cullTimer);
        this.cullFrame = 0;
        this.updateWindow();
      };
      this.cullFrame = requestAnimationFrame(run);
      this.cullTimer = setTimeout(run, 150);
    }
  }

  private applyTransform(t: ViewTransform): void {
    this.transform = t;
    if (this.zoomBehavior && this.boundSvg) {
      this.zoomBehavior.scaleExtent([Math.min(0.1, t.k), MAX_SCALE]);
      this.zoomBehavior.transform(select(this.boundSvg), zoomIdentity.translate(t.x, t.y).scale(t.k));
    }
  }

  /** Moves the view to `target` smoothly (instantly under `prefers-reduced-motion`). */
  private animateTo(target: ViewTransform, duration = 280): void {
    this.stopAnimation();
    const from = this.transform;
    if (reducedMotion() || !this.boundSvg) {
      this.applyTransform(target);
      return;
    }
    const start = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - start) / duration);
      const e = p < 0.5 ? 4 * p * p * p : 1 - (-2 * p + 2) ** 3 / 2;
      const k = from.k * (target.k / from.k) ** e;
      this.applyTransform({ k, x: from.x + (target.x - from.x) * e, y: from.y + (target.y - from.y) * e });
      if (p < 1) this.animationFrame = requestAnimationFrame(step);
      else this.stopAnimation();
    };
    this.animationFrame = requestAnimationFrame(step);
    // A page in the background gets no animation frames: arrive anyway.
    this.animationTimer = setTimeout(() => {
      this.stopAnimation();
      this.applyTransform(target);
    }, duration + 120);
  }

  private animationTimer?: ReturnType<typeof setTimeout>;

  private stopAnimation(): void {
    cancelAnimationFrame(this.animationFrame);
    clearTimeout(this.animationTimer);
    this.animationFrame = 0;
    this.animationTimer = undefined;
  }

  private zoomBy(factor: number): void {
    this.measureView();
    const { width, height } = this.viewSize;
    const t = this.transform;
    const k = Math.max(Math.min(0.1, t.k), Math.min(MAX_SCALE, t.k * factor));
    const cx = width / 2;
    const cy = height / 2;
    this.userMoved = true;
    this.animateTo({ k, x: cx - ((cx - t.x) * k) / t.k, y: cy - ((cy - t.y) * k) / t.k });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.cullFrame);
    clearTimeout(this.cullTimer);
    this.stopAnimation();
    this.cullFrame = 0;
    if (this.boundSvg) select(this.boundSvg).on('.zoom', null);
    this.boundSvg = undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Expand, collapse, focus

  private setExpanded(id: string, expand: boolean, byUser: boolean): void {
    const node = this.model?.nodes.get(id);
    if (!node || !node.childIds.length || this.expanded.has(id) === expand) return;
    const laidOut = this.layout?.byId.get(id);
    if (laidOut) this.anchor = { id, x: laidOut.x, y: laidOut.y };
    if (expand) this.expanded.add(id);
    else this.expanded.delete(id);
    this.expandVersion++;
    if (byUser) {
      this.userToggled.set(id, expand);
      this.emit<NswToggleDetail>('nsw-toggle', { id, expanded: expand });
    }
  }

  private revealNode(id: string): void {
    if (!this.model) return;
    const ancestors = pathToRoot(this.model, id).slice(1);
    let changed = false;
    for (const a of ancestors) {
      if (!this.expanded.has(a)) {
        this.expanded.add(a);
        changed = true;
      }
    }
    if (changed) this.expandVersion++;
  }

  private nodeElement(id: string): SVGGElement | null {
    for (const el of this.renderRoot.querySelectorAll<SVGGElement>('g.node')) if (el.dataset.id === id) return el;
    return null;
  }

  /** Focuses a rendered node without scrolling the page, then pans the view to keep it in sight. */
  private focusRendered(id: string): void {
    const el = this.nodeElement(id);
    el?.focus({ preventScroll: true });
    // Focus events do not fire in a page that does not have the system focus; the state follows anyway.
    if (el && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === el) this.focusWithin = true;
    this.keepInView(id);
  }

  private keepInView(id: string): void {
    const node = this.layout?.byId.get(id);
    if (!node) return;
    this.measureView();
    // From the overview, a keyboard move zooms in to readable cards around the node.
    const target = isAggregate(this.transform.k)
      ? centreOn(nodeRect(node), this.viewSize.width, this.viewSize.height, 1)
      : panIntoView(this.transform, nodeRect(node), this.viewSize.width, this.viewSize.height, 28);
    if (target !== this.transform) this.animateTo(target, 200);
  }

  private async moveFocus(id: string): Promise<void> {
    this.focusedId = id;
    await this.updateComplete;
    this.focusRendered(id);
  }

  private onKeydown(event: KeyboardEvent): void {
    const tree = this.model;
    const layout = this.layout;
    // The node that has focus is the one the key is for (whatever moved focus there).
    const targetId = (event.target as SVGElement | null)?.closest?.<SVGGElement>('g.node')?.dataset.id;
    if (targetId && targetId !== this.focusedId && layout?.byId.has(targetId)) this.focusedId = targetId;
    if (!tree || !layout || this.focusedId === null) return;
    const list = layout.nodes;
    const current = layout.byId.get(this.focusedId);
    if (!current) return;
    const index = list.indexOf(current);
    const node = tree.nodes.get(current.id)!;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (index < list.length - 1) void this.moveFocus(list[index + 1].id);
        break;
      case 'ArrowUp':
        if (index > 0) void this.moveFocus(list[index - 1].id);
        break;
      case 'ArrowRight':
        if (node.childIds.length) {
          if (!this.expanded.has(node.id)) this.setExpanded(node.id, true, true);
          else void this.moveFocus(node.childIds[0]);
        }
        break;
      case 'ArrowLeft':
        if (node.childIds.length && this.expanded.has(node.id)) this.setExpanded(node.id, false, true);
        else if (node.parentId !== null) void this.moveFocus(node.parentId);
        break;
      case 'Home':
        void this.moveFocus(list[0].id);
        break;
      case 'End':
        void this.moveFocus(list[list.length - 1].id);
        break;
      case 'Enter':
      case ' ':
        this.select(node.id, node, node.href);
        break;
      case '*': {
        const siblings = node.parentId === null ? [node.id] : tree.nodes.get(node.parentId)!.childIds;
        for (const s of siblings) this.setExpanded(s, true, true);
        break;
      }
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
      // Toggling keeps focus on the node; keep it in view once laid out again.
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === '*') {
        void this.updateComplete.then(() => this.keepInView(this.focusedId!));
      }
    }
  }

  private onNodeClick(event: MouseEvent, id: string): void {
    const node = this.model?.nodes.get(id);
    if (!node) return;
    if ((event.target as Element).classList.contains('toggle')) {
      event.stopPropagation();
      this.focusedId = id;
      this.setExpanded(id, !this.expanded.has(id), true);
      return;
    }
    this.focusedId = id;
    this.select(id, node, node.href);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  private sparkline(node: TreeNode, width: number): string {
    const key = `${node.id}|${width}`;
    let d = this.sparkCache.get(key);
    if (d !== undefined) return d;
    const points = node.series;
    const x0 = CARD.padding;
    const x1 = width - CARD.padding;
    const top = CARD.heightPlain - 4;
    const bottom = CARD.heightSparkline - 8;
    const t0 = points[0].date;
    const t1 = points[points.length - 1].date;
    let min = Infinity;
    let max = -Infinity;
    for (const p of points) {
      if (p.value < min) min = p.value;
      if (p.value > max) max = p.value;
    }
    const sx = (t: number) => (t1 === t0 ? x0 : x0 + ((t - t0) / (t1 - t0)) * (x1 - x0));
    const sy = (v: number) => (max === min ? (top + bottom) / 2 : bottom - ((v - min) / (max - min)) * (bottom - top));
    d = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.date).toFixed(1)},${sy(p.value).toFixed(1)}`).join('');
    this.sparkCache.set(key, d);
    return d;
  }

  private nodeLabel(node: TreeNode, view: NodeView, laid: LayoutNode): string {
    const tree = this.model!;
    const parts = [node.name];
    if (node.kind) parts[0] += ` (${node.kind})`;
    parts.push(view.value === '—' ? 'no value' : view.value);
    if (view.changeWords) parts.push(`${view.changeWords}, ${view.changeClass}`);
    const parent = node.parentId !== null ? tree.nodes.get(node.parentId) : undefined;
    if (parent) {
      const c = this.contributions.contributions.get(node.id);
      const negative = node.relation === 'negative';
      if (parent.formula) {
        const verb = parent.formula === 'sum' ? (negative ? 'subtracted from' : 'adds to') : negative ? 'divides' : 'multiplies';
        parts.push(`${verb} ${parent.name}${c ? `, contribution ${formatAmount(c.amount, this.resolvedLocale, parent.format)}` : ''}`);
      } else parts.push(`${negative ? 'negative' : 'positive'} influence on ${parent.name}${node.weight !== undefined ? `, weight ${node.weight}` : ''} (hypothesised)`);
      if (this.contributions.topDriver.get(parent.id) === node.id) parts.push('top driver');
    }
    const check = this.contributions.checks.get(node.id);
    if (check?.mismatch) parts.push(`warning: differs from the ${check.formula} of its inputs by ${formatPercent(Math.max(check.deviation, check.deviationPrevious ?? 0), this.resolvedLocale, 1)}`);
    if (node.childIds.length && !this.expanded.has(node.id)) parts.push(`${node.descendants} hidden`);
    else if (laid.shownChildren) parts.push(`${laid.shownChildren} input${laid.shownChildren === 1 ? '' : 's'}`);
    return parts.join('; ');
  }

  /** The classes of a node's card that do not depend on interaction (shared with the overview paths). */
  private cardClass(node: TreeNode): string {
    const parentId = node.parentId;
    const isTop = parentId !== null && this.contributions.topDriver.get(parentId) === node.id;
    return [
      'node',
      node.kind ? `kind-${node.kind.replace(/[^a-z0-9-]/gi, '')}` : '',
      node.kind === 'north-star' || parentId === null ? 'north-star' : '',
      isTop ? 'top-driver' : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** A link's style classes (formula or hypothesis, sign), shared with the overview paths. */
  private linkClass(link: LayoutLink): string {
    const tree = this.model!;
    const negative = tree.nodes.get(link.id)!.relation === 'negative';
    return `link ${tree.nodes.get(link.parentId)!.formula ? 'formula' : 'hypothesis'} ${negative ? 'negative' : 'positive'}`;
  }

  private overview(layout: TreeLayout): AggregatePaths {
    if (this.aggregateCache?.layout !== layout) {
      const tree = this.model!;
      this.aggregateCache = {
        layout,
        paths: aggregatePaths(layout, (n) => `${this.cardClass(tree.nodes.get(n.id)!)} simple`, (l) => this.linkClass(l)),
      };
    }
    return this.aggregateCache.paths;
  }

  private renderNode(laid: LayoutNode, active: Set<string>): SVGTemplateResult {
    const tree = this.model!;
    const node = tree.nodes.get(laid.id)!;
    const view = this.views.get(laid.id)!;
    const { width, height } = laid;
    const check = this.contributions.checks.get(node.id);
    const hasChildren = node.childIds.length > 0;
    const open = this.expanded.has(node.id);
    const entering = this.rendered.size > 0 && !this.rendered.has(laid.id);
    const classes = [
      this.cardClass(node),
      active.has(laid.id) ? 'on-path' : '',
      this.simple ? 'simple' : '',
      entering ? 'entering' : '',
    ].join(' ');
    const vertical = this.orientation === 'vertical';
    const toggleText = open ? '−' : `+${node.descendants.toLocaleString(this.resolvedLocale)}`;
    const toggleWidth = Math.max(24, toggleText.length * 7 + 12);
    const tx = vertical ? width / 2 - toggleWidth / 2 : width - 12;
    const ty = vertical ? height - 12 : height / 2 - 12;
    return svg`<g class=${classes} part="node" role="treeitem" data-id=${laid.id}
        transform="translate(${laid.x},${laid.y})"
        tabindex=${this.focusedId === laid.id ? '0' : '-1'}
        aria-level=${laid.depth + 1} aria-setsize=${laid.setsize} aria-posinset=${laid.posinset}
        aria-expanded=${hasChildren ? String(open) : nothing}
        aria-label=${this.nodeLabel(node, view, laid)}
        @click=${(e: MouseEvent) => this.onNodeClick(e, laid.id)}
        @focus=${() => {
          if (this.focusedId !== laid.id) this.focusedId = laid.id;
          // A focus ring on a card a few px tall cannot be seen: zoom in from the overview.
          if (this.aggregate) this.keepInView(laid.id);
        }}
        @pointerenter=${() => (this.hoverId = laid.id)}
        @pointerleave=${() => this.hoverId === laid.id && (this.hoverId = null)}>
      <rect class="focus-ring" x="-4" y="-4" width=${width + 8} height=${height + 8} rx="11"></rect>
      <rect class="card" width=${width} height=${height} rx="8"></rect>
      ${hasChildren
        ? svg`<rect class="toggle" part="toggle" x=${tx} y=${ty} width=${toggleWidth} height="24" rx="12"></rect>`
        : nothing}
    </g>`;
  }

  /**
   * The visible text of a card, in a layer above the cards that takes no pointer events. Kept out of
   * the treeitem so its accessible name (the full `aria-label`, with the untruncated name and the
   * change in words) is not contradicted by truncated visible text (WCAG 2.5.3).
   */
  private renderNodeText(laid: LayoutNode): SVGTemplateResult | typeof nothing {
    if (this.simple) return nothing;
    const node = this.model!.nodes.get(laid.id)!;
    const view = this.views.get(laid.id)!;
    const { width, height } = laid;
    const check = this.contributions.checks.get(node.id);
    const kindWidth = view.card.kindWidth;
    // The kind pill moves to the value line when beside the name it would cut the name (see measureCard).
    const kindOnName = kindWidth > 0 && view.card.kindRow !== 'value';
    const open = this.expanded.has(node.id);
    const vertical = this.orientation === 'vertical';
    const toggleText = open ? '−' : `+${node.descendants.toLocaleString(this.resolvedLocale)}`;
    const toggleWidth = Math.max(24, toggleText.length * 7 + 12);
    const tx = vertical ? width / 2 - toggleWidth / 2 : width - 12;
    const ty = vertical ? height - 12 : height / 2 - 12;
    return svg`<g class="node-text" transform="translate(${laid.x},${laid.y})">
      <text class="name" x=${CARD.padding} y="21">${view.card.name}</text>
      ${check?.mismatch ? svg`<text class="flag" x=${width - CARD.padding - (kindOnName ? kindWidth + 16 : 12)} y="21">⚠</text>` : nothing}
      ${view.card.kind
        ? svg`<g class="kind" transform="translate(${width - CARD.padding - kindWidth},${kindOnName ? 8 : 31})"><rect width=${kindWidth} height="17" rx="8.5"></rect><text x=${kindWidth / 2} y="12.5">${view.card.kind}</text></g>`
        : nothing}
      <text x=${CARD.padding} y="45"><tspan class="value">${view.value}</tspan>${view.change
        ? svg`<tspan class=${`change ${view.changeClass}`} dx="8">${view.change}</tspan>`
        : nothing}</text>
      ${node.series.length > 1 ? svg`<path class="spark" d=${this.sparkline(node, width)}></path>` : nothing}
      ${node.childIds.length ? svg`<text class="toggle-text" x=${tx + toggleWidth / 2} y=${ty + 12}>${toggleText}</text>` : nothing}
    </g>`;
  }

  private renderLink(link: LayoutLink, active: Set<string>): SVGTemplateResult {
    const tree = this.model!;
    const child = tree.nodes.get(link.id)!;
    const parent = tree.nodes.get(link.parentId)!;
    const c = this.contributions.contributions.get(link.id);
    const isTop = this.contributions.topDriver.get(parent.id) === child.id;
    const negative = child.relation === 'negative';
    let thickness = 1.5;
    let label = '';
    if (parent.formula && c) {
      // Thickness by the share of the parent's change, capped: a link is never thicker than 7px.
      const total = parent.childIds.reduce((sum, id) => sum + Math.abs(this.contributions.contributions.get(id)?.amount ?? 0), 0);
      thickness = 1.5 + (total > 0 ? (Math.abs(c.amount) / total) * 5.5 : 0);
      label = formatAmount(c.amount, this.resolvedLocale, parent.format);
    } else if (!parent.formula && child.weight !== undefined) {
      thickness = 1.5 + child.weight * 5.5;
      label = `w ${formatNumber(child.weight, this.resolvedLocale, { maximumFractionDigits: 2 })}`;
    }
    if (isTop) label = `★ ${label}`;
    const classes = `${this.linkClass(link)}${isTop ? ' top' : ''}${active.has(link.id) ? ' on-path' : ''}${this.rendered.size > 0 && !this.rendered.has(link.id) ? ' entering' : ''}`;
    return svg`<g class=${classes} part="link">
      <path d=${link.d} stroke-width=${thickness.toFixed(1)}></path>
      ${negative && !this.simple
        ? svg`<g class="minus" transform="translate(${link.mid[0].toFixed(1)},${link.mid[1].toFixed(1)})"><circle r="8"></circle><text>−</text></g>`
        : nothing}
      ${label && !this.simple
        ? svg`<text class="link-label" x=${link.label[0].toFixed(1)} y=${link.label[1].toFixed(1)} text-anchor=${link.labelAnchor}>${label}</text>`
        : nothing}
    </g>`;
  }

  private renderTooltip(): TemplateResult | typeof nothing {
    const id = this.hoverId ?? (this.focusWithin ? this.focusedId : null);
    const tree = this.model;
    if (!id || !tree) return nothing;
    const node = tree.nodes.get(id);
    if (!node) return nothing;
    const view = this.views.get(id)!;
    const locale = this.resolvedLocale;
    const lines: string[] = [];
    if (node.previous !== undefined) lines.push(`Previous: ${formatNumber(node.previous, locale, node.format)}${node.unit ? ` ${node.unit}` : ''}`);
    if (node.target !== undefined) lines.push(`Target: ${formatNumber(node.target, locale, node.format)}`);
    const check = this.contributions.checks.get(id);
    if (check) {
      lines.push(
        `${check.formula === 'sum' ? 'Sum' : 'Product'} of inputs: ${formatNumber(check.expected, locale, node.format)}${check.mismatch ? ` — ⚠ off by ${formatPercent(Math.max(check.deviation, check.deviationPrevious ?? 0), locale, 1)}` : ' ✓'}`,
      );
    }
    if (node.owner) lines.push(`Owner: ${node.owner}`);
    // In the corner away from the node, so it never covers what it describes.
    const laid = this.layout?.byId.get(id);
    let corner = 'bottom left';
    if (laid) {
      const t = this.transform;
      const sx = (laid.x + laid.width / 2) * t.k + t.x;
      const sy = (laid.y + laid.height / 2) * t.k + t.y;
      corner = `${sy > this.viewSize.height / 2 ? 'top' : 'bottom'} ${sx < this.viewSize.width / 2 ? 'right' : 'left'}`;
    }
    return html`<div class="tooltip ${corner}" part="tooltip" aria-hidden="true">
      <strong><bdi>${node.name}</bdi></strong>
      <p>${view.value}${view.changeWords ? html` · ${view.changeWords}` : nothing}</p>
      ${node.description ? html`<p class="muted">${node.description}</p>` : nothing}
      ${lines.map((line) => html`<p class="muted">${line}</p>`)}
    </div>`;
  }

  protected renderView(tree: MetricTreeData): TemplateResult {
    const layout = this.layout!;
    const activeId = this.hoverId ?? (this.focusWithin ? this.focusedId : null);
    const active = new Set(activeId && tree.nodes.has(activeId) ? pathToRoot(tree, activeId) : []);
    let nodes = layout.nodes;
    let links = layout.links;
    const overview = this.aggregate ? this.overview(layout) : null;
    if (overview) {
      // Only the tab stop and the highlighted path stay real elements: the focused treeitem keeps the
      // accessibility tree and keyboard navigation working; the rest is in the overview paths.
      const keep = new Set(active);
      if (this.focusedId) keep.add(this.focusedId);
      nodes = layout.nodes.filter((n) => keep.has(n.id));
      links = layout.links.filter((l) => active.has(l.id));
    } else if (this.renderWindow) {
      const culled = cull(layout, this.renderWindow);
      nodes = culled.nodes;
      links = culled.links;
      // The tab stop is always in the DOM, even when panned out of view.
      const focused = this.focusedId ? layout.byId.get(this.focusedId) : undefined;
      if (focused && !nodes.includes(focused)) nodes = [...nodes, focused];
    }
    const root = tree.nodes.get(tree.rootId)!;
    const hasFormula = tree.order.some((id) => tree.nodes.get(id)!.formula && tree.nodes.get(id)!.childIds.length);
    const hasHypothesis = tree.order.some((id) => !tree.nodes.get(id)!.formula && tree.nodes.get(id)!.childIds.length);
    const hasNegative = tree.order.some((id) => tree.nodes.get(id)!.relation === 'negative');
    return html`<div part="base" class="base">
      <div class="toolbar" part="toolbar">
        <span class="title truncate">${this.label ?? nothing}</span>
        <button type="button" part="expand-all" @click=${() => this.expandAll()} title="Expand all">Expand all</button>
        <button type="button" part="collapse-all" @click=${() => this.collapseAll()} title="Collapse all">Collapse all</button>
        <button type="button" part="zoom-out" aria-label="Zoom out" title="Zoom out" @click=${() => this.zoomBy(1 / 1.4)}>−</button>
        <button type="button" part="zoom-in" aria-label="Zoom in" title="Zoom in" @click=${() => this.zoomBy(1.4)}>+</button>
        <button type="button" part="fit" title="Fit the tree into the view" @click=${() => this.fit()}>Fit</button>
      </div>
      <div class="viewport" part="viewport">
        <svg class="canvas" xmlns="http://www.w3.org/2000/svg">
          <g class="zoom">
            <g class=${this.simple ? "links simple" : "links"} aria-hidden="true">
              ${overview
                ? svg`<g class="overview" pointer-events="none">${overview.links.map((p) => svg`<g class=${p.className}><path d=${p.d}></path></g>`)}</g>`
                : nothing}
              ${repeat(links, (l) => l.id, (l) => this.renderLink(l, active))}
            </g>
            ${overview
              ? svg`<g class="overview" aria-hidden="true" pointer-events="none">${overview.nodes.map(
                  (p) => svg`<g class=${p.className}><path class="card" d=${p.d}></path></g>`,
                )}</g>`
              : nothing}
            <g class="nodes" part="tree" role="tree" aria-label=${`Metric tree: ${root.name}`} aria-describedby="summary"
              @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
              @focusin=${() => (this.focusWithin = true)}
              @focusout=${(e: FocusEvent) => {
                if (!(e.relatedTarget instanceof Node && (e.currentTarget as Node).contains(e.relatedTarget))) this.focusWithin = false;
              }}>
              ${repeat(nodes, (n) => n.id, (n) => this.renderNode(n, active))}
            </g>
            <g class="labels" aria-hidden="true">
              ${repeat(nodes, (n) => n.id, (n) => this.renderNodeText(n))}
            </g>
          </g>
        </svg>
        ${this.renderTooltip()}
      </div>
      <div class="legend" part="legend" aria-hidden="true">
        ${hasFormula ? html`<span>${this.legendLine('')} formula (contribution to the change)</span>` : nothing}
        ${hasHypothesis ? html`<span>${this.legendLine('7 5')} hypothesised influence</span>` : nothing}
        ${hasNegative ? html`<span>${this.legendLine('12 4 2 4', true)} negative relation</span>` : nothing}
        ${this.contributions.topDriver.size ? html`<span>★ top driver</span>` : nothing}
        <span class="hint">Drag to pan · ${this.wheelZoom ? 'wheel' : 'Ctrl/⌘ + wheel'} to zoom · arrow keys to move</span>
      </div>
      <p id="summary" class="sr-only">${this.summary}</p>
      ${this.renderNotices()}
    </div>`;
  }

  private legendLine(dash: string, negative = false): TemplateResult {
    return html`<svg width="34" height="14" aria-hidden="true"
      ><g class="link ${dash ? (negative ? 'formula negative' : 'hypothesis') : 'formula'}"
        ><path d="M1,7H33" stroke-width="2"></path>${negative
          ? svg`<g class="minus" transform="translate(17,7)"><circle r="6"></circle><text>−</text></g>`
          : nothing}</g
      ></svg>`;
  }
}
