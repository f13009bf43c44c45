/**
 * `<metric-tree>` data: nested (`{ name, children: [...] }`) or flat (`{ nodes: [{ id, parent }] }`)
 * input, normalised into one id-keyed tree. Pure and DOM-free. Every walk is iterative (an explicit
 * stack), so a chain 20,000 levels deep cannot overflow the call stack, and a nested object that
 * contains itself (a JS reference cycle) is reported instead of hanging.
 *
 * Choices (documented in docs/metric-tree.md):
 * - A bad field (`value: "abc"`) drops that field only; the node stays and shows "—".
 * - A node without a `name` is dropped with its subtree, reported by path and id.
 * - Flat lists: a duplicate id drops the later node; a missing parent, a second root and a cycle
 *   drop the nodes concerned with everything beneath them. Each is one issue naming the node.
 * - Nested trees: an explicit duplicate id is renamed (`x-2`) and reported; ids derived from names
 *   are made unique silently (two "Conversion rate" inputs under different parents are normal).
 */
import { type Issue, ROOT_PATH, describeValue, field, isRecord, joinPath } from '../core/issues.js';
import { type Metric, readMetric } from '../core/metric.js';
import { readEnum, readNumber, readString } from '../core/read.js';

export const RELATIONS = ['positive', 'negative'] as const;
export type Relation = (typeof RELATIONS)[number];
export const FORMULAS = ['sum', 'product'] as const;
export type Formula = (typeof FORMULAS)[number];

/** One metric of the tree, with its place in it. JSON-safe: links are ids, not object references. */
export interface TreeNode extends Metric {
  /** How this node moves its parent; default `positive`. */
  relation: Relation;
  /** Share of influence on the parent, 0..1, when known. */
  weight?: number;
  /** A tag such as `north-star`, `input`, `guardrail`. */
  kind?: string;
  /** This node is the sum (or product) of its children. */
  formula?: Formula;
  parentId: string | null;
  childIds: string[];
  /** 0 for the root. */
  depth: number;
  /** Number of nodes beneath this one, all levels. */
  descendants: number;
  /** Where the node is in the data, for messages: `children[0].children[2]` or `nodes[4]`. */
  path: string;
}

export interface MetricTreeData {
  rootId: string;
  nodes: Map<string, TreeNode>;
  /** Ids in pre-order (parents before children, children in data order). */
  order: string[];
  /** Label of the comparison period, e.g. `vs last week` (root or top-level `comparison`). */
  comparison?: string;
  /** Largest depth. */
  height: number;
}

export interface TreeNormalized {
  value: MetricTreeData | null;
  issues: Issue[];
}

/** `children[2]` + id `b` → `children[2] (id "b")`: the form in which structural problems name a node. */
export function nodeLabel(path: string, id: string | undefined): string {
  return id === undefined ? path : `${path} (id ${JSON.stringify(id)})`;
}

/** Reads the id a raw node asks for (text or number), without reporting. */
function rawId(raw: Record<string, unknown>): string | undefined {
  const id = field(raw, 'id');
  if (typeof id === 'string' && id.trim()) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}

type NodeFields = Omit<TreeNode, 'parentId' | 'childIds' | 'depth' | 'descendants' | 'path'>;

/** Metric fields plus the tree's own; `undefined` when the node cannot be shown (no name). */
function readNodeFields(raw: Record<string, unknown>, path: string, issues: Issue[]): NodeFields | undefined {
  const metric = readMetric(raw, path, issues);
  if (!metric) return undefined;
  const at = (key: string) => joinPath(path, key);
  const formulaRaw = field(raw, 'formula');
  let formula: Formula | undefined;
  if (formulaRaw !== undefined && formulaRaw !== null) {
    if (typeof formulaRaw === 'string' && (FORMULAS as readonly string[]).includes(formulaRaw)) formula = formulaRaw as Formula;
    else issues.push({ path: at('formula'), message: `expected "sum" or "product", got ${describeValue(formulaRaw)}; links shown as hypothesised` });
  }
  const kind = readString(field(raw, 'kind'), at('kind'), issues);
  return {
    ...metric,
    relation: readEnum(field(raw, 'relation'), at('relation'), issues, RELATIONS, 'positive'),
    weight: readNumber(field(raw, 'weight'), at('weight'), issues, { min: 0, max: 1 }),
    kind: kind && kind.trim() ? kind : undefined,
    formula,
  };
}

