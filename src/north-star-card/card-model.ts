/**
 * The maths of `<north-star-card>`: normalisation of the raw data into a `CardModel`, and the
 * derived numbers (change, progress towards target, guardrail state, staleness, anomalies) and
 * sentences. Pure and DOM-free: no `lit`, no `document`; `now` and the locale are parameters.
 */
import { type Anomaly, detectAnomalies } from '../core/anomaly.js';
import { type Delta, computeDelta, JUDGEMENT_WORDS, MOVEMENT_WORDS } from '../core/delta.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPercentPoints,
  formatSigned,
} from '../core/format.js';
import { type Issue, type Normalized, ROOT_PATH, describeValue, field, isRecord, joinPath } from '../core/issues.js';
import { type Metric, isRate, readMetric } from '../core/metric.js';
import { readNumber, readSeries, readString } from '../core/read.js';

/** A guardrail: a metric that must not get worse, with an optional limit on its bad side. */
export interface Guardrail extends Metric {
  /** The limit on the bad side: breached when the value is past it in the bad direction. */
  threshold?: number;
}

export interface CardModel {
  /** The North Star metric itself (always has a `value`). */
  metric: Metric & { value: number };
  /** Label of the comparison period, e.g. `vs last week`. */
  comparison?: string;
  guardrails: Guardrail[];
  inputs: Metric[];
}

/** The comparison label when the data gives none. */
export const DEFAULT_COMPARISON = 'vs previous period';

function markDropped(issues: Issue[], from: number, what: string): void {
  for (let i = from; i < issues.length; i++) issues[i] = { ...issues[i], message: `${issues[i].message}; ${what} dropped` };
}

function readMetrics(raw: unknown, path: string, issues: Issue[], withThreshold: boolean): Guardrail[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push({ path, message: `expected an array of metrics, got ${describeValue(raw)}` });
    return [];
  }
  const metrics: Guardrail[] = [];
  raw.forEach((item, index) => {
    const itemPath = joinPath(path, index);
    const before = issues.length;
    const metric = readMetric(item, itemPath, issues, { requireValue: true });
    if (!metric || metric.value === undefined) {
      markDropped(issues, before, withThreshold ? 'guardrail' : 'input');
      return;
    }
    const guardrail: Guardrail = metric;
    if (withThreshold && isRecord(item)) {
      const threshold = readNumber(field(item, 'threshold'), joinPath(itemPath, 'threshold'), issues);
      if (threshold !== undefined) guardrail.threshold = threshold;
    }
    metrics.push(guardrail);
  });
  // Two rows with one id would make `nsw-select` ambiguous: later ones get a numbered suffix.
  const seen = new Set<string>();
  for (const metric of metrics) {
    let id = metric.id;
    for (let n = 2; seen.has(id); n++) id = `${metric.id}-${n}`;
    metric.id = id;
    seen.add(id);
  }
  return metrics;
}

/**
 * Raw card data → model. Fatal (`value: null`) only when the card's own metric cannot be shown:
 * not an object, no `name`, or no usable `value` (nor a series to take the latest from). Bad
 * guardrails, inputs, series points and optional fields are dropped with an issue each.
 */
export function normalizeCard(raw: unknown): Normalized<CardModel> {
  const issues: Issue[] = [];
  if (!isRecord(raw)) {
    return { value: null, issues: [{ path: ROOT_PATH, message: `expected a metric object, got ${describeValue(raw)}` }] };
  }
  const metric = readMetric(raw, ROOT_PATH, issues, { requireValue: true });
  if (!metric || metric.value === undefined) return { value: null, issues };
  const comparison = readString(field(raw, 'comparison'), 'comparison', issues);
  const guardrails = readMetrics(field(raw, 'guardrails'), 'guardrails', issues, true);
  const inputs: Metric[] = readMetrics(field(raw, 'inputs'), 'inputs', issues, false);
  return {
    value: {
      metric: { ...metric, value: metric.value },
      comparison: comparison && comparison.trim() ? comparison.trim() : undefined,
      guardrails,
      inputs,
    },
    issues,
  };
}

/**
 * CSV from `src` → raw card data. Columns: `date,value` (one row per point, any order) and
 * optionally `name`, `unit`, `target` (the first non-empty cell of each is taken). The value is the
 * latest point and `previous` the point before it. Without a `name` column, `fallbackName` is used.
 * Bad rows are reported as `csv[i]` (i = 0-based data row) and dropped.
 */
