import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Normalized } from '../core/issues.js';
import { toTime } from '../core/read.js';
import { NswElement } from '../base/nsw-element.js';
import { sharedStyles } from '../base/shared-styles.js';
import { renderDataTable } from '../base/templates.js';
import { GOAL_CSV_MESSAGE, type GoalModel, type KeyResult, type Objective, normalizeGoal } from './goal-data.js';
import { type BarLayout, type ChartLayout, barLayout, chartLayout, chartPointLabel } from './goal-layout.js';
import { type GoalStats, type GoalStatus, type ObjectiveStats, computeGoalStats, computeObjectiveStats } from './goal-math.js';
import { goalProgressStyles } from './goal-progress.styles.js';
import { nearestPointIndex, readoutIndex } from '../core/readout.js';
import {
  type GoalTexts,
  STATUS_LABELS,
  STATUS_TONE,
  STATUS_WORDS,
  formatGoalDate,
  formatGoalValue,
  formatShare,
  goalSummary,
  goalTexts,
  objectiveSummary,
  paceAt,
} from './goal-text.js';

export type GoalView = 'bar' | 'chart';

/** The chart's data table shows at most this many points (sampled evenly beyond it). */
const MAX_TABLE_ROWS = 400;

interface KeyResultView {
  goal: KeyResult;
  stats: GoalStats;
  texts: GoalTexts;
  bar: BarLayout;
  chart: ChartLayout | null;
}

type Computed =
  | ({ kind: 'goal' } & KeyResultView & { summary: string })
  | { kind: 'objective'; objective: Objective; stats: ObjectiveStats; bar: BarLayout; keyResults: KeyResultView[]; summary: string };

/** Which chart and point the readout shows. */
interface ActivePoint {
  chart: number;
  index: number;
}

const ICONS: Record<GoalStatus, TemplateResult> = {
  achieved: svg`<path class="icon-fill" d="M6 0.6l1.6 3.4 3.7.4-2.8 2.5.8 3.7L6 8.7 2.7 10.6l.8-3.7L.7 4.4l3.7-.4z"/>`,
  'on-track': svg`<path class="icon-stroke" d="M1.5 6.5l3 3 6-7"/>`,
  'at-risk': svg`<path class="icon-fill" d="M6 .8l5.6 10H.4z"/><path class="icon-cut" d="M6 4.2v3M6 8.6v.4"/>`,
  'off-track': svg`<path class="icon-stroke" d="M6 1.5v8.5M2 6.5l4 4 4-4"/>`,
  missed: svg`<path class="icon-stroke" d="M2 2l8 8M10 2l-8 8"/>`,
  'not-started': svg`<circle class="icon-stroke" cx="6" cy="6" r="4.2"/>`,
};

