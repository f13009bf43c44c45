import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NswElement } from '../base/nsw-element.js';
import { sharedStyles } from '../base/shared-styles.js';
import { renderDataTable } from '../base/templates.js';
import type { Normalized } from '../core/issues.js';
import { formatNumber } from '../core/format.js';
import { type FunnelModel, funnelFromCsv, normalizeFunnel } from './funnel-data.js';
import { type FunnelView, type Orientation, type StepView, layoutFunnel, percentText } from './funnel-layout.js';
import { type FunnelStepStats, analyzeFunnel } from './funnel-math.js';
import { funnelStyles } from './funnel-chart.styles.js';

/**
 * A user journey, step by step, with the numbers an analyst needs: each step's count, conversion
 * from the previous and from the first step, users lost, the biggest drop-off (in words), the 95 %
 * Wilson interval of each conversion, small-sample and growing-step flags, the change against a
 * comparison period with a significance test, median time to convert and a segment breakdown.
 *
 * @tag funnel-chart
 * @summary Conversion funnel that says when its numbers cannot be trusted.
 *
 * @fires nsw-load - Data was accepted; `detail: { source, dropped }`.
 * @fires nsw-error - Data was rejected or parts of it dropped; `detail: { message, issues, partial }`.
 * @fires nsw-select - A step was activated by click, Enter or Space (cancelable); `detail: { id, metric }` where
 *   `metric` is the normalised step plus its `stats` entry.
 *
 * @csspart base - The outer box.
 * @csspart title - The funnel's name.
 * @csspart overall - First → last count and overall conversion.
 * @csspart callout - The biggest drop-off, in words.
 * @csspart legend - Segment and comparison legend.
 * @csspart steps - The list of steps.
 * @csspart step - One step (focusable, activatable).
 * @csspart label - A step's name and count.
 * @csspart value - A step's count.
 * @csspart bar - The SVG with a step's bar (or stacked segments) and ghost.
 * @csspart ghost - The comparison-period outline behind a bar.
 * @csspart figures - % of first, % of previous and users lost.
 * @csspart change - Change in conversion against the comparison period.
 * @csspart flag - A flag: biggest drop-off, small sample, growing step.
 * @csspart tooltip - The details of the hovered or focused step.
 * @csspart table - The visually hidden data table.
 * @csspart error - The error panel.
 * @csspart notice - The "problems in the data" notice.
 *
 * @cssprop [--funnel-chart-bar-color=var(--nsw-color-accent)] - Bar colour.
 * @cssprop [--funnel-chart-ghost-color=var(--nsw-color-text)] - Outline of the comparison period.
 * @cssprop [--funnel-chart-drop-color=var(--nsw-color-bad)] - Colour of the biggest drop-off flag.
 * @cssprop [--funnel-chart-track-color=var(--nsw-color-grid)] - The empty part of each bar.
 * @cssprop [--funnel-chart-column-height=168px] - Bar height in the horizontal orientation.
 * @cssprop [--funnel-chart-segment-1=#0b5cad] - First segment colour (…through `--funnel-chart-segment-8`).
 * @cssprop [--funnel-chart-segment-2=#b8510d] - Second segment colour.
 * @cssprop [--funnel-chart-segment-3=#1a7f37] - Third segment colour.
 * @cssprop [--funnel-chart-segment-4=#8250df] - Fourth segment colour.
 * @cssprop [--funnel-chart-segment-5=#bf3989] - Fifth segment colour.
 * @cssprop [--funnel-chart-segment-6=#0f7b8a] - Sixth segment colour.
 * @cssprop [--funnel-chart-segment-7=#7d6608] - Seventh segment colour.
 * @cssprop [--funnel-chart-segment-8=#57606a] - Eighth segment colour.
 */
export class FunnelChart extends NswElement<FunnelModel> {
  static override styles = [sharedStyles, funnelStyles];

  protected readonly noun = 'funnel';

  /** `vertical` (default: steps top to bottom) or `horizontal` (steps left to right; falls back to vertical when too narrow). */
  @property({ attribute: 'orientation', reflect: true }) orientation: Orientation = 'vertical';

  /** Step whose tooltip is shown because the pointer is over it; -1 for none. */
  @state() private hoverIndex = -1;
  /** The roving tab stop. */
  @state() private focusIndex = 0;
  /** Whether a step has keyboard focus (its tooltip shows). */
  @state() private hasFocus = false;
  /** Esc hides the tooltip until the pointer or focus moves to another step. */
  @state() private dismissed = false;

  private view: FunnelView | null = null;
  private statsCache: { model: FunnelModel; stats: FunnelStepStats[] } | null = null;

