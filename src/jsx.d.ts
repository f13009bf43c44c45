/**
 * JSX typings for React 19 (opt-in, because they need `@types/react`):
 *
 *   // once, e.g. in src/vite-env.d.ts or any .ts file of the app
 *   import type {} from 'north-star-widgets/jsx';
 *
 * React 19 sets a custom element's *properties* when the element has one of that name (so
 * `data={object}` reaches the `data` property) and adds listeners for `on<event-name>` props
 * (`onnsw-select={(e) => …}` listens to `nsw-select`). Define the elements before the first render
 * (`import 'north-star-widgets/define-all.js'`), otherwise React sets attributes instead.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { NswErrorDetail, NswExportDetail, NswLoadDetail, NswSelectDetail, NswToggleDetail } from './base/events.js';
import type { NorthStarCard } from './north-star-card/north-star-card.js';
import type { MetricTree } from './metric-tree/metric-tree.js';
import type { FunnelChart } from './funnel-chart/funnel-chart.js';
import type { GoalProgress } from './goal-progress/goal-progress.js';

/** Props every element takes: data routes, shared attributes and the `nsw-*` events. */
export type NswElementProps<E extends HTMLElement> = Omit<HTMLAttributes<E>, 'onLoad' | 'onError' | 'onSelect' | 'onToggle'> &
  RefAttributes<E> & {
    /** The data as an object (set as the `data` property). Or JSON text (the `data` attribute). */
    data?: unknown;
    /** URL of JSON (or CSV, where the data is a table). */
    src?: string;
    /** Seconds between re-fetches of `src`. */
    refresh?: number | string;
    /** Seconds before a `src` request is an error (default 15). */
    timeout?: number | string;
    /** BCP 47 locale, e.g. `de-DE`. */
    locale?: string;
    theme?: 'light' | 'dark' | 'auto';
    /** Shows the export menu (SVG, PNG, copy summary). */
    exportable?: boolean;
    'onnsw-load'?: (event: CustomEvent<NswLoadDetail>) => void;
    'onnsw-error'?: (event: CustomEvent<NswErrorDetail>) => void;
    'onnsw-select'?: (event: CustomEvent<NswSelectDetail>) => void;
    'onnsw-export'?: (event: CustomEvent<NswExportDetail>) => void;
  };

export type NorthStarCardProps = NswElementProps<NorthStarCard> & {
  /** Marks unusual points of the series. */
  anomalies?: boolean;
  /** Hours after `updated` when the value is marked stale. */
  'stale-after'?: number | string;
  /** Name of the metric when CSV from `src` has no `name` column. */
  name?: string;
};

export type MetricTreeProps = NswElementProps<MetricTree> & {
  orientation?: 'vertical' | 'horizontal';
  'expand-depth'?: number | string;
  'onnsw-toggle'?: (event: CustomEvent<NswToggleDetail>) => void;
};

export type FunnelChartProps = NswElementProps<FunnelChart> & {
  orientation?: 'vertical' | 'horizontal';
};

export type GoalProgressProps = NswElementProps<GoalProgress> & {
  /** The date that counts as "now" (ISO 8601). */
  'as-of'?: string;
  view?: 'bar' | 'chart';
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'north-star-card': NorthStarCardProps;
      'metric-tree': MetricTreeProps;
      'funnel-chart': FunnelChartProps;
      'goal-progress': GoalProgressProps;
    }
  }
}
