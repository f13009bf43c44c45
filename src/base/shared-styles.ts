import { css } from 'lit';

/** The dark palette: for `theme="dark"`, and for `theme="auto"` when the system prefers dark. */
const darkTokens = css`
  --_text: var(--nsw-color-text, #e6edf3);
  --_muted: var(--nsw-color-text-muted, #9ea7b3);
  --_bg: var(--nsw-color-background, #0d1117);
  --_surface: var(--nsw-color-surface, #161b22);
  --_border: var(--nsw-color-border, #3d444d);
  --_grid: var(--nsw-color-grid, #262c36);
  --_accent: var(--nsw-color-accent, #4493f8);
  --_accent-soft: var(--nsw-color-accent-soft, #1b2f4e);
  --_good: var(--nsw-color-good, #3fb950);
  --_bad: var(--nsw-color-bad, #f85149);
  --_warn: var(--nsw-color-warning, #d29922);
  --_neutral: var(--nsw-color-neutral, #9ea7b3);
  --_focus: var(--nsw-color-focus, #4493f8);
  --_track: var(--nsw-color-track, #3d444d);
  --_shadow: var(--nsw-shadow, 0 1px 2px rgb(0 0 0 / 0.4));
`;

/**
 * Theme tokens and the pieces every element shares. Public `--nsw-*` properties (settable on any
 * ancestor, e.g. `body`) feed private `--_*` ones on `:host`; elements read only the private ones.
 * Light is the default; `theme="dark"` or `theme="auto"` (follows `prefers-color-scheme`).
 */
export const sharedStyles = css`
  :host {
    --_font: var(--nsw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--nsw-font-size, 14px);
    --_radius: var(--nsw-radius, 8px);
    --_space: var(--nsw-space, 12px);
    --_text: var(--nsw-color-text, #1f2328);
    --_muted: var(--nsw-color-text-muted, #59636e);
    --_bg: var(--nsw-color-background, #ffffff);
    --_surface: var(--nsw-color-surface, #f6f8fa);
    --_border: var(--nsw-color-border, #d1d9e0);
    --_grid: var(--nsw-color-grid, #e8ecf0);
    --_accent: var(--nsw-color-accent, #0b5cad);
    --_accent-soft: var(--nsw-color-accent-soft, #dbeafe);
    --_good: var(--nsw-color-good, #1a7f37);
    --_bad: var(--nsw-color-bad, #cf222e);
    --_warn: var(--nsw-color-warning, #9a6700);
    --_neutral: var(--nsw-color-neutral, #59636e);
    --_focus: var(--nsw-color-focus, #0969da);
    --_track: var(--nsw-color-track, #d1d9e0);
    --_series: var(--nsw-color-series, var(--_accent));
    --_shadow: var(--nsw-shadow, 0 1px 2px rgb(31 35 40 / 0.08));
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    min-width: 0;
    contain: inline-size;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  :host([hidden]) {
    display: none;
  }

  /* The host page's CSS is kept out by the shadow root, but inherited properties are not: reset them. */
  .base {
    box-sizing: border-box;
    position: relative;
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    direction: ltr;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    box-shadow: var(--_shadow);
    overflow: hidden;
    min-width: 0;
    max-width: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  svg {
    display: block;
    overflow: visible;
  }
  svg text {
    fill: currentColor;
    font-family: var(--_font);
  }
  bdi {
    unicode-bidi: isolate;
  }
  .good { color: var(--_good); }
  .bad { color: var(--_bad); }
  .neutral { color: var(--_neutral); }
  .muted { color: var(--_muted); }
  .truncate {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }

  .error {
    border: 1px solid var(--_bad);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) / 2);
    padding: 8px 12px;
    color: var(--_text);
    background: var(--_bg);
  }
  .error strong { color: var(--_bad); }
  .error ul,
  .notice ul {
    margin: 4px 0 0;
    padding-inline-start: 18px;
  }
  .error code,
  .notice code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .error li,
  .notice li {
    overflow-wrap: anywhere;
  }
  .notice,
  .stale {
    margin: 8px 0 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .notice summary {
    cursor: pointer;
    color: var(--_warn);
    min-height: 24px;
  }
  .stale-badge {
    display: inline-block;
    border: 1px solid var(--_warn);
    color: var(--_warn);
    border-radius: 999px;
    padding: 0 6px;
    font-size: 0.8em;
    font-weight: 600;
  }
  .loading {
    color: var(--_muted);
    min-height: 48px;
  }

  /* Visually hidden, still read by assistive technology (the data tables). */
  .sr-only {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }

  /* Windows high contrast: SVG is not recoloured by the browser, so map the tokens to system colours. */
  @media (forced-colors: active) {
    /* :host([theme]) too: the dark and auto themes' tokens would otherwise win over these (same origin, higher specificity). */
    :host,
    :host([theme]) {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_bg: Canvas;
      --_surface: Canvas;
      --_border: CanvasText;
      --_grid: GrayText;
      --_accent: Highlight;
      --_accent-soft: Canvas;
      --_good: CanvasText;
      --_bad: CanvasText;
      --_warn: CanvasText;
      --_neutral: CanvasText;
      --_focus: Highlight;
      --_track: GrayText;
      --_series: Highlight;
      --_shadow: none;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }

  /* The optional export menu (\`exportable\`), under the element. */
  .export {
    position: relative;
    display: flex;
    justify-content: flex-end;
    margin-top: 4px;
    font-family: var(--_font);
    font-size: 12px;
    line-height: 1.4;
    direction: ltr;
    color: var(--_text);
  }
  .export-toggle,
  .export-menu [role='menuitem'] {
    min-height: 24px;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
  }
  .export-menu {
    position: absolute;
    z-index: 1;
    inset-inline-end: 0;
    top: 100%;
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin-top: 2px;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    box-shadow: var(--_shadow);
  }
  .export-menu [role='menuitem'] {
    border-color: transparent;
    text-align: start;
    white-space: nowrap;
  }
  .export-menu [role='menuitem']:hover,
  .export-menu [role='menuitem']:focus {
    background: var(--_accent-soft);
  }
  @media print {
    /* Nothing to print; and a visually hidden table still has its full width, which
       would overflow the printed page once .base stops clipping (below). */
    .export,
    .sr-only {
      display: none !important;
    }
  }

  @media print {
    /* :host([theme]) too, so a dark or auto theme also prints black on white. */
    :host,
    :host([theme]) {
      --_text: #000000;
      --_muted: #333333;
      --_bg: #ffffff;
      --_surface: #ffffff;
      --_border: #999999;
      --_grid: #dddddd;
      --_shadow: none;
      --_accent: var(--nsw-color-accent, #0b5cad);
      --_accent-soft: var(--nsw-color-accent-soft, #dbeafe);
      --_good: var(--nsw-color-good, #1a7f37);
      --_bad: var(--nsw-color-bad, #cf222e);
      --_warn: var(--nsw-color-warning, #9a6700);
      --_neutral: var(--nsw-color-neutral, #59636e);
      --_track: var(--nsw-color-track, #d1d9e0);
      break-inside: avoid;
    }
    .base {
      overflow: visible;
    }
  }
`;
