/** The metric object shared by every element (SPEC "The metric object"). */
import { type Issue, describeValue, field, isRecord, joinPath } from './issues.js';
import { idFromName } from './ids.js';
import { type SeriesPoint, readDate, readEnum, readFormat, readHref, readNumber, readSeries, readString } from './read.js';

export const DIRECTIONS = ['increase', 'decrease', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Metric {
  id: string;
  name: string;
  value?: number;
  previous?: number;
  target?: number;
  direction: Direction;
  format?: Intl.NumberFormatOptions;
  unit?: string;
  series: SeriesPoint[];
  description?: string;
  owner?: string;
  href?: string;
  /** Epoch milliseconds. */
  updated?: number;
}

export interface MetricRules {
  /** `value` must be present (or derivable from the last series point). */
  requireValue?: boolean;
}

/**
 * Reads a metric. Returns `undefined` when it cannot be shown at all (no name, no usable value when
 * one is required); issues on optional fields drop just that field.
 */
export function readMetric(raw: unknown, path: string, issues: Issue[], rules: MetricRules = {}): Metric | undefined {
  if (!isRecord(raw)) {
    issues.push({ path, message: `expected a metric object, got ${describeValue(raw)}` });
    return undefined;
  }
  const at = (key: string) => joinPath(path, key);
  const name = readString(field(raw, 'name'), at('name'), issues, true);
  const series = readSeries(field(raw, 'series'), at('series'), issues);
  const valueIssues: Issue[] = [];
  let value = readNumber(field(raw, 'value'), at('value'), valueIssues);
  issues.push(...valueIssues);
  // A metric given only its history shows the latest point as its value.
  if (value === undefined && field(raw, 'value') === undefined && series.length > 0) value = series[series.length - 1].value;
  if (rules.requireValue && value === undefined && valueIssues.length === 0) {
    issues.push({ path: at('value'), message: 'required, expected a number (or a series to take the latest value from)' });
  }
  if (name === undefined || (rules.requireValue && value === undefined)) return undefined;

  const id = readString(field(raw, 'id'), at('id'), issues);
  return {
    id: id && id.trim() ? id : idFromName(name),
    name,
    value,
    previous: readNumber(field(raw, 'previous'), at('previous'), issues),
    target: readNumber(field(raw, 'target'), at('target'), issues),
    direction: readEnum(field(raw, 'direction'), at('direction'), issues, DIRECTIONS, 'increase'),
    format: readFormat(field(raw, 'format'), at('format'), issues),
    unit: readString(field(raw, 'unit'), at('unit'), issues),
    series,
    description: readString(field(raw, 'description'), at('description'), issues),
    owner: readString(field(raw, 'owner'), at('owner'), issues),
    href: readHref(field(raw, 'href'), at('href'), issues),
    updated: readDate(field(raw, 'updated'), at('updated'), issues),
  };
}

/** A rate is a metric formatted as a percent; its changes are shown in percentage points. */
export function isRate(format: Intl.NumberFormatOptions | undefined): boolean {
  return format?.style === 'percent';
}

/** Reads an array of metrics, dropping (with issues) the ones that cannot be shown. */
export function readMetricList(raw: unknown, path: string, issues: Issue[], rules: MetricRules = {}): Metric[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push({ path, message: `expected an array of metrics, got ${describeValue(raw)}` });
    return [];
  }
  const metrics: Metric[] = [];
  raw.forEach((item, index) => {
    const before = issues.length;
    const metric = readMetric(item, joinPath(path, index), issues, rules);
    if (metric) metrics.push(metric);
    else for (let i = before; i < issues.length; i++) issues[i] = { ...issues[i], message: `${issues[i].message}; metric dropped` };
  });
  return metrics;
}