  /**
   * Read-only: one entry per step — `{ name, value, fromPrevious, fromFirst, dropOff, dropOffRate,
   * interval, smallSample, previousFromPrevious, change, significant }`; rates as fractions, `null`
   * where undefined. Empty when there is no valid data.
   */
  get stats(): FunnelStepStats[] {
    const model = this.model;
    if (!model) return [];
    if (this.statsCache?.model !== model) this.statsCache = { model, stats: analyzeFunnel(model.steps).stats };
    return this.statsCache.stats.map((s) => ({ ...s, interval: s.interval ? [s.interval[0], s.interval[1]] : null }));
  }

  /** Read-only: one plain sentence with the funnel's key numbers (also its accessible description). */
  get summary(): string {
    const model = this.model;
    if (!model) return this.issues.length ? `Can’t show this funnel: ${this.issues[0].path}: ${this.issues[0].message}` : '';
    return (this.view ?? this.computeView(model)).summary;
  }

  protected normalizeData(raw: unknown): Normalized<FunnelModel> {
    return normalizeFunnel(raw);
  }

  protected override fromCsv(rows: Array<Record<string, string>>): Normalized<unknown> {
    return funnelFromCsv(rows);
  }

  private computeView(model: FunnelModel): FunnelView {
    const orientation: Orientation = this.orientation === 'horizontal' ? 'horizontal' : 'vertical';
    return layoutFunnel(model, { orientation, width: this.width, locale: this.resolvedLocale });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const has = (key: string) => (changed as Map<unknown, unknown>).has(key);
    if (['model', 'width', 'locale', 'orientation'].some(has) || (this.model && !this.view)) {
      this.view = this.model ? this.computeView(this.model) : null;
      if (has('model')) {
        this.hoverIndex = -1;
        this.dismissed = false;
        if (this.model && this.focusIndex >= this.model.steps.length) this.focusIndex = 0;
      }
    }
  }

  private get shownIndex(): number {
    if (this.dismissed) return -1;
    if (this.hoverIndex >= 0) return this.hoverIndex;
    return this.hasFocus ? this.focusIndex : -1;
  }

  private activate(view: StepView): void {
    this.select(view.id, { ...view.step, stats: { ...view.stats } }, view.step.href);
  }

