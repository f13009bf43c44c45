/**
 * Export of what an element shows: `toSVG()` (a standalone SVG string) and `toPNG()` (a PNG Blob).
 *
 * Both are made from one "scene" read off the rendered shadow DOM, so they match each other and
 * the screen:
 * - HTML boxes become rectangles (background, border, radius), HTML text becomes `<text>` runs at
 *   the positions the browser laid it out (one run per line; wrapped text is split by word);
 * - every `<svg>` in the shadow root is kept as SVG: cloned, with its computed styles written
 *   as presentation attributes (so no class, no `var(--…)` and no stylesheet is needed).
 *
 * No `<foreignObject>` (many SVG viewers and office programs do not render it), no external
 * references (links and non-`data:` images are dropped), no `style` attributes.
 *
 * The PNG is painted with canvas 2D calls (rectangles, `Path2D` from the SVG geometry,
 * `fillText`) instead of drawing the SVG through an `<img>`: under a strict page policy such as
 * `default-src 'self'`, `img-src` forbids `blob:` and `data:` images, so the usual
 * "SVG → Image → canvas" route would fail (and report a CSP violation). Nothing here is an image
 * fetch, so the canvas is never tainted and no policy is involved.
 *
 * Also kept: dashed/dotted borders and the text of inline `::before`/`::after` (separators).
 * Not reproduced: box shadows, focus outlines, CSS gradients/background images, other generated
 * content (counters, images) and list markers, CSS transforms on HTML boxes.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

type Clip = { x: number; y: number; w: number; h: number } | null;

interface Font {
  family: string;
  size: number;
  weight: string;
  style: string;
}

type Op =
  | {
      kind: 'box';
      x: number;
      y: number;
      w: number;
      h: number;
      radius: number;
      fill: string | null;
      /** Uniform border, drawn as a stroke inside the box. */
      stroke: { width: number; color: string; dash: number[] } | null;
      /** Uneven borders, drawn as strips (a dashed or dotted one as a dashed line along its middle). */
      sides: Side[];
      alpha: number;
      clip: Clip;
    }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      font: Font;
      color: string;
      decoration: boolean;
      /** CSS letter-spacing in px (0 for normal). */
      spacing: number;
      width: number;
      alpha: number;
      clip: Clip;
    }
  | { kind: 'svg'; el: SVGSVGElement; x: number; y: number; w: number; h: number; alpha: number; clip: Clip };

interface Side {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  dash: number[];
}

/** CSS border-style → dash pattern for a line of `width` (close to what browsers draw). */
const dashFor = (style: string, width: number): number[] =>
  style === 'dashed' ? [3 * width, 3 * width] : style === 'dotted' ? [width, width] : [];

export interface Scene {
  width: number;
  height: number;
  ops: Op[];
  /** Plain-text title (the element's summary). */
  title: string;
}

export interface PngOptions {
  /** Pixels per CSS pixel; default `2` (sharp when pasted into documents). */
  scale?: number;
}

/** Elements marked with this attribute (e.g. the export menu) are left out of exports. */
export const EXPORT_IGNORE = 'data-export-ignore';

const isTransparent = (color: string) =>
  !color || color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);

const visible = (el: Element): boolean => {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (check) return check.call(el, { visibilityProperty: true, contentVisibilityAuto: true });
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden';
};

const intersect = (a: Clip, b: Clip): Clip => {
  if (!a) return b;
  if (!b) return a;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, w: Math.max(0, Math.min(a.x + a.w, b.x + b.w) - x), h: Math.max(0, Math.min(a.y + a.h, b.y + b.h) - y) };
};

let measureContext: CanvasRenderingContext2D | null | undefined;
function measurer(): CanvasRenderingContext2D | null {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  return measureContext;
}

const cssFont = (font: Font) => `${font.style} ${font.weight} ${font.size}px ${font.family}`;

/** Applies CSS `text-transform` to a run of text. */
function transformText(text: string, transform: string): string {
  if (transform === 'uppercase') return text.toUpperCase();
  if (transform === 'lowercase') return text.toLowerCase();
  if (transform === 'capitalize') return text.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
  return text;
}

function fontOf(style: CSSStyleDeclaration): Font {
  return { family: style.fontFamily, size: parseFloat(style.fontSize) || 14, weight: style.fontWeight || '400', style: style.fontStyle || 'normal' };
}

