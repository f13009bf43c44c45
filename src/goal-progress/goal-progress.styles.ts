import { css } from 'lit';

/**
 * Public tokens (`--goal-progress-*`) feed private ones; they fall back to the shared `--_*` tokens,
 * so a theme set on `body` reaches the goal too. The fill takes the status colour unless
 * `--goal-progress-fill-color` is set.
 */
export const goalProgressStyles = css`
  :host {
    --_gp-track: var(--goal-progress-track-color, var(--_track));
    --_gp-pace: var(--goal-progress-pace-color, var(--_text));
    --_gp-target: var(--goal-progress-target-color, var(--_text));
    --_gp-series: var(--goal-progress-series-color, var(--_series));
    --_gp-forecast: var(--goal-progress-forecast-color, var(--_series));
  }
  .tone-good { --_gp-status: var(--_good); }
  .tone-warn { --_gp-status: var(--_warn); }
  .tone-bad { --_gp-status: var(--_bad); }
  .tone-neutral { --_gp-status: var(--_neutral); }
  .tone-good, .tone-warn, .tone-bad, .tone-neutral {
    --_gp-fill: var(--goal-progress-fill-color, var(--_gp-status));
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 4px 12px;
  }
  .titles {
    min-width: 0;
    flex: 1 1 12em;
  }
  .title {
    display: block;
    max-width: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    font-size: 1.1em;
    font-weight: 600;
    line-height: 1.3;
    cursor: pointer;
    overflow-wrap: anywhere;
    border-radius: 2px;
    min-height: 24px;
  }
  .title:hover {
    text-decoration: underline;
  }
  .meta {
    margin: 2px 0 0;
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    flex: none;
    border: 1px solid var(--_gp-status);
    color: var(--_gp-status);
    border-radius: 999px;
    padding: 1px 8px 1px 6px;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
    line-height: 1.4;
  }
  .badge svg {
    width: 12px;
    height: 12px;
    flex: none;
  }
  .icon-stroke {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .icon-fill {
    fill: currentColor;
  }
  .icon-cut {
    fill: none;
    stroke: var(--_bg);
    stroke-width: 1.6;
    stroke-linecap: round;
  }

  .meter {
    margin: 10px 0 4px;
  }
  .bar {
    width: 100%;
    height: 28px;
  }
  .kr .bar {
    height: 24px;
  }
  .track {
    fill: var(--_gp-track);
  }
  .fill,
  .sliver {
    fill: var(--_gp-fill);
  }
  .overshoot-gap {
    stroke: var(--_bg);
    stroke-width: 2;
  }
  .pace-line {
    stroke: var(--_gp-pace);
    stroke-width: 2;
  }
  .pace-mark {
    fill: var(--_gp-pace);
  }
  .target-line {
    stroke: var(--_gp-target);
    stroke-width: 2;
    stroke-dasharray: 3 2;
  }

  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .figures li {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .big {
    font-size: 1.5em;
    font-weight: 650;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .progress-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 2px 10px;
    margin: 8px 0 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  /* Data text of any length (a 10,000-character unit or target) wraps inside the element (RELIABILITY A7). */
  .progress-line > *,
  .legend > * {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .legend-pace::before {
    content: '▼ ';
    color: var(--_gp-pace);
  }
  .legend-target::before {
    content: '┆ ';
    color: var(--_gp-target);
    font-weight: 700;
  }
  .outlook {
    margin: 6px 0 0;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  /* Phrases separated by "·": each dot sits in its phrase's leading padding, shifted into a clipped
     margin, so the dot of a phrase that starts a line is cut off and no line ends or starts with one. */
  .meta,
  .outlook,
  .kr-figures {
    overflow: hidden;
  }
  .phrases {
    display: flex;
    flex-wrap: wrap;
    margin-inline-start: -1.1em;
  }
  .phrase {
    position: relative;
    min-width: 0;
    padding-inline-start: 1.1em;
    overflow-wrap: anywhere;
  }
  .meta .date {
    white-space: nowrap;
  }
  .phrase::before {
    content: '·';
    position: absolute;
    inset-inline-start: 0;
    width: 1.1em;
    text-align: center;
    color: var(--_muted);
  }

  .key-results {
    list-style: none;
    margin: 12px 0 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .kr {
    border-top: 1px solid var(--_border);
    padding: 8px 0 4px;
    cursor: pointer;
    min-width: 0;
  }
  .kr-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 2px 8px;
  }
  .kr-name {
    flex: 1 1 10em;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    font-weight: 600;
    cursor: pointer;
    overflow-wrap: anywhere;
    min-height: 24px;
    border-radius: 2px;
  }
  .kr:hover .kr-name {
    text-decoration: underline;
  }
  .kr .badge {
    font-size: 0.78em;
  }
  .kr .meter {
    margin: 4px 0 2px;
  }
  .kr-figures {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .kr-figures strong {
    color: var(--_text);
    font-weight: 600;
  }

  .chart {
    position: relative;
    margin: 10px 0 0;
    border-radius: 4px;
  }
  .chart svg {
    width: 100%;
    height: auto;
    touch-action: pan-y;
  }
  .grid-line {
    stroke: var(--_grid);
    stroke-width: 1;
  }
  .axis-label {
    font-size: 11px;
    fill: var(--_muted);
  }
  .series-line {
    fill: none;
    stroke: var(--_gp-series);
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .series-dot {
    fill: var(--_gp-series);
  }
  .pace-path {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-dasharray: 2 4;
  }
  .target-rule {
    stroke: var(--_gp-target);
    stroke-width: 1.5;
    stroke-dasharray: 6 3;
  }
  .forecast-path {
    fill: none;
    stroke: var(--_gp-forecast);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  .forecast-dot {
    fill: var(--_bg);
    stroke: var(--_gp-forecast);
    stroke-width: 2;
  }
  .today-line {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .deadline-line {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .chart-label {
    font-size: 11px;
    /* A halo keeps the label legible where a line crosses it. */
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .chart-label.muted {
    fill: var(--_muted);
  }
  .active-ring {
    fill: var(--_bg);
    stroke: var(--_text);
    stroke-width: 2.5;
  }
  .active-rule {
    stroke: var(--_text);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }
  .tooltip {
    --_tx: -50%;
    --_ty: calc(-100% - 10px);
    position: absolute;
    top: 0;
    left: 0;
    z-index: 1;
    width: max-content;
    max-width: min(260px, 90%);
    padding: 4px 8px;
    border-radius: 4px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.85em;
    pointer-events: none;
    box-shadow: var(--_shadow);
    transform: translate(var(--_tx), var(--_ty));
  }
  .tooltip.align-start {
    --_tx: -8px;
  }
  .tooltip.align-end {
    --_tx: calc(-100% + 8px);
  }
  /* Near the top of the chart the readout goes below the point, so it never covers the heading. */
  .tooltip.below {
    --_ty: 12px;
  }
  .chart-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
    margin: 4px 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .sw {
    display: inline-block;
    width: 16px;
    height: 0;
    vertical-align: middle;
    margin-inline-end: 4px;
    border-top: 2.5px solid var(--_gp-series);
  }
  .sw-pace { border-top: 2px dotted var(--_muted); }
  .sw-target { border-top: 2px dashed var(--_gp-target); }
  .sw-forecast { border-top: 2px dashed var(--_gp-forecast); }
  .kr-chart {
    border-top: 1px solid var(--_border);
    margin-top: 12px;
    padding-top: 8px;
  }
  .notice-inline {
    margin: 6px 0 0;
    font-size: 0.85em;
    color: var(--_warn);
  }

  @media (forced-colors: active) {
    .tone-good, .tone-warn, .tone-bad, .tone-neutral {
      --_gp-fill: Highlight;
      --_gp-status: CanvasText;
    }
    .track {
      fill: Canvas;
      stroke: CanvasText;
      stroke-width: 1;
    }
  }
  @media print {
    .chart:focus-visible {
      outline: none;
    }
  }
`;