export function cardFromCsv(rows: ReadonlyArray<Record<string, string>>, fallbackName = 'Metric'): Normalized<unknown> {
  const issues: Issue[] = [];
  const header = rows.length ? Object.keys(rows[0]) : [];
  if (!header.includes('date') || !header.includes('value')) {
    return {
      value: null,
      issues: [{ path: 'src', message: `CSV needs the columns date,value; got ${header.length ? header.join(',') : 'no rows'}` }],
    };
  }
  const firstOf = (column: string) => rows.map((row) => (row[column] ?? '').trim()).find((cell) => cell !== '');
  const series = readSeries(rows.map((row) => ({ date: row.date, value: row.value })), 'csv', issues);
  if (series.length === 0) {
    issues.push({ path: 'csv', message: 'no usable rows with a date and a value' });
    return { value: null, issues };
  }
  const raw: Record<string, unknown> = {
    name: firstOf('name') ?? fallbackName,
    series: series.map((point) => ({ date: point.date, value: point.value })),
    value: series[series.length - 1].value,
  };
  if (series.length > 1) raw.previous = series[series.length - 2].value;
  const unit = firstOf('unit');
  if (unit) raw.unit = unit;
  const target = firstOf('target');
  if (target) raw.target = target;
  return { value: raw, issues };
}

// ---------------------------------------------------------------------------------------------
// Derived numbers

export type GuardrailStatus = 'breached' | 'near' | 'ok';

export interface GuardrailResult {
  metric: Guardrail;
  delta: Delta | null;
  /** `null` when there is no threshold (or the direction is neutral: no bad side). */
  status: GuardrailStatus | null;
}

export interface TargetResult {
  target: number;
  /** Share of the target attained: value / target (for `decrease`: target / value), unclamped. */
  progress: number | null;
  /** value / target, for "86 % of target". */
  ratio: number | null;
  reached: boolean;
}

export interface CardComputed {
  delta: Delta | null;
  rate: boolean;
  target: TargetResult | null;
  guardrails: GuardrailResult[];
  breached: GuardrailResult[];
  inputs: Array<{ metric: Metric; delta: Delta | null }>;
  /** Age of `updated` in ms when it is older than `staleAfter` hours; otherwise null. */
  staleAge: number | null;
  anomalies: Anomaly[];
}

export interface ComputeOptions {
  /** Hours after which an `updated` value is stale; undefined or ≤ 0 for never. */
  staleAfterHours?: number;
  /** Detect unusual points of the series. */
  anomalies?: boolean;
}

/** A guardrail within this share of its threshold (on the good side) is "near" its limit. */
export const NEAR_THRESHOLD = 0.05;

function deltaOf(metric: Metric): Delta | null {
  return metric.value !== undefined && metric.previous !== undefined
    ? computeDelta(metric.value, metric.previous, metric.direction)
    : null;
}

/**
 * Guardrail state. The threshold is the limit on the bad side: for a metric that should increase
 * (or stay up) it is breached when the value falls below it; for one that should decrease, when the
 * value rises above it. A value exactly at the threshold is not breached. A neutral metric has no
 * bad side, so its threshold is not judged.
 */
export function guardrailStatus(value: number, threshold: number | undefined, direction: Metric['direction']): GuardrailStatus | null {
  if (threshold === undefined || direction === 'neutral') return null;
  const margin = direction === 'decrease' ? threshold - value : value - threshold;
  if (margin < 0) return 'breached';
  return margin <= Math.abs(threshold) * NEAR_THRESHOLD ? 'near' : 'ok';
}

export function targetResult(value: number, target: number, direction: Metric['direction']): TargetResult {
  const ratio = target === 0 ? null : value / target;
  let progress: number | null;
  let reached: boolean;
  if (direction === 'decrease') {
    progress = value <= 0 ? (target >= value ? 1 : null) : target / value;
    reached = value <= target;
  } else {
    progress = ratio;
    reached = value >= target;
  }
  if (progress !== null && !Number.isFinite(progress)) progress = null;
  return { target, progress, ratio: ratio !== null && Number.isFinite(ratio) ? ratio : null, reached };
}

