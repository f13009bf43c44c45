import { css } from 'lit';

export const metricTreeStyles = css`
  :host {
    --_node-bg: var(--metric-tree-node-background, var(--_bg));
    --_node-border: var(--metric-tree-node-border-color, var(--_border));
    --_link: var(--metric-tree-link-color, var(--_muted));
    --_highlight: var(--metric-tree-highlight-color, var(--_accent));
    --_canvas: var(--metric-tree-background, var(--_surface));
  }
  .base {
    padding: 0;
  }
  .base > .notice,
  .base > .stale {
    margin: 6px 10px 8px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
  }
  .toolbar .title {
    font-weight: 600;
    margin-inline-end: auto;
    min-width: 0;
  }
  .toolbar button {
    min-width: 28px;
    min-height: 28px;
    padding: 2px 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    cursor: pointer;
    line-height: 1;
  }
  .toolbar button:hover {
    background: var(--_surface);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    align-items: center;
    font-size: 0.8em;
    color: var(--_muted);
    padding: 4px 10px;
    border-top: 1px solid var(--_border);
  }
  .legend svg {
    display: inline-block;
    vertical-align: middle;
  }
  .viewport {
    position: relative;
    height: var(--_height, var(--metric-tree-height, 480px));
    background: var(--_canvas);
    overflow: hidden;
    touch-action: none;
  }
  .viewport svg.canvas {
    width: 100%;
    height: 100%;
    overflow: hidden;
    cursor: grab;
    user-select: none;
    -webkit-user-select: none;
  }
  .viewport svg.canvas:active {
    cursor: grabbing;
  }

  /* Links: formula links solid, hypothesised ones dashed; a negative relation adds a "−" marker
     and its own dash pattern, so it never depends on colour. */
  .link path {
    fill: none;
    stroke: var(--_link);
    stroke-linecap: round;
  }
  .link.hypothesis path {
    stroke-dasharray: 7 5;
  }
  .link.formula.negative path {
    stroke-dasharray: 12 4 2 4;
  }
  .link.hypothesis.negative path {
    stroke-dasharray: 1.5 5;
  }
  .link .minus circle {
    fill: var(--_bg);
    stroke: var(--_link);
    stroke-width: 1.5;
  }
  .link .minus text {
    font-size: 13px;
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
  }
  .link-label {
    font-size: 11px;
    fill: var(--_muted);
    paint-order: stroke;
    stroke: var(--_canvas);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .link.top .link-label {
    fill: var(--_text);
    font-weight: 700;
  }
  .link.on-path path,
  .link.on-path .minus circle {
    stroke: var(--_highlight);
  }
  .link.on-path path {
    stroke-width: 3px;
  }

  .node {
    cursor: pointer;
    outline: none;
  }
  .node .card {
    fill: var(--_node-bg);
    stroke: var(--_node-border);
    stroke-width: 1;
  }
  .node.north-star .card {
    stroke: var(--_accent);
    stroke-width: 2;
  }
  .node.top-driver .card {
    stroke-width: 2;
  }
  .node.on-path .card {
    stroke: var(--_highlight);
    stroke-width: 2;
  }
  .node:hover .card {
    fill: var(--_surface);
  }
  .node .focus-ring {
    fill: none;
    stroke: none;
  }
  .node:focus-visible .focus-ring,
  .node.focused-visible .focus-ring {
    stroke: var(--_focus);
    stroke-width: 2.5;
  }
  .labels {
    pointer-events: none;
  }
  .node-text text {
    font-size: 13px;
  }
  .node-text .name {
    font-weight: 600;
  }
  .node-text .value {
    font-size: 16px;
    font-weight: 700;
  }
  .node-text .change {
    font-size: 12px;
    font-weight: 600;
  }
  .node-text .change.good {
    fill: var(--_good);
  }
  .node-text .change.bad {
    fill: var(--_bad);
  }
  .node-text .change.neutral {
    fill: var(--_neutral);
  }
  .node-text .kind rect {
    fill: var(--_accent-soft);
  }
  .node-text .kind text {
    font-size: 10.5px;
    fill: var(--_text);
    text-anchor: middle;
  }
  .node-text .flag {
    fill: var(--_warn);
    font-size: 13px;
    font-weight: 700;
  }
  .node-text .spark {
    fill: none;
    stroke: var(--_series);
    stroke-width: 1.5;
  }
  .node-text .spark-dot {
    fill: var(--_series);
  }
  .node .toggle {
    fill: var(--_bg);
    stroke: var(--_node-border);
  }
  .node .toggle:hover {
    stroke: var(--_highlight);
  }
  .node-text .toggle-text {
    font-size: 11px;
    font-weight: 600;
    text-anchor: middle;
    dominant-baseline: central;
  }
  /* Far zoomed out, a large tree is an overview: plain boxes whose outlines and links stay 1px on
     screen whatever the scale, so the shape of the tree remains visible. */
  .node.simple .card,
  .node.simple .focus-ring,
  .links.simple path {
    vector-effect: non-scaling-stroke;
  }
  .node.simple .card {
    stroke-width: 1;
    fill: var(--_accent-soft);
    stroke: var(--_accent);
  }
  .links.simple path {
    stroke-width: 1px;
  }
  .node.entering,
  .link.entering {
    animation: nsw-tree-fade 220ms ease-out;
  }
  @keyframes nsw-tree-fade {
    from {
      opacity: 0;
    }
    to {
      opacity: 1;
    }
  }

  .tooltip {
    position: absolute;
    max-width: min(360px, calc(100% - 16px));
    padding: 6px 10px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    box-shadow: var(--_shadow);
    font-size: 0.85em;
    pointer-events: none;
    overflow-wrap: anywhere;
  }
  .tooltip.left {
    left: 8px;
  }
  .tooltip.right {
    right: 8px;
  }
  .tooltip.top {
    top: 8px;
  }
  .tooltip.bottom {
    bottom: 8px;
  }
  .tooltip strong {
    display: block;
  }
  .tooltip p {
    margin: 2px 0 0;
  }
  .hint {
    font-size: 0.8em;
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: reduce) {
    .node.entering,
    .link.entering {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .node .card,
    .node.simple .card {
      fill: Canvas;
      stroke: CanvasText;
    }
    .node.on-path .card,
    .link.on-path path {
      stroke: Highlight;
    }
    .link path,
    .link .minus circle {
      stroke: CanvasText;
    }
    .node-text text,
    .link text,
    .node-text .change.good,
    .node-text .change.bad,
    .node-text .change.neutral {
      fill: CanvasText;
    }
    .node:focus-visible .focus-ring {
      stroke: Highlight;
    }
    .node-text .kind rect,
    .node .toggle {
      fill: Canvas;
      stroke: CanvasText;
    }
    .link-label {
      stroke: Canvas;
    }
  }
  @media print {
    .toolbar button {
      display: none;
    }
  }
`;
