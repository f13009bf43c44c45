import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normalizeTree, type MetricTreeData } from '../../src/metric-tree/tree-data.js';
import {
  cull, estimateTextWidth, fitTransform, initialTransform, layoutTree, measureCard, nodeRect, panIntoView, truncateText, visibleRect,
  type Orientation, type TreeLayout,
} from '../../src/metric-tree/tree-layout.js';

function overlaps(layout: TreeLayout): string[] {
  const found: string[] = [];
  const nodes = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i];
    for (let j = i + 1; j < nodes.length && nodes[j].x < a.x + a.width; j++) {
      const b = nodes[j];
      if (a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

/** A random tree from a seed: parent of node i is one of the nodes before it. */
function randomTree(seed: number, count: number): MetricTreeData {
  let s = seed;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const nodes = [{ id: 'n0', name: 'Root' } as Record<string, unknown>];
  for (let i = 1; i < count; i++) {
    const parent = Math.floor(rand() ** 2 * i);
    nodes.push({ id: `n${i}`, name: 'x'.repeat(1 + Math.floor(rand() * 40)), parent: `n${parent}`, value: rand() * 1e6, series: rand() < 0.3 ? [[0, 1], [1, 2]] : undefined, kind: rand() < 0.3 ? 'input' : undefined });
  }
  return normalizeTree({ nodes }).value!;
}

const sizes = (tree: MetricTreeData) => {
  const cache = new Map<string, { width: number; height: number }>();
  return (id: string) => {
    let size = cache.get(id);
    if (!size) {
      const node = tree.nodes.get(id)!;
      size = measureCard({ name: node.name, value: String(node.value ?? '—'), change: '▲ +1.0%', kind: node.kind, hasSparkline: node.series.length > 1 });
      cache.set(id, size);
    }
    return size;
  };
};

describe('metric-tree/tree-layout: text', () => {
  it('estimates text width from characters', () => {
    expect(estimateTextWidth('', 13)).to.equal(0);
    expect(estimateTextWidth('iiii', 10)).to.be.below(estimateTextWidth('MMMM', 10));
    expect(estimateTextWidth('abc', 20)).to.be.closeTo(2 * estimateTextWidth('abc', 10), 1e-9);
    expect(estimateTextWidth('abc', 10, true)).to.be.above(estimateTextWidth('abc', 10));
    expect(estimateTextWidth('团队', 10)).to.equal(20);
    expect(estimateTextWidth('a\u200db', 10)).to.equal(estimateTextWidth('ab', 10));
  });
  it('truncates with an ellipsis to fit, and leaves short text alone', () => {
    expect(truncateText('Short', 200, 13)).to.equal('Short');
    const cut = truncateText('Weekly collaboration sessions per active team', 120, 13, true);
    expect(cut.endsWith('…')).to.equal(true);
    expect(estimateTextWidth(cut, 13, true)).to.be.at.most(120);
    expect(truncateText('x'.repeat(10000), 100, 13).length).to.be.below(40);
  });
  it('sizes cards to their content within bounds', () => {
    const small = measureCard({ name: 'A', value: '1', change: '', hasSparkline: false });
    expect(small.width).to.equal(148);
    expect(small.height).to.equal(60);
    const big = measureCard({ name: 'A very long metric name that keeps going and going', value: '12,840 teams', change: '▲ +7.9%', kind: 'north-star', hasSparkline: true });
    expect(big.width).to.equal(288);
    expect(big.height).to.equal(82);
    expect(big.name.endsWith('…')).to.equal(true);
    expect(big.kindWidth).to.be.above(40);
  });
  it('moves the kind pill to the value line rather than cut the name beside it', () => {
    const long = measureCard({ name: 'Onboarding checklist completion', value: '61%', change: '▲ +6 pp', kind: 'hypothesis', hasSparkline: true });
    expect(long.kindRow).to.equal('value');
    expect(long.name).to.equal('Onboarding checklist completion');
    expect(long.width).to.be.at.most(288);
    const short = measureCard({ name: 'Signups', value: '3,380', change: '▲ +35.2%', kind: 'input', hasSparkline: true });
    expect(short.kindRow).to.equal('name');
    // No room on the value line either: the pill stays beside the (cut) name.
    const crowded = measureCard({ name: 'Weekly collaboration sessions per active team', value: '48,200,000,000 sessions', change: '▲ +6.9%', kind: 'hypothesis', hasSparkline: true });
    expect(crowded.kindRow).to.equal('name');
    expect(crowded.name.endsWith('…')).to.equal(true);
  });
  it('estimates text no narrower than the browser draws it, so large trees (estimated sizes) do not spill text', () => {
    const context = document.createElement('canvas').getContext('2d')!;
    // The element's default font stack; on Linux this resolves to DejaVu Sans, the widest common one.
    const family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    const samples: Array<[string, number, boolean]> = [
      ['Automations · Starter', 13, true], ['Starter · Outbound', 13, true], ['Onboarding checklist completion', 13, true],
      ['Time tracking · Education', 13, true], ['12,840 teams', 16, true], ['▲ +16.5%', 12, true], ['hypothesis', 10.5, false],
    ];
    for (const [text, size, bold] of samples) {
      context.font = `${bold ? '700 ' : ''}${size}px ${family}`;
      // 3 % slack: a card's 10 px padding absorbs rounding between engines.
      expect(estimateTextWidth(text, size, bold), text).to.be.at.least(context.measureText(text).width * 0.97);
    }
  });
});

describe('metric-tree/tree-layout: tidy layout', () => {
  for (const orientation of ['vertical', 'horizontal'] as Orientation[]) {
    it(`never overlaps two node boxes in random trees (${orientation}, seeded)`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 160 }), (seed, count) => {
          const tree = randomTree(seed, count);
          const layout = layoutTree(tree, () => true, sizes(tree), { orientation });
          expect(layout.nodes.length).to.equal(tree.nodes.size);
          expect(overlaps(layout)).to.deep.equal([]);
        }),
        { seed: 20261123, numRuns: 60 },
      );
    });
  }

  it('never overlaps two node boxes with compact leaf columns (seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 160 }), fc.integer({ min: 1, max: 4 }), (seed, count, group) => {
        const tree = randomTree(seed, count);
        const layout = layoutTree(tree, () => true, sizes(tree), { orientation: 'vertical', compactLeaves: group });
        expect(layout.nodes.length).to.equal(tree.nodes.size);
        expect(layout.links.length).to.equal(tree.nodes.size - 1);
        expect(overlaps(layout)).to.deep.equal([]);
      }),
      { seed: 4711, numRuns: 60 },
    );
  });

  it('stacks leaf inputs in a column in compact mode, narrower, in data order', () => {
    const tree = normalizeTree({ name: 'Root', children: Array.from({ length: 6 }, (_, i) => ({ name: `Leaf ${i}` })) }).value!;
    const wide = layoutTree(tree, () => true, sizes(tree), { orientation: 'vertical' });
    const column = layoutTree(tree, () => true, sizes(tree), { orientation: 'vertical', compactLeaves: 2 });
    expect(column.bounds.x1 - column.bounds.x0).to.be.below((wide.bounds.x1 - wide.bounds.x0) / 3);
    const leaves = column.nodes.slice(1);
    expect(leaves.map((n) => n.id)).to.deep.equal(['leaf-0', 'leaf-1', 'leaf-2', 'leaf-3', 'leaf-4', 'leaf-5']);
    expect(new Set(leaves.map((n) => n.x)).size).to.equal(1);
    for (let i = 1; i < leaves.length; i++) expect(leaves[i].y).to.be.above(leaves[i - 1].y + leaves[i - 1].height);
    expect(leaves[3].posinset).to.equal(4);
    expect(leaves[3].setsize).to.equal(6);
    expect(column.byId.get('root')!.shownChildren).to.equal(6);
    // Elbow links: down, across to the spine, down, into the card.
    expect(column.links[0].d).to.match(/^M[\d.-]+,[\d.-]+V[\d.-]+H[\d.-]+V[\d.-]+H[\d.-]+$/);
    expect(column.links[1].d).to.match(/^M[\d.-]+,[\d.-]+V[\d.-]+H[\d.-]+$/);
  });

  it('puts children below (vertical) or right of (horizontal) their parent, with aria positions', () => {
    const tree = normalizeTree({ name: 'Root', children: [{ name: 'A', children: [{ name: 'A1' }] }, { name: 'B' }, { name: 'C' }] }).value!;
    const v = layoutTree(tree, () => true, sizes(tree), { orientation: 'vertical' });
    const root = v.byId.get('root')!;
    const b = v.byId.get('b')!;
    expect(b.y).to.be.at.least(root.y + root.height + 64);
    expect(b.posinset).to.equal(2);
    expect(b.setsize).to.equal(3);
    expect(root.shownChildren).to.equal(3);
    expect(v.nodes.map((n) => n.id)).to.deep.equal(['root', 'a', 'a1', 'b', 'c']);
    // The root is centred over its children.
    const a = v.byId.get('a')!;
    const c = v.byId.get('c')!;
    expect(root.x + root.width / 2).to.be.closeTo((a.x + a.width / 2 + c.x + c.width / 2) / 2, 1e-6);
    const h = layoutTree(tree, () => true, sizes(tree), { orientation: 'horizontal' });
    expect(h.byId.get('b')!.x).to.be.at.least(h.byId.get('root')!.x + h.byId.get('root')!.width + 100);
    expect(v.links).to.have.length(4);
    expect(v.links[0].d).to.match(/^M[\d.-]+,[\d.-]+C/);
  });

  it('lays out only what is expanded', () => {
    const tree = normalizeTree({ name: 'Root', children: [{ name: 'A', children: [{ name: 'A1' }] }, { name: 'B' }] }).value!;
    const layout = layoutTree(tree, (id) => id === 'root', sizes(tree), { orientation: 'vertical' });
    expect(layout.nodes.map((n) => n.id)).to.deep.equal(['root', 'a', 'b']);
    expect(layout.byId.get('a')!.shownChildren).to.equal(0);
  });

  it('lays out a 20,000-deep chain without overflowing the stack', () => {
    const nodes = Array.from({ length: 20000 }, (_, i) => ({ id: `n${i}`, name: `N${i}`, ...(i ? { parent: `n${i - 1}` } : {}) }));
    const tree = normalizeTree({ nodes }).value!;
    const layout = layoutTree(tree, () => true, () => ({ width: 150, height: 60 }), { orientation: 'vertical' });
    expect(layout.nodes).to.have.length(20000);
    expect(layout.byId.get('n19999')!.y).to.equal(19999 * (60 + 64));
  });
});

