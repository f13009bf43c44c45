/**
 * Words and numbers for `<goal-progress>`: status words, value and rate formatting, and the
 * `summary` sentence. Pure (Intl only), so what the element shows is testable without a DOM.
 */
import { formatDate, formatNumber, formatPercent, formatPercentPoints, formatSigned } from '../core/format.js';
import { isRate } from '../core/metric.js';
import type { GoalModel, KeyResult, Objective } from './goal-data.js';
import { type GoalStats, type GoalStatus, type ObjectiveStats, trendAt } from './goal-math.js';

/** Status in words (lower case, for sentences). */
export const STATUS_WORDS: Record<GoalStatus, string> = {
  achieved: 'achieved',
  'not-started': 'not started',
  missed: 'missed',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
};

/** Status for the badge (sentence case). */
export const STATUS_LABELS: Record<GoalStatus, string> = {
  achieved: 'Achieved',
  'not-started': 'Not started',
  missed: 'Missed',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};

/** Which colour family a status takes: good, warn, bad or neutral. Colour is never alone: word and icon too. */
export const STATUS_TONE: Record<GoalStatus, 'good' | 'warn' | 'bad' | 'neutral'> = {
  achieved: 'good',
  'on-track': 'good',
  'at-risk': 'warn',
  'off-track': 'bad',
  missed: 'bad',
  'not-started': 'neutral',
};

/**
 * Display options: the goal's own `format`, plus a sensible number of fraction digits when it sets
 * none (a forecast of 14,300.4567 shows as 14,300; 6.4567 tickets as 6.46; 45.6 % as 45.6 %).
 */
function displayFormat(value: number, format?: Intl.NumberFormatOptions): Intl.NumberFormatOptions {
  const options: Intl.NumberFormatOptions = { ...format };
  if (options.maximumFractionDigits === undefined && options.maximumSignificantDigits === undefined) {
    const magnitude = Math.abs(format?.style === 'percent' ? value * 100 : value);
    const digits = format?.style === 'percent' ? 1 : magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    options.maximumFractionDigits = Math.max(digits, options.minimumFractionDigits ?? 0);
  }
  return options;
}

/** A value of the goal in its format, with its unit: `12,840`, `45.6%`, `6.5 tickets`. */
export function formatGoalValue(value: number, goal: Pick<KeyResult, 'format' | 'unit'>, locale: string): string {
  const text = formatNumber(value, locale, displayFormat(value, goal.format));
  return goal.unit ? `${text} ${goal.unit}` : text;
}

/** A rate per week: `+420/week`, `−0.3/week`, `+0.5 pp/week` for a percent goal; big values compact (`+1.2K/week`). */
export function formatRate(ratePerWeek: number, goal: Pick<KeyResult, 'format'>, locale: string): string {
  if (isRate(goal.format)) return `${formatPercentPoints(ratePerWeek, locale, 1)}/week`;
  const compact = Math.abs(ratePerWeek) >= 10_000;
  const options = compact ? { ...goal.format, maximumFractionDigits: 1 } : displayFormat(ratePerWeek, goal.format);
  return `${formatSigned(ratePerWeek, locale, options, compact)}/week`;
}

/** A share as a whole percent: 0.62 → `62%`; 1.3 → `130%`. */
export function formatShare(fraction: number, locale: string): string {
  return formatPercent(fraction, locale, 0);
}

