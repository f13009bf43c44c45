/**
 * Normalisation of `<goal-progress>` data (SPEC "<goal-progress>"): raw JSON → a checked model, with
 * every problem reported at its path (`keyResults[1].target: …`, `deadline: must be after start …`).
 * Pure and DOM-free; never throws.
 *
 * Choices where SPEC is silent (documented in docs/goal-progress.md):
 * - A goal with a non-empty `keyResults` array is an objective; its own baseline/target/value are
 *   ignored and its progress is the weighted mean of its key results'. One level only.
 * - Key results inherit `start`, `deadline` and `tolerance` from the objective; an objective without
 *   its own `start`/`deadline` takes the earliest start and the latest deadline of its key results.
 * - `value` may be left out when a `series` is given (the latest point is the value); `baseline` may
 *   be left out when a series is given (the last point at or before `start`, else the first point).
 * - `direction` is read from the sign of target − baseline; an explicit `direction` that contradicts
 *   it is reported and the sign wins. It only decides the outcome when `target === baseline`.
 * - A relative target ("+20%") of a baseline of 0 is an error at `target`.
 * - A bad key result is dropped (with its issues) and the objective shown with the rest; a goal or
 *   an objective that cannot be shown at all is fatal.
 */
import { type Issue, type Normalized, ROOT_PATH, describeValue, field, isRecord, joinPath } from '../core/issues.js';
import { idFromName } from '../core/ids.js';
import { DIRECTIONS } from '../core/metric.js';
import { type SeriesPoint, readDate, readEnum, readFormat, readHref, readNumber, readSeries, readString, toNumber } from '../core/read.js';
import { type GoalDirection, applyRelativeTarget, parseRelativeTarget } from './goal-math.js';

export const DEFAULT_TOLERANCE = 0.1;

interface GoalCommon {
  id: string;
  name: string;
  /** The metric the goal moves, e.g. "Weekly active teams". */
  metric?: string;
  description?: string;
  owner?: string;
  href?: string;
  /** Epoch ms (midnight UTC for a date without a time). */
  start: number;
  deadline: number;
  tolerance: number;
  /** Weight within an objective; default 1. */
  weight: number;
}

/** A SMART goal or one key result. */
export interface KeyResult extends GoalCommon {
  kind: 'goal';
  baseline: number;
  target: number;
  /** The relative target as given ("+20%"), if it was one. */
  relativeTarget?: string;
  value: number;
  /** Effective direction: the sign of target − baseline, or the given one when they are equal. */
  direction: GoalDirection;
  format?: Intl.NumberFormatOptions;
  unit?: string;
  series: SeriesPoint[];
}

/** An OKR objective: a name, a time box and weighted key results. */
export interface Objective extends GoalCommon {
  kind: 'objective';
  keyResults: KeyResult[];
}

export type GoalModel = KeyResult | Objective;

interface Inherited {
  start?: number;
  deadline?: number;
  tolerance?: number;
}

function readTolerance(raw: Record<string, unknown>, path: string, issues: Issue[], fallback: number): number {
  const value = field(raw, 'tolerance');
  if (value === undefined || value === null) return fallback;
  const parsed = toNumber(value);
  if (parsed === undefined || parsed < 0 || parsed > 1) {
    issues.push({ path: joinPath(path, 'tolerance'), message: `expected a number from 0 to 1 (progress points), got ${describeValue(value)}; using ${fallback}` });
    return fallback;
  }
  return parsed;
}

function readWeight(raw: Record<string, unknown>, path: string, issues: Issue[]): number {
  const value = field(raw, 'weight');
  if (value === undefined || value === null) return 1;
  const parsed = toNumber(value);
  if (parsed === undefined || !(parsed > 0)) {
    issues.push({ path: joinPath(path, 'weight'), message: `expected a positive number, got ${describeValue(value)}; using 1` });
    return 1;
  }
  return parsed;
}

