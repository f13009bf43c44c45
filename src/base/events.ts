/** The library's events, declared once: all bubble and are composed; names start with `nsw-`. */
import type { Issue } from '../core/issues.js';

export type DataSourceKind = 'property' | 'attribute' | 'script' | 'src';

export interface NswLoadDetail {
  source: DataSourceKind;
  /** Parts of the data that were dropped or replaced by a default (empty when all was accepted). */
  dropped: Issue[];
}

export interface NswErrorDetail {
  /** Every issue as `path: message`, joined by new lines. */
  message: string;
  issues: Issue[];
  /** True when the rest of the data is still shown (dropped parts, or a failed refresh). */
  partial: boolean;
}

export interface NswSelectDetail {
  id: string;
  /** The metric, step, node or goal that was activated, as normalised data. */
  metric: unknown;
}

export interface NswToggleDetail {
  id: string;
  expanded: boolean;
}

/** The `exportable` menu ran an action (`svg`, `png` download or copying the `summary`). */
export interface NswExportDetail {
  format: 'svg' | 'png' | 'summary';
  ok: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nsw-load': CustomEvent<NswLoadDetail>;
    'nsw-error': CustomEvent<NswErrorDetail>;
    'nsw-select': CustomEvent<NswSelectDetail>;
    'nsw-toggle': CustomEvent<NswToggleDetail>;
    'nsw-export': CustomEvent<NswExportDetail>;
  }
}
