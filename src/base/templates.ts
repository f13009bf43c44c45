/** Templates every element shares: the error panel, the notices, the data table. */
import { html, nothing, type TemplateResult } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive } from 'lit/directive.js';
import type { Issue } from '../core/issues.js';

/** The error panel (`part="error"`): each problem with its path, announced once. */
export function renderErrorPanel(issues: readonly Issue[], what: string): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <strong>Can’t show this ${what}.</strong>
    <ul>
      ${issues.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}
    </ul>
  </div>`;
}

/** What was dropped or defaulted while the rest is shown. Nothing the user gave is lost silently. */
export function renderDroppedNotice(issues: readonly Issue[]): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;
  const label = issues.length === 1 ? '1 problem in the data' : `${issues.length} problems in the data`;
  return html`<details part="notice" class="notice">
    <summary>⚠ ${label}: shown without the bad parts</summary>
    <ul>
      ${issues.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}
    </ul>
  </details>`;
}

/** The last refresh failed: the data shown is the last good one. */
export function renderStaleNotice(reason: string | null): TemplateResult | typeof nothing {
  if (!reason) return nothing;
  return html`<p part="stale" class="stale" role="status">
    <span class="stale-badge">Stale</span> Showing the last data that loaded; the refresh failed: ${reason}
  </p>`;
}

type Rows = ReadonlyArray<ReadonlyArray<string>>;

export interface DataTable {
  caption: string;
  columns: readonly string[];
  /**
   * Cells as text; the first cell of each row is its header. A function is called only when the
   * rows are rendered (after first paint), so long series are not formatted on the critical path.
   */
  rows: Rows | (() => Rows);
}

/**
 * A visually hidden table with every figure, for screen-reader table navigation. Wrapped in a
 * visually hidden block: a table never shrinks below its content width, so on its own it would
 * widen the element's scrollable area (RELIABILITY E3) even though it is clipped.
 *
 * The caption renders with the element; the column headers and rows render in an idle task after
 * first paint (`aria-busy="true"` on the table until then). For a 365-point card the rows are
 * ~95 % of the shadow DOM, and their style and layout cost most of the first render
 * (bench/RESULTS.md F2); deferring them keeps every figure available without that cost.
 */
export function renderDataTable(table: DataTable): TemplateResult {
  return html`<div class="sr-only">${deferredTable(table)}</div>`;
}

/** While no rows were ever rendered, the table is only its caption: headers without cells are an error (axe th-has-data-cells). */
function tableTemplate(table: DataTable, rows: TemplateResult[] | null): TemplateResult {
  return html`<table part="table" class="sr-only" aria-busy=${rows ? nothing : 'true'}>
    <caption>${table.caption}</caption>
    ${rows
      ? html`<thead>
            <tr>${table.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr>
          </thead>
          <tbody>${rows}</tbody>`
      : nothing}
  </table>`;
}

function rowsOf(table: DataTable): TemplateResult[] {
  const rows = typeof table.rows === 'function' ? table.rows() : table.rows;
  return rows.map(([head, ...cells]) => html`<tr><th scope="row">${head}</th>${cells.map((cell) => html`<td>${cell}</td>`)}</tr>`);
}

/** Runs `task` when the browser is idle after painting (at most ~0.5 s later); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  // Safari has no requestIdleCallback: the task after the next frame has been produced.
  let timer = 0;
  const frame = requestAnimationFrame(() => (timer = window.setTimeout(task)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

class DeferredTable extends AsyncDirective {
  private table?: DataTable;
  /** The rows on screen: kept across re-renders until the new ones are ready, so none go missing. */
  private shown: TemplateResult[] | null = null;
  private cancel?: () => void;
  private pending = false;

  render(table: DataTable): TemplateResult {
    this.table = table;
    this.schedule();
    return tableTemplate(table, this.shown);
  }

  private schedule(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (!this.isConnected) return;
    this.cancel = whenIdle(() => {
      this.cancel = undefined;
      const table = this.table!;
      this.shown = rowsOf(table);
      this.setValue(tableTemplate(table, this.shown));
    });
  }

  protected override disconnected(): void {
    this.pending = this.cancel !== undefined;
    this.cancel?.();
    this.cancel = undefined;
  }

  protected override reconnected(): void {
    // Rows that were pending when the element was removed are rendered now.
    if (this.pending && this.table) this.schedule();
    this.pending = false;
  }
}

const deferredTable = directive(DeferredTable);
