// Our elements, from the benchmark's private build (bench/.build/ours/, made by bench/run.mjs with
// esbuild from src/; the same sources as dist/, minified, Lit's production build).
import { nextFrame } from '../harness.mjs';

const TAGS = { tree: 'metric-tree', funnel: 'funnel-chart', spark: 'north-star-card', goal: 'goal-progress' };
let manifest = { files: [], tags: [] };
let updates = 0;
const warnings = [];

function make(tag, input, attrs = {}) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.data = input;
  return el;
}

/** The shadow-DOM <svg> of the tree that d3-zoom listens on (the largest one). */
function zoomTarget(el) {
  const canvas = el.shadowRoot?.querySelector('svg.canvas');
  if (canvas) return canvas;
  const svgs = [...(el.shadowRoot?.querySelectorAll('svg') ?? [])];
  return svgs.sort((a, b) => b.getBoundingClientRect().width * b.getBoundingClientRect().height - a.getBoundingClientRect().width * a.getBoundingClientRect().height)[0];
}
function transformOf(el) {
  const g = el.shadowRoot?.querySelector('svg g.zoom') ?? el.shadowRoot?.querySelector('svg g[transform]');
  return g?.getAttribute('transform') ?? '';
}

const available = (kind) => () => !!customElements.get(TAGS[kind]);

/**
 * Wraps Lit lifecycle methods to time them (bench/profile.mjs): normalizeData (inside willUpdate),
 * willUpdate (layout computation), render (template values), update (render + DOM commit), updated
 * (post-commit work: measuring, binding zoom, …). Nested times are included in the outer ones.
 */
const phases = {};
function timePhases(tag, proto) {
  const table = (phases[tag] = {});
  for (const name of ['normalizeData', 'willUpdate', 'render', 'update', 'updated']) {
    let owner = proto;
    while (owner && !Object.prototype.hasOwnProperty.call(owner, name)) owner = Object.getPrototypeOf(owner);
    if (!owner) continue;
    const original = proto[name];
    proto[name] = function (...args) {
      const t = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const row = (table[name] ??= { ms: 0, calls: 0 });
        row.ms += performance.now() - t;
        row.calls++;
      }
    };
  }
}

export default {
  label: 'north-star-widgets',
  warnings,
  version: () => manifest.version ?? '',
  notes: () => manifest.notes ?? [],
  async load() {
    // ?build=ours-dev loads the unminified build that bench/profile.mjs makes (readable profiles).
    const dir = `/bench/.build/${new URLSearchParams(location.search).get('build') ?? 'ours'}`;
    manifest = await (await fetch(`${dir}/manifest.json`, { cache: 'no-store' })).json();
    for (const file of manifest.files) {
      try {
        await import(`${dir}/${file}`);
      } catch (error) {
        warnings.push(`could not load ${file}: ${error.message}`);
      }
    }
    // Count Lit updates of our elements, to see renders that happen in later frames
    // (e.g. the ResizeController's width, delivered one frame after the first render).
    for (const tag of Object.values(TAGS)) {
      const Class = customElements.get(tag);
      if (!Class) continue;
      const proto = Class.prototype;
      const original = proto.update;
      proto.update = function (changed) {
        updates++;
        return original.call(this, changed);
      };
      if (new URLSearchParams(location.search).has('phases')) timePhases(tag, proto);
    }
  },
  /** With ?phases: milliseconds spent in each lifecycle method, per element (see timePhases). */
  phases: () => phases,
  async settle(h) {
    const el = h?.el ?? h;
    if (!el || !('updateComplete' in el)) return;
    do await el.updateComplete;
    while (el.isUpdatePending);
  },
  /**
   * End (performance.now()) of the first frame after every hidden data table of these elements got
   * its rows (they render in an idle task after first paint: bench/RESULTS.md F2), or null if none
   * was pending. Gives up after 3 s.
   */
  async deferred(h) {
    const els = (Array.isArray(h) ? h : [h]).map((x) => x?.el ?? x).filter((x) => x?.shadowRoot);
    const busy = () => els.some((el) => el.shadowRoot.querySelector('table[aria-busy="true"]'));
    if (!busy()) return null;
    const start = performance.now();
    for (;;) {
      const frame = await nextFrame();
      if (!busy() || frame.end - start > 3000) return frame.end;
    }
  },
  /** Frames after the first in which our elements still rendered (until one frame without a render). */
  async moreFrames() {
    const frames = [];
    for (let i = 0; i < 8; i++) {
      const before = updates;
      const frame = await nextFrame();
      if (updates === before) break;
      frames.push(frame);
    }
    return frames;
  },
  kinds: {
    tree: {
      available: available('tree'),
      mount(container, input) {
        const el = make('metric-tree', input, { 'expand-depth': '100', height: '700' });
        container.append(el);
        return el;
      },
      zoom(el) {
        // One Ctrl + wheel notch (metric-tree zooms on Ctrl/⌘ + wheel unless wheel-zoom is set):
        // d3-zoom scales by 2^(−deltaY × 0.002 × 10) = 2^0.32 ≈ 1.25, centred on the view.
        const svg = zoomTarget(el);
        if (!svg) throw new Error('metric-tree: no <svg> to zoom');
        const before = transformOf(el);
        const r = svg.getBoundingClientRect();
        svg.dispatchEvent(new WheelEvent('wheel', { bubbles: true, composed: true, cancelable: true, ctrlKey: true, deltaY: -16, deltaMode: 0, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, view: window }));
        if (transformOf(el) === before && !warnings.includes('zoom: the wheel event did not change the view transform')) warnings.push('zoom: the wheel event did not change the view transform');
        return el;
      },
      panStart(el) {
        const svg = zoomTarget(el);
        const r = svg.getBoundingClientRect();
        el.__pan = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        svg.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true, button: 0, clientX: el.__pan.x, clientY: el.__pan.y, view: window }));
      },
      pan(el) {
        // One drag move of 40 × 30 px (d3-zoom listens for mousemove on the window during a drag).
        const before = transformOf(el);
        window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, cancelable: true, clientX: el.__pan.x + 40, clientY: el.__pan.y + 30, view: window }));
        if (transformOf(el) === before && !warnings.includes('pan: the drag did not change the view transform')) warnings.push('pan: the drag did not change the view transform');
        return el;
      },
      panEnd(el) {
        window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, clientX: el.__pan.x + 40, clientY: el.__pan.y + 30, view: window }));
      },
      collapseAll(el) {
        el.collapseAll();
        return el;
      },
      expandAll(el) {
        el.expandAll();
        return el;
      },
      update(el, input) {
        el.data = input;
        return el;
      },
      destroy(el) {
        el.remove();
      },
    },
    funnel: {
      available: available('funnel'),
      mount(container, input) {
        const el = make('funnel-chart', input);
        container.append(el);
        return el;
      },
      update(el, input) {
        el.data = input;
        return el;
      },
      destroy(el) {
        el.remove();
      },
    },
    spark: {
      available: available('spark'),
      mount(container, input) {
        const el = make('north-star-card', input);
        container.append(el);
        return el;
      },
      destroy(el) {
        el.remove();
      },
    },
    goal: {
      available: available('goal'),
      mount(container, input) {
        const el = make('goal-progress', input, { 'as-of': '2026-11-20' });
        container.append(el);
        return el;
      },
      destroy(el) {
        el.remove();
      },
    },
  },
};
