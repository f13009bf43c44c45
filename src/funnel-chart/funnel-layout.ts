/**
 * Funnel view model, DOM-free: every text and every bar extent the element draws, computed from the
 * maths (`analyzeFunnel`) so that what is shown is exactly what `stats` says.
 *
 * Bar geometry is in percent of the bar area (a d3 linear scale from 0 to the largest count,
 * current or previous), so it can be written straight into SVG `x`/`width`/`y`/`height`
 * attributes — no style attributes, nothing to re-measure when the width changes.
 */
import { scaleLinear } from 'd3-scale';
import { formatCompact, formatNumber, humanizeDuration, numberFormat } from '../core/format.js';
import { type FunnelAnalysis, type FunnelStepDetail, type FunnelStepStats, analyzeFunnel } from './funnel-math.js';
import type { FunnelModel, FunnelStep } from './funnel-data.js';

export type Orientation = 'vertical' | 'horizontal';

/** How many segment colours the styles define; more segments reuse them in order. */
export const SEGMENT_COLOURS = 8;

/** Steps beyond this are drawn as compact one-line rows (vertical). */
export const CONDENSE_AFTER = 12;

/** A horizontal funnel needs this many pixels per column, else it is laid out vertically. */
export const MIN_COLUMN_WIDTH = 112;

/** Below this width the vertical layout stacks name, bar and figures. */
export const NARROW_WIDTH = 420;

export interface BarSpan {
  /** Start, in percent of the bar area. */
  start: number;
  /** Extent, in percent of the bar area. */
  size: number;
}

export interface SegmentBar extends BarSpan {
  key: string;
  colour: number;
  value: number;
}

export type FlagKind = 'biggest-drop-off' | 'small-sample' | 'growing' | 'zero';

export interface Flag {
  kind: FlagKind;
  icon: string;
  text: string;
  /** Longer explanation for the tooltip and the table. */
  detail: string;
}

export interface StepView {
  id: string;
  index: number;
  step: FunnelStep;
  stats: FunnelStepStats;
  detail: FunnelStepDetail;
  name: string;
  countText: string;
  /** Full count (the table and tooltip), where `countText` may be compact. */
  countFull: string;
  fromFirstText: string;
  fromPreviousText: string;
  /** "−1,240" (or "+300" for a growing step); "—" for the first step. */
  lostText: string;
  lostRateText: string;
  intervalText: string;
  /** One line under the bar: "38.0% of first · 62.0% of previous · −1,240 lost". */
  figuresLine: string;
  bar: BarSpan;
  ghost: BarSpan | null;
  segments: SegmentBar[];
  flags: Flag[];
  medianText: string | null;
  /** "+2.1 pp vs last week"; null without a comparison. */
  changeText: string | null;
  /** "significant" / "not significant"; null without a test. */
  significanceText: string | null;
  previousText: string | null;
}

export interface FunnelView {
  analysis: FunnelAnalysis;
  orientation: Orientation;
  /** The requested orientation could not fit (horizontal → vertical). */
  adapted: boolean;
  condensed: boolean;
  narrow: boolean;
  title: string;
  overallLine: string;
  biggestLine: string | null;
  comparisonLine: string | null;
  comparisonLabel: string;
  hasComparison: boolean;
  segmentKeys: string[];
  hasUnsegmented: boolean;
  steps: StepView[];
  summary: string;
  table: { caption: string; columns: string[]; rows: string[][] };
}

const DASH = '—';