/** The alphabetic baseline of a line whose glyph box (from a Range) starts at `top`. */
function baseline(top: number, height: number, font: Font): number {
  const ctx = measurer();
  if (!ctx) return top + height * 0.8;
  ctx.font = cssFont(font);
  const m = ctx.measureText('Hg');
  const ascent = m.fontBoundingBoxAscent ?? font.size * 0.9;
  const descent = m.fontBoundingBoxDescent ?? font.size * 0.25;
  return top + (height - (ascent + descent)) / 2 + ascent;
}

/** Shortens `text` with an ellipsis to fit `width` (what `text-overflow: ellipsis` showed). */
function fit(text: string, width: number, font: Font): string {
  const ctx = measurer();
  if (!ctx) return text;
  ctx.font = cssFont(font);
  if (ctx.measureText(text).width <= width + 0.5) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(text.slice(0, mid) + '…').width <= width + 0.5) low = mid;
    else high = mid - 1;
  }
  return text.slice(0, low).trimEnd() + '…';
}

/** Reads the scene of `root` (the element's `part="base"` box) relative to its top-left corner. */
export function captureScene(root: Element, title = ''): Scene {
  const origin = root.getBoundingClientRect();
  const ops: Op[] = [];
  const rel = (r: DOMRect | { left: number; top: number; width: number; height: number }) => ({
    x: r.left - origin.left,
    y: r.top - origin.top,
    w: r.width,
    h: r.height,
  });

  const walk = (el: Element, alpha: number, clip: Clip): void => {
    if (el.hasAttribute(EXPORT_IGNORE)) return;
    const style = getComputedStyle(el);
    if (style.display === 'contents') {
      // No box of its own: its children are laid out in its parent.
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) text(child as Text, style, alpha, clip, null);
        else if (child.nodeType === Node.ELEMENT_NODE) walk(child as Element, alpha, clip);
      }
      return;
    }
    if (!visible(el)) return;
    const rect = el.getBoundingClientRect();
    // Visually hidden content (screen-reader tables and labels) is not part of the picture.
    if (rect.width <= 1 && rect.height <= 1) return;
    const opacity = alpha * (parseFloat(style.opacity) || (style.opacity === '0' ? 0 : 1));
    if (opacity <= 0) return;
    const box = rel(rect);

    if (el instanceof SVGSVGElement) {
      ops.push({ kind: 'svg', el, ...box, alpha: opacity, clip });
      return;
    }
    if (el instanceof SVGElement) return; // SVG outside an <svg> root is not rendered

    const fill = isTransparent(style.backgroundColor) ? null : style.backgroundColor;
    const widths = [style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth].map((w) => parseFloat(w) || 0);
    const colors = [style.borderTopColor, style.borderRightColor, style.borderBottomColor, style.borderLeftColor];
    const styles = [style.borderTopStyle, style.borderRightStyle, style.borderBottomStyle, style.borderLeftStyle];
    const drawn = widths.map((w, i) => w > 0 && styles[i] !== 'none' && styles[i] !== 'hidden' && !isTransparent(colors[i]));
    const radius = Math.min(parseFloat(style.borderTopLeftRadius) || 0, box.w / 2, box.h / 2);
    let stroke: { width: number; color: string; dash: number[] } | null = null;
    const sides: Side[] = [];
    const same = <T,>(list: T[]) => list.every((v) => v === list[0]);
    if (drawn.every(Boolean) && same(widths) && same(colors) && same(styles)) {
      stroke = { width: widths[0], color: colors[0], dash: dashFor(styles[0], widths[0]) };
    } else {
      const [t, r, b, l] = widths;
      if (drawn[0]) sides.push({ x: box.x, y: box.y, w: box.w, h: t, color: colors[0], dash: dashFor(styles[0], t) });
      if (drawn[1]) sides.push({ x: box.x + box.w - r, y: box.y, w: r, h: box.h, color: colors[1], dash: dashFor(styles[1], r) });
      if (drawn[2]) sides.push({ x: box.x, y: box.y + box.h - b, w: box.w, h: b, color: colors[2], dash: dashFor(styles[2], b) });
      if (drawn[3]) sides.push({ x: box.x, y: box.y, w: l, h: box.h, color: colors[3], dash: dashFor(styles[3], l) });
    }
    if (fill || stroke || sides.length) ops.push({ kind: 'box', ...box, radius, fill, stroke, sides, alpha: opacity, clip });

    const inner = style.overflow !== 'visible' && el !== root ? intersect(clip, box) : clip;
    pseudo(el, '::before', style, opacity, inner);
    pseudo(el, '::after', style, opacity, inner);
    const ellipsis = style.textOverflow === 'ellipsis' && (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth;
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text(child as Text, style, opacity, inner, ellipsis ? box : null);
      else if (child.nodeType === Node.ELEMENT_NODE) walk(child as Element, opacity, inner);
    }
    // A shadow root inside (nested custom element) or slotted content is not followed.
  };

  /** Text generated by an inline `::before`/`::after` with a string `content` (separators, markers). */
  const pseudo = (el: Element, which: '::before' | '::after', style: CSSStyleDeclaration, alpha: number, clip: Clip) => {
    const ps = getComputedStyle(el, which);
    const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(ps.content || '');
    if (!quoted || ps.display === 'none' || /absolute|fixed/.test(ps.position) || ps.cssFloat !== 'none') return;
    const raw = quoted[1].replace(/\\(.)/g, '$1');
    const value = transformText(raw.trim(), ps.textTransform);
    const ctx = measurer();
    if (!value || !ctx) return;
    const font = fontOf(ps);
    ctx.font = cssFont(font);
    const width = ctx.measureText(value).width;
    const space = ctx.measureText(' ').width;
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const line = which === '::before' ? rects[0] : rects[rects.length - 1];
    if (!line) return;
    let x =
      which === '::before'
        ? line.left - (parseFloat(ps.marginRight) || 0) - (parseFloat(ps.paddingRight) || 0) - (/\s$/.test(raw) ? space : 0) - width
        : line.right + (parseFloat(ps.marginLeft) || 0) + (parseFloat(ps.paddingLeft) || 0) + (/^\s/.test(raw) ? space : 0);
    let at = rel(line);
    // A ::before left of the parent's content box ended the previous line (the text wrapped after it).
    const parent = el.parentElement;
    if (which === '::before' && parent && x < parent.getBoundingClientRect().left + (parseFloat(getComputedStyle(parent).paddingLeft) || 0) - 0.5) {
      const previous = el.previousElementSibling;
      if (!previous) return;
      range.selectNodeContents(previous);
      const before = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).pop();
      if (!before) return;
      x = before.right + (parseFloat(ps.marginLeft) || 0) + (/^\s/.test(raw) ? space : 0);
      at = rel(before);
    }
    ops.push({
      kind: 'text', x: x - origin.left, y: baseline(at.y, at.h, fontOf(style)), text: value, font, color: ps.color,
      decoration: false, spacing: parseFloat(ps.letterSpacing) || 0, width, alpha, clip,
    });
  };

  const text = (node: Text, style: CSSStyleDeclaration, alpha: number, clip: Clip, ellipsisBox: ReturnType<typeof rel> | null) => {
    const content = node.data;
    if (!content.trim()) return;
    const font = fontOf(style);
    const color = style.color;
    const decoration = /underline/.test(style.textDecorationLine);
    // The range covers the visible characters only: collapsed spaces at either end would shift x.
    const first = content.search(/\S/);
    const last = content.length - (content.match(/\s*$/)?.[0].length ?? 0);
    const range = document.createRange();
    range.setStart(node, first);
    range.setEnd(node, last);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) return;
    const pre = /^pre/.test(style.whiteSpace);
    const collapse = (s: string) => (pre ? s : s.replace(/\s+/g, ' '));
    const spacing = parseFloat(style.letterSpacing) || 0;
    const push = (r: DOMRect, s: string) => {
      const box = rel(r);
      let value = transformText(collapse(s).trim(), style.textTransform);
      if (!value) return;
      let width = box.w;
      if (ellipsisBox) {
        width = Math.max(0, ellipsisBox.x + ellipsisBox.w - box.x - (parseFloat(style.paddingRight) || 0));
        value = fit(value, width, font);
      }
      ops.push({ kind: 'text', x: box.x, y: baseline(box.y, box.h, font), text: value, font, color, decoration, spacing, width, alpha, clip });
    };
    if (rects.length === 1) {
      push(rects[0], content.slice(first, last));
      return;
    }
    // Wrapped text: one run per line, from the words' own boxes.
    const lines: Array<{ rect: DOMRect; words: string[] }> = [];
    const pattern = /\S+/g;
    for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const r = range.getClientRects()[0];
      if (!r || r.width === 0) continue;
      const line = lines.find((l) => Math.abs(l.rect.top - r.top) < 1);
      if (line) {
        line.words.push(match[0]);
        const right = Math.max(line.rect.right, r.right);
        line.rect = new DOMRect(Math.min(line.rect.left, r.left), line.rect.top, right - Math.min(line.rect.left, r.left), line.rect.height);
      } else lines.push({ rect: r, words: [match[0]] });
    }
    for (const line of lines) push(line.rect, line.words.join(' '));
  };

  walk(root, 1, { x: 0, y: 0, w: origin.width, h: origin.height });
  return { width: Math.ceil(origin.width), height: Math.ceil(origin.height), ops, title };
}

