/**
 * Which input explains the change: each child's contribution to its parent's change, where the
 * parent's `formula` makes the arithmetic known. Pure and DOM-free.
 *
 * - `sum`: parent = Σ ± child. The contribution of a child is its own change (value − previous),
 *   subtracted for a `negative` child. The contributions add up to the parent's change exactly
 *   when the formula holds.
 * - `product`: parent = Π child^±1. Log-share decomposition: a child's share of the parent's change
 *   is ln(v / p) of the child over ln(V / P) of the parent, times the parent's change ΔP (a
 *   `negative` child divides, so its log ratio counts negatively). The shares add up to ΔP exactly
 *   when the formula holds. It needs positive values and a parent that moved (V ≠ P).
 * - The top driver is the child whose contribution is largest in the direction the parent moved
 *   (the largest in size when the parent did not move or its change is unknown).
 * - A parent whose value (or previous value) differs from its formula by more than 1 % is flagged.
 */
import type { Formula, MetricTreeData, TreeNode } from './tree-data.js';

export interface Contribution {
  childId: string;
  parentId: string;
  formula: Formula;
  /** Contribution to the parent's change, in the parent's units (same sign convention as ΔP). */
  amount: number;
  /** amount / ΔP; `null` when the parent's change is 0 or unknown. */
  share: number | null;
}

export interface FormulaCheck {
  id: string;
  formula: Formula;
  /** The parent's value as its formula computes it from the children. */
  expected: number;
  actual: number;
  /** |actual − expected| / |expected|; `Infinity` when expected is 0 and actual is not. */
  deviation: number;
  /** Same for `previous`, when every child and the parent have one. */
  expectedPrevious?: number;
  deviationPrevious?: number;
  /** More than 1 % off in either period. */
  mismatch: boolean;
}

export interface TreeContributions {
  /** By child id. */
  contributions: Map<string, Contribution>;
  /** By parent id: the child that explains most of the parent's change. */
  topDriver: Map<string, string>;
  /** By parent id, for parents with a formula whose children all have values. */
  checks: Map<string, FormulaCheck>;
}

/** Tolerance for the formula check: 1 %. */
export const FORMULA_TOLERANCE = 0.01;

function hasChange(node: TreeNode): node is TreeNode & { value: number; previous: number } {
  return node.value !== undefined && node.previous !== undefined;
}

/** The parent's value computed by its formula, or `null` when it cannot be (a missing value, division by 0). */
export function evaluateFormula(formula: Formula, children: ReadonlyArray<{ value?: number; relation: 'positive' | 'negative' }>): number | null {
  let result = formula === 'sum' ? 0 : 1;
  for (const child of children) {
    if (child.value === undefined) return null;
    const negative = child.relation === 'negative';
    if (formula === 'sum') result += negative ? -child.value : child.value;
    else if (negative) {
      if (child.value === 0) return null;
      result /= child.value;
    } else result *= child.value;
  }
  return Number.isFinite(result) ? result : null;
}

function deviationOf(actual: number, expected: number): number {
  const gap = Math.abs(actual - expected);
  if (expected === 0) return gap <= 1e-12 ? 0 : Infinity;
  return gap / Math.abs(expected);
}

/** Contributions of the children of one parent (empty when the parent has no formula). */
export function contributionsOf(parent: TreeNode, children: readonly TreeNode[]): Contribution[] {
  const formula = parent.formula;
  if (!formula) return [];
  const parentDelta = hasChange(parent) ? parent.value - parent.previous : null;
  const result: Contribution[] = [];
  if (formula === 'sum') {
    for (const child of children) {
      if (!hasChange(child)) continue;
      const change = child.value - child.previous;
      const amount = child.relation === 'negative' ? -change : change;
      result.push({ childId: child.id, parentId: parent.id, formula, amount, share: parentDelta ? amount / parentDelta : null });
    }
    return result;
  }
  // Log shares need the parent's change and positive values everywhere.
  if (!hasChange(parent) || parent.value <= 0 || parent.previous <= 0 || parentDelta === 0 || parentDelta === null) return result;
  const parentLog = Math.log(parent.value / parent.previous);
  if (parentLog === 0) return result;
  for (const child of children) {
    if (!hasChange(child) || child.value <= 0 || child.previous <= 0) continue;
    const childLog = Math.log(child.value / child.previous) * (child.relation === 'negative' ? -1 : 1);
    const share = childLog / parentLog;
    result.push({ childId: child.id, parentId: parent.id, formula, amount: share * parentDelta, share });
  }
  return result;
}