/** A date of the goal (times are UTC: a date without a time is midnight UTC). */
export function formatGoalDate(time: number, locale: string, short = false): string {
  return formatDate(time, locale, short ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' });
}

/** `38 days left`, `1 day left`, `ended Dec 31, 2026`, `starts Oct 1, 2026`. */
export function formatTimeLeft(start: number, deadline: number, as: number, daysLeft: number, locale: string): string {
  if (as < start) return `starts ${formatGoalDate(start, locale)}`;
  if (as > deadline) return `ended ${formatGoalDate(deadline, locale)}`;
  if (daysLeft === 0) return 'due today';
  return `${formatNumber(daysLeft, locale)} ${daysLeft === 1 ? 'day' : 'days'} left`;
}

/** The numbers a goal line shows, as text; shared by the bar view, the key-result rows and `summary`. */
export interface GoalTexts {
  status: string;
  progress: string;
  expected: string;
  value: string;
  baseline: string;
  target: string;
  timeLeft: string;
  /** `forecast 14,300 by Dec 31, 2026`, or `null` without a forecast. */
  forecast: string | null;
  /** `needs +420/week, doing +310/week`, or `null` when there is nothing left to do or no time. */
  pace: string | null;
  /** `projected to hit 15,000 on Feb 3, 2027` / `not on course to reach 15,000` / `null`. */
  eta: string | null;
}

export function goalTexts(goal: KeyResult, stats: GoalStats, as: number, locale: string): GoalTexts {
  const value = (v: number) => formatGoalValue(v, goal, locale);
  // The unit is said once, after the target: "12,840 of 15,000 teams (from 11,000)".
  const plain = (v: number) => formatGoalValue(v, { format: goal.format }, locale);
  const finished = stats.status === 'achieved' || stats.status === 'missed';
  let pace: string | null = null;
  if (!finished && stats.requiredRate !== null) {
    pace = `needs ${formatRate(stats.requiredRate, goal, locale)}`;
    if (stats.actualRate !== null) pace += `, doing ${formatRate(stats.actualRate, goal, locale)}`;
  }
  let eta: string | null = null;
  if (!finished && stats.trend) {
    if (stats.eta === null) eta = `not on course to reach ${value(goal.target)}`;
    else if (stats.eta >= as) eta = `projected to hit ${value(goal.target)} on ${formatGoalDate(stats.eta, locale)}`;
    // An ETA before `as` while the value is short of the target: the fitted line passed the target
    // but the latest value has not; no projection is more honest than a date in the past.
  }
  return {
    status: STATUS_WORDS[stats.status],
    progress: formatShare(stats.progress, locale),
    expected: formatShare(stats.expected, locale),
    value: plain(goal.value),
    baseline: plain(goal.baseline),
    target: value(goal.target),
    timeLeft: formatTimeLeft(goal.start, goal.deadline, as, stats.daysLeft, locale),
    forecast: stats.forecast === null ? null : `forecast ${value(stats.forecast)} by ${formatGoalDate(goal.deadline, locale)}`,
    pace,
    eta,
  };
}

/** "Grow weekly active teams: at risk — 62% of the way from 10,000 to 15,000 with 71% of the time gone; needs …; forecast …." */
export function goalSummary(goal: KeyResult, stats: GoalStats, as: number, locale: string): string {
  const t = goalTexts(goal, stats, as, locale);
  const parts = [`${goal.name}: ${t.status} — ${t.progress} of the way from ${t.baseline} to ${t.target} with ${t.expected} of the time gone`];
  if (t.pace) parts.push(t.pace);
  if (t.forecast) parts.push(t.forecast);
  return `${parts.join('; ')}.`;
}

/** "Make Teamwork …: on track — 64% of the way with 57% of the time gone; 3 key results: A 46% (at risk), …." */
export function objectiveSummary(
  objective: Objective,
  stats: ObjectiveStats,
  keyResults: ReadonlyArray<{ goal: KeyResult; stats: GoalStats }>,
  locale: string,
): string {
  const head = `${objective.name}: ${STATUS_WORDS[stats.status]} — ${formatShare(stats.progress, locale)} of the way with ${formatShare(stats.expected, locale)} of the time gone`;
  const list = keyResults.map(({ goal, stats: s }) => `${goal.name} ${formatShare(s.progress, locale)} (${STATUS_WORDS[s.status]})`).join(', ');
  const forecast = stats.forecastProgress === null ? '' : `; forecast ${formatShare(stats.forecastProgress, locale)} by ${formatGoalDate(objective.deadline, locale)}`;
  return `${head}; ${keyResults.length} key ${keyResults.length === 1 ? 'result' : 'results'}: ${list}${forecast}.`;
}

/** The pace line's value at `time`: where the goal should be if it moved evenly from baseline to target. */
export function paceAt(goal: Pick<KeyResult, 'baseline' | 'target' | 'start' | 'deadline'>, time: number): number {
  const share = (time - goal.start) / (goal.deadline - goal.start);
  return goal.baseline + (goal.target - goal.baseline) * share;
}

export { trendAt };
export type { GoalModel };