/** A rate as a percent with one decimal (`38.0%`); tiny non-zero rates keep two significant digits. */
export function percentText(fraction: number | null, locale: string): string {
  if (fraction === null || !Number.isFinite(fraction)) return DASH;
  const small = fraction !== 0 && Math.abs(fraction) < 0.001;
  const options: Intl.NumberFormatOptions = small
    ? { style: 'percent', maximumSignificantDigits: 2 }
    : { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return numberFormat(locale, options).format(fraction).replace(/^-/, '\u2212');
}

/** A count in the funnel's format; compact (`1.2M`) where space is short and the number long. */
export function countText(value: number, locale: string, format?: Intl.NumberFormatOptions, compact = false): string {
  const long = Math.abs(value) >= (compact ? 100_000 : 10_000_000);
  return long ? formatCompact(value, locale, format) : formatNumber(value, locale, format);
}

/** A change of rates in percentage points with one decimal (`+2.0 pp`); tiny changes keep two significant digits. */
export function pointsText(change: number | null, locale: string): string {
  if (change === null || !Number.isFinite(change)) return DASH;
  const points = change * 100;
  const small = points !== 0 && Math.abs(points) < 0.1;
  const options: Intl.NumberFormatOptions = small
    ? { maximumSignificantDigits: 2, signDisplay: 'exceptZero' }
    : { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' };
  return `${numberFormat(locale, options).format(points).replace(/^-/, '\u2212')} pp`;
}

function signedCount(value: number, locale: string, format?: Intl.NumberFormatOptions, compact = false): string {
  const text = countText(Math.abs(value), locale, format, compact);
  if (value === 0) return text;
  return (value > 0 ? '+' : '\u2212') + text;
}

export interface LayoutOptions {
  orientation: Orientation;
  /** Content width in px; 0 = not measured yet (a 600 px layout is assumed). */
  width: number;
  locale: string;
}

/** The whole view: texts, flags and bar spans for each step, the summary and the data table. */
export function layoutFunnel(model: FunnelModel, options: LayoutOptions): FunnelView {
  const { locale } = options;
  const width = options.width > 0 ? options.width : 600;
  const analysis = analyzeFunnel(model.steps);
  const format = model.format;
  const n = model.steps.length;
  const narrow = width < NARROW_WIDTH;
  let orientation = options.orientation;
  let adapted = false;
  if (orientation === 'horizontal' && width / n < MIN_COLUMN_WIDTH) {
    orientation = 'vertical';
    adapted = true;
  }
  const condensed = orientation === 'vertical' && n > CONDENSE_AFTER;
  const compact = narrow || condensed || orientation === 'horizontal';
  const comparisonLabel = model.comparison?.trim() || 'previous period';
  const hasComparison = model.steps.some((s) => s.previous !== undefined);

  const scale = scaleLinear().domain([0, analysis.maxValue > 0 ? analysis.maxValue : 1]).range([0, 100]).clamp(true);
  // A non-zero count always shows a sliver (WCAG 1.4.11: a 0.01 % step must not look like 0).
  const extent = (value: number) => (value > 0 ? Math.max(scale(value), 0.6) : 0);
  const first = model.steps[0];
  const title = model.name?.trim() || 'Funnel';

  const steps: StepView[] = model.steps.map((step, index) => {
    const stats = analysis.stats[index];
    const detail = analysis.details[index];
    const before = index > 0 ? model.steps[index - 1] : undefined;
    const full = formatNumber(step.value, locale, format);
    const shown = countText(step.value, locale, format, compact);
    const fromFirstText = percentText(stats.fromFirst, locale);
    const fromPreviousText = percentText(stats.fromPrevious, locale);
    const lostText = stats.dropOff === null ? DASH : signedCount(-stats.dropOff, locale, format, compact);
    const lostRateText = stats.dropOffRate === null ? DASH : percentText(stats.dropOffRate, locale);
    const intervalText = stats.interval
      ? `${percentText(stats.interval[0], locale)} – ${percentText(stats.interval[1], locale)}`
      : DASH;

    const flags: Flag[] = [];
    if (detail.biggestDropOff) {
      flags.push({
        kind: 'biggest-drop-off',
        icon: '▼',
        text: 'Biggest drop-off',
        detail: `Biggest drop-off: ${lostRateText} of ${before?.name ?? ''} did not reach this step`,
      });
    }
    if (detail.growing) {
      flags.push({
        kind: 'growing',
        icon: '▲',
        text: 'More than previous step',
        detail: `More users than the step before (${percentText(stats.fromPrevious, locale)}): check the step order or how users are counted`,
      });
    }
    if (stats.smallSample) {
      const entered = formatNumber(detail.entered, locale, format);
      flags.push({
        kind: 'small-sample',
        icon: '⚠',
        text: `Small sample (n = ${entered})`,
        detail: `Only ${entered} users entered this step (fewer than 30): the conversion is not reliable`,
      });
    }
    if (index > 0 && before && before.value === 0) {
      flags.push({ kind: 'zero', icon: '∅', text: 'No users in previous step', detail: 'The previous step has 0 users: no conversion can be computed' });
    }

    let figuresLine: string;
    if (index === 0) figuresLine = step.value === 0 ? 'No users entered the funnel' : 'Start of the funnel';
    else {
      const lostWord = (stats.dropOff ?? 0) < 0 ? 'more' : 'lost';
      figuresLine = `${fromFirstText} of first · ${fromPreviousText} of previous · ${lostText} ${lostWord}`;
    }

    const changeText = stats.change === null ? null : `${pointsText(stats.change, locale)} vs ${comparisonLabel}`;
    const significanceText = stats.significant === null ? null : stats.significant ? 'significant' : 'not significant';
    const previousText = step.previous === undefined ? null : formatNumber(step.previous, locale, format);
    const medianText = step.medianTime === undefined || index === 0 ? null : humanizeDuration(step.medianTime);

    let segments: SegmentBar[] = [];
    if (step.segments) {
      let start = 0;
      segments = analysis.segmentKeys.flatMap((key, k) => {
        const value = detail.segments[k].value;
        if (value === null || value <= 0) return [];
        const size = scale(start + value) - scale(start);
        const bar: SegmentBar = { key, colour: k % SEGMENT_COLOURS, value, start: scale(start), size };
        start += value;
        return [bar];
      });
    }

    return {
      id: step.id,
      index,
      step,
      stats,
      detail,
      name: step.name,
      countText: shown,
      countFull: full,
      fromFirstText,
      fromPreviousText,
      lostText,
      lostRateText,
      intervalText,
      figuresLine,
      bar: { start: 0, size: extent(step.value) },
      ghost: step.previous === undefined ? null : { start: 0, size: extent(step.previous) },
      segments,
      flags,
      medianText,
      changeText,
      significanceText,
      previousText,
    };
  });

  const last = model.steps[n - 1];
  const overallText = percentText(analysis.overall, locale);
  const overallLine =
    n === 1
      ? `${formatNumber(first.value, locale, format)} ${first.name}`
      : `${formatNumber(first.value, locale, format)} → ${formatNumber(last.value, locale, format)} · ${overallText} overall`;
  const big = analysis.biggestDropOff;
  const biggestLine =
    big === null
      ? null
      : `Biggest drop-off: ${model.steps[big - 1].name} → ${model.steps[big].name}, ${percentText(analysis.stats[big].dropOffRate, locale)} lost (${formatNumber(analysis.stats[big].dropOff ?? 0, locale, format)} users)`;
  const comparisonLine =
    analysis.overallChange === null
      ? null
      : `Overall conversion ${pointsText(analysis.overallChange, locale)} vs ${comparisonLabel} (${percentText(analysis.previousOverall, locale)} then; ${analysis.overallSignificant ? 'significant' : 'not significant'})`;

  const summary = buildSummary(model, analysis, steps, title, comparisonLabel, locale);
  const table = buildTable(model, analysis, steps, title, comparisonLabel, locale);

  return {
    analysis,
    orientation,
    adapted,
    condensed,
    narrow,
    title,
    overallLine,
    biggestLine,
    comparisonLine,
    comparisonLabel,
    hasComparison,
    segmentKeys: analysis.segmentKeys,
    hasUnsegmented: analysis.details.some((d) => d.unsegmented !== null && d.unsegmented > 0),
    steps,
    summary,
    table,
  };
}

function buildSummary(model: FunnelModel, analysis: FunnelAnalysis, steps: StepView[], title: string, comparison: string, locale: string): string {
  const format = model.format;
  const first = model.steps[0];
  const last = model.steps[model.steps.length - 1];
  const count = (v: number) => formatNumber(v, locale, format);
  if (model.steps.length === 1) return `${title}: ${count(first.value)} ${first.name} (a single step, no conversion).`;
  let text = `${title}: ${count(first.value)} ${first.name} → ${count(last.value)} ${last.name} (${
    analysis.overall === null ? 'no conversion: the first step is 0' : `${percentText(analysis.overall, locale)} overall`
  })`;
  const big = analysis.biggestDropOff;
  if (big !== null) text += `; biggest drop-off at ${model.steps[big].name} (\u2212${percentText(analysis.stats[big].dropOffRate, locale)})`;
  if (analysis.overallChange !== null) {
    text += `; overall conversion ${pointsText(analysis.overallChange, locale)} vs ${comparison} (${
      analysis.overallSignificant ? 'significant' : 'not significant'
    })`;
  }
  const growing = steps.filter((s) => s.detail.growing).map((s) => s.name);
  if (growing.length) text += `; ${listText(growing)} ${growing.length === 1 ? 'is' : 'are'} larger than the step before`;
  const small = steps.filter((s) => s.stats.smallSample).length;
  if (small) text += `; ${small} ${small === 1 ? 'step has' : 'steps have'} a small sample (under 30 users)`;
  return `${text}.`;
}

function listText(items: string[]): string {
  if (items.length <= 3) return items.join(', ');
  return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}

function buildTable(model: FunnelModel, analysis: FunnelAnalysis, steps: StepView[], title: string, comparison: string, locale: string) {
  const hasComparison = steps.some((s) => s.step.previous !== undefined);
  const hasMedian = steps.some((s) => s.medianText !== null);
  const columns = ['Step', 'Users', '% of previous', '95 % interval', '% of first', 'Lost', 'Lost %'];
  if (hasComparison) columns.push(`Users (${comparison})`, `% of previous (${comparison})`, 'Change', 'Significant');
  if (hasMedian) columns.push('Median time');
  for (const key of analysis.segmentKeys) columns.push(`${key}: users`, `${key}: % of previous`);
  columns.push('Flags');
  const rows = steps.map((s) => {
    const row = [s.name, s.countFull, s.fromPreviousText, s.intervalText, s.fromFirstText, s.stats.dropOff === null ? DASH : formatNumber(s.stats.dropOff, locale, model.format), s.lostRateText];
    if (hasComparison) {
      row.push(
        s.previousText ?? DASH,
        percentText(s.stats.previousFromPrevious, locale),
        s.stats.change === null ? DASH : pointsText(s.stats.change, locale),
        s.stats.significant === null ? DASH : s.stats.significant ? 'yes' : 'no',
      );
    }
    if (hasMedian) row.push(s.medianText ?? DASH);
    for (const segment of s.detail.segments) {
      row.push(segment.value === null ? DASH : formatNumber(segment.value, locale, model.format), percentText(segment.fromPrevious, locale));
    }
    row.push(s.flags.map((f) => f.text).join('; ') || 'none');
    return row;
  });
  return { caption: `${title}: users at each step and conversion`, columns, rows };
}