/** The child that explains most of the parent's change, or `undefined` if none contributed. */
export function topDriverOf(parent: TreeNode, contributions: readonly Contribution[]): string | undefined {
  const delta = hasChange(parent) ? parent.value - parent.previous : 0;
  let best: Contribution | undefined;
  for (const c of contributions) {
    if (c.amount === 0 || !Number.isFinite(c.amount)) continue;
    // Against the direction of the parent's change a contribution explains nothing of it.
    if (delta !== 0 && Math.sign(c.amount) !== Math.sign(delta)) continue;
    if (!best || Math.abs(c.amount) > Math.abs(best.amount)) best = c;
  }
  return best?.childId;
}

/** Checks a parent against its formula; `undefined` when it has none or a value is missing. */
export function checkFormula(parent: TreeNode, children: readonly TreeNode[]): FormulaCheck | undefined {
  if (!parent.formula || children.length === 0 || parent.value === undefined) return undefined;
  const expected = evaluateFormula(parent.formula, children);
  if (expected === null) return undefined;
  const deviation = deviationOf(parent.value, expected);
  const check: FormulaCheck = { id: parent.id, formula: parent.formula, expected, actual: parent.value, deviation, mismatch: deviation > FORMULA_TOLERANCE };
  if (parent.previous !== undefined) {
    const expectedPrevious = evaluateFormula(parent.formula, children.map((c) => ({ value: c.previous, relation: c.relation })));
    if (expectedPrevious !== null) {
      check.expectedPrevious = expectedPrevious;
      check.deviationPrevious = deviationOf(parent.previous, expectedPrevious);
      if (check.deviationPrevious > FORMULA_TOLERANCE) check.mismatch = true;
    }
  }
  return check;
}

/** Contributions, top drivers and formula checks for the whole tree. O(n). */
export function computeContributions(tree: MetricTreeData): TreeContributions {
  const contributions = new Map<string, Contribution>();
  const topDriver = new Map<string, string>();
  const checks = new Map<string, FormulaCheck>();
  for (const id of tree.order) {
    const parent = tree.nodes.get(id)!;
    if (!parent.formula || parent.childIds.length === 0) continue;
    const children = parent.childIds.map((childId) => tree.nodes.get(childId)!);
    const list = contributionsOf(parent, children);
    for (const c of list) contributions.set(c.childId, c);
    const top = topDriverOf(parent, list);
    if (top !== undefined) topDriver.set(parent.id, top);
    const check = checkFormula(parent, children);
    if (check) checks.set(parent.id, check);
  }
  return { contributions, topDriver, checks };
}

/**
 * The children of a parent that drove its change, biggest first: contributions in the direction of
 * the parent's change (all of them, by size, when it did not move).
 */
export function driversOf(tree: MetricTreeData, result: TreeContributions, parentId: string): Contribution[] {
  const parent = tree.nodes.get(parentId);
  if (!parent) return [];
  const delta = hasChange(parent) ? parent.value - parent.previous : 0;
  return parent.childIds
    .map((id) => result.contributions.get(id))
    .filter((c): c is Contribution => c !== undefined && c.amount !== 0 && (delta === 0 || Math.sign(c.amount) === Math.sign(delta)))
    .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount));
}
