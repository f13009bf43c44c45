/**
 * Our own contrast oracle (RELIABILITY F7; axe does not check non-text contrast, SC 1.4.11): reads
 * colours from computed styles of what is rendered in a shadow root and composites them against
 * what lies underneath (the shapes and boxes found by `elementsFromPoint`).
 */
import { shadowAll } from './helpers.js';

export type RGBA = [number, number, number, number];

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour the engine computes (rgb(), rgba(), color(srgb …), hex, system colours) → RGBA 0..255 / 0..1. */
export function parseColor(value: string): RGBA | null {
  if (!value || value === 'none' || value === 'transparent' || value.startsWith('url(')) return value === 'transparent' ? [0, 0, 0, 0] : null;
  const rgb = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (rgb) {
    const a = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return [+rgb[1], +rgb[2], +rgb[3], a];
  }
  const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+%?))?\)$/.exec(value);
  if (srgb) {
    const a = srgb[4] === undefined ? 1 : srgb[4].endsWith('%') ? parseFloat(srgb[4]) / 100 : parseFloat(srgb[4]);
    return [+srgb[1] * 255, +srgb[2] * 255, +srgb[3] * 255, a];
  }
  // Anything else (oklch, hsl, named): let a canvas resolve it.
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return null;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000';
  probe.fillStyle = value;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

export function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: RGBA, b: RGBA): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** `top` with alpha over an opaque `bottom`. */
export function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** Product of `opacity` of the element and its ancestors up to the shadow root. */
function opacityChain(el: Element): number {
  let o = 1;
  for (let n: Element | null = el; n; n = n.parentElement) o *= parseFloat(getComputedStyle(n).opacity || '1');
  return o;
}

/** The paint an element puts on the page at a point: SVG fill (shapes), or HTML background. */
function paintOf(el: Element): RGBA | null {
  const style = getComputedStyle(el);
  if (el instanceof SVGElement) {
    if (!(el instanceof SVGGeometryElement) || el instanceof SVGTextContentElement) return null;
    const fill = parseColor(style.fill);
    if (!fill || fill[3] === 0) return null;
    return [fill[0], fill[1], fill[2], fill[3] * parseFloat(style.fillOpacity || '1') * opacityChain(el)];
  }
  const bg = parseColor(style.backgroundColor);
  if (!bg || bg[3] === 0) return null;
  return [bg[0], bg[1], bg[2], bg[3] * opacityChain(el)];
}

/** What is painted under `el` at (x, y), composited bottom-up down to the page background. */
export function backgroundAt(root: ShadowRoot, el: Element, x: number, y: number, pageBackground: RGBA): RGBA {
  const stack = root.elementsFromPoint(x, y);
  const layers: RGBA[] = [];
  const start = stack.indexOf(el);
  for (const node of stack.slice(start + 1)) {
    if (node === el) continue;
    if (node.contains(el) && node instanceof SVGElement && !(node instanceof SVGGeometryElement)) continue;
    if (el.contains(node)) continue;
    const paint = paintOf(node);
    if (!paint) continue;
    layers.push(paint);
    if (paint[3] >= 0.999) break;
  }
  // Ancestors beyond the shadow root (the host and the page).
  let colour: RGBA = pageBackground;
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour;
}

export interface ContrastFinding {
  kind: 'text' | 'mark';
  ratio: number;
  required: number;
  what: string;
}

const isHidden = (el: Element): boolean => {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const style = getComputedStyle(n);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
    if (n.matches('.sr-only, [hidden], title, desc, defs, clipPath, mask, table.sr-only')) return true;
  }
  const box = el.getBoundingClientRect();
  return box.width === 0 || box.height === 0;
};

/** Marks that WCAG 1.4.11 does not require to contrast (decoration, grid, hit areas, tracks, soft areas). */
export const DECORATIVE = /\b(grid|gridline|track|area|band|halo|soft|bg|background|hit|overlay|hover-target|capture|shadow|ghost|interval|ci|whisker-bg|sliver|focus-ring|zone|tick)\b/i;

/**
 * Every visible text (≥ 4.5:1, or 3:1 for large text) and every meaningful graphical mark (≥ 3:1)
 * in `el`'s shadow root against what is beneath it.
 */
