// In-page side of the benchmark. bench.html?lib=<adapter> loads one contender (an adapter in
// ./adapters/) and exposes window.__bench for bench/run.mjs:
//   await __bench.ready                      → { lib, version, kinds: { tree: [...ops], … } }
//   await __bench.run(scenario, { runs, warmup }) → { metrics: { name: { samples, … } }, notes }
//   await __bench.cycles(kind, count)          → mount/render/remove cycles (heap measured from Node via CDP)
//
// Timing model (the same for every contender):
//   A step starts inside a requestAnimationFrame callback (t0 = performance.now()), runs the
//   contender's synchronous work plus its own promise (ours: Lit's updateComplete; Vega: runAsync;
//   ECharts: setOption + zr.flush()), then posts a MessageChannel message. That message is handled
//   after the browser has finished the frame (style, layout, ResizeObserver callbacks, paint,
//   commit), so t1 − t0 covers script + style + layout + paint of that frame, without the idle wait
//   for the next vsync. If the contender keeps re-rendering in the following frames (an adapter's
//   `moreFrames` hook tells), t1 moves to the end of the last frame that did work — that part then
//   includes the wait for those frames, as a user would see it.
import * as data from '../data.mjs';
import { afterFrame } from './harness-frame.mjs';

export { afterFrame };

const params = new URLSearchParams(location.search);
const libName = params.get('lib') ?? 'ours';
const stage = document.getElementById('stage');

/**
 * Resolves at the end of the next frame with { start, end, busy }: `start` is the frame's own
 * timestamp (the rAF argument, shared by every rAF callback of that frame, so work that other
 * callbacks did before ours counts), `end` is after rendering.
 */
export function nextFrame() {
  return new Promise((resolve) =>
    requestAnimationFrame((start) => afterFrame().then((end) => resolve({ start, end, busy: end - start }))),
  );
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

let adapter;
/**
 * Measures one step: `fn()` returns a handle (or a promise of one). Returns
 * { ms: start → end of the last frame that did work, firstFrame: start → end of the first frame,
 *   longestFrame: the busiest frame's work (script + style + layout + paint), frames: count, handle }.
 */
async function measure(fn, { moreFrames = adapter.moreFrames } = {}) {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(async () => {
      try {
        const t0 = performance.now();
        const handle = await fn();
        if (adapter.settle && handle) await (Array.isArray(handle) ? Promise.all(handle.map((h) => adapter.settle(h))) : adapter.settle(handle));
        const t1 = await afterFrame();
        const result = { ms: t1 - t0, firstFrame: t1 - t0, longestFrame: t1 - t0, frames: 1, handle };
        if (moreFrames) {
          // Later frames in which the contender still rendered (e.g. a deferred ResizeObserver width,
          // culling after a zoom): the step ends with the last of them.
          for (const frame of await moreFrames(handle)) {
            result.ms = frame.end - t0;
            result.longestFrame = Math.max(result.longestFrame, frame.busy);
            result.frames++;
          }
        }
        // Work our elements defer past first paint (the hidden data tables' rows, rendered in an idle
        // task): not part of the step, but waited for and reported, so that it neither goes unseen
        // nor lands in the next run's frames.
        if (adapter.deferred && handle) {
          const end = await adapter.deferred(handle);
          if (end) result.deferredEnd = end - t0;
        }
        resolve(result);
      } catch (error) {
        reject(error);
      }
    });
  });
}

function box(kind, extra = '') {
  const el = document.createElement('div');
  el.className = `box ${kind} ${extra}`.trim();
  stage.append(el);
  return el;
}
function grid(n, extra = '') {
  const el = document.createElement('div');
  el.className = `grid ${extra}`.trim();
  const cells = [];
  for (let i = 0; i < n; i++) {
    const cell = document.createElement('div');
    cell.className = 'cell';
    el.append(cell);
    cells.push(cell);
  }
  stage.append(el);
  return { el, cells };
}
function clear() {
  stage.textContent = '';
}