/**
 * A SMART goal or an OKR objective with key results: from where, to where, by when, and are we on
 * track — with the expected pace, the forecast at the deadline and the rate it would take.
 *
 * @tag goal-progress
 * @summary Progress towards a goal or OKR: status, expected pace, forecast, required vs actual rate.
 *
 * @attr {'achieved' | 'not-started' | 'missed' | 'on-track' | 'at-risk' | 'off-track'} status - Reflects the computed `status` (read-only: set by the element, for CSS such as `goal-progress[status='off-track']`).
 *
 * @fires nsw-load - Data was accepted; `detail: { source, dropped }`.
 * @fires nsw-error - Data was rejected or partly dropped; `detail: { message, issues, partial }`.
 * @fires nsw-select - The goal title or a key result row was activated (click, Enter, Space); cancelable; `detail: { id, metric }`.
 *
 * @csspart base - The card.
 * @csspart title - The goal's name (a button).
 * @csspart status - The status badge (word, icon, colour).
 * @csspart meter - The element with role="meter" around the bar.
 * @csspart bar - The progress bar's SVG.
 * @csspart track - The bar's track.
 * @csspart fill - The bar's fill (a sliver at 0 %).
 * @csspart pace - The expected-pace marker.
 * @csspart target - The target marker.
 * @csspart figures - The numbers under the bar.
 * @csspart outlook - Days left, forecast, rates and projected date.
 * @csspart key-results - The list of key results of an objective.
 * @csspart key-result - One key result row.
 * @csspart key-result-status - A key result's status badge.
 * @csspart chart - The burn-up chart (focusable; arrow keys read the points).
 * @csspart tooltip - The chart readout.
 * @csspart table - The visually hidden data table.
 * @csspart error - The error panel.
 * @csspart notice - The "problems in the data" notice.
 *
 * @cssprop [--goal-progress-fill-color=the status colour] - Bar fill.
 * @cssprop [--goal-progress-track-color=var(--nsw-color-track)] - Bar track.
 * @cssprop [--goal-progress-pace-color=var(--nsw-color-text)] - Expected-pace marker.
 * @cssprop [--goal-progress-target-color=var(--nsw-color-text)] - Target marker and line.
 * @cssprop [--goal-progress-series-color=var(--nsw-color-series)] - Burn-up series line.
 * @cssprop [--goal-progress-forecast-color=var(--nsw-color-series)] - Dashed forecast line.
 */
export class GoalProgress extends NswElement<GoalModel> {
  static override styles = [sharedStyles, goalProgressStyles];

  protected readonly noun = 'goal';

  /** "Now" for every computation (ISO 8601 date or date-time; a date alone is midnight UTC); default: the current time. */
  @property({ attribute: 'as-of', reflect: true }) asOf?: string;

  /** `bar` (default): progress bar with pace marker and target; `chart`: burn-up with pace line and forecast. */
  @property({ reflect: true }) view: GoalView = 'bar';

  @state() private active: ActivePoint | null = null;

  private computed: Computed | null = null;
  private asOfProblem: string | null = null;

  /** The time used as "now" (epoch ms). */
  get asOfTime(): number {
    const parsed = this.asOf ? toTime(this.asOf) : undefined;
    return parsed ?? Date.now();
  }

  /** Progress, (value − baseline) / (target − baseline), unclamped; an objective's is the weighted mean of its key results'. `null` without data. */
  get progress(): number | null {
    return this.computed ? this.computed.stats.progress : null;
  }

  /** Elapsed share of [start, deadline] at `as-of`, 0..1; `null` without data. */
  get expected(): number | null {
    return this.computed ? this.computed.stats.expected : null;
  }

  /** `achieved`, `not-started`, `missed`, `on-track`, `at-risk` or `off-track` (also the `status` attribute); `null` without data. */
  get status(): GoalStatus | null {
    return this.computed ? this.computed.stats.status : null;
  }

  /** The trend's value at the deadline; `null` with fewer than 3 points in [start, as-of], and for an objective. */
  get forecast(): number | null {
    return this.computed?.kind === 'goal' ? this.computed.stats.forecast : null;
  }

  /** (target − value) per week over the time left; `null` when no time is left, and for an objective. */
  get requiredRate(): number | null {
    return this.computed?.kind === 'goal' ? this.computed.stats.requiredRate : null;
  }

  /** The trend's slope per week; `null` with fewer than 3 points, and for an objective. */
  get actualRate(): number | null {
    return this.computed?.kind === 'goal' ? this.computed.stats.actualRate : null;
  }

  /** When the trend reaches the target (epoch ms); `null` if never, and for an objective. */
  get eta(): number | null {
    return this.computed?.kind === 'goal' ? this.computed.stats.eta : null;
  }

  /** One sentence with status, progress, time gone, rates and forecast. Empty without data. */
  get summary(): string {
    return this.computed?.summary ?? '';
  }

  protected normalizeData(raw: unknown): Normalized<GoalModel> {
    return normalizeGoal(raw);
  }