export function contrastFindings(el: Element): ContrastFinding[] {
  const root = el.shadowRoot!;
  const findings: ContrastFinding[] = [];
  const page = parseColor(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
  const pageBg: RGBA = page[3] === 0 ? [255, 255, 255, 1] : page;
  const textCentres: Array<[number, number]> = shadowAll(root)
    .filter((n) => !isHidden(n) && Array.from(n.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== ''))
    .map((n) => {
      const b = n.getBoundingClientRect();
      return [b.left + b.width / 2, b.top + b.height / 2];
    });
  const shapeCentres: Array<[Element, [number, number]]> = shadowAll(root)
    .filter((n) => n instanceof SVGGeometryElement && !(n instanceof SVGTextContentElement) && !isHidden(n))
    .map((n) => {
      const b = n.getBoundingClientRect();
      return [n, [b.left + b.width / 2, b.top + b.height / 2]];
    });
  for (const node of shadowAll(root)) {
    if (isHidden(node)) continue;
    const box = node.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
    const style = getComputedStyle(node);
    const label = `<${node.localName} class="${node.getAttribute('class') ?? ''}" part="${node.getAttribute('part') ?? ''}">`;
    const ownText = Array.from(node.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && /[\p{L}\p{N}]/u.test(c.textContent ?? ''));
    if (ownText) {
      const raw = parseColor(node instanceof SVGElement ? style.fill : style.color);
      if (!raw) continue;
      const colour: RGBA = [raw[0], raw[1], raw[2], raw[3] * opacityChain(node) * (node instanceof SVGElement ? parseFloat(style.fillOpacity || '1') : 1)];
      if (colour[3] === 0) continue;
      const bg = backgroundAt(root, node, x, y, pageBg);
      const size = parseFloat(style.fontSize);
      const bold = parseInt(style.fontWeight, 10) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      findings.push({ kind: 'text', ratio: contrast(over(colour, bg), bg), required: large ? 3 : 4.5, what: `${label} "${(node.textContent ?? '').trim().slice(0, 30)}"` });
      continue;
    }
    if (!(node instanceof SVGGeometryElement) || node instanceof SVGTextContentElement) continue;
    if (node.closest('[aria-hidden="true"] .decor, [data-decorative]') || DECORATIVE.test(node.getAttribute('class') ?? '') || DECORATIVE.test(node.getAttribute('part') ?? '')) continue;
    // A shape that text sits on is a container (node card, pill, bar with its label): the text identifies
    // it, so its own edge is not required to contrast (SC 1.4.11 "required to identify").
    const shapeBox = node.getBoundingClientRect();
    const inside = ([tx, ty]: [number, number]) => tx >= shapeBox.left && tx <= shapeBox.right && ty >= shapeBox.top && ty <= shapeBox.bottom;
    if (textCentres.some(inside)) continue;
    // Likewise a rect (pill, toggle, bar) holding a smaller icon or mark: the icon identifies it.
    if (node instanceof SVGRectElement && shapeCentres.some(([other, centre]) => other !== node && !node.contains(other) && inside(centre) && other.getBoundingClientRect().width * other.getBoundingClientRect().height < shapeBox.width * shapeBox.height / 2)) continue;
    const chain = opacityChain(node);
    const bg = backgroundAt(root, node, x, y, pageBg);
    let best = 0;
    let painted = false;
    for (const [paintValue, opacity, usable] of [
      [style.fill, style.fillOpacity, true],
      [style.stroke, style.strokeOpacity, (parseFloat(style.strokeWidth) || 0) >= 1],
    ] as Array<[string, string, boolean]>) {
      const paint = parseColor(paintValue);
      if (!usable || !paint || paint[3] === 0) continue;
      const alpha = paint[3] * chain * parseFloat(opacity || '1');
      // Translucent paint is an area (confidence band, soft background), not a mark that carries meaning alone.
      if (alpha < 0.5) continue;
      painted = true;
      best = Math.max(best, contrast(over([paint[0], paint[1], paint[2], alpha], bg), bg));
    }
    if (painted) findings.push({ kind: 'mark', ratio: best, required: 3, what: label });
  }
  return findings;
}
