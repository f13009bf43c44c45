/**
 * Funnel data → model, DOM-free. Never throws; problems are issues with paths such as
 * `steps[2].value: expected a non-negative number, got "abc"`.
 *
 * What is fatal and what is dropped:
 * - no `steps`, an empty list, a step that is not an object, or a step whose `value` is missing or
 *   invalid → fatal. A step's count is the denominator of the next step's conversion: skipping
 *   it would silently turn "2 → 4" conversions into "2 → 5" ones, so we refuse instead of guessing.
 * - a bad `previous`, `medianTime`, `href`, segment count, or `format` → that field is dropped
 *   with an issue, the rest is drawn. A missing step name becomes "Step N" with an issue.
 * - segments that add up to more than the step's count contradict it → the step's breakdown is
 *   dropped with an issue.
 */
import { type Issue, type Normalized, describeValue, field, isRecord, joinPath } from '../core/issues.js';
import { idFromName } from '../core/ids.js';
import { readFormat, readHref, readNumber, readString } from '../core/read.js';
import { formatNumber } from '../core/format.js';

export interface FunnelStep {
  /** Stable id for `nsw-select`: the step's `id`, else derived from its name (made unique). */
  id: string;
  name: string;
  /** Users who reached the step. */
  value: number;
  /** Users who reached it in the comparison period. */
  previous?: number;
  /** Median seconds from the previous step to this one. */
  medianTime?: number;
  /** Breakdown of `value`, e.g. by acquisition channel. */
  segments?: Readonly<Record<string, number>>;
  /** Drill-down link (allow-listed: http(s) and relative only). */
  href?: string;
}

export interface FunnelModel {
  name?: string;
  steps: FunnelStep[];
  format?: Intl.NumberFormatOptions;
  comparison?: string;
}

const DROPPED = '; dropped';

/** `segments` + `paid` → `segments.paid`; `segments` + `paid search` → `segments["paid search"]`. */
function keyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? joinPath(base, key) : `${base}[${JSON.stringify(key)}]`;
}

/** Reads an optional count; a bad one is recorded (with "; dropped") and skipped. */
function optionalCount(value: unknown, path: string, issues: Issue[]): number | undefined {
  if (value === null) return undefined;
  const local: Issue[] = [];
  const number = readNumber(value, path, local, { nonNegative: true });
  for (const issue of local) issues.push({ ...issue, message: issue.message + DROPPED });
  return number;
}

function readSegments(raw: unknown, path: string, value: number, issues: Issue[]): Record<string, number> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    issues.push({ path, message: `expected an object of counts such as {"organic": 120}, got ${describeValue(raw)}${DROPPED}` });
    return undefined;
  }
  const segments: Record<string, number> = Object.create(null);
  let sum = 0;
  let count = 0;
  for (const key of Object.keys(raw)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      issues.push({ path: keyPath(path, key), message: `"${key}" is a reserved name, not a segment${DROPPED}` });
      continue;
    }
    const segmentValue = optionalCount(field(raw, key), keyPath(path, key), issues);
    if (segmentValue === undefined) continue;
    segments[key] = segmentValue;
    sum += segmentValue;
    count++;
  }
  if (count === 0) return undefined;
  // Allow rounding noise from exports (fractional attributions) but not a contradiction.
  if (sum > value * (1 + 1e-9) + 1e-9) {
    issues.push({
      path,
      message: `segments add up to ${formatNumber(sum, 'en-US')}, more than the step's value ${formatNumber(value, 'en-US')}${DROPPED}`,
    });
    return undefined;
  }
  return segments;
}

/**
 * Normalises funnel data: `{ name, steps, format, comparison }` (a bare array is read as `steps`).
 * Returns `{ value: null }` with the issues when the funnel cannot be drawn.
 */