describe('metric-tree/tree-layout: view', () => {
  it('fits bounds into a view, never above 100 %', () => {
    const t = fitTransform({ x0: 0, y0: 0, x1: 2000, y1: 500 }, 1000, 500, 0, 1);
    expect(t.k).to.equal(0.5);
    expect(t.x).to.equal(0);
    expect(t.y).to.equal(125);
    expect(fitTransform({ x0: 0, y0: 0, x1: 100, y1: 100 }, 1000, 500, 0, 1).k).to.equal(1);
  });
  it('computes the visible rectangle and culls to it', () => {
    const r = visibleRect({ x: -100, y: -50, k: 2 }, 400, 200);
    expect(r).to.deep.equal({ x0: 50, y0: 25, x1: 250, y1: 125 });
    const tree = normalizeTree({ name: 'Root', children: Array.from({ length: 50 }, (_, i) => ({ name: `C${i}` })) }).value!;
    const layout = layoutTree(tree, () => true, sizes(tree), { orientation: 'vertical' });
    const leaf = layout.byId.get('c25')!;
    const rect = nodeRect(leaf);
    // The lower half of one card: that card and no link (links end at the cards' top edges).
    const culled = cull(layout, { ...rect, y0: rect.y0 + 30 });
    expect(culled.nodes.map((n) => n.id)).to.deep.equal(['c25']);
    expect(culled.links).to.deep.equal([]);
    // The gap above it: its link, and not all 50.
    const above = cull(layout, { x0: rect.x0 + 20, x1: rect.x1 - 20, y0: rect.y0 - 30, y1: rect.y0 - 2 });
    expect(above.nodes).to.deep.equal([]);
    expect(above.links.map((l) => l.id)).to.include('c25');
    expect(above.links.length).to.be.below(50);
  });
  it('pans the least needed to bring a box into view', () => {
    const t = { x: 0, y: 0, k: 1 };
    expect(panIntoView(t, { x0: 10, y0: 10, x1: 50, y1: 50 }, 400, 300, 0)).to.equal(t);
    expect(panIntoView(t, { x0: 500, y0: 10, x1: 600, y1: 50 }, 400, 300, 10)).to.deep.equal({ x: -210, y: 0, k: 1 });
    expect(panIntoView(t, { x0: -80, y0: -40, x1: -20, y1: -10 }, 400, 300, 10)).to.deep.equal({ x: 90, y: 50, k: 1 });
  });
  it('opens a huge tree on its readable top levels', () => {
    const tree = randomTree(7, 400);
    const layout = layoutTree(tree, () => true, sizes(tree), { orientation: 'vertical' });
    const t = initialTransform(layout, 800, 480);
    expect(t.k).to.be.at.least(0.4);
    expect(fitTransform(layout.bounds, 800, 480, 24, 1).k).to.be.below(0.2);
    // A tree that fits at 20 % or more is shown whole.
    const small = normalizeTree({ name: 'Root', children: Array.from({ length: 12 }, (_, i) => ({ name: `C${i}` })) }).value!;
    const smallLayout = layoutTree(small, () => true, sizes(small), { orientation: 'vertical' });
    expect(initialTransform(smallLayout, 800, 480)).to.deep.equal(fitTransform(smallLayout.bounds, 800, 480, 24, 1));
  });
});