  private async moveFocus(index: number): Promise<void> {
    const count = this.view?.steps.length ?? 0;
    if (!count) return;
    this.focusIndex = Math.max(0, Math.min(count - 1, index));
    this.dismissed = false;
    this.hoverIndex = -1;
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"]`);
    target?.focus();
    // We moved focus ourselves: show its tooltip even where no focus event arrives (a page without window focus).
    this.hasFocus = true;
    target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  private onKeyDown(event: KeyboardEvent, view: StepView): void {
    const last = (this.view?.steps.length ?? 1) - 1;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        void this.moveFocus(view.index + 1);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        void this.moveFocus(view.index - 1);
        break;
      case 'Home':
        void this.moveFocus(0);
        break;
      case 'End':
        void this.moveFocus(last);
        break;
      case 'Enter':
      case ' ':
      case 'Spacebar':
        if (event.repeat) break;
        this.activate(view);
        break;
      case 'Escape':
        if (this.shownIndex < 0) return;
        this.dismissed = true;
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  protected renderView(_model: FunnelModel): TemplateResult {
    const view = this.view!;
    const shown = this.shownIndex;
    const classes = ['base', 'funnel', view.orientation, view.condensed ? 'condensed' : '', view.narrow ? 'narrow' : ''].join(' ');
    return html`<div part="base" class=${classes}>
      <div class="head">
        <div class="title" part="title" id="title"><bdi>${view.title}</bdi></div>
        <div class="overall" part="overall">${view.overallLine}</div>
        ${view.comparisonLine ? html`<div class="comparison">${view.comparisonLine}</div>` : nothing}
        ${view.biggestLine
          ? html`<div class="callout" part="callout"><span class="icon" aria-hidden="true">▼</span> ${view.biggestLine}</div>`
          : nothing}
        ${this.renderLegend(view)}
      </div>
      <p class="sr-only" id="summary">${view.summary}</p>
      <ol class="steps" part="steps" aria-labelledby="title" aria-describedby="summary">
        ${view.steps.map((step) => this.renderStep(view, step, shown === step.index))}
      </ol>
      ${view.adapted
        ? html`<p class="note">Shown top to bottom: ${view.steps.length} steps do not fit side by side at this width.</p>`
        : nothing}
      <div class="table-wrap">${renderDataTable(view.table)}</div>
      ${this.renderNotices()}
    </div>`;
  }

  private renderLegend(view: FunnelView): TemplateResult | typeof nothing {
    if (!view.segmentKeys.length && !view.hasComparison) return nothing;
    return html`<ul class="legend" part="legend" aria-label="Legend">
      ${view.segmentKeys.map(
        (key, k) => html`<li>
          <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">${svg`<rect class="seg seg-${k % 8}" x="0" y="0" width="12" height="12" rx="2"></rect>`}</svg>
          <bdi>${key}</bdi>
        </li>`,
      )}
      ${view.segmentKeys.length && view.hasUnsegmented
        ? html`<li>
            <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">${svg`<rect class="rest" x="0.5" y="0.5" width="11" height="11" rx="2"></rect>`}</svg>
            not broken down
          </li>`
        : nothing}
      ${view.hasComparison
        ? html`<li>
            <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">${svg`<rect class="ghost" x="0.75" y="0.75" width="10.5" height="10.5"></rect>`}</svg>
            <span>dashed outline: ${view.comparisonLabel}</span>
          </li>`
        : nothing}
    </ul>`;
  }

  private renderBars(view: FunnelView, step: StepView): SVGTemplateResult {
    const horizontal = view.orientation === 'horizontal';
    const pct = (n: number) => `${+n.toFixed(3)}%`;
    // One rect per span: along the bar axis in percent; across it fixed (vertical) or centred (horizontal).
    const rect = (cls: string, start: number, size: number, inset: number) =>
      horizontal
        ? svg`<rect class=${cls} x=${pct(12 + inset)} width=${pct(76 - 2 * inset)} y=${pct(100 - start - size)} height=${pct(size)}></rect>`
        : svg`<rect class=${cls} x=${pct(start)} width=${pct(size)} y=${pct(18 + inset)} height=${pct(64 - 2 * inset)}></rect>`;
    const fills = step.segments.length
      ? svg`${rect('rest', 0, step.bar.size, 0)}${step.segments.map((s) => rect(`seg seg-${s.colour}`, s.start, s.size, 0))}`
      : rect('fill', 0, step.bar.size, 0);
    return svg`${rect('track', 0, 100, 0)}<g class="grow">${fills}</g>${
      step.ghost ? svg`<g part="ghost">${rect('ghost', 0, step.ghost.size, horizontal ? -8 : -12)}</g>` : nothing
    }`;
  }

  private renderStep(view: FunnelView, step: StepView, tooltip: boolean): TemplateResult {
    const n = view.steps.length;
    const itemClasses = [
      'item',
      tooltip ? 'active' : '',
      step.detail.biggestDropOff ? 'biggest' : '',
      // Tooltips of the lower half open upwards so they stay inside the box.
      view.orientation === 'vertical' && step.index >= n / 2 && n > 1 ? 'above' : '',
      view.orientation === 'horizontal' && step.index >= n / 2 ? 'end' : '',
      view.orientation === 'horizontal' && besideRoom(n, step.index, this.width) >= TIP_WIDTH ? 'beside' : '',
    ].join(' ');
    const tipId = `tip-${step.index}`;
    const change = step.stats.change;
    const direction = change === null || change === 0 ? '' : change > 0 ? 'up' : 'down';
    return html`<li
      class=${itemClasses}
      @pointerenter=${() => {
        this.hoverIndex = step.index;
        this.dismissed = false;
      }}
      @pointerleave=${() => {
        if (this.hoverIndex === step.index) this.hoverIndex = -1;
      }}
    >
      <div
        part="step"
        class="step"
        role="button"
        data-index=${step.index}
        tabindex=${step.index === this.focusIndex ? 0 : -1}
        aria-describedby=${tooltip ? tipId : nothing}
        @click=${() => {
          this.focusIndex = step.index;
          this.activate(step);
        }}
        @keydown=${(event: KeyboardEvent) => this.onKeyDown(event, step)}
        @focus=${() => {
          if (this.focusIndex !== step.index) this.dismissed = false;
          this.focusIndex = step.index;
          this.hasFocus = true;
        }}
        @blur=${() => {
          this.hasFocus = false;
          this.dismissed = false;
        }}
      >
        <div class="label" part="label">
          <span class="name"><span class="index" aria-hidden="true">${step.index + 1}</span><bdi>${step.name}</bdi></span>
          <span class="count" part="value">${step.countText}</span>
        </div>
        <svg class="bars" part="bar" aria-hidden="true">${this.renderBars(view, step)}</svg>
        <div class="figures" part="figures">
          ${step.index === 0
            ? html`<span class="long">${step.figuresLine}</span><span class="short">${step.countText}</span>`
            : html`<span class="long figs"
                  ><span class="figs-row"
                    ><span class="fig">${step.fromFirstText} of first</span
                    ><span class="fig">${step.fromPreviousText} of previous</span
                    ><span class="fig lost">${step.lostText} ${(step.stats.dropOff ?? 0) < 0 ? 'more' : 'lost'}</span
                    >${step.stats.smallSample && step.stats.interval
                      ? html`<span class="fig">95 % CI ${step.intervalText}</span>`
                      : nothing}</span
                ></span>
                <span class="short">${step.countText} · ${step.fromPreviousText}</span>`}
          ${step.flags.length
            ? html`<span class="flag-icons" aria-hidden="true">${step.flags.map((f) => f.icon).join('')}</span>`
            : nothing}
        </div>
        <div class="extras">${step.changeText
            ? html`<span class="change ${direction} ${step.stats.significant ? 'significant' : ''}" part="change"
                ><span class="arrow" aria-hidden="true">${direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▬'}</span>
                ${step.changeText}${step.significanceText ? html`, ${step.significanceText}` : nothing}</span
              >`
            : nothing}${step.medianText ? html`<span class="median">median ${step.medianText}</span>` : nothing}${step.flags.map(
            // Words never break inside: a narrow column wraps "Biggest / drop-off", never "drop- / off".
            (flag) => html`<span class="flag flag-${flag.kind}" part="flag"><span aria-hidden="true">${flag.icon}</span><span
                >${flag.text.split(' ').map((word, w) => html`${w ? ' ' : ''}<span class="word">${word}</span>`)}</span
              ></span>`,
          )}</div>
      </div>
      ${tooltip ? this.renderTooltip(view, step, tipId) : nothing}
    </li>`;
  }

  private renderTooltip(view: FunnelView, step: StepView, id: string): TemplateResult {
    const locale = this.resolvedLocale;
    const format = this.model?.format;
    const pValue = step.detail.pValue;
    return html`<div class="tooltip" part="tooltip" role="tooltip" id=${id}>
      <div class="tip-title"><bdi>${step.name}</bdi></div>
      <dl>
        <dt>Users</dt>
        <dd>${step.countFull}</dd>
        ${step.index > 0
          ? html`<dt>% of previous</dt>
              <dd>${step.fromPreviousText}${step.stats.interval ? html` (95 % CI ${step.intervalText})` : nothing}</dd>
              <dt>% of first</dt>
              <dd>${step.fromFirstText}</dd>
              <dt>${(step.stats.dropOff ?? 0) < 0 ? 'Gained' : 'Lost'}</dt>
              <dd>${step.lostText} (${step.lostRateText})</dd>`
          : nothing}
        ${step.previousText !== null
          ? html`<dt>${view.comparisonLabel}</dt>
              <dd>
                ${step.previousText}${step.stats.previousFromPrevious !== null
                  ? html`, ${percentText(step.stats.previousFromPrevious, locale)} of previous`
                  : nothing}
              </dd>`
          : nothing}
        ${step.changeText
          ? html`<dt>Change</dt>
              <dd>${step.changeText} — ${step.significanceText}${pValue !== null ? html` (p = ${pText(pValue)})` : nothing}</dd>`
          : nothing}
        ${step.medianText ? html`<dt>Median time</dt><dd>${step.medianText}</dd>` : nothing}
      </dl>
      ${step.detail.segments.length
        ? html`<table>
            <thead><tr><th scope="col">Segment</th><th scope="col">Users</th><th scope="col">% of prev.</th><th scope="col">% of first</th></tr></thead>
            <tbody>
              ${step.detail.segments.map(
                (s) => html`<tr>
                  <th scope="row"><bdi>${s.key}</bdi></th>
                  <td>${s.value === null ? '—' : formatNumber(s.value, locale, format)}</td>
                  <td>${percentText(s.fromPrevious, locale)}</td>
                  <td>${percentText(s.fromFirst, locale)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${step.flags.length ? html`<ul class="tip-flags">${step.flags.map((f) => html`<li>${f.detail}</li>`)}</ul>` : nothing}
    </div>`;
  }
}

/** Room a horizontal tooltip (at most 340 px wide, 4 px off its column) needs to open beside its column, not over it. */
const TIP_WIDTH = 352;

/** Room in px beside a horizontal column, on the side its tooltip opens (after for the first half, before for the rest). */
function besideRoom(n: number, index: number, width: number): number {
  const column = width / n;
  return index >= n / 2 ? index * column : (n - index - 1) * column;
}

function pText(p: number): string {
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}