  /** A `date,value` table cannot define a goal (no baseline, target or time box): CSV is refused. */
  protected override fromCsv(_rows: Array<Record<string, string>>): Normalized<unknown> {
    return { value: null, issues: [{ path: 'src', message: GOAL_CSV_MESSAGE }] };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const inputs = ['model', 'asOf', 'view', 'width', 'locale'] as Array<keyof GoalProgress>;
    if (inputs.some((key) => changed.has(key)) || !this.computed) {
      this.recompute();
    }
  }

  private recompute(): void {
    const model = this.model;
    this.asOfProblem = this.asOf && toTime(this.asOf) === undefined ? `as-of: expected an ISO 8601 date, got "${this.asOf.slice(0, 40)}"; using today` : null;
    if (!model) {
      this.computed = null;
      this.active = null;
      return;
    }
    const as = this.asOfTime;
    const locale = this.resolvedLocale;
    const width = this.width > 0 ? this.width : 600;
    const krView = (goal: KeyResult, chartWidth: number): KeyResultView => {
      const stats = computeGoalStats(goal, as);
      return {
        goal,
        stats,
        texts: goalTexts(goal, stats, as, locale),
        bar: barLayout(stats.progress, stats.expected),
        chart: this.view === 'chart' ? chartLayout(goal, stats, as, chartWidth, locale) : null,
      };
    };
    if (model.kind === 'goal') {
      const view = krView(model, width);
      this.computed = { kind: 'goal', ...view, summary: goalSummary(model, view.stats, as, locale) };
    } else {
      const keyResults = model.keyResults.map((kr) => krView(kr, width));
      const stats = computeObjectiveStats(
        { ...model, keyResults: keyResults.map((k) => ({ progress: k.stats.progress, forecastProgress: k.stats.forecastProgress, weight: k.goal.weight })) },
        as,
      );
      this.computed = {
        kind: 'objective',
        objective: model,
        stats,
        bar: barLayout(stats.progress, stats.expected),
        keyResults,
        summary: objectiveSummary(model, stats, keyResults, locale),
      };
    }
    const charts = this.chartsOf(this.computed);
    if (this.active && !charts[this.active.chart]?.chart?.points[this.active.index]) this.active = null;
  }

  private chartsOf(computed: Computed | null): KeyResultView[] {
    if (!computed) return [];
    return computed.kind === 'goal' ? [computed] : computed.keyResults;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const status = this.status;
    if (status) {
      if (this.getAttribute('status') !== status) this.setAttribute('status', status);
    } else if (this.hasAttribute('status')) this.removeAttribute('status');
    this.placeTooltip();
  }

  /** The tooltip is positioned through the CSSOM (no `style` attribute, so it works under a strict CSP). */
  private placeTooltip(): void {
    const tip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    if (!tip || !this.active) return;
    const view = this.chartsOf(this.computed)[this.active.chart];
    const point = view?.chart?.points[this.active.index];
    const svgEl = tip.parentElement?.querySelector('svg');
    if (!point || !view.chart || !svgEl) return;
    // The SVG scales with its box; map layout pixels to rendered pixels.
    const scale = svgEl.clientWidth > 0 ? svgEl.clientWidth / view.chart.width : 1;
    tip.style.setProperty('left', `${point.x * scale}px`);
    tip.style.setProperty('top', `${point.y * scale}px`);
  }

  private activate(goal: KeyResult | Objective): void {
    this.select(goal.id, goal, goal.href);
  }

  /** The whole row is a click target; its name button gives it Enter/Space (a native button click bubbles here once). */
  private onRowClick(goal: KeyResult): void {
    this.activate(goal);
  }

  // ---------- rendering ----------