/** Counts the raw nodes under a nested raw node (iteratively, each object once). */
function countRawDescendants(raw: Record<string, unknown>): number {
  const seen = new Set<object>([raw]);
  const stack: unknown[] = [field(raw, 'children')];
  let count = 0;
  while (stack.length) {
    const children = stack.pop();
    if (!Array.isArray(children)) continue;
    for (const child of children) {
      if (!isRecord(child) || seen.has(child)) continue;
      seen.add(child);
      count++;
      stack.push(field(child, 'children'));
    }
  }
  return count;
}

function beneath(count: number): string {
  if (count === 0) return '';
  return count === 1 ? ' with the 1 node beneath it' : ` with the ${count} nodes beneath it`;
}

/** Is the input a flat list (`{ nodes: [...] }` or a bare array) rather than a nested root? */
function isFlat(raw: unknown): boolean {
  if (Array.isArray(raw)) return true;
  return isRecord(raw) && Array.isArray(field(raw, 'nodes')) && field(raw, 'name') === undefined;
}

/** Normalises nested or flat tree data. Never throws; `value` is `null` only when no root can be shown. */
export function normalizeTree(raw: unknown): TreeNormalized {
  const issues: Issue[] = [];
  if (isFlat(raw)) return normalizeFlat(raw, issues);
  if (!isRecord(raw)) {
    return { value: null, issues: [{ path: ROOT_PATH, message: `expected a root node object or { "nodes": [...] }, got ${describeValue(raw)}` }] };
  }
  return normalizeNested(raw, issues);
}

/** Builds depth, descendants and pre-order once parent/child links are set. Iterative. */
function finish(rootId: string, nodes: Map<string, TreeNode>, comparison: string | undefined): MetricTreeData {
  const order: string[] = [];
  const stack = [rootId];
  let height = 0;
  while (stack.length) {
    const id = stack.pop()!;
    const node = nodes.get(id)!;
    order.push(id);
    if (node.depth > height) height = node.depth;
    for (let i = node.childIds.length - 1; i >= 0; i--) {
      const child = nodes.get(node.childIds[i])!;
      child.depth = node.depth + 1;
      stack.push(child.id);
    }
  }
  // Reverse pre-order visits children before their parents: descendants add up in one pass.
  for (let i = order.length - 1; i > 0; i--) {
    const node = nodes.get(order[i])!;
    nodes.get(node.parentId!)!.descendants += node.descendants + 1;
  }
  return { rootId, nodes, order, comparison, height };
}

function readComparison(raw: Record<string, unknown>, issues: Issue[]): string | undefined {
  const text = readString(field(raw, 'comparison'), 'comparison', issues);
  return text && text.trim() ? text : undefined;
}

function normalizeNested(rawRoot: Record<string, unknown>, issues: Issue[]): TreeNormalized {
  const nodes = new Map<string, TreeNode>();
  const rawOf = new Map<string, object>();
  const visited = new Set<object>();
  const explicitIds = new Map<string, string>(); // id → path of the node that has it
  let rootId: string | null = null;

  interface Work {
    raw: unknown;
    path: string;
    parentId: string | null;
  }
  const stack: Work[] = [{ raw: rawRoot, path: ROOT_PATH, parentId: null }];
  while (stack.length) {
    const { raw, path, parentId } = stack.pop()!;
    if (!isRecord(raw)) {
      issues.push({ path, message: `expected a node object, got ${describeValue(raw)}; dropped` });
      continue;
    }
    const wantedId = rawId(raw);
    if (visited.has(raw)) {
      // The same object again: either it contains itself (a cycle) or it is shared by two parents.
      const chain: string[] = [];
      let cursor: string | null = parentId;
      let cycleStart: string | null = null;
      while (cursor !== null) {
        chain.push(cursor);
        if (rawOf.get(cursor) === raw) {
          cycleStart = cursor;
          break;
        }
        cursor = nodes.get(cursor)!.parentId;
      }
      if (cycleStart !== null) {
        const ids = chain.reverse();
        issues.push({ path: nodeLabel(path, cycleStart), message: `cycle ${[...ids, cycleStart].join(' → ')} (an object that contains itself); the repeated link is dropped` });
      } else {
        issues.push({ path: nodeLabel(path, wantedId), message: 'the same node object appears twice in the tree; the second occurrence is dropped' });
      }
      continue;
    }
    visited.add(raw);
    const before = issues.length;
    const fields = readNodeFields(raw, path, issues);
    if (!fields) {
      const dropped = countRawDescendants(raw);
      // Replace readMetric's "name: required" with one issue that names the node and what went with it.
      const reasons = issues.splice(before).filter((issue) => issue.path === joinPath(path, 'name'));
      const why = reasons.length ? `has no name (${reasons[0].message})` : 'has no name';
      if (parentId === null) return { value: null, issues: [...issues, { path: nodeLabel(path, wantedId), message: `the root ${why}` }] };
      issues.push({ path: nodeLabel(path, wantedId), message: `${why}; dropped${beneath(dropped)}` });
      continue;
    }
    let id = fields.id;
    if (nodes.has(id)) {
      let n = 2;
      while (nodes.has(`${id}-${n}`)) n++;
      const unique = `${id}-${n}`;
      if (wantedId !== undefined) {
        issues.push({ path: nodeLabel(path, wantedId), message: `duplicate id (also at ${explicitIds.get(id) ?? nodes.get(id)!.path}); renamed "${unique}"` });
      }
      id = unique;
    }
    if (wantedId !== undefined && !explicitIds.has(wantedId)) explicitIds.set(wantedId, path);
    const node: TreeNode = { ...fields, id, parentId, childIds: [], depth: 0, descendants: 0, path };
    nodes.set(id, node);
    rawOf.set(id, raw);
    if (parentId === null) rootId = id;
    else nodes.get(parentId)!.childIds.push(id);

    const children = field(raw, 'children');
    if (children === undefined || children === null) continue;
    const childrenPath = joinPath(path, 'children');
    if (!Array.isArray(children)) {
      issues.push({ path: childrenPath, message: `expected an array of nodes, got ${describeValue(children)}; ignored` });
      continue;
    }
    // Pushed in reverse so children are read (and get their ids) in data order.
    for (let i = children.length - 1; i >= 0; i--) stack.push({ raw: children[i], path: joinPath(childrenPath, i), parentId: id });
  }
  // Children were pushed in reverse and popped in order, so childIds are already in data order.
  return { value: finish(rootId!, nodes, readComparison(rawRoot, issues)), issues };
}