// ---------------------------------------------------------------- SVG

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const num = (n: number) => String(Math.round(n * 100) / 100);

/** Computed properties written onto each cloned SVG element. */
const SVG_PROPS = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style',
  'text-anchor', 'dominant-baseline', 'letter-spacing', 'paint-order', 'vector-effect', 'shape-rendering', 'stop-color',
  'stop-opacity', 'marker-start', 'marker-mid', 'marker-end', 'clip-path', 'mask', 'visibility',
] as const;
const DROP_ATTRIBUTES = /^(class|style|part|tabindex|role|focusable|exportparts|slot|id-ref|on.*|aria-.*|data-.*)$/i;

/** Copies `source`'s computed style onto `target` (its clone) as presentation attributes. */
function inlineSvg(source: Element, target: Element): boolean {
  if (!(source instanceof SVGElement)) return true;
  const style = getComputedStyle(source);
  if (style.display === 'none' || source.hasAttribute(EXPORT_IGNORE)) return false;
  for (const attribute of [...target.attributes]) {
    if (DROP_ATTRIBUTES.test(attribute.name)) target.removeAttribute(attribute.name);
    else if (/var\(/.test(attribute.value)) target.removeAttribute(attribute.name);
  }
  const tag = source.localName;
  if (tag === 'a') {
    target.removeAttribute('href');
    target.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
  }
  if (tag === 'image') {
    const href = target.getAttribute('href') ?? target.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
    if (!/^data:image\//i.test(href)) return false;
  }
  if (tag === 'foreignObject' || tag === 'script' || tag === 'style') return false;
  const structural = tag === 'defs' || tag === 'clipPath' || tag === 'mask' || tag === 'linearGradient' || tag === 'radialGradient' || tag === 'pattern' || tag === 'title' || tag === 'desc';
  if (!structural) {
    for (const name of SVG_PROPS) {
      const value = style.getPropertyValue(name);
      if (!value || /var\(/.test(value)) continue;
      target.setAttribute(name, value.replace(/url\("?(#[^")]+)"?\)/g, 'url($1)'));
    }
  }
  // text-transform is CSS only: apply it to the text itself.
  if ((tag === 'text' || tag === 'tspan') && style.textTransform && style.textTransform !== 'none') {
    for (const node of target.childNodes) if (node.nodeType === Node.TEXT_NODE) node.textContent = transformText(node.textContent ?? '', style.textTransform);
  }
  // A CSS transform on an SVG element (set by a stylesheet) becomes the attribute.
  if (style.transform && style.transform !== 'none' && !source.hasAttribute('transform')) target.setAttribute('transform', style.transform);
  const sourceChildren = [...source.children];
  const targetChildren = [...target.children];
  sourceChildren.forEach((child, i) => {
    if (!inlineSvg(child, targetChildren[i])) targetChildren[i].remove();
  });
  return true;
}

function svgPaint(op: Extract<Op, { kind: 'svg' }>): string {
  const clone = op.el.cloneNode(true) as SVGSVGElement;
  inlineSvg(op.el, clone);
  for (const name of ['x', 'y', 'width', 'height', 'style', 'class']) clone.removeAttribute(name);
  clone.setAttribute('x', num(op.x));
  clone.setAttribute('y', num(op.y));
  clone.setAttribute('width', num(op.w));
  clone.setAttribute('height', num(op.h));
  const overflow = getComputedStyle(op.el).overflow;
  clone.setAttribute('overflow', overflow === 'visible' ? 'visible' : 'hidden');
  if (op.alpha < 1) clone.setAttribute('opacity', num(op.alpha));
  // Serialise through XMLSerializer so the markup is well-formed XML in the SVG namespace.
  return new XMLSerializer().serializeToString(clone).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '');
}

/** A dashed border strip as a line along its middle: [x1, y1, x2, y2, width]. */
function sideLine(side: Side): [number, number, number, number, number] {
  return side.w >= side.h
    ? [side.x, side.y + side.h / 2, side.x + side.w, side.y + side.h / 2, side.h]
    : [side.x + side.w / 2, side.y, side.x + side.w / 2, side.y + side.h, side.w];
}

/** The scene as a standalone SVG document (string). */
export function sceneToSVG(scene: Scene): string {
  const clips = new Map<string, string>();
  const clipId = (clip: Clip): string | null => {
    if (!clip) return null;
    if (clip.x <= 0 && clip.y <= 0 && clip.x + clip.w >= scene.width && clip.y + clip.h >= scene.height) return null;
    const key = [clip.x, clip.y, clip.w, clip.h].map(num).join(',');
    if (!clips.has(key)) clips.set(key, `nsw-clip-${clips.size + 1}`);
    return clips.get(key) as string;
  };
  const body: string[] = [];
  for (const op of scene.ops) {
    let markup = '';
    if (op.kind === 'box') {
      const a = op.alpha < 1 ? ` opacity="${num(op.alpha)}"` : '';
      if (op.fill) markup += `<rect x="${num(op.x)}" y="${num(op.y)}" width="${num(op.w)}" height="${num(op.h)}"${op.radius ? ` rx="${num(op.radius)}"` : ''} fill="${escapeXml(op.fill)}"${a}/>`;
      if (op.stroke) {
        const half = op.stroke.width / 2;
        const dash = op.stroke.dash.length ? ` stroke-dasharray="${op.stroke.dash.map(num).join(' ')}"` : '';
        markup += `<rect x="${num(op.x + half)}" y="${num(op.y + half)}" width="${num(Math.max(0, op.w - op.stroke.width))}" height="${num(Math.max(0, op.h - op.stroke.width))}"${op.radius ? ` rx="${num(Math.max(0, op.radius - half))}"` : ''} fill="none" stroke="${escapeXml(op.stroke.color)}" stroke-width="${num(op.stroke.width)}"${dash}${a}/>`;
      }
      for (const side of op.sides) {
        if (side.dash.length) {
          const [x1, y1, x2, y2, width] = sideLine(side);
          markup += `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${escapeXml(side.color)}" stroke-width="${num(width)}" stroke-dasharray="${side.dash.map(num).join(' ')}"${a}/>`;
        } else markup += `<rect x="${num(side.x)}" y="${num(side.y)}" width="${num(side.w)}" height="${num(side.h)}" fill="${escapeXml(side.color)}"${a}/>`;
      }
    } else if (op.kind === 'text') {
      const f = op.font;
      markup =
        `<text x="${num(op.x)}" y="${num(op.y)}" font-family="${escapeXml(f.family)}" font-size="${num(f.size)}" font-weight="${escapeXml(f.weight)}"` +
        `${f.style !== 'normal' ? ` font-style="${escapeXml(f.style)}"` : ''} fill="${escapeXml(op.color)}"${op.decoration ? ' text-decoration="underline"' : ''}` +
        `${op.spacing ? ` letter-spacing="${num(op.spacing)}"` : ''}` +
        `${op.alpha < 1 ? ` opacity="${num(op.alpha)}"` : ''} xml:space="preserve">${escapeXml(op.text)}</text>`;
    } else markup = svgPaint(op);
    const id = clipId(op.clip);
    body.push(id ? `<g clip-path="url(#${id})">${markup}</g>` : markup);
  }
  const defs = [...clips].map(([key, id]) => {
    const [x, y, w, h] = key.split(',');
    return `<clipPath id="${id}"><rect x="${x}" y="${y}" width="${w}" height="${h}"/></clipPath>`;
  });
  return (
    `<svg xmlns="${SVG_NS}" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}">` +
    (scene.title ? `<title>${escapeXml(scene.title)}</title>` : '') +
    (defs.length ? `<defs>${defs.join('')}</defs>` : '') +
    body.join('') +
    `</svg>`
  );
}

// ---------------------------------------------------------------- PNG (canvas painting)

function roundRect(path: Path2D, x: number, y: number, w: number, h: number, r: number) {
  if (r > 0 && 'roundRect' in path) (path as Path2D & { roundRect: (...a: unknown[]) => void }).roundRect(x, y, w, h, r);
  else path.rect(x, y, w, h);
}

/**
 * A paint value for canvas: a colour, or a linear gradient (objectBoundingBox or userSpaceOnUse,
 * built in the element's user space); radial gradients and patterns become their first stop's colour.
 */
function paint(value: string, owner: Element, ctx?: CanvasRenderingContext2D, bbox?: DOMRect): string | CanvasGradient | null {
  if (!value || value === 'none') return null;
  const ref = /url\("?#([^")]+)"?\)/.exec(value);
  if (ref) {
    const target = (owner.getRootNode() as Document | ShadowRoot).getElementById?.(ref[1]);
    const stops = target ? [...target.querySelectorAll('stop')] : [];
    if (ctx && bbox && target instanceof SVGLinearGradientElement && stops.length) {
      const userSpace = target.gradientUnits.baseVal === SVGUnitTypes.SVG_UNIT_TYPE_USERSPACEONUSE;
      const at = (length: SVGAnimatedLength, origin: number, size: number) => {
        const l = length.baseVal;
        const fraction = l.unitType === SVGLength.SVG_LENGTHTYPE_PERCENTAGE ? l.valueInSpecifiedUnits / 100 : l.value;
        return userSpace ? l.value : origin + fraction * size;
      };
      const gradient = ctx.createLinearGradient(
        at(target.x1, bbox.x, bbox.width), at(target.y1, bbox.y, bbox.height),
        at(target.x2, bbox.x, bbox.width), at(target.y2, bbox.y, bbox.height),
      );
      for (const stop of stops) {
        const style = getComputedStyle(stop);
        const offset = Math.min(1, Math.max(0, (stop as SVGStopElement).offset.baseVal));
        const alpha = parseFloat(style.stopOpacity);
        gradient.addColorStop(offset, withAlpha(style.stopColor, Number.isFinite(alpha) ? alpha : 1));
      }
      return gradient;
    }
    if (stops.length) return getComputedStyle(stops[0]).stopColor;
    const fallback = value.replace(/url\([^)]*\)\s*/, '').trim();
    return fallback && fallback !== 'none' ? fallback : null;
  }
  return value;
}

