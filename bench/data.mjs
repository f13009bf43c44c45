// Deterministic, seeded data generators shared by every contender of the benchmark.
// Runs unchanged in Node and in the browser (served as /bench/data.mjs). Every generator returns a
// fresh object graph, so no library can profit from (or be slowed by) another one's mutations.

/** mulberry32: a tiny, fast, seedable PRNG with a good enough distribution for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Activation', 'Retention', 'Signups', 'Invites', 'Projects', 'Comments', 'Uploads', 'Sessions', 'Teams', 'Seats', 'Trials', 'Upgrades', 'Referrals', 'Searches', 'Exports', 'Tasks'];
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 20); // 2026-11-20, the demo's "this week"

/**
 * A balanced tree of exactly `n` nodes with the given branching factor (node i's children are
 * b·i+1 … b·i+b), as the nested metric-tree data shape: { id, name, value, previous, children }.
 */
export function tree(n, { seed = 1, branching = 4 } = {}) {
  const random = rng(seed);
  const nodes = new Array(n);
  for (let i = 0; i < n; i++) {
    const value = Math.round(1000 + random() * 99_000);
    nodes[i] = {
      id: `n${i}`,
      name: `${WORDS[i % WORDS.length]} ${i}`,
      value,
      previous: Math.round(value * (0.85 + random() * 0.3)),
    };
  }
  for (let i = 0; i < n; i++) {
    const first = branching * i + 1;
    if (first >= n) break;
    nodes[i].children = nodes.slice(first, Math.min(n, first + branching));
  }
  nodes[0].kind = 'north-star';
  return nodes[0];
}

/** The same tree as a flat list with parent ids (Vega's `stratify` input). */
export function flatTree(n, { seed = 1, branching = 4 } = {}) {
  const out = [];
  const walk = (node, parent) => {
    out.push({ id: node.id, parent, name: node.name, value: node.value });
    for (const child of node.children ?? []) walk(child, node.id);
  };
  walk(tree(n, { seed, branching }), null);
  return out;
}

/** A monotone-decreasing funnel of `n` steps, with `previous` counts: { name, steps: [{ name, value, previous }] }. */
export function funnel(n, { seed = 2 } = {}) {
  const random = rng(seed);
  let value = 100_000;
  let previous = 95_000;
  const steps = [];
  for (let i = 0; i < n; i++) {
    steps.push({ name: `${WORDS[i % WORDS.length]} step ${i + 1}`, value: Math.round(value), previous: Math.round(previous) });
    value *= 0.55 + random() * 0.4;
    previous *= 0.55 + random() * 0.4;
  }
  return { name: `Funnel of ${n} steps`, steps };
}

/** A daily series of `n` points ending on 2026-11-20: [{ date: 'YYYY-MM-DD', value }]. */
export function series(n, { seed = 3, base = 10_000 } = {}) {
  const random = rng(seed);
  const out = [];
  let value = base;
  for (let i = 0; i < n; i++) {
    value = Math.max(0, value * (0.97 + random() * 0.065));
    out.push({ date: new Date(END - (n - 1 - i) * DAY).toISOString().slice(0, 10), value: Math.round(value) });
  }
  return out;
}

/** A north-star-card metric with an `n`-point series. */
export function card(n, { seed = 4, index = 0 } = {}) {
  const points = series(n, { seed: seed * 1000 + index });
  const value = points[points.length - 1].value;
  const previous = points[Math.max(0, points.length - 8)].value;
  return {
    id: `card-${index}`,
    name: `${WORDS[index % WORDS.length]} ${index}`,
    value,
    previous,
    target: Math.round(value * 1.2),
    unit: 'teams',
    comparison: 'vs last week',
    series: points,
  };
}

/** A goal-progress goal (the k-th of a list), with a 12-point weekly series. */
export function goal(index = 0, { seed = 5 } = {}) {
  const random = rng(seed * 1000 + index);
  const baseline = Math.round(5000 + random() * 5000);
  const target = Math.round(baseline * (1.2 + random() * 0.5));
  const start = END - 84 * DAY;
  const deadline = END + 84 * DAY;
  const pts = [];
  let v = baseline;
  for (let w = 0; w <= 12; w++) {
    pts.push({ date: new Date(start + w * 7 * DAY).toISOString().slice(0, 10), value: Math.round(v) });
    v += (target - baseline) / 24 * (0.5 + random());
  }
  return {
    name: `Grow ${WORDS[index % WORDS.length].toLowerCase()} ${index}`,
    metric: WORDS[index % WORDS.length],
    baseline,
    target,
    value: pts[pts.length - 1].value,
    start: new Date(start).toISOString().slice(0, 10),
    deadline: new Date(deadline).toISOString().slice(0, 10),
    series: pts,
  };
}

/** Number of nodes in a tree (for checks). */
export function countNodes(node) {
  let count = 0;
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    count++;
    if (n.children) stack.push(...n.children);
  }
  return count;
}
