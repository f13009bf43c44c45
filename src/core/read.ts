/**
 * Readers for the data conventions of SPEC "Conventions of the data". Each reader takes the raw
 * value, its path and the issue list; it returns the clean value or `undefined` (and records why).
 */
import { type Issue, describeValue, field, isRecord, joinPath } from './issues.js';
import { safeHref } from './links.js';

/** Strict decimal text as CSV and spreadsheets export it: `1234.5`, `-3`, `1e6`. No `0x10`, no `1,234`. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface NumberRules {
  required?: boolean;
  /** Values below zero are rejected (counts). */
  nonNegative?: boolean;
  /** Closed range check, e.g. weights 0..1. */
  min?: number;
  max?: number;
}

/** Parses a number or a strict numeric string; `undefined` when absent or invalid. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL.test(text)) return undefined;
    const parsed = Number(text);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function readNumber(value: unknown, path: string, issues: Issue[], rules: NumberRules = {}): number | undefined {
  const kind = rules.nonNegative ? 'a non-negative number' : 'a number';
  if (value === undefined || (typeof value === 'string' && value.trim() === '' && !rules.required)) {
    if (rules.required) issues.push({ path, message: `required, expected ${kind}` });
    return undefined;
  }
  const parsed = toNumber(value);
  if (parsed === undefined || (rules.nonNegative && parsed < 0)) {
    issues.push({ path, message: `expected ${kind}, got ${describeValue(value)}` });
    return undefined;
  }
  if ((rules.min !== undefined && parsed < rules.min) || (rules.max !== undefined && parsed > rules.max)) {
    issues.push({ path, message: `expected a number from ${rules.min ?? '-∞'} to ${rules.max ?? '∞'}, got ${describeValue(value)}` });
    return undefined;
  }
  return parsed;
}

/** Text fields: strings, and numbers turned into text (CSV columns). Never markup: callers render text. */
export function readString(value: unknown, path: string, issues: Issue[], required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) issues.push({ path, message: 'required, expected text' });
    else if (value === null) return undefined;
    return undefined;
  }
  if (typeof value === 'string') {
    if (required && value.trim() === '') {
      issues.push({ path, message: 'required, expected non-empty text' });
      return undefined;
    }
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  issues.push({ path, message: `expected text, got ${describeValue(value)}` });
  return undefined;
}

/** ISO 8601 date or date-time; a date without a time is midnight UTC (as `Date.parse` reads it). */
const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO 8601 string or epoch milliseconds into epoch milliseconds. */
export function toTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!ISO_DATE.test(text)) return undefined;
    const time = Date.parse(text.replace(' ', 'T'));
    return Number.isFinite(time) ? time : undefined;
  }
  return undefined;
}

export function readDate(value: unknown, path: string, issues: Issue[], required = false): number | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) issues.push({ path, message: 'required, expected an ISO 8601 date' });
    return undefined;
  }
  const time = toTime(value);
  if (time === undefined) issues.push({ path, message: `expected an ISO 8601 date or epoch milliseconds, got ${describeValue(value)}` });
  return time;
}

export function readEnum<T extends string>(value: unknown, path: string, issues: Issue[], allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  issues.push({ path, message: `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describeValue(value)}; using "${fallback}"` });
  return fallback;
}

/** The `Intl.NumberFormat` options we pass through; anything else in `format` is ignored. */
const FORMAT_KEYS = [
  'style', 'currency', 'currencyDisplay', 'currencySign', 'unit', 'unitDisplay', 'notation', 'compactDisplay',
  'signDisplay', 'useGrouping', 'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits',
  'minimumSignificantDigits', 'maximumSignificantDigits', 'roundingMode', 'roundingPriority', 'roundingIncrement',
  'trailingZeroDisplay',
] as const;

/**
 * Number format options, checked by constructing an `Intl.NumberFormat` with them. Options the
 * browser rejects (`{"style":"currency"}` without `currency`, 500 fraction digits) are reported
 * and the default format is used instead.
 */
export function readFormat(value: unknown, path: string, issues: Issue[]): Intl.NumberFormatOptions | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    issues.push({ path, message: `expected an object of Intl.NumberFormat options, got ${describeValue(value)}; using the default format` });
    return undefined;
  }
  const options: Record<string, unknown> = {};
  for (const key of FORMAT_KEYS) {
    const option = field(value, key);
    // Intl would stringify an object to "[object Object]" in its own message: name the option instead.
    if (option !== null && (typeof option === 'object' || typeof option === 'function')) {
      issues.push({ path: joinPath(path, key), message: `expected text, a number or true/false, got ${describeValue(option)}; using the default format` });
      return undefined;
    }
    if (option !== undefined) options[key] = option;
  }
  try {
    new Intl.NumberFormat('en-US', options as Intl.NumberFormatOptions).format(1);
  } catch (error) {
    issues.push({ path, message: `${errorText(error)}; using the default format` });
    return undefined;
  }
  return options as Intl.NumberFormatOptions;
}

export function readHref(value: unknown, path: string, issues: Issue[]): string | undefined {
  const text = readString(value, path, issues);
  if (text === undefined) return undefined;
  const safe = safeHref(text);
  if (safe === null) issues.push({ path, message: `only http(s) and relative links are followed, got ${describeValue(text)}; link removed` });
  return safe ?? undefined;
}

/** `Error: message` → `Error: message`, anything else → its text. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export interface SeriesPoint {
  /** Epoch milliseconds. */
  date: number;
  value: number;
}

/**
 * A series: `[{date, value}]` or `[[date, value]]`. A bad point is dropped with an issue and the
 * rest kept; points are returned in date order.
 */
export function readSeries(value: unknown, path: string, issues: Issue[]): SeriesPoint[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push({ path, message: `expected an array of {date, value} points, got ${describeValue(value)}` });
    return [];
  }
  const points: SeriesPoint[] = [];
  value.forEach((raw, index) => {
    const pointPath = joinPath(path, index);
    let rawDate: unknown;
    let rawValue: unknown;
    if (Array.isArray(raw)) [rawDate, rawValue] = raw;
    else if (isRecord(raw)) {
      rawDate = field(raw, 'date');
      rawValue = field(raw, 'value');
    } else {
      issues.push({ path: pointPath, message: `expected {date, value} or [date, value], got ${describeValue(raw)}; point dropped` });
      return;
    }
    const before = issues.length;
    const date = readDate(rawDate, joinPath(pointPath, Array.isArray(raw) ? 0 : 'date'), issues, true);
    const number = readNumber(rawValue, joinPath(pointPath, Array.isArray(raw) ? 1 : 'value'), issues, { required: true });
    if (date === undefined || number === undefined) {
      for (let i = before; i < issues.length; i++) issues[i] = { ...issues[i], message: `${issues[i].message}; point dropped` };
      return;
    }
    points.push({ date, value: number });
  });
  // Stable sort keeps equal dates in input order.
  return points.sort((a, b) => a.date - b.date);
}