/** `rgb(…)`/`rgba(…)` with its alpha multiplied by `alpha`. */
function withAlpha(color: string, alpha: number): string {
  if (alpha >= 1) return color;
  const m = /^rgba?\(([^)]+)\)$/.exec(color.trim());
  if (!m) return color;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean);
  const a = parts.length > 3 ? parseFloat(parts[3]) : 1;
  return `rgba(${parts[0]}, ${parts[1]}, ${parts[2]}, ${a * alpha})`;
}

function shapePath(el: SVGElement): Path2D | null {
  const len = (a: SVGAnimatedLength) => a.baseVal.value;
  if (el instanceof SVGPathElement) {
    const d = el.getAttribute('d') ?? getComputedStyle(el).getPropertyValue('d').replace(/^path\("(.*)"\)$/, '$1');
    return d && d !== 'none' ? new Path2D(d) : null;
  }
  const p = new Path2D();
  if (el instanceof SVGRectElement) {
    const r = Math.max(len(el.rx), len(el.ry));
    roundRect(p, len(el.x), len(el.y), len(el.width), len(el.height), Math.min(r, len(el.width) / 2, len(el.height) / 2));
  } else if (el instanceof SVGCircleElement) p.arc(len(el.cx), len(el.cy), len(el.r), 0, Math.PI * 2);
  else if (el instanceof SVGEllipseElement) p.ellipse(len(el.cx), len(el.cy), len(el.rx), len(el.ry), 0, 0, Math.PI * 2);
  else if (el instanceof SVGLineElement) {
    p.moveTo(len(el.x1), len(el.y1));
    p.lineTo(len(el.x2), len(el.y2));
  } else if (el instanceof SVGPolylineElement || el instanceof SVGPolygonElement) {
    const points = [...el.points];
    points.forEach((pt, i) => (i ? p.lineTo(pt.x, pt.y) : p.moveTo(pt.x, pt.y)));
    if (el instanceof SVGPolygonElement) p.closePath();
  } else return null;
  return p;
}