function normalizeFlat(raw: unknown, issues: Issue[]): TreeNormalized {
  const list = Array.isArray(raw) ? raw : (field(raw as Record<string, unknown>, 'nodes') as unknown[]);
  const listPath = Array.isArray(raw) ? ROOT_PATH : 'nodes';
  const at = (i: number) => joinPath(listPath, i);
  const comparison = isRecord(raw) ? readComparison(raw, issues) : undefined;
  if (list.length === 0) return { value: null, issues: [...issues, { path: listPath, message: 'expected at least one node' }] };

  interface Entry {
    node: TreeNode;
    parentRef: string | undefined;
    index: number;
  }
  const entries = new Map<string, Entry>();
  const noName = new Map<string, number>(); // explicit id of a dropped nameless node → index
  const anchored: Issue[] = [];
  const issueAt = new Map<Issue, number>(); // structural issues are sorted by node index

  list.forEach((item, index) => {
    const path = at(index);
    if (!isRecord(item)) {
      issues.push({ path, message: `expected a node object, got ${describeValue(item)}; dropped` });
      return;
    }
    const wantedId = rawId(item);
    const parentRaw = field(item, 'parent');
    let parentRef: string | undefined;
    if (typeof parentRaw === 'string' && parentRaw.trim() !== '') parentRef = parentRaw;
    else if (typeof parentRaw === 'number' && Number.isFinite(parentRaw)) parentRef = String(parentRaw);
    else if (parentRaw !== undefined && parentRaw !== null && parentRaw !== '') {
      issues.push({ path: joinPath(path, 'parent'), message: `expected the id of another node, got ${describeValue(parentRaw)}; read as a root` });
    }
    const before = issues.length;
    const fields = readNodeFields(item, path, issues);
    if (!fields) {
      const reasons = issues.splice(before).filter((issue) => issue.path === joinPath(path, 'name'));
      if (wantedId !== undefined) noName.set(wantedId, index);
      const issue = { path: nodeLabel(path, wantedId), message: `${reasons.length ? `has no name (${reasons[0].message})` : 'has no name'}; dropped` };
      anchored.push(issue);
      issueAt.set(issue, index);
      return;
    }
    const existing = entries.get(fields.id);
    if (existing) {
      const issue = { path: nodeLabel(path, fields.id), message: `duplicate id (first at ${existing.node.path}); dropped` };
      anchored.push(issue);
      issueAt.set(issue, index);
      return;
    }
    if (parentRef === fields.id) {
      const issue = { path: nodeLabel(path, fields.id), message: `cycle ${fields.id} → ${fields.id} (its own parent); dropped` };
      anchored.push(issue);
      issueAt.set(issue, index);
      noName.set(fields.id, index); // children of it are dropped with it
      return;
    }
    entries.set(fields.id, { node: { ...fields, parentId: null, childIds: [], depth: 0, descendants: 0, path }, parentRef, index });
  });

  // Link children to parents that exist; find the roots.
  const roots: Entry[] = [];
  for (const entry of entries.values()) {
    if (entry.parentRef === undefined) roots.push(entry);
    else {
      const parent = entries.get(entry.parentRef);
      if (parent) parent.node.childIds.push(entry.node.id);
    }
  }
  const root = roots[0];
  // Everything reachable from the first root is the tree.
  const reachable = new Set<string>();
  if (root) {
    const stack = [root.node.id];
    while (stack.length) {
      const id = stack.pop()!;
      reachable.add(id);
      for (const child of entries.get(id)!.node.childIds) stack.push(child);
    }
  }

  // Every other node hangs under something that stops it reaching the root: a missing or dropped
  // parent, a second root, or a cycle. Walk up from each to find which, and report each group once.
  interface Group {
    anchor: Entry;
    members: number;
    kind: 'missing' | 'dropped' | 'root' | 'cycle';
    cycle?: string[];
  }
  const groupOf = new Map<string, Group>();
  const groups: Group[] = [];
  for (const entry of entries.values()) {
    if (reachable.has(entry.node.id) || groupOf.has(entry.node.id)) continue;
    const walked: string[] = [];
    const position = new Map<string, number>();
    let cursor: Entry = entry;
    let group: Group;
    for (;;) {
      const id = cursor.node.id;
      const known = groupOf.get(id);
      if (known) {
        group = known;
        break;
      }
      const seenAt = position.get(id);
      if (seenAt !== undefined) {
        const cycle = walked.slice(seenAt);
        // Named from its member that comes first in the data.
        let first = 0;
        for (let i = 1; i < cycle.length; i++) if (entries.get(cycle[i])!.index < entries.get(cycle[first])!.index) first = i;
        const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
        group = { anchor: entries.get(rotated[0])!, members: 0, kind: 'cycle', cycle: rotated };
        groups.push(group);
        break;
      }
      position.set(id, walked.length);
      walked.push(id);
      if (cursor.parentRef === undefined) {
        group = { anchor: cursor, members: 0, kind: 'root' };
        groups.push(group);
        break;
      }
      const parent = entries.get(cursor.parentRef);
      if (!parent) {
        group = { anchor: cursor, members: 0, kind: noName.has(cursor.parentRef) ? 'dropped' : 'missing' };
        groups.push(group);
        break;
      }
      cursor = parent;
    }
    for (const id of walked) groupOf.set(id, group);
    group.members += walked.length;
  }
  for (const group of groups) {
    const { node, index, parentRef } = group.anchor;
    const label = nodeLabel(node.path, node.id);
    let message: string;
    if (group.kind === 'cycle') {
      const cycle = group.cycle!;
      message = `cycle ${[...cycle, cycle[0]].join(' → ')} (each → its parent); dropped${beneath(group.members - cycle.length)}`;
      if (cycle.length > 1) message = message.replace('dropped', `all ${cycle.length} dropped`);
    } else if (group.kind === 'root') {
      message = `a second root (a tree has exactly one; the root is ${JSON.stringify(root!.node.id)} at ${root!.node.path}); dropped${beneath(group.members - 1)}`;
    } else if (group.kind === 'dropped') {
      message = `its parent ${JSON.stringify(parentRef)} was dropped (${at(noName.get(parentRef!)!)}); dropped${beneath(group.members - 1)}`;
    } else {
      message = `parent ${JSON.stringify(parentRef)} not found; dropped${beneath(group.members - 1)}`;
    }
    const issue = { path: label, message };
    anchored.push(issue);
    issueAt.set(issue, index);
  }
  anchored.sort((a, b) => issueAt.get(a)! - issueAt.get(b)!);
  issues.push(...anchored);

  if (!root) {
    issues.push({ path: listPath, message: 'no root: every node has a parent (a tree needs one node without "parent")' });
    return { value: null, issues };
  }
  const nodes = new Map<string, TreeNode>();
  for (const id of reachable) {
    const entry = entries.get(id)!;
    if (entry.parentRef !== undefined) entry.node.parentId = entry.parentRef;
    nodes.set(id, entry.node);
  }
  // Children in data order (a child may come before its parent in the list).
  for (const node of nodes.values()) node.childIds.sort((a, b) => entries.get(a)!.index - entries.get(b)!.index);
  return { value: finish(root.node.id, nodes, comparison), issues };
}

/** Ids of the node and its ancestors up to the root, node first. */
export function pathToRoot(tree: MetricTreeData, id: string): string[] {
  const path: string[] = [];
  let cursor = tree.nodes.get(id);
  while (cursor) {
    path.push(cursor.id);
    cursor = cursor.parentId === null ? undefined : tree.nodes.get(cursor.parentId);
  }
  return path;
}
