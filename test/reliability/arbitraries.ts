/**
 * fast-check arbitraries for RELIABILITY D1: arbitrary JSON, and structure-aware data (the SPEC
 * shape of each element with hostile leaves: XSS payloads, doubles including NaN/±Infinity, numeric
 * strings, null, missing fields, extra fields, `__proto__` keys, huge and bidi strings).
 */
import fc from 'fast-check';
import { type Tag, XSS, sampleData } from './helpers.js';

/** One seed per run, printed so a failure can be replayed (`FUZZ_SEED` below, or fast-check's own report). */
export const FUZZ_SEED: number = (() => {
  const fromUrl = Number(new URLSearchParams(location.search).get('fuzz-seed'));
  return Number.isFinite(fromUrl) && fromUrl !== 0 ? fromUrl : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
})();

/** Own `__proto__` / `constructor` keys, as JSON.parse creates them. */
const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":1}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
  JSON.parse('{"__proto__":{"polluted":1},"name":"x","value":1}'),
];

const NUMERIC_STRINGS = ['1234.5', '-3', '1e6', '0x10', '1,234', '1.234,5', '', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '-0', '+.5', '12 ', '٣', '１２'];
const DATES = ['2026-11-20', '2026-11-20T08:00:00Z', '2026-13-45', 'yesterday', '', '0000-00-00', '9999-12-31', '2026-02-30', 1.7e12, -1e20, 8.64e15 + 1];
const ODD_STRINGS = ['\u202Eevil\u202C', 'a\u200Db\u200Dc', '👩‍👩‍👧‍👦 team', 'x'.repeat(10_000), '\u0000', '\uD800', 'percent', 'currency', 'sum', 'product', 'negative', 'decrease', 'neutral'];

/** A hostile leaf: anything a careless export or an attacker could put where a value goes. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...XSS), weight: 3 },
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.integer({ min: -1e6, max: 1e7 }), weight: 3 },
  { arbitrary: fc.constantFrom(...NUMERIC_STRINGS), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, 1, 0.5, 1e308, -1e308, 5e-324), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(...DATES), weight: 2 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.constantFrom(...POLLUTERS), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  { arbitrary: fc.constant([]), weight: 1 },
  { arbitrary: fc.constant({}), weight: 1 },
);

/** Only JSON: for the attribute route (no NaN, no undefined). */
export const jsonLeaf: fc.Arbitrary<unknown> = hostileLeaf.map((v) => {
  if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
  return v;
});

type Path = Array<string | number>;

/** Every path to a leaf and to an object/array (so whole parts can be replaced or removed). */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) paths((value as any)[key], [...prefix, key], out);
  return out;
}

/** Leaves may be shared constants: insert copies, so one run cannot change (or cycle) another's. */
function copy(leaf: unknown): unknown {
  return leaf !== null && typeof leaf === 'object' ? JSON.parse(JSON.stringify(leaf)) : leaf;
}

function setAt(root: any, path: Path, leaf: unknown, remove: boolean): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = node[key];
  }
  if (node === null || typeof node !== 'object') return;
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else Object.defineProperty(node, last, { value: copy(leaf), enumerable: true, writable: true, configurable: true });
}

const EXTRA_KEYS = ['extra', 'children', 'steps', 'series', 'nodes', 'parent', 'id', 'keyResults', 'segments', 'format', 'href', '__proto__', 'constructor', 'weight', 'relation', 'formula', 'target', 'previous', 'baseline', 'deadline', 'start', 'threshold', 'guardrails', 'inputs', 'medianTime', 'tolerance'];

export interface Mutation {
  path: number;
  leaf: unknown;
  remove: boolean;
}

/** The element's SPEC-shaped sample data with 1–6 leaves replaced, removed, or extra fields added. */
export function structured(tag: Tag, leaf: fc.Arbitrary<unknown> = hostileLeaf): fc.Arbitrary<unknown> {
  const base = sampleData(tag);
  const known = paths(base);
  const mutation = fc.record({ path: fc.nat({ max: known.length - 1 }), leaf, remove: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }) });
  const extra = fc.record({ key: fc.constantFrom(...EXTRA_KEYS), leaf, at: fc.nat({ max: known.length }) });
  return fc.tuple(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.array(extra, { maxLength: 2 })).map(([mutations, extras]) => {
    const data = sampleData(tag);
    for (const m of mutations) setAt(data, known[m.path], m.leaf, m.remove);
    for (const e of extras) {
      const target = e.at === known.length ? [] : known[e.at];
      let node: any = data;
      for (const key of target) node = node?.[key];
      if (node && typeof node === 'object' && !Array.isArray(node)) Object.defineProperty(node, e.key, { value: copy(e.leaf), enumerable: true, writable: true, configurable: true });
    }
    return data;
  });
}