/** Reads start/deadline and checks the order; `undefined` (with an issue) when the box is unusable. */
function readTimeBox(
  raw: Record<string, unknown>,
  path: string,
  issues: Issue[],
  inherited: Inherited,
): { start: number; deadline: number } | undefined {
  const startPath = joinPath(path, 'start');
  const deadlinePath = joinPath(path, 'deadline');
  const before = issues.length;
  const start = readDate(field(raw, 'start'), startPath, issues) ?? (field(raw, 'start') === undefined ? inherited.start : undefined);
  const deadline = readDate(field(raw, 'deadline'), deadlinePath, issues) ?? (field(raw, 'deadline') === undefined ? inherited.deadline : undefined);
  if (issues.length > before) return undefined;
  if (start === undefined) issues.push({ path: startPath, message: 'required, expected an ISO 8601 date' });
  if (deadline === undefined) issues.push({ path: deadlinePath, message: 'required, expected an ISO 8601 date' });
  if (start === undefined || deadline === undefined) return undefined;
  if (!(deadline > start)) {
    issues.push({ path: deadlinePath, message: `must be after start (${new Date(start).toISOString().slice(0, 10)}), got ${describeValue(field(raw, 'deadline') ?? new Date(deadline).toISOString())}` });
    return undefined;
  }
  return { start, deadline };
}

function readCommon(raw: Record<string, unknown>, path: string, issues: Issue[]) {
  const at = (key: string) => joinPath(path, key);
  const name = readString(field(raw, 'name'), at('name'), issues, true);
  const id = readString(field(raw, 'id'), at('id'), issues);
  return {
    name,
    id: id && id.trim() ? id : name ? idFromName(name) : 'goal',
    metric: readString(field(raw, 'metric'), at('metric'), issues),
    description: readString(field(raw, 'description'), at('description'), issues),
    owner: readString(field(raw, 'owner'), at('owner'), issues),
    href: readHref(field(raw, 'href'), at('href'), issues),
    weight: readWeight(raw, path, issues),
  };
}

/** Reads one SMART goal or key result; `undefined` when it cannot be shown. */
export function readKeyResult(raw: unknown, path: string, issues: Issue[], inherited: Inherited = {}): KeyResult | undefined {
  if (!isRecord(raw)) {
    issues.push({ path, message: `expected a goal object, got ${describeValue(raw)}` });
    return undefined;
  }
  const at = (key: string) => joinPath(path, key);
  const common = readCommon(raw, path, issues);
  const box = readTimeBox(raw, path, issues, inherited);
  const series = readSeries(field(raw, 'series'), at('series'), issues);

  // value: given, else the latest point of the series.
  const rawValue = field(raw, 'value');
  let value = readNumber(rawValue, at('value'), issues, { required: rawValue !== undefined || series.length === 0 });
  if (value === undefined && rawValue === undefined && series.length > 0) value = series[series.length - 1].value;

  // baseline: given, else the series value at start.
  const rawBaseline = field(raw, 'baseline');
  let baseline = readNumber(rawBaseline, at('baseline'), issues, { required: rawBaseline !== undefined || series.length === 0 });
  if (baseline === undefined && rawBaseline === undefined && series.length > 0) {
    const atStart = box ? series.filter((p) => p.date <= box.start).pop() : undefined;
    baseline = (atStart ?? series[0]).value;
  }

  // target: a number, or a change relative to the baseline.
  const rawTarget = field(raw, 'target');
  let target: number | undefined;
  let relativeTarget: string | undefined;
  if (typeof rawTarget === 'string' && /%/.test(rawTarget)) {
    const fraction = parseRelativeTarget(rawTarget);
    if (fraction === undefined) {
      issues.push({ path: at('target'), message: `expected a number or a relative change such as "+20%" or "-15%", got ${describeValue(rawTarget)}` });
    } else if (baseline === 0) {
      issues.push({ path: at('target'), message: `a relative target (${describeValue(rawTarget)}) needs a non-zero baseline, got baseline 0; give the target as a number` });
    } else if (baseline !== undefined) {
      target = applyRelativeTarget(baseline, fraction);
      relativeTarget = rawTarget.trim();
    }
  } else {
    target = readNumber(rawTarget, at('target'), issues, { required: true });
  }

  const given = readEnum(field(raw, 'direction'), at('direction'), issues, DIRECTIONS, 'increase');
  const format = readFormat(field(raw, 'format'), at('format'), issues);
  const unit = readString(field(raw, 'unit'), at('unit'), issues);
  const tolerance = readTolerance(raw, path, issues, inherited.tolerance ?? DEFAULT_TOLERANCE);

  if (common.name === undefined || !box || value === undefined || baseline === undefined || target === undefined) return undefined;

  let direction: GoalDirection = given;
  if (target !== baseline) {
    const implied: GoalDirection = target > baseline ? 'increase' : 'decrease';
    if (field(raw, 'direction') !== undefined && given !== implied) {
      issues.push({
        path: at('direction'),
        message: `"${given}" contradicts target ${target} ${implied === 'increase' ? 'above' : 'below'} baseline ${baseline}; treated as "${implied}"`,
      });
    }
    direction = implied;
  }

  return {
    kind: 'goal',
    ...common,
    name: common.name,
    ...box,
    tolerance,
    baseline,
    target,
    relativeTarget,
    value,
    direction,
    format,
    unit,
    series,
  };
}