/** Derived numbers of a card at time `now` (epoch ms). */
export function computeCard(model: CardModel, now: number, options: ComputeOptions = {}): CardComputed {
  const { metric } = model;
  const guardrails = model.guardrails.map((guardrail) => ({
    metric: guardrail,
    delta: deltaOf(guardrail),
    status: guardrailStatus(guardrail.value!, guardrail.threshold, guardrail.direction),
  }));
  const hours = options.staleAfterHours;
  const age = metric.updated !== undefined ? now - metric.updated : null;
  return {
    delta: deltaOf(metric),
    rate: isRate(metric.format),
    target: metric.target !== undefined ? targetResult(metric.value, metric.target, metric.direction) : null,
    guardrails,
    breached: guardrails.filter((g) => g.status === 'breached'),
    inputs: model.inputs.map((input) => ({ metric: input, delta: deltaOf(input) })),
    staleAge: hours !== undefined && hours > 0 && age !== null && age > hours * 3_600_000 ? age : null,
    anomalies: options.anomalies ? detectAnomalies(metric.series.map((point) => point.value)) : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Text

/** `12,840 teams`: the value in the metric's format, with its unit. */
export function valueText(metric: Metric, value: number, locale: string): string {
  const number = formatNumber(value, locale, metric.format);
  return metric.unit ? `${number} ${metric.unit}` : number;
}

export interface DeltaTexts {
  /** `+940` (or `+1.8 pp` for a rate). */
  absolute: string;
  /** `+7.9%`; null for a rate (shown in pp only) or when previous is 0. */
  relative: string | null;
  /** `up 7.9% (+940)`, `down 1.8 pp`, `unchanged`. */
  words: string;
}

export function deltaTexts(metric: Metric, delta: Delta, locale: string): DeltaTexts {
  const rate = isRate(metric.format);
  const absolute = rate ? formatPercentPoints(delta.absolute, locale) : formatSigned(delta.absolute, locale, metric.format);
  const relative = rate || delta.relative === null ? null : formatPercent(delta.relative, locale, 1, true);
  const movement = MOVEMENT_WORDS[delta.movement];
  let words: string;
  if (delta.movement === 'flat') words = movement;
  else if (rate) words = `${movement} ${formatPercentPoints(Math.abs(delta.absolute), locale).replace(/^\+/, '')}`;
  else if (delta.relative === null) words = `${movement} ${absolute}`;
  else words = `${movement} ${formatPercent(Math.abs(delta.relative), locale, 1)} (${absolute})`;
  return { absolute, relative, words };
}

/** `86% of target 15,000`, `Target 15,000 reached (108%)`, `20% above target 2 s`. */
export function targetText(metric: Metric, result: TargetResult, locale: string): string {
  const target = valueText(metric, result.target, locale);
  if (metric.direction === 'decrease') {
    if (result.reached) return `target ${target} met`;
    if (result.ratio === null) return `target ${target}`;
    return `${formatPercent(result.ratio - 1, locale, 0)} above target ${target}`;
  }
  if (result.ratio === null) return `target ${target}`;
  if (result.reached) return `target ${target} reached (${formatPercent(result.ratio, locale, 0)})`;
  return `${formatPercent(result.ratio, locale, 0)} of target ${target}`;
}

/** The age for the stale badge, always numeric: `7 days ago`, `2 weeks ago`, `5 hours ago`. */
export function ageText(ageMs: number, _now: number, locale: string): string {
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 31_536_000_000], ['month', 2_592_000_000], ['week', 604_800_000 * 2], ['day', 86_400_000], ['hour', 3_600_000],
  ];
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  for (const [unit, size] of units) {
    if (ageMs >= size) return format.format(-Math.floor(ageMs / (unit === 'week' ? 604_800_000 : size)), unit);
  }
  return format.format(-Math.max(1, Math.floor(ageMs / 60_000)), 'minute');
}

/**
 * The one-sentence summary: "Weekly active teams 12,840 teams, up 7.9% (+940) vs last week (good),
 * 86% of target 15,000; 1 guardrail breached: Support tickets per 100 teams."
 */
export function cardSummary(model: CardModel, computed: CardComputed, locale: string, now?: number): string {
  const { metric } = model;
  let text = `${metric.name} ${valueText(metric, metric.value, locale)}`;
  if (computed.delta) {
    const { words } = deltaTexts(metric, computed.delta, locale);
    const judgement = metric.direction === 'neutral' ? '' : ` (${JUDGEMENT_WORDS[computed.delta.judgement]})`;
    text += `, ${words} ${model.comparison ?? DEFAULT_COMPARISON}${judgement}`;
  }
  if (computed.target) text += `, ${targetText(metric, computed.target, locale)}`;
  if (computed.breached.length) {
    const names = computed.breached.map((g) => g.metric.name).join(', ');
    text += `; ${computed.breached.length} guardrail${computed.breached.length === 1 ? '' : 's'} breached: ${names}`;
  } else if (computed.guardrails.some((g) => g.status !== null)) {
    text += '; guardrails within limits';
  }
  if (computed.staleAge !== null && now !== undefined) text += `; stale: updated ${ageText(computed.staleAge, now, locale)}`;
  return `${text}.`;
}

/** Anomalies in words, for the text alternative: "Unusual points: Aug 3, 2026: 9,100 (expected about 12,000)." */
export function anomalyText(model: CardModel, anomalies: readonly Anomaly[], locale: string): string {
  if (anomalies.length === 0) return '';
  const { metric } = model;
  const items = anomalies.map((anomaly) => {
    const point = metric.series[anomaly.index];
    return `${formatDate(point.date, locale, { dateStyle: 'medium', timeZone: 'UTC' })}: ${valueText(metric, point.value, locale)} (expected about ${valueText(metric, anomaly.expected, locale)})`;
  });
  return `${anomalies.length === 1 ? 'Unusual point' : `${anomalies.length} unusual points`}: ${items.join('; ')}.`;
}
