import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ARROWS, type Delta, JUDGEMENT_WORDS } from '../core/delta.js';
import { formatDate, formatRelativeTime } from '../core/format.js';
import type { Normalized } from '../core/issues.js';
import type { Metric } from '../core/metric.js';
import { NswElement } from '../base/nsw-element.js';
import { sharedStyles } from '../base/shared-styles.js';
import { renderDataTable } from '../base/templates.js';
import {
  type CardComputed,
  type CardModel,
  type GuardrailResult,
  DEFAULT_COMPARISON,
  ageText,
  anomalyText,
  cardFromCsv,
  cardSummary,
  computeCard,
  deltaTexts,
  normalizeCard,
  targetText,
  valueText,
} from './card-model.js';
import { type SparklineLayout, sparklineLayout } from './sparkline-layout.js';
import { nearestPointIndex, readoutIndex } from '../core/readout.js';
import { northStarCardStyles } from './north-star-card.styles.js';

/** Content width (px) at or below which the card switches to its compact layout. */
export const COMPACT_WIDTH = 280;
/** Width (px) at or below which the compact layout stacks each row's state under its name and shrinks the value. */
export const TINY_WIDTH = 200;
/** Width used before the element has been measured. */
const DEFAULT_WIDTH = 600;
const DATE_ONLY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
/** An "i" in a circle, drawn (the ⓘ character is missing from many system fonts). */
const INFO_ICON = svg`<svg class="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.5"></circle><line x1="8" y1="7.2" x2="8" y2="11.5"></line><circle class="dot" cx="8" cy="4.9" r="0.9"></circle></svg>`;
const CLOCK_ICON = svg`<svg class="icon" width="12" height="12" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.5"></circle><polyline points="8,4.5 8,8 10.5,9.5"></polyline></svg>`;

interface CardView {
  model: CardModel;
  computed: CardComputed;
  compact: boolean;
  /** Narrower still (≤ TINY_WIDTH): rows in one column. */
  tiny: boolean;
  /** Card content width (inside padding and border). */
  innerWidth: number;
  spark: SparklineLayout;
  summary: string;
  now: number;
  /** Rows of the data table, formatted on first use and kept for this view (hover re-renders reuse them). */
  tableRows: () => string[][];
}

/**
 * The one metric that matters, at a glance: value, change against the comparison period judged by
 * direction, sparkline with readout, progress towards target, guardrails, inputs, details on demand.
 *
 * @tag north-star-card
 * @summary A North Star metric card with change, sparkline, target, guardrails and inputs.
 *
 * @fires nsw-load - Data was accepted; `detail: { source, dropped }`.
 * @fires nsw-error - Data was rejected or partly dropped, or a refresh failed; `detail: { message, issues, partial }`.
 * @fires nsw-select - The card, a guardrail or an input was activated (click, Enter, Space); cancelable;
 *   `detail: { id, metric }`. Unless cancelled, the metric's safe `href` is followed.
 *
 * @csspart base - The card's frame.
 * @csspart header - The activatable area with name, value and change.
 * @csspart name - The metric's name.
 * @csspart value - The formatted value.
 * @csspart delta - The change against the comparison period.
 * @csspart sparkline - The history chart (focusable; arrow keys read points).
 * @csspart tooltip - The readout of the point under the pointer or keyboard marker.
 * @csspart target - Progress towards the target.
 * @csspart guardrails - The list of guardrails.
 * @csspart guardrail - One guardrail row.
 * @csspart inputs - The list of input metrics.
 * @csspart input - One input row.
 * @csspart details - The disclosed description, owner and last-updated time.
 * @csspart details-button - The "Details" disclosure button.
 * @csspart stale-badge - The "Stale" badge shown with `stale-after`.
 * @csspart error - The error panel shown when the data cannot be shown.
 * @csspart notice - The notice listing dropped parts of the data.
 * @csspart table - The visually hidden data table of the series.
 *
 * @cssprop [--north-star-card-accent=var(--nsw-color-accent)] - Accent colour (target bar, focus of the chart).
 * @cssprop [--north-star-card-sparkline-color=var(--nsw-color-series)] - Colour of the sparkline.
 * @cssprop [--north-star-card-value-size=calc(var(--nsw-font-size) * 2.75)] - Font size of the value (compact: × 2); not `rem`, so the host page's root font size does not change it.
 * @cssprop [--north-star-card-padding=16px] - Inner padding of the card.
 * @cssprop [--north-star-card-radius=var(--nsw-radius)] - Corner radius of the card (rows and the details panel round in proportion).
 */