export function normalizeFunnel(raw: unknown): Normalized<FunnelModel> {
  const issues: Issue[] = [];
  const root = Array.isArray(raw) ? { steps: raw } : raw;
  if (!isRecord(root)) {
    return { value: null, issues: [{ path: 'data', message: `expected an object with "steps", got ${describeValue(raw)}` }] };
  }
  const rawSteps = field(root, 'steps');
  if (!Array.isArray(rawSteps)) {
    const message =
      rawSteps === undefined || rawSteps === null
        ? 'required, expected a list of at least 1 step'
        : `expected a list of steps, got ${describeValue(rawSteps)}`;
    return { value: null, issues: [{ path: 'steps', message }] };
  }
  if (rawSteps.length === 0) return { value: null, issues: [{ path: 'steps', message: 'expected at least 1 step, got an empty list' }] };

  const name = readString(field(root, 'name'), 'name', issues);
  const comparison = readString(field(root, 'comparison'), 'comparison', issues);
  const format = readFormat(field(root, 'format'), 'format', issues);

  const fatal: Issue[] = [];
  const steps: FunnelStep[] = [];
  const ids = new Set<string>();
  rawSteps.forEach((rawStep, index) => {
    const path = joinPath('steps', index);
    const at = (key: string) => joinPath(path, key);
    if (!isRecord(rawStep)) {
      fatal.push({ path, message: `expected a step object such as {"name": "Signed up", "value": 1200}, got ${describeValue(rawStep)}` });
      return;
    }
    const value = readNumber(field(rawStep, 'value'), at('value'), fatal, { required: true, nonNegative: true });
    const nameIssues: Issue[] = [];
    let stepName = readString(field(rawStep, 'name'), at('name'), nameIssues, true);
    if (stepName === undefined) {
      stepName = `Step ${index + 1}`;
      for (const issue of nameIssues) issues.push({ ...issue, message: `${issue.message}; shown as "${stepName}"` });
    }
    if (value === undefined) return;

    const step: FunnelStep = { id: '', name: stepName, value };
    const previous = optionalCount(field(rawStep, 'previous'), at('previous'), issues);
    if (previous !== undefined) step.previous = previous;
    const medianTime = optionalCount(field(rawStep, 'medianTime'), at('medianTime'), issues);
    if (medianTime !== undefined) step.medianTime = medianTime;
    const segments = readSegments(field(rawStep, 'segments'), at('segments'), value, issues);
    if (segments) step.segments = segments;
    const hrefIssues: Issue[] = [];
    const href = readHref(field(rawStep, 'href'), at('href'), hrefIssues);
    issues.push(...hrefIssues);
    if (href) step.href = href;

    const rawId = field(rawStep, 'id');
    let id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId.trim() : typeof rawId === 'number' ? String(rawId) : idFromName(stepName);
    // Ids must be unique for events; a repeated one gets a suffix.
    if (ids.has(id)) {
      let n = 2;
      while (ids.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    ids.add(id);
    step.id = id;
    steps.push(step);
  });

  if (fatal.length) return { value: null, issues: [...fatal, ...issues] };
  const model: FunnelModel = { steps };
  if (name !== undefined) model.name = name;
  if (comparison !== undefined) model.comparison = comparison;
  if (format !== undefined) model.format = format;
  return { value: model, issues };
}

/** Column names for CSV (case-insensitive). `segment:<name>` columns become a breakdown. */
const CSV_COLUMNS = { name: 'name', value: 'value', previous: 'previous', mediantime: 'medianTime' } as const;
const SEGMENT_PREFIX = 'segment:';

/**
 * CSV rows (objects keyed by header) → raw funnel data for `normalizeFunnel`. Columns `name,value`
 * and optionally `previous`, `medianTime`, `id`, `href` and `segment:<name>`; numbers stay strings
 * here and are read strictly by the normaliser, so errors keep their `steps[i].value` paths.
 * Empty cells are "not given".
 */
export function funnelFromCsv(rows: ReadonlyArray<Record<string, string>>): Normalized<unknown> {
  if (rows.length === 0) return { value: null, issues: [{ path: 'src', message: 'the CSV has no data rows; expected columns "name,value"' }] };
  const headers = Object.keys(rows[0]);
  const lower = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const missing = ['name', 'value'].filter((column) => !lower.has(column));
  if (missing.length) {
    return {
      value: null,
      issues: [{ path: 'src', message: `the CSV needs the columns "name" and "value"; found ${headers.map((h) => JSON.stringify(h)).join(', ') || 'none'}` }],
    };
  }
  const steps = rows.map((row) => {
    const step: Record<string, unknown> = {};
    for (const header of headers) {
      const cell = row[header] ?? '';
      const key = header.toLowerCase();
      if (key in CSV_COLUMNS) {
        const target = CSV_COLUMNS[key as keyof typeof CSV_COLUMNS];
        // name and value are required: keep empty cells so the normaliser reports them.
        if (cell.trim() !== '' || target === 'name' || target === 'value') step[target] = cell;
      } else if (key === 'id' || key === 'href') {
        if (cell.trim() !== '') step[key] = cell;
      } else if (key.startsWith(SEGMENT_PREFIX) && cell.trim() !== '') {
        const segment = header.slice(SEGMENT_PREFIX.length).trim();
        if (!segment) continue;
        const segments = (step.segments ??= Object.create(null)) as Record<string, unknown>;
        segments[segment] = cell;
      }
    }
    return step;
  });
  return { value: { steps }, issues: [] };
}
