import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Issue, type Normalized, ROOT_PATH, formatIssue } from '../core/issues.js';
import { parseJson } from '../core/parse.js';
import { errorText } from '../core/read.js';
import { resolveLocale } from '../core/format.js';
import { safeHref } from '../core/links.js';
import { VERSION } from './define.js';
import type { DataSourceKind, NswErrorDetail, NswExportDetail, NswLoadDetail, NswSelectDetail } from './events.js';
import { ResizeController } from './resize-controller.js';
import { type LoadResult, SourceLoader } from './source-loader.js';
import { sharedStyles } from './shared-styles.js';
import { renderDroppedNotice, renderErrorPanel, renderStaleNotice } from './templates.js';
import { type PngOptions, elementToPNG, elementToSVG } from './export.js';
import { type ExportAction, ExportMenu } from './export-menu.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * What all four elements share: the data routes (property, `data` attribute, inline JSON child,
 * `src`) in order of precedence, validation into a model, the error panel and notices, `nsw-*`
 * events, locale, theme and width. Subclasses implement `normalizeData()` (pure), `renderView()` and
 * `summary`; everything else stays out of here on purpose.
 *
 * @fires nsw-load - Data was accepted; `detail: { source, dropped }`.
 * @fires nsw-error - Data was rejected (or parts dropped, or a refresh failed); `detail: { message, issues, partial }`.
 * @fires nsw-export - The `exportable` menu ran an action; `detail: { format: 'svg' | 'png' | 'summary', ok }`.
 * @csspart base - The element's box (what `toSVG()`/`toPNG()` export).
 * @csspart error - The error panel shown instead of the view when the data cannot be shown.
 * @csspart notice - The "N problems in the data" notice when parts were dropped.
 * @csspart stale - The notice shown when a refresh failed and older data is on screen.
 * @csspart export - The export menu under the element (with `exportable`).
 * @csspart export-button - The button that opens the export menu.
 * @cssprop [--nsw-font-family=system-ui, sans-serif] - Font of all text.
 * @cssprop [--nsw-font-size=14px] - Base font size.
 * @cssprop [--nsw-radius=8px] - Corner radius.
 * @cssprop [--nsw-space=12px] - Inner spacing.
 * @cssprop [--nsw-color-text=#1f2328] - Text colour.
 * @cssprop [--nsw-color-text-muted=#59636e] - Secondary text colour.
 * @cssprop [--nsw-color-background=#ffffff] - Background.
 * @cssprop [--nsw-color-surface=#f6f8fa] - Background of raised parts.
 * @cssprop [--nsw-color-border=#d1d9e0] - Borders.
 * @cssprop [--nsw-color-grid=#e8ecf0] - Grid lines.
 * @cssprop [--nsw-color-accent=#0b5cad] - Main data colour (bars, lines).
 * @cssprop [--nsw-color-accent-soft=#dbeafe] - Soft accent (areas, highlights).
 * @cssprop [--nsw-color-good=#1a7f37] - A good change.
 * @cssprop [--nsw-color-bad=#cf222e] - A bad change, a breach.
 * @cssprop [--nsw-color-warning=#9a6700] - Warnings (stale, problems).
 * @cssprop [--nsw-color-neutral=#59636e] - A neutral change.
 * @cssprop [--nsw-color-focus=#0969da] - Focus ring.
 * @cssprop [--nsw-color-track=#d1d9e0] - Empty part of progress bars.
 * @cssprop [--nsw-color-series=var(--nsw-color-accent)] - Series lines.
 * @cssprop [--nsw-shadow=0 1px 2px rgb(31 35 40 / 0.08)] - Box shadow.
 */
export abstract class NswElement<Model> extends LitElement {
  static version = VERSION;
  static override styles = [sharedStyles];

  /** The data as an object; takes precedence over every other source. Not an attribute. */
  @property({ attribute: false }) data?: unknown;

  /** The data as JSON text (the `data` attribute). */
  @property({ attribute: 'data' }) dataJson?: string | null;

  /** URL of JSON (or CSV, where the data is a table) to fetch; used when no other source is given. */
  @property({ reflect: true }) src?: string;

  /** Seconds between re-fetches of `src`; paused while the page is hidden. */
  @property({ type: Number, reflect: true }) refresh?: number;

  /** Seconds before a `src` request that has not answered is an error. */
  @property({ type: Number, reflect: true }) timeout = 15;

  /** BCP 47 locale for numbers and dates; default: the nearest `lang`, then the browser's language. */
  @property({ reflect: true }) locale?: string;

  /** `light` (default), `dark`, or `auto` (follows `prefers-color-scheme`). */
  @property({ reflect: true }) theme: Theme = 'light';

  /** Shows a small Export menu under the element: download SVG or PNG, copy the summary. */
  @property({ type: Boolean, reflect: true }) exportable = false;

  /** The accepted, normalised data; `null` until data arrives or when it was rejected. */
  @state() protected model: Model | null = null;
  /** Problems with the current data: fatal when `model` is null, dropped parts otherwise. */
  @state() protected issues: Issue[] = [];
  /** Why the last refresh failed while older data is still shown. */
  @state() protected staleReason: string | null = null;
  @state() protected loading = false;
  /** Content width in CSS pixels, 0 until measured. */
  @state() protected width = 0;
  /** Text of the inline `<script type="application/json">` child. */
  @state() private scriptText: string | null = null;

  /** The locale in use, resolved from `locale`, the nearest `lang` and the browser. */
  protected resolvedLocale = 'en-US';

  /** Where the shown data came from. */
  protected source: DataSourceKind | null = null;

  private readonly loader = new SourceLoader(this, (result) => this.onLoaded(result));
  private readonly childObserver = typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(() => this.readScriptChild());
  private pendingEvents: Array<CustomEvent> = [];

  constructor() {
    super();
    new ResizeController(this, (width) => (this.width = width));
  }

  /** What the element is, for messages: `card`, `funnel`, `goal`, `metric tree`. */
  protected abstract readonly noun: string;

  /** Turns raw data into the model. Pure, never throws; problems become issues with paths. */
  protected abstract normalizeData(raw: unknown): Normalized<Model>;

  /** Renders the accepted model. */
  protected abstract renderView(model: Model): TemplateResult;

  /** One plain sentence with the key numbers, e.g. for chat, documents and the accessible description. */
  abstract get summary(): string;

  /**
   * Turns CSV rows (objects keyed by header) into raw data for `normalizeData()`. Elements whose data
   * is a table override it; the default reports that CSV is not accepted.
   */
  protected fromCsv(_rows: Array<Record<string, string>>): Normalized<unknown> {
    return { value: null, issues: [{ path: 'src', message: `CSV is not accepted by this element; use JSON` }] };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.childObserver?.observe(this, { childList: true, subtree: true, characterData: true });
    this.readScriptChild();
    this.resolvedLocale = this.computeLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
  }

  private readScriptChild(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    const text = script ? script.textContent ?? '' : null;
    if (text !== this.scriptText) this.scriptText = text;
  }

  private computeLocale(): string {
    const lang = this.closest('[lang]')?.getAttribute('lang');
    const browser = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
    return resolveLocale([this.locale, lang, ...browser]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.resolvedLocale = this.computeLocale();
    const sourceChanged =
      changed.has('data') || changed.has('dataJson') || changed.has('scriptText' as keyof NswElement<Model>) || changed.has('src');
    if (sourceChanged || (changed.has('refresh') && this.source === 'src') || (changed.has('timeout') && this.loading)) {
      this.selectSource();
    }
  }

  /** Picks the data source by precedence and accepts (or loads) it. */
  private selectSource(): void {
    if (this.data !== undefined && this.data !== null) {
      this.loader.load(undefined);
      this.accept(this.data, 'property');
    } else if (this.dataJson != null) {
      this.loader.load(undefined);
      const parsed = parseJson(this.dataJson, 'data attribute');
      if (parsed.ok) this.accept(parsed.value, 'attribute');
      else this.reject([parsed.issue], 'attribute');
    } else if (this.scriptText !== null) {
      this.loader.load(undefined);
      const parsed = parseJson(this.scriptText, 'inline JSON');
      if (parsed.ok) this.accept(parsed.value, 'script');
      else this.reject([parsed.issue], 'script');
    } else if (this.src) {
      this.loading = true;
      this.staleReason = null;
      this.loader.load({ url: this.src, timeout: this.timeout > 0 ? this.timeout : 15, refresh: this.refresh });
    } else {
      this.loader.load(undefined);
      this.model = null;
      this.issues = [];
      this.source = null;
    }
  }

  private onLoaded(result: LoadResult): void {
    this.loading = false;
    if (!result.ok) {
      // A failed refresh keeps the last good data on screen, marked stale.
      if (result.refresh && this.model !== null && this.source === 'src') {
        this.staleReason = result.issue.message;
        this.queueEvent('nsw-error', this.errorDetail([result.issue], true));
      } else this.reject([result.issue], 'src');
      return;
    }
    if (result.csv) {
      const converted = this.safely(() => this.fromCsv(result.value as Array<Record<string, string>>));
      if (converted.value === null) {
        this.reject(converted.issues, 'src');
        return;
      }
      this.accept(converted.value, 'src', converted.issues);
    } else this.accept(result.value, 'src');
    this.staleReason = null;
  }

  /** Runs a normaliser; a bug in it becomes an issue instead of an exception in the host page. */
  private safely<T>(run: () => Normalized<T>): Normalized<T> {
    try {
      return run();
    } catch (error) {
      return { value: null, issues: [{ path: ROOT_PATH, message: `could not be read (${errorText(error)})` }] };
    }
  }

  private accept(raw: unknown, source: DataSourceKind, earlierIssues: Issue[] = []): void {
    const result = this.safely(() => this.normalizeData(raw));
    const issues = [...earlierIssues, ...result.issues];
    if (result.value === null) {
      this.reject(issues.length ? issues : [{ path: ROOT_PATH, message: 'could not be read' }], source);
      return;
    }
    this.model = result.value;
    this.issues = issues;
    this.source = source;
    this.queueEvent('nsw-load', { source, dropped: issues } satisfies NswLoadDetail);
    if (issues.length) this.queueEvent('nsw-error', this.errorDetail(issues, true));
  }

  private reject(issues: Issue[], source: DataSourceKind): void {
    this.model = null;
    this.issues = issues;
    this.source = source;
    this.staleReason = null;
    this.queueEvent('nsw-error', this.errorDetail(issues, false));
  }

  private errorDetail(issues: Issue[], partial: boolean): NswErrorDetail {
    return { message: issues.map(formatIssue).join('\n'), issues, partial };
  }

  /** Events raised while computing are dispatched after the render that shows their cause. */
  private queueEvent(name: string, detail: unknown): void {
    this.pendingEvents.push(new CustomEvent(name, { detail, bubbles: true, composed: true }));
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const event of events) this.dispatchEvent(event);
  }

  /** Dispatches a bubbling, composed `nsw-*` event; returns false if it was cancelled. */
  protected emit<T>(name: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  /**
   * A metric, step, node or goal was activated (click, Enter, Space): fires the cancelable
   * `nsw-select` and, unless it was cancelled, follows the item's `href` if it has a safe one.
   */
  protected select(id: string, metric: unknown, href?: string): void {
    const followed = this.emit<NswSelectDetail>('nsw-select', { id, metric }, true);
    const safe = href ? safeHref(href) : null;
    if (followed && safe) this.followLink(safe);
  }

  /** Navigates to an allow-listed link. Separate so tests and hosts can override it. */
  protected followLink(href: string): void {
    window.location.assign(href);
  }

  protected override render(): TemplateResult {
    if (this.model === null) {
      return html`<div part="base" class="base">
        ${this.issues.length
          ? renderErrorPanel(this.issues, this.noun)
          : html`<div class="loading" role="status">${this.loading ? 'Loading…' : nothing}</div>`}
      </div>`;
    }
    return html`${this.renderView(this.model)}${this.exportable ? this.exportMenu.render() : nothing}`;
  }

  private readonly exportMenu = new ExportMenu(
    this,
    () => this.localName,
    (action: ExportAction, ok: boolean) => this.emit<NswExportDetail>('nsw-export', { format: action, ok }),
  );

  /**
   * What the element shows as a standalone SVG document (a string): computed styles written as
   * presentation attributes, no `var(--…)`, no external references. Empty string before data.
   */
  toSVG(): string {
    if (!this.shadowRoot) return '';
    return elementToSVG(this, this.model === null ? '' : this.summary);
  }

  /** What the element shows as a PNG `Blob` (painted with canvas 2D; works under a strict CSP). */
  toPNG(options?: PngOptions): Promise<Blob> {
    return elementToPNG(this, options);
  }

  /** The notices shown under the view: dropped parts and a stale refresh. Elements place it. */
  protected renderNotices(): TemplateResult {
    return html`${renderStaleNotice(this.staleReason)}${renderDroppedNotice(this.issues)}`;
  }
}