export class NorthStarCard extends NswElement<CardModel> {
  static override styles = [sharedStyles, northStarCardStyles];

  protected readonly noun = 'card';

  /** Hours after which a value whose `updated` is older is marked stale; unset for never. */
  @property({ type: Number, attribute: 'stale-after', reflect: true }) staleAfter?: number;

  /** Marks unusual points of the series (Hampel filter) on the sparkline and in the text alternative. */
  @property({ type: Boolean, reflect: true }) anomalies = false;

  /** Name of the metric when CSV from `src` has no `name` column (default "Metric"). */
  @property({ attribute: 'name' }) name?: string;

  /** Index of the series point read out (pointer or keyboard); null when hidden. */
  @state() private activeIndex: number | null = null;
  @state() private detailsOpen = false;

  private view: CardView | null = null;
  private viewKey = '';

  @query('.tip') private tipElement?: HTMLElement;

  protected normalizeData(raw: unknown): Normalized<CardModel> {
    return normalizeCard(raw);
  }

  protected override fromCsv(rows: Array<Record<string, string>>): Normalized<unknown> {
    return cardFromCsv(rows, this.name && this.name.trim() ? this.name.trim() : 'Metric');
  }

  /** One plain sentence with the key numbers, e.g. "Weekly active teams 12,840 teams, up 7.9% (+940) vs last week (good), …". */
  get summary(): string {
    if (this.model === null) return '';
    if (this.view && this.view.model === this.model) return this.view.summary;
    const now = Date.now();
    return cardSummary(this.model, this.compute(this.model, now), this.resolvedLocale, now);
  }

  private compute(model: CardModel, now: number): CardComputed {
    return computeCard(model, now, { staleAfterHours: this.staleAfter, anomalies: this.anomalies });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const model = this.model;
    if (model === null) {
      this.view = null;
      this.viewKey = '';
      return;
    }
    const width = this.width > 0 ? this.width : DEFAULT_WIDTH;
    const key = `${width}|${this.resolvedLocale}|${this.staleAfter}|${this.anomalies}`;
    if (this.view && this.view.model === model && this.viewKey === key) return;
    if (!this.view || this.view.model !== model) {
      this.activeIndex = null;
    }
    const now = Date.now();
    const compact = width <= COMPACT_WIDTH;
    const tiny = width <= TINY_WIDTH;
    // Padding on both sides plus the 1 px border.
    const innerWidth = Math.max(60, width - 2 * (compact ? 12 : 18) - 2);
    const computed = this.compute(model, now);
    const spark = sparklineLayout(model.metric.series, {
      width: innerWidth,
      height: compact ? 36 : width >= 480 ? 72 : 56,
      inset: 5,
      anomalies: computed.anomalies.map((a) => a.index),
    });
    const locale = this.resolvedLocale;
    let rows: string[][] | undefined;
    const tableRows = () =>
      (rows ??= (() => {
        const unusual = new Set(computed.anomalies.map((a) => a.index));
        return model.metric.series.map((point, index) => {
          const row = [formatDate(point.date, locale, DATE_ONLY), valueText(model.metric, point.value, locale)];
          if (unusual.size) row.push(unusual.has(index) ? 'unusual' : '');
          return row;
        });
      })());
    this.view = { model, computed, compact, tiny, innerWidth, spark, now, summary: cardSummary(model, computed, locale, now), tableRows };
    this.viewKey = key;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The tooltip follows the marker. Positioned through CSSOM (allowed by a strict CSP), never a style attribute.
    const point = this.activeIndex !== null ? this.view?.spark.points[this.activeIndex] : undefined;
    if (this.tipElement && point) this.tipElement.style.setProperty('--tip-x', `${point.x}px`);
  }

