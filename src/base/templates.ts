/** Templates every element shares: the error panel, the notices, the data table. */
import { html, nothing, type TemplateResult } from 'lit';
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

export interface DataTable {
  caption: string;
  columns: readonly string[];
  /** Cells as text; the first cell of each row is its header. */
  rows: ReadonlyArray<ReadonlyArray<string>>;
}

/**
 * A visually hidden table with every figure, for screen-reader table navigation. Wrapped in a
 * visually hidden block: a table never shrinks below its content width, so on its own it would
 * widen the element's scrollable area (RELIABILITY E3) even though it is clipped.
 */
export function renderDataTable(table: DataTable): TemplateResult {
  return html`<div class="sr-only"><table part="table" class="sr-only">
    <caption>${table.caption}</caption>
    <thead>
      <tr>${table.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr>
    </thead>
    <tbody>
      ${table.rows.map(
        ([head, ...cells]) => html`<tr><th scope="row">${head}</th>${cells.map((cell) => html`<td>${cell}</td>`)}</tr>`,
      )}
    </tbody>
  </table></div>`;
}