/** Scenario name → definition. `steps` are measured in order within one run; `setup` is untimed. */
const SCENARIOS = {};
for (const n of [100, 1000, 10000]) {
  SCENARIOS[`tree-${n}`] = {
    kind: 'tree',
    async run(api, record) {
      const input = api.prepare(data.tree(n, { seed: 1 }));
      const container = box('tree');
      const first = await measure(() => api.mount(container, input));
      record('first render', first.ms, { firstFrame: first.firstFrame, frames: first.frames });
      const h = first.handle;
      if (api.zoom) {
        const z = await measure(() => api.zoom(h));
        record('zoom step', z.longestFrame, { total: z.ms, frames: z.frames });
      }
      if (api.pan) {
        await api.panStart?.(h);
        const p = await measure(() => api.pan(h));
        await api.panEnd?.(h);
        record('pan step', p.longestFrame, { total: p.ms, frames: p.frames });
      }
      if (api.collapseAll) {
        const c = await measure(() => api.collapseAll(h));
        record('collapse all', c.ms, { frames: c.frames, longest: c.longestFrame });
      }
      if (api.expandAll) {
        const e = await measure(() => api.expandAll(h));
        record('expand all', e.ms, { frames: e.frames, longest: e.longestFrame });
        // expandAll() fits the whole tree into the view: zoom and pan again with every node in view.
        if (api.zoom) {
          const z = await measure(() => api.zoom(h));
          record('zoom step, whole tree in view', z.longestFrame, { total: z.ms, frames: z.frames });
        }
        if (api.pan) {
          await api.panStart?.(h);
          const p = await measure(() => api.pan(h));
          await api.panEnd?.(h);
          record('pan step, whole tree in view', p.longestFrame, { total: p.ms, frames: p.frames });
        }
      }
      await api.destroy(h);
      clear();
    },
  };
}
for (const n of [5, 50]) {
  SCENARIOS[`funnel-${n}`] = {
    kind: 'funnel',
    async run(api, record) {
      const input = api.prepare(data.funnel(n, { seed: 2 }));
      const container = box('funnel', n > 10 ? 'tall' : '');
      const first = await measure(() => api.mount(container, input));
      record('first render', first.ms, { firstFrame: first.firstFrame, ...(first.deferredEnd ? { rowsReady: first.deferredEnd } : {}) });
      await api.destroy(first.handle);
      clear();
    },
  };
}
SCENARIOS['spark-365'] = {
  kind: 'spark',
  async run(api, record) {
    const input = api.prepare(data.card(365, { index: 0 }));
    const container = box('spark');
    const first = await measure(() => api.mount(container, input));
    record('first render', first.ms, { firstFrame: first.firstFrame, ...(first.deferredEnd ? { rowsReady: first.deferredEnd } : {}) });
    await api.destroy(first.handle);
    clear();
  },
};
SCENARIOS['cards-100'] = {
  kind: 'spark',
  async run(api, record) {
    const inputs = Array.from({ length: 100 }, (_, i) => api.prepare(data.card(30, { index: i })));
    const { cells } = grid(100);
    const first = await measure(() => Promise.all(inputs.map((input, i) => api.mount(cells[i], input))));
    record('first render (100 cards)', first.ms, { firstFrame: first.firstFrame, ...(first.deferredEnd ? { rowsReady: first.deferredEnd } : {}) });
    for (const h of first.handle) await api.destroy(h);
    clear();
  },
};
SCENARIOS['goals-100'] = {
  kind: 'goal',
  async run(api, record) {
    const inputs = Array.from({ length: 100 }, (_, i) => api.prepare(data.goal(i)));
    const { cells } = grid(100, 'goals');
    const first = await measure(() => Promise.all(inputs.map((input, i) => api.mount(cells[i], input))));
    record('first render (100 goals)', first.ms, { firstFrame: first.firstFrame, ...(first.deferredEnd ? { rowsReady: first.deferredEnd } : {}) });
    for (const h of first.handle) await api.destroy(h);
    clear();
  },
};
SCENARIOS.update = {
  kinds: ['tree', 'funnel'],
  async run(apis, record) {
    if (apis.tree?.update) {
      const api = apis.tree;
      const a = api.prepare(data.tree(1000, { seed: 1 }));
      const b = api.prepare(data.tree(1000, { seed: 7 }));
      const container = box('tree');
      const first = await measure(() => api.mount(container, a));
      const u = await measure(() => api.update(first.handle, b));
      record('tree-1000 data replaced', u.ms);
      await api.destroy(first.handle);
      clear();
    }
    if (apis.funnel?.update) {
      const api = apis.funnel;
      const a = api.prepare(data.funnel(5, { seed: 2 }));
      const b = api.prepare(data.funnel(5, { seed: 8 }));
      const container = box('funnel');
      const first = await measure(() => api.mount(container, a));
      const u = await measure(() => api.update(first.handle, b));
      record('funnel-5 data replaced', u.ms);
      await api.destroy(first.handle);
      clear();
    }
  },
};