  protected renderView(_model: GoalModel): TemplateResult {
    const c = this.computed;
    if (!c) return html`<div part="base" class="base">${this.renderNotices()}</div>`;
    const tone = STATUS_TONE[c.stats.status];
    return html`<div part="base" class="base tone-${tone}">
      <p class="sr-only" id="summary">${c.summary}</p>
      ${c.kind === 'goal' ? this.renderGoal(c) : this.renderObjective(c)}
      ${this.asOfProblem ? html`<p class="notice-inline" role="status">⚠ ${this.asOfProblem}</p>` : nothing}
      ${this.renderNotices()}
    </div>`;
  }

  private renderBadge(status: GoalStatus, part = 'status'): TemplateResult {
    return html`<span part=${part} class="badge tone-${STATUS_TONE[status]}"
      ><svg viewBox="0 0 12 12" aria-hidden="true">${ICONS[status]}</svg>${STATUS_LABELS[status]}</span
    >`;
  }

  private renderMeter(bar: BarLayout, progress: number, expected: number, status: GoalStatus, labelledBy: string | null, label: string | null): TemplateResult {
    const now = Math.round(progress * 100);
    const valuetext = `${formatShare(progress, this.resolvedLocale)} of the way, ${formatShare(expected, this.resolvedLocale)} expected by now, ${STATUS_WORDS[status]}`;
    return html`<div
      part="meter"
      class="meter"
      role="meter"
      aria-labelledby=${labelledBy ?? nothing}
      aria-describedby=${labelledBy === 'title' ? 'summary' : nothing}
      aria-label=${label ?? nothing}
      aria-valuemin=${Math.min(0, now)}
      aria-valuemax=${Math.max(100, now)}
      aria-valuenow=${now}
      aria-valuetext=${valuetext}
    >
      <svg part="bar" class="bar" aria-hidden="true" focusable="false">
        <rect part="track" class="track" x="0" y="8" width="100%" height=${this.barHeight()} rx="4"></rect>
        ${bar.fill > 0 ? svg`<rect part="fill" class="fill" x="0" y="8" width="${bar.fill}%" height=${this.barHeight()} rx="4"></rect>` : nothing}
        ${/* WCAG 1.4.11: 0 % still shows a visible sliver, so the bar never reads as empty/broken. */ ''}
        <rect class="sliver" x="0" y="8" width="4" height=${this.barHeight()} rx="2"></rect>
        ${bar.overshoot ? svg`<line class="overshoot-gap" x1="${bar.target}%" x2="${bar.target}%" y1="8" y2=${8 + this.barHeight()}></line>` : nothing}
        <line part="target" class="target-line" x1="${bar.target}%" x2="${bar.target}%" y1="4" y2=${12 + this.barHeight()}></line>
        <svg part="pace" x="${bar.pace}%" y="0" overflow="visible">
          <path class="pace-mark" d="M-5 0H5L0 6.5z"></path>
          <line class="pace-line" x1="0" x2="0" y1="5" y2=${12 + this.barHeight()}></line>
        </svg>
      </svg>
    </div>`;
  }

  private barHeight(): number {
    return 12;
  }

  private renderOutlook(texts: GoalTexts): TemplateResult {
    return html`<p part="outlook" class="outlook">${phrases([texts.timeLeft, texts.forecast, texts.pace, texts.eta])}</p>`;
  }

  private renderHead(goal: KeyResult | Objective, status: GoalStatus, meta: Array<string | TemplateResult>): TemplateResult {
    return html`<div class="head">
      <div class="titles">
        <button part="title" class="title" id="title" type="button" @click=${() => this.activate(goal)}><bdi>${goal.name}</bdi></button>
        ${meta.length ? html`<p class="meta">${phrases(meta)}</p>` : nothing}
      </div>
      ${this.renderBadge(status)}
    </div>`;
  }

