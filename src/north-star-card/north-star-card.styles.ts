import { css } from 'lit';

/** `<north-star-card>`: public `--north-star-card-*` tokens feed private `--_card-*` ones. */
export const northStarCardStyles = css`
  :host {
    --_card-accent: var(--north-star-card-accent, var(--_accent));
    --_card-series: var(--north-star-card-sparkline-color, var(--_series));
    --_card-value-size: var(--north-star-card-value-size, calc(var(--_font-size) * 2.75));
    --_card-padding: var(--north-star-card-padding, 16px);
    /* The shared corner token (--nsw-radius), so the card matches the other widgets on a dashboard. */
    --_card-radius: var(--north-star-card-radius, var(--_radius));
    /* Light tints behind coloured text: kept faint so the text keeps WCAG AA contrast on them. */
    --_good-soft: color-mix(in srgb, var(--_good) 7%, transparent);
    --_bad-soft: color-mix(in srgb, var(--_bad) 7%, transparent);
    --_neutral-soft: color-mix(in srgb, var(--_neutral) 8%, transparent);
    --_warn-soft: color-mix(in srgb, var(--_warn) 10%, transparent);
  }

  .card {
    padding: var(--_card-padding) calc(var(--_card-padding) + 2px);
    border-radius: var(--_card-radius);
    display: flex;
    flex-direction: column;
    gap: 14px;
    font-variant-numeric: tabular-nums;
    /* Data text of any length wraps rather than overflowing (RELIABILITY A7); nowrap parts opt out. */
    overflow-wrap: anywhere;
  }
  .card.compact {
    --_card-value-size: var(--north-star-card-value-size, calc(var(--_font-size) * 2));
    padding: 12px;
    gap: 10px;
  }

  /* Header: name, big value, change. */
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 8px 12px;
  }
  .header {
    flex: 1 1 220px;
    min-width: 0;
    cursor: pointer;
    border-radius: max(0px, calc(var(--_card-radius) - 2px));
    margin: -4px;
    padding: 4px;
    outline-offset: 0;
  }
  .header:hover .name {
    color: var(--_text);
  }
  .name {
    /* Two lines at most; the full name is in the title, the summary and the data table. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
    font-size: 0.95em;
    font-weight: 600;
    color: var(--_muted);
    letter-spacing: 0.005em;
  }
  .headline {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0 6px;
    margin-top: 2px;
  }
  .value {
    font-size: var(--_card-value-size);
    font-weight: 650;
    line-height: 1.15;
    letter-spacing: -0.025em;
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .unit {
    font-size: 1.05em;
    font-weight: 500;
    color: var(--_muted);
    /* Data text of any length (a 10,000-character unit) wraps inside the card (RELIABILITY A7). */
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .delta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    margin-top: 6px;
    font-size: 0.92em;
  }
  .delta > * {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .pill {
    display: inline-flex;
    align-items: baseline;
    gap: 4px;
    padding: 1px 8px;
    border-radius: 999px;
    font-weight: 600;
    white-space: nowrap;
  }
  .pill.good { background: var(--_good-soft); }
  .pill.bad { background: var(--_bad-soft); }
  .pill.neutral { background: var(--_neutral-soft); }
  .pill .arrow {
    font-size: 0.8em;
  }
  .pill .rel {
    font-weight: 500;
  }
  .verdict {
    font-size: 0.78em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .compact .delta {
    font-size: 0.88em;
  }
  /* A very narrow card (down to 120 px): the change breaks between its absolute and relative parts
     rather than overflowing; each part stays whole. */
  .compact .pill {
    flex-wrap: wrap;
    white-space: normal;
    column-gap: 4px;
    border-radius: 10px;
  }
  .compact .pill > * {
    white-space: nowrap;
  }
  /* Compact: the judgement stays a word for assistive technology; sign, arrow and colour remain visible. */
  .compact .verdict {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .compact .meta {
    position: absolute;
    top: 10px;
    right: 10px;
  }
  .compact .name {
    padding-inline-end: 30px;
  }
  .stale-line {
    margin-top: -4px;
  }

  /* Stale badge and details button. */
  .meta {
    display: flex;
    align-items: center;
    gap: 6px;
    flex: 0 0 auto;
  }
  .badge .icon {
    color: var(--_warn);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border-radius: 999px;
    padding: 2px 8px;
    font-size: 0.8em;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.stale {
    color: var(--_text);
    background: var(--_warn-soft);
    border: 1px solid color-mix(in srgb, var(--_warn) 45%, transparent);
  }
  .details-button {
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_muted);
    border-radius: 999px;
    padding: 2px 10px;
    min-height: 24px;
    min-width: 24px;
    font-size: 0.82em;
    cursor: pointer;
  }
  .details-button {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .icon circle {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.4;
  }
  .icon circle.dot {
    fill: currentColor;
    stroke: none;
  }
  .icon polyline {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .icon line {
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
  }
  .details-button:hover,
  .details-button[aria-expanded='true'] {
    color: var(--_text);
    background: var(--_surface);
  }
  .details {
    background: var(--_surface);
    border-radius: max(0px, calc(var(--_card-radius) - 2px));
    padding: 10px 12px;
    font-size: 0.9em;
  }
  .details[hidden] {
    display: none;
  }
  .details p {
    margin: 0 0 6px;
    overflow-wrap: anywhere;
  }
  .details dl {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 20px;
    margin: 0;
  }
  .details dl div {
    display: flex;
    gap: 6px;
    min-width: 0;
  }
  .details dt {
    color: var(--_muted);
  }
  .details dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  time {
    text-decoration: underline dotted;
    text-underline-offset: 2px;
  }

  /* Sparkline. */
  .spark-wrap {
    min-width: 0;
  }
  .spark {
    position: relative;
    border-radius: 4px;
    cursor: crosshair;
    touch-action: pan-y;
  }
  .spark svg {
    max-width: 100%;
  }
  .line {
    fill: none;
    stroke: var(--_card-series);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .fill-top {
    stop-color: var(--_card-series);
    stop-opacity: 0.22;
  }
  .fill-bottom {
    stop-color: var(--_card-series);
    stop-opacity: 0;
  }
  .latest {
    fill: var(--_card-series);
    stroke: var(--_bg);
    stroke-width: 2;
  }
  .cursor {
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }
  .marker {
    fill: var(--_bg);
    stroke: var(--_card-series);
    stroke-width: 2;
  }
  .anomaly {
    fill: var(--_warn-soft);
    stroke: var(--_warn);
    stroke-width: 1.75;
  }
  .tip {
    position: absolute;
    bottom: calc(100% + 4px);
    left: var(--tip-x, 50%);
    transform: translateX(-50%);
    display: flex;
    gap: 6px;
    align-items: baseline;
    white-space: nowrap;
    padding: 4px 8px;
    border-radius: 6px;
    background: var(--_text);
    color: var(--_bg);
    font-size: 0.82em;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.18);
    pointer-events: none;
    z-index: 1;
  }
  .tip.start {
    transform: translateX(-8px);
  }
  .tip.end {
    transform: translateX(calc(-100% + 8px));
  }
  .tip {
    max-width: 100%;
  }
  .tip > * {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .tip > .tip-date {
    flex: none;
  }
  .tip-date {
    opacity: 0.85;
  }
  .tip-flag {
    font-weight: 600;
  }
  .axis {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    font-size: 0.76em;
    margin-top: 4px;
  }
  .anomaly-note {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--_warn);
    font-weight: 600;
  }
  .anomaly-note .dot {
    display: inline-block;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    border: 1.75px solid var(--_warn);
  }
  .compact .axis span:first-child,
  .compact .axis span:last-child {
    display: none;
  }

  /* Target. */
  .target-text {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    font-size: 0.88em;
    color: var(--_muted);
    margin-bottom: 6px;
  }
  .bar .track {
    fill: var(--_track);
    opacity: 0.6;
  }
  .bar .fill {
    fill: var(--_card-accent);
  }
  .bar .fill.reached {
    fill: var(--_good);
  }

  /* Guardrails and inputs. */
  .lists {
    display: grid;
    gap: 14px;
  }
  .lists > * {
    min-width: 0;
  }
  .wide .lists {
    grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
    gap: 20px;
  }
  .list-title {
    margin: 0 0 4px;
    font-size: 0.72em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.07em;
    color: var(--_muted);
  }
  .list-title .count {
    letter-spacing: 0.04em;
    white-space: nowrap;
  }
  .list {
    /* The figure column is capped relative to the list's width (cqi), see .row-value. */
    container-type: inline-size;
  }
  /* One grid for the whole list, shared by every row (subgrid), so values and states line up in columns. */
  .list ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    column-gap: 10px;
  }
  .list li {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: subgrid;
    min-width: 0;
  }
  .list li + li {
    border-top: 1px solid var(--_grid);
  }
  .row {
    grid-column: 1 / -1;
    display: grid;
    row-gap: 0;
    grid-template-columns: subgrid;
    align-items: baseline;
    min-width: 0;
    min-height: 32px;
    padding: 6px 6px;
    /* The hover and breached tint reach 6 px past the text on both sides (stretched, not sized). */
    margin: 0 -6px;
    border: 0;
    border-radius: max(0px, calc(var(--_card-radius) * 0.75));
    background: transparent;
    text-align: start;
    cursor: pointer;
    font-size: 0.9em;
  }
  .row:hover {
    background: var(--_surface);
  }
  .row-value {
    font-weight: 600;
    text-align: end;
    /* A figure stays on one line; an unusually long unit is cut with an ellipsis (full text in the
       title and in the button's accessible name) instead of pushing the row out of the card. */
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: max(5em, 40cqi);
  }
  .row-limit {
    grid-column: 1 / -1;
    grid-row: 2;
    font-size: 0.86em;
    margin-top: -2px;
    /* One line; a long unit is cut (full text in the title and the accessible name). */
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .state {
    font-size: 0.92em;
    font-weight: 600;
    white-space: nowrap;
    text-align: end;
    min-width: 4.5em;
  }
  .state.warn {
    color: var(--_warn);
  }
  .row.breached {
    background: var(--_bad-soft);
  }
  .row.breached .row-name {
    font-weight: 600;
  }
  .compact .list ul {
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: 6px;
  }
  .compact .row {
    min-height: 28px;
    padding: 4px 6px;
    font-size: 0.85em;
  }
  .compact .inputs .row-value {
    display: none;
  }
  .compact .guardrails .row-value {
    display: none;
  }
  .compact .state {
    min-width: 0;
  }
  /* Tiny (≤ 200 px): a smaller value, and each row's state under its name, so neither is cut to a letter. */
  .card.tiny {
    --_card-value-size: var(--north-star-card-value-size, calc(var(--_font-size) * 1.6));
  }
  .tiny .list ul {
    grid-template-columns: minmax(0, 1fr);
  }
  .tiny .state {
    text-align: start;
  }

  .notice,
  .stale {
    margin: 0;
  }

  @media (forced-colors: active) {
    .pill,
    .badge,
    .row.breached {
      border: 1px solid CanvasText;
    }
    .tip {
      border: 1px solid CanvasText;
    }
  }
  @media print {
    .details-button,
    .tip {
      display: none;
    }
    .details[hidden] {
      display: block;
    }
  }
`;
