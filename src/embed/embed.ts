/**
 * The embed page's script (dist/embed.js, loaded by dist/embed.html next to dist/north-star-widgets.js).
 *
 * URL: `embed.html?el=<tag>&src=<url>` or `embed.html?el=<tag>#data=<base64url JSON>`, plus `theme`,
 * `locale` and the element's own attributes as query parameters. Only the four tags are accepted for
 * `el`, only http(s) or relative URLs for `src`; anything else shows a message (as text) instead.
 * Attributes are taken only from the element's own `observedAttributes`, so no `on…` handler,
 * `style` or other attribute can be injected through the URL.
 *
 * Posts `{ type: 'nsw:resize', height }` to the parent window whenever the content height changes.
 */

export const EMBED_TAGS = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'] as const;
export type EmbedTag = (typeof EMBED_TAGS)[number];

export type EmbedPlan =
  | { ok: true; tag: EmbedTag; src: string | null; data: string | null; attributes: Array<[string, string]> }
  | { ok: false; message: string };

const USAGE = 'Use embed.html?el=funnel-chart&src=<URL of JSON or CSV>, or embed.html?el=goal-progress#data=<base64url JSON>.';

/** Decodes base64url (or base64) to UTF-8 text; null when it is not valid. */
export function decodeBase64Url(text: string): string | null {
  let raw = text;
  try {
    raw = decodeURIComponent(text);
  } catch {
    return null;
  }
  const clean = raw.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  try {
    const binary = atob(clean.padEnd(clean.length + ((4 - (clean.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether `src` is an http(s) URL or a relative one (resolved against `base`). */
export function isAllowedSrc(src: string, base: string): boolean {
  if (!src.trim()) return false;
  // Control characters and backslashes are how scheme checks get fooled ("java\tscript:").
  if (/[\u0000-\u001f\u007f\\]/.test(src)) return false;
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src.trim());
  return !scheme || /^https?$/i.test(scheme[1]);
}

/** Reads the URL into what to show. `observed` gives the attributes each element accepts. */
export function planEmbed(location: { search: string; hash: string; href: string }, observed: (tag: EmbedTag) => readonly string[]): EmbedPlan {
  const params = new URLSearchParams(location.search);
  const el = params.get('el');
  if (!el) return { ok: false, message: `No element chosen. ${USAGE}` };
  if (!(EMBED_TAGS as readonly string[]).includes(el)) {
    return { ok: false, message: `“${el}” is not an element this page can show. Use el= one of: ${EMBED_TAGS.join(', ')}.` };
  }
  const tag = el as EmbedTag;
  // Read by hand, not with URLSearchParams: that would turn a base64 "+" into a space.
  const hashData = /(?:^#?|&)data=([^&]*)/.exec(location.hash);
  let data: string | null = null;
  if (hashData) {
    data = decodeBase64Url(hashData[1]);
    if (data === null) return { ok: false, message: 'The #data= part of the address is not valid base64url-encoded UTF-8 text.' };
  }
  const src = params.get('src');
  if (src !== null && !isAllowedSrc(src, location.href)) {
    return { ok: false, message: `The src “${src}” is not allowed: only http(s) or relative URLs can be loaded.` };
  }
  if (data === null && src === null && !params.has('data')) return { ok: false, message: `No data given for <${tag}>. ${USAGE}` };
  const allowed = new Set(observed(tag).filter((name) => !/^on/i.test(name) && name !== 'style' && name !== 'src'));
  const attributes: Array<[string, string]> = [];
  for (const [name, value] of params) {
    if (name === 'el' || name === 'src') continue;
    if (allowed.has(name)) attributes.push([name, value]);
    else console.warn(`north-star-widgets embed: ignored the parameter “${name}” (not an attribute of <${tag}>)`);
  }
  return { ok: true, tag, src, data, attributes };
}

const STYLES = `
  html, body { margin: 0; padding: 0; background: transparent; }
  #nsw-embed { display: flow-root; padding: 2px; }
  .nsw-embed-message {
    margin: 0; padding: 12px 14px; border: 1px solid #cf222e; border-inline-start-width: 4px; border-radius: 6px;
    font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; background: #fff;
    overflow-wrap: anywhere;
  }
`;

function applyStyles(): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // Old engines without constructable stylesheets: the page still works, only unstyled.
  }
}

function showMessage(root: HTMLElement, message: string): void {
  const p = document.createElement('p');
  p.className = 'nsw-embed-message';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  root.replaceChildren(p);
}

/** Posts the content height to the parent whenever it changes. */
function reportHeight(root: HTMLElement): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'nsw:resize', height }, '*');
  };
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(post).observe(root);
  post();
}

async function whenDefined(tag: string, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const defined = customElements.whenDefined(tag).then(() => true);
  const result = await Promise.race([defined, timeout]);
  clearTimeout(timer);
  return result;
}

async function main(): Promise<void> {
  applyStyles();
  const root = document.getElementById('nsw-embed') ?? document.body.appendChild(document.createElement('main'));
  reportHeight(root);
  const requested = new URLSearchParams(location.search).get('el');
  const tag = (EMBED_TAGS as readonly string[]).includes(requested ?? '') ? (requested as EmbedTag) : null;
  if (tag && !(await whenDefined(tag, 10_000))) {
    showMessage(root, `north-star-widgets.js did not load, so <${tag}> cannot be shown.`);
    return;
  }
  const observed = (t: EmbedTag) => (customElements.get(t) as unknown as { observedAttributes?: string[] } | undefined)?.observedAttributes ?? [];
  const plan = planEmbed(location, observed);
  if (!plan.ok) {
    showMessage(root, plan.message);
    return;
  }
  const element = document.createElement(plan.tag);
  for (const [name, value] of plan.attributes) element.setAttribute(name, value);
  if (plan.data !== null) element.setAttribute('data', plan.data);
  else if (plan.src !== null) element.setAttribute('src', plan.src);
  root.replaceChildren(element);
  // A new #data= (the host changed the iframe's hash) re-renders without a reload.
  window.addEventListener('hashchange', () => {
    const next = planEmbed(location, observed);
    if (next.ok && next.tag === plan.tag && next.data !== null) element.setAttribute('data', next.data);
  });
}

if (typeof document !== 'undefined' && document.getElementById('nsw-embed')) void main();
