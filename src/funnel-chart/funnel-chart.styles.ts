import { css } from 'lit';

/** Segment colours for the dark palette (`theme="dark"`, or `"auto"` on a dark system). */
const darkSegments = css`
  --_seg-0: var(--funnel-chart-segment-1, #4493f8);
  --_seg-1: var(--funnel-chart-segment-2, #f0883e);
  --_seg-2: var(--funnel-chart-segment-3, #3fb950);
  --_seg-3: var(--funnel-chart-segment-4, #a371f7);
  --_seg-4: var(--funnel-chart-segment-5, #db61a2);
  --_seg-5: var(--funnel-chart-segment-6, #39c5cf);
  --_seg-6: var(--funnel-chart-segment-7, #d29922);
  --_seg-7: var(--funnel-chart-segment-8, #9ea7b3);
`;

/**
 * `<funnel-chart>` styles. Public tokens (`--funnel-chart-*`) fall back to the library's `--nsw-*`
 * ones through the shared private tokens, then to a literal; the element reads only `--_*`.
 */
export const funnelStyles = css`
  :host {
    --_bar: var(--funnel-chart-bar-color, var(--_accent));
    --_ghost: var(--funnel-chart-ghost-color, var(--_text));
    --_drop: var(--funnel-chart-drop-color, var(--_bad));
    --_bar-track: var(--funnel-chart-track-color, var(--_grid));
    --_column-height: var(--funnel-chart-column-height, 168px);
    /* Segment palette: colour-blind-safe hues, each ≥ 3:1 against the light background. */
    --_seg-0: var(--funnel-chart-segment-1, #0b5cad);
    --_seg-1: var(--funnel-chart-segment-2, #b8510d);
    --_seg-2: var(--funnel-chart-segment-3, #1a7f37);
    --_seg-3: var(--funnel-chart-segment-4, #8250df);
    --_seg-4: var(--funnel-chart-segment-5, #bf3989);
    --_seg-5: var(--funnel-chart-segment-6, #0f7b8a);
    --_seg-6: var(--funnel-chart-segment-7, #7d6608);
    --_seg-7: var(--funnel-chart-segment-8, #57606a);
  }
  :host([theme='dark']) {
    ${darkSegments}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkSegments}
    }
  }

  .head {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin-bottom: calc(var(--_space) * 0.75);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .title {
    font-weight: 600;
    font-size: 1.1em;
    overflow-wrap: anywhere;
  }
  .overall {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .comparison {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .callout {
    color: var(--_text);
    font-size: 0.9em;
  }
  .callout .icon {
    color: var(--_drop);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin: 6px 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .swatch {
    flex: none;
    width: 12px;
    height: 12px;
  }

  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .item {
    position: relative;
    min-width: 0;
  }
  .step {
    display: block;
    border-radius: calc(var(--_radius) / 2);
    padding: 4px 6px;
    margin: 0 -6px;
    cursor: pointer;
    outline-offset: 0;
    min-width: 0;
  }
  .step:hover,
  .item.active .step {
    background: var(--_surface);
  }
  .label {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 12px;
    min-width: 0;
  }
  .name {
    min-width: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
    /* Long names wrap to 3 lines at most; the full name is in the tooltip, the step's label and the table. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .index {
    color: var(--_muted);
    font-weight: 400;
    margin-inline-end: 4px;
    font-variant-numeric: tabular-nums;
  }
  .count {
    flex: none;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bars {
    width: 100%;
    height: 22px;
    margin: 3px 0;
  }
  .figures,
  .extras {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 6px;
    font-size: 0.85em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    min-width: 0;
  }
  .figures > span,
  .extras > span {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .extras:empty {
    display: none;
  }
  /* Figures are separated by a "·" drawn before each one and shifted into a clipped margin, so the dot
     of a figure that starts a line is cut off: a wrapped line never ends or starts with a lone "·". */
  .figs {
    flex: 1 1 100%;
    overflow: hidden;
  }
  .figs-row {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 0;
    margin-inline-start: -1.1em;
  }
  .fig {
    position: relative;
    padding-inline-start: 1.1em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .fig::before {
    content: '·';
    position: absolute;
    inset-inline-start: 0;
    width: 1.1em;
    text-align: center;
    color: var(--_border);
  }
  .flag {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 7px;
    font-size: 0.95em;
    font-weight: 600;
    line-height: 1.5;
  }
  .flag .word {
    white-space: nowrap;
  }
  .flag-biggest-drop-off {
    color: var(--_drop);
  }
  .flag-small-sample,
  .flag-growing,
  .flag-zero {
    color: var(--_warn);
  }
  .change.significant {
    color: var(--_text);
    font-weight: 600;
  }
  .change.up .arrow {
    color: var(--_good);
  }
  .change.down .arrow {
    color: var(--_bad);
  }

  /* SVG bars: geometry comes from attributes, colour from these classes (themes, forced colours). */
  .track {
    fill: var(--_bar-track);
  }
  .fill {
    fill: var(--_bar);
  }
  .item.biggest .fill {
    fill: var(--_bar);
  }
  .seg {
    stroke: var(--_bg);
    stroke-width: 1px;
  }
  .seg-0 { fill: var(--_seg-0); }
  .seg-1 { fill: var(--_seg-1); }
  .seg-2 { fill: var(--_seg-2); }
  .seg-3 { fill: var(--_seg-3); }
  .seg-4 { fill: var(--_seg-4); }
  .seg-5 { fill: var(--_seg-5); }
  .seg-6 { fill: var(--_seg-6); }
  .seg-7 { fill: var(--_seg-7); }
  .rest {
    fill: var(--_accent-soft);
    stroke: var(--_muted);
    stroke-width: 1px;
    stroke-dasharray: 2 2;
  }
  .ghost {
    fill: none;
    stroke: var(--_ghost);
    stroke-width: 1.5px;
    stroke-dasharray: 4 3;
  }
  .swatch .ghost {
    stroke-width: 1.5px;
  }
  .grow {
    transform-box: fill-box;
    transform-origin: left center;
    animation: nsw-funnel-grow 420ms ease-out both;
  }
  .horizontal .grow {
    transform-origin: center bottom;
    animation-name: nsw-funnel-rise;
  }
  @keyframes nsw-funnel-grow {
    from { transform: scaleX(0); }
    to { transform: scaleX(1); }
  }
  @keyframes nsw-funnel-rise {
    from { transform: scaleY(0); }
    to { transform: scaleY(1); }
  }

  /* Tooltip: inside the shadow root, anchored to its step; hoverable (it is inside the item). */
  .tooltip {
    position: absolute;
    z-index: 2;
    inset-inline-start: 0;
    top: 100%;
    width: max-content;
    max-width: min(360px, 100%);
    margin-top: 2px;
    padding: 8px 10px;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.18);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .item.above .tooltip {
    top: auto;
    bottom: 100%;
    margin: 0 0 2px;
  }
  .tip-title {
    font-weight: 600;
    margin-bottom: 4px;
  }
  .tooltip dl {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 1px 10px;
    margin: 0;
  }
  .tooltip dt {
    color: var(--_muted);
  }
  .tooltip dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .tooltip table {
    border-collapse: collapse;
    margin-top: 6px;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  .tooltip th,
  .tooltip td {
    text-align: end;
    padding: 1px 0 1px 10px;
    font-weight: 400;
  }
  .tooltip th:first-child,
  .tooltip td:first-child {
    text-align: start;
    padding-left: 0;
  }
  .tooltip thead th {
    color: var(--_muted);
  }
  .tooltip .tip-flags {
    margin: 6px 0 0;
    padding-inline-start: 16px;
  }
  /* A table ignores width: 1px, so its visually hidden copy would still widen the scrollable area; a clipped box holds it. */
  .table-wrap {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .note {
    margin: 8px 0 0;
    font-size: 0.85em;
    color: var(--_muted);
  }

  /* Narrow: a long name wraps (up to 3 lines) beside its count, which stays right-aligned on the first line. */

  /* Condensed (many steps): one line per step — name, bar, count, % of previous, flags. */
  .condensed .steps {
    gap: 2px;
  }
  .condensed .step {
    display: grid;
    /* A fixed figures column keeps every bar's track the same length, so lengths compare. */
    grid-template-columns: minmax(6em, 28%) minmax(40px, 1fr) 11.5em;
    grid-template-areas: 'label bars figures';
    align-items: center;
    gap: 0 10px;
    padding: 1px 6px;
  }
  .condensed .label {
    grid-area: label;
  }
  .condensed .name {
    -webkit-line-clamp: 1;
    line-clamp: 1;
    font-weight: 400;
  }
  .condensed .label .count {
    display: none;
  }
  .condensed .bars {
    grid-area: bars;
    height: 14px;
    margin: 0;
  }
  .condensed .figures {
    grid-area: figures;
    flex-wrap: nowrap;
    justify-content: flex-end;
  }
  .condensed .figures .long,
  .condensed .extras {
    display: none;
  }
  .condensed .figures .short {
    display: inline;
  }
  .figures .short {
    display: none;
  }
  .condensed .flag-icons {
    display: inline;
  }
  .flag-icons {
    display: none;
    color: var(--_warn);
  }
  .condensed.narrow .step {
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: 'label figures' 'bars bars';
  }

  /* Horizontal: steps left to right, bars grow upwards, labels wrap under the name. */
  /* Columns share row tracks (subgrid), so every bar starts at the same height whatever the name's length. */
  .horizontal .steps {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    grid-template-rows: repeat(4, auto);
    gap: 0 8px;
  }
  .horizontal .item {
    display: grid;
    grid-row: span 4;
    grid-template-rows: subgrid;
  }
  .horizontal .step {
    display: grid;
    grid-row: 1 / -1;
    grid-template-rows: subgrid;
    align-content: start;
    margin: 0;
    padding: 6px;
  }
  .horizontal .label {
    flex-direction: column;
    align-items: flex-start;
    justify-content: flex-end;
  }
  .horizontal .flag {
    border-radius: 10px;
  }
  .horizontal .bars {
    height: var(--_column-height);
    margin: 6px 0;
  }
  .horizontal .figures,
  .horizontal .extras {
    flex-direction: column;
    gap: 2px;
  }
  .horizontal .figs-row {
    flex-direction: column;
    margin-inline-start: 0;
  }
  .horizontal .fig {
    padding-inline-start: 0;
  }
  .horizontal .fig::before {
    content: none;
  }
  /* A column can be 112 px wide: the tooltip takes the width it needs rather than the column's, and
     opens beside its column when there is room (.beside, decided by the element), else over it, bottom-aligned so .base does not clip it. */
  .horizontal .tooltip {
    top: auto;
    bottom: 0;
    /* Over the column only when there is < 352 px beside it; every column is ≥ 112 px, so 200 px fits. */
    min-width: 200px;
    max-width: 340px;
  }
  .horizontal .item.end .tooltip {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  .horizontal .item.beside .tooltip {
    top: 0;
    bottom: auto;
    margin: 0 4px;
    inset-inline-start: 100%;
    inset-inline-end: auto;
  }
  .horizontal .item.beside.end .tooltip {
    inset-inline-start: auto;
    inset-inline-end: 100%;
  }

  @media (forced-colors: active) {
    .fill {
      fill: Highlight;
    }
    .seg {
      fill: Canvas;
      stroke: CanvasText;
    }
    .rest {
      fill: Canvas;
      stroke: GrayText;
    }
    .ghost {
      stroke: CanvasText;
    }
    .track {
      fill: Canvas;
      stroke: GrayText;
      stroke-width: 1px;
    }
    .step:hover,
    .item.active .step {
      background: Canvas;
      outline: 1px solid CanvasText;
    }
    .flag {
      border-color: CanvasText;
      color: CanvasText;
    }
  }
  @media print {
    .tooltip {
      display: none;
    }
    .condensed .extras {
      display: flex;
    }
  }
`;