/** Inputs for the mount/unmount cycles, per element kind (small, realistic data). */
const CYCLE_DATA = {
  tree: () => data.tree(100, { seed: 3 }),
  funnel: () => data.funnel(5, { seed: 4 }),
  spark: () => data.card(30, { index: 1 }),
  goal: () => data.goal(1),
};

window.__bench = {
  lib: libName,
  ready: (async () => {
    adapter = (await import(`./adapters/${libName}.mjs`)).default;
    await adapter.load();
    const kinds = {};
    for (const kind of ['tree', 'funnel', 'spark', 'goal']) {
      const api = adapter.kinds[kind];
      if (api && (!api.available || api.available())) kinds[kind] = Object.keys(api).filter((k) => typeof api[k] === 'function');
    }
    return { lib: libName, label: adapter.label, version: adapter.version?.() ?? '', kinds, notes: adapter.notes?.() ?? [] };
  })(),

  /** Runs a scenario `warmup` + `runs` times; returns raw samples per metric. */
  async run(name, { runs = 7, warmup = 1 } = {}) {
    await this.ready;
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`unknown scenario ${name}`);
    const apis = scenario.kinds
      ? Object.fromEntries(scenario.kinds.map((k) => [k, usable(k)]).filter(([, v]) => v))
      : usable(scenario.kind);
    if (!apis || (scenario.kinds && Object.keys(apis).length === 0)) return { available: false, metrics: {} };
    const metrics = {};
    for (let i = 0; i < warmup + runs; i++) {
      const counted = i >= warmup;
      await scenario.run(apis, (metric, ms, extra = {}) => {
        if (!counted) return;
        const m = (metrics[metric] ??= { samples: [], extra: {} });
        m.samples.push(ms);
        for (const [k, v] of Object.entries(extra)) (m.extra[k] ??= []).push(v);
      });
      if (typeof gc === 'function') gc();
      await nextFrame();
    }
    for (const m of Object.values(metrics)) m.median = median(m.samples);
    return { available: true, metrics, warnings: adapter.warnings?.splice(0) ?? [] };
  },

  /** What an empty step measures (rAF → message after the frame): the floor under every number. */
  async floor(n = 21) {
    await this.ready;
    const samples = [];
    for (let i = 0; i < n; i++) samples.push((await measure(() => null, { moreFrames: null })).ms);
    return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
  },

  /** Lifecycle timings collected by the adapter (ours with ?phases), if any. */
  phases() {
    return adapter.phases?.() ?? null;
  },

  /** `count` create → render → remove cycles of one element kind. Returns ms per cycle. */
  async cycles(kind, count) {
    await this.ready;
    const api = usable(kind);
    if (!api) return { available: false };
    const container = box(kind === 'spark' ? 'spark' : kind === 'goal' ? 'spark' : kind);
    const input = api.prepare(CYCLE_DATA[kind]());
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const h = await api.mount(container, input);
      if (adapter.settle) await adapter.settle(h);
      // Let a frame pass now and then, so frame-driven work (ResizeObserver, rAF) also runs.
      if (i % 50 === 49) await nextFrame();
      await api.destroy(h);
    }
    await nextFrame();
    await nextFrame();
    const ms = (performance.now() - t0) / count;
    clear();
    return { available: true, msPerCycle: ms };
  },
};

function usable(kind) {
  const api = adapter.kinds[kind];
  if (!api || (api.available && !api.available())) return null;
  return { prepare: (x) => x, ...api };
}