  private metaLine(goal: KeyResult | Objective): Array<string | TemplateResult> {
    const locale = this.resolvedLocale;
    // A date never breaks inside ("Oct 1, / 2026"); the range may break at the dash.
    const range = html`<span class="date">${formatGoalDate(goal.start, locale)}</span> – <span class="date">${formatGoalDate(goal.deadline, locale)}</span>`;
    return [goal.metric ?? '', goal.owner ? `Owner: ${goal.owner}` : '', range].filter((text) => text !== '');
  }

  private renderGoal(c: Extract<Computed, { kind: 'goal' }>): TemplateResult {
    const { goal, stats, texts } = c;
    // The headline figures show in both views: a burn-up chart alone does not say how far along the goal is.
    return html`${this.renderHead(goal, stats.status, this.metaLine(goal))}
      <div class="progress-line">
        <span class="big">${texts.progress}</span>
        <span>${texts.value} <span class="muted">of</span> ${texts.target} <span class="muted">(from ${texts.baseline}${goal.relativeTarget ? `, target ${goal.relativeTarget}` : ''})</span></span>
      </div>
      ${this.view === 'chart' && c.chart
        ? this.renderChart(c, 0, `${goal.name}: burn-up chart`)
        : html`${this.renderMeter(c.bar, stats.progress, stats.expected, stats.status, 'title', null)}
            <p class="legend"><span class="legend-pace">${texts.expected} expected by now</span><span class="legend-target">target ${texts.target}</span></p>`}
      ${this.renderOutlook(texts)}`;
  }

  private renderObjective(c: Extract<Computed, { kind: 'objective' }>): TemplateResult {
    const { objective, stats } = c;
    const locale = this.resolvedLocale;
    const timeLeft = c.keyResults[0]?.texts.timeLeft ?? '';
    const forecast = stats.forecastProgress === null ? null : `forecast ${formatShare(stats.forecastProgress, locale)} by ${formatGoalDate(objective.deadline, locale)}`;
    return html`${this.renderHead(objective, stats.status, this.metaLine(objective))}
      <div class="progress-line">
        <span class="big">${formatShare(stats.progress, locale)}</span>
        <span class="muted">average of ${c.keyResults.length} key ${c.keyResults.length === 1 ? 'result' : 'results'}${c.keyResults.some((k) => k.goal.weight !== 1) ? ', weighted' : ''}</span>
      </div>
      ${this.renderMeter(c.bar, stats.progress, stats.expected, stats.status, 'title', null)}
      <p class="legend"><span class="legend-pace">${formatShare(stats.expected, locale)} expected by now</span><span class="legend-target">100% = every key result at target</span></p>
      <p part="outlook" class="outlook">${phrases([
        objective.start <= this.asOfTime && this.asOfTime <= objective.deadline ? timeLeft : '',
        this.asOfTime < objective.start ? `starts ${formatGoalDate(objective.start, locale)}` : '',
        this.asOfTime > objective.deadline ? `ended ${formatGoalDate(objective.deadline, locale)}` : '',
        forecast,
      ])}</p>
      ${this.view === 'chart'
        ? c.keyResults.map((k, i) => html`<div class="kr-chart" part="key-result">
            <div class="kr-head">
              <button class="kr-name" type="button" @click=${() => this.activate(k.goal)}><bdi>${k.goal.name}</bdi></button>
              ${this.renderBadge(k.stats.status, 'key-result-status')}
            </div>
            <p class="kr-figures">${phrases([html`<strong>${k.texts.progress}</strong>`, `${k.texts.value} of ${k.texts.target} (from ${k.texts.baseline})`])}</p>
            ${k.chart ? this.renderChart(k, i, `${k.goal.name}: burn-up chart`) : nothing}
            ${this.renderOutlook(k.texts)}
          </div>`)
        : html`<ul part="key-results" class="key-results" aria-label="Key results">
            ${c.keyResults.map((k, i) => this.renderKeyResultRow(k, i))}
          </ul>`}`;
  }

