/**
 * Validation never throws: readers append `{ path, message }` issues to a list and return
 * `undefined` for what they could not read. Paths follow the data: `steps[2].value`.
 */
export interface Issue {
  /** Where in the data the problem is, e.g. `steps[2].value`; `data` for the whole input. */
  path: string;
  /** What is wrong and what was expected, e.g. `expected a non-negative number, got "abc"`. */
  message: string;
}

/**
 * The result of normalising raw data. `value` is `null` when nothing could be shown; otherwise
 * `issues` lists the parts that were dropped or replaced by a default (partial data).
 */
export interface Normalized<T> {
  value: T | null;
  issues: Issue[];
}

/** Root path used when the whole input is wrong. */
export const ROOT_PATH = 'data';

/** `steps` + 2 → `steps[2]`; `steps[2]` + `value` → `steps[2].value`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base && base !== ROOT_PATH ? `${base}.${key}` : key;
}

/** `path: message`, the form shown in the error panel. */
export function formatIssue(issue: Issue): string {
  return `${issue.path}: ${issue.message}`;
}

/** A short, safe description of a bad value for messages: `"abc"`, `NaN`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an own, enumerable field only. `__proto__` and `constructor` from JSON are never followed,
 * so data such as `{"__proto__": {"polluted": 1}}` cannot reach `Object.prototype`.
 */
export function field(record: Record<string, unknown>, key: string): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