function readObjective(raw: Record<string, unknown>, path: string, issues: Issue[]): Objective | undefined {
  const at = (key: string) => joinPath(path, key);
  const common = readCommon(raw, path, issues);
  const tolerance = readTolerance(raw, path, issues, DEFAULT_TOLERANCE);
  const list = field(raw, 'keyResults') as unknown[];

  // The objective's own time box, when it has one, is what its key results inherit.
  const hasOwnBox = field(raw, 'start') !== undefined || field(raw, 'deadline') !== undefined;
  const ownBox = hasOwnBox ? readTimeBox(raw, path, issues, {}) : undefined;
  if (hasOwnBox && !ownBox) return undefined;

  const keyResults: KeyResult[] = [];
  list.forEach((item, index) => {
    const itemPath = joinPath(at('keyResults'), index);
    const before = issues.length;
    const kr = readKeyResult(item, itemPath, issues, { start: ownBox?.start, deadline: ownBox?.deadline, tolerance });
    if (kr) keyResults.push(kr);
    else {
      for (let i = before; i < issues.length; i++) issues[i] = { ...issues[i], message: `${issues[i].message}; key result dropped` };
      if (issues.length === before) issues.push({ path: itemPath, message: 'could not be read; key result dropped' });
    }
  });
  if (common.name === undefined) return undefined;
  if (keyResults.length === 0) {
    issues.push({ path: at('keyResults'), message: 'no key result could be shown' });
    return undefined;
  }
  const start = ownBox?.start ?? Math.min(...keyResults.map((kr) => kr.start));
  const deadline = ownBox?.deadline ?? Math.max(...keyResults.map((kr) => kr.deadline));
  return { kind: 'objective', ...common, name: common.name, start, deadline, tolerance, keyResults };
}

/** Raw data → a goal or an objective. `{ value: null }` when nothing can be shown. */
export function normalizeGoal(raw: unknown): Normalized<GoalModel> {
  const issues: Issue[] = [];
  if (!isRecord(raw)) {
    issues.push({ path: ROOT_PATH, message: `expected a goal object, got ${describeValue(raw)}` });
    return { value: null, issues };
  }
  const list = field(raw, 'keyResults');
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    issues.push({ path: 'keyResults', message: `expected an array of key results, got ${describeValue(list)}` });
    return { value: null, issues };
  }
  if (Array.isArray(list) && list.length > 0) {
    const objective = readObjective(raw, '', issues);
    return { value: objective ?? null, issues };
  }
  const goal = readKeyResult(raw, '', issues);
  return { value: goal ?? null, issues };
}

/** Why CSV from `src` is refused: a `date,value` table has no baseline, target or time box. */
export const GOAL_CSV_MESSAGE =
  'CSV is not accepted for a goal: a date,value table has no baseline, target, start or deadline; give the goal as JSON (its history goes in "series")';