  private renderKeyResultRow(k: KeyResultView, index: number): TemplateResult {
    const { goal, stats, texts } = k;
    return html`<li part="key-result" class="kr tone-${STATUS_TONE[stats.status]}" @click=${() => this.onRowClick(goal)}>
      <div class="kr-head">
        <button class="kr-name" id="kr-${index}" type="button"><bdi>${goal.name}</bdi></button>
        ${this.renderBadge(stats.status, 'key-result-status')}
      </div>
      ${this.renderMeter(k.bar, stats.progress, stats.expected, stats.status, `kr-${index}`, null)}
      <p class="kr-figures">${phrases([
        html`<strong>${texts.progress}</strong>`,
        `${texts.value} of ${texts.target} (from ${texts.baseline})`,
        `${texts.expected} expected`,
        goal.weight !== 1 ? `weight ${goal.weight}` : '',
        texts.pace,
        texts.forecast,
      ])}</p>
    </li>`;
  }

  private onChartKey(chartIndex: number, count: number, event: KeyboardEvent): void {
    const current = this.active?.chart === chartIndex ? this.active.index : null;
    const next = readoutIndex(event.key, current, count);
    if (next === undefined) return;
    event.preventDefault();
    this.active = next === null ? null : { chart: chartIndex, index: next };
  }

  private onPointerMove(chartIndex: number, layout: ChartLayout, event: PointerEvent): void {
    const svgEl = event.currentTarget as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    if (box.width === 0 || layout.points.length === 0) return;
    const x = ((event.clientX - box.left) / box.width) * layout.width;
    const best = nearestPointIndex(layout.points, x);
    if (this.active?.chart !== chartIndex || this.active.index !== best) this.active = { chart: chartIndex, index: best };
  }