  // ------------------------------------------------------------------------------------------
  // Interaction

  private activate(metric: Metric): void {
    this.select(metric.id, metric, metric.href);
  }

  private onHeaderKey(event: KeyboardEvent, metric: Metric): void {
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      this.activate(metric);
    }
  }

  private onSparkKey(event: KeyboardEvent): void {
    const next = readoutIndex(event.key, this.activeIndex, this.view?.spark.points.length ?? 0);
    if (next === undefined) return;
    event.preventDefault();
    this.activeIndex = next;
  }

  private onSparkPointer(event: PointerEvent): void {
    const spark = this.view?.spark;
    const target = event.currentTarget as Element | null;
    if (!spark || !target || spark.points.length === 0) return;
    const box = target.getBoundingClientRect();
    const x = ((event.clientX - box.left) / Math.max(1, box.width)) * spark.width;
    this.activeIndex = nearestPointIndex(spark.points, x);
  }

  private onSparkLeave(): void {
    if (this.shadowRoot?.activeElement?.classList.contains('spark')) return;
    this.activeIndex = null;
  }

  private onSparkFocus(): void {
    if (this.activeIndex === null && this.view) this.activeIndex = this.view.spark.points.length - 1;
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  protected renderView(model: CardModel): TemplateResult {
    const view = this.view!;
    const { metric } = model;
    const { computed, compact } = view;
    const locale = this.resolvedLocale;
    const hasDetails = metric.description !== undefined || metric.owner !== undefined || metric.updated !== undefined;
    return html`<div
      part="base"
      class="base card ${compact ? 'compact' : 'regular'} ${view.tiny ? 'tiny' : ''} ${view.innerWidth >= 680 ? 'wide' : ''}"
    >
      <div class="top">
        <div
          part="header"
          class="header"
          role="button"
          tabindex="0"
          aria-describedby="summary"
          @click=${() => this.activate(metric)}
          @keydown=${(event: KeyboardEvent) => this.onHeaderKey(event, metric)}
        >
          <div part="name" class="name" title=${metric.name}><bdi>${metric.name}</bdi></div>
          <div class="headline">
            <span part="value" class="value"><bdi>${valueText({ ...metric, unit: undefined }, metric.value, locale)}</bdi></span>
            ${metric.unit ? html`<span class="unit"><bdi>${metric.unit}</bdi></span>` : nothing}
          </div>
          ${this.renderDelta(metric, computed.delta, model.comparison)}
        </div>
        ${(computed.staleAge !== null && !compact) || hasDetails
          ? html`<div class="meta">
              ${computed.staleAge !== null && !compact ? this.renderStaleBadge(metric, computed.staleAge, view.now) : nothing}
              ${hasDetails
                ? html`<button
                    part="details-button"
                    class="details-button"
                    type="button"
                    aria-expanded=${this.detailsOpen ? 'true' : 'false'}
                    aria-controls="details"
                    aria-label=${compact ? 'Details' : nothing}
                    @click=${() => (this.detailsOpen = !this.detailsOpen)}
                  >
                    ${INFO_ICON}${compact ? nothing : html`<span>Details</span>`}
                  </button>`
                : nothing}
            </div>`
          : nothing}
      </div>
      ${computed.staleAge !== null && compact
        ? html`<div class="stale-line">${this.renderStaleBadge(metric, computed.staleAge, view.now)}</div>`
        : nothing}
      ${hasDetails ? this.renderDetails(metric, view.now) : nothing}
      ${this.renderSparkline(view)} ${computed.target ? this.renderTarget(view) : nothing}
      ${computed.guardrails.length || computed.inputs.length
        ? html`<div class="lists">${this.renderGuardrails(view)} ${this.renderInputs(view)}</div>`
        : nothing}
      ${this.renderNotices()}
      <p id="summary" class="sr-only">${view.summary} ${anomalyText(model, computed.anomalies, locale)}</p>
      ${metric.series.length
        ? renderDataTable({
            caption: `${metric.name}: history`,
            columns: view.computed.anomalies.length ? ['Date', 'Value', 'Note'] : ['Date', 'Value'],
            // A function: the rows are formatted only when rendered, after first paint (once per view).
            rows: view.tableRows,
          })
        : nothing}
    </div>`;
  }

  /** Arrow, sign and a word as well as colour: never colour alone. */
  private renderDelta(metric: Metric, delta: Delta | null, comparison: string | undefined): TemplateResult {
    if (!delta) return html`<div part="delta" class="delta none muted">No comparison value</div>`;
    const texts = deltaTexts(metric, delta, this.resolvedLocale);
    const verdict = metric.direction === 'neutral' ? 'neutral' : delta.judgement;
    return html`<div part="delta" class="delta">
      <span class="pill ${verdict}">
        <span class="arrow" aria-hidden="true">${ARROWS[delta.movement]}</span>
        <span class="sr-only">${delta.movement === 'flat' ? 'unchanged' : delta.movement === 'up' ? 'up' : 'down'}</span>
        <span class="abs">${texts.absolute}</span>
        ${texts.relative ? html`<span class="rel">(${texts.relative})</span>` : nothing}
      </span>
      ${verdict === 'neutral' ? nothing : html`<span class="verdict ${verdict}">${JUDGEMENT_WORDS[verdict]}</span>`}
      <span class="comparison muted"><bdi>${comparison ?? DEFAULT_COMPARISON}</bdi></span>
    </div>`;
  }

  private renderStaleBadge(metric: Metric, age: number, now: number): TemplateResult {
    const updated = metric.updated!;
    return html`<span
      part="stale-badge"
      class="badge stale"
      title=${`Last updated ${formatDate(updated, this.resolvedLocale, { dateStyle: 'full', timeStyle: 'short' })}`}
      >${CLOCK_ICON} Stale · ${ageText(age, now, this.resolvedLocale)}</span
    >`;
  }

  private renderDetails(metric: Metric, now: number): TemplateResult {
    const locale = this.resolvedLocale;
    return html`<div part="details" class="details" id="details" ?hidden=${!this.detailsOpen}>
      ${metric.description ? html`<p class="description">${metric.description}</p>` : nothing}
      <dl>
        ${metric.owner ? html`<div><dt>Owner</dt><dd><bdi>${metric.owner}</bdi></dd></div>` : nothing}
        ${metric.updated !== undefined
          ? html`<div>
              <dt>Updated</dt>
              <dd>
                <time
                  datetime=${new Date(metric.updated).toISOString()}
                  title=${formatDate(metric.updated, locale, { dateStyle: 'full', timeStyle: 'long' })}
                  >${formatRelativeTime(metric.updated, now, locale)}</time
                >
              </dd>
            </div>`
          : nothing}
      </dl>
    </div>`;
  }

  private renderSparkline(view: CardView): TemplateResult | typeof nothing {
    const { spark, model, computed } = view;
    const { metric } = model;
    if (spark.points.length < 2) return nothing;
    const locale = this.resolvedLocale;
    const active = this.activeIndex !== null ? spark.points[this.activeIndex] : undefined;
    const latest = spark.latest!;
    const pointText = (index: number) => {
      const point = spark.points[index];
      return `${formatDate(point.date, locale, DATE_ONLY)}: ${valueText(metric, point.value, locale)}${point.anomaly ? ' (unusual)' : ''}`;
    };
    const readIndex = this.activeIndex ?? spark.points.length - 1;
    const align = active ? (active.x < spark.width * 0.2 ? 'start' : active.x > spark.width * 0.8 ? 'end' : 'middle') : 'middle';
    return html`<div class="spark-wrap">
      <div
        part="sparkline"
        class="spark"
        tabindex="0"
        role="slider"
        aria-label=${`${metric.name} history, ${spark.points.length} points; arrow keys read each point`}
        aria-valuemin="1"
        aria-valuemax=${spark.points.length}
        aria-valuenow=${readIndex + 1}
        aria-valuetext=${pointText(readIndex)}
        @keydown=${this.onSparkKey}
        @focus=${this.onSparkFocus}
        @blur=${() => (this.activeIndex = null)}
      >
        <svg
          width=${spark.width}
          height=${spark.height}
          viewBox="0 0 ${spark.width} ${spark.height}"
          aria-hidden="true"
          @pointermove=${this.onSparkPointer}
          @pointerdown=${this.onSparkPointer}
          @pointerleave=${this.onSparkLeave}
        >
          ${svg`
            <defs>
              <linearGradient id="spark-fill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0" class="fill-top"></stop>
                <stop offset="1" class="fill-bottom"></stop>
              </linearGradient>
            </defs>
            <path class="area" d=${spark.area} fill="url(#spark-fill)"></path>
            <path class="line" d=${spark.line}></path>
            ${spark.points
              .filter((p) => p.anomaly)
              .map((p) => svg`<circle class="anomaly" cx=${p.x} cy=${p.y} r="4.5"></circle>`)}
            ${active
              ? svg`<line class="cursor" x1=${active.x} x2=${active.x} y1="0" y2=${spark.height}></line>
                  <circle class="marker" cx=${active.x} cy=${active.y} r="4"></circle>`
              : nothing}
            <circle class="latest" cx=${latest.x} cy=${latest.y} r="3.5"></circle>
          `}
        </svg>
        ${active
          ? html`<div part="tooltip" class="tip ${align}" aria-hidden="true">
              <span class="tip-date">${formatDate(active.date, locale, DATE_ONLY)}</span>
              <strong>${valueText(metric, active.value, locale)}</strong>
              ${active.anomaly ? html`<span class="tip-flag">Unusual</span>` : nothing}
            </div>`
          : nothing}
      </div>
      <div class="axis muted" aria-hidden="true">
        <span>${formatDate(spark.points[0].date, locale, DATE_ONLY)}</span>
        ${computed.anomalies.length
          ? html`<span class="anomaly-note"
              ><span class="dot"></span>${computed.anomalies.length === 1 ? '1 unusual point' : `${computed.anomalies.length} unusual points`}</span
            >`
          : nothing}
        <span>${formatDate(latest.date, locale, DATE_ONLY)}</span>
      </div>
    </div>`;
  }

  private renderTarget(view: CardView): TemplateResult {
    const { metric } = view.model;
    const result = view.computed.target!;
    const progress = result.progress === null ? 0 : Math.max(0, Math.min(1, result.progress));
    const width = view.innerWidth;
    // A non-zero progress keeps a visible sliver so the bar never reads as empty by mistake.
    const fill = progress > 0 ? Math.max(4, progress * width) : 0;
    return html`<div part="target" class="target">
      <div class="target-text">
        <span>${targetText(metric, result, this.resolvedLocale)}</span>
        ${result.reached ? html`<span class="good reached">✓ <span class="sr-only">reached</span></span>` : nothing}
      </div>
      <svg class="bar" width=${width} height="6" aria-hidden="true">
        ${svg`<rect class="track" x="0" y="0" width=${width} height="6" rx="3"></rect>
          <rect class="fill ${result.reached ? 'reached' : ''}" x="0" y="0" width=${Math.round(fill * 10) / 10} height="6" rx="3"></rect>`}
      </svg>
    </div>`;
  }

  private renderGuardrails(view: CardView): TemplateResult | typeof nothing {
    const { guardrails } = view.computed;
    if (guardrails.length === 0) return nothing;
    const breached = view.computed.breached.length;
    return html`<section part="guardrails" class="list guardrails" aria-labelledby="guardrails-title">
      <h3 class="list-title" id="guardrails-title">
        Guardrails${breached ? html` <span class="count bad">· ${breached} breached</span>` : nothing}
      </h3>
      <ul role="list">
        ${guardrails.map((guardrail) => html`<li>${this.renderGuardrail(guardrail, view.compact)}</li>`)}
      </ul>
    </section>`;
  }

  private renderGuardrail(result: GuardrailResult, compact: boolean): TemplateResult {
    const { metric, status, delta } = result;
    const locale = this.resolvedLocale;
    let state: TemplateResult;
    if (status === 'breached') {
      state = html`<span class="state bad"><span aria-hidden="true">⚠</span> Breached</span>`;
    } else if (status === 'near') {
      state = html`<span class="state warn"><span aria-hidden="true">◐</span> Near limit</span>`;
    } else if (status === 'ok') {
      state = html`<span class="state good"><span aria-hidden="true">✓</span> Within limit</span>`;
    } else state = this.renderMiniDelta(metric, delta);
    const limit = metric.threshold !== undefined
      ? `limit ${metric.direction === 'decrease' ? '≤' : metric.direction === 'increase' ? '≥' : ''} ${valueText(metric, metric.threshold, locale)}`
      : '';
    return html`<button
      part="guardrail"
      class="row ${status ?? ''}"
      type="button"
      @click=${() => this.activate(metric)}
    >
      <span class="row-name truncate" title=${metric.name}><bdi>${metric.name}</bdi></span>
      ${this.renderRowValue(metric)}
      ${state}
      ${limit ? html`<span class="row-limit muted ${compact ? 'sr-only' : ''}" title=${limit.length > 40 ? limit : nothing}>${limit}</span>` : nothing}
    </button>`;
  }

  /** The figure of a guardrail or input row; a long unit is cut by CSS, so the full text goes in the title. */
  private renderRowValue(metric: Metric): TemplateResult {
    const text = valueText(metric, metric.value!, this.resolvedLocale);
    return html`<span class="row-value" title=${metric.unit && metric.unit.length > 12 ? text : nothing}><bdi>${text}</bdi></span>`;
  }

  private renderMiniDelta(metric: Metric, delta: Delta | null): TemplateResult {
    if (!delta) return html`<span class="state muted">—</span>`;
    const texts = deltaTexts(metric, delta, this.resolvedLocale);
    const verdict = metric.direction === 'neutral' ? 'neutral' : delta.judgement;
    return html`<span class="state ${verdict}"
      ><span aria-hidden="true">${ARROWS[delta.movement]}</span>
      <span class="sr-only">${delta.movement === 'flat' ? 'unchanged' : delta.movement}</span>
      ${texts.relative ?? texts.absolute}${verdict === 'neutral' ? nothing : html`<span class="sr-only">, ${JUDGEMENT_WORDS[verdict]}</span>`}</span
    >`;
  }

  private renderInputs(view: CardView): TemplateResult | typeof nothing {
    const { inputs } = view.computed;
    if (inputs.length === 0) return nothing;
    const locale = this.resolvedLocale;
    return html`<section part="inputs" class="list inputs" aria-labelledby="inputs-title">
      <h3 class="list-title" id="inputs-title">Inputs</h3>
      <ul role="list">
        ${inputs.map(
          ({ metric, delta }) => html`<li>
            <button part="input" class="row" type="button" @click=${() => this.activate(metric)}>
              <span class="row-name truncate" title=${metric.name}><bdi>${metric.name}</bdi></span>
              ${this.renderRowValue(metric)}
              ${this.renderMiniDelta(metric, delta)}
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