/** For the tree: the flat `{ nodes: [...] }` form with hostile ids and parents. */
export const flatTree: fc.Arbitrary<unknown> = fc
  .array(
    fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', '__proto__', 'constructor', ''), fc.integer({ min: 0, max: 5 }), hostileLeaf),
        parent: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz', '__proto__', ''), fc.constant(undefined), fc.constant(null), hostileLeaf),
        name: fc.oneof(fc.constantFrom('Node', 'Other'), hostileLeaf),
        value: fc.oneof(fc.double(), hostileLeaf),
        previous: hostileLeaf,
        relation: fc.oneof(fc.constantFrom('positive', 'negative'), hostileLeaf),
        formula: fc.oneof(fc.constantFrom('sum', 'product'), hostileLeaf),
      },
      { requiredKeys: ['id', 'name'] },
    ),
    { maxLength: 12 },
  )
  .map((nodes) => ({ nodes }));

/** The data arbitraries of one element: JSON, structure-aware, and (tree) the flat form. */
export function dataArbitrary(tag: Tag, leaf: fc.Arbitrary<unknown> = hostileLeaf): fc.Arbitrary<unknown> {
  const options: Array<fc.Arbitrary<unknown>> = [fc.jsonValue({ maxDepth: 4 }), structured(tag, leaf), structured(tag, leaf)];
  if (tag === 'metric-tree') options.push(flatTree);
  if (tag === 'goal-progress') options.push(fc.constant(null).chain(() => structuredObjective(leaf)));
  return fc.oneof(...options);
}

function structuredObjective(leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(structured('goal-progress', leaf), structured('goal-progress', leaf), fc.oneof(fc.double(), leaf)).map(([a, b, weight]) => ({
    name: 'Objective',
    start: '2026-07-01',
    deadline: '2026-12-31',
    keyResults: [a, { ...(b as object), weight }],
  }));
}

/** Deep walk: every number (also in Maps and Sets) is finite; returns the paths that are not. */
export function nonFiniteNumbers(value: unknown, path = '$', seen = new Set<unknown>(), out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
    return out;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof Map) value.forEach((v, k) => nonFiniteNumbers(v, `${path}.get(${String(k).slice(0, 20)})`, seen, out));
  else if (value instanceof Set) value.forEach((v) => nonFiniteNumbers(v, `${path}{}`, seen, out));
  else if (Array.isArray(value)) value.forEach((v, i) => nonFiniteNumbers(v, `${path}[${i}]`, seen, out));
  else for (const key of Object.keys(value)) nonFiniteNumbers((value as any)[key], `${path}.${key}`, seen, out);
  return out;
}

/** `Object.prototype` (and Array's) as it should be: no own enumerable additions, no `polluted`. */
export function prototypeIntact(): boolean {
  return (
    ({} as any).polluted === undefined &&
    ([] as any).polluted === undefined &&
    Object.keys(Object.prototype).length === 0 &&
    !Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')
  );
}

/**
 * `fc.assert` with a readable failure: the property's own error first, then seed, replay path and
 * the (shrunk) counterexample; the seed is also logged, so CI output always has it.
 */
export function checkProperty<Ts>(property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts>): Promise<fc.RunDetails<Ts>> | fc.RunDetails<Ts> {
  const explain = (details: fc.RunDetails<Ts>) => {
    if (!details.failed) return details;
    const error = details.errorInstance as { message?: string } | undefined;
    const message =
      `${error?.message ?? String(details.errorInstance)}\n` +
      `fuzz seed ${details.seed}, path "${details.counterexamplePath}", failed after ${details.numRuns} runs (replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" })\n` +
      `counterexample: ${fc.stringify(details.counterexample).slice(0, 1500)}`;
    console.log(`[reliability] FUZZ FAILURE ${message}`);
    throw new Error(message);
  };
  const result = fc.check(property as fc.IProperty<Ts>, params) as fc.RunDetails<Ts> | Promise<fc.RunDetails<Ts>>;
  return result instanceof Promise ? result.then(explain) : explain(result);
}