  private renderChart(k: KeyResultView, chartIndex: number, label: string): TemplateResult {
    const layout = k.chart!;
    const { goal, stats } = k;
    const locale = this.resolvedLocale;
    const active = this.active?.chart === chartIndex ? layout.points[this.active.index] ?? null : null;
    const activeLabel = active ? chartPointLabel(goal, active, this.resolvedLocale) : '';
    const { plot } = layout;
    const targetLabel = `Target ${formatGoalValue(goal.target, goal, locale)}`;
    const asLabel = this.asOf ? `As of ${formatGoalDate(this.asOfTime, locale, true)}` : 'Today';
    const value = (v: number) => formatGoalValue(v, goal, locale);
    const inBox = goal.series.filter((p) => p.date >= goal.start && p.date <= this.asOfTime);
    // A table of thousands of rows helps nobody and costs seconds: long series are sampled evenly
    // (first and last kept) and the caption says so.
    const step = inBox.length > MAX_TABLE_ROWS ? Math.ceil(inBox.length / MAX_TABLE_ROWS) : 1;
    const rows = step === 1 ? inBox : inBox.filter((_, i) => i % step === 0 || i === inBox.length - 1);
    const table = renderDataTable({
      caption: `${goal.name}: values over time${step > 1 ? ` (every ${step}th of ${inBox.length} points)` : ''}`,
      columns: ['Date', 'Value', 'On pace'],
      rows: [
        ...rows.map((p) => [formatGoalDate(p.date, locale), value(p.value), value(paceAt(goal, p.date))]),
        ...(stats.forecast !== null ? [[`${formatGoalDate(goal.deadline, locale)} (forecast)`, value(stats.forecast), value(goal.target)]] : []),
      ],
    });
    return html`<div
        part="chart"
        class="chart"
        tabindex="0"
        role="group"
        aria-label="${label}. ${layout.points.length} points; use the arrow keys to read them."
        @keydown=${(e: KeyboardEvent) => this.onChartKey(chartIndex, layout.points.length, e)}
        @blur=${() => {
          if (this.active?.chart === chartIndex) this.active = null;
        }}
      >
        <svg
          viewBox="0 0 ${layout.width} ${layout.height}"
          aria-hidden="true"
          focusable="false"
          @pointermove=${(e: PointerEvent) => this.onPointerMove(chartIndex, layout, e)}
          @pointerleave=${() => {
            if (this.active?.chart === chartIndex && !this.renderRoot.querySelector(':focus')) this.active = null;
          }}
        >
          ${layout.yTicks.map(
            (t) => svg`<line class="grid-line" x1=${plot.left} x2=${plot.right} y1=${t.position} y2=${t.position}></line>
              <text class="axis-label" x=${plot.left - 6} y=${t.position} dy="0.32em" text-anchor="end">${t.label}</text>`,
          )}
          ${layout.xTicks.map((t) => svg`<text class="axis-label" x=${t.position} y=${plot.bottom + 16} text-anchor="middle">${t.label}</text>`)}
          <line class="deadline-line" x1=${layout.deadlineX} x2=${layout.deadlineX} y1=${plot.top} y2=${plot.bottom}></line>
          <path class="pace-path" d=${layout.pacePath}></path>
          <line class="target-rule" x1=${plot.left} x2=${plot.right} y1=${layout.targetY} y2=${layout.targetY}></line>
          <text class="chart-label" x=${plot.left + 4} y=${layout.targetY - 5}>${targetLabel}</text>
          ${layout.asX !== null
            ? svg`<line class="today-line" x1=${layout.asX} x2=${layout.asX} y1=${plot.top} y2=${plot.bottom}></line>
              <text class="chart-label muted" x=${layout.asX} y=${plot.top - 3} text-anchor=${layout.asX > plot.right - 60 ? 'end' : 'middle'}>${asLabel}</text>`
            : nothing}
          ${layout.forecastPath ? svg`<path class="forecast-path" d=${layout.forecastPath}></path>` : nothing}
          ${layout.seriesPath ? svg`<path class="series-line" d=${layout.seriesPath}></path>` : nothing}
          ${layout.points.map((p) =>
            p.kind === 'forecast'
              ? svg`<circle class="forecast-dot" cx=${p.x} cy=${p.y} r="4"></circle>`
              : layout.dots
                ? svg`<circle class="series-dot" cx=${p.x} cy=${p.y} r=${layout.points.length > 40 ? 1.5 : 3}></circle>`
                : nothing,
          )}
          ${active
            ? svg`<line class="active-rule" x1=${active.x} x2=${active.x} y1=${plot.top} y2=${plot.bottom}></line>
              <circle class="active-ring" cx=${active.x} cy=${active.y} r="6"></circle>`
            : nothing}
        </svg>
        ${active
          ? html`<div part="tooltip" class="tooltip ${active.x < layout.width * 0.25 ? 'align-start' : active.x > layout.width * 0.75 ? 'align-end' : ''} ${active.y < layout.height * 0.35 ? 'below' : ''}">${activeLabel}</div>`
          : nothing}
        <p class="sr-only" aria-live="polite">${activeLabel}</p>
      </div>
      <p class="chart-legend" aria-hidden="true">
        ${layout.points.some((p) => p.kind === 'actual') ? html`<span><span class="sw"></span>actual</span>` : html`<span>no data in the time box yet</span>`}<span><span class="sw sw-pace"></span>pace to target</span><span
          ><span class="sw sw-target"></span>target</span
        >${layout.forecastPath ? html`<span><span class="sw sw-forecast"></span>forecast (trend)</span>` : nothing}
      </p>
      ${table}`;
  }
}

/**
 * Phrases separated by "·". Each separator is drawn before its phrase and a phrase that starts a line
 * has it clipped (see `.phrases` in the styles), so a wrapped line never ends or starts with a lone "·".
 */
function phrases(items: Array<string | TemplateResult | null | undefined>): TemplateResult {
  return html`<span class="phrases">${items.filter((item) => item !== null && item !== undefined && item !== '').map((item) => html`<span class="phrase">${item}</span>`)}</span>`;
}
