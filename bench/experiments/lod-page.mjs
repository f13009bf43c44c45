// A 10,000-node tree fitted into 1000 × 700 px, drawn two ways: one SVG group per node (a card rect, a
// toggle rect and its link path: the shape of metric-tree's "simple" mode), or one <path> for all cards
// and one for all links. Measures the first frame and a zoom and a pan frame (transform attribute change).
import { hierarchy, tree } from '/node_modules/d3-hierarchy/src/index.js';
import { tree as makeTree } from '../data.mjs';
import { afterFrame } from '../pages/harness-frame.mjs';

const W = 180;
const H = 64;
const SVG_NS = 'http://www.w3.org/2000/svg';
const svg = document.getElementById('view');
const g = svg.querySelector('g.zoom');

function layout(n) {
  const root = tree().nodeSize([W + 24, H + 60])(hierarchy(makeTree(n)));
  const nodes = root.descendants();
  let x0 = Infinity, x1 = -Infinity, y1 = 0;
  for (const d of nodes) {
    x0 = Math.min(x0, d.x);
    x1 = Math.max(x1, d.x);
    y1 = Math.max(y1, d.y);
  }
  const k = Math.min(1000 / (x1 - x0 + W + 48), 700 / (y1 + H + 48));
  return { nodes, k, tx: -(x0 - W / 2 - 24) * k, ty: 24 * k };
}

function perNode({ nodes }) {
  const frag = document.createDocumentFragment();
  for (const d of nodes) {
    if (d.parent) {
      const p = document.createElementNS(SVG_NS, 'path');
      p.setAttribute('class', 'link');
      p.setAttribute('d', `M${d.parent.x},${d.parent.y + H}V${(d.parent.y + H + d.y) / 2}H${d.x}V${d.y}`);
      frag.append(p);
    }
    const node = document.createElementNS(SVG_NS, 'g');
    node.setAttribute('transform', `translate(${d.x - W / 2},${d.y})`);
    for (const [w, h, x, y] of [[W + 8, H + 8, -4, -4], [W, H, 0, 0], [24, 24, W / 2 - 12, H - 12]]) {
      const r = document.createElementNS(SVG_NS, 'rect');
      r.setAttribute('class', 'card');
      r.setAttribute('x', x);
      r.setAttribute('y', y);
      r.setAttribute('width', w);
      r.setAttribute('height', h);
      node.append(r);
    }
    frag.append(node);
  }
  g.append(frag);
}

function aggregated({ nodes }) {
  let cards = '';
  let links = '';
  for (const d of nodes) {
    cards += `M${d.x - W / 2},${d.y}h${W}v${H}h${-W}z`;
    if (d.parent) links += `M${d.parent.x},${d.parent.y + H}V${(d.parent.y + H + d.y) / 2}H${d.x}V${d.y}`;
  }
  const l = document.createElementNS(SVG_NS, 'path');
  l.setAttribute('class', 'link');
  l.setAttribute('d', links);
  const c = document.createElementNS(SVG_NS, 'path');
  c.setAttribute('class', 'card');
  c.setAttribute('d', cards);
  g.append(l, c);
}

function frame(fn) {
  return new Promise((resolve) =>
    requestAnimationFrame(async () => {
      const t0 = performance.now();
      fn();
      resolve((await afterFrame()) - t0);
    }),
  );
}

window.__lod = async (variant, n = 10000, runs = 5) => {
  const out = { first: [], zoom: [], pan: [], elements: 0 };
  for (let i = 0; i < runs + 1; i++) {
    g.textContent = '';
    await frame(() => {});
    const l = layout(n);
    const first = await frame(() => {
      (variant === 'aggregated' ? aggregated : perNode)(l);
      g.setAttribute('transform', `translate(${l.tx},${l.ty}) scale(${l.k})`);
    });
    const zoom = await frame(() => g.setAttribute('transform', `translate(${l.tx - 100},${l.ty}) scale(${l.k * 1.25})`));
    const pan = await frame(() => g.setAttribute('transform', `translate(${l.tx - 60},${l.ty + 30}) scale(${l.k * 1.25})`));
    if (i > 0) {
      out.first.push(first);
      out.zoom.push(zoom);
      out.pan.push(pan);
    }
    out.elements = g.querySelectorAll('*').length;
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return { variant, n, elements: out.elements, first: med(out.first), zoom: med(out.zoom), pan: med(out.pan) };
};