function paintSvg(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, origin: DOMRect, base: DOMMatrix, alpha: number): void {
  const walk = (el: Element, opacity: number) => {
    if (!(el instanceof SVGElement) || el.hasAttribute(EXPORT_IGNORE)) return;
    const tag = el.localName;
    if (['defs', 'clipPath', 'mask', 'linearGradient', 'radialGradient', 'pattern', 'marker', 'symbol', 'title', 'desc', 'foreignObject', 'style', 'script'].includes(tag)) return;
    const style = getComputedStyle(el);
    if (style.display === 'none') return;
    const o = opacity * (parseFloat(style.opacity) || (style.opacity === '0' ? 0 : 1));
    if (o <= 0) return;
    if (el instanceof SVGGraphicsElement && style.visibility !== 'hidden' && style.visibility !== 'collapse') {
      const ctm = el.getScreenCTM();
      if (ctm) {
        const m = new DOMMatrix([ctm.a, ctm.b, ctm.c, ctm.d, ctm.e - origin.left, ctm.f - origin.top]);
        if (el instanceof SVGTextElement) paintText(ctx, el, m, base, o);
        else {
          const shape = shapePath(el);
          if (shape) {
            const path = new Path2D();
            path.addPath(shape, m);
            ctx.setTransform(base);
            let bbox: DOMRect | undefined;
            try {
              bbox = el.getBBox();
            } catch {
              bbox = undefined;
            }
            const fill = paint(style.fill, el, ctx, bbox);
            if (fill) {
              ctx.globalAlpha = o * (parseFloat(style.fillOpacity) || (style.fillOpacity === '0' ? 0 : 1));
              if (typeof fill === 'string') {
                ctx.fillStyle = fill;
                ctx.fill(path, style.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
              } else {
                // A gradient lives in the element's user space: fill the untransformed shape under its matrix.
                ctx.setTransform(base.multiply(m));
                ctx.fillStyle = fill;
                ctx.fill(shape, style.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
                ctx.setTransform(base);
              }
            }
            const stroke = paint(style.stroke, el) as string | null;
            const width = parseFloat(style.strokeWidth) || 0;
            if (stroke && width > 0) {
              const scale = style.vectorEffect === 'non-scaling-stroke' ? 1 : Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) || 1;
              ctx.globalAlpha = o * (parseFloat(style.strokeOpacity) || (style.strokeOpacity === '0' ? 0 : 1));
              ctx.strokeStyle = stroke;
              ctx.lineWidth = width * scale;
              ctx.lineCap = style.strokeLinecap as CanvasLineCap;
              ctx.lineJoin = style.strokeLinejoin as CanvasLineJoin;
              const dash = style.strokeDasharray;
              ctx.setLineDash(dash && dash !== 'none' ? dash.split(/[\s,]+/).map((d) => (parseFloat(d) || 0) * scale) : []);
              ctx.stroke(path);
              ctx.setLineDash([]);
            }
          }
        }
      }
    }
    if (tag === 'text') return;
    for (const child of el.children) walk(child, o);
  };
  ctx.save();
  walk(svg, alpha);
  ctx.restore();
}

function paintText(ctx: CanvasRenderingContext2D, el: SVGTextElement, m: DOMMatrix, base: DOMMatrix, alpha: number): void {
  const runs: Array<SVGTextContentElement> = [];
  const tspans = [...el.children].filter((c): c is SVGTSpanElement => c instanceof SVGTSpanElement);
  if (tspans.length && [...el.childNodes].every((n) => n.nodeType !== Node.TEXT_NODE || !n.textContent?.trim())) runs.push(...tspans);
  else runs.push(el);
  for (const run of runs) {
    const text = run.textContent ?? '';
    if (!text.trim() || run.getNumberOfChars() === 0) continue;
    const style = getComputedStyle(run);
    const fill = paint(style.fill, run) as string | null;
    if (!fill) continue;
    let start: DOMPoint;
    try {
      start = run.getStartPositionOfChar(0);
    } catch {
      continue;
    }
    ctx.setTransform(base.multiply(m));
    ctx.globalAlpha = alpha * (parseFloat(style.fillOpacity) || (style.fillOpacity === '0' ? 0 : 1));
    ctx.fillStyle = fill;
    ctx.font = cssFont(fontOf(style));
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    if ('letterSpacing' in ctx) (ctx as { letterSpacing: string }).letterSpacing = `${parseFloat(style.letterSpacing) || 0}px`;
    ctx.fillText(transformText(text.replace(/\s+/g, ' '), style.textTransform), start.x, start.y);
  }
}

/** Paints the scene onto a new canvas at `scale` device pixels per CSS pixel. */
export function paintScene(scene: Scene, root: Element, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(scene.width * scale));
  canvas.height = Math.max(1, Math.round(scene.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D is not available');
  const base = new DOMMatrix([scale, 0, 0, scale, 0, 0]);
  const origin = root.getBoundingClientRect();
  for (const op of scene.ops) {
    ctx.save();
    ctx.setTransform(base);
    if (op.clip) {
      ctx.beginPath();
      ctx.rect(op.clip.x, op.clip.y, op.clip.w, op.clip.h);
      ctx.clip();
    }
    ctx.globalAlpha = op.alpha;
    if (op.kind === 'box') {
      if (op.fill) {
        const p = new Path2D();
        roundRect(p, op.x, op.y, op.w, op.h, op.radius);
        ctx.fillStyle = op.fill;
        ctx.fill(p);
      }
      if (op.stroke) {
        const half = op.stroke.width / 2;
        const p = new Path2D();
        roundRect(p, op.x + half, op.y + half, Math.max(0, op.w - op.stroke.width), Math.max(0, op.h - op.stroke.width), Math.max(0, op.radius - half));
        ctx.strokeStyle = op.stroke.color;
        ctx.lineWidth = op.stroke.width;
        ctx.setLineDash(op.stroke.dash);
        ctx.stroke(p);
        ctx.setLineDash([]);
      }
      for (const side of op.sides) {
        if (side.dash.length) {
          const [x1, y1, x2, y2, width] = sideLine(side);
          ctx.beginPath();
          ctx.moveTo(x1, y1);
          ctx.lineTo(x2, y2);
          ctx.strokeStyle = side.color;
          ctx.lineWidth = width;
          ctx.setLineDash(side.dash);
          ctx.stroke();
          ctx.setLineDash([]);
        } else {
          ctx.fillStyle = side.color;
          ctx.fillRect(side.x, side.y, side.w, side.h);
        }
      }
    } else if (op.kind === 'text') {
      ctx.font = cssFont(op.font);
      ctx.fillStyle = op.color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      if ('letterSpacing' in ctx) (ctx as { letterSpacing: string }).letterSpacing = `${op.spacing}px`;
      ctx.fillText(op.text, op.x, op.y);
      if (op.decoration) ctx.fillRect(op.x, op.y + Math.max(1, op.font.size / 12), ctx.measureText(op.text).width, Math.max(1, op.font.size / 14));
    } else {
      if (getComputedStyle(op.el).overflow !== 'visible') {
        ctx.beginPath();
        ctx.rect(op.x, op.y, op.w, op.h);
        ctx.clip();
      }
      paintSvg(ctx, op.el, origin, base, op.alpha);
    }
    ctx.restore();
  }
  return canvas;
}

/** The element's rendered box: its `part="base"` in the shadow root, else the host. */
export function exportRoot(host: HTMLElement): Element {
  return host.shadowRoot?.querySelector('[part~="base"]') ?? host.shadowRoot?.firstElementChild ?? host;
}

/** A standalone SVG string of what `host` shows. */
export function elementToSVG(host: HTMLElement, title = ''): string {
  return sceneToSVG(captureScene(exportRoot(host), title));
}

/** A PNG Blob of what `host` shows, painted with canvas 2D (works under a strict CSP). */
export function elementToPNG(host: HTMLElement, options: PngOptions = {}): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      const root = exportRoot(host);
      const scale = options.scale && options.scale > 0 ? options.scale : 2;
      const canvas = paintScene(captureScene(root), root, scale);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png');
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Offers `blob` as a download named `filename` (an `<a download>` click; no page navigation). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
